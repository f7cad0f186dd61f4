//! Validate stage: every problem in the raw content, each with file and line.
//!
//! Checks never stop at the first problem. `resolve` runs only when this
//! returns no diagnostics, and may then rely on everything checked here.

use rayon::prelude::*;

use super::briefings::RawBriefing;
use super::fxhash::FxMap;
use super::ids;
use super::keys::{IdIndex, RawKeys};
use super::load::{RawContent, Sourced};
use super::model::DocKind;
use super::raw::{RawCrosswalk, RawDocument, RawNotes, RawSite};
use super::validate_text::{check_langs, require_langs};
use crate::diag::Diagnostic;

/// The content to check, borrowed: from a [`RawContent`], or from the
/// files `serve` keeps.
pub(super) struct View<'a> {
    pub site: Option<&'a Sourced<RawSite>>,
    pub documents: Vec<&'a Sourced<RawDocument>>,
    pub notes: Vec<&'a Sourced<RawNotes>>,
    pub crosswalk: Option<&'a Sourced<RawCrosswalk>>,
    pub briefings: &'a [Sourced<RawBriefing>],
}

impl<'a> View<'a> {
    pub fn of(content: &'a RawContent) -> View<'a> {
        View {
            site: content.site.as_ref(),
            documents: content.documents.iter().collect(),
            notes: content.notes.iter().collect(),
            crosswalk: content.crosswalk.as_ref(),
            briefings: &content.briefings,
        }
    }
}

/// What checking one document file gives: its problems, in order, and the
/// index of its node ids.
pub(super) type DocumentChecks = (Vec<Diagnostic>, IdIndex);

/// Checks everything; returns every problem found. The documents are
/// checked in parallel, their problems kept in the order of the files.
pub fn validate(content: &RawContent) -> Vec<Diagnostic> {
    validate_with_ids(content).0
}

/// As [`validate`]; also returns the id index of each document file.
pub(super) fn validate_with_ids(content: &RawContent) -> (Vec<Diagnostic>, Vec<IdIndex>) {
    let view = View::of(content);
    let mut out = Vec::new();
    let site_langs = site_languages(view.site, &mut out);
    let (problems, ids): (Vec<Vec<Diagnostic>>, Vec<IdIndex>) = view
        .documents
        .par_iter()
        .map(|doc| check_document(doc, &site_langs))
        .unzip();
    check_across(
        &view,
        &site_langs,
        problems,
        ids.iter().collect(),
        None,
        &mut out,
    );
    (out, ids)
}

/// Checks `site.toml`; returns the site's languages.
pub(super) fn site_languages(
    site: Option<&Sourced<RawSite>>,
    out: &mut Vec<Diagnostic>,
) -> Vec<String> {
    site.map(|s| check_site(s, out)).unwrap_or_default()
}

/// The checks that look at more than one file, after the problems of each
/// document (`problems`, with `ids` the id index of each, in the order of
/// `view.documents`): document ids used twice, notes, cross-links and
/// briefings. `crosswalk`: the problems of the cross-links when they are
/// known to be as last time. Returns the problems of the cross-links.
pub(super) fn check_across<'a>(
    view: &View<'a>,
    site_langs: &[String],
    problems: Vec<Vec<Diagnostic>>,
    ids: Vec<&'a IdIndex>,
    crosswalk: Option<Vec<Diagnostic>>,
    out: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut doc_files: FxMap<&str, &Sourced<RawDocument>> = FxMap::default();
    for (doc, problems) in view.documents.iter().zip(problems) {
        out.extend(problems);
        let id = doc.value.id.get_ref().as_str();
        if let Some(first) = doc_files.insert(id, doc) {
            out.push(
                doc.diag(doc.value.id.span(), format!("duplicate document id `{id}`"))
                    .help(format!(
                        "`{}` already uses this id; give each document its own",
                        first.path.display()
                    )),
            );
        }
    }
    let keys = RawKeys::new(view.documents.clone(), ids);
    super::validate_links::check_notes(&view.notes, site_langs, &keys, out);
    let crosswalk = crosswalk.unwrap_or_else(|| {
        let mut found = Vec::new();
        if let Some(cw) = view.crosswalk {
            super::validate_links::check_crosswalk(cw, &keys, &mut found);
        }
        found
    });
    out.extend(crosswalk.iter().cloned());
    super::validate_briefings::check_briefings(view.briefings, site_langs, &keys, out);
    crosswalk
}

