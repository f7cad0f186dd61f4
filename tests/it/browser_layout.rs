//! The document page's layout in headless Chromium (tests/browser/
//! layout.mjs), the real site served under a subpath: no layout shift
//! while it loads (CLS < 0.05 at 1280 and 390 px), the contents beside the
//! text on a wide screen and still there far down the page, on a phone a
//! Contents button that opens them over the page from the keyboard and
//! closes them with Escape without moving the reader, the section being
//! read marked, and 60–75 characters per line in a one-language view.

use std::process::Command;

use crate::browser::{browser_available, serve};
use crate::site::build_into;
use crate::support::root;

#[test]
fn the_document_page_does_not_move_and_its_contents_are_at_hand() {
    if !browser_available() {
        return;
    }
    if !root()
        .join("tests/browser/node_modules/puppeteer-core")
        .is_dir()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tests/browser (npm ci): .ci/run does"
        );
        eprintln!("skipped: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/browser");
        return;
    }
    let served = tempfile::tempdir().unwrap();
    build_into(&root().join("content"), &served.path().join("accord"));
    let port = serve(served.path().to_path_buf());
    let base = format!("http://127.0.0.1:{port}/accord/documents");
    let out = Command::new("node")
        .arg(root().join("tests/browser/layout.mjs"))
        .arg(format!(
            "{base}/china-celac-action-plan-2025-2027/index.html"
        ))
        .arg(format!("{base}/china-lac-policy-paper-2025/en.html"))
        .env("CHROMIUM_FLAGS", accord::pdf::CHROMIUM_FLAGS.join(" "))
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "layout.mjs failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
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
