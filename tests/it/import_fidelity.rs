//! `import` alters no text (issue 15, point 5): punctuation restored only
//! where it is Chinese prose (never in URLs, e-mail addresses, numbers,
//! times, code or Latin stretches), HTML comments and tags taken out and
//! reported, datelines kept as paragraphs of their own; and every source
//! paragraph appears once, word for word, in the output but for the
//! reported removals.

use accord::import::report::Severity;
use accord::import::{Imported, Options};

use crate::support::{each_once_and_nothing_else, import_fixture, imported_node as node, output};

fn run(name: &str) -> (Imported, String) {
    import_fixture(name, &Options::default())
}

fn entries(i: &Imported) -> Vec<(usize, Severity, String)> {
    i.report
        .entries
        .iter()
        .map(|e| (e.line, e.severity, e.message.clone()))
        .collect()
}

#[test]
fn punctuation_is_restored_only_in_chinese_prose() {
    let (i, _) = run("fidelity-urls.txt");
    assert_eq!(i.document.title["zh-Hans"], "示例文件（2025）");
    let zh = |id: &str| node(&i, id).text["zh-Hans"].clone();
    let en = |id: &str| node(&i, id).text["en"].clone();
    assert_eq!(
        zh("art_1__item_1"),
        "详见https://www.example.org/plan?id=1,2(a)，欢迎访问。"
    );
    assert_eq!(
        zh("art_1__item_2"),
        "邮箱：info@mfa.gov.cn；网址www.fmprc.gov.cn。"
    );
    assert_eq!(
        zh("art_1__item_3"),
        "增长2.5%，达到1,000人；会议10:30开始，比例1:1。"
    );
    assert_eq!(
        zh("art_1__item_4"),
        "运行`accord import --manifest a.toml`，版本v1.2.3：稳定。"
    );
    assert_eq!(
        zh("art_1__item_5"),
        "引用\"Peace, love: hope\"一语（见附录）。"
    );
    // English is never touched.
    assert_eq!(
        en("art_1__item_1"),
        "See https://www.example.org/plan?id=1,2(a), welcome."
    );
    assert_eq!(
        en("art_1__item_3"),
        "Growth of 2.5%, to 1,000 people; the meeting starts at 10:30, ratio 1:1."
    );
    let date = node(&i, "art_1__p_1");
    assert_eq!(
        (date.text["zh-Hans"].as_str(), date.text["en"].as_str()),
        ("2025年5月13日于北京", "Beijing, 13 May 2025")
    );
    assert_eq!(
        entries(&i),
        [
            (
                3,
                Severity::Dropped,
                "HTML comment, not published (lines 3–4): «<!-- 来源:网页版 抓取于2025年5月14日 -->»".into()
            ),
            (
                21,
                Severity::Cleaned,
                "removed HTML tags `<br>` (their text kept)".into()
            ),
            (
                23,
                Severity::Warning,
                "unnumbered paragraph after the numbered item of line 20: placed in the enclosing node".into()
            ),
        ]
    );
}

#[test]
fn interleaved_source_is_in_the_output_word_for_word() {
    let (i, text) = run("fidelity-urls.txt");
    // The reported removals: the comment of lines 3–4, the tag of line 21.
    let comment = "<!-- 来源:网页版\n     抓取于2025年5月14日 -->";
    let text = text.replace(comment, "").replace("<br>", "");
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once("  ") {
            Some((z, e)) => {
                zh.push(z.to_string());
                en.push(e.to_string());
            }
            None if line.chars().any(|c| c > '\u{2e80}') => zh.push(line.to_string()),
            None => en.push(line.to_string()),
        }
    }
    each_once_and_nothing_else(&zh, &output(&i.document, "zh-Hans"));
    each_once_and_nothing_else(&en, &output(&i.document, "en"));
}