fn check_site(site: &Sourced<RawSite>, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let s = &site.value;
    let mut langs = Vec::new();
    for lang in &s.languages {
        let code = lang.get_ref().code.get_ref();
        if !ids::is_language_tag(code) {
            out.push(
                site.diag(
                    lang.get_ref().code.span(),
                    format!("`{code}` is not a language tag"),
                )
                .help("use a BCP 47 tag such as `zh-Hans`, `en` or `es`"),
            );
        } else if langs.contains(code) {
            out.push(site.diag(
                lang.get_ref().code.span(),
                format!("language `{code}` is listed twice"),
            ));
        } else {
            langs.push(code.clone());
        }
    }
    if s.languages.is_empty() {
        out.push(
            Diagnostic::new(&site.path, Some(1), "the site has no [[language]]")
                .help("add a [[language]] table with `code` and `name` for each language"),
        );
    }
    check_langs(
        site,
        s.title.span(),
        s.title.get_ref(),
        &langs,
        &"site title",
        out,
    );
    require_langs(
        site,
        s.title.span(),
        s.title.get_ref(),
        &langs,
        &"site title",
        out,
    );
    if let Some(d) = &s.description {
        check_langs(
            site,
            d.span(),
            d.get_ref(),
            &langs,
            &"site description",
            out,
        );
    }
    let url = s.base_url.get_ref();
    if !(url.starts_with("https://") || url.starts_with("http://")) || !url.ends_with('/') {
        out.push(
            site.diag(
                s.base_url.span(),
                format!("base_url `{url}` is not an absolute URL ending in `/`"),
            )
            .help("write it as `https://example.org/` or `https://USER.github.io/REPO/`"),
        );
    }
    langs
}

/// Checks one document file.
pub(super) fn check_document(file: &Sourced<RawDocument>, site_langs: &[String]) -> DocumentChecks {
    let mut out = Vec::new();
    let nodes = document_fields(file, site_langs, &mut out);
    (out, nodes)
}

fn document_fields(
    file: &Sourced<RawDocument>,
    site_langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> IdIndex {
    let d = &file.value;
    let id = d.id.get_ref();
    if !ids::is_document_id(id) {
        out.push(file.diag(d.id.span(), format!("`{id}` is not a valid document id"))
            .help("use lower-case letters, digits and single hyphens, e.g. `china-celac-action-plan-2025-2027`"));
    } else if file.path.file_stem().and_then(|s| s.to_str()) != Some(id.as_str()) {
        out.push(
            file.diag(
                d.id.span(),
                format!("document id `{id}` does not match the file name"),
            )
            .help(format!("rename the file to `{id}.toml` or change the id")),
        );
    }
    if DocKind::parse(d.kind.get_ref()).is_none() {
        out.push(
            file.diag(
                d.kind.span(),
                format!("unknown document kind `{}`", d.kind.get_ref()),
            )
            .help(format!("use one of {}", DocKind::expected())),
        );
    }
    if let Some(date) = &d.date {
        if !ids::is_date(date.get_ref()) {
            out.push(file.diag(
                date.span(),
                format!("date `{}` is not YYYY-MM-DD", date.get_ref()),
            ));
        }
    }
    let mut langs: Vec<String> = Vec::new();
    for lang in d.languages.get_ref() {
        let code = lang.get_ref();
        if !site_langs.contains(code) {
            out.push(
                file.diag(
                    lang.span(),
                    format!("language `{code}` is not one of the site's languages"),
                )
                .help("add it to content/site.toml or fix the tag"),
            );
        } else if langs.contains(code) {
            out.push(file.diag(lang.span(), format!("language `{code}` is listed twice")));
        } else {
            langs.push(code.clone());
        }
    }
    if d.languages.get_ref().is_empty() {
        out.push(file.diag(d.languages.span(), "the document declares no language"));
    }
    check_langs(
        file,
        d.title.span(),
        d.title.get_ref(),
        site_langs,
        &"title",
        out,
    );
    require_langs(
        file,
        d.title.span(),
        d.title.get_ref(),
        &langs,
        &"title",
        out,
    );
    super::validate_nodes::check_nodes(file, &langs, out)
}
