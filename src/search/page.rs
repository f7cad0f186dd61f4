//! What Pagefind indexes: the rendered page of each document view (a
//! document in one of its languages), as published, each node an anchor
//! in it. Pagefind makes a sub-result of every anchor that has a title, so
//! a result opens the exact clause (the page's URL with `#key`), titled
//! with the node's number.

use std::collections::BTreeMap;

use crate::model::Site;
use crate::render::text::plain;
use crate::render::urls;

pub use crate::render::frame::{index_language, pagefind_lang};

/// A document in one of its languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocumentView<'a> {
    pub doc: usize,
    pub lang: &'a str,
}

/// Every view of every document, by Pagefind language, in the site's order.
pub fn views(site: &Site) -> BTreeMap<String, Vec<DocumentView<'_>>> {
    let mut out: BTreeMap<String, Vec<DocumentView>> = BTreeMap::new();
    for (doc, d) in site.documents.iter().enumerate() {
        for lang in &d.languages {
            out.entry(pagefind_lang(lang))
                .or_default()
                .push(DocumentView { doc, lang });
        }
    }
    out
}

/// The rendered page of `view` the index reads: its one-language page, or
/// the only page of a one-language document (`documents/<id>/…`). It marks
/// what the index holds (`templates/document.html`, `node.html`): the
/// nodes (`data-pagefind-body`), each node with text an anchor titled with
/// its number, and the document's title and language as metadata.
pub fn url(site: &Site, view: DocumentView) -> String {
    urls::document_for(&site.documents[view.doc], Some(view.lang))
}

/// The nodes of `view` the index holds: those with a heading or a text in
/// its language, each a sub-result.
pub fn records(site: &Site, view: DocumentView) -> usize {
    let has = |m: &crate::source::raw::LangMap| {
        m.get(view.lang)
            .is_some_and(|t| !plain(t).trim().is_empty())
    };
    (site.documents[view.doc].nodes.iter())
        .filter(|n| has(&n.heading) || has(&n.text))
        .count()
}

/// What the index leaves out of a page: the numbers (shown beside each
/// result, not repeated in its excerpt), the permalinks, the cross-links,
/// the notes and the captions of containers.
pub const EXCLUDED: [&str; 5] = [".label", ".tools", ".refs", ".note", ".caption"];
