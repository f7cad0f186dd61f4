//! `accord check` on briefings: one test per kind of error, each asserting
//! the exact message with its file and line, and exit code 1.

use crate::support::{accord, edit, fixture, stderr, stdout};

const FINANCE: &str = "content/briefings/finance.toml";
const BANKS: &str = "content/briefings/banks.toml";

/// Applies `edits` (file, from, to) to a copy of the briefing fixture,
/// runs `check`, and asserts that it fails with every one of `expected`.
fn fails_with(edits: &[(&str, &str, &str)], expected: &[&str]) {
    let dir = fixture("briefing-site");
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
fn the_briefing_fixture_is_valid() {
    let dir = fixture("briefing-site");
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "ok: 3 documents, 9 nodes, 2 cross-links, 1 note, 2 briefings\n"
    );
}

#[test]
fn cited_node_does_not_exist() {
    fails_with(
        &[(FINANCE, "paper:part_1__p_1", "paper:part_1__p_9")],
        &["error: content/briefings/finance.toml:16: `paper:part_1__p_9` does not exist\n  help: document `paper` has no such node; check the node id in its file"],
    );
}

#[test]
fn cited_document_does_not_exist() {
    fails_with(
        &[(FINANCE, "paper:part_1__p_1", "papers:part_1__p_1")],
        &["error: content/briefings/finance.toml:16: `papers:part_1__p_1` does not exist\n  help: there is no document `papers`; check the document id"],
    );
}

#[test]
fn citation_key_without_a_document() {
    fails_with(
        &[(FINANCE, "paper:part_1__p_1", "part_1__p_1")],
        &["error: content/briefings/finance.toml:16: `part_1__p_1` does not exist\n  help: write the key as `document:node`"],
    );
}

#[test]
fn unknown_mode() {
    fails_with(
        &[(FINANCE, r#"mode = "parallel""#, r#"mode = "bilingual""#)],
        &["error: content/briefings/finance.toml:6: unknown mode `bilingual`\n  help: use `parallel` or one of the site's languages: `zh-Hans`, `en`"],
    );
}

#[test]
fn mode_in_a_language_no_cited_document_has() {
    fails_with(
        &[(BANKS, "[[item]]\nnode = \"plan-2024-2026:art_1__item_1\"\n\n", "")],
        &["error: content/briefings/banks.toml:5: the briefing is shown in `zh-Hans` (mode `zh-Hans`), but none of the documents it cites has a `zh-Hans` text\n  help: choose a mode in the documents' languages"],
    );
}

#[test]
fn title_missing_in_a_language_of_the_site() {
    fails_with(
        &[(BANKS, "title.en = \"Cooperation between banks\"\n", "")],
        &["error: content/briefings/banks.toml:1: title is missing in `en`\n  help: add `en` text: a briefing's title is shown in every language of the site"],
    );
}

#[test]
fn date_not_a_date() {
    fails_with(
        &[(FINANCE, "2025-06-16", "16.06.2025")],
        &["error: content/briefings/finance.toml:3: date `16.06.2025` is not a day of the calendar written YYYY-MM-DD"],
    );
}

#[test]
fn audience_missing_in_a_language_of_the_mode() {
    fails_with(
        &[(FINANCE, "audience.zh-Hans = \"部长办公室\"\n", "")],
        &["error: content/briefings/finance.toml:4: audience is missing in `zh-Hans`\n  help: add `zh-Hans` text: the mode `parallel` shows every one of `zh-Hans`, `en`"],
    );
}

#[test]
fn comment_missing_in_a_language_of_the_mode() {
    fails_with(
        &[(FINANCE, "comment.en = \"The *Panda Bonds* seminar is new.\"\n", "")],
        &["error: content/briefings/finance.toml:12: comment of `plan-2024-2026:art_1` is missing in `en`"],
    );
}

#[test]
fn intro_in_a_language_not_of_the_site() {
    fails_with(
        &[(BANKS, "intro.zh-Hans = ", "intro.fr = \"Coopération bancaire.\"\nintro.zh-Hans = ")],
        &["error: content/briefings/banks.toml:6: intro has language `fr`, which is not declared\n  help: use one of: zh-Hans, en"],
    );
}

#[test]
fn node_cited_twice() {
    fails_with(
        &[(FINANCE, "node = \"plan-2021-2023:chp_1\"\n", "node = \"plan-2021-2023:chp_1\"\n\n[[item]]\nnode = \"paper:part_1__p_1\"\n")],
        &["error: content/briefings/finance.toml:22: `paper:part_1__p_1` is cited twice\n  help: line 16 already cites it: remove one of the two items"],
    );
}

#[test]
fn node_inside_an_item_already_cited() {
    fails_with(
        &[(FINANCE, "node = \"plan-2021-2023:chp_1\"\n", "node = \"plan-2021-2023:chp_1\"\n\n[[item]]\nnode = \"plan-2024-2026:art_1__item_2\"\n")],
        &["error: content/briefings/finance.toml:22: `plan-2024-2026:art_1__item_2` is already part of `plan-2024-2026:art_1`, cited at line 11\n  help: an item shows its node with all its descendants"],
    );
}

#[test]
fn item_including_an_item_already_cited() {
    fails_with(
        &[(FINANCE, "node = \"paper:part_1__p_1\"", "node = \"paper:part_1__p_1\"\n\n[[item]]\nnode = \"paper:part_1\"")],
        &["error: content/briefings/finance.toml:19: `paper:part_1` includes `paper:part_1__p_1`, already cited at line 16"],
    );
}

#[test]
fn unknown_field_in_an_item() {
    fails_with(
        &[(FINANCE, "node = \"paper:part_1__p_1\"", "node = \"paper:part_1__p_1\"\ncolour = \"red\"")],
        &["error: content/briefings/finance.toml:17: unknown field `colour`, expected one of `node`, `topic`, `compare`, `comment`"],
    );
}

#[test]
fn missing_mode() {
    fails_with(
        &[(BANKS, "mode = \"zh-Hans\"\n", "")],
        &["error: content/briefings/banks.toml:1: missing field `mode`\n  help: add the field; see content/README.md"],
    );
}

#[test]
fn briefing_without_items() {
    let dir = fixture("briefing-site");
    let path = dir.path().join(BANKS);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.split("\n[[item]]").next().unwrap()).unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: content/briefings/banks.toml:5: the briefing has no [[item]]\n  help: add one `[[item]]` with `node = \"document:node\"` per section or clause"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn briefing_file_name_not_an_id() {
    let dir = fixture("briefing-site");
    let briefings = dir.path().join("content/briefings");
    std::fs::rename(
        briefings.join("banks.toml"),
        briefings.join("Banks 2025.toml"),
    )
    .unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: content/briefings/Banks 2025.toml: `Banks 2025` is not a valid briefing id\n  help: name the file with lower-case letters"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn build_reports_briefing_errors_too_and_writes_nothing() {
    let dir = fixture("briefing-site");
    edit(
        &dir.path().join(FINANCE),
        "paper:part_1__p_1",
        "paper:part_1__p_9",
    );
    let out = accord(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "error: content/briefings/finance.toml:16: `paper:part_1__p_9` does not exist"
        ),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("public").exists());
}
