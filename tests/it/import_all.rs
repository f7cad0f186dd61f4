//! Every import fixture (`tests/fixtures/import/`, every format and
//! numbering scheme), imported with `accord import` into one site in
//! Chinese, English, Spanish, Portuguese and French: each checks clean as written (import
//! refuses what would not), or with the instructions a person would record;
//! every line of each source that the report does not account for as
//! dropped or changed is in the output word for word (NFKC, white space
//! folded); and the site builds, with a page per document.

use std::path::Path;

use crate::support::{accord, normalise, root, stderr, stdout};

const SITE: &str = "base_url = \"https://example.org/all/\"\ntitle.zh-Hans = \"全部\"\ntitle.en = \"All\"\ntitle.es = \"Todo\"\ntitle.pt = \"Tudo\"\ntitle.fr = \"Tout\"\n\n[[language]]\ncode = \"zh-Hans\"\nname = \"中文\"\n\n[[language]]\ncode = \"en\"\nname = \"English\"\n\n[[language]]\ncode = \"es\"\nname = \"Español\"\n\n[[language]]\ncode = \"pt\"\nname = \"Português\"\n\n[[language]]\ncode = \"fr\"\nname = \"Français\"\n";

/// Each fixture, the id it is imported as, and what a person decided
/// about it (the fixtures that have broken lines on purpose).
const FIXTURES: &[(&str, &str, &[&str])] = &[
    ("book.zh.txt", "book-zh", &[]),
    (
        "broken.zh-en.txt",
        "broken",
        &["--join", "2-3", "--drop", "10"],
    ),
    ("comments.md", "comments", &[]),
    ("datelines-zh.md", "datelines-zh", &[]),
    ("datelines.md", "datelines", &[]),
    ("excerpt.zh-en.txt", "excerpt", &[]),
    ("fidelity-urls.txt", "fidelity-urls", &[]),
    ("focac-plan.en.md", "focac-plan", &[]),
    ("headings.en.md", "headings", &[]),
    ("law.zh.txt", "law-zh", &[]),
    ("lei.pt.txt", "lei-pt", &[]),
    ("ley.es.txt", "ley-es", &[]),
    ("loi.fr.md", "loi-fr", &[]),
    ("plan.md", "plan-md", &[]),
    ("resolution.en.md", "resolution", &[]),
    (
        "rows.txt",
        "rows",
        &[
            "--title",
            "zh-Hans=合作计划",
            "--title",
            "en=Cooperation Plan",
        ],
    ),
    ("languages/charter-excerpt.txt", "charter", &[]),
    ("languages/declaration.md", "declaration", &[]),
    (
        "languages/law-blocks.txt",
        "law-blocks",
        &["--format", "blocks", "--lang", "zh-Hans,en", "--drop", "35"],
    ),
    ("languages/notice.md", "notice", &[]),
    ("languages/rows3.txt", "rows3", &[]),
];

