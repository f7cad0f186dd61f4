//! `import` of sources in any number of languages (issue 15, point 3):
//! interleaved lines and rows in three languages, a law's Chinese text then
//! its English text, one file per language, front matter per language, a
//! Chinese Markdown with no language given, a declared language the text
//! contradicts. The structure is asserted exactly, every unmatched unit is
//! in the report, every source paragraph is in the output once, word for
//! word, and each emitted file passes `check` in a three-language site.

use accord::import::report::Severity;
use accord::import::{import, import_files, Format, Imported, Options};

use crate::support::{
    accord, check_imported, each_once_and_nothing_else, output, root, stderr, stdout,
};

fn path(name: &str) -> std::path::PathBuf {
    root().join("tests/fixtures/import/languages").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(path(name)).unwrap()
}

fn run(name: &str, opts: &Options) -> (Imported, String) {
    let text = read(name);
    let imported = import(name, &text, opts);
    assert!(
        imported.report.accounts_for_every_line(&text),
        "{}",
        imported.report
    );
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    (imported, text)
}

/// (id, kind, the labels in zh-Hans, en, es) of every node.
fn tree(i: &Imported) -> Vec<(&str, &str, [&str; 3])> {
    i.document
        .nodes
        .iter()
        .map(|n| {
            let l = |lang| n.label.get(lang).map_or("", String::as_str);
            (
                n.id.as_str(),
                n.kind.as_str(),
                [l("zh-Hans"), l("en"), l("es")],
            )
        })
        .collect()
}

/// (file, line, severity, message) of every report entry.
fn entries(i: &Imported) -> Vec<(Option<&str>, usize, Severity, &str)> {
    i.report
        .entries
        .iter()
        .map(|e| (e.file.as_deref(), e.line, e.severity, e.message.as_str()))
        .collect()
}

/// The source's non-blank lines of one language, without Markdown heading
/// marks.
fn lines_of(text: &str, keep: impl Fn(usize, &str) -> bool) -> Vec<String> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim().trim_start_matches('#').trim()))
        .filter(|(n, l)| !l.is_empty() && keep(*n, l))
        .map(|(_, l)| l.to_string())
        .collect()
}

/// The emitted file, in a copy of the fixture site with Spanish added as a
/// third language, passes `check`.
fn checks_clean(i: &Imported) {
    let problems = check(i);
    assert!(problems.is_empty(), "{problems:?}");
}

/// The problems `check` finds in the emitted file, in a copy of the fixture
/// site with Spanish added as a third language.
fn check(i: &Imported) -> Vec<String> {
    check_imported(i, Some(("es", "Español")))
}

const CHARTER: [(&str, &str, [&str; 3]); 5] = [
    ("chp_1", "chapter", ["第一章", "Chapter I", "Capítulo I"]),
    (
        "chp_1__art_1",
        "article",
        ["第一条", "Article 1", "Artículo 1"],
    ),
    ("chp_1__art_1__para_1", "para", ["一、", "1.", "1."]),
    ("chp_1__art_1__para_2", "para", ["二、", "2.", "2."]),
    (
        "chp_1__art_2",
        "article",
        ["第二条", "Article 2", "Artículo 2"],
    ),
];

