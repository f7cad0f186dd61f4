//! Briefings (fixture `render/briefing`): `fisheries` (parallel) quotes
//! section 1 of the bilingual `fish-plan` with its two clauses, then a
//! clause of the English-only `fish-plan-old`; `catch` (Chinese) quotes
//! section 2 and the same old clause. Here: the cover, the contents, each
//! item's citation and permalink, the briefings named on the home page and
//! the documents; the items' rows, comments and references are in
//! `briefing_items.rs`.

use scraper::{ElementRef, Html};

use super::{all, attr, build, one, owned, shown, shown_spans, spans, text_of};
use crate::site::check_links;

/// Item `n` (from 1) of a briefing page.
pub fn item<'a>(html: &'a Html, n: usize) -> ElementRef<'a> {
    one(html.root_element(), &format!("section.item#item-{n}"))
}

#[test]
fn the_cover_has_title_date_audience_sources_and_introduction() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    assert_eq!(attr(html.root_element(), "lang"), "zh-Hans");
    let cover = one(html.root_element(), "header.cover");
    assert_eq!(
        spans(cover, ".kicker span"),
        owned(&[("zh-Hans", "简报"), ("en", "Briefing")])
    );
    assert_eq!(
        spans(cover, "h1 .title"),
        owned(&[("zh-Hans", "渔业合作简报"), ("en", "Briefing on fisheries")])
    );
    let date = one(cover, ".cover-meta > dd > time");
    assert_eq!(attr(date, "datetime"), "2025-05-20");
    assert_eq!(text_of(date), "2025-05-20");
    assert_eq!(
        spans(cover, ".audience"),
        owned(&[("zh-Hans", "渔业司"), ("en", "Fisheries department")])
    );
    let sources = all(cover, "ol.sources > li");
    assert_eq!(sources.len(), 2);
    let new = sources[0];
    assert_eq!(
        attr(one(new, "a"), "href"),
        "../documents/fish-plan/index.html"
    );
    assert_eq!(
        spans(new, "a .title"),
        owned(&[
            ("zh-Hans", "渔业行动计划（2025-2027）"),
            ("en", "Fisheries Action Plan (2025-2027)")
        ])
    );
    assert_eq!(text_of(one(new, ".edition")), "2025-2027");
    assert_eq!(attr(one(new, "time"), "datetime"), "2025-04-01");
    assert_eq!(
        spans(new, ".lang"),
        owned(&[("zh-Hans", "中文"), ("en", "English")])
    );
    // (In English, "item 1": see `one_item_is_singular_in_english`.)
    assert_eq!(
        spans(new, ".items[lang=\"zh-Hans\"]"),
        owned(&[("zh-Hans", "第1项")])
    );
    let old = sources[1];
    assert_eq!(
        attr(one(old, "a"), "href"),
        "../documents/fish-plan-old/index.html"
    );
    assert_eq!(
        spans(old, "a .title"),
        owned(&[("en", "Fisheries Action Plan (2022-2024)")])
    );
    assert_eq!(spans(old, ".lang"), owned(&[("en", "English")]));
    assert_eq!(
        spans(old, ".items"),
        owned(&[("zh-Hans", "第2项"), ("en", "item 2")])
    );
    let intro: Vec<(String, String)> = all(cover, ".briefing-intro .col")
        .into_iter()
        .map(|c| {
            (
                attr(c, "lang").to_string(),
                text_of(one(c, "p:not(.notice)")),
            )
        })
        .collect();
    assert_eq!(
        intro,
        owned(&[
            ("zh-Hans", "两期计划中的渔业条款。"),
            ("en", "The fisheries clauses of two plans.")
        ])
    );

    let toc: Vec<(String, Vec<(String, String)>)> = all(html.root_element(), "nav.briefing-toc li")
        .into_iter()
        .map(|li| (attr(one(li, "a"), "href").to_string(), spans(li, ".line")))
        .collect();
    assert_eq!(
        toc,
        [
            (
                "#item-1".to_string(),
                owned(&[
                    ("zh-Hans", "共同行动计划 2025-2027 第一条 一、 养殖"),
                    ("en", "Joint Action Plan 2025-2027 Article 1.1 Aquaculture")
                ])
            ),
            (
                "#item-2".to_string(),
                owned(&[
                    (
                        "zh-Hans",
                        "共同行动计划 2022-2024 I.1 Set up a fish hatchery."
                    ),
                    (
                        "en",
                        "Joint Action Plan 2022-2024 I.1 Set up a fish hatchery."
                    )
                ])
            ),
        ]
    );
}

