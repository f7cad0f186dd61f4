//! How a document page is found one's way in: its table of contents
//! ([`toc`]) and, at the end of each of its top-level sections (article,
//! chapter, part…), links to the previous and the next one and back to the
//! contents ([`sections`], `templates/section_nav.html`). On the parallel
//! page both name each entry in every language of the document, each
//! shown in the interface languages that show it (the interface's own,
//! else the document's first); on a one-language view, in its language.

use serde::Serialize;

use crate::model::{Document, NodeRef};
use crate::render::interface::by_ui;
use crate::render::text::inline_in;
use crate::render::Ctx;

#[derive(Serialize)]
pub struct TocEntry {
    pub key: String,
    pub depth: usize,
    pub titles: Vec<Title>,
}

/// A node named in one language, for the contents or a section's links.
#[derive(Serialize)]
pub struct Title {
    pub lang: String,
    pub label: String,
    /// HTML.
    pub heading: String,
    /// What names a node without label or heading: its kind (`序言`,
    /// `Preamble`).
    pub caption: String,
    /// The interface languages it is shown in; empty: all (marked as
    /// templates/interface.html says).
    pub uis: String,
}

/// The links at the end of a top-level section.
#[derive(Serialize)]
pub struct SectionNav {
    pub prev: Option<SectionLink>,
    pub next: Option<SectionLink>,
}

#[derive(Serialize)]
pub struct SectionLink {
    pub key: String,
    pub titles: Vec<Title>,
}

/// The languages a page names nodes in, for each interface language:
/// on a one-language `view` its language; else the interface language
/// if the document has it, else the document's first.
fn name_lang<'a>(doc: &'a Document, view: Option<&'a str>, ui: &'a str) -> &'a str {
    match view {
        Some(v) => v,
        None if doc.languages.iter().any(|l| l == ui) => ui,
        None => &doc.languages[0],
    }
}

/// Node `i` of `doc` named in the language chosen for each interface
/// language: its label and heading where it has them (a heading it lacks
/// in that language is taken from its first), else its kind.
fn titles(cx: &Ctx, doc: &Document, i: usize, view: Option<&str>) -> Vec<Title> {
    let node = &doc.nodes[i];
    let lang = |ui: &str| {
        let want = name_lang(doc, view, ui);
        if node.heading.is_empty() {
            want.to_string()
        } else {
            super::document::pick(&node.heading, want)
        }
    };
    by_ui(&cx.uis, lang)
        .into_iter()
        .map(|(l, uis)| {
            let heading = node
                .heading
                .get(&l)
                .map_or_else(String::new, |h| inline_in(h, &l, cx.zh));
            let label = node.label.get(&l).cloned().unwrap_or_default();
            let caption = if heading.is_empty() && label.is_empty() {
                cx.ui(&l, &format!("node_{}", node.kind.as_str()))
            } else {
                String::new()
            };
            Title {
                lang: l,
                label,
                heading,
                caption,
                uis,
            }
        })
        .collect()
}

/// The table of contents of document `d` on its page of `view`: its
/// nodes with a heading.
pub fn toc(cx: &Ctx, d: usize, view: Option<&str>) -> Vec<TocEntry> {
    let doc = &cx.site.documents[d];
    doc.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.heading.is_empty())
        .map(|(i, n)| TocEntry {
            key: cx.site.key(NodeRef { doc: d, node: i }),
            depth: n.depth,
            titles: titles(cx, doc, i, view),
        })
        .collect()
}

/// The top-level sections of `doc`: the nodes at depth 0 that have a
/// heading, a label or nodes below them, each with the index of its last
/// node (itself, or its last node below). None when there are fewer than
/// two: a document of one section, or of paragraphs only, has no links.
pub fn section_ends(doc: &Document) -> Vec<(usize, usize)> {
    let tops: Vec<usize> = (0..doc.nodes.len())
        .filter(|&i| doc.nodes[i].depth == 0)
        .collect();
    let sections: Vec<(usize, usize)> = tops
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = tops.get(k + 1).map_or(doc.nodes.len(), |&n| n) - 1;
            (i, end)
        })
        .filter(|&(i, end)| {
            let n = &doc.nodes[i];
            end > i || !n.heading.is_empty() || !n.label.is_empty()
        })
        .collect();
    if sections.len() < 2 {
        return Vec::new();
    }
    sections
}

/// The links at the end of each section of document `d` on its page of
/// `view`, in the order of [`section_ends`].
pub fn sections(cx: &Ctx, d: usize, view: Option<&str>) -> Vec<SectionNav> {
    let doc = &cx.site.documents[d];
    let sections = section_ends(doc);
    let link = |k: usize| {
        let i = sections[k].0;
        SectionLink {
            key: cx.site.key(NodeRef { doc: d, node: i }),
            titles: titles(cx, doc, i, view),
        }
    };
    (0..sections.len())
        .map(|k| SectionNav {
            prev: k.checked_sub(1).map(link),
            next: (k + 1 < sections.len()).then(|| link(k + 1)),
        })
        .collect()
}
