//! A document's pages (fixture `render/document`): the parallel page with
//! a row per node and a cell per language, the one-language views, the
//! permalinks with the number as cited, headings by depth, the table of
//! contents, and one-language documents.

use super::{all, attr, blocks, build, cell, cell_langs, citation, node, one, owned, text_of};
use crate::site::check_links;

/// The bilingual plan's nodes, in reading order: per node its citation
/// key, then for each language the cell's blocks (tag, text as shown,
/// label included) as written in `harbour-plan.toml`.
type Row = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

const HARBOUR: &[Row] = &[
    (
        "harbour-plan:art_1",
        &[("h2", "第一条 港口")],
        &[("h2", "Article 1 Harbours")],
    ),
    (
        "harbour-plan:art_1__sec_1",
        &[("h3", "一、 码头")],
        &[("h3", "1. Quays")],
    ),
    (
        "harbour-plan:art_1__sec_1__cl_1",
        &[("p", "（一） 共同修缮旧码头。")],
        &[("p", "1. Repair the old quays together.")],
    ),
    (
        "harbour-plan:art_1__sec_1__cl_2",
        &[("p", "（二） 每年交换一次潮汐数据。")],
        &[("p", "2. Exchange tide data once a year.")],
    ),
    (
        "harbour-plan:art_1__sec_2",
        &[("h3", "二、 灯塔")],
        &[("h3", "2. Lighthouses")],
    ),
    (
        "harbour-plan:art_1__sec_2__item_1",
        &[("h4", "1. 维护"), ("p", "灯塔每晚亮灯。")],
        &[
            ("h4", "(a) Upkeep"),
            ("p", "Lighthouses are lit every night."),
        ],
    ),
    (
        "harbour-plan:art_2",
        &[("h2", "第二条 执行")],
        &[("h2", "Article 2 Implementation")],
    ),
    (
        "harbour-plan:art_2__p_1",
        &[("p", "双方定期会晤。")],
        &[("p", "The two sides meet regularly.")],
    ),
];

/// The locator of each node as cited, per language (in the citation the
/// ¶ link's Cite button copies): made from the ids, one number format per document
/// (`art. 1.1(2)` whether the English label reads `1.` or `(2)`: the
/// Chinese one, the document's first language, is bracketed), every node
/// its own (a paragraph is cited by its parent's number and its own).
const NUMBERS: &[(&str, &str, &str)] = &[
    ("harbour-plan:art_1", "第一条", "art. 1"),
    ("harbour-plan:art_1__sec_1", "第一条第一项", "art. 1.1"),
    (
        "harbour-plan:art_1__sec_1__cl_1",
        "第一条第一项第（一）目",
        "art. 1.1(1)",
    ),
    (
        "harbour-plan:art_1__sec_1__cl_2",
        "第一条第一项第（二）目",
        "art. 1.1(2)",
    ),
    ("harbour-plan:art_1__sec_2", "第一条第二项", "art. 1.2"),
    (
        "harbour-plan:art_1__sec_2__item_1",
        "第一条第二项第一项",
        "art. 1.2.1",
    ),
    ("harbour-plan:art_2", "第二条", "art. 2"),
    ("harbour-plan:art_2__p_1", "第二条第一段", "art. 2, para. 1"),
];

fn keys(html: &scraper::Html) -> Vec<String> {
    all(html.root_element(), ".node[id]")
        .into_iter()
        .map(|n| attr(n, "id").to_string())
        .collect()
}

fn html_lang(html: &scraper::Html) -> &str {
    attr(html.root_element(), "lang")
}

