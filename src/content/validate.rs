//! Validate stage: every problem in the raw content, each with file and line.
//!
//! Checks never stop at the first problem. `resolve` runs only when this
//! returns no diagnostics, and may then rely on everything checked here.

use std::fmt::Display;

use rayon::prelude::*;

use super::fxhash::{FxMap, FxSet};
use super::ids;
use super::keys::{NodeIndex, RawKeys};
use super::load::{RawContent, Sourced};
use super::model::{DocKind, NodeKind, NoteKind, Relation};
use super::raw::{LangMap, RawDocument, RawSite};
use crate::diag::Diagnostic;

/// Checks everything; returns every problem found. The documents are
/// checked in parallel, their problems kept in the order of the files.
pub fn validate(content: &RawContent) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let site_langs: Vec<String> = match &content.site {
        Some(site) => check_site(site, &mut out),
        None => Vec::new(),
    };
    let (per_document, nodes): (Vec<Vec<Diagnostic>>, Vec<NodeIndex>) = content
        .documents
        .par_iter()
        .map(|doc| {
            let mut out = Vec::new();
            let nodes = check_document(doc, &site_langs, &mut out);
            (out, nodes)
        })
        .unzip();
    let mut doc_files: FxMap<&str, &Sourced<RawDocument>> = FxMap::default();
    for (doc, problems) in content.documents.iter().zip(per_document) {
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
    let keys = RawKeys::new(&content.documents, nodes);
    for file in &content.notes {
        for note in &file.value.notes {
            let note = note.get_ref();
            check_key(file, &note.target, &keys, &mut out);
            if NoteKind::parse(note.kind.get_ref()).is_none() {
                out.push(
                    file.diag(
                        note.kind.span(),
                        format!("unknown note kind `{}`", note.kind.get_ref()),
                    )
                    .help(format!("use one of {}", NoteKind::expected())),
                );
            }
            check_langs(
                file,
                note.text.span(),
                note.text.get_ref(),
                &site_langs,
                &"note text",
                &mut out,
            );
            if note.text.get_ref().is_empty() {
                out.push(
                    file.diag(note.text.span(), "note has no text")
                        .help("write the note in at least one language"),
                );
            }
        }
    }
    if let Some(cw) = &content.crosswalk {
        let mut seen = FxSet::default();
        for link in &cw.value.links {
            let l = link.get_ref();
            let from = check_key(cw, &l.from, &keys, &mut out);
            let to = check_key(cw, &l.to, &keys, &mut out);
            let relation = Relation::parse(l.relation.get_ref());
            if relation.is_none() {
                out.push(
                    cw.diag(
                        l.relation.span(),
                        format!("unknown relation `{}`", l.relation.get_ref()),
                    )
                    .help(format!("use one of {}", Relation::expected())),
                );
            }
            if !seen.insert((l.from.get_ref(), l.to.get_ref())) {
                out.push(
                    cw.diag(
                        l.from.span(),
                        format!(
                            "link {} -> {} is declared twice",
                            l.from.get_ref(),
                            l.to.get_ref()
                        ),
                    )
                    .help("declare each link once; backlinks are derived"),
                );
            }
            if let (Some((fd, _)), Some((td, _))) = (from, to) {
                check_link_documents(cw, link.span(), fd, td, relation, &mut out);
            }
        }
    }
    super::validate_briefings::check_briefings(&content.briefings, &site_langs, &keys, &mut out);
    out
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

/// Checks one document file; returns the index of its node ids.
fn check_document<'a>(
    file: &'a Sourced<RawDocument>,
    site_langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> NodeIndex<'a> {
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

/// Checks a citation key `document:node`; returns the node when it exists.
pub(super) fn check_key<'a, T>(
    file: &Sourced<T>,
    key: &toml::Spanned<String>,
    keys: &RawKeys<'a>,
    out: &mut Vec<Diagnostic>,
) -> Option<(&'a Sourced<RawDocument>, usize)> {
    let found = keys.get(key.get_ref());
    if found.is_none() {
        let help = match key.get_ref().split_once(':') {
            None => "write the key as `document:node`, e.g. `china-celac-action-plan-2025-2027:art_2__sec_3`".to_string(),
            Some((doc, _)) if !keys.has_document(doc) => {
                format!("there is no document `{doc}`; check the document id")
            }
            Some((doc, _)) => format!("document `{doc}` has no such node; check the node id in its file"),
        };
        out.push(
            file.diag(key.span(), format!("`{}` does not exist", key.get_ref()))
                .help(help),
        );
    }
    found
}

