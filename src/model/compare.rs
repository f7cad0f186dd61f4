//! Edition comparison (issue 17): for each series with two or more
//! editions, each consecutive pair (older, newer) laid out from the
//! newer edition's `continues` links. Pure: read from the checked site.
//!
//! Terms: a **clause** is a node with text; a **section** a node without
//! text that holds clauses directly (or nothing at all). A row is one
//! section of the new edition beside the old nodes it continues; inside
//! it, each of its clauses beside the old nodes that clause continues,
//! then the clauses of those old sections that nothing continues.
//! Old sections not beside any row, with clauses nothing continues, come
//! last, as rows of their own.

use std::collections::{BTreeMap, BTreeSet};

use super::{Document, Link, Relation, Site};

/// One pair of consecutive editions of a series: indexes into
/// `Site::documents`, nodes into each document's `nodes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub series: String,
    pub old: usize,
    pub new: usize,
    /// The new edition's top-level nodes that hold sections, in order.
    pub areas: Vec<Area>,
    /// Old sections beside no row whose clauses are not all continued.
    pub dropped: Vec<Row>,
    pub counts: Counts,
    /// Per top-level node of the old edition: what is not continued.
    pub old_areas: Vec<(usize, Counts)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// A top-level node of the new edition.
    pub node: usize,
    pub rows: Vec<Row>,
    /// New and continued sections and clauses of the area.
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The new edition's section; none for an old section's own row.
    pub new: Option<usize>,
    /// Old nodes beside it, in reading order.
    pub old: Vec<usize>,
    pub status: Status,
    pub pairs: Vec<Pair>,
}

/// A clause of the new edition beside one old node it continues, a new
/// clause alone (new), or an old clause alone (not continued).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub new: Option<usize>,
    pub old: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A new section continuing nothing, it or its clauses.
    New,
    Continued,
    /// An old section nothing in which is continued.
    NotContinued,
    /// An old section some of whose clauses are continued elsewhere: its
    /// row lists the others.
    Remainder,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Continued => "continued",
            Status::NotContinued => "not_continued",
            Status::Remainder => "remainder",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub sections_new: usize,
    pub sections_continued: usize,
    pub sections_not_continued: usize,
    pub clauses_new: usize,
    pub clauses_continued: usize,
    pub clauses_not_continued: usize,
}

/// Every comparison of the site: series in name order, editions in
/// order, each pair of consecutive editions.
pub fn comparisons(site: &Site) -> Vec<Comparison> {
    comparisons_in(site, |_| true)
}

/// The comparisons of the series `wanted` accepts, in the same order.
pub fn comparisons_in(site: &Site, wanted: impl Fn(&str) -> bool) -> Vec<Comparison> {
    let series = site.series(wanted);
    // The continues links by (newer document, older document), gathered
    // once: each comparison scanning every link of the site was a
    // series × links loop (2.5 % of the 10k corpus's build).
    let mut continues: BTreeMap<(usize, usize), Vec<&Link>> = BTreeMap::new();
    for l in &site.links {
        if l.relation == Relation::Continues {
            continues.entry((l.from.doc, l.to.doc)).or_default().push(l);
        }
    }
    let mut out = Vec::new();
    for (name, docs) in series {
        for w in docs.windows(2) {
            let links = continues.get(&(w[1], w[0])).map_or(&[][..], Vec::as_slice);
            out.push(compare(site, name, w[0], w[1], links));
        }
    }
    out
}

pub fn is_clause(doc: &Document, i: usize) -> bool {
    !doc.nodes[i].text.is_empty()
}

/// The section a clause belongs to: its nearest ancestor without text,
/// else its top-level ancestor (itself at the top).
pub fn section_of(doc: &Document, i: usize) -> usize {
    let mut at = i;
    while let Some(p) = doc.nodes[at].parent {
        if !is_clause(doc, p) {
            return p;
        }
        at = p;
    }
    at
}

pub fn top_of(doc: &Document, mut i: usize) -> usize {
    while let Some(p) = doc.nodes[i].parent {
        i = p;
    }
    i
}

/// The sections of a document in reading order, each with its clauses.
pub fn sections(doc: &Document) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..doc.nodes.len() {
        if is_clause(doc, i) {
            out.entry(section_of(doc, i)).or_default().push(i);
        } else if doc.children(i).next().is_none() {
            out.entry(i).or_default();
        }
    }
    out
}

