//! Commitments with figures (`commitments/<series>.html`): on the
//! fixtures, every row's kind, figure per edition and change against
//! expectations written by hand from the fixture texts; every figure's
//! link followed to its clause, whose text in that language has the
//! figure as written; years, ordinals and percentages left out; the
//! editors' corrections applied; bad corrections reported with file and
//! line; the open data read back. On the real site, the scholarships and
//! training figures of both editions, each in its clause's text.

use std::path::Path;

use scraper::{ElementRef, Html};

use crate::briefing_pdf::{keep_for_review, print_real, printing_available, text_without};
use crate::briefings::flat;
use crate::site::{build_into, parse, real_site, sel};
use crate::support::{accord, fixture, root, stderr, stdout};

/// A row as the page shows it: its kind, its figure in each edition
/// (`None`: "–"), the change, and whether each edition's cell is marked
/// corrected.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    kind: String,
    cells: Vec<Option<String>>,
    change: String,
    corrected: Vec<bool>,
}

/// A figure as written, with the link to its clause.
#[derive(Debug, Clone)]
struct Cited {
    edition: String,
    lang: String,
    figure: String,
    href: String,
    corrected: bool,
}

fn text(el: ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

/// The rows of a commitments page, and the figures cited in each.
fn rows(page: &Html) -> Vec<(Row, Vec<Cited>)> {
    page.select(&sel("table.figures tbody tr"))
        .map(|tr| {
            let kind = tr
                .value()
                .classes()
                .find_map(|c| c.strip_prefix("kind-"))
                .unwrap()
                .to_string();
            let figs: Vec<ElementRef> = tr.select(&sel("td.fig")).collect();
            let row = Row {
                kind,
                cells: figs
                    .iter()
                    .map(|td| td.select(&sel("data")).next().map(text))
                    .collect(),
                change: text(tr.select(&sel("td.change")).next().unwrap()),
                corrected: figs
                    .iter()
                    .map(|td| td.select(&sel(".corrected")).next().is_some())
                    .collect(),
            };
            let cited = tr
                .select(&sel("td.cited li"))
                .map(|li| Cited {
                    edition: text(li.select(&sel(".ed")).next().unwrap()),
                    lang: li.value().attr("lang").unwrap().to_string(),
                    figure: text(li.select(&sel("a b")).next().unwrap()),
                    href: li
                        .select(&sel("a"))
                        .next()
                        .unwrap()
                        .value()
                        .attr("href")
                        .unwrap()
                        .to_string(),
                    corrected: li.select(&sel(".corrected")).next().is_some(),
                })
                .collect();
            (row, cited)
        })
        .collect()
}

fn row(kind: &str, cells: [Option<&str>; 2], change: &str, corrected: [bool; 2]) -> Row {
    Row {
        kind: kind.to_string(),
        cells: cells.iter().map(|c| c.map(str::to_string)).collect(),
        change: change.to_string(),
        corrected: corrected.to_vec(),
    }
}

/// Follows the link of `c`, from the page `from` under `public`, to its
/// clause: the text of that clause on the page it links to (in `c`'s
/// language), without its label and permalink.
fn clause_text(public: &Path, from: &str, c: &Cited) -> String {
    let (page, anchor) = c.href.split_once('#').unwrap();
    let target = Path::new(from).parent().unwrap().join(page);
    let html = parse(&std::fs::read(public.join(&target)).unwrap());
    let p = html
        .select(&sel(&format!("div.node[id=\"{anchor}\"] p.text")))
        .next()
        .unwrap_or_else(|| panic!("{}: no clause #{anchor}", target.display()));
    // Its language: that of the nearest element that says it.
    let lang = std::iter::once(p)
        .chain(p.ancestors().filter_map(ElementRef::wrap))
        .find_map(|e| e.value().attr("lang"))
        .unwrap();
    assert_eq!(
        lang, c.lang,
        "{}: the clause in the figure's language",
        c.href
    );
    let label = p
        .select(&sel(".label"))
        .next()
        .map(text)
        .unwrap_or_default();
    text_without(p, "tools")
        .trim()
        .strip_prefix(&label)
        .unwrap()
        .trim()
        .to_string()
}

/// Builds fixture `case` and returns the folder holding `public/`.
fn built(case: &str) -> tempfile::TempDir {
    let dir = fixture(&format!("commitments/{case}"));
    build_into(&dir.path().join("content"), &dir.path().join("public"));
    dir
}

/// Every cited figure links to its clause, whose text has it as written.
fn figures_in_their_clauses(public: &Path, page: &str, rows: &[(Row, Vec<Cited>)]) {
    for (_, cited) in rows {
        for c in cited {
            let t = clause_text(public, page, c);
            assert!(
                t.contains(&c.figure),
                "`{}` not in {}: {t}",
                c.figure,
                c.href
            );
        }
    }
}

/// `(edition, lang, figure, corrected)` of each cited figure of a row.
fn marked(list: &[Cited]) -> Vec<(&str, &str, &str, bool)> {
    list.iter()
        .map(|c| {
            (
                c.edition.as_str(),
                c.lang.as_str(),
                c.figure.as_str(),
                c.corrected,
            )
        })
        .collect()
}

/// `(edition, lang, figure)` of each cited figure of a row.
fn cited(list: &[Cited]) -> Vec<(&str, &str, &str)> {
    list.iter()
        .map(|c| (c.edition.as_str(), c.lang.as_str(), c.figure.as_str()))
        .collect()
}

const FIGURES: &str = "commitments/lake-plan.html";

#[test]
fn figures_in_chinese_and_english_across_two_editions() {
    let dir = built("figures");
    let public = dir.path().join("public");
    let page = parse(&std::fs::read(public.join(FIGURES)).unwrap());
    let rows = rows(&page);
    // Written from the fixture's texts: 三千个 and 3,000 scholarships, then
    // 3500个 and 3,500; 5000个 and 5,000 training places, then 1万名 and
    // 10,000; 十万册 and 100,000 books new; 100名 and 100 experts not
    // continued.
    let no = [false, false];
    assert_eq!(
        rows.iter().map(|(r, _)| r).collect::<Vec<_>>(),
        vec![
            &row(
                "scholarships",
                [Some("3,000"), Some("3,500")],
                "+500 (+17%)",
                no
            ),
            &row(
                "training",
                [Some("5,000"), Some("10,000")],
                "+5,000 (+100%)",
                no
            ),
            &row("books", [None, Some("100,000")], "", no),
            &row("people", [Some("100"), None], "", no),
        ]
    );
    let (old, new) = ("2021-2023", "2024-2026");
    assert_eq!(
        rows.iter().map(|(_, c)| cited(c)).collect::<Vec<_>>(),
        vec![
            vec![
                (old, "zh-Hans", "三千个"),
                (old, "en", "3,000"),
                (new, "zh-Hans", "3500个"),
                (new, "en", "3,500"),
            ],
            vec![
                (old, "zh-Hans", "5000个"),
                (old, "en", "5,000"),
                (new, "zh-Hans", "1万名"),
                (new, "en", "10,000"),
            ],
            vec![(new, "zh-Hans", "十万册"), (new, "en", "100,000")],
            vec![(old, "zh-Hans", "100名"), (old, "en", "100")],
        ]
    );
    figures_in_their_clauses(&public, FIGURES, &rows);
    // Years, ordinals, percentages and COVID-19 (clauses 3) are no
    // commitment: no figure of theirs, no link to them.
    // The rows but the editions' names (`2021-2023`) beside each figure.
    let table = text_without(
        page.select(&sel("table.figures tbody")).next().unwrap(),
        "ed",
    );
    for absent in [
        "2021", "2022", "2025", "15", "3rd", "30", "19", "第三", "第二",
    ] {
        assert!(!table.contains(absent), "`{absent}` in the table: {table}");
    }
    assert!(!page.html().contains("art_1__cl_3"));
    // Linked from the home page and from both documents' pages.
    for from in [
        "index.html",
        "documents/lake-plan-2021/index.html",
        "documents/lake-plan-2024/en.html",
    ] {
        let html = std::fs::read_to_string(public.join(from)).unwrap();
        assert!(html.contains("commitments/lake-plan.html\""), "{from}");
    }
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/commitments/lake-plan.html</loc>"));
}

/// `data/commitments-lake-plan.json` read back: each cell's value and
/// clause, and each figure's text at its place in its clause's text as
/// the document file has it.
#[test]
fn open_data_read_back_against_the_document_files() {
    let dir = built("figures");
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("public/data/commitments-lake-plan.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(data["series"], "lake-plan");
    let editions: Vec<(&str, &str)> = data["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["document"].as_str().unwrap(),
                e["edition"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        editions,
        [
            ("lake-plan-2021", "2021-2023"),
            ("lake-plan-2024", "2024-2026")
        ]
    );
    let content = dir.path().join("content/documents");
    let mut read = Vec::new();
    for r in data["rows"].as_array().unwrap() {
        let mut cells = Vec::new();
        for c in r["cells"].as_array().unwrap() {
            if c.is_null() {
                cells.push(None);
                continue;
            }
            let clause = c["clause"].as_str().unwrap();
            for f in c["figures"].as_array().unwrap() {
                let t = document_text(&content, clause, f["lang"].as_str().unwrap());
                let (start, end) = (
                    f["start"].as_u64().unwrap() as usize,
                    f["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&t[start..end], f["text"].as_str().unwrap(), "{clause}");
            }
            cells.push(Some((c["value"].as_u64().unwrap(), clause.to_string())));
        }
        read.push((r["kind"].as_str().unwrap().to_string(), cells));
    }
    let at = |d: &str, n: &str, v: u64| Some((v, format!("lake-plan-{d}:art_1__cl_{n}")));
    assert_eq!(
        read,
        vec![
            (
                "scholarships".into(),
                vec![at("2021", "1", 3000), at("2024", "1", 3500)]
            ),
            (
                "training".into(),
                vec![at("2021", "2", 5000), at("2024", "2", 10_000)]
            ),
            ("books".into(), vec![None, at("2024", "4", 100_000)]),
            ("people".into(), vec![at("2021", "4", 100), None]),
        ]
    );
}

/// The text in `lang` of clause `key` (`document:node`), read from its
/// document file in `dir` with the toml crate.
fn document_text(dir: &Path, key: &str, lang: &str) -> String {
    let (doc, node) = key.split_once(':').unwrap();
    let file: toml::Value =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{doc}.toml"))).unwrap()).unwrap();
    file["node"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"].as_str() == Some(node))
        .unwrap_or_else(|| panic!("no node {key}"))["text"][lang]
        .as_str()
        .unwrap_or_else(|| panic!("{key} has no {lang} text"))
        .to_string()
}

#[test]
fn corrections_fix_add_and_suppress_figures() {
    let dir = built("corrected");
    let out = accord(dir.path(), &["check"]);
    assert_eq!(
        stdout(&out),
        "ok: 2 documents, 5 nodes, 1 cross-link, 0 notes, 6 corrections\n",
        "{}",
        stderr(&out)
    );
    let public = dir.path().join("public");
    let path = "commitments/bay-plan.html";
    let page = parse(&std::fs::read(public.join(path)).unwrap());
    let rows = rows(&page);
    // From commitments.toml: "3 500" is one figure, 3,500 scholarships;
    // "five hundred" experts added; the fellowships counted as
    // scholarships; the 12 projects of a list left out.
    assert_eq!(
        rows.iter().map(|(r, _)| r).collect::<Vec<_>>(),
        vec![
            &row(
                "scholarships",
                [Some("3,000"), Some("3,500")],
                "+500 (+17%)",
                [false, true]
            ),
            &row("scholarships", [None, Some("2,000")], "", [false, true]),
            &row("people", [None, Some("500")], "", [false, true]),
        ]
    );
    let (old, new) = ("2020-2022", "2023-2025");
    assert_eq!(
        rows.iter().map(|(_, c)| marked(c)).collect::<Vec<_>>(),
        vec![
            vec![
                (old, "zh-Hans", "3000个", false),
                (old, "en", "3,000", false),
                (new, "zh-Hans", "3500个", false),
                (new, "en", "3 500", true),
            ],
            vec![(new, "zh-Hans", "2000个", true), (new, "en", "2,000", true)],
            vec![
                (new, "zh-Hans", "五百名", false),
                (new, "en", "five hundred", true)
            ],
        ]
    );
    figures_in_their_clauses(&public, path, &rows);
    // The note, in the language of the figure it marks.
    let notes: Vec<(String, String)> = page
        .select(&sel("td.cited li .corrected"))
        .map(|n| {
            let li = n.ancestors().filter_map(ElementRef::wrap).next().unwrap();
            (li.value().attr("lang").unwrap().to_string(), text(n))
        })
        .collect();
    assert!(notes.contains(&("en".into(), "corrected by the editors".into())));
    assert!(notes.contains(&("zh-Hans".into(), "经编辑更正".into())));
    assert!(!page.html().contains("cl_2\" title=\"bay-plan-2020"));
    // Without the corrections, what was corrected is read as it is.
    std::fs::remove_file(dir.path().join("content/commitments.toml")).unwrap();
    std::fs::remove_dir_all(&public).unwrap();
    build_into(&dir.path().join("content"), &public);
    let page = parse(&std::fs::read(public.join(path)).unwrap());
    let kinds: Vec<(String, Vec<Option<String>>)> = rows_of(&page);
    let some = |a: Option<&str>, b: Option<&str>| vec![a.map(String::from), b.map(String::from)];
    assert_eq!(
        kinds,
        vec![
            ("scholarships".into(), some(Some("3,000"), Some("3"))),
            ("scholarships".into(), some(None, Some("500"))),
            ("scholarships".into(), some(None, Some("3,500"))),
            ("projects".into(), some(Some("12"), None)),
            ("people".into(), some(None, Some("500"))),
        ]
    );
    assert!(page.select(&sel(".corrected")).next().is_none());
}

fn rows_of(page: &Html) -> Vec<(String, Vec<Option<String>>)> {
    rows(page)
        .into_iter()
        .map(|(r, _)| (r.kind, r.cells))
        .collect()
}

#[test]
fn bad_corrections_are_reported_with_their_lines() {
    let dir = fixture("commitments/bad-references");
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let f = "error: content/commitments.toml";
    let expected = [
        format!("{f}:10: `reef-plan-2030:cl_1` does not exist\n  help: there is no document `reef-plan-2030`; check the document id\n"),
        format!("{f}:16: `reef-plan-2022:cl_9` does not exist\n  help: document `reef-plan-2022` has no such node; check the node id in its file\n"),
        format!("{f}:23: document `reef-plan-2022` has no language `es`\n  help: use one of its languages: `zh-Hans`, `en`\n"),
        format!("{f}:30: `4000个` is not in the zh-Hans text of `reef-plan-2022:cl_1`\n  help: copy the figure as written in the clause's text, e.g. `3500个` or `5,000`\n"),
        format!("{f}:37: unknown kind `grants`\n  help: use one of `scholarships`, `training`, `credit`, `projects`, `books`, `people`, `visits`\n"),
        format!("{f}:43: a correction gives a kind and `suppress = true`\n  help: give `kind` to correct the figure, or `suppress = true` to leave it out, not both\n"),
        format!("{f}:49: `3,000 scholarships` of `reef-plan-2022:cl_1` (en) is corrected twice\n  help: line 6 already corrects `3,000`; keep one correction per figure\n"),
        format!("{f}:55: `five hundred` of `reef-plan-2022:cl_1` is not read as a figure\n  help: give its `value`: a figure the reading missed is added with its value\n"),
        format!("{f}:59: the correction of `2` in `reef-plan-2022:cl_2` says nothing\n  help: give `kind` (and `value`, `unit` if needed), or `suppress = true`\n"),
        format!("{f}:64: document `reef-paper` has no series and edition\n  help: only the editions of a series have commitments: give the document `series` and `edition`, or remove the correction\n"),
    ];
    assert_eq!(
        stderr(&out),
        format!("{}error: 10 problems in the content\n", expected.concat())
    );
    // Nothing built.
    let out = accord(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("public").exists());
}

#[test]
fn unknown_fields_in_commitments_toml_are_refused() {
    let dir = fixture("commitments/corrected");
    crate::support::edit(
        &dir.path().join("content/commitments.toml"),
        "value = 3500\n",
        "value = 3500\nreason = \"spaced\"\n",
    );
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: content/commitments.toml:11: ")
            && err.contains("unknown field `reason`"),
        "{err}"
    );
}

const REAL: &str = "commitments/china-celac-action-plan.html";

#[test]
fn the_real_commitments_show_scholarships_and_training_in_both_editions() {
    let public = real_site().join("public");
    let page = parse(&std::fs::read(public.join(REAL)).unwrap());
    let rows = rows(&page);
    let content = root().join("content/documents");
    // As the plans say: 5,000 government scholarships and 3,000 training
    // places (2022-2024, 4.2), 3500个/3,500 scholarships and 1万个/10,000
    // training places (2025-2027, annex).
    let want = |kind: &str| match kind {
        "scholarships" => vec![Some("5,000".to_string()), Some("3,500".to_string())],
        _ => vec![Some("3,000".to_string()), Some("10,000".to_string())],
    };
    for kind in ["scholarships", "training"] {
        // The row continued from the 2022-2024 plan to the 2025-2027 one.
        let (r, cited) = rows
            .iter()
            .find(|(r, _)| r.kind == kind && r.cells.iter().all(Option::is_some))
            .unwrap_or_else(|| panic!("no {kind} row with both editions"));
        for edition in ["2022-2024", "2025-2027"] {
            let of: Vec<&Cited> = cited.iter().filter(|c| c.edition == edition).collect();
            assert!(!of.is_empty(), "{kind}: no {edition} figure");
            for c in of {
                // The clause in the document file, and on its page.
                let key = c.href.split_once('#').unwrap().1;
                let t = document_text(&content, key, &c.lang);
                assert!(
                    t.contains(&c.figure),
                    "{kind}: `{}` not in {key}: {t}",
                    c.figure
                );
                assert!(
                    clause_text(&public, REAL, c).contains(&c.figure),
                    "{kind}: {}",
                    c.href
                );
                assert!(!c.corrected);
            }
        }
        // Each cell's value is its English figure as written.
        for (cell, edition) in r.cells.iter().zip(["2022-2024", "2025-2027"]) {
            let en = cited
                .iter()
                .find(|c| c.edition == edition && c.lang == "en")
                .unwrap();
            assert_eq!(
                cell.as_deref(),
                Some(en.figure.as_str()),
                "{kind} {edition}"
            );
        }
        assert_eq!(r.cells, want(kind));
    }
}

#[test]
fn the_real_commitments_print_on_a4_with_every_figure() {
    if !printing_available() {
        return;
    }
    const NAME: &str = "commitments-china-celac-action-plan";
    let public = real_site().join("public");
    let page = parse(&std::fs::read(public.join(REAL)).unwrap());
    let out = tempfile::tempdir().unwrap();
    let (pdf, pages, text) = print_real(NAME, out.path());
    let printed = flat(&text);
    let mut figures = 0;
    for (r, cited) in rows(&page) {
        for v in r.cells.iter().flatten() {
            assert!(printed.contains(&flat(v)), "{}: {v} not printed", r.kind);
            figures += 1;
        }
        for c in cited {
            assert!(
                printed.contains(&flat(&c.figure)),
                "{} not printed",
                c.figure
            );
        }
    }
    assert!(figures >= 4, "{figures} figures");
    // A table of a few rows: a page or two.
    assert!((1..=3).contains(&pages), "{pages} pages");
    keep_for_review(&pdf, NAME);
}

/// The editors' correction of the real plan (content/commitments.toml):
/// the 2022-2024 "One Thousand" youth leaders, a number in words, shown
/// corrected and linked to its clause; and the example of the open data
/// in the data format pages is the real first row.
#[test]
fn the_real_correction_and_the_documented_data() {
    let public = real_site().join("public");
    let page = parse(&std::fs::read(public.join(REAL)).unwrap());
    let rows = rows(&page);
    let (r, cited) = rows
        .iter()
        .find(|(_, c)| c.iter().any(|c| c.figure == "One Thousand"))
        .expect("the corrected figure is shown");
    assert_eq!(
        (r.kind.as_str(), &r.cells, &r.corrected),
        (
            "people",
            &vec![Some("1,000".to_string()), None],
            &vec![true, false]
        )
    );
    assert_eq!(marked(cited), [("2022-2024", "en", "One Thousand", true)]);
    figures_in_their_clauses(&public, REAL, &[(r.clone(), cited.to_vec())]);
    let data: serde_json::Value = serde_json::from_slice(
        &std::fs::read(public.join("data/commitments-china-celac-action-plan.json")).unwrap(),
    )
    .unwrap();
    for file in ["data-format.md", "data-format.zh-Hans.md"] {
        let md = std::fs::read_to_string(root().join("content/pages").join(file)).unwrap();
        let block = md
            .split("```json\n")
            .nth(1)
            .unwrap()
            .split("```")
            .next()
            .unwrap();
        let shown: serde_json::Value = serde_json::from_str(block).unwrap();
        assert_eq!(shown["series"], data["series"], "{file}");
        assert_eq!(shown["editions"], data["editions"], "{file}");
        assert_eq!(shown["rows"][0], data["rows"][0], "{file}");
    }
}

/// `accord serve` rebuilds the commitments page, and the home page that
/// counts its rows, when only `commitments.toml` changes: the same files
/// as a full build.
#[test]
fn serve_rebuilds_the_commitments_when_the_corrections_change() {
    use accord::build::{build_with, Options, Paths};
    use accord::serve::session::Session;

    let dir = fixture("commitments/corrected");
    for d in ["templates", "static"] {
        crate::support::copy_dir(&root().join(d), &dir.path().join(d));
    }
    let paths = Paths::under(dir.path());
    let mut session = Session::new(paths.clone(), Options::default());
    session.rebuild().unwrap();
    let page = paths.out.join("commitments/bay-plan.html");
    assert!(!std::fs::read_to_string(&page)
        .unwrap()
        .contains("kind-projects"));
    std::fs::remove_file(dir.path().join("content/commitments.toml")).unwrap();
    let again = session.rebuild().unwrap();
    assert!(again.documents.is_some(), "an incremental rebuild: {again}");
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("kind-projects"));
    let full = dir.path().join("full");
    build_with(
        &Paths {
            out: full.clone(),
            ..paths.clone()
        },
        &Options {
            base_url: None,
            no_search: true,
        },
    )
    .unwrap();
    assert_eq!(
        crate::site::files(&paths.out),
        crate::site::files(&full),
        "incremental output differs from a full build"
    );
}
