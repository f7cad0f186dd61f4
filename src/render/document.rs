//! The views of a document page: parallel columns or one language, with
//! table of contents, permalinks, citations, cross-links and notes.

use serde::Serialize;

use super::frame::{Frame, NavLink, Span};
use super::text::{cite_label, inline_in, snippet};
use super::{urls, Ctx};
use crate::content::model::{Document, NodeRef, Relation};

#[derive(Serialize)]
pub struct DocPage {
    pub frame: Frame,
    pub titles: Vec<Span>,
    pub meta: Vec<Span>,
    pub views: Vec<ViewLink>,
    pub columns: Vec<Span>,
    pub one_language_note: Option<Span>,
    pub toc: Vec<TocItem>,
    pub nodes: Vec<Row>,
    pub data_href: String,
    pub print_css: String,
    /// The briefings that cite this document.
    pub briefings: Vec<NavLink>,
}

#[derive(Serialize)]
pub struct ViewLink {
    pub label: String,
    pub lang: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct TocItem {
    pub key: String,
    pub depth: usize,
    pub lang: String,
    pub label: String,
    pub heading: String,
}

/// One node: a row of one cell per column, all beginning on one line.
#[derive(Serialize)]
pub struct Row {
    pub key: String,
    /// A container with nothing of its own to show (a preamble's wrapper).
    pub empty: bool,
    pub depth: usize,
    pub kind: &'static str,
    pub level: usize,
    pub cells: Vec<Cell>,
}

#[derive(Serialize)]
pub struct Cell {
    pub lang: String,
    pub label: String,
    pub heading: String,
    pub text: String,
    pub cite: String,
    pub refs: Vec<RefGroup>,
    pub notes: Vec<NoteView>,
    /// Interface strings of the cell's language (looked up here, not in
    /// the template: per-cell lookups there dominate rendering time).
    pub t: CellStrings,
}

/// An editorial note, in its own language (the cell's where it has it).
#[derive(Serialize)]
pub struct NoteView {
    pub lang: String,
    /// "Editorial note" in the note's language.
    pub label: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct CellStrings {
    pub permalink: String,
    pub cite: String,
    pub copied: String,
    /// Names a container with nothing of its own to show (`Preamble`).
    pub caption: String,
}

#[derive(Serialize)]
pub struct RefGroup {
    /// Key of the group's caption in the UI strings (also its CSS class).
    pub caption: &'static str,
    /// The caption in the cell's language.
    pub title: String,
    pub items: Vec<RefItem>,
}

#[derive(Serialize)]
pub struct RefItem {
    pub href: String,
    pub key: String,
    pub lang: String,
    pub doc: String,
    pub label: String,
    pub heading: String,
}

/// The page of document `d` in `view` (`None`: parallel or only view).
pub fn page(cx: &Ctx, d: usize, view: Option<&str>) -> DocPage {
    let site = cx.site;
    let doc = &site.documents[d];
    let path = urls::document(&doc.id, view);
    let columns: Vec<String> = match view {
        Some(l) => vec![l.to_string()],
        None => doc.languages.clone(),
    };
    let page_lang = columns[0].clone();
    let title = doc.title.get(&page_lang).cloned().unwrap_or_default();
    let mut frame = cx.frame(&path, &page_lang, &title);
    if doc.languages.len() > 1 {
        frame.alternates =
            std::iter::once(("x-default".to_string(), urls::document(&doc.id, None)))
                .chain(
                    doc.languages
                        .iter()
                        .map(|l| (l.clone(), urls::document(&doc.id, Some(l)))),
                )
                .map(|(lang, p)| Span {
                    lang,
                    text: urls::abs(&site.base_url, &p),
                })
                .collect();
    }
    let views = if doc.languages.len() > 1 {
        std::iter::once(None)
            .chain(doc.languages.iter().map(|l| Some(l.as_str())))
            .map(|v| ViewLink {
                label: match v {
                    None => cx.ui(&page_lang, "parallel"),
                    Some(l) => cx.language_name(l),
                },
                lang: v.map_or(page_lang.clone(), str::to_string),
                href: urls::rel(&path, &urls::document(&doc.id, v)),
                current: v == view,
            })
            .collect()
    } else {
        Vec::new()
    };
    let one_language_note = (doc.languages.len() == 1 && site.languages.len() > 1).then(|| Span {
        lang: page_lang.clone(),
        text: cx.ui(&page_lang, "one_language"),
    });
    let toc = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.heading.is_empty())
        .map(|(i, n)| {
            let lang = pick(&n.heading, &page_lang);
            TocItem {
                key: site.key(NodeRef { doc: d, node: i }),
                depth: n.depth,
                label: n.label.get(&lang).cloned().unwrap_or_default(),
                heading: n
                    .heading
                    .get(&lang)
                    .map(|h| inline_in(h, &lang, cx.zh))
                    .unwrap_or_default(),
                lang,
            }
        })
        .collect();
    let nodes = (0..doc.nodes.len())
        .map(|i| row(cx, &path, view, d, i, &columns))
        .collect();
    let mut meta = Vec::new();
    if let Some(e) = &doc.edition {
        meta.push(Span {
            lang: page_lang.clone(),
            text: e.clone(),
        });
    }
    if let Some(date) = &doc.date {
        meta.push(Span {
            lang: page_lang.clone(),
            text: date.clone(),
        });
    }
    DocPage {
        titles: columns
            .iter()
            .filter_map(|l| {
                doc.title.get(l).map(|t| Span {
                    lang: l.clone(),
                    text: t.clone(),
                })
            })
            .collect(),
        meta,
        views,
        columns: columns
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: cx.language_name(l),
            })
            .collect(),
        one_language_note,
        toc,
        nodes,
        data_href: urls::rel(&path, &urls::data(&doc.id)),
        print_css: urls::rel(&path, &print_css_path(&doc.id, view)),
        briefings: site
            .briefings
            .iter()
            .filter(|b| b.cites(d))
            .map(|b| NavLink {
                href: urls::rel(&path, &super::briefing::path(&b.id)),
                text: b.title.get(&page_lang).cloned().unwrap_or_default(),
                lang: page_lang.clone(),
            })
            .collect(),
        frame,
    }
}

