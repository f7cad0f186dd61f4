//! The fuzz targets' seed corpora (fuzz/corpus/<target>/) and every input
//! that once crashed one (fuzz/regressions/<target>/), replayed through the
//! same code as the targets: accord::fuzzing.

use accord::fuzzing;
use accord::import::Format;

use crate::support::root;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let dir = root().join("fuzz").join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn import_targets_replay() {
    for (target, format) in [
        ("import_interleaved", Format::Interleaved),
        ("import_rows", Format::Rows),
        ("import_markdown", Format::Markdown),
        ("import_text", Format::Text),
        ("import_blocks", Format::Blocks),
        ("import_front_matter", Format::FrontMatter),
    ] {
        let cases = inputs(target);
        assert!(cases.len() >= 2, "{target}: seed corpus missing");
        for (name, data) in cases {
            let result = std::panic::catch_unwind(|| fuzzing::import_format(format, &data));
            assert!(result.is_ok(), "{target} panics on {name}");
        }
    }
}

#[test]
fn content_target_replays() {
    let theme =
        accord::render::theme::Theme::load(&root().join("templates"), &root().join("static"))
            .unwrap();
    let cases = inputs("content");
    assert!(cases.len() >= 2, "content: seed corpus missing");
    for (name, data) in cases {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fuzzing::content(&data, Some(&theme))
        }));
        assert!(result.is_ok(), "content panics on {name}");
    }
}
