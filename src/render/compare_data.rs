//! Open data of the edition comparisons: `data/compare-<series>.json`,
//! every consecutive pair of editions of the series with its counts and
//! rows, nodes named by their citation keys (compact JSON, as data.rs).

use serde::Serialize;

use crate::model::compare::{Comparison, Counts, Row};
use crate::render::Ctx;

#[derive(Serialize)]
struct SeriesJson<'a> {
    series: &'a str,
    comparisons: Vec<ComparisonJson>,
}

#[derive(Serialize)]
struct ComparisonJson {
    old: String,
    new: String,
    old_edition: Option<String>,
    new_edition: Option<String>,
    counts: Counts,
    areas: Vec<AreaJson>,
    /// Old sections beside no row, with what of them is not continued.
    not_continued: Vec<RowJson>,
}

#[derive(Serialize)]
struct AreaJson {
    node: String,
    counts: Counts,
    rows: Vec<RowJson>,
}

#[derive(Serialize)]
struct RowJson {
    status: &'static str,
    new: Option<String>,
    old: Vec<String>,
    /// `[new, old]` citation keys, either null.
    pairs: Vec<[Option<String>; 2]>,
}

/// The comparisons of `series` as JSON (UTF-8), ending with a newline.
pub fn series_json(cx: &Ctx, series: &str) -> Vec<u8> {
    let comparisons = cx
        .comparisons
        .iter()
        .filter(|c| c.series == series)
        .map(|c| comparison(cx, c))
        .collect();
    let mut out = serde_json::to_vec(&SeriesJson {
        series,
        comparisons,
    })
    .expect("JSON of plain data");
    out.push(b'\n');
    out
}

fn comparison(cx: &Ctx, c: &Comparison) -> ComparisonJson {
    let docs = &cx.site.documents;
    let key = |d: usize, i: usize| crate::model::citation_key(&docs[d].id, &docs[d].nodes[i].id);
    let row = |r: &Row| RowJson {
        status: r.status.as_str(),
        new: r.new.map(|i| key(c.new, i)),
        old: r.old.iter().map(|&i| key(c.old, i)).collect(),
        pairs: r
            .pairs
            .iter()
            .map(|p| [p.new.map(|i| key(c.new, i)), p.old.map(|i| key(c.old, i))])
            .collect(),
    };
    ComparisonJson {
        old: docs[c.old].id.clone(),
        new: docs[c.new].id.clone(),
        old_edition: docs[c.old].edition.clone(),
        new_edition: docs[c.new].edition.clone(),
        counts: c.counts,
        areas: c
            .areas
            .iter()
            .map(|a| AreaJson {
                node: key(c.new, a.node),
                counts: a.counts,
                rows: a.rows.iter().map(row).collect(),
            })
            .collect(),
        not_continued: c.dropped.iter().map(row).collect(),
    }
}