/// The print stylesheet of a document view (its title in the page margin boxes).
pub fn print_css_path(doc: &str, view: Option<&str>) -> String {
    match view {
        None => format!("documents/{doc}/print.css"),
        Some(lang) => format!("documents/{doc}/print.{lang}.css"),
    }
}

/// `@page` margin boxes with the document's title; the title is a CSS string.
pub fn print_css(doc: &Document, lang: &str) -> String {
    let title = doc
        .title
        .get(lang)
        .or_else(|| doc.title.values().next())
        .cloned()
        .unwrap_or_default();
    margin_title_css(&title)
}

/// `@page` margin boxes with `title`, escaped as a CSS string.
pub fn margin_title_css(title: &str) -> String {
    let escaped: String = title
        .chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect();
    format!("@page {{\n  @top-center {{ content: \"{escaped}\"; }}\n}}\n")
}

/// The language to show of a map: `want` if there, else the first.
fn pick(map: &crate::content::raw::LangMap, want: &str) -> String {
    if map.contains_key(want) {
        want.to_string()
    } else {
        map.keys()
            .next()
            .cloned()
            .unwrap_or_else(|| want.to_string())
    }
}

fn row(cx: &Ctx, path: &str, view: Option<&str>, d: usize, i: usize, columns: &[String]) -> Row {
    let site = cx.site;
    let doc = &site.documents[d];
    let node = &doc.nodes[i];
    let here = NodeRef { doc: d, node: i };
    let key = site.key(here);
    let cells = columns
        .iter()
        .map(|lang| {
            let url = urls::abs(&site.base_url, &urls::document_for(doc, view));
            let title = doc
                .title
                .get(lang)
                .or_else(|| doc.title.values().next())
                .cloned()
                .unwrap_or_default();
            let number = cite_label(doc, i, lang);
            let cite = if number.is_empty() {
                format!("{title}, {url}#{key}")
            } else {
                format!("{title}, {number}, {url}#{key}")
            };
            Cell {
                lang: lang.clone(),
                label: node.label.get(lang).cloned().unwrap_or_default(),
                heading: node
                    .heading
                    .get(lang)
                    .map(|h| inline_in(h, lang, cx.zh))
                    .unwrap_or_default(),
                text: node
                    .text
                    .get(lang)
                    .map(|t| inline_in(t, lang, cx.zh))
                    .unwrap_or_default(),
                cite,
                refs: refs(cx, path, view, here, lang),
                notes: node
                    .notes
                    .iter()
                    .map(|&n| {
                        let note = &site.notes[n];
                        let l = pick(&note.text, lang);
                        NoteView {
                            text: inline_in(&note.text[&l], &l, cx.zh),
                            label: cx.ui(&l, "note"),
                            lang: l,
                        }
                    })
                    .collect(),
                t: CellStrings {
                    permalink: cx.ui(lang, "permalink"),
                    cite: cx.ui(lang, "cite"),
                    copied: cx.ui(lang, "copied"),
                    caption: {
                        let key = format!("node_{}", node.kind.as_str());
                        let text = cx.ui(lang, &key);
                        if text == key {
                            node.kind.as_str().to_string()
                        } else {
                            text
                        }
                    },
                },
            }
        })
        .collect();
    Row {
        empty: node.heading.is_empty() && node.text.is_empty() && node.label.is_empty(),
        key,
        depth: node.depth,
        kind: node.kind.as_str(),
        level: (node.depth + 2).min(6),
        cells,
    }
}

