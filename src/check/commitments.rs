//! `content/commitments.toml` into the model's [`Correction`]s: each
//! names a clause that exists in an edition of a series, a language of
//! its document, a figure written in that clause's text in that
//! language, a known kind, and either a kind or `suppress`; each figure
//! is corrected once. Every problem is reported with its line.

use std::collections::HashMap;
use std::ops::Range;

use super::keys::Keys;
use super::links::check_key;
use super::text::quoted;
use crate::diag::Diagnostic;
use crate::model::commitments::{extract, kinds, Correction};
use crate::source::commitments::RawCommitments;
use crate::source::load::Sourced;

/// The corrections in file order; empty without `commitments.toml`.
pub(super) fn check_corrections(
    file: Option<&Sourced<RawCommitments>>,
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Vec<Correction> {
    let Some(file) = file else {
        return Vec::new();
    };
    let mut made = Vec::new();
    // (clause, lang) → where each figure corrected is in the text, the
    // line of its correction and the figure.
    type Seen<'a> = Vec<(Range<usize>, usize, &'a str)>;
    let mut seen: HashMap<(&str, &str), Seen> = HashMap::new();
    for c in &file.value.corrections {
        let c = c.get_ref();
        let (key, lang, figure) = (c.clause.get_ref(), c.lang.get_ref(), c.figure.get_ref());
        let found = check_key(file, &c.clause, keys, out);
        let mut ok = found.is_some();
        if let Some(found) = found {
            let doc = &found.file.value;
            let node = doc.nodes[found.node.node].get_ref();
            let langs: Vec<&str> = doc
                .languages
                .get_ref()
                .iter()
                .map(|l| l.get_ref().as_str())
                .collect();
            if doc.series.is_none() || doc.edition.is_none() {
                ok = false;
                out.push(
                    file.diag(c.clause.span(), format!("document `{}` has no series and edition", doc.id.get_ref()))
                        .help("only the editions of a series have commitments: give the document `series` and `edition`, or remove the correction"),
                );
            } else if !langs.contains(&lang.as_str()) {
                ok = false;
                out.push(
                    file.diag(
                        c.lang.span(),
                        format!("document `{}` has no language `{lang}`", doc.id.get_ref()),
                    )
                    .help(format!("use one of its languages: {}", quoted(&langs))),
                );
            } else if let Some(text) = node.text.get(lang) {
                if figure.is_empty() || !text.contains(figure.as_str()) {
                    ok = false;
                    out.push(
                        file.diag(c.figure.span(), format!("`{figure}` is not in the {lang} text of `{key}`"))
                            .help("copy the figure as written in the clause's text, e.g. `3500个` or `5,000`"),
                    );
                } else if c.kind.is_some() && c.value.is_none() && !read(text, lang, figure) {
                    ok = false;
                    out.push(
                        file.diag(
                            c.figure.span(),
                            format!("`{figure}` of `{key}` is not read as a figure"),
                        )
                        .help(
                            "give its `value`: a figure the reading missed is added with its value",
                        ),
                    );
                }
            } else {
                ok = false;
                out.push(
                    file.diag(c.clause.span(), format!("`{key}` has no {lang} text"))
                        .help("a correction names a clause with text in that language"),
                );
            }
        }
        if let Some(kind) = &c.kind {
            if kinds::find(kind.get_ref()).is_none() {
                ok = false;
                out.push(
                    file.diag(kind.span(), format!("unknown kind `{}`", kind.get_ref()))
                        .help(format!("use one of {}", kinds::expected())),
                );
            }
        }
        let suppress = c.suppress.as_ref().is_some_and(|s| *s.get_ref());
        match (&c.kind, suppress) {
            (Some(kind), true) => {
                ok = false;
                out.push(
                    file.diag(kind.span(), "a correction gives a kind and `suppress = true`")
                        .help("give `kind` to correct the figure, or `suppress = true` to leave it out, not both"),
                );
            }
            (None, false) => {
                ok = false;
                let at = c.suppress.as_ref().map_or(c.clause.span(), |s| s.span());
                out.push(
                    file.diag(
                        at,
                        format!("the correction of `{figure}` in `{key}` says nothing"),
                    )
                    .help("give `kind` (and `value`, `unit` if needed), or `suppress = true`"),
                );
            }
            _ => {}
        }
        if suppress && (c.value.is_some() || c.unit.is_some()) {
            ok = false;
            let at = c.value.as_ref().map_or_else(
                || c.unit.as_ref().map(|u| u.span()).unwrap_or_default(),
                |v| v.span(),
            );
            out.push(
                file.diag(at, "a suppressed figure has no value or unit")
                    .help("remove `value` and `unit`, or `suppress`"),
            );
        }
        // Two corrections of one figure: what they name overlaps where it
        // is first written in the clause's text.
        let at = found
            .and_then(|f| f.file.value.nodes[f.node.node].get_ref().text.get(lang))
            .and_then(|text| text.find(figure.as_str()))
            .filter(|_| !figure.is_empty());
        if let Some(at) = at {
            let span = at..at + figure.len();
            let earlier = seen.entry((key.as_str(), lang.as_str())).or_default();
            if let Some((_, first, named)) = earlier
                .iter()
                .find(|(s, _, _)| s.start < span.end && span.start < s.end)
            {
                ok = false;
                out.push(
                    file.diag(
                        c.figure.span(),
                        format!("`{figure}` of `{key}` ({lang}) is corrected twice"),
                    )
                    .help(format!(
                        "line {first} already corrects `{named}`; keep one correction per figure"
                    )),
                );
            } else {
                earlier.push((span, file.line(c.figure.span()), figure));
            }
        }
        if let (true, Some(found)) = (ok, found) {
            made.push(Correction {
                clause: found.node,
                lang: lang.clone(),
                figure: figure.clone(),
                kind: c.kind.as_ref().map(|k| k.get_ref().clone()),
                value: c.value.as_ref().map(|v| *v.get_ref()),
                unit: c.unit.as_ref().map(|u| u.get_ref().clone()),
                suppress,
            });
        }
    }
    made
}

/// Whether the first `figure` in `text` overlaps a figure read from it.
fn read(text: &str, lang: &str, figure: &str) -> bool {
    let at = text.find(figure).unwrap_or(0);
    extract::figures(text, lang)
        .iter()
        .any(|f| f.span.start < at + figure.len() && at < f.span.end)
}