#[test]
fn interleaved_english_chinese_spanish_structure_from_the_first() {
    let (i, text) = run("charter-excerpt.txt", &Options::default());
    assert_eq!(i.report.format, "interleaved en/zh-Hans/es lines");
    assert_eq!(i.document.languages, ["en", "zh-Hans", "es"]);
    assert_eq!(i.document.title["es"], "Carta de las Naciones Unidas");
    assert_eq!(tree(&i), CHARTER);
    let chapter = &i.document.nodes[0];
    assert_eq!(chapter.heading["zh-Hans"], "宗旨及原则");
    assert_eq!(chapter.heading["es"], "Propósitos y Principios");
    let para = &i.document.nodes[2];
    assert_eq!(para.text["zh-Hans"], "维持国际和平及安全。");
    assert_eq!(
        para.text["es"],
        "Mantener la paz y la seguridad internacionales."
    );
    assert!(i.report.entries.is_empty(), "{}", i.report);
    // A paragraph's lines follow each other: en, zh, es.
    for (k, lang) in ["en", "zh-Hans", "es"].iter().enumerate() {
        let mine: Vec<String> = text
            .split("\n\n")
            .map(|group| group.lines().nth(k).unwrap().to_string())
            .collect();
        each_once_and_nothing_else(&mine, &output(&i.document, lang));
    }
    checks_clean(&i);

    // All three on one line, split by wide gaps where the script changes:
    // the same document.
    let one_line: String = text
        .split("\n\n")
        .map(|group| group.lines().collect::<Vec<_>>().join("  ") + "\n")
        .collect();
    let same = import("charter-excerpt.txt", &one_line, &Options::default());
    assert_eq!(
        same.document.nodes,
        i.document
            .nodes
            .iter()
            .map(|n| {
                let mut n = n.clone();
                n.line = same
                    .document
                    .nodes
                    .iter()
                    .find(|m| m.id == n.id)
                    .unwrap()
                    .line;
                n
            })
            .collect::<Vec<_>>()
    );
    assert!(same.report.entries.is_empty(), "{}", same.report);

    // The structure may come from another language: the Chinese one.
    let by_zh = Options {
        structural: Some("zh-Hans".into()),
        ..Options::default()
    };
    let (z, _) = run("charter-excerpt.txt", &by_zh);
    assert_eq!(z.document.languages, ["en", "zh-Hans", "es"]);
    let kinds: Vec<(&str, &str)> = z
        .document
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.kind.as_str()))
        .collect();
    assert_eq!(
        kinds[2],
        ("chp_1__art_1__item_1", "item"),
        "一、 under 第一条"
    );
}

#[test]
fn rows_with_three_columns_found_from_their_text() {
    let (i, text) = run("rows3.txt", &Options::default());
    assert_eq!(i.report.format, "zh-Hans | en | es rows");
    assert_eq!(i.document.languages, ["zh-Hans", "en", "es"]);
    assert_eq!(
        tree(&i),
        [
            ("art_1", "article", ["第一条", "Article 1", "Artículo 1"]),
            ("art_1__item_1", "item", ["一、", "1.", "1."]),
            ("art_1__item_2", "item", ["二、", "2.", "2."]),
            ("art_2", "article", ["第二条", "Article 2", "Artículo 2"]),
        ]
    );
    assert!(i.report.entries.is_empty(), "{}", i.report);
    for (k, lang) in ["zh-Hans", "en", "es"].iter().enumerate() {
        let cells: Vec<String> = text
            .lines()
            .map(|l| {
                l.split(" | ")
                    .nth(k)
                    .unwrap()
                    .trim_end_matches(" |")
                    .to_string()
            })
            .collect();
        each_once_and_nothing_else(&cells, &output(&i.document, lang));
    }
    checks_clean(&i);
}

