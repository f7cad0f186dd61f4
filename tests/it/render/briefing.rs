//! Briefings (fixture `render/briefing`): `fisheries` (parallel) quotes
//! section 1 of the bilingual `fish-plan` with its two clauses, then a
//! clause of the English-only `fish-plan-old`; `catch` (Chinese) quotes
//! section 2 and the same old clause. The cover, the contents, each
//! item's citation, permalink, comment, rows and references.

use scraper::{ElementRef, Html};

use super::{all, attr, blocks, build, cell, cell_langs, one, owned, text_of};
use crate::site::check_links;

fn item<'a>(html: &'a Html, n: usize) -> ElementRef<'a> {
    one(html.root_element(), &format!("section.item#item-{n}"))
}

/// `(lang, text)` of each element matching `css` under `scope`.
fn spans(scope: ElementRef, css: &str) -> Vec<(String, String)> {
    all(scope, css)
        .into_iter()
        .map(|e| (attr(e, "lang").to_string(), text_of(e)))
        .collect()
}

fn row_keys(item: ElementRef<'_>) -> Vec<&str> {
    all(item, ".node[id]")
        .into_iter()
        .map(|n| attr(n, "id"))
        .collect()
}

fn row<'a>(item: ElementRef<'a>, key: &str) -> ElementRef<'a> {
    one(item, &format!(".node[id=\"{key}\"]"))
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
        owned(&[("zh-Hans", "第2项"), ("en", "items 2")])
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
fn an_items_rows_are_its_node_and_descendants_in_the_modes_languages() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    let first = item(&html, 1);
    assert_eq!(attr(first, "class"), "item");
    assert_eq!(
        row_keys(first),
        [
            "fish-plan:art_1__sec_1",
            "fish-plan:art_1__sec_1__cl_1",
            "fish-plan:art_1__sec_1__cl_2"
        ],
        "the section and its clauses, not section 2"
    );
    let note = ("aside", "Editorial note Farmers of fish, not of land.");
    for (key, zh, en) in [
        (
            "fish-plan:art_1__sec_1",
            vec![("h3", "一、 养殖")],
            vec![("h3", "1. Aquaculture")],
        ),
        (
            "fish-plan:art_1__sec_1__cl_1",
            vec![("p", "（一） 共建鱼苗场。")],
            vec![("p", "1. Build fish hatcheries together.")],
        ),
        (
            "fish-plan:art_1__sec_1__cl_2",
            vec![("p", "（二） 培训养殖人员。"), note],
            vec![("p", "2. Train fish farmers."), note],
        ),
    ] {
        let r = row(first, key);
        assert_eq!(cell_langs(r), ["zh-Hans", "en"], "{key}");
        assert_eq!(blocks(cell(r, "zh-Hans")), owned(&zh), "{key}");
        assert_eq!(blocks(cell(r, "en")), owned(&en), "{key}");
    }
    let clause = row(first, "fish-plan:art_1__sec_1__cl_2");
    assert_eq!(
        attr(one(cell(clause, "zh-Hans"), "aside.note"), "lang"),
        "en"
    );

    // English only: one column, in English, and a note saying so.
    let second = item(&html, 2);
    assert_eq!(attr(second, "class"), "item one-column");
    assert_eq!(row_keys(second), ["fish-plan-old:chp_1__cl_1"]);
    let r = row(second, "fish-plan-old:chp_1__cl_1");
    assert_eq!(cell_langs(r), ["en"]);
    assert_eq!(
        blocks(cell(r, "en")),
        owned(&[("p", "1. Set up a fish hatchery.")])
    );
    assert_eq!(
        spans(second, ".lacks p"),
        owned(&[
            ("zh-Hans", "该文件没有中文官方文本，此处照录其英文文本。"),
            (
                "en",
                "This document has no official Chinese text; its English text is shown."
            )
        ])
    );
    assert!(all(first, ".lacks").is_empty());
}

#[test]
fn comments_are_printed_apart_in_each_language() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    let comments: Vec<(String, String, String, String)> = all(item(&html, 1), ".comment aside")
        .into_iter()
        .map(|c| {
            (
                attr(c, "lang").to_string(),
                text_of(one(c, "p.caption")),
                text_of(one(c, "p:not(.caption)")),
                text_of(one(c, "em")),
            )
        })
        .collect();
    let c = |a: &str, b: &str, t: &str, e: &str| (a.into(), b.into(), t.into(), e.into());
    assert_eq!(
        comments,
        [
            c("zh-Hans", "按语", "鱼苗场为新增内容。", "新增"),
            c("en", "Comment", "The hatcheries are new.", "new"),
        ]
    );
    assert!(
        all(item(&html, 2), ".comment").is_empty(),
        "item 2 has none"
    );
}

