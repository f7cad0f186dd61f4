// The interface language chosen by the reader, in Debian's headless
// Chromium, on a document's parallel page opened at a clause, at 1280 and
// 390 px: the page's own interface by default (and without script); the
// header's switch, pressed with Enter, turns it to English in place (no
// reload, the address and its fragment kept, the clause where it was on
// the screen, the focus on the switch back), and Tab reaches it from the
// top of the page; remembered: the next visit
// has the English interface before its first paint, without moving;
// `?ui=` in the address wins. Each time: no element of another interface
// shown, no text under 12 px, the names of the contents and the switch
// read in the interface language. And the links at the end of a section,
// from the keyboard: to the next section, and back to the contents (and
// Escape back again). axe-core (the rules of tests/browser/axe.mjs) on the
// English interface. Screenshots in ARTIFACTS. Prints JSON.
//
//   CHROMIUM_FLAGS="--no-sandbox …" node interface.mjs URL KEY ARTIFACTS
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const [url, key, artifacts] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: process.env.CHROMIUM_FLAGS.split(" "), // accord::pdf::CHROMIUM_FLAGS
});
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

// What the page shows now: its interface language, the elements of other
// interfaces that are rendered anyway, text under 12 px, the contents'
// title and first entry, the search box's placeholder, where the clause is.
function state(key) {
  const root = document.documentElement;
  const ui = root.getAttribute("data-ui");
  const rendered = (el) => el.getClientRects().length > 0;
  // (templates/interface.html: a text of class `ui` is for the interface
  // of its lang and those its data-for-ui names)
  const other = (el) => el.getAttribute("lang") !== ui &&
    !(el.getAttribute("data-for-ui") || "").split(" ").includes(ui);
  const foreign = Array.from(document.querySelectorAll(".ui")).filter(other)
    .concat(Array.from(document.querySelectorAll("[data-set-ui='" + ui + "']")))
    .filter(rendered)
    .map((el) => el.outerHTML.slice(0, 80));
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const t = walker.currentNode;
    const el = t.parentElement;
    if (!t.textContent.trim() || !el || !rendered(el) || el.closest(".visually-hidden")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    if (parseFloat(style.fontSize) < 12) small.push(style.fontSize + " " + t.textContent.trim().slice(0, 30));
  }
  // The text shown of the first of `sels` that is shown.
  const visibleText = (...sels) => {
    for (const sel of sels) {
      const el = document.querySelector(sel);
      if (el && rendered(el)) return el.innerText.trim();
    }
    return null;
  };
  const clause = document.getElementById(key);
  return {
    ui,
    stored: (() => { try { return localStorage.getItem("accord.ui"); } catch (e) { return "error"; } })(),
    href: location.href,
    marker: window.__marker || null,
    uiAtFirstFrame: window.__uiAtFirstFrame || null,
    cls: window.__cls,
    foreign,
    small: small.slice(0, 10),
    // The contents' title, or on a phone the button that opens them.
    contents: visibleText(".toc-title > span", ".to-contents"),
    firstEntry: visibleText("nav.toc ol a"),
    skip: document.querySelector("a.skip").innerText.trim(),
    placeholder: document.querySelector("#search-input").getAttribute("placeholder"),
    switchShown: rendered(document.querySelector(".ui-switch")),
    switches: Array.from(document.querySelectorAll(".ui-switch button")).filter(rendered).map((b) => b.getAttribute("data-set-ui")),
    focus: document.activeElement ? document.activeElement.outerHTML.slice(0, 80) : null,
    clauseTop: clause ? Math.round(clause.getBoundingClientRect().top) : null,
    scrollY: Math.round(window.scrollY),
  };
}

// The accessible names of the contents, the views and the switch's group
// (null for one not shown: the contents on a phone until opened).
async function names(page) {
  const out = {};
  for (const [what, sel] of [["toc", "nav.toc"], ["views", "nav.views"], ["switch", ".ui-switch"], ["refs", ".refs-switch button"]]) {
    const el = await page.$(sel);
    const shown = el && (await el.evaluate((e) => e.getClientRects().length > 0));
    const node = shown && (await page.accessibility.snapshot({ root: el, interestingOnly: false }));
    out[what] = node ? node.name : null;
  }
  return out;
}