/// The lines of `text` the report of `report` does not list as dropped or
/// changed, without Markdown's marks, normalised.
fn kept_lines(text: &str, report: &str) -> Vec<String> {
    // `line N: dropped …` or `line N: cleaned …`, and the lines A–B a
    // dropped comment spans.
    let mut touched = std::collections::BTreeSet::new();
    for l in report.lines().map(str::trim_start) {
        let Some((n, rest)) = l.strip_prefix("line ").and_then(|r| r.split_once(": ")) else {
            continue;
        };
        if !(rest.starts_with("dropped") || rest.starts_with("cleaned")) {
            continue;
        }
        touched.extend(n.parse::<usize>());
        if let Some((a, b)) = rest
            .split_once("(lines ")
            .and_then(|(_, r)| r.split_once(')')?.0.split_once('–'))
        {
            touched.extend(a.parse::<usize>().unwrap()..=b.parse::<usize>().unwrap());
        }
    }
    let touched = |n: usize| touched.contains(&n);
    text.lines()
        .enumerate()
        .filter(|(i, l)| !l.trim().is_empty() && !touched(i + 1))
        .flat_map(|(_, l)| {
            let l = l
                .trim_start_matches(['#', '>', ' '])
                .trim_start_matches("- ")
                .replace("**", "");
            // A front matter key (`title-en: …`, `body-es: |`) is syntax.
            let key = l.split_once(':').filter(|(k, _)| {
                k.starts_with(|c: char| c.is_ascii_lowercase())
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
            let l = key.map_or(l.clone(), |(_, v)| {
                v.trim().trim_start_matches('|').to_string()
            });
            // A paragraph in two scripts on one line (`中文  English`), or a
            // row of cells (`中文 | English`): each part on its own.
            l.split('|')
                .flat_map(|cell| cell.split("  ").map(str::to_string).collect::<Vec<_>>())
                .map(|part| normalise(&part))
                .collect::<Vec<_>>()
        })
        .filter(|l| !l.is_empty() && l != "---" && l != "|")
        .collect()
}

/// All the text of a written document, normalised, one language after
/// the other: each its title, then each node's label, heading and text.
fn written(toml: &str) -> String {
    let value: toml::Value = toml::from_str(toml).unwrap();
    let langs: Vec<&str> = value["languages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    let get = |v: Option<&toml::Value>, lang: &str| -> String {
        v.and_then(|v| v.get(lang))
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut out = Vec::new();
    for lang in langs {
        let mut text = get(value.get("title"), lang);
        for node in value
            .get("node")
            .and_then(|n| n.as_array())
            .into_iter()
            .flatten()
        {
            for field in ["label", "heading", "text"] {
                text.push_str(&get(node.get(field), lang));
            }
        }
        out.push(normalise(&text));
    }
    out.join("\u{0}")
}

#[test]
fn every_fixture_imports_checks_clean_keeps_its_text_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("documents")).unwrap();
    std::fs::write(content.join("site.toml"), SITE).unwrap();
    let fixtures = root().join("tests/fixtures/import");
    for (file, id, extra) in FIXTURES {
        let source = fixtures.join(file);
        let mut args = vec!["import", source.to_str().unwrap(), "--id", id];
        args.extend(extra.iter());
        let o = accord(dir.path(), &args);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let text = std::fs::read_to_string(&source).unwrap();
        let toml = std::fs::read_to_string(content.join(format!("documents/{id}.toml"))).unwrap();
        let out = written(&toml);
        let parts = kept_lines(&text, &stdout(&o));
        assert!(parts.len() >= 3, "{file}: {parts:?}");
        for part in parts {
            assert!(
                out.contains(&part),
                "{file}: «{part}» is not in the output\n{}",
                stdout(&o)
            );
        }
    }
    // The three files of one plan, given together.
    let plan: Vec<String> = ["plan.zh.md", "plan.en.md", "plan.es.md"]
        .iter()
        .map(|f| {
            fixtures
                .join("languages")
                .join(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut args = vec!["import"];
    args.extend(plan.iter().map(String::as_str));
    args.extend(["--id", "plan-three", "--drop", "plan.en.md:15"]);
    let o = accord(dir.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    let o = accord(dir.path(), &["build", "--no-search"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for (_, id, _) in FIXTURES.iter().chain([&("", "plan-three", &[][..])]) {
        let page = dir.path().join(format!("public/documents/{id}/index.html"));
        assert!(page.is_file(), "{}", page.display());
    }
    // An excerpt from Article 3 says where it starts.
    let excerpt = std::fs::read_to_string(content.join("documents/excerpt.toml")).unwrap();
    assert!(excerpt.contains("\nfirst = 3\n"), "{excerpt}");
    // The one fixture with a numbering gap on purpose is refused as it is.
    let o = accord(
        dir.path(),
        &[
            "import",
            fixtures.join("interleaved.txt").to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("numbering gap in `art_1`: number 3 where 2 was expected"),
        "{}",
        stderr(&o)
    );
    assert!(Path::new(&dir.path().join("content/documents")).is_dir());
}
