// What the browser scripts share: Debian's Chromium started headless with
// accord's flags, and the layout shift of a page counted from its first
// paint.
import puppeteer from "puppeteer-core";

/// Debian's headless Chromium, with accord::pdf::CHROMIUM_FLAGS (passed by
/// the test in CHROMIUM_FLAGS).
export function launch() {
  return puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: process.env.CHROMIUM_FLAGS.split(" "),
  });
}

/// From the next page loaded in `page` on, its layout shifts are summed
/// as CLS counts them, in `window.__cls`.
export function watchLayoutShift(page) {
  return page.evaluateOnNewDocument(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}
