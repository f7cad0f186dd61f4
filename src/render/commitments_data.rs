//! Open data of the commitments with figures:
//! `data/commitments-<series>.json`, each row with what it counts and,
//! per edition, its value and each figure as written with its clause's
//! citation key, its language and the bytes of the figure in the text
//! (compact JSON, as data.rs).

use serde::Serialize;

use crate::model::citation_key;
use crate::model::commitments::Table;
use crate::render::Ctx;

#[derive(Serialize)]
struct SeriesJson<'a> {
    series: &'a str,
    editions: Vec<EditionJson>,
    rows: Vec<RowJson>,
}

#[derive(Serialize)]
struct EditionJson {
    document: String,
    edition: Option<String>,
}

#[derive(Serialize)]
struct RowJson {
    kind: String,
    /// One per edition, null where the edition states none.
    cells: Vec<Option<CellJson>>,
}

#[derive(Serialize)]
struct CellJson {
    value: u64,
    clause: String,
    figures: Vec<FigureJson>,
}

#[derive(Serialize)]
struct FigureJson {
    lang: String,
    /// As written in the clause's text.
    text: String,
    unit: String,
    /// Byte offsets of `text` in the clause's text in `lang`.
    start: usize,
    end: usize,
    corrected: bool,
}

/// The commitments of table `t` as JSON (UTF-8), ending with a newline.
pub fn series_json(cx: &Ctx, t: &Table) -> Vec<u8> {
    let docs = &cx.site.documents;
    let rows = t
        .rows
        .iter()
        .map(|r| RowJson {
            kind: r.kind.clone(),
            cells: r
                .cells
                .iter()
                .map(|c| {
                    let e = c.as_ref()?;
                    let doc = &docs[e.clause.doc];
                    let node = &doc.nodes[e.clause.node];
                    Some(CellJson {
                        value: e.value,
                        clause: citation_key(&doc.id, &node.id),
                        figures: e
                            .figures
                            .iter()
                            .map(|f| FigureJson {
                                lang: f.lang.clone(),
                                text: node
                                    .text
                                    .get(&f.lang)
                                    .and_then(|t| t.get(f.span.clone()))
                                    .unwrap_or("")
                                    .to_string(),
                                unit: f.unit.clone(),
                                start: f.span.start,
                                end: f.span.end,
                                corrected: f.corrected,
                            })
                            .collect(),
                    })
                })
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_vec(&SeriesJson {
        series: &t.series,
        editions: t
            .editions
            .iter()
            .map(|&d| EditionJson {
                document: docs[d].id.clone(),
                edition: docs[d].edition.clone(),
            })
            .collect(),
        rows,
    })
    .expect("JSON of plain data");
    out.push(b'\n');
    out
}
