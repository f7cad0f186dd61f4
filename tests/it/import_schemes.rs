//! `import` of texts numbered in other schemes than the published
//! documents': a Chinese law, an English charter, a FOCAC-style plan with
//! decimals, a Spanish law. The hierarchy comes from the order of the
//! schemes; each emitted file passes `check`.

use accord::import::{Imported, Options};

use crate::support::{check_imported, import_fixture, imported_node as node, root};

fn run(name: &str, opts: &Options) -> Imported {
    import_fixture(name, opts).0
}

/// (id, kind, label in `lang`) of every node.
fn tree<'a>(i: &'a Imported, lang: &str) -> Vec<(&'a str, &'a str, &'a str)> {
    i.document
        .nodes
        .iter()
        .map(|n| {
            let label = n.label.get(lang).map_or("", String::as_str);
            (n.id.as_str(), n.kind.as_str(), label)
        })
        .collect()
}

/// No warning and nothing dropped.
fn clean_report(i: &Imported) {
    assert!(
        i.report
            .entries
            .iter()
            .all(|e| e.severity == accord::import::report::Severity::Cleaned),
        "{}",
        i.report
    );
}

/// The emitted file, put in a copy of the fixture site, passes `check`.
fn checks_clean(i: &Imported, extra_language: Option<(&str, &str)>) {
    let problems = check_imported(i, extra_language);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn chinese_law_chapters_sections_articles_paragraphs_and_items() {
    let i = run("law.zh.txt", &Options::default());
    assert_eq!(i.document.title["zh-Hans"], "中华人民共和国对外合作示范法");
    assert_eq!(
        tree(&i, "zh-Hans"),
        [
            ("chp_1", "chapter", "第一章"),
            ("chp_1__art_1", "article", "第一条"),
            ("chp_1__art_2", "article", "第二条"),
            ("chp_1__art_2__p_1", "paragraph", ""),
            ("chp_2", "chapter", "第二章"),
            ("chp_2__sec_1", "section", "第一节"),
            ("chp_2__sec_1__art_3", "article", "第三条"),
            ("chp_2__sec_1__art_3__point_1", "point", "（一）"),
            ("chp_2__sec_1__art_3__point_2", "point", "（二）"),
            ("chp_2__sec_1__art_3__point_3", "point", "（三）"),
            ("chp_2__sec_1__art_4", "article", "第四条"),
            ("chp_2__sec_2", "section", "第二节"),
            ("chp_2__sec_2__art_5", "article", "第五条"),
        ]
    );
    assert_eq!(node(&i, "chp_1").heading["zh-Hans"], "总则");
    assert_eq!(node(&i, "chp_2__sec_1").heading["zh-Hans"], "经济合作");
    // An article's text is text, also when paragraphs (款) follow it.
    assert_eq!(
        node(&i, "chp_1__art_2").text["zh-Hans"],
        "国家坚持平等互利原则。"
    );
    assert_eq!(
        node(&i, "chp_1__art_2__p_1").text["zh-Hans"],
        "对外合作应当遵守法律、行政法规。"
    );
    assert_eq!(
        node(&i, "chp_2__sec_1__art_3").text["zh-Hans"],
        "国家支持下列合作："
    );
    assert_eq!(
        node(&i, "chp_2__sec_1__art_3__point_3").text["zh-Hans"],
        "基础设施建设。"
    );
    assert_eq!(i.report.kinds.get("article"), Some(&5));
    // Articles numbered on across chapters are no gap.
    clean_report(&i);
    checks_clean(&i, None);
}

#[test]
fn english_charter_chapters_articles_paragraphs_points_and_subpoints() {
    let i = run("resolution.en.md", &Options::default());
    assert_eq!(
        i.document.title["en"],
        "Charter of the Example Organization"
    );
    assert_eq!(
        tree(&i, "en"),
        [
            ("preamble", "preamble", ""),
            ("preamble__p_1", "paragraph", ""),
            ("chp_1", "chapter", "Chapter I"),
            ("chp_1__art_1", "article", "Article 1"),
            ("chp_1__art_1__para_1", "para", "1."),
            ("chp_1__art_1__para_2", "para", "2."),
            ("chp_1__art_1__para_2__point_1", "point", "(a)"),
            ("chp_1__art_1__para_2__point_2", "point", "(b)"),
            (
                "chp_1__art_1__para_2__point_2__subpoint_1",
                "subpoint",
                "(i)"
            ),
            (
                "chp_1__art_1__para_2__point_2__subpoint_2",
                "subpoint",
                "(ii)"
            ),
            ("chp_1__art_1__para_2__point_3", "point", "(c)"),
            ("chp_1__art_2", "article", "Article 2"),
            ("chp_2", "chapter", "Chapter II"),
            ("chp_2__art_3", "article", "Article 3"),
        ]
    );
    assert_eq!(
        node(&i, "chp_1").heading["en"],
        "Purposes and Principles",
        "a marker alone takes the next line"
    );
    assert_eq!(
        node(&i, "chp_1__art_1").text["en"],
        "The purposes of the Organization are:"
    );
    assert_eq!(
        node(&i, "chp_1__art_1__para_2__point_2__subpoint_1").text["en"],
        "exchanges of students;"
    );
    assert_eq!(
        node(&i, "chp_2__art_3").text["en"],
        "Membership is open to all States."
    );
    clean_report(&i);
    checks_clean(&i, None);
}

#[test]
fn focac_plan_decimals_nest_by_their_dots() {
    let i = run("focac-plan.en.md", &Options::default());
    assert_eq!(i.document.title["en"], "Forum Action Plan (2025-2027)");
    assert_eq!(
        tree(&i, "en"),
        [
            ("preamble", "preamble", ""),
            ("preamble__p_1", "paragraph", ""),
            ("sec_1", "section", "1."),
            ("sec_1__sec_1", "section", "1.1"),
            ("sec_1__sec_1__cl_1", "clause", "1.1.1"),
            ("sec_1__sec_1__cl_2", "clause", "1.1.2"),
            ("sec_1__sec_2", "section", "1.2"),
            ("sec_1__sec_2__cl_1", "clause", "1.2.1"),
            ("sec_2", "section", "2."),
            ("sec_2__cl_1", "clause", "2.1"),
            ("sec_2__sec_2", "section", "2.2"),
            ("sec_2__sec_2__cl_1", "clause", "2.2.1"),
        ]
    );
    assert_eq!(node(&i, "sec_1__sec_2").heading["en"], "Party Exchanges");
    assert_eq!(
        node(&i, "sec_2__cl_1").text["en"],
        "The two sides will expand trade."
    );
    assert_eq!(i.report.kinds.get("clause"), Some(&5));
    clean_report(&i);
    checks_clean(&i, None);
}

#[test]
fn spanish_law_chapters_articles_and_lettered_points() {
    let opts = Options {
        lang: Some("es".into()),
        ..Options::default()
    };
    let i = run("ley.es.txt", &opts);
    assert_eq!(i.document.languages, ["es"]);
    assert_eq!(i.document.title["es"], "Ley de Cooperación Internacional");
    assert_eq!(
        tree(&i, "es"),
        [
            ("chp_1", "chapter", "Capítulo I"),
            ("chp_1__art_1", "article", "Artículo 1."),
            ("chp_1__art_1__p_1", "paragraph", ""),
            ("chp_1__art_2", "article", "Artículo 2."),
            ("chp_1__art_2__p_1", "paragraph", ""),
            ("chp_2", "chapter", "Capítulo II"),
            ("chp_2__art_3", "article", "Artículo 3."),
            ("chp_2__art_3__p_1", "paragraph", ""),
            ("chp_2__art_3__point_1", "point", "a)"),
            ("chp_2__art_3__point_2", "point", "b)"),
        ]
    );
    assert_eq!(node(&i, "chp_2").heading["es"], "Instrumentos");
    assert_eq!(node(&i, "chp_1__art_1").heading["es"], "Objeto");
    assert_eq!(
        node(&i, "chp_2__art_3__point_2").text["es"],
        "la cooperación financiera."
    );
    clean_report(&i);
    checks_clean(&i, Some(("es", "Español")));
}

/// Runs `accord import --manifest` on `manifest` (its sources: the import
/// fixtures), returning the exit code, stdout, stderr and the output folder.
fn import_manifest(manifest: &str) -> (Option<i32>, String, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("imports.toml");
    let sources = root().join("tests/fixtures/import");
    let text = manifest.replace("SOURCES", sources.to_str().unwrap());
    std::fs::write(&path, text).unwrap();
    let o = crate::support::accord(
        dir.path(),
        &["import", "--manifest", path.to_str().unwrap()],
    );
    let (out, err) = (crate::support::stdout(&o), crate::support::stderr(&o));
    (o.status.code(), out, err, dir)
}

#[test]
fn an_import_profile_names_the_levels_and_adds_schemes() {
    let (code, out, err, dir) = import_manifest(
        r#"sources = "SOURCES"
output = "out"

[[import]]
source = "law.zh.txt"
id = "law"
kind = "action-plan"
levels.zh-paren = { kind = "item" }
levels.zh-section = { kind = "section" }

[[import]]
source = "resolution.en.md"
id = "charter"
kind = "action-plan"
levels.en-chapter = { kind = "title" }

[[import.scheme]]
id = "en-rule"
langs = ["en"]
pattern = "Rule {1}"
kind = "article"
abbrev = "art"
"#,
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.matches("wrote ").count(), 2, "{out}");
    let law = std::fs::read_to_string(dir.path().join("out/law.toml")).unwrap();
    assert!(
        law.contains(
            "id = \"chp_2__sec_1__art_3__item_1\"\nkind = \"item\"\nlabel.zh-Hans = \"（一）\""
        ),
        "{law}"
    );
    let charter = std::fs::read_to_string(dir.path().join("out/charter.toml")).unwrap();
    assert!(
        charter.contains("id = \"title_2\"\nkind = \"title\"\nlabel.en = \"Chapter II\""),
        "{charter}"
    );
    assert!(
        charter.contains("id = \"title_1__art_1__para_2__point_2__subpoint_2\""),
        "{charter}"
    );
}

#[test]
fn a_bad_scheme_or_level_is_an_error_with_its_line() {
    let (code, _, err, _dir) = import_manifest(
        r#"sources = "SOURCES"
output = "out"

[[scheme]]
id = "rule"
pattern = "Rule {n}"
kind = "article"

[[import]]
source = "law.zh.txt"
id = "law"
kind = "action-plan"
levels.zh-nope = { kind = "item" }
levels.zh-enum = { kind = "heading" }
"#,
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("imports.toml:6: import of `law.zh.txt`: scheme `rule`: unknown numeral `{n}`: use `{1}`"), "{err}");
    assert!(err.contains("imports.toml:13: import of `law.zh.txt`: `levels.zh-nope`: no numbering scheme `zh-nope`"), "{err}");
    assert!(err.contains("imports.toml:14: import of `law.zh.txt`: unknown node kind `heading`: use one of `preamble`"), "{err}");
}

#[test]
fn a_given_title_never_replaces_the_sources_title_silently() {
    let opts = Options {
        title: [
            ("en".to_string(), "The Charter".to_string()),
            ("zh-Hans".to_string(), "宪章".to_string()),
        ]
        .into_iter()
        .collect(),
        ..Options::default()
    };
    let i = run("resolution.en.md", &opts);
    // The source's title is its word; the given one fills the missing language.
    assert_eq!(
        i.document.title["en"],
        "Charter of the Example Organization"
    );
    assert_eq!(i.document.title["zh-Hans"], "宪章");
    let warnings: Vec<(usize, &str)> = i
        .report
        .entries
        .iter()
        .filter(|e| e.severity == accord::import::report::Severity::Warning)
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(1, "the source prints its own `en` title «Charter of the Example Organization»: it is kept, and the title given for `en` («The Charter») is not used")]
    );
    // The same title given is no news.
    let same = Options {
        title: [(
            "en".to_string(),
            "Charter of the Example Organization".to_string(),
        )]
        .into_iter()
        .collect(),
        ..Options::default()
    };
    clean_report(&run("resolution.en.md", &same));
}

