//! The same corpus as a Hugo site: the same pages (home, one side-by-side
//! and two one-language pages per document, the Markdown pages, 404), the
//! same text, and the same links (cross-links, backlinks, edition links,
//! notes), in a minimal layout. Backlinks are computed here, and every
//! content file is HTML (`.html` with TOML front matter: the documents and
//! the home page written by `hugo_html`, the Markdown pages rendered here by
//! pulldown-cmark), so that Hugo only wraps it in the layout, its fastest
//! path: the bench compares with Hugo at its fastest on the same site.
//! Written as Markdown interleaved with the raw HTML of nodes and cells,
//! the site spent almost all of Hugo 0.168's time and memory in goldmark
//! (about 5 s and 800 MB at 1k pages, against about 1 s and 340 MB as HTML).

use crate::emit::{quote, File};
use crate::hugo_html::{document, home};
use crate::synth::Corpus;
use std::fmt::Write;

/// What is shown with a node: a link (outgoing or not), or a note.
#[derive(Clone, Copy)]
pub enum Ref {
    Link(usize, bool),
    Note(usize),
}

/// The three views of a document: side by side, Chinese, English.
const VIEWS: [(Option<&str>, &str); 3] = [
    (None, "index.html"),
    (Some("zh-Hans"), "zh-Hans.html"),
    (Some("en"), "en.html"),
];

pub fn site(c: &Corpus) -> Vec<File> {
    let mut nav = String::from("nav = [");
    for p in &c.pages {
        let _ = write!(
            nav,
            "{{ title = {}, href = \"pages/{}.html\" }}, ",
            quote(&p.title),
            p.slug
        );
    }
    nav.push(']');
    let mut files = vec![
        ("hugo.toml".into(), format!("{CONFIG}\n[params]\n{nav}\n")),
        ("layouts/_default/baseof.html".into(), BASEOF.into()),
        ("layouts/_default/single.html".into(), MAIN.into()),
        ("layouts/index.html".into(), MAIN.into()),
        ("layouts/404.html".into(), NOT_FOUND.into()),
        (
            "content/_index.html".into(),
            front(
                "合作文件 · Cooperation Documents",
                "/index.html",
                "zh-Hans",
                "",
            ) + &home(c),
        ),
    ];
    for p in &c.pages {
        let url = format!("/pages/{}.html", p.slug);
        // Three small pages: rendered here too, so that Hugo has no Markdown
        // at all (pulldown-cmark gives goldmark's HTML for them, byte for byte).
        let mut html = front(&p.title, &url, p.lang, "../");
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&p.markdown));
        files.push((format!("content/pages/{}.html", p.slug), html));
    }
    let mut refs = vec![Vec::new(); c.docs.len()];
    for (d, doc) in c.docs.iter().enumerate() {
        refs[d] = vec![Vec::new(); doc.nodes.len()];
    }
    for (i, l) in c.links.iter().enumerate() {
        refs[l.from.0][l.from.1].push(Ref::Link(i, true));
        refs[l.to.0][l.to.1].push(Ref::Link(i, false));
    }
    for (i, n) in c.notes.iter().enumerate() {
        refs[n.target.0][n.target.1].push(Ref::Note(i));
    }
    for (d, doc) in c.docs.iter().enumerate() {
        for (view, file) in VIEWS {
            let name = view.map_or(String::new(), |v| format!("-{v}"));
            let title = view.map_or(format!("{} · {}", doc.title.zh, doc.title.en), |v| {
                lang_of(&doc.title, v).to_string()
            });
            let url = format!("/documents/{}/{file}", doc.id);
            let mut html = front(&title, &url, view.unwrap_or("zh-Hans"), "../../");
            document(&mut html, c, d, view, file, &refs[d]);
            files.push((format!("content/documents/{}{name}.html", doc.id), html));
        }
    }
    files
}

const CONFIG: &str = r#"baseURL = "https://example.org/"
title = "合作文件（基准测试语料） · Cooperation Documents (benchmark corpus)"
languageCode = "zh-Hans"
disableKinds = ["taxonomy", "term", "rss", "section"]
# HTML content files: Hugo 0.16x refuses text/html content unless allowed.
[security]
allowContent = [".*"]
"#;

const BASEOF: &str = r#"<!DOCTYPE html>
<html lang="{{ .Params.lang | default "zh-Hans" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ .Params.root }}static/style.css">
</head>
<body>
<header class="site"><a href="{{ .Params.root }}index.html">{{ site.Title }}</a>
<nav>{{ range site.Params.nav }}<a href="{{ $.Params.root }}{{ .href }}">{{ .title }}</a> {{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<script src="{{ .Params.root }}static/accord.js"></script>
</body>
</html>
"#;

const MAIN: &str = "{{ define \"main\" }}<article>\n{{ .Content }}\n</article>{{ end }}\n";

const NOT_FOUND: &str = "{{ define \"main\" }}<h1>404</h1><p><a href=\"{{ site.BaseURL }}\">合作文件 · Cooperation Documents</a></p>{{ end }}\n";

fn front(title: &str, url: &str, lang: &str, root: &str) -> String {
    format!(
        "+++\ntitle = {}\nurl = \"{url}\"\n[params]\nlang = \"{lang}\"\nroot = \"{root}\"\n+++\n",
        quote(title)
    )
}

pub fn lang_of<'a>(b: &'a crate::synth::Bi, lang: &str) -> &'a str {
    if lang == "en" {
        &b.en
    } else {
        &b.zh
    }
}
