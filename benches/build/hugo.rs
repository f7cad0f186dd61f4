//! The same corpus as a Hugo site: the same pages (home, one side-by-side
//! and two one-language pages per document, the Markdown pages, 404), the
//! same text, and the same links (cross-links, backlinks, edition links,
//! notes), written as Markdown with the nodes' anchors, rendered by a
//! minimal layout. Backlinks are computed here, so Hugo only renders.

use crate::emit::{quote, File};
use crate::synth::{Corpus, Doc, Node};
use std::fmt::Write;

/// What is shown with a node: a link (outgoing or not), or a note.
#[derive(Clone, Copy)]
enum Ref {
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
            "content/_index.md".into(),
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
        files.push((
            format!("content/pages/{}.md", p.slug),
            front(&p.title, &url, p.lang, "../") + &p.markdown,
        ));
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
            let mut md = front(&title, &url, view.unwrap_or("zh-Hans"), "../../");
            document(&mut md, c, d, view, file, &refs[d]);
            files.push((format!("content/documents/{}{name}.md", doc.id), md));
        }
    }
    files
}

const CONFIG: &str = r#"baseURL = "https://example.org/"
title = "合作文件（基准测试语料） · Cooperation Documents (benchmark corpus)"
languageCode = "zh-Hans"
disableKinds = ["taxonomy", "term", "rss", "section"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser]
autoHeadingID = false
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
        "+++\ntitle = {}\nurl = \"{url}\"\n[params]\nlang = \"{lang}\"\nroot = \"{root}\"\n+++\n\n",
        quote(title)
    )
}

fn lang_of<'a>(b: &'a crate::synth::Bi, lang: &str) -> &'a str {
    if lang == "en" {
        &b.en
    } else {
        &b.zh
    }
}

fn home(c: &Corpus) -> String {
    let mut md = String::new();
    for (kind, caption) in [
        ("action-plan", "共同行动计划 · Joint Action Plans"),
        ("policy-paper", "政策文件 · Policy Papers"),
    ] {
        let _ = writeln!(md, "## {caption}\n");
        for doc in c.docs.iter().filter(|d| d.kind == kind) {
            let _ = writeln!(
                md,
                "- [{}](documents/{}/index.html) · [{}](documents/{}/index.html) · {} · {} · 中文, English · {} nodes",
                doc.title.zh, doc.id, doc.title.en, doc.id, doc.edition, doc.date, doc.nodes.len()
            );
        }
        md.push('\n');
    }
    md
}

/// One view of a document: head, table of contents, then every node with
/// its cells, references and notes.
fn document(
    md: &mut String,
    c: &Corpus,
    d: usize,
    view: Option<&str>,
    file: &str,
    refs: &[Vec<Ref>],
) {
    let doc = &c.docs[d];
    let langs: Vec<&str> = view.map_or(vec!["zh-Hans", "en"], |v| vec![v]);
    let titles: Vec<&str> = langs.iter().map(|l| lang_of(&doc.title, l)).collect();
    let _ = writeln!(
        md,
        "# {}\n\n{} · {}\n",
        titles.join(" · "),
        doc.edition,
        doc.date
    );
    let _ = writeln!(
        md,
        "[中英对照 · Side by side](index.html) · [中文](zh-Hans.html) · [English](en.html)\n"
    );
    let _ = writeln!(md, "## 目录 · Contents\n");
    for n in doc.nodes.iter().filter(|n| n.heading.is_some()) {
        let l = langs[0];
        let _ = writeln!(
            md,
            "{}- [{}](#{}:{})",
            "  ".repeat(n.depth),
            heading_line(n, l),
            doc.id,
            n.id
        );
    }
    md.push('\n');
    for (i, n) in doc.nodes.iter().enumerate() {
        let key = format!("{}:{}", doc.id, n.id);
        let _ = writeln!(
            md,
            "<div class=\"node k-{} d-{}\" id=\"{key}\">",
            n.kind, n.depth
        );
        for &l in &langs {
            let _ = writeln!(md, "<div class=\"cell\" lang=\"{l}\">\n");
            let anchor = format!("[¶](#{key})");
            if n.heading.is_some() {
                let _ = writeln!(
                    md,
                    "{} {} {anchor}\n",
                    "#".repeat(n.depth + 3),
                    heading_line(n, l)
                );
            }
            if let Some(t) = &n.text {
                let label = n
                    .label
                    .as_ref()
                    .map_or(String::new(), |b| format!("**{}** ", lang_of(b, l)));
                let _ = writeln!(md, "{label}{} {anchor}\n", lang_of(t, l));
            }
            if n.heading.is_none() && n.text.is_none() {
                let _ = writeln!(
                    md,
                    "{} {anchor}\n",
                    if l == "en" { "Preamble" } else { "序言" }
                );
            }
            references(md, c, &refs[i], l, file);
            for r in &refs[i] {
                if let Ref::Note(x) = *r {
                    let note = &c.notes[x];
                    let _ = writeln!(md, "> **{}** {}\n", note.kind, lang_of(&note.text, l));
                }
            }
            md.push_str("</div>\n");
        }
        md.push_str("</div>\n\n");
    }
}

fn heading_line(n: &Node, lang: &str) -> String {
    let label = n.label.as_ref().map_or("", |b| lang_of(b, lang));
    let heading = n.heading.as_ref().map_or("", |b| lang_of(b, lang));
    format!("{label} {heading}").trim().to_string()
}

/// The four groups of references of a node, as accord shows them.
fn references(md: &mut String, c: &Corpus, refs: &[Ref], lang: &str, file: &str) {
    let groups = [
        ("continues", true, "continues"),
        ("continued_by", false, "continues"),
        ("related", true, "related"),
        ("referenced_by", false, "related"),
    ];
    for (caption, outgoing, relation) in groups {
        let items: Vec<(usize, bool)> = refs
            .iter()
            .filter_map(|r| match *r {
                Ref::Link(i, out) if out == outgoing && c.links[i].relation == relation => {
                    Some((i, out))
                }
                _ => None,
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(md, "<div class=\"refs {caption}\">\n\n{caption}\n");
        for (i, out) in items {
            let l = &c.links[i];
            let (td, tn) = if out { l.to } else { l.from };
            let (doc, node): (&Doc, &Node) = (&c.docs[td], &c.docs[td].nodes[tn]);
            let text = node
                .heading
                .as_ref()
                .or(node.text.as_ref())
                .map_or("", |b| lang_of(b, lang));
            let short: String = text.chars().take(40).collect();
            let label = node.label.as_ref().map_or("", |b| lang_of(b, lang));
            let _ = writeln!(
                md,
                "- [{} {label} {short}](../{}/{file}#{}:{})",
                lang_of(&doc.title, lang),
                doc.id,
                doc.id,
                node.id
            );
        }
        md.push_str("\n</div>\n\n");
    }
}
