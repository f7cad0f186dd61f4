//! The commitments of each series: every clause's figures merged across
//! its languages (same kind and value), then matched from edition to
//! edition along the `continues` links of the crosswalk: a figure of a
//! later clause continues the first figure of the same kind, not yet
//! continued, in the earlier clauses its clause (or its nearest section
//! with such links) continues, or in the clauses inside them.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;

use super::{extract, kinds, Correction, Entry, Figure, Row, Table};
use crate::model::{Document, NodeRef, Relation, Site};

/// The tables of every series with figures, in series name order.
pub fn tables(site: &Site, corrections: &[Correction]) -> Vec<Table> {
    tables_in(site, corrections, |_| true)
}

/// The tables of the series `wanted` accepts, in the same order.
pub fn tables_in(
    site: &Site,
    corrections: &[Correction],
    wanted: impl Fn(&str) -> bool,
) -> Vec<Table> {
    let fixes = by_clause(corrections);
    let mut continues: BTreeMap<NodeRef, Vec<NodeRef>> = BTreeMap::new();
    for l in &site.links {
        if l.relation == Relation::Continues {
            continues.entry(l.from).or_default().push(l.to);
        }
    }
    // Series by series on every core: reading the figures of every clause
    // is most of a large site's work before its pages are rendered (0.6 s
    // on one core at 10,000 pages, 0.4 s on two).
    let series: Vec<(&str, Vec<usize>)> = site.series(wanted).into_iter().collect();
    (series.into_par_iter())
        .filter_map(|(name, docs)| {
            let entries: Vec<Vec<Entry>> = docs
                .iter()
                .map(|&d| document_entries(&site.documents[d], d, &fixes))
                .collect();
            if entries.iter().all(Vec::is_empty) {
                return None;
            }
            Some(Table {
                series: name.to_string(),
                rows: rows(site, &docs, entries, &continues),
                editions: docs,
            })
        })
        .collect()
}

/// The editors' corrections by the clause they correct.
pub fn by_clause(corrections: &[Correction]) -> BTreeMap<NodeRef, Vec<&Correction>> {
    let mut fixes: BTreeMap<NodeRef, Vec<&Correction>> = BTreeMap::new();
    for c in corrections {
        fixes.entry(c.clause).or_default().push(c);
    }
    fixes
}

/// Every entry of document `d`, in reading order.
pub fn document_entries(
    doc: &Document,
    d: usize,
    fixes: &BTreeMap<NodeRef, Vec<&Correction>>,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        let clause = NodeRef { doc: d, node: i };
        let fixes = fixes.get(&clause).map_or(&[][..], Vec::as_slice);
        let mut entries: Vec<Entry> = Vec::new();
        for (lang, text) in node.text.iter() {
            for (kind, figure) in figures(text, lang, fixes) {
                let same = entries.iter_mut().find(|e| {
                    e.kind == kind
                        && e.value == figure.value
                        && !e.figures.iter().any(|f| f.lang == figure.lang)
                });
                match same {
                    Some(e) => e.figures.push(figure),
                    None => entries.push(Entry {
                        clause,
                        kind,
                        value: figure.value,
                        figures: vec![figure],
                    }),
                }
            }
        }
        for e in &mut entries {
            e.figures
                .sort_by_key(|f| doc.languages.iter().position(|l| *l == f.lang));
        }
        out.extend(entries);
    }
    out
}

/// The figures of one text with their kinds, the editor's corrections
/// applied, in the order of the text.
fn figures(text: &str, lang: &str, fixes: &[&Correction]) -> Vec<(String, Figure)> {
    let mut found = extract::figures(text, lang);
    let fixes: Vec<(&Correction, Range<usize>)> = fixes
        .iter()
        .filter(|c| c.lang == lang)
        .filter_map(|c| {
            let at = text.find(&c.figure)?;
            Some((*c, at..at + c.figure.len()))
        })
        .collect();
    let mut out = Vec::new();
    let mut used = BTreeSet::new();
    for f in found.drain(..) {
        let fix = fixes
            .iter()
            .position(|(_, s)| s.start < f.span.end && f.span.start < s.end);
        let kind = match fix.map(|p| fixes[p].0) {
            // A correction is one figure: the other figures read inside
            // what it names (`3` and `500` of `3 500`) go with the first.
            Some(_) if fix.is_some_and(|p| used.contains(&p)) => None,
            Some(c) if c.suppress => None,
            Some(c) => c.kind.clone().or(f.kind.map(str::to_string)),
            None => f.kind.map(str::to_string),
        };
        if let Some(p) = fix {
            used.insert(p);
        }
        if let Some(kind) = kind {
            let c = fix.map(|p| fixes[p].0);
            out.push((
                kind,
                Figure {
                    lang: lang.to_string(),
                    // A corrected figure is shown as the editor names it.
                    span: fix.map_or(f.span.clone(), |p| fixes[p].1.clone()),
                    value: c.and_then(|c| c.value).unwrap_or(f.value),
                    unit: c
                        .and_then(|c| c.unit.clone())
                        .unwrap_or_else(|| unit_after(text, &f, fix.map(|p| &fixes[p].1))),
                    corrected: c.is_some(),
                },
            ));
        }
    }
    // A figure the extraction missed, added by the editor.
    for (p, (c, span)) in fixes.iter().enumerate() {
        if let (false, false, Some(kind), Some(value)) =
            (used.contains(&p), c.suppress, &c.kind, c.value)
        {
            out.push((
                kind.clone(),
                Figure {
                    lang: lang.to_string(),
                    span: span.clone(),
                    value,
                    unit: c.unit.clone().unwrap_or_default(),
                    corrected: true,
                },
            ));
        }
    }
    out.sort_by_key(|(_, f)| f.span.start);
    out
}

