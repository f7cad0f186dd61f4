//! `import` on small fixtures of each format: what reaches the output, and
//! what the report names.

use accord::import::report::Severity;
use accord::import::{Format, Imported, Options};

use crate::support::{accord, import_fixture, imported_node as node, root, stdout};

fn run(name: &str) -> (Imported, String) {
    import_fixture(name, &Options::default())
}

fn entries(i: &Imported, severity: Severity) -> Vec<(usize, String)> {
    i.report
        .entries
        .iter()
        .filter(|e| e.severity == severity)
        .map(|e| (e.line, e.message.clone()))
        .collect()
}

#[test]
fn interleaved_pairs_same_line_and_next_line() {
    let (i, _) = run("interleaved.txt");
    assert_eq!(i.report.format, Format::Interleaved.name());
    assert_eq!(i.document.title["zh-Hans"], "合作计划（2025-2027）");
    assert_eq!(i.document.title["en"], "Cooperation Plan (2025-2027)");
    assert_eq!(i.document.edition.as_deref(), Some("2025-2027"));
    let a1 = node(&i, "art_1");
    assert_eq!(
        (a1.label["zh-Hans"].as_str(), a1.label["en"].as_str()),
        ("第一条", "Article 1")
    );
    assert_eq!(a1.heading["en"], "Political cooperation");
    let item = node(&i, "art_1__item_1");
    assert_eq!(item.text["zh-Hans"], "加强高层交往，推动对话。");
    assert_eq!(
        item.text["en"],
        "Strengthen high-level exchanges and promote dialogue."
    );
    let same_line = node(&i, "art_1__item_3");
    assert_eq!(
        same_line.label["en"], "Thirdly,",
        "inconsistent English numbering is kept as the label"
    );
    assert_eq!(same_line.text["en"], "expand personnel exchanges.");
    let panda = node(&i, "art_2__sec_1__cl_1");
    assert_eq!(
        (panda.kind.as_str(), panda.label["zh-Hans"].as_str()),
        ("clause", "（一）")
    );
    assert_eq!(node(&i, "art_2__sec_1").heading["en"], "Finance");
    let ip = node(&i, "art_2__sec_6__p_1");
    assert_eq!(
        ip.text["en"],
        "The two sides will strengthen IP cooperation."
    );
}

#[test]
fn interleaved_reports_gap_unpaired_line_and_residue() {
    let (i, _) = run("interleaved.txt");
    let dropped = entries(&i, Severity::Dropped);
    assert_eq!(dropped.len(), 3, "{dropped:?}");
    assert!(
        dropped[0].0 == 1
            && dropped[0]
                .1
                .starts_with("line before the document title with no counterpart (page header)")
    );
    assert_eq!((dropped[1].0, dropped[2].0), (26, 27));
    assert!(dropped[1]
        .1
        .starts_with("web residue (source credit of the web page)"));
    assert!(dropped[2].1.starts_with("web residue (web page button)"));
    let warnings = entries(&i, Severity::Warning);
    assert!(
        warnings.contains(&(11, "numbering gap: number 3 where 2 was expected".into())),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&(
            20,
            "no `en` text here (unpaired line): kept without it".into()
        )),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&(22, "numbering gap: number 6 where 2 was expected".into())),
        "{warnings:?}"
    );
    // The unpaired line is kept, in Chinese only: nothing is lost.
    let unpaired = node(&i, "art_2__sec_1__cl_2");
    assert_eq!(unpaired.text.keys().collect::<Vec<_>>(), ["zh-Hans"]);
}

