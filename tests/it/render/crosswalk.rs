//! Cross-links, backlinks and editorial notes (fixture `render/crosswalk`):
//! `port-plan-2027:art_1` is related to `sea-paper:part_1`, and its clause
//! 1 continues clause I.1 of the English-only `port-plan-2024`; two notes.

use scraper::{ElementRef, Html};

use super::{all, attr, build, cell, node, one, shown, shown_spans, text_of};
use crate::site::check_links;

/// A relation's marker and list as shown: its class, caption and count
/// (the `<summary>`), and per link its href, the target's key and the
/// target named in each language shown: `(lang, document, number,
/// heading)`.
#[derive(Debug, PartialEq)]
struct Group {
    class: String,
    summary: (String, String),
    links: Vec<Link>,
}

#[derive(Debug, PartialEq)]
struct Link {
    href: String,
    key: String,
    titles: Vec<[String; 4]>,
}

/// The cross-links of a row: its one `.xrefs` element, after its cells.
fn xrefs(row: ElementRef) -> ElementRef {
    assert!(
        all(row, ".cell .xrefs, .cell .refs").is_empty(),
        "no cross-links inside a cell"
    );
    let x = one(row, ":scope > .xrefs");
    assert_eq!(
        row.child_elements().last().map(|e| e.id()),
        Some(x.id()),
        "after the cells"
    );
    x
}

