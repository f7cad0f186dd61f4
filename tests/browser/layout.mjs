// The document page's layout in Debian's headless Chromium, as a reader
// meets it: the layout shift while it loads (PerformanceObserver), the
// contents panel at 1280 px (beside the text, still there after scrolling
// down) and at 390 px (hidden; the Contents button opens it over the
// page, Escape closes it and gives the focus back), the section being
// read marked in the contents, and line lengths. Prints JSON.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node layout.mjs URL SINGLE_VIEW_URL
import { launch, watchLayoutShift } from "./common.mjs";

const [url, single] = process.argv.slice(2);
const browser = await launch();
const visible = (sel) => {
  const el = document.querySelector(sel);
  if (!el || el.getClientRects().length === 0) return false;
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await watchLayoutShift(page);
  const out = {};
  for (const width of [1280, 390]) {
    await page.setViewport({ width, height: 900 });
    await page.goto(url, { waitUntil: "networkidle0" });
    await new Promise((r) => setTimeout(r, 500));
    const r = { cls: await page.evaluate(() => window.__cls) };
    r.tocVisible = await page.evaluate(visible, "nav.toc");
    r.buttonVisible = await page.evaluate(visible, ".to-contents");
    // Far down the page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.6));
    await new Promise((r) => setTimeout(r, 300));
    r.tocVisibleDown = await page.evaluate(visible, "nav.toc");
    r.buttonVisibleDown = await page.evaluate(visible, ".to-contents");
    r.current = await page.evaluate(() => {
      const a = document.querySelector("nav.toc a[aria-current]");
      return a ? a.getAttribute("href") : null;
    });
    // The marked entry's section starts above the top of the window, and the next one below it.
    r.currentIsAbove = await page.evaluate(() => {
      const a = document.querySelector("nav.toc a[aria-current]");
      if (!a) return false;
      const el = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
      return el.getBoundingClientRect().top < 100;
    });
    if (r.buttonVisibleDown) {
      const y = await page.evaluate(() => window.scrollY);
      await page.focus(".to-contents");
      await page.keyboard.press("Enter");
      r.openedVisible = await page.evaluate(visible, "nav.toc");
      r.focusInToc = await page.evaluate(() => !!document.activeElement.closest("nav.toc"));
      await page.keyboard.press("Escape");
      r.closedAgain = !(await page.evaluate(visible, "nav.toc"));
      r.focusBack = await page.evaluate(() => document.activeElement.classList.contains("to-contents"));
      r.stayed = (await page.evaluate(() => window.scrollY)) === y;
    }
    out[width] = r;
  }
  // Characters per line of the first long English paragraph, one-language view.
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(single, { waitUntil: "load" });
  out.lineChars = await page.evaluate(() => {
    const p = Array.from(document.querySelectorAll(".text")).find((t) => t.textContent.length > 400);
    const style = getComputedStyle(p);
    const lines = Math.round(p.getBoundingClientRect().height / parseFloat(style.lineHeight));
    return Math.round(p.textContent.length / lines);
  });
  if (errors.length) { throw new Error(errors.join("\n")); }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