#[test]
fn the_parallel_page_has_a_row_per_node_and_a_cell_per_language() {
    let site = build("document");
    let html = site.page("documents/harbour-plan/index.html");
    assert_eq!(html_lang(&html), "zh-Hans");
    let article = one(html.root_element(), "article.document");
    assert_eq!(attr(article, "class"), "document parallel");
    let titles: Vec<(&str, String)> = all(article, "h1 .title")
        .into_iter()
        .map(|t| (attr(t, "lang"), text_of(t)))
        .collect();
    assert_eq!(
        titles,
        [
            ("zh-Hans", "港口合作行动计划（2026-2028）".to_string()),
            (
                "en",
                "Harbour Cooperation Action Plan (2026-2028)".to_string()
            )
        ]
    );
    let expected: Vec<&str> = HARBOUR.iter().map(|r| r.0).collect();
    assert_eq!(keys(&html), expected, "one row per node, in reading order");
    for &(key, zh, en) in HARBOUR {
        let row = node(&html, key);
        assert_eq!(cell_langs(row), ["zh-Hans", "en"], "{key}");
        assert_eq!(blocks(cell(row, "zh-Hans")), owned(zh), "{key} zh-Hans");
        assert_eq!(blocks(cell(row, "en")), owned(en), "{key} en");
    }
    // The label is marked as such, apart from the heading or text.
    let clause = node(&html, "harbour-plan:art_1__sec_1__cl_1");
    assert_eq!(
        text_of(one(cell(clause, "zh-Hans"), "p.text .label")),
        "（一）"
    );
    assert_eq!(text_of(one(cell(clause, "en"), "p.text .label")), "1.");
    let item = node(&html, "harbour-plan:art_1__sec_2__item_1");
    assert_eq!(text_of(one(cell(item, "en"), "h4 .label")), "(a)");
}

#[test]
fn each_one_language_view_has_only_its_language() {
    let site = build("document");
    for (page, lang, col) in [("zh-Hans.html", "zh-Hans", 0), ("en.html", "en", 1)] {
        let html = site.page(&format!("documents/harbour-plan/{page}"));
        assert_eq!(html_lang(&html), lang, "{page}");
        assert_eq!(
            attr(one(html.root_element(), "article.document"), "class"),
            "document single"
        );
        let expected: Vec<&str> = HARBOUR.iter().map(|r| r.0).collect();
        assert_eq!(keys(&html), expected, "{page}");
        for &(key, zh, en) in HARBOUR {
            let row = node(&html, key);
            assert_eq!(cell_langs(row), [lang], "{page} {key}");
            let want = if col == 0 { zh } else { en };
            assert_eq!(blocks(cell(row, lang)), owned(want), "{page} {key}");
        }
        let views: Vec<(&str, &str, String, bool)> = all(html.root_element(), "nav.views a")
            .into_iter()
            .map(|a| {
                (
                    attr(a, "href"),
                    attr(a, "lang"),
                    text_of(a),
                    a.value().attr("aria-current") == Some("page"),
                )
            })
            .collect();
        let parallel = if lang == "en" {
            "Side by side"
        } else {
            "中英对照"
        };
        assert_eq!(
            views,
            [
                (
                    "../../documents/harbour-plan/index.html",
                    lang,
                    parallel.to_string(),
                    false
                ),
                (
                    "../../documents/harbour-plan/zh-Hans.html",
                    "zh-Hans",
                    "中文".to_string(),
                    lang == "zh-Hans"
                ),
                (
                    "../../documents/harbour-plan/en.html",
                    "en",
                    "English".to_string(),
                    lang == "en"
                ),
            ],
            "{page}"
        );
    }
}

#[test]
fn every_cell_has_a_permalink_with_its_key_and_its_citation() {
    let site = build("document");
    for page in ["index.html", "zh-Hans.html", "en.html"] {
        let html = site.page(&format!("documents/harbour-plan/{page}"));
        for &(key, zh, en) in NUMBERS {
            let row = node(&html, key);
            for (lang, number, title) in [("zh-Hans", zh, "永久链接"), ("en", en, "Permalink")]
            {
                if page != "index.html" && !page.starts_with(lang) {
                    continue;
                }
                let anchor = one(cell(row, lang), "a.anchor");
                assert_eq!(attr(anchor, "href"), format!("#{key}"), "{page} {key}");
                let cite = if lang == "en" {
                    format!("Harbour Cooperation Action Plan (2026-2028), {number}, https://example.org/accord/documents/harbour-plan/#{key}")
                } else {
                    format!("《港口合作行动计划（2026-2028）》{number}，https://example.org/accord/documents/harbour-plan/#{key}")
                };
                assert_eq!(
                    citation(&html, cell(row, lang)),
                    cite,
                    "{page} {key} {lang}"
                );
                assert_eq!(attr(anchor, "title"), title);
            }
        }
    }
}

