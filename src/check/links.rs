//! Notes and cross-links, checked across files: they name nodes that
//! exist, in documents that fit the relation.

use std::collections::HashSet;

use rayon::prelude::*;

use super::keys::{Found, Keys};
use super::text::check_langs;
use crate::diag::Diagnostic;
use crate::model::{Link, Note, NoteKind, Relation};
use crate::source::load::Sourced;
use crate::source::raw::{RawCrosswalk, RawDocument, RawNotes};

/// The notes: targets that exist, known kinds, text in the site's languages.
pub(super) fn check_notes(
    files: &[Sourced<RawNotes>],
    site_langs: &[String],
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Vec<Note> {
    let mut notes = Vec::new();
    for file in files {
        for note in &file.value.notes {
            let note = note.get_ref();
            let target = check_key(file, &note.target, keys, out);
            let kind = NoteKind::parse(note.kind.get_ref());
            if kind.is_none() {
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
                site_langs,
                &"note text",
                out,
            );
            if note.text.get_ref().is_empty() {
                out.push(
                    file.diag(note.text.span(), "note has no text")
                        .help("write the note in at least one language"),
                );
            }
            if let (Some(target), Some(kind)) = (target, kind) {
                notes.push(Note {
                    target: target.node,
                    kind,
                    text: note.text.get_ref().clone(),
                });
            }
        }
    }
    notes
}

/// The cross-links: ends that exist, known relations, each declared once;
/// sorted by their ends.
pub(super) fn check_crosswalk(
    cw: &Sourced<RawCrosswalk>,
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Vec<Link> {
    // Each link's own checks in parallel (tens of thousands of links in a
    // large site), their problems then reported in order with those of
    // links declared twice: the keys' and relation's before, the
    // documents' after.
    let own: Vec<(Option<Link>, Vec<Diagnostic>, Vec<Diagnostic>)> = cw
        .value
        .links
        .par_iter()
        .map(|link| {
            let (mut before, mut after) = (Vec::new(), Vec::new());
            let l = link.get_ref();
            let from = check_key(cw, &l.from, keys, &mut before);
            let to = check_key(cw, &l.to, keys, &mut before);
            let relation = Relation::parse(l.relation.get_ref());
            if relation.is_none() {
                before.push(
                    cw.diag(
                        l.relation.span(),
                        format!("unknown relation `{}`", l.relation.get_ref()),
                    )
                    .help(format!("use one of {}", Relation::expected())),
                );
            }
            let mut made = None;
            if let (Some(from), Some(to)) = (from, to) {
                let fits = check_link_documents(cw, link.span(), from, to, relation, &mut after);
                made = relation.filter(|_| fits).map(|relation| Link {
                    from: from.node,
                    to: to.node,
                    relation,
                });
            }
            (made, before, after)
        })
        .collect();
    let mut seen = HashSet::new();
    let mut links = Vec::with_capacity(own.len());
    for (link, (made, before, after)) in cw.value.links.iter().zip(own) {
        let l = link.get_ref();
        out.extend(before);
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
        } else if seen.contains(&(l.to.get_ref(), l.from.get_ref())) {
            // Each end shows the other already: declared back, it would
            // show it twice (or say that each continues the other).
            out.push(
                cw.diag(
                    l.from.span(),
                    format!(
                        "link {} -> {} is declared again the other way round",
                        l.from.get_ref(),
                        l.to.get_ref()
                    ),
                )
                .help("a link is shown at both of its ends: declare it once, from the newer or citing node"),
            );
        }
        out.extend(after);
        links.extend(made);
    }
    links.sort_by_key(|l| (l.from, l.to));
    links
}

/// Checks a citation key `document:node`; returns the node when it exists.
pub(super) fn check_key<'a, T>(
    file: &Sourced<T>,
    key: &toml::Spanned<String>,
    keys: &Keys<'a>,
    out: &mut Vec<Diagnostic>,
) -> Option<Found<'a>> {
    let found = keys.get(key.get_ref());
    let unreadable = key
        .get_ref()
        .split_once(':')
        .is_some_and(|(doc, _)| keys.is_unreadable(doc));
    if found.is_none() && !unreadable {
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

/// Whether the documents of a link's ends fit it; reports why not.
fn check_link_documents<T>(
    cw: &Sourced<T>,
    span: std::ops::Range<usize>,
    from: Found,
    to: Found,
    relation: Option<Relation>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let (f, t) = (&from.file.value, &to.file.value);
    if f.id.get_ref() == t.id.get_ref() {
        out.push(cw.diag(
            span,
            "a cross-link must join nodes of two different documents",
        ));
        return false;
    }
    if relation == Some(Relation::Continues) {
        fn series(d: &RawDocument) -> Option<&String> {
            d.series.as_ref().map(|s| s.get_ref())
        }
        fn edition(d: &RawDocument) -> Option<&String> {
            d.edition.as_ref().map(|s| s.get_ref())
        }
        if series(f).is_none() || series(f) != series(t) {
            out.push(cw.diag(span, format!("`continues` joins two editions of one series, but `{}` and `{}` are not in the same series", f.id.get_ref(), t.id.get_ref()))
                .help("use `related` for documents of different series"));
            return false;
        } else if edition(f) <= edition(t) {
            out.push(cw.diag(span, format!("`continues` must go from the newer edition to the older, but `{}` is not newer than `{}`", f.id.get_ref(), t.id.get_ref()))
                .help("swap `from` and `to`"));
            return false;
        }
    }
    true
}