#[test]
fn a_law_in_chinese_then_in_english_aligned_by_its_numbering() {
    let (i, text) = run("law-blocks.txt", &Options::default());
    assert_eq!(i.report.format, "one block per language: zh-Hans, en");
    assert_eq!(i.document.languages, ["zh-Hans", "en"]);
    assert_eq!(
        i.document.title["en"],
        "Model Law of the People's Republic of China on Foreign Cooperation"
    );
    assert_eq!(
        tree(&i),
        [
            ("chp_1", "chapter", ["第一章", "Chapter I", ""]),
            ("chp_1__art_1", "article", ["第一条", "Article 1", ""]),
            ("chp_1__art_2", "article", ["第二条", "Article 2", ""]),
            ("chp_1__art_2__p_1", "paragraph", ["", "", ""]),
            ("chp_2", "chapter", ["第二章", "Chapter II", ""]),
            ("chp_2__art_3", "article", ["第三条", "Article 3", ""]),
            ("chp_2__art_3__point_1", "point", ["（一）", "(1)", ""]),
            ("chp_2__art_3__point_2", "point", ["（二）", "(2)", ""]),
            ("chp_2__art_4", "article", ["", "Article 4", ""]),
        ]
    );
    assert_eq!(
        i.document.nodes[3].text["en"],
        "Foreign cooperation shall comply with the law."
    );
    // Article 4 is in the English only: kept, in English, and reported.
    let art4 = &i.document.nodes[8];
    assert_eq!(art4.text.keys().collect::<Vec<_>>(), ["en"]);
    assert_eq!(
        entries(&i),
        [
            (None, 1, Severity::Dropped, "heading of the `zh-Hans` block (it names the language; not part of the text): «中文本»"),
            (None, 18, Severity::Dropped, "heading of the `en` block (it names the language; not part of the text): «English Text»"),
            (None, 35, Severity::Warning, "`en` paragraph «Article 4 This Law shall come into force…» has no counterpart numbered the same in `zh-Hans` (numbered path `chp_2__art_4`): kept in `en` only; check the numbering of both texts (a number missing, added or changed?)"),
        ]
    );
    let zh = lines_of(&text, |n, _| (2..18).contains(&n));
    each_once_and_nothing_else(&zh, &output(&i.document, "zh-Hans"));
    let en = lines_of(&text, |n, _| n > 18);
    each_once_and_nothing_else(&en, &output(&i.document, "en"));
    // The blocks' languages given, in their order: the same; in the wrong
    // order, an error for each block.
    let given = |l: [&str; 2]| Options {
        languages: l.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    };
    let (same, _) = run("law-blocks.txt", &given(["zh-Hans", "en"]));
    assert_eq!(same.document.nodes, i.document.nodes);
    let wrong = import("law-blocks.txt", &text, &given(["en", "zh-Hans"]));
    let errors: Vec<String> = wrong.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("error: law-blocks.txt:3: the text is declared `en` (with --lang or in the manifest) but reads as `zh-Hans`: line 3 «中华人民共和国对外合作示范法»"), "{errors:?}");
    assert!(errors[1].starts_with("error: law-blocks.txt:20: the text is declared `zh-Hans` (with --lang or in the manifest) but reads as `en`"), "{errors:?}");

    // `check` asks for what the report names; without Article 4, all is clean.
    assert_eq!(
        check(&i),
        ["text of node `chp_2__art_4` is missing in `zh-Hans`"]
    );
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("Article 4"))
        .map(|l| format!("{l}\n"))
        .collect();
    let fixed = import("law-blocks.txt", &without, &Options::default());
    assert!(
        fixed
            .report
            .entries
            .iter()
            .all(|e| e.severity == Severity::Dropped),
        "{}",
        fixed.report
    );
    checks_clean(&fixed);
}

#[test]
fn one_file_per_language_given_together() {
    let files: Vec<(String, String)> = ["plan.zh.md", "plan.en.md", "plan.es.md"]
        .iter()
        .map(|n| (n.to_string(), read(n)))
        .collect();
    let opts = Options {
        id: Some("plan".into()),
        ..Options::default()
    };
    let i = import_files(&files, &opts);
    assert!(i.errors.is_empty(), "{:?}", i.errors);
    for (name, text) in &files {
        assert!(i.report.accounts_for_file(name, text), "{}", i.report);
    }
    assert_eq!(i.document.source, "plan.zh.md, plan.en.md, plan.es.md");
    assert_eq!(i.document.languages, ["zh-Hans", "en", "es"]);
    assert_eq!(
        i.document.title["es"],
        "Plan de Cooperación China-ALC (2025-2027)"
    );
    assert_eq!(i.document.edition.as_deref(), Some("2025-2027"));
    assert_eq!(
        tree(&i),
        [
            ("art_1", "article", ["第一条", "Article 1", "Artículo 1"]),
            ("art_1__item_1", "item", ["一、", "1.", "1."]),
            ("art_1__item_2", "item", ["二、", "2.", "2."]),
            ("art_2", "article", ["第二条", "Article 2", "Artículo 2"]),
            ("art_2__item_1", "item", ["一、", "1.", "1."]),
            ("art_2__item_2", "item", ["二、", "2.", "2."]),
            ("art_2__para_3", "para", ["", "3.", ""]),
        ]
    );
    assert_eq!(
        i.document.nodes[3].heading["es"],
        "Cooperación económica y comercial"
    );
    assert_eq!(
        entries(&i),
        [(Some("plan.en.md"), 15, Severity::Warning, "`en` paragraph «3. Support small and medium-sized enterp…» has no counterpart numbered the same in `zh-Hans` (numbered path `art_2__para_3`): kept in `en` only; check the numbering of both texts (a number missing, added or changed?)")]
    );
    assert!(i
        .report
        .to_string()
        .contains("\n  plan.en.md:15: warning: `en` paragraph"));
    for ((_, text), lang) in files.iter().zip(["zh-Hans", "en", "es"]) {
        each_once_and_nothing_else(&lines_of(text, |_, _| true), &output(&i.document, lang));
    }
    assert_eq!(
        check(&i),
        [
            "text of node `art_2__para_3` is missing in `es`",
            "text of node `art_2__para_3` is missing in `zh-Hans`"
        ]
    );
    let mut fixed = files.clone();
    fixed[1].1 = fixed[1]
        .1
        .replace("\n3. Support small and medium-sized enterprises.\n", "");
    let fixed = import_files(&fixed, &opts);
    assert!(fixed.report.entries.is_empty(), "{}", fixed.report);
    checks_clean(&fixed);
}

