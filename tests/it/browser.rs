//! The real site in headless Chromium (Debian package `chromium`), with no
//! network: opened from disk and served from a subpath on 127.0.0.1;
//! screenshots at 1280 and 390 px; a document printed to PDF and read
//! back with `pdftotext`.
//!
//! `.ci/run` installs Chromium and poppler-utils, and CI sets `CI`: there a
//! missing browser fails the test. Elsewhere it is skipped with a message.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::briefing_pdf::{a4_pages, check_page_numbers, keep_for_review, poppler};
use crate::site::build_into;
use crate::support::root;

const PLAN: &str = "documents/china-celac-action-plan-2025-2027/index.html";

fn have(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// True when the browser tests can run; panics in CI when they cannot.
pub fn browser_available() -> bool {
    let ok = have("chromium") && have("pdftotext") && have("pdfinfo") && have("pdftoppm");
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium and poppler-utils: .ci/run installs them"
        );
        eprintln!("skipped: the browser test needs `chromium` and `poppler-utils` (apt-get install chromium poppler-utils fonts-noto-cjk)");
    }
    ok
}

/// True when the tests that drive Chromium with puppeteer-core can run:
/// Chromium and `tests/browser`'s packages; in CI they must.
pub fn puppeteer_available() -> bool {
    if !browser_available() {
        return false;
    }
    let installed = root()
        .join("tests/browser/node_modules/puppeteer-core")
        .is_dir();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tests/browser (npm ci): .ci/run does"
        );
        eprintln!("skipped: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/browser");
    }
    installed
}

/// Runs the script `name` of tests/browser/ with node, its arguments and
/// accord's Chromium flags; its JSON output, or `None` when it cannot run.
pub fn script(name: &str, args: &[String]) -> Option<serde_json::Value> {
    if !puppeteer_available() {
        return None;
    }
    let out = Command::new("node")
        .arg(root().join("tests/browser").join(name))
        .args(args)
        .env("CHROMIUM_FLAGS", accord::pdf::CHROMIUM_FLAGS.join(" "))
        .env("SHOTS", artifacts())
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{name} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// Runs headless Chromium with `args` on `url`; returns stdout.
fn chromium(args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new("chromium")
        .args(accord::pdf::CHROMIUM_FLAGS)
        .arg("--hide-scrollbars")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    // Read stdout while waiting: a large DOM would fill the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    String::from_utf8_lossy(&reader.join().unwrap()).into_owned()
}

/// Serves `dir` on a free loopback port, for the rest of the test run.
pub fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                // Read the headers to their end before answering.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("/")
                    .to_string();
                let rel: PathBuf = path
                    .split('/')
                    .filter(|s| !s.is_empty() && *s != ".." && *s != ".")
                    .map(percent_decode)
                    .collect();
                let file = dir.join(rel);
                let (status, body) = match std::fs::read(&file) {
                    Ok(b) if file.is_file() => ("200 OK", b),
                    _ => ("404 Not Found", b"not found".to_vec()),
                };
                let kind = match file.extension().and_then(|e| e.to_str()) {
                    Some("html") => "text/html; charset=utf-8",
                    Some("css") => "text/css",
                    Some("js") => "text/javascript",
                    Some("svg") => "image/svg+xml",
                    Some("json") => "application/json",
                    _ => "application/octet-stream",
                };
                let head = format!("HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                let _ = stream
                    .write_all(head.as_bytes())
                    .and_then(|_| stream.write_all(&body));
            });
        }
    });
    port
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Width and height of a PNG, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[1..4], b"PNG", "{} is a PNG", path.display());
    let n = |o: usize| u32::from_be_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    (n(16), n(20))
}

/// The real site built into `accord/` of a new folder, as GitHub Pages
/// serves a project site under a subpath, and served from that folder: the
/// folder (kept while the test runs) and the port.
pub fn serve_real_site() -> (tempfile::TempDir, u16) {
    let served = tempfile::tempdir().unwrap();
    build_into(&root().join("content"), &served.path().join("accord"));
    let port = serve(served.path().to_path_buf());
    (served, port)
}