fn check_link_documents<'a, T>(
    cw: &Sourced<T>,
    span: std::ops::Range<usize>,
    from: &'a Sourced<RawDocument>,
    to: &'a Sourced<RawDocument>,
    relation: Option<Relation>,
    out: &mut Vec<Diagnostic>,
) {
    let (f, t) = (&from.value, &to.value);
    if f.id.get_ref() == t.id.get_ref() {
        out.push(cw.diag(
            span,
            "a cross-link must join nodes of two different documents",
        ));
        return;
    }
    if relation == Some(Relation::Continues) {
        let series = |d: &'a RawDocument| d.series.as_ref().map(|s| s.get_ref());
        let edition = |d: &'a RawDocument| d.edition.as_ref().map(|s| s.get_ref());
        if series(f).is_none() || series(f) != series(t) {
            out.push(cw.diag(span, format!("`continues` joins two editions of one series, but `{}` and `{}` are not in the same series", f.id.get_ref(), t.id.get_ref()))
                .help("use `related` for documents of different series"));
        } else if edition(f) <= edition(t) {
            out.push(cw.diag(span, format!("`continues` must go from the newer edition to the older, but `{}` is not newer than `{}`", f.id.get_ref(), t.id.get_ref()))
                .help("swap `from` and `to`"));
        }
    }
}

/// Every key of `map` must be one of `langs`.
pub(super) fn check_langs<T>(
    file: &Sourced<T>,
    span: std::ops::Range<usize>,
    map: &LangMap,
    langs: &[String],
    what: &dyn Display,
    out: &mut Vec<Diagnostic>,
) {
    for (lang, text) in map {
        if !langs.contains(lang) {
            out.push(
                file.diag(
                    span.clone(),
                    format!("{what} has language `{lang}`, which is not declared"),
                )
                .help(format!("use one of: {}", langs.join(", "))),
            );
        } else if text.trim().is_empty() {
            out.push(
                file.diag(span.clone(), format!("{what} in `{lang}` is empty"))
                    .help("write the text or remove the entry"),
            );
        } else if let Some((problem, help)) = super::safety::text_problem(text) {
            out.push(
                file.diag(span.clone(), format!("{what} in `{lang}`: {problem}"))
                    .help(help),
            );
        }
    }
}

/// `map` must have every one of `langs`.
pub(super) fn require_langs<T>(
    file: &Sourced<T>,
    span: std::ops::Range<usize>,
    map: &LangMap,
    langs: &[String],
    what: &dyn Display,
    out: &mut Vec<Diagnostic>,
) {
    for lang in langs.iter().filter(|l| !map.contains_key(*l)) {
        out.push(
            file.diag(span.clone(), format!("{what} is missing in `{lang}`"))
                .help(format!(
                    "add `{lang}` text: the document declares this language"
                )),
        );
    }
}

/// Parses a node kind, reporting an unknown one.
pub(super) fn node_kind<T>(
    file: &Sourced<T>,
    kind: &toml::Spanned<String>,
    out: &mut Vec<Diagnostic>,
) -> Option<NodeKind> {
    let k = NodeKind::parse(kind.get_ref());
    if k.is_none() {
        out.push(
            file.diag(
                kind.span(),
                format!("unknown node kind `{}`", kind.get_ref()),
            )
            .help(format!("use one of {}", NodeKind::expected())),
        );
    }
    k
}
