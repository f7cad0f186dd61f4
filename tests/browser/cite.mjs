// Clicks the Cite button of one clause in each of its cells, in Debian's
// headless Chromium, and reports what was copied as JSON: a list of
// { lang, copied, label } in the order of the cells.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node cite.mjs http://127.0.0.1:PORT/accord/documents/…/index.html KEY
//
// CHROMIUM_FLAGS: the flags of accord::pdf::CHROMIUM_FLAGS, which the test passes.
import { launch } from "./common.mjs";

const [url, key] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  // What the page would put on the clipboard.
  await page.evaluate(() => {
    window.__copied = [];
    navigator.clipboard.writeText = (t) => { window.__copied.push(t); return Promise.resolve(); };
  });
  const cells = await page.evaluate((k) => {
    const node = document.getElementById(k);
    return node ? Array.from(node.querySelectorAll(":scope > .cell")).map((c) => c.getAttribute("lang")) : [];
  }, key);
  const out = [];
  for (const lang of cells) {
    const button = await page.evaluateHandle((k, l) =>
      document.getElementById(k).querySelector(`:scope > .cell[lang="${l}"] button.cite`), key, lang);
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => window.__copied.length >= n, { timeout: 5000 }, out.length + 1);
    const copied = await page.evaluate(() => window.__copied[window.__copied.length - 1]);
    const label = await page.evaluate((b) => b.textContent, button);
    out.push({ lang, copied, label });
  }
  if (errors.length) { throw new Error(errors.join("\n")); }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
