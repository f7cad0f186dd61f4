//! The interface language chosen by the reader, in headless Chromium
//! (tests/browser/interface.mjs), on the 2025 plan's parallel page served
//! under a subpath and opened at a clause, at 1280 and 390 px: Chinese
//! by default; the header's switch (reached with Tab), pressed with Enter,
//! gives an English interface in place and keeps the reader at the same clause (the
//! address and its fragment kept, the clause at the same height); the
//! choice is remembered and applied before the first paint, without
//! moving anything; `?ui=` wins; without script the page's own interface.
//! Never an element of another interface shown, no text under 12 px;
//! axe-core finds nothing in the English interface.
//! The links at the end of a section lead, from the keyboard, to the next
//! one and to the contents. Screenshots in `target/browser/`.

use crate::browser::{artifacts, puppeteer_available, script, serve_real_site};

#[test]
fn the_interface_switch_keeps_the_reader_at_the_same_clause() {
    if !puppeteer_available() {
        return;
    }
    let (_served, port) = serve_real_site();
    let key = "china-celac-action-plan-2025-2027:art_2__sec_3__cl_3";
    let url = format!(
        "http://127.0.0.1:{port}/accord/documents/china-celac-action-plan-2025-2027/index.html"
    );
    let Some(r) = script(
        "interface.mjs",
        &[
            url.clone(),
            key.to_string(),
            artifacts().display().to_string(),
        ],
    ) else {
        return;
    };
    for width in ["1280", "390"] {
        let w = &r[width];
        let (before, after, again) = (&w["before"], &w["after"], &w["again"]);
        assert_eq!(w["errors"], serde_json::json!([]), "{width}: script errors");
        // Each time: only the interface shown, and nothing too small.
        for (when, s) in [
            ("before", before),
            ("after", after),
            ("again", again),
            ("asked", &w["asked"]),
            ("noScript", &w["noScript"]),
        ] {
            assert_eq!(s["foreign"], serde_json::json!([]), "{width} {when}: {s}");
            assert_eq!(
                s["small"],
                serde_json::json!([]),
                "{width} {when}: text under 12 px"
            );
        }
        // By default, the page's own interface: Chinese.
        assert_eq!(before["ui"], "zh-Hans", "{width}");
        assert_eq!(before["uiAtFirstFrame"], "zh-Hans", "{width}");
        assert_eq!(before["contents"], "目录", "{width}");
        assert_eq!(before["skip"], "跳到正文", "{width}");
        assert_eq!(before["switches"], serde_json::json!(["en"]), "{width}");
        // The contents' name where they are shown (on a phone, when opened:
        // below).
        let toc_shown = width == "1280";
        if toc_shown {
            assert_eq!(w["namesBefore"]["toc"], "目录", "{width}");
        }
        assert_eq!(w["namesBefore"]["switch"], "界面语言", "{width}");
        assert!(
            before["href"]
                .as_str()
                .unwrap()
                .ends_with(&format!("#{key}")),
            "{width}: {before}"
        );
        // Reached with Tab from the top of the page.
        assert!(w["tabs"].is_number(), "{width}: the switch takes the focus");
        // Pressed with Enter at the clause: English, in place: the same page (no reload), the same address,
        // the clause where it was; the focus on the switch back.
        assert_eq!(after["ui"], "en", "{width}");
        assert_eq!(after["marker"], "same page", "{width}");
        assert_eq!(after["href"], before["href"], "{width}");
        assert_eq!(after["stored"], "en", "{width}");
        let moved = after["clauseTop"].as_i64().unwrap() - before["clauseTop"].as_i64().unwrap();
        assert!(moved.abs() <= 2, "{width}: the clause moved {moved} px");
        assert!(
            after["focus"]
                .as_str()
                .unwrap()
                .contains("data-set-ui=\"zh-Hans\""),
            "{width}: {}",
            after["focus"]
        );
        assert_eq!(after["switches"], serde_json::json!(["zh-Hans"]), "{width}");
        assert_eq!(after["contents"], "Contents", "{width}");
        assert_eq!(after["skip"], "Skip to the text", "{width}");
        assert_eq!(
            after["placeholder"], "Search in Chinese or English  /",
            "{width}"
        );
        if toc_shown {
            assert!(
                after["firstEntry"]
                    .as_str()
                    .unwrap()
                    .starts_with("Article 1"),
                "{width}: the contents in English: {after}"
            );
            assert_eq!(w["namesAfter"]["toc"], "Contents", "{width}");
        }
        assert_eq!(w["namesAfter"]["views"], "Views", "{width}");
        assert_eq!(w["namesAfter"]["switch"], "Interface language", "{width}");
        // (its name begins with the ▸ its stylesheet puts before it)
        let refs = w["namesAfter"]["refs"].as_str().unwrap();
        assert!(
            refs.ends_with("Show all cross-links") && !refs.contains("展开"),
            "{width}: {refs}"
        );
        // Remembered: English from the first frame, nothing moving.
        assert_eq!(again["ui"], "en", "{width}");
        assert_eq!(again["uiAtFirstFrame"], "en", "{width}");
        let cls = again["cls"].as_f64().unwrap();
        assert!(cls < 0.05, "{width}: layout shift {cls}");
        // The address wins, and is remembered.
        assert_eq!(w["asked"]["ui"], "zh-Hans", "{width}");
        assert_eq!(w["asked"]["uiAtFirstFrame"], "zh-Hans", "{width}");
        assert_eq!(w["asked"]["stored"], "zh-Hans", "{width}");
        // Without script: the page's own interface, no switch.
        assert_eq!(w["noScript"]["ui"], "zh-Hans", "{width}");
        assert_eq!(w["noScript"]["switchShown"], false, "{width}");
        assert_eq!(w["noScript"]["contents"], "目录", "{width}");
        // The links at the end of a section: to the next one, at the top
        // of the window; back to the contents, and back again.
        let next = &w["next"];
        assert_eq!(next["hash"], next["wanted"], "{width}");
        let top = next["top"].as_i64().unwrap();
        assert!((0..=60).contains(&top), "{width}: the section at {top} px");
        for what in ["visible", "focusInToc", "focusBack"] {
            assert_eq!(w["contents"][what], true, "{width}: contents {what}");
        }
        assert_eq!(w["contents"]["name"], "目录", "{width}");
        // Accessible in English too.
        assert_eq!(w["axeUi"], "en", "{width}");
        assert_eq!(w["axe"], serde_json::json!([]), "{width}: axe");
    }
}