#[test]
fn chinese_books_chapters_articles_bracketed_and_circled_items() {
    let i = run("book.zh.txt", &Options::default());
    assert_eq!(i.document.languages, ["zh-Hans"]);
    assert_eq!(i.document.kind, "law", "条例 in the title");
    assert_eq!(i.document.title["zh-Hans"], "海洋合作条例");
    assert_eq!(
        tree(&i, "zh-Hans"),
        [
            ("book_1", "book", "第一编"),
            ("book_1__chp_1", "chapter", "第一章"),
            ("book_1__chp_1__art_1", "article", "第一条"),
            ("book_1__chp_1__art_2", "article", "第二条"),
            ("book_1__chp_1__art_2__cl_1", "clause", "（1）"),
            ("book_1__chp_1__art_2__cl_2", "clause", "（2）"),
            ("book_2", "book", "第二编"),
            ("book_2__chp_1", "chapter", "第一章"),
            ("book_2__chp_1__art_3", "article", "第三条"),
            ("book_2__chp_1__art_3__subpoint_1", "subpoint", "①"),
            ("book_2__chp_1__art_3__subpoint_2", "subpoint", "②"),
        ]
    );
    assert_eq!(node(&i, "book_2").heading["zh-Hans"], "分则");
    assert_eq!(
        node(&i, "book_2__chp_1__art_3__subpoint_2").text["zh-Hans"],
        "数据共享。"
    );
    clean_report(&i);
    checks_clean(&i, None);
}

