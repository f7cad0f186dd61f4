//! The parts a rendering is made of, each rendered on its own and in
//! parallel: what each part is (a document with its views, a briefing, the
//! home page, a static file…) and the files it makes.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::model::commitments::Table;
use crate::model::compare::Comparison;
use crate::model::{NodeRef, Site};
use crate::source::pages::Page;
use crate::Error;

use super::theme::Theme;
use super::{data, html, html_with, pages, sitemap, urls, Ctx, OutFile, Scope};

/// One unit of rendering work; jobs run in parallel.
pub(super) enum Job {
    Home,
    NotFound,
    /// A document in each of its views, with their print stylesheet.
    Document(usize),
    Data(usize),
    Crosswalk,
    Sitemap,
    Page(usize),
    /// A briefing's page and its print stylesheet.
    Briefing(usize),
    /// The stylesheet of the interface languages.
    Interface,
    Static(usize),
    /// An edition comparison's page.
    Compare(usize),
    /// The comparisons of a series as open data (the index of its first).
    CompareData(usize),
    /// A series' commitments with figures: its page and its open data.
    Commitments(usize),
    /// The topic index.
    Topics,
    /// A topic's page and its print stylesheet.
    Topic(usize),
}

/// The parts to render of what `scope` names.
pub(super) fn jobs(
    site: &Site,
    pages: &[Page],
    theme: &Theme,
    scope: Scope,
    comparisons: &[Comparison],
    commitments: &[Table],
) -> Vec<Job> {
    let mut jobs = Vec::new();
    if !matches!(
        scope,
        Scope::Documents {
            site_wide: false,
            ..
        }
    ) {
        jobs.extend([Job::Home, Job::NotFound, Job::Crosswalk, Job::Sitemap]);
    }
    let docs: Vec<usize> = match scope {
        Scope::All => (0..site.documents.len()).collect(),
        Scope::Documents { docs, .. } => docs
            .iter()
            .copied()
            .filter(|&d| d < site.documents.len())
            .collect(),
    };
    // Briefings that quote a document in scope (its clauses, and the
    // cross-links of those clauses, whose documents are in scope too when
    // their text changed); all of them when the site-wide pages are.
    let quotes = |b: &crate::model::briefing::Briefing| match scope {
        Scope::Documents {
            docs,
            site_wide: false,
            ..
        } => docs.iter().any(|&d| b.cites(d)),
        _ => true,
    };
    jobs.extend(
        (0..site.briefings.len())
            .filter(|&b| quotes(&site.briefings[b]))
            .map(Job::Briefing),
    );
    // Comparisons of an edition in scope; a series' data with its first.
    for (i, c) in comparisons.iter().enumerate() {
        let in_scope = match scope {
            Scope::All => true,
            Scope::Documents { docs, .. } => docs.contains(&c.old) || docs.contains(&c.new),
        };
        if in_scope {
            jobs.push(Job::Compare(i));
            let first = comparisons.iter().position(|f| f.series == c.series);
            if !jobs
                .iter()
                .any(|j| matches!(j, Job::CompareData(f) if Some(*f) == first))
            {
                jobs.extend(first.map(Job::CompareData));
            }
        }
    }
    for (i, t) in commitments.iter().enumerate() {
        let in_scope = match scope {
            Scope::All => true,
            Scope::Documents { docs, .. } => t.editions.iter().any(|d| docs.contains(d)),
        };
        if in_scope {
            jobs.push(Job::Commitments(i));
        }
    }
    // A topic page quotes nodes as a briefing does, with the titles of
    // their cross-links' other ends; the index counts every document's
    // clauses (of the topics shown: a clause that gains or loses its text
    // is a node shown differently).
    let topics: Vec<usize> = (0..site.topics.list.len())
        .filter(|&t| match scope {
            Scope::Documents {
                nodes,
                site_wide: false,
                ..
            } => shows_any(site, t, nodes),
            _ => true,
        })
        .collect();
    if !topics.is_empty() {
        jobs.push(Job::Topics);
    }
    jobs.extend(topics.into_iter().map(Job::Topic));
    for d in docs {
        jobs.push(Job::Data(d));
        jobs.push(Job::Document(d));
    }
    if let Scope::All = scope {
        jobs.extend((0..pages.len()).map(Job::Page));
        jobs.push(Job::Interface);
        // The interface stylesheet is made for the site's languages.
        let made =
            |i: &usize| format!("static/{}", theme.statics[*i].0) != super::interface::CSS_PATH;
        jobs.extend((0..theme.statics.len()).filter(made).map(Job::Static));
    }
    jobs
}

