// axe-core (WCAG 2.0–2.2 A and AA rules, target-size included) on each
// page given, at 1280 and 390 px, in Debian's headless Chromium; and, on
// the same loads, the layout shift from first paint (CLS, from a
// PerformanceObserver) and the visible text set under 12 px. Prints JSON:
// for each page and width, the violations (rule, impact, how many
// elements, the first few elements' selectors), `cls` and `small`. A URL ending in
// `#search=QUERY` is checked with the results of QUERY shown (typed into
// the search box).
//
// With SHOTS=DIR, a screenshot of each page at each width is kept there
// for review (`<path>-<width>.png`).
//
//   CHROMIUM_FLAGS="--no-sandbox …" [SHOTS=DIR] node axe.mjs URL…
import { createRequire } from "node:module";
import { launch, watchLayoutShift } from "./common.mjs";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const urls = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  // The site's Content-Security-Policy allows only its own scripts; axe is
  // added by the test.
  await page.setBypassCSP(true);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await watchLayoutShift(page);
  const out = [];
  for (const arg of urls) {
    const [url, query] = arg.split("#search=");
    for (const width of [1280, 390]) {
      await page.setViewport({ width, height: 900 });
      await page.goto(url, { waitUntil: "networkidle0" });
      await new Promise((r) => setTimeout(r, 300));
      const cls = await page.evaluate(() => window.__cls);
      // Visible text (an element's own text) set under 12 px.
      const small = await page.evaluate(() => {
        const found = [];
        for (const el of document.body.querySelectorAll("*")) {
          const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!own || el.getClientRects().length === 0) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 12) found.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px: ${el.textContent.trim().slice(0, 30)}`);
        }
        return found.slice(0, 5);
      });
      if (query) {
        await page.keyboard.press("/");
        await page.keyboard.type(decodeURIComponent(query), { delay: 5 });
        await page.waitForFunction(() =>
          document.querySelector("form.search").getAttribute("data-state") === "done", { timeout: 30000 });
      }
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          resultTypes: ["violations"],
        });
        return r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          count: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          summary: v.nodes[0] && v.nodes[0].failureSummary,
        }));
      });
      if (process.env.SHOTS) {
        const name = new URL(url).pathname.split("/").slice(2).join("-").replace(/\.html$/, "") || "home";
        const what = (name + (query ? "-search" : "")).replace(/[^A-Za-z0-9_-]/g, "-");
        await page.screenshot({ path: `${process.env.SHOTS}/${what}-${width}.png` });
      }
      out.push({ url: arg, width, violations, cls, small });
    }
  }
  if (errors.length) { throw new Error(errors.join("\n")); }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
