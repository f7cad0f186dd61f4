//! The body of a document page, its rows of cells and its table of
//! contents, written as HTML here; `templates/document.html` places it.
//!
//! Like the Markdown content of a Zola or mdBook page, the body is the bulk
//! of every document page (a large site has hundreds of thousands of
//! cells), so it is written straight into one string instead of looping in
//! a template over serialised views. What every view of a document shares
//! (the cells' HTML, citation numbers, notes, cross-links) is made once per
//! document by [`DocText::of`]; only links and citation URLs differ by view.

use std::borrow::Cow;

use super::escape::{esc, esc_cow, escaped};
use super::text::{cite_label, inline_in, inline_in_cow, plain_cow, snippet};
use super::theme::escape_html;
use super::{urls, Ctx};
use crate::content::model::{NodeKind, NodeRef, Relation};
use crate::content::Site;

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Appends `n` in decimal (node depths: one digit, without `format!`).
fn push_number(out: &mut String, n: usize) {
    match DIGITS.get(n) {
        Some(d) => out.push_str(d),
        None => out.push_str(&n.to_string()),
    }
}

/// What the views of one document show, made once; borrows the site.
pub struct DocText<'a> {
    /// By node, then by the document's languages (`doc.languages` order).
    cells: Vec<Vec<CellText<'a>>>,
    /// Each node's citation key, escaped.
    keys: Vec<String>,
    langs: &'a [String],
    /// The interface strings of each language, in the same order.
    ui: Vec<CellStrings>,
}

/// Interface strings of a cell's language, as the HTML around a cell's
/// key and number in its tools: `<a … href="#` KEY `" title=… data-n="`
/// NUMBER [`AFTER_NUMBER`].
struct CellStrings {
    /// The language's code, escaped.
    lang: String,
    /// From after the key to the number.
    after_key: String,
}

/// The end of a cell's tools, after its number.
const AFTER_NUMBER: &str = "\">¶</a></span>";

impl CellStrings {
    fn new(cx: &Ctx, lang: &str) -> CellStrings {
        let permalink = escape_html(&cx.ui(lang, "permalink"));
        CellStrings {
            lang: escape_html(lang),
            after_key: format!("\" title=\"{permalink}\" aria-label=\"{permalink}\" data-n=\""),
        }
    }
}

/// One node in one language, view apart.
struct CellText<'a> {
    /// Escaped.
    label: Cow<'a, str>,
    /// HTML.
    heading: Cow<'a, str>,
    /// HTML.
    text: Cow<'a, str>,
    /// The node's number as cited (`Article 2.3`), escaped.
    number: String,
    /// (language, "Editorial note", HTML text).
    notes: Vec<(String, String, String)>,
    refs: Vec<RefGroup<'a>>,
}

struct RefGroup<'a> {
    caption: &'static str,
    title: String,
    items: Vec<RefItem<'a>>,
}

/// A cross-link; its link is made per view. Text fields are escaped, and
/// borrowed from the model when they need no escape.
struct RefItem<'a> {
    target: NodeRef,
    key: Cow<'a, str>,
    lang: Cow<'a, str>,
    doc: Cow<'a, str>,
    label: Cow<'a, str>,
    heading: Cow<'a, str>,
}

impl<'a> DocText<'a> {
    /// The cells of document `d` in each of its languages.
    pub fn of(cx: &Ctx<'a>, d: usize) -> DocText<'a> {
        let doc = &cx.site.documents[d];
        let cells = (0..doc.nodes.len())
            .map(|i| {
                let here = NodeRef { doc: d, node: i };
                doc.languages.iter().map(|l| cell(cx, here, l)).collect()
            })
            .collect();
        let keys = (0..doc.nodes.len())
            .map(|i| escaped(Cow::Owned(cx.site.key(NodeRef { doc: d, node: i }))).into_owned())
            .collect();
        DocText {
            cells,
            keys,
            langs: &doc.languages,
            ui: doc
                .languages
                .iter()
                .map(|l| CellStrings::new(cx, l))
                .collect(),
        }
    }

    /// About the length of the rows' HTML with `columns` columns.
    pub fn size_hint(&self, columns: usize) -> usize {
        let text: usize = self
            .cells
            .iter()
            .flatten()
            .map(|c| c.text.len() + 600)
            .sum();
        text * columns / self.langs.len().max(1)
    }

    fn cell(&self, node: usize, lang: &str) -> Option<(&CellText<'a>, &CellStrings)> {
        let l = self.langs.iter().position(|x| x == lang)?;
        Some((&self.cells[node][l], &self.ui[l]))
    }

    /// Where each of `columns` is among the document's languages.
    fn columns(&self, columns: &[String]) -> Vec<usize> {
        columns
            .iter()
            .filter_map(|c| self.langs.iter().position(|l| l == c))
            .collect()
    }
}

fn cell<'a>(cx: &Ctx<'a>, here: NodeRef, lang: &str) -> CellText<'a> {
    let site: &'a Site = cx.site;
    let doc = &site.documents[here.doc];
    let node = &doc.nodes[here.node];
    let html = |m: &'a crate::content::raw::LangMap| {
        m.get(lang)
            .map_or(Cow::Borrowed(""), |t| inline_in_cow(t, lang, cx.zh))
    };
    CellText {
        label: esc_cow(node.label.get(lang).map_or("", String::as_str)),
        heading: html(&node.heading),
        text: html(&node.text),
        number: escaped(Cow::Owned(cite_label(doc, here.node, lang))).into_owned(),
        notes: node
            .notes
            .iter()
            .map(|&n| {
                let note = &site.notes[n];
                let l = super::document::pick(&note.text, lang);
                let text = inline_in(&note.text[&l], &l, cx.zh);
                (l.clone(), cx.ui(&l, "note"), text)
            })
            .collect(),
        refs: refs(cx, here, lang),
    }
}

