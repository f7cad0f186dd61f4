//! Every kind of page of the real site, served under a subpath, in headless
//! Chromium (tests/browser/axe.mjs): home, each view of a bilingual
//! document, a one-language document, a briefing, an edition comparison,
//! the topic index and a topic's page, Markdown pages with code, the 404
//! page, and search results in Chinese and in English; each at 1280 and at
//! 390 px. axe-core (the WCAG 2.0–2.2 A and AA rules, target size included)
//! finds nothing, nothing moves after the first paint (CLS under 0.05) and
//! no visible text is set under 12 px. A screenshot of each is kept in
//! `target/browser/` for review.

use crate::browser::{puppeteer_available, script, serve_real_site};

/// The pages checked, under the site's root.
const PAGES: &[&str] = &[
    "index.html",
    "documents/china-celac-action-plan-2025-2027/index.html",
    "documents/china-celac-action-plan-2025-2027/zh-Hans.html",
    "documents/china-celac-action-plan-2025-2027/en.html",
    "documents/china-lac-policy-paper-2025/index.html",
    "documents/china-celac-action-plan-2022-2024/index.html",
    "briefings/education-exchanges.html",
    "compare/china-celac-action-plan/2022-2024--2025-2027/index.html",
    "topics/index.html",
    "topics/finance.html",
    "commitments/china-celac-action-plan.html",
    "pages/data-format.html",
    "pages/how-to-cite.html",
    "404.html",
    "index.html#search=熊猫债券",
    "documents/china-lac-policy-paper-2025/en.html#search=poverty reduction",
];

#[test]
fn every_kind_of_page_is_accessible_still_and_legible_wide_or_narrow() {
    if !puppeteer_available() {
        return;
    }
    let (_served, port) = serve_real_site();
    let args: Vec<String> = PAGES
        .iter()
        .map(|p| format!("http://127.0.0.1:{port}/accord/{p}"))
        .collect();
    let Some(out) = script("axe.mjs", &args) else {
        return;
    };
    let checked = out.as_array().unwrap();
    assert_eq!(checked.len(), PAGES.len() * 2, "every page at both widths");
    let mut found = Vec::new();
    for page in checked {
        let cls = page["cls"].as_f64().unwrap();
        if cls >= 0.05 {
            found.push(format!(
                "{} at {} px: CLS {cls}",
                page["url"], page["width"]
            ));
        }
        for small in page["small"].as_array().unwrap() {
            found.push(format!(
                "{} at {} px: under 12 px: {small}",
                page["url"], page["width"]
            ));
        }
        for v in page["violations"].as_array().unwrap() {
            found.push(format!(
                "{} at {} px: {} ×{} {} — {}",
                page["url"], page["width"], v["id"], v["count"], v["targets"], v["summary"]
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
