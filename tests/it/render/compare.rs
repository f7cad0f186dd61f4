//! Edition comparison (issue 17, item 1), on `tests/fixtures/compare/two-editions`:
//! `river-plan-2023` (Chinese and English) continues the English-only
//! `river-plan-2020`: its Article 1 continues Chapter I and its clause 1
//! that chapter's clause 1; its clause 2 and Article 2 are new; clause I.2
//! and Chapter II are not continued.

use scraper::{ElementRef, Html};

use super::{all, attr, build_fixture, one, text_of, Built};
use crate::site::check_links;

const PAGE: &str = "compare/river-plan/2020-2022--2023-2025/index.html";

fn built() -> Built {
    build_fixture("compare/two-editions")
}

/// The citation keys of a column (`.old` or `.new`) of `el`.
fn keys(el: ElementRef, column: &str) -> Vec<String> {
    all(el, &format!(":scope > {column} .side"))
        .into_iter()
        .map(|s| attr(s, "data-key").to_string())
        .collect()
}

/// The runs of a side's line in `lang`: `(tag and class, text)`.
fn runs(side: ElementRef, lang: &str) -> Vec<(String, String)> {
    let line = one(side, &format!(".line[lang=\"{lang}\"]"));
    all(line, "ins, del, .fig")
        .into_iter()
        .map(|e| {
            let class = e.value().attr("class").unwrap_or("");
            (format!("{} {class}", e.value().name()), text_of(e))
        })
        .collect()
}

