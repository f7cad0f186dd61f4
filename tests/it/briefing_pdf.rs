//! `accord pdf`: the three real briefings printed by headless Chromium and
//! read back with poppler-utils (`pdfinfo`, `pdftotext` without `-layout`,
//! which keeps the columns apart): page numbers, every clause in each
//! language of the mode, the permalinks, no navigation, a page count in
//! proportion to the text. The first page of each is kept as a PNG in
//! `target/browser/` for review, with the PDF. Without Chromium, `accord pdf` says how
//! to install it and exits 2.
//!
//! `.ci/run` installs Chromium and poppler-utils, and CI sets `CI`: there a
//! missing browser fails the test. Elsewhere it is skipped with a message.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use scraper::ElementRef;

use crate::briefings::{flat, BRIEFINGS};
use crate::site::{build_into, parse, real_site, sel};
use crate::support::{fixture, root, stderr, stdout};

fn have(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// True when the PDF test can run; panics in CI when it cannot.
pub(crate) fn printing_available() -> bool {
    let ok = have("chromium") && have("pdftotext") && have("pdfinfo") && have("pdftoppm");
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium and poppler-utils: .ci/run installs them"
        );
        eprintln!("skipped: printing briefings needs `chromium` and `poppler-utils` (apt-get install chromium poppler-utils fonts-noto-cjk)");
    }
    ok
}

/// Runs `accord pdf ARGS` with `env` set.
pub(crate) fn accord_pdf(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.arg("pdf").args(args).env_remove("ACCORD_CHROMIUM");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("accord runs")
}

