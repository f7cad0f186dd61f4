import puppeteer from "puppeteer-core";
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: process.env.CHROMIUM_FLAGS.split(" ") });
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.text()));
await page.goto("http://127.0.0.1:8765/accord/documents/china-celac-action-plan-2025-2027/en.html?q=BeiDou");
await new Promise((r) => setTimeout(r, 3000));
console.log(await page.evaluate(async () => {
  const pf = await import("/accord/pagefind/pagefind.js");
  const f = await pf.search(null, { filters: { doc: ["china-lac-policy-paper-2025"], lang: ["zh-Hans"] } });
  const d = f.results.length && await f.results[0].data();
  return JSON.stringify({ n: f.results.length, keys: d && Object.keys(d), anchors: d && d.anchors.slice(0, 2), raw: d && (d.raw_content || "").slice(0, 50) });
}));
await browser.close();
