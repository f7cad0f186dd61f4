//! The same site as a Hugo site: every file accord built from the corpus
//! (search excluded), given to Hugo so that its output is the same files,
//! byte for byte. Each HTML page becomes a content file (`.html`): its
//! `<head>` and what follows `</body>` are parameters the layout prints
//! unchanged, its body is the content; every other file (open data,
//! citation files, per-document print CSS, scripts, icon, sitemap) is a
//! static file Hugo copies. Hugo only wraps each page in the layout, its
//! fastest path, and `compare` checks afterwards that both outputs are the
//! same files.
//!
//! Until December 2026 the bench wrote its own, simpler HTML for Hugo
//! (headings, paragraphs, the links of each node), which drifted from
//! accord's pages as they gained folded cross-link lists, citations and
//! provenance: at 10k pages Hugo wrote 594 MB in 10,001 files where accord
//! wrote 1,316 MB in 26,669, and the comparison was no longer of the same
//! site.

use std::io;
use std::path::Path;

use crate::emit::quote;

/// Hugo's configuration: only pages and the home page are made (no
/// taxonomies, feeds, section lists or sitemap of its own: accord's
/// sitemap.xml is copied as a static file).
const CONFIG: &str = r#"baseURL = "https://example.org/"
title = "accord bench"
# Hugo adds <meta name="generator"> to the home page unless told not to.
disableHugoGeneratorInject = true
disableKinds = ["taxonomy", "term", "rss", "section", "sitemap", "robotsTXT"]
# HTML content files: Hugo 0.16x refuses text/html content unless allowed.
[security]
allowContent = [".*"]
"#;

/// The layout of every page: accord's page around Hugo's content.
const LAYOUT: &str =
    "{{ .Params.head | safeHTML }}<body>{{ .Content }}</body>{{ .Params.tail | safeHTML }}";

/// What `site_from` wrote: pages and static files.
pub struct Made {
    pub pages: usize,
    pub statics: usize,
}

/// Writes into `site` (emptied first) the Hugo site whose output is the
/// files of `built`, accord's output.
pub fn site_from(built: &Path, site: &Path) -> io::Result<Made> {
    if site.exists() {
        std::fs::remove_dir_all(site)?;
    }
    std::fs::create_dir_all(site.join("layouts/_default"))?;
    std::fs::create_dir_all(site.join("content"))?;
    std::fs::write(site.join("hugo.toml"), CONFIG)?;
    std::fs::write(site.join("layouts/_default/single.html"), LAYOUT)?;
    std::fs::write(site.join("layouts/index.html"), LAYOUT)?;
    let mut made = Made {
        pages: 0,
        statics: 0,
    };
    let files = walkdir::WalkDir::new(built).sort_by_file_name();
    for entry in files {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(built).map_err(io::Error::other)?;
        let rel_str = rel.to_string_lossy().replace('\\', "/");
        if rel_str.ends_with(".html") {
            let text = std::fs::read_to_string(entry.path())?;
            let content = page(&text, &rel_str).ok_or_else(|| {
                io::Error::other(format!("{}: no <body>…</body>", entry.path().display()))
            })?;
            // Flat, numbered names: in Hugo a folder's index.html would make
            // the folder a bundle, its other pages resources.
            let name = if rel_str == "index.html" {
                "_index.html".to_string()
            } else {
                format!("p{:06}.html", made.pages)
            };
            std::fs::write(site.join("content").join(name), content)?;
            made.pages += 1;
        } else {
            let to = site.join("static").join(rel);
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::copy(entry.path(), to)?;
            made.statics += 1;
        }
    }
    Ok(made)
}

/// The content file of the page `html` published at `rel`.
fn page(html: &str, rel: &str) -> Option<String> {
    let open = html.find("<body>")?;
    let close = html.rfind("</body>")?;
    let (head, body, tail) = (&html[..open], &html[open + 6..close], &html[close + 7..]);
    Some(format!(
        "+++\nurl = {}\n[params]\nhead = {}\ntail = {}\n+++\n{body}",
        quote(&format!("/{rel}")),
        quote(head),
        quote(tail)
    ))
}

/// How two built sites compare: files in both with the same bytes, files
/// in both that differ, and files in one only.
pub struct Comparison {
    pub same: usize,
    pub differ: Vec<String>,
    pub only_one: Vec<String>,
}

pub fn compare(a: &Path, b: &Path) -> io::Result<Comparison> {
    let list = |root: &Path| -> io::Result<std::collections::BTreeSet<String>> {
        let mut set = std::collections::BTreeSet::new();
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.map_err(io::Error::other)?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(root).map_err(io::Error::other)?;
                set.insert(rel.to_string_lossy().into_owned());
            }
        }
        Ok(set)
    };
    let (la, lb) = (list(a)?, list(b)?);
    let mut c = Comparison {
        same: 0,
        differ: Vec::new(),
        only_one: la.symmetric_difference(&lb).cloned().collect(),
    };
    for rel in la.intersection(&lb) {
        if std::fs::read(a.join(rel))? == std::fs::read(b.join(rel))? {
            c.same += 1;
        } else {
            c.differ.push(rel.clone());
        }
    }
    Ok(c)
}
