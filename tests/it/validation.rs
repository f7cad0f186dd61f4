//! `accord check`: one test per kind of content error, each asserting the
//! exact message with its file and line, and exit code 1.

use crate::support::{accord, edit, fixture, stderr};

const PLAN: &str = "content/documents/plan-2024-2026.toml";
const OLD: &str = "content/documents/plan-2021-2023.toml";
const PAPER: &str = "content/documents/paper.toml";
const CROSSWALK: &str = "content/crosswalk.toml";
const NOTES: &str = "content/notes/notes.toml";

/// Applies `edits` (file, from, to) to a copy of the fixture site, runs
/// `check`, and asserts that it fails with every one of `expected` lines.
fn fails_with(edits: &[(&str, &str, &str)], expected: &[&str]) {
    let dir = fixture("site");
    for (file, from, to) in edits {
        edit(&dir.path().join(file), from, to);
    }
    let out = accord(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit code; stderr:\n{err}");
    for line in expected {
        assert!(err.contains(line), "expected\n  {line}\nin stderr:\n{err}");
    }
}

#[test]
fn the_fixture_is_valid() {
    let dir = fixture("site");
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        crate::support::stdout(&out),
        "ok: 3 documents, 9 nodes, 2 cross-links, 1 note\n"
    );
}

#[test]
fn duplicate_node_id() {
    fails_with(
        &[(PLAN, r#"id = "art_1__item_2""#, r#"id = "art_1__item_1""#), (NOTES, "art_1__item_2", "art_1__item_1")],
        &["error: content/documents/plan-2024-2026.toml:27: duplicate node id `art_1__item_1`\n  help: line 19 already uses it"],
    );
}

#[test]
fn duplicate_document_id() {
    fails_with(
        &[(OLD, r#"id = "plan-2021-2023""#, r#"id = "plan-2024-2026""#)],
        &["error: content/documents/plan-2024-2026.toml:1: duplicate document id `plan-2024-2026`"],
    );
}

#[test]
fn document_id_differs_from_file_name() {
    fails_with(
        &[(PAPER, r#"id = "paper""#, r#"id = "paper-2025""#)],
        &["error: content/documents/paper.toml:1: document id `paper-2025` does not match the file name\n  help: rename the file to `paper-2025.toml` or change the id"],
    );
}

#[test]
fn crosswalk_target_does_not_exist() {
    fails_with(
        &[(CROSSWALK, r#"to = "paper:part_1""#, r#"to = "paper:part_9""#)],
        &["error: content/crosswalk.toml:3: `paper:part_9` does not exist\n  help: document `paper` has no such node"],
    );
}

#[test]
fn crosswalk_document_does_not_exist() {
    fails_with(
        &[(CROSSWALK, r#"to = "paper:part_1""#, r#"to = "papers:part_1""#)],
        &["error: content/crosswalk.toml:3: `papers:part_1` does not exist\n  help: there is no document `papers`"],
    );
}

#[test]
fn crosswalk_unknown_relation() {
    fails_with(
        &[(CROSSWALK, r#"relation = "related""#, r#"relation = "similar""#)],
        &["error: content/crosswalk.toml:4: unknown relation `similar`\n  help: use one of `related`, `continues`"],
    );
}

#[test]
fn crosswalk_continues_backwards() {
    fails_with(
        &[(CROSSWALK, "from = \"plan-2024-2026:art_1\"\nto = \"plan-2021-2023:chp_1\"", "from = \"plan-2021-2023:chp_1\"\nto = \"plan-2024-2026:art_1\"")],
        &["error: content/crosswalk.toml:6: `continues` must go from the newer edition to the older, but `plan-2021-2023` is not newer than `plan-2024-2026`"],
    );
}

#[test]
fn crosswalk_link_within_one_document() {
    fails_with(
        &[(CROSSWALK, r#"to = "paper:part_1""#, r#"to = "plan-2024-2026:art_1__item_1""#)],
        &["error: content/crosswalk.toml:1: a cross-link must join nodes of two different documents"],
    );
}

#[test]
fn crosswalk_link_declared_twice() {
    let dir = fixture("site");
    let path = dir.path().join(CROSSWALK);
    let text = std::fs::read_to_string(&path).unwrap();
    let first = text.split("\n\n").next().unwrap().to_string();
    std::fs::write(&path, format!("{text}\n{first}\n")).unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error: content/crosswalk.toml:12: link plan-2024-2026:art_1 -> paper:part_1 is declared twice"), "{}", stderr(&out));
}

#[test]
fn text_missing_in_a_declared_language() {
    fails_with(
        &[(PLAN, "text.en = \"Strengthen financial cooperation.\"\n", "")],
        &["error: content/documents/plan-2024-2026.toml:27: text of node `art_1__item_2` is missing in `en`\n  help: add `en` text: the document declares this language"],
    );
}

#[test]
fn text_in_an_undeclared_language() {
    fails_with(
        &[(OLD, "text.en = \"Strengthen cooperation between banks.\"", "text.en = \"Strengthen cooperation between banks.\"\ntext.zh-Hans = \"加强银行合作。\"")],
        &["error: content/documents/plan-2021-2023.toml:15: text of node `chp_1__cl_1` has language `zh-Hans`, which is not declared"],
    );
}

#[test]
fn language_not_of_the_site() {
    fails_with(
        &[(PAPER, r#"languages = ["zh-Hans", "en"]"#, r#"languages = ["zh-Hans", "en", "es"]"#)],
        &["error: content/documents/paper.toml:3: language `es` is not one of the site's languages"],
    );
}

#[test]
fn numbering_gap() {
    fails_with(
        &[(PLAN, r#"id = "art_1__item_2""#, r#"id = "art_1__item_3""#), (NOTES, "art_1__item_2", "art_1__item_3")],
        &["error: content/documents/plan-2024-2026.toml:27: numbering gap in `art_1`: number 3 where 2 was expected"],
    );
}

#[test]
fn unknown_field() {
    fails_with(
        &[(
            PLAN,
            "kind = \"item\"\nlabel.zh-Hans = \"二、\"",
            "kind = \"item\"\ncolour = \"red\"\nlabel.zh-Hans = \"二、\"",
        )],
        &["error: content/documents/plan-2024-2026.toml:29: unknown field `colour`"],
    );
}

#[test]
fn malformed_toml() {
    fails_with(
        &[(PLAN, "heading.en = \"Finance\"", "heading.en = \"Finance")],
        &["error: content/documents/plan-2024-2026.toml:16: "],
    );
}

#[test]
fn invalid_utf8() {
    let dir = fixture("site");
    let path = dir.path().join(PAPER);
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(4).position(|w| w == b"Part").unwrap();
    bytes[at] = 0xff;
    std::fs::write(&path, bytes).unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("error: content/documents/paper.toml:23: invalid UTF-8 (byte 0xff at offset"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_node_kind() {
    fails_with(
        &[(PAPER, "kind = \"part\"", "kind = \"chapitre\"")],
        &["error: content/documents/paper.toml:21: unknown node kind `chapitre`\n  help: use one of `preamble`, `preface`"],
    );
}

#[test]
fn node_id_does_not_fit_its_kind() {
    fails_with(
        &[(PAPER, "kind = \"part\"", "kind = \"chapter\"")],
        &["error: content/documents/paper.toml:20: node `part_1` is a chapter but its id ends in `part`"],
    );
}

#[test]
fn malformed_node_id() {
    fails_with(
        &[(OLD, r#"id = "chp_1__cl_1""#, r#"id = "chp_1/../cl_01""#)],
        &["error: content/documents/plan-2021-2023.toml:15: `chp_1/../cl_01` is not a valid node id"],
    );
}

#[test]
fn node_outside_its_parent() {
    fails_with(
        &[(PAPER, r#"id = "part_1__p_1""#, r#"id = "preface__p_2""#)],
        &["error: content/documents/paper.toml:28: node `preface__p_2` is not inside its parent `preface`\n  help: move this node up"],
    );
}

#[test]
fn empty_node() {
    fails_with(
        &[(OLD, "text.en = \"Strengthen cooperation between banks.\"\n", "text.en = \"Strengthen cooperation between banks.\"\n\n[[node]]\nid = \"chp_2\"\nkind = \"chapter\"\n")],
        &["error: content/documents/plan-2021-2023.toml:21: node `chp_2` is empty: no heading, no text and no children"],
    );
}

#[test]
fn note_target_does_not_exist() {
    fails_with(
        &[(NOTES, "art_1__item_2", "art_1__item_7")],
        &["error: content/notes/notes.toml:2: `plan-2024-2026:art_1__item_7` does not exist"],
    );
}

#[test]
fn unknown_note_kind() {
    fails_with(
        &[(NOTES, r#"kind = "translation""#, r#"kind = "opinion""#)],
        &["error: content/notes/notes.toml:3: unknown note kind `opinion`"],
    );
}

#[test]
fn site_base_url_not_absolute() {
    fails_with(
        &[("content/site.toml", "https://example.org/", "/accord")],
        &["error: content/site.toml:1: base_url `/accord` is not an absolute URL"],
    );
}

#[test]
fn bad_language_tag() {
    fails_with(
        &[("content/site.toml", "code = \"en\"", "code = \"English\"")],
        &["error: content/site.toml:10: `English` is not a language tag"],
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    fails_with(
        &[
            (
                PLAN,
                "text.en = \"Strengthen financial cooperation.\"\n",
                "",
            ),
            (
                CROSSWALK,
                r#"to = "paper:part_1""#,
                r#"to = "paper:part_9""#,
            ),
            (PAPER, "kind = \"part\"", "kind = \"chapitre\""),
            (NOTES, r#"kind = "translation""#, r#"kind = "opinion""#),
        ],
        &[
            "content/crosswalk.toml:3:",
            "content/documents/paper.toml:21:",
            "content/documents/plan-2024-2026.toml:27:",
            "content/notes/notes.toml:3:",
            "error: 4 problems in the content",
        ],
    );
}

#[test]
fn missing_site_file() {
    let dir = fixture("site");
    std::fs::remove_file(dir.path().join("content/site.toml")).unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: content/site.toml: cannot read file:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stray_file_in_documents() {
    let dir = fixture("site");
    std::fs::write(dir.path().join("content/documents/notes.txt"), "draft").unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: content/documents/notes.txt: not a .toml file"),
        "{}",
        stderr(&out)
    );
}

/// The fixture site as an excerpt: the plan's Article 1 renumbered as
/// Article 3 everywhere (ids, cross-links, notes); `first`, if given, is
/// declared in the plan.
fn excerpt_from_article_3(first: Option<&str>) -> tempfile::TempDir {
    let dir = fixture("site");
    for file in [PLAN, CROSSWALK, NOTES] {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text
            .replace("\"art_1", "\"art_3")
            .replace(":art_1", ":art_3");
        std::fs::write(&path, text).unwrap();
    }
    if let Some(first) = first {
        let plan = dir.path().join(PLAN);
        edit(
            &plan,
            "date = \"2024-05-13\"\n",
            &format!("date = \"2024-05-13\"\n{first}\n"),
        );
    }
    dir
}

#[test]
fn an_excerpt_starts_at_its_first_number() {
    let dir = excerpt_from_article_3(None);
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: content/documents/plan-2024-2026.toml:11: numbering gap in the document: number 3 where 1 was expected\n  \
         help: the document's numbered nodes start at 1, or at `first` (`first = 3` for an excerpt from Article 3): set `first`, or fix the id\n\
         error: 1 problem in the content\n"
    );

    let dir = excerpt_from_article_3(Some("first = 3"));
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Inside the excerpt, a gap is still a gap.
    let dir = excerpt_from_article_3(Some("first = 2"));
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "plan-2024-2026.toml:12: numbering gap in the document: number 3 where 2 was expected"
        ),
        "{}",
        stderr(&out)
    );

    let dir = excerpt_from_article_3(Some("first = 0"));
    let out = accord(dir.path(), &["check"]);
    assert!(
        stderr(&out).contains("plan-2024-2026.toml:6: `first` is 0: numbers start at 1"),
        "{}",
        stderr(&out)
    );
}