/// The cross-links of a node, grouped: what it continues, what continues
/// it, what it relates to, and what refers to it.
fn refs(cx: &Ctx, path: &str, view: Option<&str>, here: NodeRef, lang: &str) -> Vec<RefGroup> {
    let site = cx.site;
    let node = site.node(here);
    let groups: [(&'static str, bool, Relation); 4] = [
        ("continues", true, Relation::Continues),
        ("continued_by", false, Relation::Continues),
        ("related", true, Relation::Related),
        ("referenced_by", false, Relation::Related),
    ];
    groups
        .iter()
        .filter_map(|&(caption, outgoing, relation)| {
            let list = if outgoing {
                &node.links_out
            } else {
                &node.links_in
            };
            let items: Vec<RefItem> = list
                .iter()
                .map(|&l| &site.links[l])
                .filter(|l| l.relation == relation)
                .map(|l| ref_item(cx, path, view, if outgoing { l.to } else { l.from }, lang))
                .collect();
            (!items.is_empty()).then(|| RefGroup {
                caption,
                title: cx.ui(lang, caption),
                items,
            })
        })
        .collect()
}

fn ref_item(cx: &Ctx, path: &str, view: Option<&str>, target: NodeRef, lang: &str) -> RefItem {
    let site = cx.site;
    let doc = &site.documents[target.doc];
    let node = site.node(target);
    let l = if doc.languages.iter().any(|x| x == lang) {
        lang.to_string()
    } else {
        doc.languages[0].clone()
    };
    let doc_title = doc.title.get(&l).cloned().unwrap_or_default();
    let short = match &doc.edition {
        Some(e) if doc.kind == crate::content::model::DocKind::ActionPlan => {
            format!("{} {e}", cx.ui(&l, "plan_short"))
        }
        _ => doc_title,
    };
    RefItem {
        href: format!(
            "{}#{}",
            urls::rel(path, &urls::document_for(doc, view)),
            site.key(target)
        ),
        key: site.key(target),
        doc: short,
        label: cite_label(doc, target.node, &l),
        heading: node
            .heading
            .get(&l)
            .map(|h| super::text::plain(h))
            .or_else(|| node.text.get(&l).map(|t| snippet(t, 60)))
            .unwrap_or_default(),
        lang: l,
    }
}
