//! The rows of an edition comparison's page (compare.rs): each node as a
//! column shows it, and each pair of clauses with their differences
//! (src/render/diff.rs) in each language both have.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::citation_key;
use crate::model::compare::{Comparison, Pair, Row};
use crate::render::diff::{self, Seg};
use crate::render::{text, urls, Ctx};

#[derive(Serialize)]
pub struct RowView {
    pub status: &'static str,
    pub new: Option<Side>,
    pub old: Vec<Side>,
    pub pairs: Vec<PairView>,
}

#[derive(Serialize)]
pub struct PairView {
    /// `continued`, `new` or `not_continued`.
    pub status: &'static str,
    /// Continued, with no words in common in any language both texts
    /// have (`diff::Diff::rewritten`): shown whole, marked as rewritten.
    pub rewritten: bool,
    pub new: Option<Side>,
    pub old: Option<Side>,
}

/// A node as one column shows it: a link to it, and per language its
/// label, heading and text, the text cut into marked runs.
#[derive(Serialize)]
pub struct Side {
    pub key: String,
    pub href: String,
    pub lines: Vec<Line>,
}

#[derive(Serialize)]
pub struct Line {
    pub lang: String,
    pub label: String,
    pub heading: String,
    pub segs: Vec<Seg>,
}

/// Makes the rows of comparison `c` for its page at `here`.
pub(super) struct Maker<'a> {
    pub cx: &'a Ctx<'a>,
    pub here: &'a str,
    pub c: &'a Comparison,
}

impl Maker<'_> {
    pub fn href(&self, d: usize, i: usize) -> String {
        let doc = &self.cx.site.documents[d];
        let page = urls::rel(self.here, &urls::document(&doc.id, None));
        format!("{page}#{}", citation_key(&doc.id, &doc.nodes[i].id))
    }

    pub fn row(&self, r: &Row) -> RowView {
        RowView {
            status: r.status.as_str(),
            new: r.new.map(|i| self.side(self.c.new, i, BTreeMap::new())),
            old: r
                .old
                .iter()
                .map(|&i| self.side(self.c.old, i, BTreeMap::new()))
                .collect(),
            pairs: r.pairs.iter().map(|p| self.pair(p)).collect(),
        }
    }

    /// A pair, each text diffed against the other side's text in the
    /// same language where both have one.
    fn pair(&self, p: &Pair) -> PairView {
        let docs = &self.cx.site.documents;
        let (od, nd) = (&docs[self.c.old], &docs[self.c.new]);
        let (mut old_segs, mut new_segs) = (BTreeMap::new(), BTreeMap::new());
        let (mut compared, mut rewritten) = (0, 0);
        if let (Some(n), Some(o)) = (p.new, p.old) {
            for (lang, nt) in nd.nodes[n].text.iter() {
                if let Some(ot) = od.nodes[o].text.get(lang) {
                    let d = diff::diff(&text::plain(ot), &text::plain(nt), lang);
                    compared += 1;
                    rewritten += usize::from(d.rewritten);
                    old_segs.insert(lang.to_string(), d.old);
                    new_segs.insert(lang.to_string(), d.new);
                }
            }
        }
        PairView {
            status: match (p.new, p.old) {
                (Some(_), Some(_)) => "continued",
                (Some(_), None) => "new",
                _ => "not_continued",
            },
            rewritten: compared > 0 && rewritten == compared,
            new: p.new.map(|n| self.side(self.c.new, n, new_segs)),
            old: p.old.map(|o| self.side(self.c.old, o, old_segs)),
        }
    }

    /// Node `i` of document `d`, with the runs of its texts given by
    /// language in `segs`, the others with their figures marked.
    fn side(&self, d: usize, i: usize, mut segs: BTreeMap<String, Vec<Seg>>) -> Side {
        let doc = &self.cx.site.documents[d];
        let n = &doc.nodes[i];
        Side {
            key: citation_key(&doc.id, &n.id),
            href: self.href(d, i),
            lines: doc
                .languages
                .iter()
                .map(|l| Line {
                    lang: l.clone(),
                    label: n.label.get(l).cloned().unwrap_or_default(),
                    heading: match n.heading.get(l) {
                        Some(h) => text::plain(h),
                        // A node with no label, heading or text (a
                        // preamble) is named by its kind.
                        None if n.label.is_empty() && n.text.is_empty() => self
                            .cx
                            .ui_opt(l, &format!("node_{}", n.kind))
                            .unwrap_or_default(),
                        None => String::new(),
                    },
                    segs: segs.remove(l).unwrap_or_else(|| {
                        n.text
                            .get(l)
                            .map(|t| diff::plain(&text::plain(t), l))
                            .unwrap_or_default()
                    }),
                })
                .collect(),
        }
    }
}