/// The cross-links of a node, grouped: what it continues, what continues
/// it, what it relates to, and what refers to it.
fn refs<'a>(cx: &Ctx<'a>, here: NodeRef, lang: &str) -> Vec<RefGroup<'a>> {
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
                .map(|l| ref_item(cx, if outgoing { l.to } else { l.from }, lang))
                .collect();
            (!items.is_empty()).then(|| RefGroup {
                caption,
                title: cx.ui(lang, caption),
                items,
            })
        })
        .collect()
}

fn ref_item<'a>(cx: &Ctx<'a>, target: NodeRef, lang: &str) -> RefItem<'a> {
    let site: &'a Site = cx.site;
    let doc = &site.documents[target.doc];
    let node = &doc.nodes[target.node];
    let l: &'a str = match doc.languages.iter().find(|x| *x == lang) {
        Some(l) => l,
        None => &doc.languages[0],
    };
    let heading = node
        .heading
        .get(l)
        .map(|h| plain_cow(h))
        .or_else(|| node.text.get(l).map(|t| Cow::Owned(snippet(t, 60))))
        .unwrap_or_default();
    RefItem {
        target,
        key: escaped(Cow::Owned(site.key(target))),
        doc: escaped(super::briefing::doc_short(cx, doc, l)),
        label: escaped(Cow::Owned(cite_label(doc, target.node, l))),
        heading: escaped(heading),
        lang: esc_cow(l),
    }
}

/// The table of contents of document `d` (its `<li>` items) in `lang`.
pub fn toc(out: &mut String, cx: &Ctx, d: usize, text: &DocText, lang: &str) {
    let doc = &cx.site.documents[d];
    for (i, n) in doc.nodes.iter().enumerate() {
        if n.heading.is_empty() {
            continue;
        }
        let l = super::document::pick(&n.heading, lang);
        out.push_str("<li class=\"d-");
        push_number(out, n.depth);
        out.push_str("\" lang=\"");
        esc(out, &l);
        out.push_str("\"><a href=\"#");
        out.push_str(&text.keys[i]);
        out.push_str("\">");
        if let Some(label) = n.label.get(&l).filter(|s| !s.is_empty()) {
            out.push_str("<span class=\"label\">");
            esc(out, label);
            out.push_str("</span> ");
        }
        match text.cell(i, &l) {
            Some((c, _)) => out.push_str(&c.heading),
            None => out.push_str(&inline_in(&n.heading[&l], &l, cx.zh)),
        }
        out.push_str("</a></li>");
    }
}

/// The rows of document `d` in `view` (`None`: the parallel or only view),
/// one cell per language of `columns`.
pub fn rows(
    out: &mut String,
    cx: &Ctx,
    d: usize,
    view: Option<&str>,
    columns: &[String],
    text: &DocText,
) {
    let site = cx.site;
    let doc = &site.documents[d];
    let up = escape_html(&urls::root(&urls::document(&doc.id, view)));
    let columns = text.columns(columns);
    for (i, node) in doc.nodes.iter().enumerate() {
        let key = &text.keys[i];
        let empty = node.heading.is_empty() && node.text.is_empty() && node.label.is_empty();
        let level = DIGITS[(node.depth + 2).min(6)];
        out.push_str("<div class=\"node k-");
        out.push_str(node.kind.as_str());
        out.push_str(" d-");
        push_number(out, node.depth);
        if empty {
            out.push_str(" empty");
        }
        out.push_str("\" id=\"");
        out.push_str(key);
        out.push_str("\">\n");
        for &l in &columns {
            let cell = Cell {
                cx,
                c: &text.cells[i][l],
                ui: &text.ui[l],
                key,
            };
            cell.write(out, node.kind, &text.langs[l], level, &up, view);
        }
        out.push_str("</div>\n");
    }
}