#[test]
fn front_matter_blocks_per_language() {
    let (i, text) = run("declaration.md", &Options::default());
    assert_eq!(
        i.report.format,
        "front matter per language: zh-Hans, en, es"
    );
    assert_eq!(i.document.languages, ["zh-Hans", "en", "es"]);
    // The titles are the values, never the keys.
    assert_eq!(i.document.title["zh-Hans"], "北京宣言");
    assert_eq!(i.document.title["en"], "Beijing Declaration");
    assert_eq!(i.document.title["es"], "Declaración de Beijing");
    assert_eq!(
        tree(&i),
        [
            ("item_1", "item", ["一、", "1.", "1."]),
            ("item_2", "item", ["二、", "2.", "2."]),
        ]
    );
    assert_eq!(
        i.document.nodes[1].text["es"],
        "Ambas partes apoyan el multilateralismo."
    );
    assert_eq!(
        entries(&i),
        [
            (
                None,
                2,
                Severity::Dropped,
                "front matter key `layout`, not part of the document's text: «layout: document»"
            ),
            (
                None,
                6,
                Severity::Dropped,
                "front matter key `date`, not part of the document's text: «date: 2025-05-13»"
            ),
        ]
    );
    for (lang, key) in [
        ("zh-Hans", "body-zh-cn"),
        ("en", "body-en"),
        ("es", "body-es"),
    ] {
        let at = text.lines().position(|l| l.starts_with(key)).unwrap() + 1;
        let body = lines_of(&text, |n, _| n > at && n <= at + 2);
        let title = text
            .lines()
            .find(|l| l.starts_with(&key.replace("body", "title")))
            .unwrap();
        let mut all = vec![title.split_once(": ").unwrap().1.to_string()];
        all.extend(body);
        each_once_and_nothing_else(&all, &output(&i.document, lang));
    }
    checks_clean(&i);
}

#[test]
fn chinese_markdown_without_a_language_is_chinese() {
    let opts = Options {
        format: Some(Format::Markdown),
        ..Options::default()
    };
    let (i, text) = run("notice.md", &opts);
    assert_eq!(i.document.languages, ["zh-Hans"]);
    assert_eq!(i.document.title["zh-Hans"], "关于加强对外合作的通知");
    assert!(i.document.nodes.iter().all(|n| !n.text.contains_key("en")));
    assert_eq!(
        i.document.nodes[3].text["zh-Hans"],
        "切实加强组织领导，明确责任分工。"
    );
    each_once_and_nothing_else(
        &lines_of(&text, |_, _| true),
        &output(&i.document, "zh-Hans"),
    );
}

