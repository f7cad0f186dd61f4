//! One document file: its fields and nodes, checked, into the model's
//! [`Document`].

use std::sync::Arc;

use super::text::{check_required, plain_texts};
use crate::diag::Diagnostic;
use crate::model::ids;
use crate::model::{DocKind, Document, Official};
use crate::source::load::Sourced;
use crate::source::raw::RawDocument;

/// One document file into the model's document, or every problem in it.
pub(super) fn check_document(
    file: &Sourced<RawDocument>,
    site_langs: &[String],
) -> Result<Arc<Document>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let document = document(file, site_langs, &mut out);
    match document {
        Some(doc) if out.is_empty() => Ok(Arc::new(doc)),
        _ => Err(out),
    }
}

fn document(
    file: &Sourced<RawDocument>,
    site_langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> Option<Document> {
    let d = &file.value;
    let id = d.id.get_ref();
    if let Some(problem) = ids::too_long("document id", id) {
        out.push(file.diag(d.id.span(), problem).help(ids::TOO_LONG_HELP));
    } else if !ids::is_document_id(id) {
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
    if let Some(date) = &d.date {
        if !ids::is_date(date.get_ref()) {
            out.push(file.diag(
                date.span(),
                format!(
                    "date `{}` is not a day of the calendar written YYYY-MM-DD",
                    date.get_ref()
                ),
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
    check_required(file, &d.title, site_langs, &langs, &"title", out);
    for (field, what) in [
        (&d.author, "author"),
        (&d.publisher, "publisher"),
        (&d.place, "place"),
    ] {
        if let Some(f) = field {
            super::text::check_langs(file, f.span(), f.get_ref(), site_langs, &what, out);
        }
    }
    let official = official(file, site_langs, out);
    let nodes = super::nodes::check_nodes(file, &langs, out);
    Some(Document {
        id: id.clone(),
        // Checked against the site's kinds by `check_kind`.
        kind: d.kind.get_ref().clone(),
        series: d.series.as_ref().map(|s| s.get_ref().clone()),
        edition: d.edition.as_ref().map(|s| s.get_ref().clone()),
        title: plain_texts(d.title.get_ref()),
        date: d.date.as_ref().map(|s| s.get_ref().clone()),
        author: d
            .author
            .as_ref()
            .map(|a| plain_texts(a.get_ref()))
            .unwrap_or_default(),
        publisher: d
            .publisher
            .as_ref()
            .map(|p| plain_texts(p.get_ref()))
            .unwrap_or_default(),
        place: d
            .place
            .as_ref()
            .map(|p| plain_texts(p.get_ref()))
            .unwrap_or_default(),
        official,
        // In the site's order.
        languages: site_langs
            .iter()
            .filter(|l| langs.contains(l))
            .cloned()
            .collect(),
        source: d.source.clone(),
        nodes,
    })
}

/// The `[[official]]` sources: each in one of the site's languages (a
/// document's official text may exist in a language the site does not
/// publish it in), at an absolute `http:` or `https:` address, once.
fn official(
    file: &Sourced<RawDocument>,
    site_langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<Official> {
    let mut found: Vec<Official> = Vec::new();
    for o in &file.value.official {
        let o = o.get_ref();
        let (lang, url) = (o.lang.get_ref(), o.url.get_ref());
        let mut ok = true;
        if !site_langs.contains(lang) {
            out.push(
                file.diag(
                    o.lang.span(),
                    format!("official source in `{lang}`: not one of the site's languages"),
                )
                .help(format!("use one of: {}", site_langs.join(", "))),
            );
            ok = false;
        }
        if !is_web_address(url) {
            out.push(
                file.diag(
                    o.url.span(),
                    format!("official source `{url}` is not an absolute http(s) address"),
                )
                .help("write the address of the official page, e.g. `https://www.example.gov/text.html`"),
            );
            ok = false;
        } else if found.iter().any(|f| &f.url == url && &f.lang == lang) {
            out.push(file.diag(
                o.url.span(),
                format!("official source `{url}` is listed twice for `{lang}`"),
            ));
            ok = false;
        }
        if let Some(title) = &o.title {
            let t = title.get_ref();
            let problem = if t.trim().is_empty() {
                Some(("is empty".to_string(), "write the title or remove it"))
            } else {
                super::safety::text_problem(t)
            };
            if let Some((problem, help)) = problem {
                out.push(
                    file.diag(title.span(), format!("title of official source: {problem}"))
                        .help(help),
                );
                ok = false;
            }
        }
        if ok {
            found.push(Official {
                lang: lang.clone(),
                url: url.clone(),
                title: o
                    .title
                    .as_ref()
                    .map(|t| crate::render::text::plain(t.get_ref())),
            });
        }
    }
    found
}

/// `http://HOST…` or `https://HOST…`, lower-case scheme, with a host and
/// nothing that is not printable ASCII (no space, quote or angle bracket).
pub(crate) fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-', ':', '@'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    host_ok
        && url.chars().all(|c| {
            c.is_ascii_graphic()
                && !matches!(c, '"' | '<' | '>' | '\\' | '`' | '{' | '}' | '|' | '^')
        })
}

/// The document's kind is one of the site's (checked for the site, not
/// with the document, so that a checked document depends on its file only).
pub(super) fn check_kind(
    file: &Sourced<RawDocument>,
    kinds: &[DocKind],
    out: &mut Vec<Diagnostic>,
) {
    let kind = &file.value.kind;
    if kinds.iter().any(|k| k.id == *kind.get_ref()) {
        return;
    }
    let known: Vec<String> = kinds.iter().map(|k| format!("`{}`", k.id)).collect();
    out.push(
        file.diag(kind.span(), format!("unknown document kind `{}`", kind.get_ref()))
            .help(format!(
                "use one of {}, or declare it in content/site.toml as a [[kind]] with its `id` and `name`",
                known.join(", ")
            )),
    );
}