/// The cross-links of a row, their captions as shown with the interface
/// in `ui`.
fn groups(row: ElementRef, ui: &str) -> Vec<Group> {
    all(xrefs(row), ":scope > details.refs")
        .into_iter()
        .map(|g| {
            assert_eq!(g.value().attr("open"), None, "folded");
            let summary = one(g, ":scope > summary");
            Group {
                class: attr(g, "class").to_string(),
                summary: (
                    shown(one(summary, ".caption"), ui),
                    text_of(one(summary, ".count")),
                ),
                links: all(g, ":scope > ul > li")
                    .into_iter()
                    .map(|li| {
                        let a = one(li, ":scope > a.ref");
                        Link {
                            href: attr(a, "href").to_string(),
                            key: attr(a, "data-key").to_string(),
                            titles: all(a, ":scope > .t")
                                .into_iter()
                                .map(|t| {
                                    [
                                        attr(t, "lang").to_string(),
                                        text_of(one(t, ".doc")),
                                        all(t, ".label").into_iter().map(text_of).collect(),
                                        text_of(one(t, ".heading")),
                                    ]
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn group(class: &str, caption: &str, links: Vec<Link>) -> Group {
    Group {
        class: format!("refs {class}"),
        summary: (caption.to_string(), links.len().to_string()),
        links,
    }
}

fn link(href: &str, key: &str, titles: &[[&str; 4]]) -> Link {
    Link {
        href: href.to_string(),
        key: key.to_string(),
        titles: titles.iter().map(|t| t.map(str::to_string)).collect(),
    }
}

/// The lines printed for a row's cross-links: per relation its caption
/// (in interface `ui`) and the targets' keys (`.keys`, printed only).
fn printed(row: ElementRef, ui: &str) -> Vec<String> {
    all(xrefs(row), ":scope > details > summary")
        .into_iter()
        .map(|s| {
            format!(
                "{} {}",
                shown(one(s, ".caption"), ui),
                text_of(one(s, ".keys"))
            )
        })
        .collect()
}

/// The one marker of a row as shown on screen in interface `ui`: its
/// caption and its count.
fn marker(row: ElementRef, ui: &str) -> String {
    let summary = one(xrefs(row), "summary");
    format!(
        "{} {}",
        shown(one(summary, ".caption"), ui),
        text_of(one(summary, ".count"))
    )
}

/// The interface language of a page without the reader's choice, and the
/// languages of the captions of `row`'s markers shown in it.
fn default_ui<'a>(html: &'a Html, row: ElementRef) -> (&'a str, Vec<String>) {
    let ui = attr(html.root_element(), "data-ui");
    let mut langs: Vec<String> = all(xrefs(row), "summary .caption")
        .into_iter()
        .flat_map(|c| shown_spans(c, ui))
        .map(|(lang, _)| lang)
        .collect();
    langs.dedup();
    (ui, langs)
}

/// How many rows of a page show cross-links, and whether each shows them
/// once.
fn rows_with_links(html: &Html) -> usize {
    let rows = all(html.root_element(), ".node");
    for row in &rows {
        assert!(all(*row, ".xrefs").len() <= 1, "once per row");
    }
    rows.iter()
        .filter(|r| !all(**r, ".xrefs").is_empty())
        .count()
}

const TO_PAPER: &str = "../../documents/sea-paper/index.html#sea-paper:part_1";
const TO_PARAGRAPH: &str = "../../documents/sea-paper/index.html#sea-paper:part_1__p_1";
const TO_OLD: &str = "../../documents/port-plan-2024/index.html#port-plan-2024:chp_1__cl_1";
/// The old clause, which has no heading, is named by its text, whole.
const OLD_CLAUSE: [&str; 4] = [
    "en",
    "Joint Action Plan 2024-2026",
    "I.1",
    "Study new coastal shipping routes between the ports of both sides every year.",
];
/// The paper's paragraph, which has no heading either, is named by its
/// first sentence, whole (not "… Authorized E…"), and numbered as cited
/// (by its part).
const PARAGRAPH_ZH: [&str; 4] = [
    "zh-Hans",
    "海洋政策文件",
    "第一部分",
    "海洋是共同的财富，双方愿共同保护海洋环境。",
];
const PARAGRAPH_EN: [&str; 4] = [
    "en",
    "Maritime Policy Paper",
    "Part I",
    "The sea is a shared asset, and the Authorized Economic Operators of both sides will protect its environment together.",
];

#[test]
fn the_parallel_view_shows_a_rows_links_once_as_markers_with_counts() {
    let site = build("crosswalk");
    let html = site.page("documents/port-plan-2027/index.html");
    assert_eq!(rows_with_links(&html), 2);
    let art = node(&html, "port-plan-2027:art_1");
    // The markers in the page's interface language (its first column's),
    // unless the reader chooses another.
    assert_eq!(
        default_ui(&html, art),
        ("zh-Hans", vec!["zh-Hans".to_string()])
    );
    assert_eq!(
        groups(art, "zh-Hans"),
        [group(
            "related",
            "相关",
            vec![link(
                TO_PAPER,
                "sea-paper:part_1",
                &[
                    ["zh-Hans", "海洋政策文件", "第一部分", "海洋合作"],
                    [
                        "en",
                        "Maritime Policy Paper",
                        "Part I",
                        "Maritime Cooperation"
                    ],
                ]
            )]
        )]
    );
    assert_eq!(marker(art, "zh-Hans"), "相关 1");
    assert_eq!(marker(art, "en"), "Related 1");
    let clause = node(&html, "port-plan-2027:art_1__cl_1");
    // The old plan has English only: named once, in English.
    assert_eq!(
        groups(clause, "zh-Hans"),
        [
            group(
                "continues",
                "延续",
                vec![link(TO_OLD, "port-plan-2024:chp_1__cl_1", &[OLD_CLAUSE])]
            ),
            group(
                "related",
                "相关",
                vec![link(
                    TO_PARAGRAPH,
                    "sea-paper:part_1__p_1",
                    &[PARAGRAPH_ZH, PARAGRAPH_EN]
                )]
            ),
        ]
    );
    assert_eq!(
        printed(clause, "zh-Hans"),
        [
            "延续 → port-plan-2024:chp_1__cl_1",
            "相关 → sea-paper:part_1__p_1"
        ]
    );
    assert_eq!(
        printed(clause, "en"),
        [
            "Continues → port-plan-2024:chp_1__cl_1",
            "Related → sea-paper:part_1__p_1"
        ]
    );
    let unlinked = node(&html, "port-plan-2027:art_1__cl_2");
    assert!(
        all(unlinked, ".xrefs, .refs").is_empty(),
        "clause 2 has no link"
    );
}

#[test]
fn a_one_language_view_names_targets_in_its_language_and_links_to_its_pages() {
    let site = build("crosswalk");
    for (page, lang, related, continues, paper, paragraph) in [
        (
            "en.html",
            "en",
            "Related",
            "Continues",
            [
                "en",
                "Maritime Policy Paper",
                "Part I",
                "Maritime Cooperation",
            ],
            PARAGRAPH_EN,
        ),
        (
            "zh-Hans.html",
            "zh-Hans",
            "相关",
            "延续",
            ["zh-Hans", "海洋政策文件", "第一部分", "海洋合作"],
            PARAGRAPH_ZH,
        ),
    ] {
        let html = site.page(&format!("documents/port-plan-2027/{page}"));
        assert_eq!(rows_with_links(&html), 2, "{page}");
        let art = node(&html, "port-plan-2027:art_1");
        assert_eq!(default_ui(&html, art), (lang, vec![lang.to_string()]));
        let to = |node: &str| format!("../../documents/sea-paper/{page}#sea-paper:{node}");
        assert_eq!(
            groups(art, lang),
            [group(
                "related",
                related,
                vec![link(&to("part_1"), "sea-paper:part_1", &[paper])]
            )],
            "{page}"
        );
        // The old plan has one page only: its link leads there, in English.
        let clause = node(&html, "port-plan-2027:art_1__cl_1");
        assert_eq!(
            groups(clause, lang),
            [
                group(
                    "continues",
                    continues,
                    vec![link(TO_OLD, "port-plan-2024:chp_1__cl_1", &[OLD_CLAUSE])]
                ),
                group(
                    "related",
                    related,
                    vec![link(
                        &to("part_1__p_1"),
                        "sea-paper:part_1__p_1",
                        &[paragraph]
                    )]
                ),
            ],
            "{page}"
        );
    }
}

#[test]
fn backlinks_are_derived_on_the_targets_and_counted() {
    let site = build("crosswalk");
    let paper = site.page("documents/sea-paper/index.html");
    let to_plan = |node: &str, page: &str| {
        format!("../../documents/port-plan-2027/{page}#port-plan-2027:{node}")
    };
    assert_eq!(
        groups(node(&paper, "sea-paper:part_1"), "zh-Hans"),
        [group(
            "referenced_by",
            "被引用于",
            vec![link(
                &to_plan("art_1", "index.html"),
                "port-plan-2027:art_1",
                &[
                    ["zh-Hans", "共同行动计划 2027-2029", "第一条", "航运"],
                    ["en", "Joint Action Plan 2027-2029", "Article 1", "Shipping"],
                ]
            )]
        )]
    );
    // Related to by both plans: two links under one marker, by key.
    let p = node(&paper, "sea-paper:part_1__p_1");
    assert_eq!(default_ui(&paper, p), ("zh-Hans", vec!["zh-Hans".into()]));
    assert_eq!(
        groups(p, "zh-Hans"),
        [group(
            "referenced_by",
            "被引用于",
            vec![
                link(
                    "../../documents/port-plan-2024/index.html#port-plan-2024:chp_1__cl_1",
                    "port-plan-2024:chp_1__cl_1",
                    &[OLD_CLAUSE]
                ),
                link(
                    &to_plan("art_1__cl_1", "index.html"),
                    "port-plan-2027:art_1__cl_1",
                    &[
                        [
                            "zh-Hans",
                            "共同行动计划 2027-2029",
                            "第一条 （一）",
                            "增开沿海航线。"
                        ],
                        [
                            "en",
                            "Joint Action Plan 2027-2029",
                            "Article 1.1",
                            "Open more coastal routes."
                        ],
                    ]
                ),
            ]
        )]
    );
    assert_eq!(marker(p, "zh-Hans"), "被引用于 2");
    assert_eq!(
        printed(p, "zh-Hans"),
        ["被引用于 → port-plan-2024:chp_1__cl_1 → port-plan-2027:art_1__cl_1"]
    );
    let en = site.page("documents/sea-paper/en.html");
    assert_eq!(
        groups(node(&en, "sea-paper:part_1"), "en"),
        [group(
            "referenced_by",
            "Referenced by",
            vec![link(
                &to_plan("art_1", "en.html"),
                "port-plan-2027:art_1",
                &[["en", "Joint Action Plan 2027-2029", "Article 1", "Shipping"]]
            )]
        )]
    );

    // A one-language document: its only page in English, every relation.
    let old = site.page("documents/port-plan-2024/index.html");
    let clause = node(&old, "port-plan-2024:chp_1__cl_1");
    assert_eq!(default_ui(&old, clause), ("en", vec!["en".into()]));
    assert_eq!(
        groups(clause, "en"),
        [
            group(
                "continued_by",
                "Continued by",
                vec![link(
                    &to_plan("art_1__cl_1", "index.html"),
                    "port-plan-2027:art_1__cl_1",
                    &[[
                        "en",
                        "Joint Action Plan 2027-2029",
                        "Article 1.1",
                        "Open more coastal routes."
                    ]]
                )]
            ),
            group(
                "related",
                "Related",
                vec![link(TO_PARAGRAPH, "sea-paper:part_1__p_1", &[PARAGRAPH_EN])]
            ),
        ]
    );
    assert_eq!(
        printed(clause, "en"),
        [
            "Continued by → port-plan-2027:art_1__cl_1",
            "Related → sea-paper:part_1__p_1"
        ]
    );
    assert!(all(node(&old, "port-plan-2024:chp_1"), ".xrefs").is_empty());
}

#[test]
fn a_switch_opens_all_cross_links_of_a_page_that_has_any() {
    let site = build("crosswalk");
    // Labelled in the page's interface language, or the reader's.
    for (page, ui) in [
        ("port-plan-2027/index.html", "zh-Hans"),
        ("port-plan-2027/en.html", "en"),
        ("port-plan-2024/index.html", "en"),
    ] {
        let html = site.page(&format!("documents/{page}"));
        assert_eq!(attr(html.root_element(), "data-ui"), ui, "{page}");
        let button = one(html.root_element(), ".doc-head .refs-switch > button");
        assert_eq!(attr(button, "type"), "button");
        assert_eq!(attr(button, "aria-pressed"), "false", "{page}");
        assert_eq!(
            shown_spans(button, "zh-Hans"),
            [("zh-Hans".to_string(), "展开全部关联条目".to_string())],
            "{page}"
        );
        assert_eq!(
            shown_spans(button, "en"),
            [("en".to_string(), "Show all cross-links".to_string())],
            "{page}"
        );
    }
    // A document without cross-links has no switch.
    let plain = build("document");
    for page in [
        "documents/harbour-plan/index.html",
        "documents/harbour-plan/en.html",
        "documents/quay-rules/index.html",
    ] {
        let html = plain.page(page);
        assert!(
            all(html.root_element(), ".refs-switch, .xrefs").is_empty(),
            "{page}"
        );
    }
}

#[test]
fn editorial_notes_are_asides_in_the_notes_language() {
    let site = build("crosswalk");
    let notes = |c: ElementRef| -> Vec<(String, String, String)> {
        all(c, ":scope > aside.note")
            .into_iter()
            .map(|n| {
                (
                    attr(n, "lang").to_string(),
                    text_of(n),
                    all(n, "em").into_iter().map(text_of).collect(),
                )
            })
            .collect()
    };
    let note = |lang: &str, text: &str, em: &str| (lang.into(), text.into(), em.into());
    let plan = site.page("documents/port-plan-2027/index.html");
    let clause = node(&plan, "port-plan-2027:art_1__cl_2");
    assert_eq!(
        notes(cell(clause, "zh-Hans")),
        [note(
            "zh-Hans",
            "编者注 “手续”亦可译作 procedures。",
            "procedures"
        )]
    );
    assert_eq!(
        notes(cell(clause, "en")),
        [note(
            "en",
            "Editorial note “Formalities” may also be read as procedures.",
            "procedures"
        )]
    );
    // Apart from the official text, which is unchanged.
    assert_eq!(
        text_of(one(cell(clause, "en"), "p.text")),
        "2. Simplify port formalities."
    );
    for page in ["en.html", "zh-Hans.html"] {
        let view = site.page(&format!("documents/port-plan-2027/{page}"));
        assert_eq!(
            all(node(&view, "port-plan-2027:art_1__cl_2"), "aside.note").len(),
            1,
            "{page}: the note in the view's language"
        );
    }
    // A note in English only is text_of, marked English, in both cells.
    let paper = site.page("documents/sea-paper/index.html");
    let p = node(&paper, "sea-paper:part_1__p_1");
    for lang in ["zh-Hans", "en"] {
        assert_eq!(
            notes(cell(p, lang)),
            [note("en", "Editorial note The English adds “shared”.", "")],
            "{lang} cell"
        );
    }
    assert!(all(node(&plan, "port-plan-2027:art_1__cl_1"), "aside.note").is_empty());
}

#[test]
fn the_fixture_sites_links_all_resolve() {
    let site = build("crosswalk");
    assert!(check_links(&site.out, "https://example.org/") > 50);
}
