//! `accord pdf` on the real edition comparison: printed by headless
//! Chromium on A4 and read back with poppler-utils, it has a page number on
//! every page, no navigation, every heading and clause of both editions in
//! each language, and a page count in proportion to its text. Page 1 and
//! the PDF are kept in `target/browser/` for review.

use std::path::Path;
use std::process::Command;

use crate::briefing_pdf::{
    ems, keep_for_review, print_real, printing_available, text_without, unhyphenated,
};
use crate::briefings::flat;
use crate::site::{parse, real_site, sel};

const NAME: &str = "compare-china-celac-action-plan-2022-2024--2025-2027";
const PAGE: &str = "compare/china-celac-action-plan/2022-2024--2025-2027/index.html";

/// Every line (heading or text, with its label) of both editions on the
/// page: `(column, side key, language, text)`, column 0 the earlier
/// edition's (left), 1 the later's.
fn lines(public: &Path) -> Vec<(usize, String, String, String)> {
    let html = parse(&std::fs::read(public.join(PAGE)).unwrap());
    let mut out = Vec::new();
    for (column, sel_column) in [".old", ".new"].iter().enumerate() {
        for side in html.select(&sel(&format!("{sel_column} > .side"))) {
            let key = side.value().attr("data-key").unwrap();
            for line in side.select(&sel(".line")) {
                let lang = line.value().attr("lang").unwrap();
                // The ¶ of a node with no label is a link for the screen only.
                out.push((
                    column,
                    key.to_string(),
                    lang.to_string(),
                    text_without(line, "go"),
                ));
            }
        }
    }
    out
}

/// The text of one half of every page of `pdf` (0 left, 1 right), without
/// the page numbers: A4 is 595 points wide, and the editions' columns are
/// on either side of its middle.
fn column_text(pdf: &Path, column: usize) -> String {
    let x = if column == 0 { 0 } else { 298 };
    let out = Command::new("pdftotext")
        .args(["-x", &x.to_string(), "-y", "0", "-W", "297", "-H", "842"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    let text = String::from_utf8(out.stdout).unwrap();
    // A page number, `k / N`, is centred: each half may hold part of it.
    let number = |l: &str| l.chars().all(|c| c.is_ascii_digit() || c == '/');
    unhyphenated(
        &text
            .lines()
            .map(flat)
            .filter(|l| !number(l))
            .collect::<String>(),
    )
}

#[test]
fn the_real_comparison_prints_both_editions_on_a4() {
    if !printing_available() {
        return;
    }
    let public = real_site().join("public");
    let out = tempfile::tempdir().unwrap();
    let (pdf, pages, text) = print_real(NAME, out.path());
    assert!(!text.contains('¶'), "the screen-only ¶ printed");
    let printed = flat(&text);
    assert!(printed.contains(&flat("Editions compared: 2022-2024 → 2025-2027")));
    let want = lines(&public);
    // Every 2025-2027 section and clause, and every 2022-2024 one: the
    // real plans have more than 300 headings and texts in all.
    assert!(want.len() > 300, "{} lines", want.len());
    let columns = [column_text(&pdf, 0), column_text(&pdf, 1)];
    let mut width = 0;
    for (column, key, lang, t) in &want {
        let t = unhyphenated(&flat(t));
        width += ems(&t);
        assert!(
            columns[*column].contains(&t),
            "{key} [{lang}] not printed in column {column}: {t}"
        );
    }
    // Two editions side by side: about 300 to 700 ems of text a page
    // (measured: 50 pages for the real plans). Far more pages means a
    // broken layout; far fewer, missing text.
    eprintln!("{pages} pages for {width} ems");
    assert!(
        (width / 1400..=2 + width / 250).contains(&pages),
        "{pages} pages for {width} ems"
    );
    keep_for_review(&pdf, NAME);
}
