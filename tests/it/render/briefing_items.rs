//! The items of the fixture briefings (`render/briefing`, see
//! `briefing.rs`): rows of the cited node and its descendants in the
//! mode's languages, the note on a document that lacks one of them,
//! comments, references into the briefing or to the documents.

use scraper::ElementRef;

use super::briefing::item;
use super::{all, attr, blocks, build, cell, cell_langs, one, owned, spans, text_of};

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