#[test]
fn html_comments_tags_and_entities_are_removed_and_reported() {
    let (i, text) = run("comments.md");
    let text_of = |id: &str| node(&i, id).text["en"].clone();
    assert_eq!(
        text_of("preamble__p_1"),
        "The two sides met in Beijing and agreed on the following."
    );
    assert_eq!(
        text_of("chp_1__cl_1"),
        "Trade grew by 3.5% to US$1,000 million in 2024."
    );
    assert_eq!(
        text_of("chp_1__cl_2"),
        "The sides support AT&T and Café Verde\u{a0}S.A."
    );
    assert_eq!(
        text_of("chp_1__cl_3"),
        "Keep &lt;tags&gt; as written.",
        "an entity that would be markup stays as written"
    );
    let all = format!("{:?}", i.document.nodes);
    assert!(!all.contains("<!--") && !all.contains("note") && !all.contains('<'));
    assert_eq!(
        entries(&i),
        [
            (2, Severity::Dropped, "HTML comment, not published (line 2): «<!-- converted from the web page on 2025-05-14 -->»".into()),
            (4, Severity::Dropped, "HTML comment, not published (line 4): «<!-- check the date -->»".into()),
            (5, Severity::Cleaned, "joined to line 4 (sentence broken across lines)".into()),
            (7, Severity::Dropped, "HTML comment, not published (lines 7–10): «<!-- Editor's note: the paragraph below was missing in the P…»".into()),
            (14, Severity::Cleaned, "removed HTML tags `<br>` (their text kept)".into()),
            (15, Severity::Cleaned, "removed HTML tags `<p>` `<span class=\"term\">` `</span>` `</p>` (their text kept), HTML entities decoded: &amp; → &, &eacute; → é, &nbsp; → U+00A0".into()),
            (17, Severity::Dropped, "markup with no text: «</div>»".into()),
        ]
    );
    // The source, less exactly what the report names, is the output.
    let mut source = text;
    for removed in [
        "<!-- converted from the web page on 2025-05-14 -->",
        "<!-- check the date -->",
        "<!--\nEditor's note: the paragraph below\nwas missing in the PDF.\n-->",
        "<br>",
        "<p>",
        "<span class=\"term\">",
        "</span>",
        "</p>",
        "</div>",
        "## ",
        "# ",
    ] {
        assert!(source.contains(removed), "{removed}");
        source = source.replace(removed, "");
    }
    let source = source
        .replace("&amp;", "&")
        .replace("&eacute;", "é")
        .replace("&nbsp;", "\u{a0}");
    let lines: Vec<String> = source
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    each_once_and_nothing_else(&lines, &output(&i.document, "en"));
}

/// The nodes' texts of one language, in order.
fn texts(i: &Imported, lang: &str) -> Vec<String> {
    i.document
        .nodes
        .iter()
        .filter_map(|n| n.text.get(lang).cloned())
        .collect()
}

#[test]
fn datelines_stay_paragraphs_of_their_own() {
    let (i, text) = run("datelines.md");
    assert_eq!(
        texts(&i, "en"),
        [
            "The parties, meeting in Beijing, declare their friendship and their will to cooperate",
            "Beijing, 13 May 2025",
            "The parties will meet again in two years",
            "Done at New York, 26 June 1945",
            "May 13, 2025",
            "For the first party",
        ]
    );
    let joins: Vec<usize> = i.report.entries.iter().map(|e| e.line).collect();
    assert_eq!(
        joins,
        [4, 7],
        "only the broken sentences are joined: {}",
        i.report
    );
    let lines: Vec<String> = text
        .replace("# ", "")
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    each_once_and_nothing_else(&lines, &output(&i.document, "en"));

    let (zh, text) = run("datelines-zh.md");
    assert_eq!(
        texts(&zh, "zh-Hans"),
        [
            "双方在北京会晤，宣布",
            "2025年5月13日于北京",
            "双方将于两年后再次会晤",
            "2025年5月14日"
        ]
    );
    assert!(zh.report.entries.is_empty(), "{}", zh.report);
    let lines: Vec<String> = text
        .replace("# ", "")
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    each_once_and_nothing_else(&lines, &output(&zh.document, "zh-Hans"));
}