/// One cell of a row as it is written in a view.
struct Cell<'a> {
    cx: &'a Ctx<'a>,
    c: &'a CellText<'a>,
    ui: &'a CellStrings,
    key: &'a str,
}

impl Cell<'_> {
    fn write(
        &self,
        out: &mut String,
        kind: NodeKind,
        lang: &str,
        level: &str,
        up: &str,
        view: Option<&str>,
    ) {
        let c = self.c;
        out.push_str("<div class=\"cell\" lang=\"");
        out.push_str(&self.ui.lang);
        out.push_str("\">\n");
        let label = |out: &mut String| {
            out.push_str("<span class=\"label\">");
            out.push_str(&c.label);
            out.push_str("</span>");
        };
        if !c.heading.is_empty() {
            out.push_str("<h");
            out.push_str(level);
            out.push_str(" class=\"head\">");
            if !c.label.is_empty() {
                label(out);
                out.push(' ');
            }
            out.push_str(&c.heading);
            self.tools(out);
            out.push_str("</h");
            out.push_str(level);
            out.push_str(">\n");
            if !c.text.is_empty() {
                out.push_str("<p class=\"text\">");
                out.push_str(&c.text);
                out.push_str("</p>\n");
            }
        } else if !c.text.is_empty() {
            out.push_str("<p class=\"text\">");
            if !c.label.is_empty() {
                label(out);
                out.push(' ');
            }
            out.push_str(&c.text);
            self.tools(out);
            out.push_str("</p>\n");
        } else if !c.label.is_empty() {
            out.push_str("<p class=\"head\">");
            label(out);
            self.tools(out);
            out.push_str("</p>\n");
        } else {
            // A container with nothing of its own: named by its kind.
            let key = format!("node_{}", kind.as_str());
            let caption = self.cx.ui(lang, &key);
            out.push_str("<p class=\"head caption\">");
            esc(
                out,
                if caption == key {
                    kind.as_str()
                } else {
                    &caption
                },
            );
            self.tools(out);
            out.push_str("</p>\n");
        }
        for g in &c.refs {
            out.push_str("<div class=\"refs ");
            out.push_str(g.caption);
            out.push_str("\"><span class=\"caption\">");
            esc(out, &g.title);
            out.push_str("</span><ul>");
            for r in &g.items {
                write_ref(out, self.cx.site, r, up, view);
            }
            out.push_str("</ul></div>\n");
        }
        for (lang, label, text) in &c.notes {
            out.push_str("<aside class=\"note\" lang=\"");
            esc(out, lang);
            out.push_str("\"><strong>");
            esc(out, label);
            out.push_str("</strong> ");
            out.push_str(text);
            out.push_str("</aside>\n");
        }
        out.push_str("</div>\n");
    }

    /// The permalink, with the node's number as cited: static/accord.js
    /// adds a Cite button after it, which makes the citation from the
    /// number, the document's title in the cell's language and the
    /// page's canonical URL.
    fn tools(&self, out: &mut String) {
        out.push_str("<span class=\"tools\"><a class=\"anchor\" href=\"#");
        out.push_str(self.key);
        out.push_str(&self.ui.after_key);
        out.push_str(&self.c.number);
        out.push_str(AFTER_NUMBER);
    }
}

/// A cross-link in a view; `up` (escaped) leads from the page to the root.
fn write_ref(out: &mut String, site: &Site, r: &RefItem, up: &str, view: Option<&str>) {
    out.push_str("<li lang=\"");
    out.push_str(&r.lang);
    out.push_str("\"><a class=\"ref\" href=\"");
    out.push_str(up);
    // urls::document_for, appended: document ids and language tags are
    // validated to letters, digits and `-`, so there is nothing to escape.
    let doc = &site.documents[r.target.doc];
    urls::push_document(out, &doc.id, urls::view_for(doc, view));
    out.push('#');
    out.push_str(&r.key);
    out.push_str("\" data-key=\"");
    out.push_str(&r.key);
    out.push_str("\"><span class=\"doc\">");
    out.push_str(&r.doc);
    out.push_str("</span> ");
    if !r.label.is_empty() {
        out.push_str("<span class=\"label\">");
        out.push_str(&r.label);
        out.push_str("</span> ");
    }
    out.push_str("<span class=\"heading\">");
    out.push_str(&r.heading);
    out.push_str("</span></a></li>");
}
