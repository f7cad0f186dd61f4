//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use accord::import::DocumentOut;
use unicode_normalization::UnicodeNormalization;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/sources`, which the tests read as the evidence of fidelity.
pub fn sources() -> PathBuf {
    let dir = root().join("../shared/sources");
    assert!(
        dir.is_dir(),
        "the raw sources are expected at {}",
        dir.display()
    );
    dir
}

pub fn source_text(name: &str) -> String {
    std::fs::read_to_string(sources().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A fresh copy of `tests/fixtures/NAME` in a temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures").join(name), dir.path());
    dir
}

/// Runs the `accord` binary in `cwd`.
pub fn accord(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("accord runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Replaces the one occurrence of `from` in a file.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in {}",
        path.display()
    );
    std::fs::write(path, text.replace(from, to)).unwrap();
}

// Fidelity: every paragraph of a source, word for word, in the output.

/// NFKC, white space removed: what "word for word" compares.
pub fn normalise(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// The output's text of one language in reading order: title, then each
/// node's label, heading and text.
pub fn output(doc: &DocumentOut, lang: &str) -> String {
    let mut out: String = doc.title.get(lang).cloned().unwrap_or_default();
    for n in &doc.nodes {
        for map in [&n.label, &n.heading, &n.text] {
            out.extend(map.get(lang).map(String::as_str));
        }
    }
    normalise(&out)
}

/// Each paragraph is in `out` exactly once, and together, in order, they are
/// all of it.
pub fn each_once_and_nothing_else(paragraphs: &[String], out: &str) {
    for p in paragraphs {
        let p = normalise(p);
        assert_eq!(out.matches(&p).count(), 1, "«{p}» in «{out}»");
    }
    assert_eq!(normalise(&paragraphs.concat()), out);
}

// Imports of the fixtures in tests/fixtures/import/.

/// `tests/fixtures/import/NAME` imported with `opts`, every line of it
/// accounted for in the report: the import and the source's text.
pub fn import_fixture(
    name: &str,
    opts: &accord::import::Options,
) -> (accord::import::Imported, String) {
    let text = std::fs::read_to_string(root().join("tests/fixtures/import").join(name)).unwrap();
    let imported = accord::import::import(name, &text, opts);
    assert!(
        imported.report.accounts_for_every_line(&text),
        "{}",
        imported.report
    );
    (imported, text)
}

/// The node `id` of an import.
pub fn imported_node<'a>(i: &'a accord::import::Imported, id: &str) -> &'a accord::import::NodeOut {
    i.document
        .nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id} in {:#?}", i.document.nodes))
}

/// The problems `check` finds in the document `i` imported, put in a copy
/// of the fixture site (with `extra_language`, code and name, added to the
/// site's languages): their messages, or none, then the checked document
/// having every node imported.
pub fn check_imported(
    i: &accord::import::Imported,
    extra_language: Option<(&str, &str)>,
) -> Vec<String> {
    let dir = fixture("site");
    let content = dir.path().join("content");
    if let Some((code, name)) = extra_language {
        let site = content.join("site.toml");
        let mut s = std::fs::read_to_string(&site).unwrap().replace(
            "title.en = \"Test site\"\n",
            &format!("title.en = \"Test site\"\ntitle.{code} = \"{name}\"\n"),
        );
        s.push_str(&format!(
            "\n[[language]]\ncode = \"{code}\"\nname = \"{name}\"\n"
        ));
        std::fs::write(&site, s).unwrap();
    }
    let file = content.join(format!("documents/{}.toml", i.document.id));
    std::fs::write(file, accord::import::emit::to_toml(&i.document)).unwrap();
    match accord::check::load_site(&content) {
        Ok(site) => {
            let d = site
                .documents
                .iter()
                .find(|d| d.id == i.document.id)
                .unwrap();
            assert_eq!(d.nodes.len(), i.document.nodes.len());
            Vec::new()
        }
        Err(accord::Error::Content(diags)) => diags.iter().map(|d| d.message.clone()).collect(),
        Err(e) => panic!("{e:?}"),
    }
}