#[test]
fn a_declared_language_the_text_contradicts_is_an_error() {
    let opts = Options {
        lang: Some("en".into()),
        ..Options::default()
    };
    let i = import("notice.md", &read("notice.md"), &opts);
    assert_eq!(i.errors.len(), 1);
    let e = i.errors[0].to_string();
    assert_eq!(
        e,
        "error: notice.md:1: the text is declared `en` (with --lang or in the manifest) but reads as `zh-Hans`: line 1 «# 关于加强对外合作的通知», line 3 «各有关单位：», line 5 «一、充分认识加强对外合作的重要意义。»\n  help: give the text's own language (--lang zh-Hans, `lang = \"zh-Hans\"` in imports.toml, or a file name such as `name.zh-Hans.md`), or leave the language out to have it found from the text"
    );

    // On the command line: exit 1, the error on stderr, nothing written.
    let dir = tempfile::tempdir().unwrap();
    let src = path("notice.md");
    let o = accord(
        dir.path(),
        &["import", src.to_str().unwrap(), "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "error: {}:1: the text is declared `en`",
            src.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("help: give the text's own language (--lang zh-Hans"),
        "{err}"
    );
    assert!(!dir.path().join("content/documents/notice.toml").exists());

    // A file name that says Spanish, on an English text.
    let files = vec![
        ("plan.zh.md".to_string(), read("plan.zh.md")),
        ("plan.es.md".to_string(), read("plan.en.md")),
    ];
    let i = import_files(&files, &Options::default());
    assert_eq!(i.errors.len(), 1, "{:?}", i.errors);
    assert!(
        i.errors[0].to_string().starts_with("error: plan.es.md:"),
        "{}",
        i.errors[0]
    );
}

#[test]
fn cli_and_manifest_take_several_files_and_languages() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = ["plan.zh.md", "plan.en.md", "plan.es.md"]
        .iter()
        .map(|n| path(n).to_str().unwrap().to_string())
        .collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--id", "plan", "--out", "out"]);
    // Item 3 is in the English file only: what check would refuse is
    // refused here, at the English file's line, and nothing is written.
    let o = accord(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    let en = path("plan.en.md");
    for lang in ["es", "zh-Hans"] {
        assert!(
            err.contains(&format!(
                "error: {}:15: node `art_2__para_3` as imported: text of node `art_2__para_3` is missing in `{lang}`",
                en.display()
            )),
            "{err}"
        );
    }
    assert!(
        err.contains("`drop = [\"LINE\"]` for a stray line"),
        "{err}"
    );
    assert!(!dir.path().join("out/plan.toml").exists());
    // The person's decision, given on the command line: the line is left out, and said so.
    args.extend(["--drop", "plan.en.md:15"]);
    let o = accord(dir.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("dropped as instructed"),
        "{}",
        stdout(&o)
    );
    let made = std::fs::read_to_string(dir.path().join("out/plan.toml")).unwrap();
    assert!(
        made.contains("languages = [\"zh-Hans\", \"en\", \"es\"]\n"),
        "{made}"
    );

    let manifest = format!(
        "sources = \"{}\"\noutput = \"m\"\n\n[[import]]\nsources = [\"plan.zh.md\", \"plan.en.md\", \"plan.es.md\"]\nid = \"plan\"\nkind = \"action-plan\"\ndrop = [\"plan.en.md:15\"]\n\n[[import]]\nsource = \"charter-excerpt.txt\"\nid = \"charter\"\nkind = \"treaty\"\nlanguages = [\"en\", \"zh-Hans\", \"es\"]\nstructural = \"zh-Hans\"\n",
        path("").display()
    );
    std::fs::write(dir.path().join("imports.toml"), manifest).unwrap();
    let o = accord(dir.path(), &["import", "--manifest", "imports.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let plan = std::fs::read_to_string(dir.path().join("m/plan.toml")).unwrap();
    assert_eq!(plan, made);
    let charter = std::fs::read_to_string(dir.path().join("m/charter.toml")).unwrap();
    assert!(
        charter.contains("id = \"chp_1__art_1__item_1\"\nkind = \"item\"\n"),
        "{charter}"
    );
}
