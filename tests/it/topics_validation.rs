//! `accord check` on `content/topics.toml`: the fixture is valid, and each
//! kind of error is reported with its file and line, all at once, exit 1.

use crate::support::{accord, edit, fixture, stderr, stdout};

const TOPICS: &str = "content/topics.toml";

/// Applies `edits` to `topics.toml` of a copy of the topic fixture, runs
/// `check`, and asserts that it fails with every one of `expected`.
fn fails_with(edits: &[(&str, &str)], expected: &[&str]) {
    let dir = fixture("topics/nested");
    for (from, to) in edits {
        edit(&dir.path().join(TOPICS), from, to);
    }
    let out = accord(dir.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit code; stderr:\n{err}");
    for line in expected {
        assert!(err.contains(line), "expected\n  {line}\nin stderr:\n{err}");
    }
    assert_eq!(
        err.matches("error: content/").count(),
        expected.len(),
        "errors reported; stderr:\n{err}"
    );
}

#[test]
fn the_topic_fixture_is_valid() {
    let dir = fixture("topics/nested");
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "ok: 3 documents, 9 nodes, 2 cross-links, 1 note, 2 briefings, 3 topics\n"
    );
}

#[test]
fn bad_node_reference() {
    fails_with(
        &[("paper:part_1__p_1", "paper:part_1__p_9")],
        &["error: content/topics.toml:14: `paper:part_1__p_9` does not exist\n  help: document `paper` has no such node"],
    );
}

#[test]
fn several_errors_at_once() {
    fails_with(
        &[
            ("parent = \"economy\"", "parent = \"economics\""),
            ("\"plan-2021-2023:chp_1__cl_1\"", "\"plans:chp_1__cl_1\""),
            ("id = \"people\"", "id = \"economy\""),
            ("name = { zh-Hans = \"人文交流\", en", "name = { en"),
        ],
        &[
            "error: content/topics.toml:12: parent `economics` is not a topic",
            "error: content/topics.toml:14: `plans:chp_1__cl_1` does not exist\n  help: there is no document `plans`",
            "error: content/topics.toml:17: topic `economy` is declared twice\n  help: line 5 already declares it",
            "error: content/topics.toml:18: topic `economy` has no name in `zh-Hans`",
        ],
    );
}

#[test]
fn parents_in_a_cycle() {
    fails_with(
        &[(
            "id = \"economy\"\n",
            "id = \"economy\"\nparent = \"finance\"\n",
        )],
        &["error: content/topics.toml:5: topics `economy` → `finance` are each other's parents"],
    );
}

#[test]
fn bad_topic_id() {
    fails_with(
        &[("id = \"people\"", "id = \"People_\"")],
        &["error: content/topics.toml:17: `People_` is not a valid topic id"],
    );
}
