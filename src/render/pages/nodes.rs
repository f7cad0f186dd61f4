//! The nodes of a document as small views for the templates: one
//! [`NodeView`] per node with a [`CellView`] per language of the document,
//! made once and shared by its pages (the parallel view shows every cell,
//! a one-language view the cells of its language), rendered by
//! `templates/node.html`; and the table of contents' entries
//! (src/render/pages/contents.rs). A node's cross-links are the node's, not a cell's:
//! one set per page it is shown on ([`NodeView::refs`], `refs_in`), each
//! link titled in the languages of that page. Text fields are plain text, escaped by the templates;
//! `heading`, `text` and notes are the HTML of the content's inline
//! Markdown.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{NodeKind, NodeRef, Relation};
use crate::render::locator::Locators;
use crate::render::text::{cite_label, inline_in, lead, plain};
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct NodeView<'a> {
    /// The citation key, also the node's anchor.
    pub key: String,
    /// Its id in the document.
    pub id: &'a str,
    pub kind: &'static str,
    pub depth: usize,
    /// The heading level of its heading (`h2` for depth 0, at most `h6`).
    pub level: usize,
    /// A node with no label, heading or text in any language.
    pub empty: bool,
    pub cells: Vec<CellView>,
    /// Its cross-links as the parallel view (or the only page of a
    /// one-language document) shows them: each link titled in every
    /// language of the document.
    pub refs: Vec<RefGroup>,
    /// Its cross-links as the view of each language shows them.
    pub refs_in: BTreeMap<String, Vec<RefGroup>>,
    /// The last node of the document's top-level section of this index
    /// (src/render/pages/contents.rs): the section's links follow it.
    pub ends_section: Option<usize>,
    /// On a clause, its topics: those naming it or a node it is in, in
    /// `topics.toml` (topics.rs); none on a site without topics, and then
    /// not serialised.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<super::topics::TopicTag>,
}

/// A node in one language.
#[derive(Serialize)]
pub struct CellView {
    pub lang: String,
    pub label: String,
    /// HTML.
    pub heading: String,
    /// HTML.
    pub text: String,
    /// The node's number as its label reads (`Article 2.3`), which titles
    /// its search result.
    pub number: String,
    /// The node's locator in the cell's language (`第一条第一项`,
    /// `art. 1.1`), from which the Cite button composes its citation
    /// (src/render/cite.rs, `Forms`).
    pub loc: String,
    /// What names the node in search results: its number as cited, or for
    /// an unnumbered paragraph its section's and its place in it
    /// (`Preamble, para. 2`, `序言 第2段`). Never an id.
    pub search_label: String,
    /// What names a container with no label, heading or text of its own:
    /// its kind, in the cell's language.
    pub caption: Option<String>,
    pub notes: Vec<NoteView>,
}

/// The cross-links of one relation and direction.
#[derive(Serialize)]
pub struct RefGroup {
    /// The key of its caption in the interface strings, also its class.
    pub caption: &'static str,
    pub items: Vec<RefView>,
}

/// A cross-link as one page shows it: the parallel view's links lead to
/// the parallel views of their targets, a one-language view's to the
/// targets' pages in its language where they have one.
#[derive(Serialize)]
pub struct RefView {
    pub href: String,
    pub key: String,
    /// The target named in each language of the page, or for a language
    /// its document lacks, in its first language (once).
    pub titles: Vec<RefTitle>,
}

/// A cross-link's target named in one language.
#[derive(Serialize)]
pub struct RefTitle {
    pub lang: String,
    /// The target's document, short.
    pub doc: String,
    pub label: String,
    /// Its heading whole, or for a node without one, its text's first
    /// sentence or first words (never cut inside a word).
    pub heading: String,
}

#[derive(Serialize)]
pub struct NoteView {
    pub lang: String,
    /// HTML.
    pub text: String,
}

