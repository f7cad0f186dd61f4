// Types queries into the search box of the served site in Debian's
// headless Chromium, like a reader, and reports what it found as JSON:
// the result URLs, languages, titles, labels and aligned clauses, the time
// from the last keystroke to the results, the bytes of search files
// downloaded (and how many times pagefind.js and the WebAssembly were
// fetched), and where following a result landed.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node search.mjs http://127.0.0.1:PORT/accord/ '["熊猫债", {"q": "BeiDou", "lang": "en", "doc": "…", "page": "documents/…/en.html"}, …]'
//
// A query is a string, or an object with the language, document and topic to
// filter by (the box's own selects) and the page to search from.
// CHROMIUM_FLAGS: the flags of accord::pdf::CHROMIUM_FLAGS, which the test passes.
import { launch } from "./common.mjs";

const [base, queriesJson] = process.argv.slice(2);
const queries = JSON.parse(queriesJson);
const default_page = "documents/china-celac-action-plan-2025-2027/en.html";

const browser = await launch();
const out = [];
try {
  for (const query of queries) {
    const { q, lang = "", doc = "", topic = "", page: page_path = default_page } = typeof query === "string" ? { q: query } : query;
    const page = await browser.newPage();
    try {
    const cdp = await page.createCDPSession();
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const sizes = new Map();
    cdp.on("Network.responseReceived", (e) => sizes.set(e.requestId, { url: e.response.url, bytes: 0 }));
    cdp.on("Network.loadingFinished", (e) => { const s = sizes.get(e.requestId); if (s) s.bytes = e.encodedDataLength; });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // Every request must go to the site itself: no other host, ever.
    const foreign = [];
    page.on("request", (r) => { if (!r.url().startsWith(new URL(base).origin + "/")) foreign.push(r.url()); });
    await page.goto(base + page_path, { waitUntil: "load" });
    // "/" focuses the box from anywhere on the page.
    await page.keyboard.press("/");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    // The filters, chosen with the keyboard: Tab to a select, then its value.
    for (const [id, value] of [["#search-lang", lang], ["#search-doc", doc], ["#search-topic", topic]]) {
      if (!value) continue;
      await page.focus(id);
      await page.select(id, value);
      await page.focus("#search-input");
    }
    await page.keyboard.type(q, { delay: 5 });
    await page.waitForFunction(() => {
      const s = document.querySelector("form.search").getAttribute("data-state");
      return s === "done" || s === "failed";
    }, { timeout: 30000 });
    const found = await page.evaluate(() => {
      const form = document.querySelector("form.search");
      return {
        state: form.getAttribute("data-state"),
        ms: Number(form.getAttribute("data-last-ms")),
        status: document.querySelector(".search-status").textContent,
        results: [...document.querySelectorAll(".search-results li a")].map((a) => a.href),
        langs: [...document.querySelectorAll(".search-results li")].map((li) => li.getAttribute("lang")),
        // What each result shows: the document's title, the clause's label,
        // and whether its excerpt marks a match.
        titles: [...document.querySelectorAll(".search-results .where")].map((w) => w.firstChild ? w.firstChild.textContent : ""),
        labels: [...document.querySelectorAll(".search-results .label")].map((l) => l.textContent),
        // The same clause in the other languages, shown with each result.
        aligned: [...document.querySelectorAll(".search-results li")].map((li) =>
          [...li.querySelectorAll(".aligned")].map((s) => ({ lang: s.getAttribute("lang"), text: s.lastChild.textContent }))),
        excerpts: [...document.querySelectorAll(".search-results .excerpt")].map((e) => e.textContent),
        marked: [...document.querySelectorAll(".search-results .excerpt")].map((e) => !!e.querySelector("mark")),
        // (as shown: the texts of the other interface languages are hidden)
        label: document.querySelector("label[for=search-input]").innerText,
      };
    });
    // Pagefind's bundle and the documents' clause files (search/<id>.json.gz).
    const searchFiles = [...sizes.values()].filter((s) => s.url.includes("/pagefind/") || /\/search\/[^/]*\.json\.gz$/.test(s.url));
    const searchBytes = searchFiles.reduce((n, s) => n + s.bytes, 0);
    // pagefind.js and the WebAssembly: once per page, whatever the languages.
    const loads = {
      js: searchFiles.filter((s) => /\/pagefind\.js(\?|$)/.test(s.url)).length,
      wasm: searchFiles.filter((s) => /\/wasm\.[^/]*\.pagefind$/.test(s.url)).length,
    };
    // Arrow down to the first result (a link, focused) and open it with Enter.
    let landed = null;
    if (found.results.length) {
      await page.keyboard.press("ArrowDown");
      const selected = await page.evaluate(() => document.activeElement.closest(".search-results") && document.activeElement.href);
      await Promise.all([
        page.waitForFunction((want) => location.href === want, { timeout: 15000 }, selected),
        page.keyboard.press("Enter"),
      ]);
      // The browser scrolls to the clause once the page is laid out: wait
      // for it (up to 5 s on a busy machine), then look.
      await page.waitForFunction(() => {
        const el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        const r = el && el.getBoundingClientRect();
        return !!r && r.top < window.innerHeight && r.bottom > 0;
      }, { timeout: 5000 }).catch(() => {});
      landed = await page.evaluate(() => {
        const id = decodeURIComponent(location.hash.slice(1));
        const el = document.getElementById(id);
        const r = el && el.getBoundingClientRect();
        return { url: location.href, found: !!el, visible: !!r && r.top < window.innerHeight && r.bottom > 0 };
      });
      landed.selected = selected;
    }
    out.push({ query: q, focused, ...found, searchBytes, loads, files: searchFiles.map((s) => [s.url.replace(/^.*\/(pagefind|search)\//, "$1/"), s.bytes]), landed, errors, foreign });
    } catch (e) {
      out.push({ query: q, failure: String(e && e.stack || e) });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
