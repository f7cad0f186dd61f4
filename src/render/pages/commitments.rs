//! The page of a series' commitments with figures
//! (`templates/commitments.html`): a table with a row per commitment,
//! what it counts, its figure in each edition, the change, and the
//! clauses that state it in each language, each a link to the clause.
//! The model is src/model/commitments/.

use serde::Serialize;

use super::commitment_rows::{self, RowView};
use super::document::BriefingLink;
use super::home::{Card, CardTitle};
use crate::model::commitments::Table;
use crate::render::frame::Frame;
use crate::render::frame::Span;
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct CommitmentsPage {
    pub frame: Frame,
    pub headings: Vec<Span>,
    /// The interface languages of the page: those of its editions.
    pub langs: Vec<String>,
    pub editions: Vec<EditionHead>,
    pub rows: Vec<RowView>,
    pub data_href: String,
    /// The comparisons of the series' editions.
    pub compare: Vec<BriefingLink>,
}

#[derive(Serialize)]
pub struct EditionHead {
    /// "2025-2027 edition" in each language of the page.
    pub names: Vec<Span>,
    /// "2025-2027": beside each figure where the table's head is not shown.
    pub edition: String,
    pub href: String,
}

/// `commitments/<series>.html`.
pub fn path(series: &str) -> String {
    format!("commitments/{}.html", super::compare::slug(series))
}

pub fn data_path(series: &str) -> String {
    format!("data/commitments-{}.json", super::compare::slug(series))
}

fn newest<'a>(cx: &'a Ctx, t: &Table) -> &'a crate::model::Document {
    &cx.site.documents[*t.editions.last().expect("a table has editions")]
}

/// The link from the page at `from` to the commitments of the series of
/// document `d`, titled in every interface language.
pub fn links(cx: &Ctx, d: usize, from: &str) -> Vec<BriefingLink> {
    cx.commitments
        .iter()
        .filter(|t| t.editions.contains(&d))
        .map(|t| link(cx, t, from))
        .collect()
}

pub fn link(cx: &Ctx, t: &Table, from: &str) -> BriefingLink {
    BriefingLink {
        href: urls::rel(from, &path(&t.series)),
        titles: cx.alts_with(|ui| cx.ui(ui, "commit_link")),
    }
}

/// The commitments of a series on the home page.
pub fn card(cx: &Ctx, t: &Table) -> Card {
    let nd = newest(cx, t);
    let langs = cx.site.languages_of(&t.editions);
    let editions: Vec<&str> = t
        .editions
        .iter()
        .filter_map(|&d| cx.site.documents[d].edition.as_deref())
        .collect();
    let fill = |l: &str, key: &str| {
        cx.ui(l, key)
            .replace("{title}", nd.title.text_in(l))
            .replace("{rows}", &t.rows.len().to_string())
    };
    let each = |key: &str| -> Vec<Span> {
        langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: fill(l, key),
            })
            .collect()
    };
    Card {
        href: path(&t.series),
        titles: langs
            .iter()
            .map(|l| CardTitle {
                lang: l.clone(),
                text: fill(l, "commit_card"),
                translated: None,
            })
            .collect(),
        edition: Some(editions.join(", ")),
        date: None,
        languages: cx.language_names(&langs),
        size: each("commit_size"),
        views: Vec::new(),
    }
}

pub fn page(cx: &Ctx, t: &Table) -> CommitmentsPage {
    let docs = &cx.site.documents;
    let here = path(&t.series);
    let langs = cx.site.languages_of(&t.editions);
    let lang = langs.first().cloned().unwrap_or_else(|| "en".to_string());
    let nd = newest(cx, t);
    let heading = |l: &str| {
        cx.ui(l, "commit_title")
            .replace("{title}", nd.title.text_in(l))
    };
    let mut frame = cx.frame(&here, &lang, &heading(&lang));
    frame.description = Some(Span {
        lang: lang.clone(),
        text: cx.ui(&lang, "commit_description"),
    });
    let editions = t
        .editions
        .iter()
        .map(|&d| EditionHead {
            names: langs
                .iter()
                .map(|l| Span {
                    lang: l.clone(),
                    text: cx
                        .ui(l, "commit_edition")
                        .replace("{edition}", docs[d].edition.as_deref().unwrap_or("")),
                })
                .collect(),
            edition: docs[d].edition.clone().unwrap_or_default(),
            href: urls::rel(&here, &urls::document(&docs[d].id, None)),
        })
        .collect();
    CommitmentsPage {
        headings: langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: heading(l),
            })
            .collect(),
        editions,
        rows: t
            .rows
            .iter()
            .map(|r| commitment_rows::row(cx, &here, &langs, t, r))
            .collect(),
        data_href: urls::rel(&here, &data_path(&t.series)),
        compare: cx
            .comparisons
            .iter()
            .filter(|c| c.series == t.series)
            .map(|c| BriefingLink {
                href: urls::rel(&here, &super::compare::path(cx, c)),
                titles: cx.alts_with(|ui| {
                    cx.ui(ui, "compare_card")
                        .replace("{old}", docs[c.old].edition.as_deref().unwrap_or(""))
                        .replace("{new}", docs[c.new].edition.as_deref().unwrap_or(""))
                }),
            })
            .collect(),
        langs,
        frame,
    }
}
