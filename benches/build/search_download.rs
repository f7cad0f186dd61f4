//! What one query of the search box downloads on a built corpus: the
//! site served on 127.0.0.1 (no compression: what a server without gzip
//! sends; Pagefind's index files are compressed already), queries typed
//! into the box in headless Chromium by tests/browser/search.mjs, cache
//! off, the bytes of every file under `pagefind/` counted (issue 16: at
//! most 300 KB per query). Skipped without `node`, the test's
//! `tests/browser/node_modules` or Chromium.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Queries in both languages, made of the synthetic corpus's vocabulary
/// (benches/build/vocab.rs): common words (their index chunks and the
/// documents found are the largest), a phrase, a filter-free mix.
pub const QUERIES: [&str; 8] = [
    "合作",
    "cooperation",
    "减贫",
    "poverty reduction",
    "数字经济",
    "\"digital economy\"",
    "全球南方",
    "Global South",
];

/// Each query and the bytes of search files it downloaded, with the
/// number of times pagefind.js was fetched.
pub fn measure(root: &Path, site: &Path) -> Result<Vec<(String, u64, u64)>, String> {
    let script = root.join("tests/browser/search.mjs");
    if !root
        .join("tests/browser/node_modules/puppeteer-core")
        .is_dir()
    {
        return Err("tests/browser/node_modules missing (npm ci in tests/browser)".into());
    }
    if !Path::new("/usr/bin/chromium").exists() {
        return Err("no /usr/bin/chromium".into());
    }
    // Served under a subpath, as the site is on GitHub Pages.
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let link = dir.path().join("accord");
    std::os::unix::fs::symlink(site.canonicalize().map_err(|e| e.to_string())?, &link)
        .map_err(|e| e.to_string())?;
    let port = serve(dir.path().to_path_buf())?;
    let queries: Vec<serde_json::Value> = QUERIES
        .iter()
        .map(|q| serde_json::json!({ "q": q, "page": "index.html" }))
        .collect();
    let flags = "--headless --no-sandbox --disable-gpu --no-first-run \
                 --disable-background-networking --disable-component-update --disable-sync --disable-quic";
    let out = Command::new("node")
        .arg(&script)
        .arg(format!("http://127.0.0.1:{port}/accord/"))
        .arg(serde_json::to_string(&queries).unwrap())
        .env("CHROMIUM_FLAGS", flags)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "search.mjs failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let report: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("search.mjs: {e}"))?;
    report
        .iter()
        .map(|r| {
            if !r["failure"].is_null() {
                return Err(format!("{}: {}", r["query"], r["failure"]));
            }
            Ok((
                r["query"].as_str().unwrap_or("").to_string(),
                r["searchBytes"].as_u64().unwrap_or(0),
                r["loads"]["js"].as_u64().unwrap_or(0),
            ))
        })
        .collect()
}

/// Serves `dir` on a free loopback port while the bench runs: files as
/// they are, by path.
fn serve(dir: PathBuf) -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
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
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/");
                let path = path.split(['?', '#']).next().unwrap_or("/");
                let rel: PathBuf = path
                    .split('/')
                    .filter(|s| !s.is_empty() && *s != ".." && *s != ".")
                    .map(|s| s.replace("%3A", ":"))
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
                    Some("json") => "application/json",
                    _ => "application/octet-stream",
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream
                    .write_all(head.as_bytes())
                    .and_then(|_| stream.write_all(&body));
            });
        }
    });
    Ok(port)
}
