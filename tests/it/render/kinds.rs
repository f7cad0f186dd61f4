//! Kinds of document declared in `site.toml` (fixture `render/kinds`): the
//! home page's groups in their order and names, a name missing in one
//! language taken from the theme's strings, a kind's short name with the
//! edition naming a document in cross-links, and the one-language note
//! naming the language a document has.

use super::{all, build, node, one, shown, spans, text_of};

#[test]
fn the_home_page_groups_documents_by_the_sites_kinds_in_order() {
    let site = build("kinds");
    let html = site.page("index.html");
    let groups = all(html.root_element(), "section.group");
    let captions: Vec<Vec<(String, String)>> =
        groups.iter().map(|g| spans(*g, "h2 span")).collect();
    assert_eq!(
        captions,
        [
            super::owned(&[
                ("zh-Hans", "谅解备忘录"),
                ("en", "Memoranda of Understanding")
            ]),
            // No Chinese name in site.toml: the default theme's `kind_law`.
            super::owned(&[("zh-Hans", "法律法规"), ("en", "Statutes")]),
        ]
    );
    let hrefs = |g: usize| -> Vec<&str> {
        all(groups[g], "li.card h3 a")
            .iter()
            .map(|a| a.value().attr("href").unwrap())
            .collect()
    };
    assert_eq!(hrefs(0), ["documents/fish-mou-2024/index.html"]);
    assert_eq!(hrefs(1), ["documents/port-law/index.html"]);
}

#[test]
fn a_kinds_short_name_and_edition_name_a_linked_document() {
    let site = build("kinds");
    let html = site.page("documents/port-law/index.html");
    let row = node(&html, "port-law:art_1");
    assert_eq!(
        text_of(one(row, ".refs.related a.ref .doc")),
        "渔业谅解备忘录 2024-2026"
    );
    let back = site.page("documents/fish-mou-2024/en.html");
    let row = node(&back, "fish-mou-2024:art_1");
    // A law has no short name: it is named by its title.
    assert_eq!(
        text_of(one(row, ".refs.referenced_by a.ref .doc")),
        "港口法"
    );
}

#[test]
fn a_chinese_only_law_says_it_has_a_chinese_text_only() {
    let site = build("kinds");
    let html = site.page("documents/port-law/index.html");
    let note = one(html.root_element(), ".one-language");
    assert_eq!(
        shown(note, "zh-Hans"),
        "本文件仅有中文文本：未提供英文官方文本。"
    );
    assert_eq!(
        shown(note, "en"),
        "This document has a text in Chinese only: no official text in English is available."
    );
}