/// Runs a poppler tool on `pdf`; `pdftotext` writes to stdout.
pub(crate) fn poppler(tool: &str, pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.arg(pdf);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{tool} {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

/// The number of pages of `pdf`, which must be A4.
pub(crate) fn a4_pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", pdf);
    assert!(info.contains("(A4)"), "{}: {info}", pdf.display());
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The page numbers of `text`, read from `pages` pages: "N / M" in the
/// bottom margin, a line of its own; the spaces around the slash are
/// narrow in a Chinese font and pdftotext may drop them. Returns them as
/// printed, white space removed.
pub(crate) fn check_page_numbers(text: &str, pages: usize, what: &str) -> Vec<String> {
    let numbers: Vec<String> = text
        .lines()
        .map(flat)
        .filter(|l| l.ends_with(&format!("/{pages}")))
        .collect();
    let expected: Vec<String> = (1..=pages).map(|k| format!("{k}/{pages}")).collect();
    assert_eq!(numbers, expected, "{what}: page numbers");
    expected
}

/// Keeps `pdf` and its first page as a PNG in `target/browser/`, as
/// `NAME.pdf` and `NAME-page1.png`, for review; the page must not be blank.
/// The page of the real site that `accord pdf` prints as `name`, printed
/// into `out`: the PDF, its number of A4 pages and its text, each page
/// numbered and no navigation printed.
pub(crate) fn print_real(name: &str, out: &Path) -> (std::path::PathBuf, usize, String) {
    let site = crate::site::real_site().join("public");
    let site = site.to_string_lossy().into_owned();
    let o = accord_pdf(
        &["--site", &site, "--out", out.to_str().unwrap(), name],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", crate::support::stderr(&o));
    let said = crate::support::stdout(&o);
    assert!(said.contains(&format!("{name}.pdf")), "{said}");
    let pdf = out.join(format!("pdf/{name}.pdf"));
    let pages = a4_pages(&pdf);
    let text = poppler("pdftotext", &pdf);
    check_page_numbers(&text, pages, name);
    for nav in ["跳到正文", "Skip to the text", "About these documents"] {
        assert!(!text.contains(nav), "{name}: navigation `{nav}` printed");
    }
    (pdf, pages, text)
}

pub(crate) fn keep_for_review(pdf: &Path, name: &str) {
    let keep = root().join("target/browser");
    std::fs::create_dir_all(&keep).unwrap();
    let kept = keep.join(format!("{name}.pdf"));
    if pdf != kept {
        std::fs::copy(pdf, kept).unwrap();
    }
    let png = keep.join(format!("{name}-page1"));
    let o = Command::new("pdftoppm")
        .args(["-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&png)
        .output()
        .unwrap();
    assert!(o.status.success(), "pdftoppm {}", pdf.display());
    let bytes = std::fs::read(png.with_extension("png")).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(bytes.len() > 10_000, "{name}: page 1 looks blank");
}

#[test]
fn without_chromium_pdf_says_how_to_install_it_and_exits_2() {
    let dir = fixture("briefing-site");
    let public = dir.path().join("public");
    build_into(&dir.path().join("content"), &public);
    let empty = tempfile::tempdir().unwrap();
    let site = public.to_string_lossy().into_owned();
    let o = accord_pdf(
        &["--site", &site, "--out", &site],
        &[("PATH", &empty.path().to_string_lossy())],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: `accord pdf` prints through headless Chromium, and none was found"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: on Debian or Ubuntu, install it with `apt-get install chromium fonts-noto-cjk`"
        ),
        "{err}"
    );
    assert!(!public.join("pdf").exists(), "nothing written");
}

#[test]
fn pdf_of_a_folder_without_a_site_or_of_an_unknown_page_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let dir = empty.path().to_string_lossy().into_owned();
    let browser = [("ACCORD_CHROMIUM", "/bin/sh")];
    let o = accord_pdf(&["--site", &dir, "--out", &dir], &browser);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!("error: no built site in `{dir}`: run `accord build` first, or pass --site\n")
    );
    let site = real_site().join("public").to_string_lossy().into_owned();
    let o = accord_pdf(&["--site", &site, "--out", &dir, "briefing-nope"], &browser);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: no page to print is named `briefing-nope`; the names are: briefing-education-exchanges, "), "{}", stderr(&o));
}

/// `s` without hyphens: pdftotext joins a line that ends in a hyphen to
/// the next without it ("China-\nCELAC" becomes "ChinaCELAC").
pub(crate) fn unhyphenated(s: &str) -> String {
    s.replace(['-', '\u{ad}'], "")
}

/// The width of a text in ems, roughly: a Chinese character 1, another 1/2.
pub(crate) fn ems(s: &str) -> usize {
    s.chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum::<usize>()
        / 2
}

/// The text of `el` but that of its descendants with class `skip`.
pub(crate) fn text_without(el: ElementRef, skip: &str) -> String {
    el.descendants()
        .filter(|n| {
            !n.ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != el.id())
                .any(|a| a.value().classes().any(|c| c == skip))
        })
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// What a printed briefing must show, read from its page (whose content
/// `briefings.rs` checks against the content files): its title in its
/// first language, each item's permalink and comments, and each row's
/// headings and texts without their labels.
struct Printed {
    title: String,
    permalinks: Vec<String>,
    comments: Vec<(String, String)>,
    /// Row key, language, heading or text.
    official: Vec<(String, String, String)>,
}

fn printed(public: &Path, id: &str) -> Printed {
    let html = parse(&std::fs::read(public.join(format!("briefings/{id}.html"))).unwrap());
    let title = html
        .select(&sel(".cover h1 .title"))
        .next()
        .unwrap()
        .text()
        .collect();
    let permalinks = html
        .select(&sel("section.item .permalink a"))
        .map(|a| a.text().collect())
        .collect();
    let comments = html
        .select(&sel("section.item .comment aside"))
        .map(|c| {
            (
                c.value().attr("lang").unwrap().to_string(),
                text_without(c, "caption"),
            )
        })
        .collect();
    let mut official = Vec::new();
    for row in html.select(&sel("section.item .node[id]")) {
        let key = row.value().attr("id").unwrap();
        for cell in row.select(&sel(":scope > .cell")) {
            let lang = cell.value().attr("lang").unwrap();
            for block in cell.select(&sel(
                ":scope > h3, :scope > h4, :scope > h5, :scope > h6, :scope > p.text",
            )) {
                official.push((
                    key.to_string(),
                    lang.to_string(),
                    text_without(block, "label"),
                ));
            }
        }
    }
    Printed {
        title,
        permalinks,
        comments,
        official,
    }
}

/// Checks one printed briefing against its page; returns its page count
/// and the width in ems of the official text it shows.
fn check_printed(id: &str, want: &Printed, pdf: &Path) -> (usize, usize) {
    let pages = a4_pages(pdf);
    let text = poppler("pdftotext", pdf);
    let expected = check_page_numbers(&text, pages, id);
    let printed = flat(&text);
    let title = flat(&want.title);
    assert!(
        printed.matches(&title).count() > pages,
        "{id}: the title on every page"
    );
    for nav in [
        "跳到正文",
        "Skip to the text",
        "About these documents",
        "How to cite",
        "The data format",
        "中英对照",
        "Side by side",
        "编者注另行标出",
        "editorial notes are marked as such",
        "¶",
    ] {
        assert!(!text.contains(nav), "{id}: navigation `{nav}` printed");
    }
    // The running text without the margins (title, page number), which
    // pdftotext puts between the halves of a clause split across pages.
    let body: String = text
        .lines()
        .map(flat)
        .filter(|l| *l != title && !expected.contains(l))
        .collect();
    let running = unhyphenated(&body);
    // Permalinks break only after `/`, before `#` and after `:`.
    for url in &want.permalinks {
        let url = flat(url);
        assert!(printed.contains(&url), "{id}: {url} not printed");
    }
    for (lang, comment) in &want.comments {
        let comment = unhyphenated(&flat(comment));
        assert!(
            running.contains(&comment),
            "{id} [{lang}]: comment {comment}"
        );
    }
    // A two-column row split across pages is read by pdftotext as the
    // first half of each column, then the second half of each: such a text
    // is found in its own script's characters of the running text.
    let script = |s: &str, lang: &str| -> String {
        let ascii = !lang.starts_with("zh");
        s.chars().filter(|c| c.is_ascii() == ascii).collect()
    };
    let two_columns = |key: &str| want.official.iter().filter(|o| o.0 == key).count() > 1;
    let mut width = 0;
    for (key, lang, t) in &want.official {
        let t = unhyphenated(&flat(t));
        width += ems(&t);
        let found = running.contains(&t)
            || (two_columns(key) && script(&running, lang).contains(&script(&t, lang)));
        assert!(found, "{id} {key} [{lang}]: not printed: {t}");
    }
    check_contents_pages(id, want, pdf, pages);
    (pages, width)
}

/// The contents give the page on which each item begins, as found in the
/// printed pages: the first page that holds the item's permalink.
fn check_contents_pages(id: &str, want: &Printed, pdf: &Path, pages: usize) {
    let text_of_page = |p: usize| -> String {
        let out = Command::new("pdftotext")
            .args(["-f", &p.to_string(), "-l", &p.to_string()])
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        flat(&String::from_utf8(out.stdout).unwrap())
    };
    let page_texts: Vec<String> = (1..=pages).map(text_of_page).collect();
    let begins: Vec<String> = want
        .permalinks
        .iter()
        .map(|url| {
            let url = flat(url);
            let page = page_texts.iter().position(|t| t.contains(&url));
            (page.unwrap_or_else(|| panic!("{id}: {url} on no page")) + 1).to_string()
        })
        .collect();
    // The contents in layout mode: `k  title …  page` on the entry's first line.
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let layout = String::from_utf8(out.stdout).unwrap();
    let start = ["Contents", "目录"]
        .iter()
        .filter_map(|c| layout.find(c))
        .min()
        .unwrap_or_else(|| panic!("{id}: no contents"));
    let mut listed = Vec::new();
    for line in layout[start..].lines() {
        let next = format!("{} ", listed.len() + 1);
        if let Some(rest) = line.trim().strip_prefix(&next) {
            listed.push(rest.split_whitespace().last().unwrap_or("").to_string());
            if listed.len() == begins.len() {
                break;
            }
        }
    }
    assert_eq!(listed, begins, "{id}: the contents' page numbers");
}

#[test]
fn the_real_briefings_print_with_page_numbers_every_clause_and_permalinks() {
    if !printing_available() {
        return;
    }
    let public = real_site().join("public").to_string_lossy().into_owned();
    let out = tempfile::tempdir().unwrap();
    let names: Vec<String> = BRIEFINGS
        .iter()
        .map(|b| format!("briefing-{}", b.0))
        .collect();
    let mut args = vec!["--site", &public, "--out", out.path().to_str().unwrap()];
    args.extend(names.iter().map(String::as_str));
    let o = accord_pdf(&args, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let wrote = stdout(&o)
        .lines()
        .filter(|l| l.starts_with("wrote "))
        .count();
    assert_eq!(wrote, names.len(), "{}", stdout(&o));
    let mut pdfs: Vec<String> = std::fs::read_dir(out.path().join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pdfs.sort();
    let expected: Vec<String> = names.iter().map(|n| format!("{n}.pdf")).collect();
    assert_eq!(pdfs, expected, "the PDFs and no temporary file");
    for &(id, _, items) in BRIEFINGS {
        let want = printed(Path::new(&public), id);
        assert_eq!(want.permalinks.len(), items.len(), "{id}");
        let pdf = out.path().join(format!("pdf/briefing-{id}.pdf"));
        let (pages, width) = check_printed(id, &want, &pdf);
        // Measured: a page holds 300 to 650 ems of official text beside the
        // cover, citations, comments and references. Far more pages means a
        // broken layout; far fewer, missing text.
        eprintln!("{id}: {pages} pages for {width} ems of official text");
        assert!(
            (1 + width / 1500..=2 + width / 300).contains(&pages),
            "{id}: {pages} pages for {width} ems"
        );
        keep_for_review(&pdf, id);
    }
}
