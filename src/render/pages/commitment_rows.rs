//! The rows of a commitments page (commitments.rs): what a row counts,
//! its figure in each edition, the change from the edition before, and
//! each figure as written, linked to its clause in its language.

use serde::Serialize;

use crate::model::citation_key;
use crate::model::commitments::{Entry, Row, Table};
use crate::render::frame::Span;
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct RowView {
    pub kind: String,
    /// What it counts, in each language of the page.
    pub whats: Vec<Span>,
    /// One per edition, in order.
    pub cells: Vec<Option<CellView>>,
    pub change: Option<ChangeView>,
    /// The figures as written, edition by edition.
    pub cited: Vec<Cited>,
}

#[derive(Serialize)]
pub struct CellView {
    /// The value, digits grouped by thousands (`10,000`).
    pub value: String,
    /// The value as a plain number (`<data value>`).
    pub number: u64,
    pub corrected: bool,
}

#[derive(Serialize)]
pub struct ChangeView {
    /// `up`, `down` or `same`.
    pub way: &'static str,
    /// `+6,500`, `−1,500`, `±0`.
    pub diff: String,
    /// `+130%`, when the earlier figure is not zero.
    pub percent: Option<String>,
}

/// One figure as written, with a link to the clause that states it.
#[derive(Serialize)]
pub struct Cited {
    pub edition: String,
    pub lang: String,
    pub href: String,
    pub key: String,
    /// The clause's label in that language (`4.2`, `三、`), if any.
    pub label: String,
    /// The figure and its unit as written (`3500个`, `中国政府奖学金名额`).
    pub figure: String,
    pub unit: String,
    pub corrected: bool,
}

pub fn row(cx: &Ctx, here: &str, langs: &[String], t: &Table, r: &Row) -> RowView {
    RowView {
        kind: r.kind.clone(),
        whats: langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: cx
                    .ui_opt(l, &format!("commit_kind_{}", r.kind))
                    .unwrap_or_else(|| r.kind.clone()),
            })
            .collect(),
        cells: r
            .cells
            .iter()
            .map(|c| {
                c.as_ref().map(|e| CellView {
                    value: grouped(e.value),
                    number: e.value,
                    corrected: e.figures.iter().any(|f| f.corrected),
                })
            })
            .collect(),
        change: r.change().map(|(a, b)| change(a, b)),
        cited: r
            .cells
            .iter()
            .zip(&t.editions)
            .filter_map(|(c, &d)| Some((c.as_ref()?, d)))
            .flat_map(|(e, d)| cited(cx, here, d, e))
            .collect(),
    }
}

fn cited(cx: &Ctx, here: &str, d: usize, e: &Entry) -> Vec<Cited> {
    let doc = &cx.site.documents[d];
    let node = &doc.nodes[e.clause.node];
    let key = citation_key(&doc.id, &node.id);
    e.figures
        .iter()
        .map(|f| {
            let text = node.text.get(&f.lang).map_or("", String::as_str);
            let page = urls::rel(here, &urls::document_for(doc, Some(&f.lang)));
            Cited {
                edition: doc.edition.clone().unwrap_or_default(),
                lang: f.lang.clone(),
                href: format!("{page}#{key}"),
                key: key.clone(),
                label: node.label.get(&f.lang).cloned().unwrap_or_default(),
                figure: text.get(f.span.clone()).unwrap_or("").to_string(),
                unit: f.unit.clone(),
                corrected: f.corrected,
            }
        })
        .collect()
}

fn change(a: u64, b: u64) -> ChangeView {
    let (way, sign, d) = match b.cmp(&a) {
        std::cmp::Ordering::Greater => ("up", "+", b - a),
        std::cmp::Ordering::Less => ("down", "−", a - b),
        std::cmp::Ordering::Equal => ("same", "±", 0),
    };
    ChangeView {
        way,
        diff: format!("{sign}{}", grouped(d)),
        percent: (a > 0).then(|| {
            let p = ((b as f64 - a as f64) / a as f64 * 100.0).round() as i64;
            format!(
                "{}{}%",
                if p > 0 {
                    "+"
                } else if p < 0 {
                    "−"
                } else {
                    "±"
                },
                p.abs()
            )
        }),
    }
}

/// `10000` → `10,000` (written by hand: one line of grouping, where a
/// locale crate would bring tables for every language).
pub fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_and_changes() {
        assert_eq!(super::grouped(10_000), "10,000");
        assert_eq!(super::grouped(500), "500");
        let c = super::change(3000, 10_000);
        assert_eq!((c.way, c.diff.as_str()), ("up", "+7,000"));
        assert_eq!(c.percent.as_deref(), Some("+233%"));
        assert_eq!(super::change(5000, 3500).diff, "−1,500");
    }
}