// Presses Tab until `sel` has the focus; how many presses it took.
async function tabTo(page, sel) {
  for (let i = 1; i <= 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), sel)) return i;
  }
  return null;
}

const setup = () => {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  // The interface language when the first frame is drawn.
  requestAnimationFrame(() => { window.__uiAtFirstFrame = document.documentElement.getAttribute("data-ui"); });
};

const out = {};
try {
  for (const width of [1280, 390]) {
    const r = {};
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.evaluateOnNewDocument(setup);
    await page.setViewport({ width, height: 900 });
    const at = url + "#" + encodeURIComponent(key).replace(/%3A/g, ":");

    // By default: the page's own interface.
    await page.goto(at, { waitUntil: "networkidle0" });
    await wait(300);
    await page.evaluate(() => { window.__marker = "same page"; });
    r.before = await page.evaluate(state, key);
    r.namesBefore = await names(page);

    // The switch pressed (Enter) where the reader is, at the clause: the
    // focus put on it without scrolling.
    await page.evaluate(() => document.querySelector(".ui-switch button[data-set-ui='en']").focus({ preventScroll: true }));
    await page.keyboard.press("Enter");
    await wait(300);
    r.after = await page.evaluate(state, key);
    r.namesAfter = await names(page);
    await page.screenshot({ path: `${artifacts}/interface-en-${width}.png` });

    // From the top of the page, Tab reaches it.
    await page.goto(url, { waitUntil: "networkidle0" });
    r.tabs = await tabTo(page, ".ui-switch button[data-set-ui='zh-Hans']");

    // The next visit: English before the first paint, nothing moves.
    await page.goto(url, { waitUntil: "networkidle0" });
    await wait(500);
    r.again = await page.evaluate(state, key);

    // The address wins over the remembered choice.
    await page.goto(url + "?ui=zh-Hans", { waitUntil: "networkidle0" });
    r.asked = await page.evaluate(state, key);

    // The links at the end of a section, from the keyboard.
    await page.goto(at, { waitUntil: "networkidle0" });
    await wait(300);
    const next = await page.$eval(".section-nav a.next", (a) => a.getAttribute("href"));
    await page.focus(".section-nav a.next");
    await page.keyboard.press("Enter");
    await wait(300);
    r.next = await page.evaluate((href) => {
      const el = document.getElementById(decodeURIComponent(href.slice(1)));
      return { wanted: href, hash: location.hash, top: Math.round(el.getBoundingClientRect().top) };
    }, next);
    await page.focus(".section-nav a.back-to-contents");
    await page.keyboard.press("Enter");
    await wait(300);
    r.contents = await page.evaluate(() => {
      const toc = document.querySelector("nav.toc");
      const rect = toc.getBoundingClientRect();
      return {
        visible: toc.getClientRects().length > 0 && rect.bottom > 0 && rect.top < window.innerHeight,
        focusInToc: !!document.activeElement.closest("nav.toc"),
      };
    });
    r.contents.name = (await names(page)).toc;
    await page.keyboard.press("Escape");
    r.contents.focusBack = await page.evaluate(() => document.activeElement.classList.contains("back-to-contents"));
    await page.screenshot({ path: `${artifacts}/section-nav-${width}.png` });
    r.errors = errors;
    await context.close();

    // axe on the English interface (its own page: axe is added by the
    // test, past the site's Content-Security-Policy).
    const checked = await browser.createBrowserContext();
    const p3 = await checked.newPage();
    await p3.setBypassCSP(true);
    await p3.setViewport({ width, height: 900 });
    await p3.goto(url + "?ui=en", { waitUntil: "networkidle0" });
    await p3.addScriptTag({ path: axePath });
    r.axe = await p3.evaluate(async () => {
      const found = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      });
      return found.violations.map((v) => `${v.id} ×${v.nodes.length} ${v.nodes[0].target.join(" ")}`);
    });
    r.axeUi = await p3.evaluate(() => document.documentElement.getAttribute("data-ui"));
    await checked.close();

    // Without script: the page's own interface, no switch.
    const plain = await browser.createBrowserContext();
    const p2 = await plain.newPage();
    await p2.setJavaScriptEnabled(false);
    await p2.setViewport({ width, height: 900 });
    await p2.goto(url + "?ui=en", { waitUntil: "networkidle0" });
    r.noScript = await p2.evaluate(state, key);
    await plain.close();
    out[width] = r;
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