/// The comparison of editions `old` and `new`, given the continues links
/// from `new` to `old`.
fn compare(site: &Site, series: &str, old: usize, new: usize, links: &[&Link]) -> Comparison {
    let (od, nd) = (&site.documents[old], &site.documents[new]);
    // The continues links from the new edition to the old: both ways.
    let mut pred: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut targeted: BTreeSet<usize> = BTreeSet::new();
    for l in links {
        pred.entry(l.from.node).or_default().insert(l.to.node);
        targeted.insert(l.to.node);
    }
    let old_sections = sections(od);
    let new_sections = sections(nd);
    // An old node is continued when it or a node inside it is targeted.
    let mut reached: BTreeSet<usize> = BTreeSet::new();
    for &t in &targeted {
        let mut at = Some(t);
        while let Some(i) = at {
            reached.insert(i);
            at = od.nodes[i].parent;
        }
    }
    let mut shown: BTreeSet<usize> = BTreeSet::new();
    let mut beside: BTreeSet<usize> = BTreeSet::new();
    let mut areas: Vec<Area> = Vec::new();
    let mut counts = Counts::default();
    for (&s, clauses) in &new_sections {
        let continued = pred.contains_key(&s) || clauses.iter().any(|c| pred.contains_key(c));
        let own = pred.get(&s).cloned().unwrap_or_default();
        let old_side: BTreeSet<usize> = if own.is_empty() {
            let t = clauses
                .iter()
                .flat_map(|c| pred.get(c).into_iter().flatten());
            t.map(|&o| {
                if is_clause(od, o) {
                    section_of(od, o)
                } else {
                    o
                }
            })
            .collect()
        } else {
            own
        };
        let mut pairs = Vec::new();
        let mut area_counts = Counts::default();
        for &c in clauses {
            match pred.get(&c) {
                Some(olds) => {
                    area_counts.clauses_continued += 1;
                    pairs.extend(olds.iter().map(|&o| Pair {
                        new: Some(c),
                        old: Some(o),
                    }));
                    shown.extend(olds.iter().copied());
                }
                None => {
                    area_counts.clauses_new += 1;
                    pairs.push(Pair {
                        new: Some(c),
                        old: None,
                    });
                }
            }
        }
        for &o in &old_side {
            beside.insert(o);
            for &oc in old_sections.get(&o).into_iter().flatten() {
                if !targeted.contains(&oc) && shown.insert(oc) {
                    pairs.push(Pair {
                        new: None,
                        old: Some(oc),
                    });
                }
            }
        }
        if continued {
            area_counts.sections_continued += 1;
        } else {
            area_counts.sections_new += 1;
        }
        let row = Row {
            new: Some(s),
            old: old_side.into_iter().collect(),
            status: if continued {
                Status::Continued
            } else {
                Status::New
            },
            pairs,
        };
        let top = top_of(nd, s);
        if areas.last().is_none_or(|a| a.node != top) {
            areas.push(Area {
                node: top,
                rows: Vec::new(),
                counts: Counts::default(),
            });
        }
        let area = areas.last_mut().expect("pushed above");
        area.rows.push(row);
        add(&mut area.counts, &area_counts);
        add(&mut counts, &area_counts);
    }
    // What of the old edition nothing continues.
    let mut dropped = Vec::new();
    let mut old_areas: Vec<(usize, Counts)> = Vec::new();
    for (&s, clauses) in &old_sections {
        let mut c = Counts::default();
        if !reached.contains(&s) {
            c.sections_not_continued = 1;
        }
        let left: Vec<usize> = clauses
            .iter()
            .copied()
            .filter(|oc| !targeted.contains(oc))
            .collect();
        c.clauses_not_continued = left.len();
        let unshown: Vec<Pair> = left
            .iter()
            .filter(|oc| !shown.contains(oc))
            .map(|&oc| Pair {
                new: None,
                old: Some(oc),
            })
            .collect();
        if !beside.contains(&s) && (!unshown.is_empty() || !reached.contains(&s)) {
            dropped.push(Row {
                new: None,
                old: vec![s],
                status: if reached.contains(&s) {
                    Status::Remainder
                } else {
                    Status::NotContinued
                },
                pairs: unshown,
            });
        }
        let top = top_of(od, s);
        if old_areas.last().is_none_or(|a| a.0 != top) {
            old_areas.push((top, Counts::default()));
        }
        add(&mut old_areas.last_mut().expect("pushed above").1, &c);
        add(&mut counts, &c);
    }
    Comparison {
        series: series.to_string(),
        old,
        new,
        areas,
        dropped,
        counts,
        old_areas,
    }
}

fn add(to: &mut Counts, c: &Counts) {
    to.sections_new += c.sections_new;
    to.sections_continued += c.sections_continued;
    to.sections_not_continued += c.sections_not_continued;
    to.clauses_new += c.clauses_new;
    to.clauses_continued += c.clauses_continued;
    to.clauses_not_continued += c.clauses_not_continued;
}