#[test]
fn the_table_of_contents_lists_the_nodes_with_a_heading_in_the_pages_language() {
    let site = build("document");
    let toc = |page: &str| -> Vec<(String, String, String, String)> {
        let html = site.page(&format!("documents/harbour-plan/{page}"));
        all(html.root_element(), "nav.toc li")
            .into_iter()
            .map(|li| {
                let a = one(li, "a");
                (
                    attr(a, "href").to_string(),
                    attr(li, "lang").to_string(),
                    attr(li, "class").to_string(),
                    text_of(a),
                )
            })
            .collect()
    };
    let entry = |key: &str, lang: &str, depth: u8, text: &str| {
        (
            format!("#harbour-plan:{key}"),
            lang.to_string(),
            format!("d-{depth}"),
            text.to_string(),
        )
    };
    let zh = vec![
        entry("art_1", "zh-Hans", 0, "第一条 港口"),
        entry("art_1__sec_1", "zh-Hans", 1, "一、 码头"),
        entry("art_1__sec_2", "zh-Hans", 1, "二、 灯塔"),
        entry("art_1__sec_2__item_1", "zh-Hans", 2, "1. 维护"),
        entry("art_2", "zh-Hans", 0, "第二条 执行"),
    ];
    assert_eq!(
        toc("index.html"),
        zh,
        "the parallel page's is in its first language"
    );
    assert_eq!(toc("zh-Hans.html"), zh);
    assert_eq!(
        toc("en.html"),
        [
            entry("art_1", "en", 0, "Article 1 Harbours"),
            entry("art_1__sec_1", "en", 1, "1. Quays"),
            entry("art_1__sec_2", "en", 1, "2. Lighthouses"),
            entry("art_1__sec_2__item_1", "en", 2, "(a) Upkeep"),
            entry("art_2", "en", 0, "Article 2 Implementation"),
        ]
    );
}

#[test]
fn a_one_language_document_has_one_page_one_cell_per_node_and_a_note() {
    let site = build("document");
    assert!(site.exists("documents/river-notes/index.html"));
    assert!(!site.exists("documents/river-notes/en.html"));
    assert!(!site.exists("documents/river-notes/zh-Hans.html"));
    let html = site.page("documents/river-notes/index.html");
    assert_eq!(html_lang(&html), "en");
    let article = one(html.root_element(), "article.document");
    assert_eq!(attr(article, "class"), "document single");
    assert!(all(article, "nav.views").is_empty(), "no views to switch");
    assert!(all(article, ".colheads").is_empty(), "no column heads");
    assert_eq!(
        keys(&html),
        ["river-notes:part_1", "river-notes:part_1__p_1"]
    );
    let part = node(&html, "river-notes:part_1");
    assert_eq!(cell_langs(part), ["en"]);
    assert_eq!(blocks(cell(part, "en")), owned(&[("h2", "Part I Barges")]));
    let p = node(&html, "river-notes:part_1__p_1");
    assert_eq!(cell_langs(p), ["en"]);
    assert_eq!(
        blocks(cell(p, "en")),
        owned(&[("p", "Barges carry grain downstream.")])
    );
    assert_eq!(
        citation(&html, cell(p, "en")),
        "Notes on River Transport, Part I, para. 1, https://example.org/accord/documents/river-notes/#river-notes:part_1__p_1"
    );
    let note = one(article, ".one-language");
    assert_eq!(attr(note, "lang"), "en");
    assert_eq!(
        text_of(note),
        "This document has a text in English only: no official text in Chinese is available."
    );
    // The bilingual document has no such note.
    let plan = site.page("documents/harbour-plan/index.html");
    assert!(all(plan.root_element(), ".one-language").is_empty());
}

#[test]
fn a_chinese_only_documents_note_names_chinese() {
    let site = build("document");
    let html = site.page("documents/quay-rules/index.html");
    assert_eq!(html_lang(&html), "zh-Hans");
    let row = node(&html, "quay-rules:p_1");
    assert_eq!(cell_langs(row), ["zh-Hans"]);
    assert_eq!(
        blocks(cell(row, "zh-Hans")),
        owned(&[("p", "船只靠岸前须鸣笛。")])
    );
    let note = one(html.root_element(), ".one-language");
    assert_eq!(attr(note, "lang"), "zh-Hans");
    assert_eq!(text_of(note), "本文件仅有中文文本：未提供英文官方文本。");
}

#[test]
fn the_fixture_sites_links_all_resolve() {
    let site = build("document");
    assert!(check_links(&site.out, "https://example.org/accord/") > 50);
}
