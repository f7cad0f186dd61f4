//! Briefings (`content/briefings/`) on the real content: for each item
//! of the three briefings, its rows (the keys of the cited node and its
//! descendants), the languages of their cells, its permalink and, for a
//! few, the citation, all written out here; every row shows the text of
//! its node as the content file has it (read from the TOML, not through
//! accord); Chinese is marked; the home page and the documents link to
//! the briefings; a fixture briefing builds with every link resolving.
//! The page's parts in detail: `render/briefing.rs`, on a small fixture.

use std::collections::HashMap;
use std::path::Path;

use scraper::{ElementRef, Html};

use crate::site::{build_into, check_links, parse, real_site, sel};
use crate::support::{fixture, root};

/// Text with all white space removed: Chinese wraps anywhere.
pub fn flat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const ZH: &[&str] = &["zh-Hans"];
const EN: &[&str] = &["en"];
const BOTH: &[&str] = &["zh-Hans", "en"];

/// A briefing: its id, the languages of its mode, and per item the
/// citation key of its node, its number of rows (the node and its
/// descendants, counted in the content file) and the languages of their
/// cells (a document lacking every language of the mode is shown in its
/// own).
type Expected = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, usize, &'static [&'static str])],
);

pub const BRIEFINGS: &[Expected] = &[
    (
        "education-exchanges",
        ZH,
        &[
            ("china-celac-action-plan-2025-2027:art_3__sec_3", 9, ZH),
            ("china-celac-action-plan-2025-2027:art_3__sec_4", 5, ZH),
            ("china-celac-action-plan-2025-2027:annex__item_3", 1, ZH),
            ("china-celac-action-plan-2025-2027:annex__item_4", 1, ZH),
            ("china-lac-policy-paper-2025:part_3__prog_3__sec_3", 4, ZH),
            ("china-lac-policy-paper-2025:part_3__prog_5__sec_6", 3, ZH),
            ("china-celac-action-plan-2022-2024:chp_4__area_4", 6, EN),
            ("china-celac-action-plan-2022-2024:chp_4__area_6", 4, EN),
        ],
    ),
    (
        "science-space-digital",
        EN,
        &[
            ("china-celac-action-plan-2025-2027:art_4__sec_7", 10, EN),
            ("china-celac-action-plan-2025-2027:art_4__sec_8", 7, EN),
            (
                "china-celac-action-plan-2025-2027:art_2__sec_6__cl_3",
                1,
                EN,
            ),
            ("china-lac-policy-paper-2025:part_3__prog_2__sec_9", 4, EN),
            ("china-lac-policy-paper-2025:part_3__prog_2__sec_10", 4, EN),
            ("china-celac-action-plan-2022-2024:chp_2__area_4", 6, EN),
            (
                "china-celac-action-plan-2022-2024:chp_2__area_5__cl_2",
                1,
                EN,
            ),
            (
                "china-celac-action-plan-2022-2024:chp_2__area_5__cl_4",
                1,
                EN,
            ),
            ("china-celac-action-plan-2022-2024:chp_2__area_6", 7, EN),
        ],
    ),
    (
        "trade-investment-finance",
        BOTH,
        &[
            ("china-celac-action-plan-2025-2027:art_2__sec_2", 7, BOTH),
            ("china-celac-action-plan-2025-2027:art_2__sec_3", 4, BOTH),
            ("china-celac-action-plan-2025-2027:annex__item_2", 1, BOTH),
            ("china-lac-policy-paper-2025:part_3__prog_2__sec_3", 4, BOTH),
            ("china-lac-policy-paper-2025:part_3__prog_2__sec_4", 2, BOTH),
            ("china-celac-action-plan-2022-2024:chp_2__area_1", 7, EN),
            ("china-celac-action-plan-2022-2024:chp_2__area_2", 4, EN),
        ],
    ),
];

fn page(public: &Path, id: &str) -> Html {
    parse(&std::fs::read(public.join(format!("briefings/{id}.html"))).unwrap())
}

