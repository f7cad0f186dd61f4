//! What `serve` renders again after a save: the topic pages that show a
//! changed node (covering it, or a cross-link to it), not every topic of
//! its document; and the pages of other documents whose cross-links cite
//! a node under a relabelled one. Each case is checked against a full
//! build of the same sources, byte for byte.

use std::collections::BTreeSet;

use accord::build::{Options, Paths};
use accord::serve::session::{Rebuilt, Session};

use crate::serve::{full_build, project, same_files};
use crate::site::files;
use crate::support::edit;

const PLAN: &str = "content/documents/china-celac-action-plan-2025-2027.toml";

/// The topic pages (not the index, not print stylesheets) among `paths`.
fn topic_pages<'a>(paths: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    paths
        .into_iter()
        .filter(|p| p.starts_with("topics/") && p.ends_with(".html") && *p != "topics/index.html")
        .cloned()
        .collect()
}

/// A session on the project in `dir`, after its first (whole) build.
fn started(dir: &std::path::Path) -> (Paths, Session, Rebuilt) {
    let paths = Paths::under(dir);
    let mut session = Session::new(paths.clone(), Options::default());
    let first = session.rebuild().unwrap();
    (paths, session, first)
}

#[test]
fn a_clause_edit_renders_the_topic_pages_that_show_it() {
    let dir = project();
    let (paths, mut session, first) = started(dir.path());
    let every_topic = topic_pages(&first.rendered);
    assert!(every_topic.len() > 20, "{every_topic:?}");

    edit(
        &dir.path().join(PLAN),
        "with special attention to rural areas and indigenous groups.",
        "with special attention to rural areas and indigenous groups (edited).",
    );
    let second = session.rebuild().unwrap();
    assert!(
        !second.site_wide,
        "a clause's text is not site-wide: {second}"
    );
    let full = files(&full_build(&paths, &dir.path().join("full")));
    same_files(&files(&paths.out), &full, "after a clause edit");

    // The expectation, from the full build: the topic pages whose HTML
    // links to the clause (its permalink, or a cross-link to it).
    let key = "#china-celac-action-plan-2025-2027:art_3__sec_3__cl_7\"";
    let showing: BTreeSet<String> = (full.iter())
        .filter(|(p, bytes)| {
            topic_pages([*p]).len() == 1 && String::from_utf8_lossy(bytes).contains(key)
        })
        .map(|(p, _)| p.clone())
        .collect();
    assert!(!showing.is_empty(), "some topic shows the clause");
    assert_eq!(topic_pages(&second.rendered), showing, "{second}");
    assert!(showing.len() < every_topic.len() / 4, "{showing:?}");
    assert!(second.rendered.contains(&"topics/index.html".to_string()));
}

#[test]
fn a_relabelled_article_renders_the_pages_citing_a_clause_under_it() {
    let dir = project();
    let (paths, mut session, _) = started(dir.path());
    // The policy paper links to clauses of Article 4 (cited "Article
    // 4.8(6)"), never to the article itself.
    let paper = "documents/china-lac-policy-paper-2025/index.html";
    let before = String::from_utf8(files(&paths.out)[paper].clone()).unwrap();
    assert!(
        before.contains("Article 4.8(6)"),
        "the paper cites Article 4.8(6)"
    );

    edit(
        &dir.path().join(PLAN),
        "label.en = \"Article 4:\"",
        "label.en = \"Art. 4:\"",
    );
    let second = session.rebuild().unwrap();
    assert!(second.rendered.contains(&paper.to_string()), "{second}");
    let after = String::from_utf8(files(&paths.out)[paper].clone()).unwrap();
    assert!(after.contains("Art. 4.8(6)") && !after.contains("Article 4.8(6)"));
    let full = files(&full_build(&paths, &dir.path().join("full")));
    same_files(
        &files(&paths.out),
        &full,
        "after an article's label changed",
    );
}

