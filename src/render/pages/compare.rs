//! The page of an edition comparison (`templates/compare.html`): the
//! summary, then per area of the new edition its rows, the old edition
//! in the left column and the new in the right, and what of the old
//! edition nothing continues. The model is src/model/compare.rs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::compare_rows::{Maker, RowView};
use super::document::BriefingLink;
use super::home::{Card, CardTitle};
use crate::model::compare::{Comparison, Counts};
use crate::model::{citation_key, Document};
use crate::render::frame::{Frame, Span};
use crate::render::{text, urls, Ctx};

#[derive(Serialize)]
pub struct ComparePage {
    pub frame: Frame,
    /// The page's heading in each of its languages.
    pub headings: Vec<Span>,
    /// What each status is called (`new`, `continued`, `not_continued`,
    /// `remainder`), in each language of the page.
    pub marks: BTreeMap<&'static str, Vec<Span>>,
    /// The interface languages of the page: those of the two editions,
    /// in the site's order.
    pub langs: Vec<String>,
    pub old: Edition,
    pub new: Edition,
    pub totals: Counts,
    /// Per top-level node: the new edition's areas, then the old's.
    pub summary: Vec<SummaryRow>,
    pub areas: Vec<AreaView>,
    pub dropped: Vec<RowView>,
    pub data_href: String,
    /// The commitments with figures of the series.
    pub commitments: Vec<BriefingLink>,
}

#[derive(Serialize)]
pub struct Edition {
    pub edition: String,
    /// "Earlier edition, 2022-2024" in each language of the page.
    pub which: Vec<Span>,
    pub href: String,
    pub titles: Vec<Span>,
}

#[derive(Serialize)]
pub struct SummaryRow {
    /// `new` or `old`: the edition the area is of.
    pub edition: &'static str,
    pub href: String,
    pub names: Vec<Span>,
    pub counts: Counts,
}

#[derive(Serialize)]
pub struct AreaView {
    pub key: String,
    pub names: Vec<Span>,
    pub rows: Vec<RowView>,
}

/// Where the comparison of `c` is: `compare/<series>/<old>--<new>/index.html`.
pub fn path(cx: &Ctx, c: &Comparison) -> String {
    path_of(cx.site, c)
}

pub fn path_of(site: &crate::model::Site, c: &Comparison) -> String {
    let ed = |d: usize| slug(site.documents[d].edition.as_deref().unwrap_or(""));
    format!(
        "compare/{}/{}--{}/index.html",
        slug(&c.series),
        ed(c.old),
        ed(c.new)
    )
}

/// A series or edition as a part of a path: series and editions are free
/// text, so every character but ASCII letters, digits, `-`, `_` and `.`
/// becomes `-`, and a part of dots alone (`..`) dashes.
pub(crate) fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.chars().all(|c| c == '.') {
        "-".repeat(s.len().max(1))
    } else {
        s
    }
}

/// The links from document `d`'s page at `from` to its comparisons, titled
/// in every interface language.
pub fn links(cx: &Ctx, d: usize, from: &str) -> Vec<BriefingLink> {
    let docs = &cx.site.documents;
    cx.comparisons
        .iter()
        .filter(|c| c.old == d || c.new == d)
        .map(|c| {
            let other = if c.old == d { c.new } else { c.old };
            let edition = docs[other].edition.clone().unwrap_or_default();
            BriefingLink {
                href: urls::rel(from, &path(cx, c)),
                titles: cx.alts_with(|ui| cx.ui(ui, "compare_with").replace("{edition}", &edition)),
            }
        })
        .collect()
}

/// A comparison on the home page: its heading in each language of its
/// editions, and its counts.
pub fn card(cx: &Ctx, c: &Comparison) -> Card {
    let docs = &cx.site.documents;
    let (od, nd) = (&docs[c.old], &docs[c.new]);
    let langs = cx.site.languages_of(&[c.old, c.new]);
    let ed = |d: &Document| d.edition.clone().unwrap_or_default();
    let fill = |l: &str, key: &str| {
        cx.ui(l, key)
            .replace("{old}", &ed(od))
            .replace("{new}", &ed(nd))
            .replace("{title}", nd.title.text_in(l))
            .replace(
                "{sections}",
                &(c.counts.sections_new + c.counts.sections_continued).to_string(),
            )
    };
    Card {
        href: path(cx, c),
        titles: langs
            .iter()
            .map(|l| CardTitle {
                lang: l.clone(),
                text: fill(l, "compare_card"),
                translated: None,
            })
            .collect(),
        edition: Some(format!("{}–{}", ed(od), ed(nd))),
        date: None,
        languages: cx.language_names(&langs),
        size: langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: fill(l, "compare_size"),
            })
            .collect(),
        views: Vec::new(),
    }
}

