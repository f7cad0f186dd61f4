//! Checks of text fields: languages declared and present, text that is
//! safe to show, and node kinds.

use std::fmt::Display;

use crate::diag::Diagnostic;
use crate::model::NodeKind;
use crate::source::load::Sourced;
use crate::source::raw::LangMap;

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
        if !langs.iter().any(|l| l == lang) {
            out.push(
                file.diag(
                    span.clone(),
                    format!("{what} has language `{lang}`, which is not declared"),
                )
                .help(if langs.is_empty() {
                    "the document declares no language it may use; fix its `languages`".to_string()
                } else {
                    format!("use one of: {}", langs.join(", "))
                }),
            );
        } else if text.trim().is_empty() {
            out.push(
                file.diag(span.clone(), format!("{what} in `{lang}` is empty"))
                    .help("write the text or remove the entry"),
            );
        } else if let Some((problem, help)) = crate::check::safety::text_problem(text) {
            out.push(
                file.diag(span.clone(), format!("{what} in `{lang}`: {problem}"))
                    .help(help),
            );
        }
    }
}

/// A text field that pages show as plain text (titles, a document's
/// provenance, a briefing's audience, names of kinds) as its Markdown reads:
/// entities decoded, escapes and emphasis marks gone. Kept as written, the
/// template escaped it again: `R&amp;D` was shown as `R&amp;D`, `&lt;` as
/// `&lt;`. Checked as content text before (`check_langs`), and the
/// characters its entities stand for too (`super::invisible`).
pub(super) fn plain_texts(map: &LangMap) -> LangMap {
    map.iter()
        .map(|(lang, text)| (lang, crate::render::text::plain(text)))
        .collect()
}

/// A text every one of `required` must have, in no language but those
/// `allowed`: [`check_langs`] and [`require_langs`].
pub(super) fn check_required<T>(
    file: &Sourced<T>,
    field: &toml::Spanned<LangMap>,
    allowed: &[String],
    required: &[String],
    what: &dyn Display,
    out: &mut Vec<Diagnostic>,
) {
    check_langs(file, field.span(), field.get_ref(), allowed, what, out);
    require_langs(file, field.span(), field.get_ref(), required, what, out);
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
    for lang in langs.iter().filter(|l| !map.contains_key(l)) {
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

/// Each of `list` in backquotes, separated by commas: `` `zh-Hans`, `en` ``.
pub(super) fn quoted<S: AsRef<str>>(list: &[S]) -> String {
    list.iter()
        .map(|l| format!("`{}`", l.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}