#[test]
fn a_new_clause_shows_on_the_topic_pages_of_its_section() {
    let dir = project();
    let (paths, mut session, _) = started(dir.path());
    // A ninth clause after the eighth of Article 3, section 3, which a
    // topic covers as a whole: no text of an existing node changes.
    let plan = dir.path().join(PLAN);
    let text = std::fs::read_to_string(&plan).unwrap();
    let eighth = text.find("[[node]]\nid = \"art_3__sec_3__cl_8\"").unwrap();
    let next = eighth + 1 + text[eighth + 1..].find("[[node]]").unwrap();
    let ninth = "[[node]]\nid = \"art_3__sec_3__cl_9\"\nkind = \"clause\"\n\
                 label.zh-Hans = \"（九）\"\nlabel.en = \"9.\"\n\
                 text.zh-Hans = \"新增条款。\"\ntext.en = \"A new clause.\"\n\n";
    std::fs::write(&plan, format!("{}{ninth}{}", &text[..next], &text[next..])).unwrap();
    let second = session.rebuild().unwrap();
    let full = files(&full_build(&paths, &dir.path().join("full")));
    same_files(&files(&paths.out), &full, "after a clause was added");
    let key = "#china-celac-action-plan-2025-2027:art_3__sec_3__cl_9\"";
    let showing = topic_pages(full.keys())
        .into_iter()
        .filter(|p| String::from_utf8_lossy(&full[p]).contains(key))
        .collect::<BTreeSet<_>>();
    assert!(!showing.is_empty(), "a topic covers the section");
    assert!(
        showing.is_subset(&topic_pages(&second.rendered)),
        "{showing:?} rendered: {second}"
    );
}

#[test]
fn a_new_figure_renders_the_home_page_that_counts_commitments() {
    let dir = project();
    let (paths, mut session, _) = started(dir.path());
    let home = files(&paths.out)["index.html"].clone();
    // Two figures of people in a clause that had none: the first
    // continues the 2022-2024 plan's youth leaders, the second is a new
    // commitment of the series, counted on the home page's card.
    edit(
        &dir.path().join(PLAN),
        "with special attention to rural areas and indigenous groups.",
        "with special attention to rural areas and indigenous groups, \
         and train 700 teachers and 800 experts.",
    );
    let second = session.rebuild().unwrap();
    assert!(second.site_wide, "{second}");
    let full = files(&full_build(&paths, &dir.path().join("full")));
    let count = |html: &[u8]| String::from_utf8_lossy(html).contains(">11 figures<");
    assert!(
        !count(&home) && count(&full["index.html"]),
        "the home page counts one more"
    );
    same_files(&files(&paths.out), &full, "after a figure was added");
}

/// A site of two series with figures: the commitments fixtures `figures`
/// (the lake plans) and `corrected` (the bay plans, with the editors'
/// corrections), their crosswalks joined.
fn two_series() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = crate::support::root().join("tests/fixtures/commitments");
    let content = dir.path().join("content");
    crate::support::copy_dir(&fixtures.join("figures/content"), &content);
    let bay = fixtures.join("corrected/content");
    crate::support::copy_dir(&bay.join("documents"), &content.join("documents"));
    std::fs::copy(
        bay.join("commitments.toml"),
        content.join("commitments.toml"),
    )
    .unwrap();
    let mut crosswalk = std::fs::read_to_string(content.join("crosswalk.toml")).unwrap();
    crosswalk.push_str(&std::fs::read_to_string(bay.join("crosswalk.toml")).unwrap());
    std::fs::write(content.join("crosswalk.toml"), crosswalk).unwrap();
    dir
}

#[test]
fn a_save_keeps_the_other_series_comparisons_and_commitments() {
    let dir = two_series();
    let (paths, mut session, first) = started(dir.path());
    for page in [
        "commitments/lake-plan.html",
        "commitments/bay-plan.html",
        "compare/lake-plan/2021-2023--2024-2026/index.html",
    ] {
        assert!(
            first.rendered.contains(&page.to_string()),
            "{page}: {first}"
        );
    }
    let docs = dir.path().join("content/documents");
    // A figure added to the lake plan: its series is derived again, the bay
    // plan's kept, and the home page counts both.
    edit(
        &docs.join("lake-plan-2024.toml"),
        "complete 30% of the second phase before 2025.\"",
        "complete 30% of the second phase before 2025. China will send 800 journalists.\"",
    );
    let second = session.rebuild().unwrap();
    assert!(second.site_wide, "{second}");
    let full = files(&full_build(&paths, &dir.path().join("full")));
    same_files(&files(&paths.out), &full, "after a figure was added");
    // Then a text of the bay plan, its corrected figure unchanged.
    edit(
        &docs.join("bay-plan-2023.toml"),
        "China will provide 3 500 scholarships.",
        "China will provide 3 500 scholarships in all.",
    );
    let third = session.rebuild().unwrap();
    assert!(!third.site_wide, "{third}");
    assert!(third
        .rendered
        .contains(&"commitments/bay-plan.html".to_string()));
    let full = files(&full_build(&paths, &dir.path().join("full2")));
    same_files(
        &files(&paths.out),
        &full,
        "after a text of the other series changed",
    );
}
