// The columns of a parallel page in Debian's headless Chromium: where the
// cells of one node are at 1280 px (all languages, then two asked for in
// the address), at 390 px, and after unticking a language (then again
// after a reload, which must remember it). Prints JSON; saves screenshots.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node columns.mjs URL KEY OUT_DIR SHOW
//
// SHOW: the `?show=` value for the two-language case (e.g. zh-Hans,es).
import { launch } from "./common.mjs";

const [url, key, out, show] = process.argv.slice(2);
const browser = await launch();
// The visible cells of node `k` (and the column heads), in page order.
const cells = (k) => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { lang: el.getAttribute("lang"), x: Math.round(r.left), y: Math.round(r.top + window.scrollY), w: Math.round(r.width) };
  };
  const shown = (el) => el.getClientRects().length > 0;
  const node = document.getElementById(k);
  return {
    cells: Array.from(node.querySelectorAll(":scope > .cell")).filter(shown).map(box),
    heads: Array.from(document.querySelectorAll(".colheads > [lang]")).filter(shown).map(box),
    chooser: shown(document.querySelector(".show-langs")),
  };
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const result = {};
  const look = async (name, width, address) => {
    await page.setViewport({ width, height: 900 });
    await page.goto(address, { waitUntil: "load" });
    result[name] = await page.evaluate(cells, key);
    await page.screenshot({ path: `${out}/trilingual-${name}-${width}.png` });
  };
  await look("all", 1280, url);
  await look("two", 1280, `${url}?show=${show}`);
  await look("narrow", 390, url);
  // Untick English: its cells go, the choice is kept for the next page.
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  await page.click(".show-langs input[value='en']");
  result.unticked = await page.evaluate(cells, key);
  await page.reload({ waitUntil: "load" });
  result.remembered = await page.evaluate(cells, key);
  if (errors.length) { throw new Error(errors.join("\n")); }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