#[test]
fn references_point_into_the_briefing_or_to_the_documents() {
    let site = build("briefing");
    let html = site.page("briefings/fisheries.html");
    // (group class, caption, from, class of the link, href, text, here)
    type Ref = (String, String, String, String, String, String, String);
    let refs = |n: usize| -> Vec<Ref> {
        let refs = one(item(&html, n), ".item-refs");
        assert_eq!(
            attr(refs, "lang"),
            "zh-Hans",
            "in the briefing's first language"
        );
        all(refs, ".refs li")
            .into_iter()
            .map(|li| {
                let group = ElementRef::wrap(li.parent().unwrap().parent().unwrap()).unwrap();
                let a = one(li, "a");
                (
                    attr(group, "class").to_string(),
                    text_of(one(group, ".caption")),
                    all(li, ".from").into_iter().map(text_of).collect(),
                    attr(a, "class").to_string(),
                    attr(a, "href").to_string(),
                    text_of(a),
                    all(li, "span.here").into_iter().map(text_of).collect(),
                )
            })
            .collect()
    };
    let r = |g: &str, cap: &str, from: &str, class: &str, href: &str, text: &str, here: &str| {
        (
            g.to_string(),
            cap.to_string(),
            from.to_string(),
            class.to_string(),
            href.to_string(),
            text.to_string(),
            here.to_string(),
        )
    };
    assert_eq!(
        refs(1),
        [
            r(
                "refs continues",
                "延续",
                "第一条 一、 （一）",
                "here",
                "#fish-plan-old:chp_1__cl_1",
                "共同行动计划 2022-2024 I.1 Set up a fish hatchery.",
                "(见本简报第2项)"
            ),
            r(
                "refs related",
                "相关",
                "",
                "ref",
                "../documents/ocean-paper/index.html#ocean-paper:part_1",
                "海洋文件 第一部分 渔业合作",
                ""
            ),
        ]
    );
    assert_eq!(
        refs(2),
        [r(
            "refs continued_by",
            "后续版本",
            "",
            "here",
            "#fish-plan:art_1__sec_1__cl_1",
            "共同行动计划 2025-2027 第一条 一、 （一） 共建鱼苗场。",
            "(见本简报第1项)"
        )]
    );
}

#[test]
fn a_chinese_briefing_quotes_an_english_only_document_in_english() {
    let site = build("briefing");
    let html = site.page("briefings/catch.html");
    let root = html.root_element();
    assert_eq!(attr(root, "lang"), "zh-Hans");
    assert_eq!(
        attr(one(root, "article.briefing"), "class"),
        "briefing single"
    );
    assert_eq!(
        spans(one(root, "header.cover"), "h1 .title"),
        owned(&[("zh-Hans", "捕捞简报")])
    );
    let cover = one(root, "header.cover");
    assert_eq!(spans(cover, ".kicker span"), owned(&[("zh-Hans", "简报")]));
    assert_eq!(
        spans(cover, ".audience"),
        owned(&[("zh-Hans", "部长办公室")])
    );
    let first = item(&html, 1);
    assert_eq!(row_keys(first), ["fish-plan:art_1__sec_2"]);
    let r = row(first, "fish-plan:art_1__sec_2");
    assert_eq!(cell_langs(r), ["zh-Hans"]);
    assert_eq!(
        blocks(cell(r, "zh-Hans")),
        owned(&[("h3", "二、 捕捞"), ("p", "遵守捕捞配额。")])
    );
    let second = item(&html, 2);
    let r = row(second, "fish-plan-old:chp_1__cl_1");
    assert_eq!(cell_langs(r), ["en"]);
    assert_eq!(
        spans(second, ".lacks p"),
        owned(&[("zh-Hans", "该文件没有中文官方文本，此处照录其英文文本。")])
    );
    let comment = one(second, ".comment aside");
    assert_eq!(attr(comment, "lang"), "zh-Hans");
    assert_eq!(text_of(one(comment, "p.caption")), "按语");
    assert_eq!(
        text_of(one(comment, "p:not(.caption)")),
        "旧计划只有英文文本。"
    );
    // The clause that continues it is not in this briefing: the link
    // goes to the document.
    let back: Vec<&str> = all(second, ".item-refs a")
        .into_iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        back,
        ["../documents/fish-plan/index.html#fish-plan:art_1__sec_1__cl_1"]
    );
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
    for (page, lang, names) in [
        (
            "fish-plan/index.html",
            "zh-Hans",
            ["捕捞简报", "渔业合作简报"],
        ),
        (
            "fish-plan/en.html",
            "en",
            ["Briefing on catch", "Briefing on fisheries"],
        ),
        (
            "fish-plan-old/index.html",
            "en",
            ["Briefing on catch", "Briefing on fisheries"],
        ),
    ] {
        let html = site.page(&format!("documents/{page}"));
        let p = one(html.root_element(), ".doc-head .in-briefings");
        assert_eq!(attr(p, "lang"), lang, "{page}");
        let links: Vec<(&str, String)> = all(p, "a")
            .into_iter()
            .map(|a| (attr(a, "href"), text_of(a)))
            .collect();
        assert_eq!(
            links,
            [
                ("../../briefings/catch.html", names[0].to_string()),
                ("../../briefings/fisheries.html", names[1].to_string()),
            ],
            "{page}"
        );
    }
    let paper = site.page("documents/ocean-paper/index.html");
    assert!(all(paper.root_element(), ".in-briefings").is_empty());
}

#[test]
#[ignore = "bug: a document without a title in the briefing's language is cited by its title in another language inside an element marked with the briefing's language (`<span class=\"cite\" lang=\"zh-Hans\">Fisheries Action Plan (2022-2024)，…`)"]
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
#[ignore = "bug: in a Chinese briefing, a source document without a Chinese title is listed as an empty link (`<a href=\"../documents/fish-plan-old/index.html\"></a>`)"]
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
#[ignore = "bug: English counts of one are plural: a source cited by one item says `items 1`"]
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
