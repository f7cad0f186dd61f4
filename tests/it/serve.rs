//! `accord serve`: a change to a clause reaches the served page; a broken
//! file is reported and the last good site stays served; fixing it
//! recovers. Incremental rebuilds give the same files as a full build.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use accord::build::{build_with, Options, Paths};
use accord::serve::session::Session;

use crate::site::files;
use crate::support::{copy_dir, root};

const PLAN: &str = "content/documents/china-celac-action-plan-2025-2027.toml";
const PAGE: &str = "/documents/china-celac-action-plan-2025-2027/en.html";

/// A project folder with a copy of the real content, templates and static files.
pub(crate) fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in ["content", "templates", "static"] {
        copy_dir(&root().join(d), &dir.path().join(d));
    }
    dir
}

/// A raw HTTP/1.1 GET (the path is sent as given): status and body.
pub(crate) fn get(port: u16, path: &str) -> (u16, String) {
    let (status, _, body) = get_with_head(port, path);
    (status, body)
}

/// As [`get`], with the response's head (status line and headers) too.
fn get_with_head(port: u16, path: &str) -> (u16, String, String) {
    request(port, path, "127.0.0.1")
}

/// A raw HTTP/1.1 GET naming `host`: status, head (lower case) and body.
fn request(port: u16, path: &str, host: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_ascii_lowercase(), body.to_string())
}

/// Polls until `ok` holds, for at most 20 s.
pub(crate) fn eventually(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start(dir: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["serve", "--port", "0", "--no-search"])
        .current_dir(dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let port = loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("serve starts and says where");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c| c != '/')
                .trim_end_matches('/')
                .parse()
                .unwrap();
        }
    };
    Server { child, port }
}

#[test]
fn serve_rebuilds_reports_errors_and_recovers() {
    let dir = project();
    let server = start(dir.path());
    let port = server.port;
    let (status, page) = get(port, PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("seminar on “Panda Bonds”") && page.contains("/__accord/live.js"));

    let plan = dir.path().join(PLAN);
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace(
            "seminar on “Panda Bonds”",
            "seminar on “Panda Bonds” (edited)",
        ),
    )
    .unwrap();
    eventually("the edited clause is served", || {
        get(port, PAGE).1.contains("(edited)")
    });

    std::fs::write(&plan, text.replace("kind = \"clause\"", "kind = \"claws\"")).unwrap();
    eventually("the error is reported", || {
        get(port, "/__accord/status").1.contains("\"ok\":false")
    });
    let (_, status) = get(port, "/__accord/status");
    assert!(
        status.contains("china-celac-action-plan-2025-2027.toml:"),
        "the error names file and line: {status}"
    );
    assert!(status.contains("unknown node kind `claws`"), "{status}");
    assert!(
        get(port, PAGE).1.contains("(edited)"),
        "the last good page is still served"
    );

    std::fs::write(&plan, &text).unwrap();
    eventually("it recovers", || {
        get(port, "/__accord/status").1.contains("\"ok\":true")
            && !get(port, PAGE).1.contains("(edited)")
    });
}

/// A raw request with its own Host header: status and body.
fn get_as(port: u16, path: &str, host: &str) -> (u16, String) {
    let (status, _, body) = request(port, path, host);
    (status, body)
}

/// Issue 18, item 12: a page of another site whose name resolves to
/// 127.0.0.1 (DNS rebinding) reads neither the site nor its status.
#[test]
fn serve_answers_only_to_loopback_host_names() {
    let dir = project();
    let server = start(dir.path());
    let port = server.port;
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1.evil.example",
    ] {
        for path in ["/", "/__accord/status"] {
            let (status, body) = get_as(port, path, host);
            assert_eq!(status, 421, "{host}{path}");
            assert_eq!(
                body,
                "accord serve answers only to localhost, 127.0.0.1 and [::1]\n"
            );
        }
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".to_string(),
    ] {
        assert_eq!(get_as(port, "/", &host).0, 200, "{host}");
    }
}

#[test]
fn serve_refuses_paths_outside_public() {
    let dir = project();
    let server = start(dir.path());
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/%252e%252e/secret.txt",
        "/..%5csecret.txt",
        "/static/../../secret.txt",
        "/static/..%2f..%2fsecret.txt",
        "/a%5c..%5c..%5csecret.txt",
        "/%00",
        "/%ff",
    ] {
        let (status, body) = get(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(
            !body.contains("secret") || body.contains("<html"),
            "{path} leaked the file"
        );
    }
    assert_eq!(get(server.port, "/").0, 200, "the home page at /");
}