#[test]
fn compare_rows_marks_and_counts() {
    let b = built();
    let html: Html = b.page(PAGE);
    let root = html.root_element();
    // Every text block says its language.
    for line in all(
        root,
        ".compare .line, .compare h1 > span, .compare .mark > span",
    ) {
        assert!(line.value().attr("lang").is_some(), "{}", text_of(line));
    }
    let areas = all(root, "section.area");
    assert_eq!(
        areas.iter().map(|a| attr(*a, "id")).collect::<Vec<_>>(),
        [
            "river-plan-2023:art_1",
            "river-plan-2023:art_2",
            "not-continued"
        ]
    );
    let rows: Vec<ElementRef> = all(root, ".crow");
    let heads: Vec<(String, Vec<String>, Vec<String>)> = rows
        .iter()
        .map(|r| {
            let head = one(*r, ":scope > .chead");
            (
                attr(*r, "class").to_string(),
                keys(head, ".old"),
                keys(head, ".new"),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    assert_eq!(
        heads,
        [
            (
                "crow st-continued".into(),
                s(&["river-plan-2020:chp_1"]),
                s(&["river-plan-2023:art_1"])
            ),
            ("crow st-new".into(), s(&[]), s(&["river-plan-2023:art_2"])),
            (
                "crow st-not_continued".into(),
                s(&["river-plan-2020:chp_2"]),
                s(&[])
            ),
        ]
    );
    // The pairs of each row, aligned by the continues links.
    let pairs = |r: ElementRef| -> Vec<(String, Vec<String>, Vec<String>)> {
        all(r, ":scope > .cpair")
            .into_iter()
            .map(|p| {
                (
                    attr(p, "class").to_string(),
                    keys(p, ".old"),
                    keys(p, ".new"),
                )
            })
            .collect()
    };
    assert_eq!(
        pairs(rows[0]),
        [
            (
                "cpair st-continued".into(),
                s(&["river-plan-2020:chp_1__cl_1"]),
                s(&["river-plan-2023:art_1__cl_1"])
            ),
            (
                "cpair st-new".into(),
                s(&[]),
                s(&["river-plan-2023:art_1__cl_2"])
            ),
            (
                "cpair st-not_continued".into(),
                s(&["river-plan-2020:chp_1__cl_2"]),
                s(&[])
            ),
        ]
    );
    assert_eq!(
        pairs(rows[1]),
        [(
            "cpair st-new".into(),
            s(&[]),
            s(&["river-plan-2023:art_2__cl_1"])
        )]
    );
    assert_eq!(
        pairs(rows[2]),
        [(
            "cpair st-not_continued".into(),
            s(&["river-plan-2020:chp_2__cl_1"]),
            s(&[])
        )]
    );
    // The marks a reader sees, in both languages.
    assert_eq!(text_of(one(rows[1], ":scope > .chead > .mark")), "新增New");
    assert_eq!(
        text_of(one(rows[2], ":scope > .chead > .mark")),
        "未延续Not continued"
    );
    // The summary: total, then each area of the new edition and of the old.
    let table: Vec<Vec<String>> = all(root, "table.summary tbody tr")
        .into_iter()
        .map(|tr| all(tr, "th, td").into_iter().map(text_of).collect())
        .collect();
    let r = |v: &[&str]| s(v);
    assert_eq!(
        table,
        [
            r(&["合计Total", "1", "1", "1", "2", "1", "2"]),
            r(&["第一条 贸易Article 1 Trade", "0", "1", "", "1", "1", ""]),
            r(&["第二条 航天Article 2 Space", "1", "0", "", "1", "0", ""]),
            r(&["I. Trade", "", "", "0", "", "", "1"]),
            r(&["II. Fisheries", "", "", "1", "", "", "1"]),
        ]
    );
}

#[test]
fn compare_differences_mark_the_text_unchanged() {
    let b = built();
    let html = b.page(PAGE);
    let root = html.root_element();
    let side = |key: &str| one(root, &format!(".cpair .side[data-key=\"{key}\"]"));
    let old = side("river-plan-2020:chp_1__cl_1");
    let new = side("river-plan-2023:art_1__cl_1");
    assert_eq!(runs(old, "en"), [("del fig".to_string(), "2".to_string())]);
    assert_eq!(runs(new, "en"), [("ins fig".to_string(), "3".to_string())]);
    // The Chinese text has no earlier counterpart: figures only.
    assert_eq!(
        runs(new, "zh-Hans"),
        [("span fig".to_string(), "3".to_string())]
    );
    // The text as published, the marks put together again.
    assert_eq!(
        text_of(one(old, ".line")),
        "1. Hold 2 trade fairs every year."
    );
    assert_eq!(
        text_of(one(new, ".line[lang=\"en\"]")),
        "1. Hold 3 trade fairs every year."
    );
    // Chinese numerals with a measure word are figures.
    let space = side("river-plan-2023:art_2__cl_1");
    assert_eq!(
        runs(space, "zh-Hans"),
        [("span fig".to_string(), "二十".to_string())]
    );
    assert_eq!(
        runs(space, "en"),
        [("span fig".to_string(), "20".to_string())]
    );
}

#[test]
fn compare_is_linked_and_in_the_open_data() {
    let b = built();
    // Every link and fragment of the site resolves.
    assert!(check_links(&b.out, "https://example.org/") > 0);
    let href = |page: &str, css: &str| -> Vec<String> {
        let html = b.page(page);
        all(html.root_element(), css)
            .into_iter()
            .map(|a| attr(a, "href").to_string())
            .collect()
    };
    // The comparison, then the series' commitments (50 experts, 2020-2022).
    for page in [
        "documents/river-plan-2020/index.html",
        "documents/river-plan-2023/zh-Hans.html",
    ] {
        assert_eq!(
            href(page, ".in-compare a"),
            [
                "../../compare/river-plan/2020-2022--2023-2025/index.html",
                "../../commitments/river-plan.html"
            ]
        );
    }
    assert!(href("index.html", ".card h3 a").contains(&PAGE.to_string()));
    assert!(b
        .read("sitemap.xml")
        .contains("https://example.org/compare/river-plan/2020-2022--2023-2025/"));
    let data: serde_json::Value =
        serde_json::from_str(&b.read("data/compare-river-plan.json")).unwrap();
    let c = &data["comparisons"][0];
    assert_eq!(c["old"], "river-plan-2020");
    assert_eq!(c["counts"]["clauses_not_continued"], 2);
    assert_eq!(
        c["areas"][0]["rows"][0]["pairs"][0][0],
        "river-plan-2023:art_1__cl_1"
    );
    assert_eq!(
        c["areas"][0]["rows"][0]["pairs"][0][1],
        "river-plan-2020:chp_1__cl_1"
    );
    assert_eq!(c["not_continued"][0]["old"][0], "river-plan-2020:chp_2");
    // The same input gives the same bytes.
    let again = built();
    assert_eq!(b.read(PAGE), again.read(PAGE));
}

/// The real site: every section of the 2025-2027 plan is a row exactly
/// once, and the summary's totals equal those counted here from
/// `content/crosswalk.toml` and the two documents' files.
#[test]
fn compare_real_site_counts_from_the_crosswalk() {
    use std::collections::BTreeSet;
    let content = crate::support::root().join("content");
    let read_toml = |path: std::path::PathBuf| -> toml::Value {
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    // (id, has text) of every node of a document, in order.
    let nodes = |id: &str| -> Vec<(String, bool)> {
        let doc = read_toml(content.join(format!("documents/{id}.toml")));
        doc["node"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                (
                    n["id"].as_str().unwrap().to_string(),
                    n.get("text").is_some(),
                )
            })
            .collect()
    };
    let (old, new) = (
        nodes("china-celac-action-plan-2022-2024"),
        nodes("china-celac-action-plan-2025-2027"),
    );
    let parent = |id: &str| id.rsplit_once("__").map(|(p, _)| p.to_string());
    // A section: the parent of clauses (here always without text), or a
    // node without text or children.
    let sections = |nodes: &[(String, bool)]| -> BTreeSet<String> {
        let texts: BTreeSet<&str> = nodes.iter().filter(|n| n.1).map(|n| n.0.as_str()).collect();
        let mut out = BTreeSet::new();
        for (id, text) in nodes {
            let leaf = !nodes.iter().any(|(c, _)| parent(c).as_deref() == Some(id));
            match parent(id) {
                Some(p) if *text => {
                    assert!(
                        !texts.contains(p.as_str()),
                        "{p}: a clause's parent has no text"
                    );
                    out.insert(p);
                }
                _ if !*text && leaf => {
                    out.insert(id.clone());
                }
                _ => {}
            }
        }
        out
    };
    let crosswalk = read_toml(content.join("crosswalk.toml"));
    let (mut from, mut to) = (BTreeSet::new(), BTreeSet::new());
    for l in crosswalk["link"].as_array().unwrap() {
        let (f, t) = (l["from"].as_str().unwrap(), l["to"].as_str().unwrap());
        if l["relation"].as_str() == Some("continues")
            && f.starts_with("china-celac-action-plan-2025-2027:")
            && t.starts_with("china-celac-action-plan-2022-2024:")
        {
            from.insert(f.split_once(':').unwrap().1.to_string());
            to.insert(t.split_once(':').unwrap().1.to_string());
        }
    }
    let (new_sections, old_sections) = (sections(&new), sections(&old));
    let clauses = |n: &[(String, bool)]| -> Vec<String> {
        n.iter().filter(|n| n.1).map(|n| n.0.clone()).collect()
    };
    let new_clauses = clauses(&new);
    let continued_sections = new_sections
        .iter()
        .filter(|s| {
            from.contains(*s)
                || new_clauses
                    .iter()
                    .any(|c| from.contains(c) && parent(c).as_ref() == Some(*s))
        })
        .count();
    let inside = |s: &str, k: &str| k == s || k.starts_with(&format!("{s}__"));
    let expected = [
        new_sections.len() - continued_sections,
        continued_sections,
        old_sections
            .iter()
            .filter(|s| !to.iter().any(|t| inside(s, t)))
            .count(),
        new_clauses.iter().filter(|c| !from.contains(*c)).count(),
        new_clauses.iter().filter(|c| from.contains(*c)).count(),
        clauses(&old).iter().filter(|c| !to.contains(*c)).count(),
    ]
    .map(|n| n.to_string());

    let public = crate::site::real_site().join("public");
    let path = "compare/china-celac-action-plan/2022-2024--2025-2027/index.html";
    let html = crate::site::parse(&std::fs::read(public.join(path)).unwrap());
    let root = html.root_element();
    let total: Vec<String> = all(one(root, "table.summary tr.total"), "td")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(total, expected);
    let rows: Vec<String> = all(root, ".crow > .chead > .new .side")
        .into_iter()
        .map(|s| attr(s, "data-key").replace("china-celac-action-plan-2025-2027:", ""))
        .collect();
    assert_eq!(rows.len(), new_sections.len(), "each section once");
    assert_eq!(rows.into_iter().collect::<BTreeSet<_>>(), new_sections);
}

/// `tests/fixtures/compare/rewritten`: clause 1 edited around a short word
/// in common, clause 2 rewritten with no word in common.
#[test]
fn compare_rewritten_clauses_are_shown_whole() {
    let b = build_fixture("compare/rewritten");
    let html = b.page("compare/lake-plan/2020-2022--2023-2025/index.html");
    let root = html.root_element();
    let side = |key: &str| one(root, &format!(".cpair .side[data-key=\"{key}\"]"));
    // `between` and `之间的` are shorter than the edits on either side:
    // one mark per side and language, the common end unmarked.
    let edited = side("lake-plan-2023:art_1__cl_1");
    assert_eq!(
        runs(edited, "en"),
        [(
            "ins ".to_string(),
            "Expand personnel exchanges at all levels between the two sides".to_string()
        )]
    );
    assert_eq!(
        runs(edited, "zh-Hans").len(),
        1,
        "{:?}",
        runs(edited, "zh-Hans")
    );
    assert_eq!(
        runs(side("lake-plan-2020:chp_1__cl_1"), "en"),
        [(
            "del ".to_string(),
            "Strengthen contacts between leaders of both parties".to_string()
        )]
    );
    let pairs = all(root, ".cpair");
    assert_eq!(
        pairs.iter().map(|p| attr(*p, "class")).collect::<Vec<_>>(),
        ["cpair st-continued", "cpair st-continued rewritten"]
    );
    assert!(all(pairs[0], ".mark").is_empty());
    assert_eq!(text_of(one(pairs[1], ".mark")), "改写Rewritten");
    // Rewritten: each side whole, as published, only its figures marked.
    let (old, new) = (
        side("lake-plan-2020:chp_1__cl_2"),
        side("lake-plan-2023:art_1__cl_2"),
    );
    assert_eq!(
        runs(old, "en"),
        [("span fig".to_string(), "2024".to_string())]
    );
    assert_eq!(
        runs(old, "zh-Hans"),
        [("span fig".to_string(), "2024".to_string())]
    );
    assert_eq!(runs(new, "en"), [("span fig".to_string(), "3".to_string())]);
    assert!(runs(new, "zh-Hans").is_empty());
    assert_eq!(
        text_of(one(new, ".line[lang=\"en\"]")),
        "2. Delegations agreed to discuss 3 institutional arrangements."
    );
}
