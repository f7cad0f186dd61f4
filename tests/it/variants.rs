//! The two variant sources are not published, but `import` reads them
//! without panicking and its report names their defects.

use accord::import::report::Severity;
use accord::import::{import, Options};

use crate::support::source_text;

/// Report entries: (line, message).
type Entries = Vec<(usize, String)>;

/// The warnings and the dropped lines of importing a variant.
fn warnings(name: &str) -> (Entries, Entries) {
    let text = source_text(name);
    let i = import(name, &text, &Options::default());
    assert!(i.report.accounts_for_every_line(&text));
    assert!(!i.document.nodes.is_empty());
    let pick = |s: Severity| {
        i.report
            .entries
            .iter()
            .filter(|e| e.severity == s)
            .map(|e| (e.line, e.message.clone()))
            .collect()
    };
    (pick(Severity::Warning), pick(Severity::Dropped))
}

#[test]
fn english_variant_garbage_lines_and_lost_quotes_are_named() {
    let (warn, dropped) = warnings("china-celac-action-plan-2025-2027.en-variant.txt");
    let garbage: Vec<usize> = dropped
        .iter()
        .filter(|(_, m)| m.contains("suspected garbage") && m.contains("{\\"))
        .map(|e| e.0)
        .collect();
    assert!(garbage.len() >= 6, "the `{{\\` lines: {dropped:?}");
    assert!(garbage.contains(&49));
    assert!(warn
        .iter()
        .any(|(_, m)| m.contains("quotation marks probably lost")));
    assert!(warn.iter().any(|(_, m)| m.starts_with("numbering")));
}

#[test]
fn chinese_variant_renumbering_and_inserted_passage_are_named() {
    let (warn, _) = warnings("china-celac-action-plan-2025-2027.zh-variant.md");
    let has =
        |line: usize, start: &str| warn.iter().any(|(l, m)| *l == line && m.starts_with(start));
    assert!(
        has(105, "numbering restarts at 1 after line 103"),
        "九、 stands where 第三条 should: {warn:?}"
    );
    assert!(
        has(123, "numbering gap: number 10 where 3 was expected"),
        "{warn:?}"
    );
    assert!(
        has(125, "6 unnumbered paragraphs in a row (lines 125–135)"),
        "the news passage: {warn:?}"
    );
    assert!(warn
        .iter()
        .any(|(_, m)| m.contains("suspected inserted passage")));
}