/// The unit words read after figure `f`, less those inside the figure
/// as the editor names it (`500 scholarships` of `3 500`: `scholarships`).
fn unit_after(text: &str, f: &extract::Found, named: Option<&Range<usize>>) -> String {
    let start = f.span.end + text[f.span.end..].find(f.unit.as_str()).unwrap_or(0);
    let end = start + f.unit.len();
    match named {
        Some(n) if n.end > start && n.end <= end => text[n.end..end].trim().to_string(),
        _ => f.unit.clone(),
    }
}

/// The rows of a series: editions `docs` (oldest first) with their
/// entries, matched along the continues links.
fn rows(
    site: &Site,
    docs: &[usize],
    entries: Vec<Vec<Entry>>,
    continues: &BTreeMap<NodeRef, Vec<NodeRef>>,
) -> Vec<Row> {
    let width = docs.len();
    let mut rows: Vec<Row> = Vec::new();
    // The rows whose last cell is in the edition before, by index.
    let mut open: Vec<usize> = Vec::new();
    for (k, list) in entries.into_iter().enumerate() {
        let mut next_open = Vec::new();
        for e in list {
            let targets = if k > 0 {
                earlier(site, e.clause, docs[k - 1], continues)
            } else {
                Vec::new()
            };
            let hit = open.iter().position(|&r| {
                let old = rows[r].cells[k - 1].as_ref().expect("open rows end there");
                old.kind == e.kind && targets.iter().any(|&t| within(site, old.clause, t))
            });
            let r = match hit {
                Some(p) => open.remove(p),
                None => {
                    rows.push(Row {
                        kind: e.kind.clone(),
                        cells: vec![None; width],
                    });
                    rows.len() - 1
                }
            };
            rows[r].cells[k] = Some(e);
            next_open.push(r);
        }
        open = next_open;
    }
    let rank = |kind: &str| kinds::KINDS.iter().position(|k| k.id == kind);
    let first = |r: &Row| {
        r.cells
            .iter()
            .enumerate()
            .rev()
            .find_map(|(k, c)| c.as_ref().map(|c| (std::cmp::Reverse(k), c.clause.node)))
    };
    rows.sort_by_key(|r| (rank(&r.kind), first(r)));
    rows
}

/// The nodes of document `old` that `clause` continues: its own links,
/// else its nearest ancestor's that has some.
fn earlier(
    site: &Site,
    clause: NodeRef,
    old: usize,
    continues: &BTreeMap<NodeRef, Vec<NodeRef>>,
) -> Vec<NodeRef> {
    let doc = &site.documents[clause.doc];
    let mut at = Some(clause.node);
    while let Some(i) = at {
        let here = NodeRef {
            doc: clause.doc,
            node: i,
        };
        let to: Vec<NodeRef> = continues
            .get(&here)
            .into_iter()
            .flatten()
            .copied()
            .filter(|t| t.doc == old)
            .collect();
        if !to.is_empty() {
            return to;
        }
        at = doc.nodes[i].parent;
    }
    Vec::new()
}

/// Whether node `n` is `t` or inside it.
fn within(site: &Site, n: NodeRef, t: NodeRef) -> bool {
    if n.doc != t.doc {
        return false;
    }
    let doc = &site.documents[n.doc];
    let mut at = Some(n.node);
    while let Some(i) = at {
        if i == t.node {
            return true;
        }
        at = doc.nodes[i].parent;
    }
    false
}
