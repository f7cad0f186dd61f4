//! The document page's layout in headless Chromium (tests/browser/
//! layout.mjs), the real site served under a subpath: no layout shift
//! while it loads (CLS < 0.05 at 1280 and 390 px), the contents beside the
//! text on a wide screen and still there far down the page, on a phone a
//! Contents button that opens them over the page from the keyboard and
//! closes them with Escape without moving the reader, the section being
//! read marked, and 60–75 characters per line in a one-language view.
//! The cross-links of the 2025 plan's parallel page (tests/browser/
//! refs.mjs): folded, a small fraction of the text's height; the page's
//! switch opens them all from the keyboard and is remembered. Focus
//! never hidden under the sticky column headers (tests/browser/focus.mjs).

use crate::browser::{artifacts, puppeteer_available, script, serve_real_site};

#[test]
fn the_document_page_does_not_move_and_its_contents_are_at_hand() {
    if !puppeteer_available() {
        return;
    }
    let (_served, port) = serve_real_site();
    let base = format!("http://127.0.0.1:{port}/accord/documents");
    let Some(r) = script(
        "layout.mjs",
        &[
            format!("{base}/china-celac-action-plan-2025-2027/index.html"),
            format!("{base}/china-lac-policy-paper-2025/en.html"),
        ],
    ) else {
        return;
    };
    let yes = |width: &str, what: &str| r[width][what] == true;

    for width in ["1280", "390"] {
        let cls = r[width]["cls"].as_f64().unwrap();
        assert!(cls < 0.05, "layout shift at {width} px: {cls}");
        assert!(
            r[width]["current"].is_string(),
            "{width}: the section being read is marked: {r}"
        );
        assert!(
            yes(width, "currentIsAbove"),
            "{width}: the marked section is the one at the top: {r}"
        );
    }
    for what in ["tocVisible", "tocVisibleDown"] {
        assert!(yes("1280", what), "1280: {what}: {r}");
    }
    assert!(
        !yes("1280", "buttonVisible"),
        "no Contents button beside the contents"
    );
    assert!(
        !yes("390", "tocVisible"),
        "390: the contents do not push the text down"
    );
    for what in [
        "buttonVisible",
        "buttonVisibleDown",
        "openedVisible",
        "focusInToc",
        "closedAgain",
        "focusBack",
        "stayed",
    ] {
        assert!(yes("390", what), "390: {what}: {r}");
    }
    let chars = r["lineChars"].as_i64().unwrap();
    assert!((60..=75).contains(&chars), "{chars} characters per line");
}

#[test]
fn cross_links_are_folded_under_a_fifth_of_the_text_and_open_on_demand() {
    let (_served, port) = serve_real_site();
    let url = format!(
        "http://127.0.0.1:{port}/accord/documents/china-celac-action-plan-2025-2027/index.html"
    );
    let shots = artifacts().display().to_string();
    let Some(r) = script("refs.mjs", &[url, shots]) else {
        return;
    };
    eprintln!("cross-links: {r}");
    let n = |case: &str, what: &str| r[case][what].as_f64().unwrap();
    let folded = &r["folded"];
    // Every row with links shows them once, folded.
    assert!(n("folded", "rows") > 100.0, "{folded}");
    assert_eq!(n("folded", "twice"), 0.0, "{folded}");
    assert_eq!(n("folded", "open"), 0.0, "{folded}");
    assert!(n("folded", "all") >= n("folded", "rows"), "{folded}");
    // Links well under a fifth of the text's height (the audit found them
    // as tall as the text: 18,045 px against 19,248 px).
    let share = n("folded", "links") / n("folded", "text");
    assert!(
        share < 0.15,
        "links {share:.3} of the text's height: {folded}"
    );
    // Each marker a target of 24 × 24 px at least.
    assert!(
        n("folded", "minW") >= 24.0 && n("folded", "minH") >= 24.0,
        "{folded}"
    );
    assert_eq!(folded["pressed"], "false");
    assert_eq!(folded["switchVisible"], true);
    // One marker opened by the keyboard: its list below the row's cells,
    // across the columns, no title clipped.
    let one = &r["oneOpened"];
    for what in ["open", "below", "wide"] {
        assert_eq!(one[what], true, "{what}: {one}");
    }
    assert_eq!(one["clipped"], 0, "{one}");
    // The switch opens every list, says so, and the next page remembers.
    for case in ["switched", "remembered"] {
        assert_eq!(r[case]["pressed"], "true", "{case}: {r}");
        assert_eq!(n(case, "open"), n(case, "all"), "{case}: {r}");
    }
    assert_eq!(r["focusVisible"], true, "{r}");
    for case in ["closed", "closedRemembered"] {
        assert_eq!(r[case]["pressed"], "false", "{case}: {r}");
        assert_eq!(n(case, "open"), 0.0, "{case}: {r}");
    }
    // On a phone, still once per row.
    assert_eq!(n("phone", "twice"), 0.0, "{r}");
    assert_eq!(n("phone", "rows"), n("folded", "rows"), "{r}");
}

/// Keyboard focus is never hidden under the parallel page's sticky column
/// headers (tests/browser/focus.mjs), going down with Tab or up with
/// Shift+Tab, which scrolls each stop into view at the top: without
/// `scroll-padding-top`, 32 of 300 stops going up sat under them.
#[test]
fn keyboard_focus_is_never_hidden_under_the_column_headers() {
    if !puppeteer_available() {
        return;
    }
    let (_served, port) = serve_real_site();
    let url = format!(
        "http://127.0.0.1:{port}/accord/documents/china-celac-action-plan-2025-2027/index.html"
    );
    let Some(r) = script("focus.mjs", &[url]) else {
        return;
    };
    for case in ["1280", "1280-back", "390", "390-back"] {
        assert_eq!(
            r[case]["visited"], 300,
            "{case}: every Tab lands somewhere: {r}"
        );
        assert_eq!(r[case]["count"], 0, "{case}: focus hidden: {r}");
    }
}
