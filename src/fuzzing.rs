//! The bodies of the fuzz targets (`fuzz/`), shared with the tests that
//! replay their regression corpora (`tests/it/fuzz_regressions.rs`). Each
//! takes arbitrary bytes and checks what must hold for any input; a panic
//! is a bug.

use std::path::Path;

use crate::import::{self, Format, Options};
use crate::source::load::{parse_toml, RawContent};
use crate::source::raw::{RawDocument, RawSite};

/// Any text through one import format: no panic, every line accounted for,
/// and the content file it writes reads back.
pub fn import_format(format: Format, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let imported = import::import(
        "fuzz.txt",
        &text,
        &Options {
            format: Some(format),
            ..Options::default()
        },
    );
    assert!(
        imported.report.accounts_for_every_line(&text),
        "a line was lost without a word"
    );
    let toml = import::emit::to_toml(&imported.document);
    let mut diags = Vec::new();
    let back: Option<crate::source::load::Sourced<RawDocument>> =
        parse_toml(Path::new("fuzz.toml"), &toml, &mut diags);
    assert!(
        back.is_some(),
        "the importer wrote TOML that does not read back: {diags:?}\n{toml}"
    );
}

const SITE: &str = "base_url = \"https://example.org/\"\ntitle.zh-Hans = \"测试\"\ntitle.en = \"Test\"\n\n[[language]]\ncode = \"zh-Hans\"\nname = \"中文\"\n\n[[language]]\ncode = \"en\"\nname = \"English\"\n";

/// Any text as a document file: parsed, checked, and when it passes,
/// rendered; no panic anywhere, and a document that passes the checks
/// renders every node.
pub fn content(data: &[u8], theme: Option<&crate::render::theme::Theme>) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut diags = Vec::new();
    let site = parse_toml::<RawSite>(Path::new("content/site.toml"), SITE, &mut diags);
    let doc = parse_toml::<RawDocument>(Path::new("content/documents/fuzz.toml"), text, &mut diags);
    let content = RawContent {
        site,
        documents: doc.into_iter().map(std::sync::Arc::new).collect(),
        ..RawContent::default()
    };
    let checked = crate::check::check(Path::new("content"), &content, diags);
    for d in checked.as_ref().err().into_iter().flatten() {
        assert!(
            d.line
                .is_none_or(|l| l >= 1 && l <= text.lines().count().max(1) + 1),
            "line {:?} out of range: {d}",
            d.line
        );
    }
    let Ok(checked) = checked else {
        return;
    };
    let site = checked.site;
    if let Some(theme) = theme {
        let files = crate::render::render(&site, &[], theme, "https://example.org/")
            .expect("a valid site renders");
        let nodes: usize = site.documents.iter().map(|d| d.nodes.len()).sum();
        let page = files
            .iter()
            .find(|f| f.path.ends_with("/index.html"))
            .map(|f| {
                String::from_utf8_lossy(&f.bytes)
                    .matches("class=\"node ")
                    .count()
            });
        assert_eq!(page.unwrap_or(nodes), nodes, "a node was not rendered");
    }
}
