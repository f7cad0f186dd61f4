// Renders a CSL-JSON file (documents/<id>/cite.json) with citeproc-js, the
// CSL processor of Zotero and Mendeley, in a style and locale that the npm
// package @citation-js/plugin-csl ships (apa, vancouver, harvard1; en-US …):
// no network. Prints JSON: { bibliography: [entry, …], citation } where
// the citation cites ITEM (an id of the file) at LOCATOR with LABEL (a CSL
// locator term: section, paragraph …).
//
//   node csl.mjs FILE STYLE LOCALE ITEM LOCATOR LABEL
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import CSL from "citeproc";

const require = createRequire(import.meta.url);
const styles = require("@citation-js/plugin-csl/lib/styles.json");
const locales = require("@citation-js/plugin-csl/lib/locales.json");

const [file, style, locale, item, locator, label] = process.argv.slice(2);
const items = JSON.parse(readFileSync(file, "utf8"));
const byId = Object.fromEntries(items.map((i) => [i.id, i]));
const engine = new CSL.Engine(
  {
    retrieveLocale: (lang) => locales[lang] || locales[locale],
    retrieveItem: (id) => byId[id],
  },
  styles[style],
  locale,
  true,
);
engine.setOutputFormat("text");
engine.updateItems(items.map((i) => i.id));
const [, entries] = engine.makeBibliography();
const citation = engine.makeCitationCluster([{ id: item, locator, label }]);
console.log(JSON.stringify({ bibliography: entries.map((e) => e.trim()), citation }));
