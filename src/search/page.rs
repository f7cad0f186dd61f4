//! The records of the index: one per document view (a document in one of
//! its languages), at the URL of its rendered page, whose nodes name
//! themselves for search results (`data-pagefind-title`).

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

/// The rendered page of `view`: its one-language page, or the only page of
/// a one-language document (`documents/<id>/…`). Results open it at the
/// node's anchor; its nodes with text carry their labels
/// (`data-pagefind-title`, `templates/node.html`).
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