fn item<'a>(html: &'a Html, n: usize) -> ElementRef<'a> {
    html.select(&sel(&format!("section.item#item-{n}")))
        .next()
        .unwrap_or_else(|| panic!("item {n} missing"))
}

/// The nodes of a content document by id, each with its `label`,
/// `heading` and `text` per language, read from the TOML file.
fn content_nodes(doc: &str) -> HashMap<String, toml::Table> {
    let path = root().join(format!("content/documents/{doc}.toml"));
    let file: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    file["node"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let n = n.as_table().unwrap().clone();
            (n["id"].as_str().unwrap().to_string(), n)
        })
        .collect()
}

/// Every run of Chinese text is inside an element with `lang="zh-Hans"`.
fn assert_chinese_marked(name: &str, html: &Html) {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let body = html.select(&sel("body")).next().unwrap();
    for node in body.descendants() {
        if let Some(text) = node.value().as_text().filter(|t| han(t)) {
            let lang = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("lang"));
            assert_eq!(lang, Some("zh-Hans"), "{name}: {}", text.trim());
        }
    }
}

#[test]
fn the_real_briefings_show_each_item_with_its_rows_in_the_languages_of_their_mode() {
    let public = real_site().join("public");
    let mut nodes: HashMap<String, HashMap<String, toml::Table>> = HashMap::new();
    for &(id, mode, items) in BRIEFINGS {
        let html = page(&public, id);
        let root_lang = html
            .select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang");
        assert_eq!(root_lang, Some(mode[0]), "{id}");
        assert_chinese_marked(id, &html);
        assert_eq!(
            html.select(&sel("section.item")).count(),
            items.len(),
            "{id}"
        );
        for (i, &(key, count, langs)) in items.iter().enumerate() {
            let section = item(&html, i + 1);
            let rows: Vec<ElementRef> = section.select(&sel(".node[id]")).collect();
            assert_eq!(rows.len(), count, "{id} item {}: rows", i + 1);
            let (doc, _) = key.split_once(':').unwrap();
            let nodes = nodes
                .entry(doc.to_string())
                .or_insert_with(|| content_nodes(doc));
            for (k, row) in rows.iter().enumerate() {
                let row_key = row.value().attr("id").unwrap();
                // The cited node first, then its descendants, whose ids
                // extend its id (content/README.md, "Ids and citation keys").
                if k == 0 {
                    assert_eq!(row_key, key, "{id} item {}", i + 1);
                } else {
                    assert!(
                        row_key.starts_with(&format!("{key}__")),
                        "{id} item {}: {row_key} is not under {key}",
                        i + 1
                    );
                }
                let cells: Vec<ElementRef> = row.select(&sel(":scope > .cell")).collect();
                let cell_langs: Vec<&str> = cells
                    .iter()
                    .map(|c| c.value().attr("lang").unwrap())
                    .collect();
                assert_eq!(cell_langs, langs, "{id} {row_key}: one cell per language");
                let node = &nodes[row_key.split_once(':').unwrap().1];
                for (cell, lang) in cells.iter().zip(langs) {
                    let shown = flat(&cell.text().collect::<String>());
                    assert!(!shown.is_empty(), "{id} {row_key}: an empty cell");
                    for field in ["label", "heading", "text"] {
                        let Some(want) = node
                            .get(field)
                            .and_then(|m| m.get(*lang))
                            .and_then(|t| t.as_str())
                        else {
                            continue;
                        };
                        assert!(
                            shown.contains(&flat(want)),
                            "{id} {row_key} [{lang}]: the {field} `{want}` not shown"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_chinese_briefing_shows_the_english_only_plan_in_english_with_a_note() {
    let html = page(&real_site().join("public"), "education-exchanges");
    // Items 7 and 8 quote the 2022-2024 plan (English only).
    for n in [7, 8] {
        let section = item(&html, n);
        assert!(section
            .select(&sel(".cell[lang=\"zh-Hans\"]"))
            .next()
            .is_none());
        assert!(section.select(&sel(".cell[lang=\"en\"] .text")).count() >= 3);
        let note = section
            .select(&sel(".lacks p[lang=\"zh-Hans\"]"))
            .next()
            .expect("a note");
        assert_eq!(
            note.text().collect::<String>(),
            "该文件没有中文官方文本，此处照录其英文文本。"
        );
    }
    for n in 1..=6 {
        assert!(
            item(&html, n).select(&sel(".lacks")).next().is_none(),
            "item {n}"
        );
    }
    let scholarships = html
        .select(&sel(
            "[id=\"china-celac-action-plan-2022-2024:chp_4__area_4__cl_2\"]",
        ))
        .next()
        .unwrap();
    assert!(scholarships
        .text()
        .collect::<String>()
        .contains("5,000 government scholarships"));
}

#[test]
fn every_item_has_its_citation_and_an_absolute_permalink() {
    let public = real_site().join("public");
    for &(id, mode, items) in BRIEFINGS {
        let html = page(&public, id);
        for (i, &(key, _, _)) in items.iter().enumerate() {
            let (doc, _) = key.split_once(':').unwrap();
            let head = item(&html, i + 1)
                .select(&sel(".item-head"))
                .next()
                .unwrap();
            let link = head.select(&sel(".permalink a")).next().unwrap();
            assert_eq!(
                link.text().collect::<String>(),
                format!("https://example.github.io/accord/documents/{doc}/#{key}")
            );
            assert_eq!(
                link.value().attr("href").unwrap(),
                format!("../documents/{doc}/index.html#{key}")
            );
            let langs: Vec<&str> = head
                .select(&sel(".cite"))
                .map(|c| c.value().attr("lang").unwrap())
                .collect();
            assert_eq!(langs, mode, "{id} item {}: a citation per language", i + 1);
        }
    }
    // The title, a comma, the number as cited: once each ("annex 2", not
    // "annex annex 2"); the 2022-2024 plan's number in English.
    let plan = "中国—拉共体成员国重点领域合作共同行动计划";
    let plan_en = "China-CELAC Joint Action Plan for Cooperation in Key Areas (2025-2027)";
    let old_en = "CHINA - CELAC JOINT ACTION PLAN FOR COOPERATION IN KEY AREAS (2022-2024)";
    let paper_en = "China's Policy Paper on Latin America and the Caribbean";
    for (id, n, want) in [
        (
            "trade-investment-finance",
            2,
            vec![
                (
                    "zh-Hans",
                    format!("{plan}（2025-2027），第二条 三、"),
                    "zh-Hans",
                ),
                ("en", format!("{plan_en}, Article 2.3"), "en"),
            ],
        ),
        (
            "trade-investment-finance",
            3,
            vec![
                (
                    "zh-Hans",
                    format!("{plan}（2025-2027），附件 二、"),
                    "zh-Hans",
                ),
                ("en", format!("{plan_en}, annex 2"), "en"),
            ],
        ),
        (
            "trade-investment-finance",
            5,
            vec![
                (
                    "zh-Hans",
                    "中国对拉丁美洲和加勒比政策文件，第三部分 二、 （四）".to_string(),
                    "zh-Hans",
                ),
                ("en", format!("{paper_en}, Part III.2(4)"), "en"),
            ],
        ),
        (
            "trade-investment-finance",
            6,
            vec![
                ("zh-Hans", format!("{plan}（2022-2024），II.1"), "en"),
                ("en", format!("{old_en}, II.1"), "en"),
            ],
        ),
        (
            "science-space-digital",
            3,
            vec![("en", format!("{plan_en}, Article 2.6(3)"), "en")],
        ),
        (
            "education-exchanges",
            7,
            vec![("zh-Hans", format!("{plan}（2022-2024），IV.4"), "en")],
        ),
    ] {
        let html = page(&public, id);
        let cites: Vec<(&str, String, &str)> = item(&html, n)
            .select(&sel(".item-head .cite"))
            .map(|c| {
                let label = c.select(&sel(".label")).next().unwrap();
                (
                    c.value().attr("lang").unwrap(),
                    c.text().collect::<String>(),
                    label.value().attr("lang").unwrap(),
                )
            })
            .collect();
        assert_eq!(cites, want, "{id} item {n}");
    }
    for (id, title) in [
        ("education-exchanges", "中拉教育、奖学金与人文交流"),
        (
            "science-space-digital",
            "China–LAC cooperation in science, space and the digital economy",
        ),
        (
            "trade-investment-finance",
            "中拉经贸、投资与金融合作：三份文件的相关条款",
        ),
    ] {
        let html = page(&public, id);
        let css = html
            .select(&sel("link[rel=stylesheet][media=print]"))
            .next()
            .unwrap();
        assert_eq!(
            css.value().attr("href"),
            Some(format!("../briefings/{id}.print.css").as_str())
        );
        let print =
            std::fs::read_to_string(public.join(format!("briefings/{id}.print.css"))).unwrap();
        assert!(
            print.contains(&format!("@top-center {{ content: \"{title}\"; }}")),
            "{print}"
        );
    }
}

#[test]
fn the_home_page_and_the_documents_link_to_the_briefings() {
    let public = real_site().join("public");
    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let cards: Vec<String> = home
        .select(&sel(".card h3 a"))
        .filter_map(|a| {
            a.value()
                .attr("href")
                .filter(|h| h.starts_with("briefings/"))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(
        cards,
        [
            "briefings/education-exchanges.html",
            "briefings/science-space-digital.html",
            "briefings/trade-investment-finance.html"
        ]
    );
    // Each briefing quotes all three documents.
    for doc in [
        "china-celac-action-plan-2022-2024",
        "china-celac-action-plan-2025-2027",
        "china-lac-policy-paper-2025",
    ] {
        let html =
            parse(&std::fs::read(public.join(format!("documents/{doc}/index.html"))).unwrap());
        let links: Vec<&str> = html
            .select(&sel(".doc-head .in-briefings a"))
            .map(|a| a.value().attr("href").unwrap())
            .collect();
        assert_eq!(
            links,
            [
                "../../briefings/education-exchanges.html",
                "../../briefings/science-space-digital.html",
                "../../briefings/trade-investment-finance.html"
            ],
            "{doc}"
        );
    }
}

#[test]
fn the_fixture_briefings_build_and_every_link_resolves() {
    let dir = fixture("briefing-site");
    let out = dir.path().join("public");
    build_into(&dir.path().join("content"), &out);
    assert!(check_links(&out, "https://example.org/") > 60);
    let read = |p: &str| parse(&std::fs::read(out.join(p)).unwrap());
    let finance = read("briefings/finance.html");
    assert_chinese_marked("finance", &finance);
    assert_eq!(finance.select(&sel("section.item")).count(), 3);
    let old = finance.select(&sel("#item-3")).next().unwrap();
    assert_eq!(old.value().attr("class"), Some("item one-column"));
    assert_eq!(
        old.select(&sel(".cell")).count(),
        2,
        "chp_1 and its clause, in English"
    );
    assert_eq!(
        old.select(&sel(".lacks p")).count(),
        2,
        "the note in both languages"
    );
    let comment = finance
        .select(&sel("#item-1 .comment [lang=\"en\"]"))
        .next()
        .unwrap();
    assert!(
        comment.inner_html().contains("<em>Panda Bonds</em>"),
        "Markdown in comments"
    );
    let refs: Vec<(String, String)> = finance
        .select(&sel("#item-1 .item-refs a"))
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_string(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        refs[0].0, "#plan-2021-2023:chp_1",
        "a link into this briefing"
    );
    assert_eq!(refs[1].0, "../documents/paper/index.html#paper:part_1");
    let here = finance
        .select(&sel("#item-1 .item-refs span.here"))
        .next()
        .unwrap();
    assert_eq!(here.text().collect::<String>(), "(见本简报第3项)");
    let banks = read("briefings/banks.html");
    let old = banks.select(&sel("#item-2 .cell")).next().unwrap();
    assert_eq!(old.value().attr("lang"), Some("en"));
    assert!(old
        .text()
        .collect::<String>()
        .contains("Strengthen cooperation between banks."));
    assert_eq!(
        banks.select(&sel(".cover h1 .title")).count(),
        1,
        "Chinese only"
    );
}
