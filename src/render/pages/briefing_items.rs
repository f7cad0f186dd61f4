//! The items of a briefing: citation and permalink, comment, and the node
//! with all its descendants as rows (like a document page's); their
//! cross-links are in [`crate::render::briefing_refs`].

use serde::Serialize;

use super::briefing::{cite_number, lang_for, markdown_in};
use super::briefing_groups::{compare_item, topic_head, CompareItem, TopicHead};
use super::briefing_refs::{refs, RefGroup};
use crate::model::briefing::{Briefing, ItemKind};
use crate::model::NodeRef;
use crate::render::frame::Span;
use crate::render::text::inline_in;
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct ItemView {
    pub anchor: String,
    pub number: usize,
    /// Absolute: base URL, document page, `#`, citation key; in pieces
    /// between which a printed line may break (see [`url_parts`]).
    pub permalink: Vec<String>,
    /// The same place, relative.
    pub href: String,
    /// Shown in one column although the briefing has two: the document
    /// has one of its languages only.
    pub single: bool,
    /// "Document title, number" in each language of the mode.
    pub cites: Vec<Cite>,
    /// Says which language of the mode the document lacks.
    pub lacks: Vec<Span>,
    /// HTML, in each language of the mode; empty without a comment.
    pub comment: Vec<Span>,
    /// The first rows, kept on one page with the citation and comment:
    /// the node, and its first child when the node is a heading only.
    pub lead: Vec<Row>,
    /// The other rows.
    pub rows: Vec<Row>,
    /// The cross-links, in the briefing's first language.
    pub refs: Vec<RefGroup>,
    pub refs_lang: String,
    /// On the first item of a topic's: the topic.
    pub topic: Option<TopicHead>,
    /// A comparison item: its row, shown instead of `lead` and `rows`.
    pub compare: Option<CompareItem>,
}

#[derive(Serialize)]
pub struct Cite {
    pub lang: String,
    pub doc: String,
    /// The language of `doc`: `lang` unless the document has no title in it.
    pub doc_lang: String,
    /// The number, in the language the document has.
    pub label: String,
    pub label_lang: String,
}

/// One node of an item: one cell per language shown.
#[derive(Serialize)]
pub struct Row {
    pub key: String,
    pub kind: &'static str,
    /// Depth below the item's node.
    pub depth: usize,
    /// Heading level: the item is an `h2`, its node's heading an `h3`.
    pub level: usize,
    /// Long enough to be split across pages when printed.
    pub long: bool,
    pub cells: Vec<Cell>,
}

/// Characters of text from which a row may be split across pages.
const LONG: usize = 300;

#[derive(Serialize)]
pub struct Cell {
    pub lang: String,
    pub label: String,
    pub heading: String,
    pub text: String,
    pub notes: Vec<super::nodes::NoteView>,
}

/// The id of item `i` (0-based) on the page.
pub fn anchor(i: usize) -> String {
    format!("item-{}", i + 1)
}

pub fn items(cx: &Ctx, b: &Briefing, path: &str) -> Vec<ItemView> {
    (0..b.items.len()).map(|i| item(cx, b, path, i)).collect()
}

/// The languages item `i` is shown in: the briefing's that its document
/// has, else the document's first.
fn shown(cx: &Ctx, b: &Briefing, i: usize) -> Vec<String> {
    let doc = &cx.site.documents[b.items[i].node.doc];
    let langs: Vec<String> = b
        .languages
        .iter()
        .filter(|l| doc.languages.contains(l))
        .cloned()
        .collect();
    if langs.is_empty() {
        vec![doc.languages[0].clone()]
    } else {
        langs
    }
}