pub fn page(cx: &Ctx, c: &Comparison) -> ComparePage {
    let site = cx.site;
    let (od, nd) = (&site.documents[c.old], &site.documents[c.new]);
    let here = path(cx, c);
    let langs = site.languages_of(&[c.old, c.new]);
    let lang = langs.first().cloned().unwrap_or_else(|| "en".to_string());
    let edition = |doc: &Document, key: &str, var: &str| Edition {
        edition: doc.edition.clone().unwrap_or_default(),
        which: langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: cx
                    .ui(l, key)
                    .replace(var, doc.edition.as_deref().unwrap_or("")),
            })
            .collect(),
        href: urls::rel(&here, &urls::document(&doc.id, None)),
        titles: doc
            .languages
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: doc.title.text_in(l).to_string(),
            })
            .collect(),
    };
    let (old, new) = (
        edition(od, "compare_old", "{old}"),
        edition(nd, "compare_new_ed", "{new}"),
    );
    let title = cx
        .ui(&lang, "compare_title")
        .replace("{old}", &old.edition)
        .replace("{new}", &new.edition);
    let mut frame = cx.frame(&here, &lang, &title);
    frame.description = Some(Span {
        lang: lang.clone(),
        text: format!("{title} · {}", nd.title.text_in(&lang)),
    });
    let mk = Maker { cx, here: &here, c };
    let mut summary: Vec<SummaryRow> = c
        .areas
        .iter()
        .map(|a| SummaryRow {
            edition: "new",
            href: format!("#{}", citation_key(&nd.id, &nd.nodes[a.node].id)),
            names: names(cx, nd, a.node),
            counts: a.counts,
        })
        .collect();
    summary.extend(c.old_areas.iter().map(|&(n, counts)| SummaryRow {
        edition: "old",
        href: mk.href(c.old, n),
        names: names(cx, od, n),
        counts,
    }));
    let each = |key: &str| -> Vec<Span> {
        langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: cx
                    .ui(l, key)
                    .replace("{old}", &old.edition)
                    .replace("{new}", &new.edition),
            })
            .collect()
    };
    let marks = marks(cx, &langs, &old.edition, &new.edition);
    ComparePage {
        headings: each("compare_title"),
        marks,
        langs,
        totals: c.counts,
        summary,
        areas: c
            .areas
            .iter()
            .map(|a| AreaView {
                key: citation_key(&nd.id, &nd.nodes[a.node].id),
                names: names(cx, nd, a.node),
                rows: a.rows.iter().map(|r| mk.row(r)).collect(),
            })
            .collect(),
        dropped: c.dropped.iter().map(|r| mk.row(r)).collect(),
        data_href: urls::rel(&here, &data_path(&c.series)),
        commitments: cx
            .commitments
            .iter()
            .filter(|t| t.series == c.series)
            .map(|t| super::commitments::link(cx, t, &here))
            .collect(),
        old,
        new,
        frame,
    }
}

pub fn data_path(series: &str) -> String {
    format!("data/compare-{}.json", slug(series))
}

/// A node's name in each language of its document: label and heading,
/// else label and the first sentence of its text; else what its kind
/// is called (string `node_<kind>`: 序言, Preamble).
fn names(cx: &Ctx, doc: &Document, i: usize) -> Vec<Span> {
    let n = &doc.nodes[i];
    doc.languages
        .iter()
        .map(|l| {
            let label = n.label.get(l).map_or("", String::as_str);
            let rest = match n.heading.get(l) {
                Some(h) => text::plain(h),
                None => n
                    .text
                    .get(l)
                    .map_or_else(String::new, |t| text::lead(t, 80)),
            };
            let text = [label, rest.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            Span {
                lang: l.clone(),
                text: if text.is_empty() {
                    cx.ui_opt(l, &format!("node_{}", n.kind))
                        .unwrap_or_else(|| n.id.clone())
                } else {
                    text
                },
            }
        })
        .collect()
}

/// What marks a row's status (and a rewritten pair) in each of `langs`,
/// the editions named: new, continued, not continued…
pub fn marks(
    cx: &Ctx,
    langs: &[String],
    old: &str,
    new: &str,
) -> BTreeMap<&'static str, Vec<Span>> {
    [
        "new",
        "continued",
        "not_continued",
        "remainder",
        "rewritten",
    ]
    .into_iter()
    .map(|s| {
        let key = format!("compare_{s}");
        let each = (langs.iter())
            .map(|l| Span {
                lang: l.clone(),
                text: cx.ui(l, &key).replace("{old}", old).replace("{new}", new),
            })
            .collect();
        (s, each)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_stay_in_their_folder() {
        assert_eq!(
            super::slug("china-celac-action-plan"),
            "china-celac-action-plan"
        );
        assert_eq!(super::slug("2025-2027"), "2025-2027");
        assert_eq!(super::slug(".."), "--");
        assert_eq!(super::slug("a/../b c"), "a-..-b-c");
        assert_eq!(super::data_path("x/y"), "data/compare-x-y.json");
    }
}
