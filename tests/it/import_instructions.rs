//! What `import` writes checks clean, or `import` fails with what `check`
//! would say, at the source line and with what to do; and what a person
//! decides about a source (lines a conversion broke apart, a duplicated
//! line) is a recorded instruction in `imports.toml` (`join`, `drop`) or on
//! the command line (`--join`, `--drop`), never an edit of the output.
//! Fixture `import/broken.zh-en.txt`: the English title broken over lines
//! 2–3, and the English line 9 repeated on line 10.

use accord::import::instructions::Instruction;
use accord::import::{import, Options};

use crate::support::{accord, fixture, root, stderr, stdout};

const SOURCE: &str = "tests/fixtures/import/broken.zh-en.txt";

fn source() -> String {
    std::fs::read_to_string(root().join(SOURCE)).unwrap()
}

#[test]
fn what_check_would_refuse_is_refused_at_its_source_line() {
    let dir = fixture("site");
    let src = root().join(SOURCE);
    let args = [
        "import",
        src.to_str().unwrap(),
        "--id",
        "broken-plan",
        "--kind",
        "action-plan",
    ];
    let o = accord(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    for (line, node, lang) in [(3, "preamble__p_1", "en"), (10, "art_1__p_1", "zh-Hans")] {
        let expected = format!(
            "error: {}:{line}: node `{node}` as imported: text of node `{node}` is missing in `{lang}`\n  help: add `{lang}` text: the document declares this language; in the source: pair the line with its translation, or record in content/imports.toml how to read it (`join = [\"FIRST-LAST\"]` for lines broken apart, `drop = [\"LINE\"]` for a stray line; --join/--drop on the command line); nothing was written\n",
            src.display()
        );
        assert!(err.contains(&expected), "expected\n{expected}\nin\n{err}");
    }
    assert!(err.ends_with("error: 2 problems in the content\n"), "{err}");
    assert!(!dir
        .path()
        .join("content/documents/broken-plan.toml")
        .exists());
    // The report said what it did with those lines, as before.
    assert!(stdout(&o).contains("line 3: warning: no `en` text here (unpaired line)"));
}

#[test]
fn recorded_instructions_make_it_clean_and_the_site_builds() {
    let dir = fixture("site");
    let sources = root().join("tests/fixtures/import");
    let manifest = format!(
        "sources = \"{}\"\noutput = \"documents\"\n\n[[import]]\nsource = \"broken.zh-en.txt\"\nid = \"broken-plan\"\nkind = \"action-plan\"\njoin = [\"2-3\"]   # the English title, broken over two lines\ndrop = [\"10\"]     # line 9 again\n",
        sources.display()
    );
    std::fs::write(dir.path().join("content/imports.toml"), manifest).unwrap();
    let o = accord(
        dir.path(),
        &["import", "--manifest", "content/imports.toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = stdout(&o);
    assert!(
        report.contains("  line 2: cleaned: lines 2–3 joined into one, as instructed\n"),
        "{report}"
    );
    assert!(
        report.contains("  line 10: dropped: dropped as instructed: «1. Support a seminar.»\n"),
        "{report}"
    );
    let made =
        std::fs::read_to_string(dir.path().join("content/documents/broken-plan.toml")).unwrap();
    assert!(
        made.contains("title.en = \"Cooperation Plan (2025-2027)\"\n"),
        "{made}"
    );
    let ids: Vec<&str> = made
        .lines()
        .filter_map(|l| l.strip_prefix("id = \""))
        .collect();
    assert_eq!(
        ids,
        [
            "broken-plan\"",
            "art_1\"",
            "art_1__item_1\"",
            "art_1__item_2\""
        ]
    );
    assert_eq!(made.matches("Support a seminar.").count(), 1);
    let o = accord(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = accord(dir.path(), &["build", "--no-search"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir
        .path()
        .join("public/documents/broken-plan/index.html")
        .is_file());
}

#[test]
fn every_line_is_accounted_for_with_instructions() {
    let text = source();
    let opts = Options {
        instructions: vec![
            Instruction::parse("2-3", true).unwrap(),
            Instruction::parse("10", false).unwrap(),
        ],
        ..Options::default()
    };
    let i = import("broken.zh-en.txt", &text, &opts);
    assert!(i.errors.is_empty(), "{:?}", i.errors);
    assert!(i.report.accounts_for_every_line(&text), "{}", i.report);
}

#[test]
fn an_instruction_that_does_not_fit_the_source_is_an_error() {
    let dir = fixture("site");
    let src = root().join(SOURCE);
    let base = [
        "import",
        src.to_str().unwrap(),
        "--id",
        "broken-plan",
        "--dry-run",
    ];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend(extra);
        accord(dir.path(), &args)
    };
    let o = run(&["--drop", "99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(
            "broken.zh-en.txt: broken.zh-en.txt has 13 lines: there is no line 99 to drop"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(&["--join", "2-3", "--drop", "3"]);
    assert!(
        stderr(&o).contains("line 2 is named by two instructions")
            || stderr(&o).contains("line 3 is named by two instructions"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--join", "5-3"]);
    assert_eq!(o.status.code(), Some(2), "a usage error: {}", stderr(&o));
    assert!(
        stderr(&o).contains("write the lines to join as FIRST-LAST"),
        "{}",
        stderr(&o)
    );
}

/// What `imports.toml` says of a document's provenance (issuer, publisher,
/// place, official sources) is written into its content file as given,
/// after the titles, and the site checks clean with it.
#[test]
fn provenance_in_the_manifest_is_written_into_the_document() {
    let dir = fixture("site");
    let sources = root().join("tests/fixtures/import");
    let manifest = format!(
        r#"sources = "{}"
output = "documents"

[[import]]
source = "broken.zh-en.txt"
id = "broken-plan"
kind = "action-plan"
join = ["2-3"]
drop = ["10"]
author.en = "The Parties"
author.zh-Hans = "双方"
publisher.en = "Ministry of Plans"
place.zh-Hans = "海港城"

[[import.official]]
lang = "en"
url = "https://gov.example.com/plan.html"
title = "Cooperation Plan"

[[import.official]]
lang = "zh-Hans"
url = "https://gov.example.cn/plan.html"
"#,
        sources.display()
    );
    std::fs::write(dir.path().join("content/imports.toml"), manifest).unwrap();
    let o = accord(
        dir.path(),
        &["import", "--manifest", "content/imports.toml"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let made =
        std::fs::read_to_string(dir.path().join("content/documents/broken-plan.toml")).unwrap();
    let expected = "title.en = \"Cooperation Plan (2025-2027)\"\n\
         author.zh-Hans = \"双方\"\n\
         author.en = \"The Parties\"\n\
         publisher.en = \"Ministry of Plans\"\n\
         place.zh-Hans = \"海港城\"\n\
         \n[[official]]\n\
         lang = \"en\"\n\
         url = \"https://gov.example.com/plan.html\"\n\
         title = \"Cooperation Plan\"\n\
         \n[[official]]\n\
         lang = \"zh-Hans\"\n\
         url = \"https://gov.example.cn/plan.html\"\n\
         \n[[node]]\n";
    assert!(made.contains(expected), "{made}");
    let o = accord(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