fn item(cx: &Ctx, b: &Briefing, path: &str, i: usize) -> ItemView {
    let site = cx.site;
    let item = &b.items[i];
    let doc = &site.documents[item.node.doc];
    let key = site.key(item.node);
    let page = urls::document(&doc.id, None);
    let shown = shown(cx, b, i);
    let lacks = b
        .languages
        .iter()
        .filter(|l| !doc.languages.contains(l))
        .flat_map(|want| {
            b.languages.iter().map(|l| Span {
                lang: l.clone(),
                text: cx
                    .ui(l, "no_text_in")
                    .replace("{want}", &cx.language_name_in(want, l))
                    .replace("{have}", &cx.language_name_in(&shown[0], l)),
            })
        })
        .collect();
    let mut lead: Vec<Row> = doc
        .subtree(item.node.node)
        .map(|n| {
            let r = NodeRef {
                doc: item.node.doc,
                node: n,
            };
            row(cx, r, item.node.node, &shown)
        })
        .collect();
    // The citation stays on one page with the node's first row, and with
    // the row after a heading unless that one is long.
    let heading_only = lead[0].cells.iter().all(|c| c.text.is_empty());
    let keep = match lead.get(1) {
        Some(next) if heading_only && !next.long => 2,
        _ => 1,
    };
    let mut rows = lead.split_off(keep);
    let compare = match item.kind {
        ItemKind::Compare => compare_item(cx, b, path, item.node),
        _ => None,
    };
    if compare.is_some() {
        lead.clear();
        rows.clear();
    }
    ItemView {
        topic: topic_head(cx, b, path, i),
        compare,
        anchor: anchor(i),
        number: i + 1,
        permalink: url_parts(&format!("{}#{key}", urls::abs(cx.base_url, &page))),
        href: format!("{}#{key}", urls::rel(path, &page)),
        single: shown.len() < b.languages.len(),
        cites: b
            .languages
            .iter()
            .map(|l| {
                let label_lang = lang_for(doc, l);
                Cite {
                    lang: l.clone(),
                    doc: doc.title.text_in(l).to_string(),
                    // A document without a title in `l` is cited there by
                    // its title in its own language, marked as such.
                    doc_lang: if doc.title.contains_key(l) {
                        l.clone()
                    } else {
                        lang_for(doc, l)
                    },
                    label: cite_number(doc, item.node.node, &label_lang),
                    label_lang,
                }
            })
            .collect(),
        lacks,
        comment: b
            .languages
            .iter()
            .filter_map(|l| {
                item.comment.get(l).map(|c| Span {
                    lang: l.clone(),
                    text: markdown_in(cx, c, l),
                })
            })
            .collect(),
        lead,
        rows,
        refs: refs(cx, b, path, item.node, &b.languages[0]),
        refs_lang: b.languages[0].clone(),
    }
}

/// A URL cut where a printed line may break: after a `/` (not inside
/// `//`), before the `#`, after the `:` of the citation key. Never at a
/// hyphen, which a reader would take for a hyphenation.
pub fn url_parts(url: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut fragment = false;
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '#' {
            if !part.is_empty() {
                parts.push(std::mem::take(&mut part));
            }
            fragment = true;
        }
        part.push(c);
        let next = chars.peek().copied();
        if (c == '/' && next != Some('/') && !fragment) || (c == ':' && fragment) {
            parts.push(std::mem::take(&mut part));
        }
    }
    if !part.is_empty() {
        parts.push(part);
    }
    parts
}

fn row(cx: &Ctx, r: NodeRef, root: usize, shown: &[String]) -> Row {
    let site = cx.site;
    let doc = &site.documents[r.doc];
    let node = &doc.nodes[r.node];
    let depth = node.depth - doc.nodes[root].depth;
    Row {
        key: site.key(r),
        kind: node.kind.as_str(),
        depth,
        level: (3 + depth).min(6),
        long: shown
            .iter()
            .any(|l| node.text.get(l).is_some_and(|t| t.chars().count() > LONG)),
        cells: shown
            .iter()
            .map(|l| Cell {
                lang: l.clone(),
                label: node.label.get(l).cloned().unwrap_or_default(),
                heading: node
                    .heading
                    .get(l)
                    .map(|h| inline_in(h, l, cx.zh))
                    .unwrap_or_default(),
                text: node
                    .text
                    .get(l)
                    .map(|t| inline_in(t, l, cx.zh))
                    .unwrap_or_default(),
                notes: super::nodes::notes(cx, r, l),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_break_after_slashes_and_before_the_fragment_only() {
        assert_eq!(
            super::url_parts("https://x.org/a-b/#a-b:c_1__d_2"),
            ["https://", "x.org/", "a-b/", "#a-b:", "c_1__d_2"]
        );
    }
}