#[test]
fn serve_gives_content_types_the_live_script_and_the_404_page() {
    let dir = project();
    let server = start(dir.path());
    let port = server.port;
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        (PAGE, "text/html; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/accord.js", "text/javascript; charset=utf-8"),
        ("/data/crosswalk.json", "application/json"),
        ("/static/favicon.svg", "image/svg+xml"),
    ] {
        let (status, head, body) = get_with_head(port, path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("content-type: {kind}\r\n")),
            "{path}: {head}"
        );
        assert!(head.contains("cache-control: no-store"), "{path}: {head}");
        let script = body.contains("<script src=\"/__accord/live.js\"></script>\n</body>");
        assert_eq!(script, kind.starts_with("text/html"), "{path}");
    }
    let (status, head, body) = get_with_head(port, "/documents/no-such-document/en.html");
    assert_eq!(status, 404);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    let page = std::fs::read_to_string(dir.path().join("public/404.html")).unwrap();
    let title = page
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(
        body.contains(title) && body.contains("/__accord/live.js"),
        "{body}"
    );
    let (status, head, _) = get_with_head(port, "/__accord/live.js");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/javascript"), "{head}");
}

#[test]
fn incremental_and_full_builds_give_identical_files() {
    let dir = project();
    let paths = Paths::under(dir.path());
    let mut session = Session::new(paths.clone(), Options::default());
    let first = session.rebuild().unwrap();
    assert!(first.documents.is_none(), "the first build is whole");

    let plan = dir.path().join(PLAN);
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        text.replace(
            "seminar on “Panda Bonds”",
            "seminar on “Panda Bonds” (edited)",
        ),
    )
    .unwrap();
    let notes = dir.path().join("content/notes/translation.toml");
    let note = std::fs::read_to_string(&notes).unwrap();
    std::fs::write(
        &notes,
        note.replace(
            "names the General Assembly instead.",
            "names the General Assembly.",
        ),
    )
    .unwrap();
    let second = session.rebuild().unwrap();
    let rebuilt = second.documents.clone().expect("an incremental rebuild");
    assert!(
        rebuilt.contains(&"china-celac-action-plan-2025-2027".to_string())
            && rebuilt.contains(&"china-lac-policy-paper-2025".to_string()),
        "{second}"
    );
    assert!(second.written >= 4 && second.written < 20, "{second}");

    same_files(
        &files(&paths.out),
        &files(&full_build(&paths, &dir.path().join("full"))),
        "incremental output differs from a full build",
    );

    // A link removed and a document retitled change the site-wide pages
    // (home, crosswalk data) as well.
    let crosswalk = dir.path().join("content/crosswalk.toml");
    let links = std::fs::read_to_string(&crosswalk).unwrap();
    let first_link = "[[link]]\nfrom = \"china-celac-action-plan-2025-2027:art_1\"\nto = \"china-lac-policy-paper-2025:part_3__prog_1\"\nrelation = \"related\"\n";
    assert!(links.contains(first_link));
    std::fs::write(&crosswalk, links.replacen(first_link, "", 1)).unwrap();
    let paper = dir
        .path()
        .join("content/documents/china-lac-policy-paper-2025.toml");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(
        &paper,
        text.replace(
            "title.en = \"China's Policy Paper on Latin America and the Caribbean\"",
            "title.en = \"China's Policy Paper on Latin America and the Caribbean (retitled)\"",
        ),
    )
    .unwrap();
    let third = session.rebuild().unwrap();
    let third_finance = files(&paths.out)["topics/finance.html"].clone();
    assert!(third.documents.is_some(), "an incremental rebuild: {third}");
    let full = full_build(&paths, &dir.path().join("full2"));
    let (incremental, whole) = (files(&paths.out), files(&full));
    assert!(
        String::from_utf8_lossy(&whole["index.html"]).contains("(retitled)"),
        "the home page shows the new title"
    );
    same_files(
        &incremental,
        &whole,
        "incremental output differs from a full build after site-wide changes",
    );

    // A topic's coverage changed: its page, its links on the document
    // pages and the index's counts change with it.
    let topics = dir.path().join("content/topics.toml");
    let text = std::fs::read_to_string(&topics).unwrap();
    let cover = "  \"china-celac-action-plan-2025-2027:annex__item_2\",";
    assert!(
        text.contains(cover),
        "topics.toml covers the annex's credit"
    );
    std::fs::write(&topics, text.replacen(cover, "", 1)).unwrap();
    let fourth = session.rebuild().unwrap();
    let full = full_build(&paths, &dir.path().join("full3"));
    let (incremental, whole) = (files(&paths.out), files(&full));
    assert_ne!(
        whole["topics/finance.html"], third_finance,
        "the topic page changed"
    );
    same_files(
        &incremental,
        &whole,
        &format!("incremental output differs from a full build after a topic change: {fourth}"),
    );
}

/// Asserts that two builds hold the same files with the same bytes,
/// naming the files that differ.
pub(crate) fn same_files(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>, what: &str) {
    let differ: Vec<&String> = (a.keys().chain(b.keys()))
        .filter(|p| a.get(*p) != b.get(*p))
        .collect();
    assert!(differ.is_empty(), "{what}: {differ:?}");
}

/// A full build (search excluded) of `paths`' sources into `out`.
pub(crate) fn full_build(paths: &Paths, out: &Path) -> std::path::PathBuf {
    build_with(
        &Paths {
            out: out.to_path_buf(),
            ..paths.clone()
        },
        &Options {
            base_url: None,
            no_search: true,
        },
    )
    .unwrap();
    out.to_path_buf()
}