#[test]
fn rows_with_parts_programmes_sections_and_residue() {
    let (i, _) = run("rows.txt");
    assert_eq!(i.report.format, Format::Rows.name());
    let ids: Vec<&str> = i.document.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "preface",
            "preface__p_1",
            "part_1",
            "part_1__p_1",
            "part_2",
            "part_2__prog_1",
            "part_2__prog_1__sec_1",
            "part_2__prog_1__sec_1__p_1",
            "part_2__prog_1__sec_1__p_2"
        ]
    );
    assert_eq!(node(&i, "preface").heading["en"], "Preface");
    assert_eq!(
        node(&i, "part_1").heading["zh-Hans"],
        "金融合作",
        "the row after a part marker is its title"
    );
    assert_eq!(
        node(&i, "part_1__p_1").text["zh-Hans"],
        "支持人民币跨境使用，扩大合作。"
    );
    assert_eq!(node(&i, "part_2__prog_1__sec_1").kind, "section");
    let dropped: Vec<usize> = entries(&i, Severity::Dropped).iter().map(|e| e.0).collect();
    assert_eq!(dropped, [12, 14, 16]);
}

#[test]
fn markdown_rejoins_sentences_and_removes_artifacts() {
    let (i, _) = run("plan.md");
    assert_eq!(i.report.format, Format::Markdown.name());
    assert_eq!(i.document.languages, ["en"]);
    assert_eq!(i.document.title["en"], "JOINT ACTION PLAN (2022-2024)");
    assert_eq!(
        node(&i, "preamble__p_1").text["en"],
        "The meeting took place on December 3rd, 2021."
    );
    assert_eq!(node(&i, "chp_1").label["en"], "I.");
    assert_eq!(
        node(&i, "chp_1__cl_2").text["en"],
        "Promote a dialogue to participate actively in negotiations on a UN convention."
    );
    assert_eq!(node(&i, "chp_2__area_1").heading["en"], "Trade");
    assert_eq!(
        node(&i, "chp_2__area_1__cl_1").text["en"],
        "Allocate US$2 million."
    );
    assert_eq!(
        node(&i, "chp_2__area_1__cl_2").text["en"],
        "China supports them."
    );
    assert_eq!(node(&i, "chp_2__area_1__cl_3").label["en"], "1.3");
    let cleaned = entries(&i, Severity::Cleaned);
    assert!(
        cleaned.contains(&(12, "joined to line 8 (sentence broken across lines)".into())),
        "{cleaned:?}"
    );
    assert!(
        cleaned.contains(&(
            19,
            "removed bold markers, strike-through tags (their text kept)".into()
        )),
        "{cleaned:?}"
    );
    assert!(
        cleaned.contains(&(18, "removed bold markers, backslash escapes".into())),
        "{cleaned:?}"
    );
    assert_eq!(
        entries(&i, Severity::Dropped),
        [(
            21,
            "suspected garbage (no words, only symbols): «{\\»".to_string()
        )]
    );
}

#[test]
fn emitted_file_loads_back_as_content() {
    let (i, _) = run("interleaved.txt");
    let toml = accord::import::emit::to_toml(&i.document);
    let raw: accord::source::raw::RawDocument =
        toml::from_str(&toml).expect("emitted TOML parses as a document");
    assert_eq!(raw.nodes.len(), i.document.nodes.len());
    assert_eq!(raw.nodes[3].get_ref().id.get_ref(), &i.document.nodes[3].id);
    assert_eq!(raw.nodes[3].get_ref().text, i.document.nodes[3].text);
}

#[test]
fn cli_import_writes_the_file_and_prints_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("tests/fixtures/import/rows.txt");
    let o = accord(
        dir.path(),
        &[
            "import",
            src.to_str().unwrap(),
            "--id",
            "paper",
            "--kind",
            "policy-paper",
            "--title",
            "en=Paper",
            "--title",
            "zh-Hans=文件",
        ],
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("rows.txt (zh | en rows): 14 lines, nodes: 4 paragraph, 2 part, 1 preface, 1 programme, 1 section\n"), "{out}");
    assert!(out.contains("  line 12: dropped: web residue"), "{out}");
    assert!(
        out.ends_with("  wrote content/documents/paper.toml\n"),
        "{out}"
    );
    let written = std::fs::read_to_string(dir.path().join("content/documents/paper.toml")).unwrap();
    assert!(written.contains("id = \"paper\"\nkind = \"policy-paper\"\n"));
    assert!(written.contains("title.zh-Hans = \"文件\"\ntitle.en = \"Paper\"\n"));
}
