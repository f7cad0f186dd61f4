//! The content of the Hugo site as HTML: the home page's list and the three
//! views of each document, line for line as goldmark rendered the Markdown
//! the bench wrote before (headings, paragraphs, nested lists, links,
//! `<strong>`, `<blockquote>`, the `<div>`s of nodes, cells and references),
//! text escaped as accord escapes it. One difference: an apostrophe stays
//! `'` (`&#39;`), as in the corpus and accord's pages, where goldmark's
//! typographer made it `&rsquo;`.

use std::fmt::Write;

use accord::render::escape::esc;

use crate::hugo::{lang_of, Ref};
use crate::synth::{Corpus, Doc, Node};

/// `<a href="href">text</a>`, both escaped.
fn link(out: &mut String, href: &str, text: &str) {
    out.push_str("<a href=\"");
    esc(out, href);
    out.push_str("\">");
    esc(out, text);
    out.push_str("</a>");
}

/// The home page: per kind of document, a heading and a list of documents.
pub fn home(c: &Corpus) -> String {
    let mut h = String::new();
    for (kind, caption) in [
        ("action-plan", "共同行动计划 · Joint Action Plans"),
        ("policy-paper", "政策文件 · Policy Papers"),
    ] {
        h.push_str("<h2>");
        esc(&mut h, caption);
        h.push_str("</h2>\n<ul>\n");
        for doc in c.docs.iter().filter(|d| d.kind == kind) {
            let href = format!("documents/{}/index.html", doc.id);
            h.push_str("<li>");
            link(&mut h, &href, &doc.title.zh);
            h.push_str(" · ");
            link(&mut h, &href, &doc.title.en);
            let rest = format!(
                " · {} · {} · 中文, English · {} nodes",
                doc.edition,
                doc.date,
                doc.nodes.len()
            );
            esc(&mut h, &rest);
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h
}

/// One view of a document: head, table of contents, then every node with
/// its cells, references and notes.
pub fn document(
    h: &mut String,
    c: &Corpus,
    d: usize,
    view: Option<&str>,
    file: &str,
    refs: &[Vec<Ref>],
) {
    let doc = &c.docs[d];
    let langs: Vec<&str> = view.map_or(vec!["zh-Hans", "en"], |v| vec![v]);
    let titles: Vec<&str> = langs.iter().map(|l| lang_of(&doc.title, l)).collect();
    h.push_str("<h1>");
    esc(h, &titles.join(" · "));
    h.push_str("</h1>\n<p>");
    esc(h, &format!("{} · {}", doc.edition, doc.date));
    h.push_str("</p>\n<p>");
    link(h, "index.html", "中英对照 · Side by side");
    h.push_str(" · ");
    link(h, "zh-Hans.html", "中文");
    h.push_str(" · ");
    link(h, "en.html", "English");
    h.push_str("</p>\n<h2>目录 · Contents</h2>\n");
    contents(h, doc, langs[0]);
    for (i, n) in doc.nodes.iter().enumerate() {
        let key = format!("{}:{}", doc.id, n.id);
        let anchor = format!("#{key}");
        h.push_str("<div class=\"node k-");
        esc(h, n.kind);
        let _ = write!(h, " d-{}\" id=\"", n.depth);
        esc(h, &key);
        h.push_str("\">\n");
        for &l in &langs {
            h.push_str("<div class=\"cell\" lang=\"");
            esc(h, l);
            h.push_str("\">\n");
            if n.heading.is_some() {
                let _ = write!(h, "<h{}>", n.depth + 3);
                esc(h, &heading_line(n, l));
                pilcrow(h, &anchor);
                let _ = writeln!(h, "</h{}>", n.depth + 3);
            }
            if let Some(t) = &n.text {
                h.push_str("<p>");
                if let Some(label) = &n.label {
                    strong(h, lang_of(label, l));
                    h.push(' ');
                }
                esc(h, lang_of(t, l));
                pilcrow(h, &anchor);
                h.push_str("</p>\n");
            }
            if n.heading.is_none() && n.text.is_none() {
                let preamble = if l == "en" { "Preamble" } else { "序言" };
                let _ = write!(h, "<p>{preamble}");
                pilcrow(h, &anchor);
                h.push_str("</p>\n");
            }
            references(h, c, &refs[i], l, file);
            for r in &refs[i] {
                if let Ref::Note(x) = *r {
                    let note = &c.notes[x];
                    h.push_str("<blockquote>\n<p>");
                    strong(h, note.kind);
                    h.push(' ');
                    esc(h, lang_of(&note.text, l));
                    h.push_str("</p>\n</blockquote>\n");
                }
            }
            h.push_str("</div>\n");
        }
        h.push_str("</div>\n");
    }
}

/// ` <a href="#node">¶</a>`: the node's anchor after its line.
fn pilcrow(h: &mut String, anchor: &str) {
    h.push(' ');
    link(h, anchor, "¶");
}

fn strong(h: &mut String, text: &str) {
    h.push_str("<strong>");
    esc(h, text);
    h.push_str("</strong>");
}

/// The table of contents: the headed nodes as nested lists, one level per
/// depth (never more than one level below the node before, as in the
/// Markdown list it replaces).
fn contents(h: &mut String, doc: &Doc, lang: &str) {
    let mut open = 0;
    for n in doc.nodes.iter().filter(|n| n.heading.is_some()) {
        let level = (n.depth + 1).min(open + 1);
        if level > open {
            h.push_str(if open == 0 { "<ul>\n" } else { "\n<ul>\n" });
        } else {
            h.push_str("</li>\n");
            h.push_str(&"</ul>\n</li>\n".repeat(open - level));
        }
        open = level;
        h.push_str("<li>");
        link(h, &format!("#{}:{}", doc.id, n.id), &heading_line(n, lang));
    }
    if open > 0 {
        h.push_str("</li>\n");
        h.push_str(&"</ul>\n</li>\n".repeat(open - 1));
        h.push_str("</ul>\n");
    }
}

fn heading_line(n: &Node, lang: &str) -> String {
    let label = n.label.as_ref().map_or("", |b| lang_of(b, lang));
    let heading = n.heading.as_ref().map_or("", |b| lang_of(b, lang));
    format!("{label} {heading}").trim().to_string()
}

/// The four groups of references of a node, as accord shows them.
fn references(h: &mut String, c: &Corpus, refs: &[Ref], lang: &str, file: &str) {
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
        let _ = write!(
            h,
            "<div class=\"refs {caption}\">\n<p>{caption}</p>\n<ul>\n"
        );
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
            let href = format!("../{}/{file}#{}:{}", doc.id, doc.id, node.id);
            let text = format!("{} {label} {short}", lang_of(&doc.title, lang));
            h.push_str("<li>");
            link(h, &href, &text);
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n</div>\n");
    }
}