/// Whether topic `t`'s page shows one of `nodes`: a node it covers, or
/// the other end of a cross-link of one.
fn shows_any(site: &Site, t: usize, nodes: &BTreeSet<NodeRef>) -> bool {
    site.topics.nodes(t, &site.documents).into_iter().any(|r| {
        let a = site.attached(r);
        nodes.contains(&r)
            || (a.links_out.iter().chain(&a.links_in))
                .map(|&l| &site.links[l])
                .any(|l| nodes.contains(&l.from) || nodes.contains(&l.to))
    })
}

/// The files of one part.
pub(super) fn run(cx: &Ctx, theme: &Theme, job: &Job) -> Result<Vec<OutFile>, Error> {
    let site = cx.site;
    let file = |path: &str, bytes: String| OutFile {
        path: path.to_string(),
        bytes: bytes.into_bytes(),
    };
    Ok(match *job {
        Job::Home => vec![html(
            cx,
            theme,
            "index.html",
            urls::HOME.to_string(),
            &pages::home::page(cx),
        )?],
        Job::NotFound => vec![html(
            cx,
            theme,
            "404.html",
            "404.html".to_string(),
            &pages::home::not_found(cx),
        )?],
        Job::Document(d) => {
            let doc = &site.documents[d];
            let mut views = vec![None];
            if doc.languages.len() > 1 {
                views.extend(doc.languages.iter().map(|l| Some(l.as_str())));
            }
            let mut out = vec![file(
                &pages::document::print_css_path(&doc.id),
                pages::document::print_css(doc),
            )];
            out.extend(super::cite::files(cx, theme, d)?);
            // The views share their nodes, and are rendered in parallel: a
            // large document is the longest part of a build, and the page
            // `serve` renders again after each save.
            let nodes = tera::Value::from_serializable(&pages::nodes::nodes(cx, d));
            let pages: Vec<OutFile> = (views.into_par_iter())
                .map(|view| {
                    html_with(
                        cx,
                        theme,
                        "document.html",
                        urls::document(&doc.id, view),
                        &pages::document::page(cx, d, view),
                        &[("nodes", &nodes)],
                    )
                })
                .collect::<Result<_, _>>()?;
            out.extend(pages);
            out
        }
        Job::Data(d) => vec![OutFile {
            path: urls::data(&site.documents[d].id),
            bytes: data::document_json(site, d),
        }],
        Job::Crosswalk => {
            let topics = data::topics_json(site).map(|bytes| OutFile {
                path: "data/topics.json".to_string(),
                bytes,
            });
            let crosswalk = OutFile {
                path: "data/crosswalk.json".to_string(),
                bytes: data::crosswalk_json(site),
            };
            std::iter::once(crosswalk).chain(topics).collect()
        }
        Job::Sitemap => vec![sitemap(cx, theme)?],
        Job::Page(p) => vec![html(
            cx,
            theme,
            "page.html",
            urls::page(&cx.pages[p].slug),
            &pages::page::page(cx, &cx.pages[p]),
        )?],
        Job::Briefing(b) => {
            let b = &site.briefings[b];
            vec![
                html(
                    cx,
                    theme,
                    "briefing.html",
                    pages::briefing::path(&b.id),
                    &pages::briefing::page(cx, b),
                )?,
                file(
                    &pages::briefing::print_css_path(&b.id),
                    pages::briefing::print_css(b),
                ),
            ]
        }
        Job::Compare(i) => {
            let c = &cx.comparisons[i];
            vec![html(
                cx,
                theme,
                "compare.html",
                pages::compare::path(cx, c),
                &pages::compare::page(cx, c),
            )?]
        }
        Job::CompareData(i) => {
            let series = &cx.comparisons[i].series;
            vec![OutFile {
                path: pages::compare::data_path(series),
                bytes: super::compare_data::series_json(cx, series),
            }]
        }
        Job::Commitments(i) => {
            let t = &cx.commitments[i];
            vec![
                html(
                    cx,
                    theme,
                    "commitments.html",
                    pages::commitments::path(&t.series),
                    &pages::commitments::page(cx, t),
                )?,
                OutFile {
                    path: pages::commitments::data_path(&t.series),
                    bytes: super::commitments_data::series_json(cx, t),
                },
            ]
        }
        Job::Topics => vec![html(
            cx,
            theme,
            "topics.html",
            pages::topics::INDEX.to_string(),
            &pages::topics::index(cx),
        )?],
        Job::Topic(t) => {
            let id = &site.topics.list[t].id;
            vec![
                html(
                    cx,
                    theme,
                    "topic.html",
                    pages::topics::path(id),
                    &pages::topics::page(cx, t),
                )?,
                file(
                    &pages::topics::print_css_path(id),
                    pages::topics::print_css(site, t),
                ),
            ]
        }
        Job::Interface => vec![file(
            super::interface::CSS_PATH,
            super::interface::css(&cx.uis),
        )],
        Job::Static(i) => {
            let (path, bytes) = &theme.statics[i];
            vec![OutFile {
                path: format!("static/{path}"),
                bytes: bytes.clone(),
            }]
        }
    })
}
