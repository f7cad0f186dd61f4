//! Cross-links, backlinks and editorial notes (fixture `render/crosswalk`):
//! `port-plan-2027:art_1` is related to `sea-paper:part_1`, and its clause
//! 1 continues clause I.1 of the English-only `port-plan-2024`; two notes.

use scraper::ElementRef;

use super::{all, attr, build, cell, node, one, text_of};
use crate::site::check_links;

/// A group of cross-links as shown: its class, its caption, and per link
/// the `li`'s lang, the href, the target's key, then the target's
/// document, number and heading as shown.
#[derive(Debug, PartialEq)]
struct Group {
    class: String,
    caption: String,
    links: Vec<[String; 7]>,
}

fn groups(cell: ElementRef) -> Vec<Group> {
    all(cell, ":scope > .refs")
        .into_iter()
        .map(|g| Group {
            class: attr(g, "class").to_string(),
            caption: text_of(one(g, ":scope > .caption")),
            links: all(g, "li")
                .into_iter()
                .map(|li| {
                    let a = one(li, "a.ref");
                    [
                        attr(li, "lang").to_string(),
                        attr(a, "href").to_string(),
                        attr(a, "data-key").to_string(),
                        text_of(one(a, ".doc")),
                        text_of(one(a, ".label")),
                        text_of(one(a, ".heading")),
                        text_of(a),
                    ]
                })
                .collect(),
        })
        .collect()
}

fn group(class: &str, caption: &str, links: &[[&str; 6]]) -> Group {
    Group {
        class: format!("refs {class}"),
        caption: caption.to_string(),
        links: links
            .iter()
            .map(|l| {
                [
                    l[0].to_string(),
                    l[1].to_string(),
                    l[2].to_string(),
                    l[3].to_string(),
                    l[4].to_string(),
                    l[5].to_string(),
                    format!("{} {} {}", l[3], l[4], l[5]),
                ]
            })
            .collect(),
    }
}

/// The first 60 characters of the old clause's text, as a link shows a
/// target without a heading.
const OLD_CLAUSE: &str = "Study new coastal shipping routes between the ports of both …";

#[test]
fn the_parallel_view_shows_related_and_continues_links_in_each_cell() {
    let site = build("crosswalk");
    let html = site.page("documents/port-plan-2027/index.html");
    let art = node(&html, "port-plan-2027:art_1");
    let to_paper = "../../documents/sea-paper/index.html#sea-paper:part_1";
    assert_eq!(
        groups(cell(art, "zh-Hans")),
        [group(
            "related",
            "相关",
            &[[
                "zh-Hans",
                to_paper,
                "sea-paper:part_1",
                "海洋政策文件",
                "第一部分",
                "海洋合作"
            ]]
        )]
    );
    assert_eq!(
        groups(cell(art, "en")),
        [group(
            "related",
            "Related",
            &[[
                "en",
                to_paper,
                "sea-paper:part_1",
                "Maritime Policy Paper",
                "Part I",
                "Maritime Cooperation"
            ]]
        )]
    );
    let clause = node(&html, "port-plan-2027:art_1__cl_1");
    let to_old = "../../documents/port-plan-2024/index.html#port-plan-2024:chp_1__cl_1";
    // The old plan has English only: the Chinese cell shows it in English.
    let old = [
        "en",
        to_old,
        "port-plan-2024:chp_1__cl_1",
        "Joint Action Plan 2024-2026",
        "I.1",
        OLD_CLAUSE,
    ];
    assert_eq!(
        groups(cell(clause, "zh-Hans")),
        [group("continues", "延续", &[old])]
    );
    assert_eq!(
        groups(cell(clause, "en")),
        [group("continues", "Continues", &[old])]
    );
    let unlinked = node(&html, "port-plan-2027:art_1__cl_2");
    assert!(all(unlinked, ".refs").is_empty(), "clause 2 has no link");
}

#[test]
fn a_one_language_view_links_to_the_targets_page_in_its_language() {
    let site = build("crosswalk");
    for (page, lang, caption, doc, label, heading) in [
        (
            "en.html",
            "en",
            "Related",
            "Maritime Policy Paper",
            "Part I",
            "Maritime Cooperation",
        ),
        (
            "zh-Hans.html",
            "zh-Hans",
            "相关",
            "海洋政策文件",
            "第一部分",
            "海洋合作",
        ),
    ] {
        let html = site.page(&format!("documents/port-plan-2027/{page}"));
        let art = node(&html, "port-plan-2027:art_1");
        let href = format!("../../documents/sea-paper/{page}#sea-paper:part_1");
        assert_eq!(
            groups(cell(art, lang)),
            [group(
                "related",
                caption,
                &[[lang, &href, "sea-paper:part_1", doc, label, heading]]
            )],
            "{page}"
        );
        // The old plan has one page only: its links lead there.
        let clause = node(&html, "port-plan-2027:art_1__cl_1");
        let links: Vec<&str> = all(cell(clause, lang), ".refs.continues a")
            .into_iter()
            .map(|a| attr(a, "href"))
            .collect();
        assert_eq!(
            links,
            ["../../documents/port-plan-2024/index.html#port-plan-2024:chp_1__cl_1"],
            "{page}"
        );
    }
}

#[test]
fn backlinks_are_derived_on_the_targets() {
    let site = build("crosswalk");
    let paper = site.page("documents/sea-paper/index.html");
    let part = node(&paper, "sea-paper:part_1");
    let to_plan = "../../documents/port-plan-2027/index.html#port-plan-2027:art_1";
    assert_eq!(
        groups(cell(part, "zh-Hans")),
        [group(
            "referenced_by",
            "被引用于",
            &[[
                "zh-Hans",
                to_plan,
                "port-plan-2027:art_1",
                "共同行动计划 2027-2029",
                "第一条",
                "航运"
            ]]
        )]
    );
    assert_eq!(
        groups(cell(part, "en")),
        [group(
            "referenced_by",
            "Referenced by",
            &[[
                "en",
                to_plan,
                "port-plan-2027:art_1",
                "Joint Action Plan 2027-2029",
                "Article 1",
                "Shipping"
            ]]
        )]
    );
    let en = site.page("documents/sea-paper/en.html");
    let links: Vec<&str> = all(node(&en, "sea-paper:part_1"), ".refs.referenced_by a")
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        links,
        ["../../documents/port-plan-2027/en.html#port-plan-2027:art_1"]
    );
    assert!(all(node(&paper, "sea-paper:part_1__p_1"), ".refs").is_empty());

    let old = site.page("documents/port-plan-2024/index.html");
    let clause = node(&old, "port-plan-2024:chp_1__cl_1");
    assert_eq!(
        groups(cell(clause, "en")),
        [group(
            "continued_by",
            "Continued by",
            &[[
                "en",
                "../../documents/port-plan-2027/index.html#port-plan-2027:art_1__cl_1",
                "port-plan-2027:art_1__cl_1",
                "Joint Action Plan 2027-2029",
                "Article 1.1",
                "Open more coastal routes."
            ]]
        )]
    );
    assert!(all(node(&old, "port-plan-2024:chp_1"), ".refs").is_empty());
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