/// Where the screenshots and the PDF are kept for a reviewer.
pub fn artifacts() -> PathBuf {
    let dir = root().join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_real_site_in_headless_chromium() {
    if !browser_available() {
        return;
    }
    let (served, port) = serve_real_site();
    let site = served.path().join("accord");
    let http = format!("http://127.0.0.1:{port}/accord/{PLAN}");
    let file = format!("file://{}/{PLAN}", site.display());

    // Stylesheet and script load both from a subpath and from disk.
    for url in [&http, &file] {
        let dom = chromium(&["--virtual-time-budget=5000", "--dump-dom"], url);
        assert!(
            dom.contains("data-js=\"ready\""),
            "{url}: script did not run"
        );
        assert!(
            dom.contains("data-css=\"loaded\""),
            "{url}: stylesheet did not load"
        );
        assert!(
            dom.contains("熊猫债券") && dom.contains("Panda Bonds"),
            "{url}: text missing"
        );
    }
    // From disk the search box says it needs a served site, instead of failing silently.
    let dom = chromium(&["--virtual-time-budget=5000", "--dump-dom"], &file);
    assert!(
        dom.contains("data-state=\"unavailable\""),
        "search on file:// is marked unavailable"
    );
    assert!(
        dom.contains("placeholder=\"搜索需要通过网站服务器访问\""),
        "and says so in the box"
    );

    // Screenshots of the parallel view, wide and narrow.
    let out = artifacts();
    for (width, name) in [(1280, "parallel-1280.png"), (390, "parallel-390.png")] {
        let png = out.join(name);
        let _ = std::fs::remove_file(&png);
        chromium(
            &[
                "--virtual-time-budget=5000",
                &format!("--window-size={width},1600"),
                &format!("--screenshot={}", png.display()),
            ],
            &http,
        );
        assert_eq!(png_size(&png), (width, 1600), "{name}");
        assert!(
            std::fs::metadata(&png).unwrap().len() > 20_000,
            "{name} looks blank"
        );
    }

    // Printed to PDF: page numbers, both languages, the title, no navigation.
    let pdf = out.join("plan-2025-2027.pdf");
    let _ = std::fs::remove_file(&pdf);
    chromium(
        &[
            "--virtual-time-budget=5000",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &http,
    );
    let pages = a4_pages(&pdf);
    assert!((10..=80).contains(&pages), "{pages} pages");
    let text = poppler("pdftotext", &pdf);
    check_page_numbers(&text, pages, "plan-2025-2027");
    keep_for_review(&pdf, "plan-2025-2027");
    // Lines wrap anywhere in Chinese: compare with white space removed.
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("熊猫债券") && flat.contains("PandaBonds"),
        "both languages"
    );
    assert!(
        flat.matches("中国—拉共体成员国重点领域合作共同行动计划（2025-2027）")
            .count()
            > pages,
        "the title on every page"
    );
    // Cross-links printed as their targets' keys, one line per relation.
    assert!(
        flat.contains("相关→china-lac-policy-paper-2025:part_3__prog_2__sec_4"),
        "link targets printed"
    );
    // Nor the links at the end of each section, nor the interface switch,
    // nor the other interface's texts.
    for nav in [
        "跳到正文",
        "中英对照",
        "目录",
        "About these documents",
        "返回目录",
        "下一部分",
        "English interface",
        "Back to contents",
        "Side by side",
    ] {
        assert!(!text.contains(nav), "navigation text `{nav}` printed");
    }

    // The English view prints the English title on every page (one print
    // stylesheet serves all views of a document, by named pages).
    let en = http.replace("index.html", "en.html");
    assert_ne!(en, http);
    let pdf = out.join("plan-2025-2027.en.pdf");
    let _ = std::fs::remove_file(&pdf);
    chromium(
        &[
            "--virtual-time-budget=5000",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
        &en,
    );
    let text = String::from_utf8(
        Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let pages = text.matches(" / ").count();
    let title = "China-CELAC Joint Action Plan for Cooperation in Key Areas (2025-2027)";
    assert!(pages > 3, "{pages} page numbers");
    assert!(
        text.matches(title).count() >= pages,
        "the English title on every page"
    );
    assert!(
        !text.contains("重点领域合作共同行动计划"),
        "no Chinese title"
    );
}

/// The Cite button of a clause, pressed from the keyboard in each of its
/// cells, copies the citation in the cell's language: the document's title
/// (in 《》 in Chinese), the clause's locator, the permanent URL with the
/// clause's key, with full-width punctuation in Chinese.
#[test]
fn cite_copies_title_number_and_permanent_link() {
    if !puppeteer_available() {
        return;
    }
    let (_served, port) = serve_real_site();
    let key = "china-celac-action-plan-2025-2027:art_2__sec_3__cl_3";
    let args = [
        format!("http://127.0.0.1:{port}/accord/{PLAN}"),
        key.to_string(),
    ];
    let Some(out) = script("cite.mjs", &args) else {
        return;
    };
    let cells: Vec<serde_json::Value> = out.as_array().unwrap().clone();
    let langs: Vec<&str> = cells.iter().map(|c| c["lang"].as_str().unwrap()).collect();
    assert_eq!(langs, ["zh-Hans", "en"]);
    let url = "https://example.github.io/accord/documents/china-celac-action-plan-2025-2027/#china-celac-action-plan-2025-2027:art_2__sec_3__cl_3";
    let expected = [
        format!("《中国—拉共体成员国重点领域合作共同行动计划（2025-2027）》第二条第三项第（三）目，{url}"),
        format!("China-CELAC Joint Action Plan for Cooperation in Key Areas (2025-2027), art. 2.3(3), {url}"),
    ];
    for (cell, expected) in cells.iter().zip(&expected) {
        let lang = cell["lang"].as_str().unwrap();
        assert_eq!(cell["copied"], expected.as_str(), "{lang}");
        let copied_label = if lang == "en" { "Copied" } else { "已复制" };
        assert_eq!(cell["label"], copied_label, "the button says it copied");
    }
}
