// The cross-links of a document page in Debian's headless Chromium: at
// 1280 px, folded, how tall the rows' cross-link markers are against the
// text of the rows (the cells); the markers' size as targets; the page's
// switch from the keyboard (every list opened, aria-pressed, remembered
// after a reload, closed again); at 390 px, one block of links per row.
// Prints JSON; saves screenshots into OUT_DIR.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node refs.mjs URL OUT_DIR
import { launch } from "./common.mjs";

const [url, out] = process.argv.slice(2);
const browser = await launch();
// Heights summed over the page: the rows' cells (the tallest cell of each
// row, as the row shows it) and their cross-link blocks, margins included.
const measure = () => {
  const outer = (el) => {
    const s = getComputedStyle(el);
    return el.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom);
  };
  let text = 0, links = 0, rows = 0, twice = 0;
  for (const row of document.querySelectorAll(".nodes > .node")) {
    const cells = Array.from(row.querySelectorAll(":scope > .cell")).filter((c) => c.getClientRects().length);
    text += Math.max(0, ...cells.map(outer));
    const x = row.querySelectorAll(".xrefs");
    if (x.length) { rows++; links += outer(x[0]); }
    if (x.length > 1 || row.querySelector(".cell .xrefs")) twice++;
  }
  const open = document.querySelectorAll(".xrefs details[open]").length;
  const all = document.querySelectorAll(".xrefs details").length;
  // The smallest marker, as a target.
  let minW = Infinity, minH = Infinity;
  for (const s of document.querySelectorAll(".xrefs summary")) {
    const r = s.getBoundingClientRect();
    minW = Math.min(minW, r.width); minH = Math.min(minH, r.height);
  }
  const button = document.querySelector(".refs-switch button");
  return {
    text: Math.round(text), links: Math.round(links), rows, twice, open, all,
    minW: Math.round(minW), minH: Math.round(minH),
    pressed: button ? button.getAttribute("aria-pressed") : null,
    switchVisible: !!button && getComputedStyle(button.parentNode).visibility === "visible" && button.getClientRects().length > 0,
  };
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const result = {};
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  result.folded = await page.evaluate(measure);
  await page.screenshot({ path: `${out}/refs-folded-1280.png` });
  // A row with its first marker opened: its list in place, below it.
  const row = await page.evaluate(() => {
    const s = document.querySelector(".xrefs summary");
    s.scrollIntoView({ block: "center" });
    return s.closest(".node").id;
  });
  await page.focus(`[id="${row}"] .xrefs summary`);
  await page.keyboard.press("Enter");
  result.oneOpened = await page.evaluate((id) => {
    const d = document.getElementById(id).querySelector(".xrefs details");
    const list = d.querySelector("ul").getBoundingClientRect();
    const summary = d.querySelector("summary").getBoundingClientRect();
    // The cells, and the last block of each (its bottom margin may hold the markers).
    const cells = Array.from(document.getElementById(id).querySelectorAll(":scope > .cell")).map((c) => c.getBoundingClientRect());
    const ends = Array.from(document.getElementById(id).querySelectorAll(":scope > .cell > :last-child")).map((c) => c.getBoundingClientRect());
    return {
      open: d.open,
      below: list.top >= summary.bottom - 1 && ends.every((c) => summary.top >= c.bottom - 1),
      // Across the columns: wider than one cell.
      wide: list.width > Math.max(...cells.map((c) => c.width)),
      // Titles whole: no link text clipped.
      clipped: Array.from(d.querySelectorAll("a.ref .t")).filter((t) => t.scrollWidth > t.clientWidth + 1).length,
    };
  }, row);
  await page.screenshot({ path: `${out}/refs-one-open-1280.png` });
  // The switch, from the keyboard.
  await page.focus(".refs-switch button");
  await page.keyboard.press("Enter");
  result.switched = await page.evaluate(measure);
  result.focusVisible = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return document.activeElement.matches(".refs-switch button") && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  });
  await page.reload({ waitUntil: "load" });
  result.remembered = await page.evaluate(measure);
  await page.screenshot({ path: `${out}/refs-open-1280.png` });
  await page.focus(".refs-switch button");
  await page.keyboard.press(" ");
  result.closed = await page.evaluate(measure);
  await page.reload({ waitUntil: "load" });
  result.closedRemembered = await page.evaluate(measure);
  await page.setViewport({ width: 390, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  result.phone = await page.evaluate(measure);
  await page.evaluate(() => document.querySelector(".xrefs").scrollIntoView({ block: "center" }));
  await page.screenshot({ path: `${out}/refs-folded-390.png` });
  if (errors.length) { throw new Error(errors.join("\n")); }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
