// Keyboard focus is never hidden under the sticky column headers of a
// parallel page, in Debian's headless Chromium: from the top with Tab and
// from the end of the page with Shift+Tab (where the page scrolls each
// focus stop into view at the top, under the headers), at 1280 and 390 px,
// each focused element checked against the headers when they are stuck.
// Prints JSON: per width and direction, the stops visited and those hidden.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node focus.mjs URL
import { launch } from "./common.mjs";

const [url] = process.argv.slice(2);
const STOPS = 300;
const browser = await launch();
try {
  const page = await browser.newPage();
  const out = {};
  for (const width of [1280, 390]) {
    for (const back of [false, true]) {
      await page.setViewport({ width, height: 700 });
      await page.goto(url, { waitUntil: "networkidle0" });
      if (back) {
        await page.evaluate(() => {
          const last = Array.from(document.querySelectorAll("main a[href], main button, main summary")).pop();
          last.focus();
        });
      }
      const hidden = [];
      let visited = 0;
      for (let i = 0; i < STOPS; i++) {
        if (back) await page.keyboard.down("Shift");
        await page.keyboard.press("Tab");
        if (back) await page.keyboard.up("Shift");
        const r = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const b = el.getBoundingClientRect();
          const head = document.querySelector(".colheads");
          const h = head && head.getClientRects().length ? head.getBoundingClientRect() : null;
          // Stuck at the top, and over the focused element.
          const under = !!h && h.top <= 1 && b.top < h.bottom - 1 && b.bottom > h.top
            && b.left < h.right && b.right > h.left;
          return { under, what: el.outerHTML.slice(0, 100) };
        });
        if (!r) continue;
        visited++;
        if (r.under) hidden.push(r.what);
      }
      out[`${width}${back ? "-back" : ""}`] = { visited, hidden: hidden.slice(0, 5), count: hidden.length };
    }
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