#[test]
fn each_item_has_its_citation_and_its_permalink_in_full() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    let cites = |n: usize| -> Vec<(String, String, String)> {
        all(item(&html, n), ".item-head .cite")
            .into_iter()
            .map(|c| {
                (
                    attr(c, "lang").to_string(),
                    text_of(c),
                    attr(one(c, ".label"), "lang").to_string(),
                )
            })
            .collect()
    };
    let cite = |lang: &str, text: &str, label_lang: &str| {
        (lang.to_string(), text.to_string(), label_lang.to_string())
    };
    assert_eq!(
        cites(1),
        [
            cite(
                "zh-Hans",
                "渔业行动计划（2025-2027），第一条 一、",
                "zh-Hans"
            ),
            cite("en", "Fisheries Action Plan (2025-2027), Article 1.1", "en"),
        ]
    );
    // The old plan's number is in English in both.
    assert_eq!(
        cites(2),
        [
            cite("zh-Hans", "Fisheries Action Plan (2022-2024)，I.1", "en"),
            cite("en", "Fisheries Action Plan (2022-2024), I.1", "en"),
        ]
    );
    for (n, url, href) in [
        (
            1,
            "https://example.org/briefs/documents/fish-plan/#fish-plan:art_1__sec_1",
            "../documents/fish-plan/index.html#fish-plan:art_1__sec_1",
        ),
        (
            2,
            "https://example.org/briefs/documents/fish-plan-old/#fish-plan-old:chp_1__cl_1",
            "../documents/fish-plan-old/index.html#fish-plan-old:chp_1__cl_1",
        ),
    ] {
        let p = one(item(&html, n), ".item-head p.permalink");
        assert_eq!(attr(p, "lang"), "zh-Hans");
        assert_eq!(text_of(one(p, ".caption")), "永久链接");
        let a = one(p, "a");
        assert_eq!(a.text().collect::<String>(), url, "item {n}");
        assert_eq!(attr(a, "href"), href, "item {n}");
    }
    let css = one(html.root_element(), "link[rel=stylesheet][media=print]");
    assert_eq!(attr(css, "href"), "../briefings/fisheries.print.css");
    assert!(site
        .read("briefings/fisheries.print.css")
        .contains("@top-center { content: \"渔业合作简报\"; }"));
}

#[test]
fn the_home_page_and_the_documents_name_the_briefings() {
    let site = build("briefing");
    let home = site.page("index.html");
    let cards: Vec<(String, Vec<(String, String)>)> = all(home.root_element(), "li.card")
        .into_iter()
        .filter(|c| attr(one(*c, "h3 a"), "href").starts_with("briefings/"))
        .map(|c| {
            (
                attr(one(c, "h3 a"), "href").to_string(),
                spans(c, ".size span"),
            )
        })
        .collect();
    let size = owned(&[("zh-Hans", "2项"), ("en", "2 items")]);
    assert_eq!(
        cards,
        [
            ("briefings/catch.html".to_string(), size.clone()),
            ("briefings/fisheries.html".to_string(), size),
        ]
    );
    // Named in the interface language, whatever the page's: by default
    // the page's own (`data-ui`), or as the reader chooses.
    let names = |ui: &str| match ui {
        "zh-Hans" => ["捕捞简报", "渔业合作简报"],
        _ => ["Briefing on catch", "Briefing on fisheries"],
    };
    let caption = |ui: &str| match ui {
        "zh-Hans" => "收录于简报：",
        _ => "In briefings:",
    };
    for (page, default_ui) in [
        ("fish-plan/index.html", "zh-Hans"),
        ("fish-plan/en.html", "en"),
        ("fish-plan-old/index.html", "en"),
    ] {
        let html = site.page(&format!("documents/{page}"));
        assert_eq!(attr(html.root_element(), "data-ui"), default_ui, "{page}");
        let p = one(html.root_element(), ".doc-head .in-briefings");
        for ui in ["zh-Hans", "en"] {
            let names = names(ui);
            assert_eq!(
                shown_spans(p, ui),
                [
                    (ui.to_string(), caption(ui).to_string()),
                    (ui.to_string(), names[0].to_string()),
                    (ui.to_string(), names[1].to_string()),
                ],
                "{page}, {ui} interface"
            );
            let links: Vec<(&str, String)> = all(p, "a")
                .into_iter()
                .map(|a| (attr(a, "href"), shown(a, ui)))
                .collect();
            assert_eq!(
                links,
                [
                    ("../../briefings/catch.html", names[0].to_string()),
                    ("../../briefings/fisheries.html", names[1].to_string()),
                ],
                "{page}, {ui} interface"
            );
        }
    }
    let paper = site.page("documents/ocean-paper/index.html");
    assert!(all(paper.root_element(), ".in-briefings").is_empty());
}

#[test]
fn a_title_in_another_language_is_marked_with_its_language() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    let head = one(item(&html, 2), ".item-head");
    let langs: Vec<&str> = head
        .descendants()
        .filter(|n| {
            n.value()
                .as_text()
                .is_some_and(|t| t.contains("Fisheries Action Plan (2022-2024)"))
        })
        .map(|n| {
            n.ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("lang"))
                .unwrap()
        })
        .collect();
    assert_eq!(langs, ["en", "en"], "the English title, in both citations");
}

#[test]
fn every_source_is_named() {
    let site = build("briefing");
    let html = site.page("briefings/catch.html");
    let sources = all(html.root_element(), "ol.sources > li > a");
    let names: Vec<(String, String)> = sources
        .into_iter()
        .map(|a| (attr(a, "href").to_string(), text_of(a)))
        .collect();
    assert_eq!(
        names,
        owned(&[
            (
                "../documents/fish-plan/index.html",
                "渔业行动计划（2025-2027）"
            ),
            (
                "../documents/fish-plan-old/index.html",
                "Fisheries Action Plan (2022-2024)"
            ),
        ])
    );
}

#[test]
fn one_item_is_singular_in_english() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    let items = all(html.root_element(), "ol.sources .items[lang=\"en\"]");
    let items: Vec<String> = items.into_iter().map(text_of).collect();
    assert_eq!(items, ["item 1", "item 2"]);
}

#[test]
fn the_fixture_sites_links_all_resolve() {
    let site = build("briefing");
    assert!(check_links(&site.out, "https://example.org/briefs/") > 50);
}