#[test]
fn portuguese_law_chapters_sections_articles_and_points() {
    let i = run("lei.pt.txt", &Options::default());
    assert_eq!(i.document.languages, ["pt"], "found from the words");
    assert_eq!(i.document.kind, "law");
    assert_eq!(
        tree(&i, "pt"),
        [
            ("chp_1", "chapter", "Capítulo I"),
            ("chp_1__art_1", "article", "Artigo 1"),
            ("chp_1__art_2", "article", "Artigo 2"),
            ("chp_1__art_2__point_1", "point", "a)"),
            ("chp_1__art_2__point_2", "point", "b)"),
            ("chp_2", "chapter", "Capítulo II"),
            ("chp_2__sec_1", "section", "Seção I"),
            ("chp_2__sec_1__art_3", "article", "Artigo 3"),
        ]
    );
    assert_eq!(node(&i, "chp_1").heading["pt"], "Disposições gerais");
    assert_eq!(
        node(&i, "chp_1__art_1").text["pt"],
        "A presente lei regula a cooperação marítima entre as partes."
    );
    clean_report(&i);
    checks_clean(&i, Some(("pt", "Português")));
}

#[test]
fn french_markdown_titles_chapters_articles_and_numbered_paragraphs() {
    let i = run("loi.fr.md", &Options::default());
    assert_eq!(i.document.languages, ["fr"]);
    assert_eq!(i.document.kind, "statement", "Déclaration in the title");
    assert_eq!(
        i.document.title["fr"],
        "Déclaration sur la coopération océanique"
    );
    assert_eq!(
        tree(&i, "fr"),
        [
            ("title_1", "title", "Titre I"),
            ("title_1__chp_1", "chapter", "Chapitre I"),
            ("title_1__chp_1__art_1", "article", "Article 1"),
            ("title_1__chp_1__art_2", "article", "Article 2"),
            ("title_1__chp_1__art_2__para_1", "para", "1."),
            ("title_1__chp_1__art_2__para_2", "para", "2."),
            ("title_1__chp_2", "chapter", "Chapitre II"),
            ("title_1__chp_2__art_3", "article", "Article 3"),
        ]
    );
    assert_eq!(node(&i, "title_1__chp_2").heading["fr"], "Mise en œuvre");
    assert_eq!(
        node(&i, "title_1__chp_1__art_2").text["fr"],
        "Les parties s'engagent à :"
    );
    clean_report(&i);
    checks_clean(&i, Some(("fr", "Français")));
}

#[test]
fn markdown_headings_without_numbers_nest_by_their_level() {
    let i = run("headings.en.md", &Options::default());
    assert_eq!(i.document.kind, "statement", "Statement in the title");
    assert_eq!(
        i.document.title["en"],
        "Joint Statement on Ocean Cooperation"
    );
    assert_eq!(
        tree(&i, "en"),
        [
            ("sec_1", "section", ""),
            ("sec_1__p_1", "paragraph", ""),
            ("sec_2", "section", ""),
            ("sec_2__sec_1", "section", ""),
            ("sec_2__sec_1__item_1", "item", "1."),
            ("sec_2__sec_1__item_2", "item", "2."),
            ("sec_2__sec_2", "section", ""),
            ("sec_2__sec_2__item_1", "item", "1."),
        ]
    );
    let headings: Vec<&str> = ["sec_1", "sec_2", "sec_2__sec_1", "sec_2__sec_2"]
        .iter()
        .map(|id| node(&i, id).heading["en"].as_str())
        .collect();
    assert_eq!(
        headings,
        ["Background", "Commitments", "Science", "Fisheries"]
    );
    clean_report(&i);
    checks_clean(&i, None);
}