/// The groups of cross-links shown with a node, in order: what it
/// continues, what continues it, what it relates to, what refers to it.
/// `true`: the node's own links (to their targets), else the links to it.
pub const LINK_GROUPS: [(&str, bool, Relation); 4] = [
    ("continues", true, Relation::Continues),
    ("continued_by", false, Relation::Continues),
    ("related", true, Relation::Related),
    ("referenced_by", false, Relation::Related),
];

/// The nodes at the other end of node `here`'s links of one group.
pub fn linked(cx: &Ctx, here: NodeRef, outgoing: bool, relation: Relation) -> Vec<NodeRef> {
    let site = cx.site;
    let attached = site.attached(here);
    let list = if outgoing {
        &attached.links_out
    } else {
        &attached.links_in
    };
    list.iter()
        .map(|&l| &site.links[l])
        .filter(|l| l.relation == relation)
        .map(|l| if outgoing { l.to } else { l.from })
        .collect()
}

/// The nodes of document `d`, one cell per language of the document.
pub fn nodes<'a>(cx: &Ctx<'a>, d: usize) -> Vec<NodeView<'a>> {
    let doc = &cx.site.documents[d];
    let ends = super::contents::section_ends(doc);
    let locators: Vec<Locators> = doc
        .languages
        .iter()
        .map(|l| Locators::new(cx, doc, l))
        .collect();
    let mut tags = super::topics::tags(cx, d).into_iter().peekable();
    (0..doc.nodes.len())
        .map(|i| {
            let here = NodeRef { doc: d, node: i };
            let node = &doc.nodes[i];
            NodeView {
                key: cx.site.key(here),
                id: &node.id,
                kind: node.kind.as_str(),
                depth: node.depth,
                level: (node.depth + 2).min(6),
                empty: node.heading.is_empty() && node.text.is_empty() && node.label.is_empty(),
                cells: doc
                    .languages
                    .iter()
                    .zip(&locators)
                    .map(|(l, loc)| cell(cx, here, l, loc))
                    .collect(),
                refs: refs(cx, here, &doc.languages, None),
                refs_in: if doc.languages.len() > 1 {
                    doc.languages
                        .iter()
                        .map(|l| {
                            let view = Some(l.as_str());
                            (l.clone(), refs(cx, here, std::slice::from_ref(l), view))
                        })
                        .collect()
                } else {
                    BTreeMap::new()
                },
                ends_section: ends.iter().position(|&(_, end)| end == i),
                topics: tags
                    .next_if(|(n, _)| *n == i)
                    .map(|(_, t)| t)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn cell(cx: &Ctx, here: NodeRef, lang: &str, locators: &Locators) -> CellView {
    let site = cx.site;
    let doc = &site.documents[here.doc];
    let node = &doc.nodes[here.node];
    let html = |m: &crate::source::raw::LangMap| {
        m.get(lang)
            .map_or_else(String::new, |t| inline_in(t, lang, cx.zh))
    };
    let label = node.label.get(lang).cloned().unwrap_or_default();
    let (heading, text) = (html(&node.heading), html(&node.text));
    let caption = (label.is_empty() && heading.is_empty() && text.is_empty()).then(|| {
        let kind = node.kind.as_str();
        let key = format!("node_{kind}");
        let caption = cx.ui(lang, &key);
        if caption == key {
            kind.to_string()
        } else {
            caption
        }
    });
    CellView {
        lang: lang.to_string(),
        label,
        heading,
        text,
        number: cite_label(doc, here.node, lang),
        loc: locators.of(here.node),
        search_label: search_label(cx, doc, here.node, lang),
        caption,
        notes: notes(cx, here, lang),
    }
}

/// Whether node `i` is numbered (or named) in `lang` on its own: its
/// citation ends with its own label, not a number taken from its id.
fn numbered(node: &crate::model::Node, lang: &str) -> bool {
    node.label.get(lang).is_some_and(|l| !l.trim().is_empty())
        || (matches!(node.kind, NodeKind::Annex | NodeKind::Preface)
            && node.heading.get(lang).is_some())
}

/// How search results name node `i` of `doc` in `lang`: its number as
/// cited when it has one (`第二条 三、（三）`, `Article 2.3(3)`); else its
/// section's name and its place among the section's paragraphs
/// (`Preamble, para. 2`, `序言 第2段`).
pub fn search_label(cx: &Ctx, doc: &crate::model::Document, i: usize, lang: &str) -> String {
    let node = &doc.nodes[i];
    if numbered(node, lang) {
        return cite_label(doc, i, lang);
    }
    let siblings = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.parent == node.parent && n.depth == node.depth);
    // The number in its id (`p_2`), else its place among its siblings.
    let n = node
        .id
        .rsplit("__")
        .next()
        .and_then(|last| last.rsplit_once('_'))
        .and_then(|(_, n)| n.parse::<usize>().ok())
        .unwrap_or_else(|| siblings.take_while(|(j, _)| *j <= i).count());
    let para = cx.ui(lang, "search_para").replace("{n}", &n.to_string());
    let section = node.parent.map(|p| {
        let parent = &doc.nodes[p];
        let caption = cx
            .ui_opt(lang, &format!("node_{}", parent.kind.as_str()))
            .unwrap_or_default();
        if numbered(parent, lang) || caption.is_empty() {
            match parent.heading.get(lang) {
                Some(h) if !numbered(parent, lang) => plain(h),
                _ => cite_label(doc, p, lang),
            }
        } else {
            caption
        }
    });
    match section {
        Some(s) if !s.trim().is_empty() => cx
            .ui(lang, "search_para_in")
            .replace("{section}", &s)
            .replace("{para}", &para),
        _ => para,
    }
}

/// The editorial notes of node `r`, each in `lang` or, lacking it, in the
/// first language it has.
pub fn notes(cx: &Ctx, r: NodeRef, lang: &str) -> Vec<NoteView> {
    let site = cx.site;
    site.attached(r)
        .notes
        .iter()
        .map(|&n| {
            let note = &site.notes[n].text;
            let l = super::document::pick(note, lang);
            NoteView {
                text: inline_in(&note[&l], &l, cx.zh),
                lang: l,
            }
        })
        .collect()
}

/// The cross-links of node `here` on the page of `view` (`None`: the
/// parallel view), titled in `langs`, the languages of that page.
fn refs(cx: &Ctx, here: NodeRef, langs: &[String], view: Option<&str>) -> Vec<RefGroup> {
    LINK_GROUPS
        .iter()
        .filter_map(|&(caption, outgoing, relation)| {
            let items: Vec<RefView> = linked(cx, here, outgoing, relation)
                .into_iter()
                .map(|target| ref_view(cx, here, target, langs, view))
                .collect();
            (!items.is_empty()).then_some(RefGroup { caption, items })
        })
        .collect()
}

/// The longest a target without a heading is named by its text.
const LEAD_CHARS: usize = 160;

/// A cross-link to `target` from the page of `view`, in `langs`.
fn ref_view(
    cx: &Ctx,
    here: NodeRef,
    target: NodeRef,
    langs: &[String],
    view: Option<&str>,
) -> RefView {
    let site = cx.site;
    let doc = &site.documents[target.doc];
    let node = &doc.nodes[target.node];
    let key = site.key(target);
    // Every page of a document is at the same depth.
    let from = urls::document(&site.documents[here.doc].id, None);
    let href = format!("{}#{key}", urls::rel(&from, &urls::document_for(doc, view)));
    let mut shown: Vec<&String> = Vec::new();
    for lang in langs {
        let l = doc
            .languages
            .iter()
            .find(|x| *x == lang)
            .unwrap_or(&doc.languages[0]);
        if !shown.contains(&l) {
            shown.push(l);
        }
    }
    RefView {
        href,
        key,
        titles: shown
            .into_iter()
            .map(|l| RefTitle {
                lang: l.clone(),
                doc: super::briefing::doc_short(cx, doc, l).into_owned(),
                label: cite_label(doc, target.node, l),
                heading: node
                    .heading
                    .get(l)
                    .map(|h| plain(h))
                    .or_else(|| node.text.get(l).map(|t| lead(t, LEAD_CHARS)))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}
