//! Briefing items that follow the content (issue 17, item 4), on
//! `tests/fixtures/render/briefing-live`: its briefing `live` has a
//! comparison item (`compare = "plan-2024-2026:art_1"`, which continues
//! `plan-2021-2023:chp_1`), a topic item (`topic = "economy"`, whose
//! narrower topic `finance` covers `paper:part_1__p_1` and
//! `plan-2021-2023:chp_1__cl_1`; `economy` itself covers
//! `plan-2024-2026:art_1`, already the comparison item) and a node item
//! (`paper:preface`). What each item holds is written out here from the
//! fixture's files.

use super::{all, attr, build_fixture, one, text_of};
use crate::site::check_links;
use crate::support::{accord, edit, fixture, stderr};

const CASE: &str = "render/briefing-live";
const PAGE: &str = "briefings/live.html";
const BRIEFING: &str = "content/briefings/live.toml";

/// The citation key each item's permalink ends with, in order.
fn item_keys(html: &scraper::Html) -> Vec<String> {
    all(html.root_element(), "section.item .permalink a")
        .into_iter()
        .map(|a| {
            let href = attr(a, "href");
            href.rsplit_once('#').unwrap().1.to_string()
        })
        .collect()
}

#[test]
fn a_topic_and_a_comparison_row_are_items() {
    let b = build_fixture(CASE);
    let html = b.page(PAGE);
    assert_eq!(
        item_keys(&html),
        [
            "plan-2024-2026:art_1",
            "paper:part_1__p_1",
            "plan-2021-2023:chp_1__cl_1",
            "paper:preface",
        ]
    );
    let items = all(html.root_element(), "section.item");
    // Item 1: the article beside the chapter it continues, clause by
    // clause, each side linked to its node.
    let row = one(items[0], ".compare-item .crow");
    let sides: Vec<&str> = all(row, ".side")
        .into_iter()
        .map(|s| attr(s, "data-key"))
        .collect();
    assert_eq!(
        sides,
        [
            "plan-2021-2023:chp_1",
            "plan-2024-2026:art_1",
            "plan-2024-2026:art_1__item_1",
            "plan-2024-2026:art_1__item_2",
            "plan-2021-2023:chp_1__cl_1",
        ]
    );
    assert!(all(items[0], ".nodes").is_empty(), "shown as a row only");
    let text = text_of(row);
    assert!(text.contains("支持举办“熊猫债券”研讨会。"), "{text}");
    assert!(text.contains("Strengthen cooperation between banks."));
    // Its comment is the item's.
    assert!(text_of(one(items[0], ".comment")).contains("This article beside chapter 1"));
    // Item 2 opens the topic's items: the topic named in both languages,
    // linked to its page, with how many items it gave; the comment is
    // the topic item's.
    let head = one(items[1], ".topic-head a");
    assert_eq!(attr(head, "href"), "../topics/economy.html");
    let lines: Vec<(String, String)> = all(head, "span")
        .into_iter()
        .map(|s| (attr(s, "lang").to_string(), text_of(s)))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "zh-Hans".to_string(),
                "以下2项取自主题“经济”，随主题索引自动更新".to_string()
            ),
            (
                "en".to_string(),
                "From the topic “Economy”, as the topic index has it; items: 2".to_string()
            ),
        ]
    );
    assert!(text_of(one(items[1], ".comment")).contains("The other clauses on the economy."));
    assert!(all(items[2], ".topic-head").is_empty());
    assert!(all(items[2], ".comment").is_empty());
    assert!(text_of(items[2]).contains("Strengthen cooperation between banks."));
    assert!(text_of(items[3]).contains("China-LAC relations keep growing."));
    // Every link and fragment of the site resolves (the topic page too).
    assert!(check_links(&b.out, "https://example.org/") > 0);
}

/// The briefing follows the topic index: a node taken out of the topic
/// leaves the briefing, with no edit to the briefing.
#[test]
fn a_topic_item_follows_the_topic_index() {
    let dir = fixture(CASE);
    edit(
        &dir.path().join("content/topics.toml"),
        "covers = [\"paper:part_1__p_1\", \"plan-2021-2023:chp_1__cl_1\"]",
        "covers = [\"plan-2021-2023:chp_1__cl_1\"]",
    );
    let out = accord(dir.path(), &["build", "--no-search"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = crate::site::parse(&std::fs::read(dir.path().join("public").join(PAGE)).unwrap());
    assert_eq!(
        item_keys(&html),
        [
            "plan-2024-2026:art_1",
            "plan-2021-2023:chp_1__cl_1",
            "paper:preface",
        ]
    );
    let head = one(html.root_element(), ".topic-head span[lang=en]");
    assert_eq!(
        text_of(head),
        "From the topic “Economy”, as the topic index has it; items: 1"
    );
}

/// Bad items: each reported with its line, all at once, exit 1.
#[test]
fn bad_topic_and_comparison_items() {
    let dir = fixture(CASE);
    let file = dir.path().join(BRIEFING);
    edit(&file, "topic = \"economy\"", "topic = \"economics\"");
    edit(
        &file,
        "compare = \"plan-2024-2026:art_1\"",
        "compare = \"plan-2024-2026:art_1__item_1\"",
    );
    edit(
        &file,
        "node = \"paper:preface\"",
        "node = \"paper:preface\"\ncompare = \"plan-2021-2023:chp_1\"",
    );
    let out = accord(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "error: content/briefings/live.toml:13: `plan-2024-2026:art_1__item_1` is a clause, not a section\n  help: `compare` shows a whole section",
        "error: content/briefings/live.toml:18: `economics` is not a topic\n  help: use the id of one of the [[topic]] tables of content/topics.toml",
        "error: content/briefings/live.toml:22: the item names more than one thing to show\n  help: give an item exactly one of",
    ] {
        assert!(err.contains(expected), "expected\n  {expected}\nin stderr:\n{err}");
    }
    assert_eq!(err.matches("error: content/").count(), 3, "{err}");
    // A comparison item in an edition with none before it.
    let dir = fixture(CASE);
    let file = dir.path().join(BRIEFING);
    edit(
        &file,
        "compare = \"plan-2024-2026:art_1\"",
        "compare = \"plan-2021-2023:chp_1\"",
    );
    let err = stderr(&accord(dir.path(), &["check"]));
    assert!(
        err.contains("error: content/briefings/live.toml:13: `plan-2021-2023:chp_1` is not in an edition with an earlier one to compare with"),
        "{err}"
    );
}
