//! Fidelity: the published text is the source's text, word for word.
//!
//! For each published document and each language, the source's paragraphs
//! (read here with a deliberately simple reader, independent of the
//! importer) and the content's pieces (title, then each node's label,
//! heading and text in reading order) must be the same characters in the
//! same order, under NFKC and with white space removed. So every source
//! paragraph appears exactly once, in order, and nothing else does. The only
//! source lines left out are the ones listed here, each with its reason.

use std::path::Path;

use accord::model::Document;
use unicode_normalization::UnicodeNormalization;

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn normalise(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

fn site() -> accord::model::Site {
    accord::check::load_site(&crate::support::root().join("content"))
        .expect("the real content is valid")
}

/// The content's text of one language, in reading order.
fn content_stream(doc: &Document, lang: &str) -> Vec<String> {
    let mut out: Vec<String> = doc.title.get(lang).cloned().into_iter().collect();
    for node in &doc.nodes {
        for map in [&node.label, &node.heading, &node.text] {
            out.extend(map.get(lang).cloned());
        }
    }
    out
}

/// Compares two streams character by character, with a useful message.
fn assert_same(doc: &str, lang: &str, source: &[String], content: &[String]) {
    let s = normalise(&source.concat());
    let c = normalise(&content.concat());
    if s != c {
        let at = s.chars().zip(c.chars()).take_while(|(a, b)| a == b).count();
        let around = |t: &str| {
            t.chars()
                .skip(at.saturating_sub(30))
                .take(80)
                .collect::<String>()
        };
        panic!(
            "{doc} [{lang}]: content differs from the source at character {at}\n source:  {}\n content: {}",
            around(&s),
            around(&c)
        );
    }
    assert!(
        s.chars().count() > 1000,
        "{doc} [{lang}]: suspiciously little text"
    );
}

fn doc<'a>(site: &'a accord::model::Site, id: &str) -> &'a Document {
    site.documents
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("document {id}"))
}

/// Lines left out of the published documents, and why. Anything else
/// missing fails the test.
const LEFT_OUT: &[(&str, &str)] = &[
    (
        "CHINA - CELAC JOINT ACTION PLAN FOR COOPERATION IN KEY AREAS(2025-2027)(English-Chinese)",
        "page header of the web copy",
    ),
    (
        "(来源:新华网) | (Source: Xinhua) |",
        "source credit of the web page",
    ),
    ("Share:", "web page button"),
    (
        "京公网安备 11010802027341号",
        "web site registration notice",
    ),
];

fn left_out(line: &str) -> bool {
    LEFT_OUT
        .iter()
        .any(|(l, _)| normalise(line.trim().trim_end_matches('-')) == normalise(l))
}

#[test]
fn plan_2025_2027_is_the_interleaved_source() {
    let text = crate::support::source_text("china-celac-action-plan-2025-2027.zh-en.txt");
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !left_out(l))
    {
        // A zh and an en part on one line are split by two or more spaces.
        let split = line
            .match_indices("  ")
            .chain(line.match_indices("\u{a0}\u{a0}"))
            .map(|(i, _)| i)
            .find(|&i| has_cjk(&line[..i]) && !has_cjk(&line[i..]));
        let parts = match split {
            Some(i) => vec![&line[..i], &line[i..]],
            None => vec![line],
        };
        for p in parts {
            if has_cjk(p) {
                zh.push(p.to_string())
            } else {
                en.push(p.to_string())
            }
        }
    }
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2025-2027");
    assert_same(&d.id, "zh-Hans", &zh, &content_stream(d, "zh-Hans"));
    assert_same(&d.id, "en", &en, &content_stream(d, "en"));
}

#[test]
fn policy_paper_is_the_row_source() {
    let text = crate::support::source_text("china-lac-policy-paper-2025.zh-en.txt");
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !left_out(l))
    {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(cells.len(), 2, "row with other than two cells: {line}");
        zh.push(cells[0].to_string());
        en.push(cells[1].to_string());
    }
    let site = site();
    let d = doc(&site, "china-lac-policy-paper-2025");
    // The title is not in this source: it comes from content/imports.toml.
    let skip_title = |v: Vec<String>| v.into_iter().skip(1).collect::<Vec<_>>();
    assert_same(
        &d.id,
        "zh-Hans",
        &zh,
        &skip_title(content_stream(d, "zh-Hans")),
    );
    assert_same(&d.id, "en", &en, &skip_title(content_stream(d, "en")));
}

#[test]
fn plan_2022_2024_is_the_markdown_source() {
    let text = crate::support::source_text("china-celac-action-plan-2022-2024.en.md");
    let mut en = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // Markdown and PDF artifacts: heading marks, bullets, bold, <del>, escapes.
        let line = line.trim_start_matches('#').trim_start();
        let line = line.strip_prefix("- ").unwrap_or(line);
        let cleaned = line
            .replace("**", "")
            .replace("<del>", "")
            .replace("</del>", "")
            .replace("\\$", "$");
        en.push(cleaned);
    }
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2022-2024");
    assert_eq!(d.languages, vec!["en".to_string()]);
    assert_same(&d.id, "en", &en, &content_stream(d, "en"));
    // Sentences broken across lines were joined with one space.
    let joined = d.nodes.iter().find(|n| n.id == "chp_1__cl_6").unwrap();
    assert!(joined.text["en"]
        .contains("participate actively in negotiations to elaborate a UN convention"));
    assert!(d
        .nodes
        .iter()
        .all(|n| n.text.values().all(|t| !t.contains("  ") && t.trim() == t)));
}

#[test]
fn chinese_punctuation_is_restored_to_full_width() {
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2025-2027");
    let art1 = &d.nodes.iter().find(|n| n.id == "art_1").unwrap().heading["zh-Hans"];
    assert_eq!(art1, "平等互信，巩固中拉政治关系");
    let label = &d
        .nodes
        .iter()
        .find(|n| n.id == "art_2__sec_3__cl_3")
        .unwrap()
        .label["zh-Hans"];
    assert_eq!(label, "（三）");
}

#[test]
fn every_published_file_names_its_source() {
    let site = site();
    for d in &site.documents {
        let source = d.source.as_deref().expect("source named");
        assert!(
            Path::new(&crate::support::sources().join(source)).is_file(),
            "{source}"
        );
    }
}
