//! What Pagefind indexes: one HTML page per document view (a document in
//! one of its languages), each node an anchor in it. Pagefind makes a
//! sub-result of every anchor that has a title, so a result still opens
//! the exact clause (the page's URL with `#key`), titled with the node's
//! label; the anchor holds no text, so neither the label nor a second
//! copy of the node's text goes into the index.

use std::collections::BTreeMap;

use crate::model::Site;
use crate::model::{Document, NodeRef};
use crate::render::escape::html as escape_html;
use crate::render::text::{cite_label, plain};
use crate::render::urls;

pub use crate::render::frame::pagefind_lang;

/// A document in one of its languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocumentView<'a> {
    pub doc: usize,
    pub lang: &'a str,
}

/// One document view, ready for `PagefindIndex::add_html_file`.
#[derive(Debug, PartialEq)]
pub struct Page {
    /// The view's URL, relative to the site's root.
    pub url: String,
    pub html: String,
    /// The nodes indexed: one sub-result each.
    pub records: usize,
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

/// The page of `view`; `None` when none of its nodes has text in its language.
pub fn page(site: &Site, view: DocumentView) -> Option<Page> {
    let DocumentView { doc: d, lang } = view;
    let doc = &site.documents[d];
    let title = doc.title.text_in(lang).to_string();
    let mut body = String::new();
    let mut records = 0;
    for (i, node) in doc.nodes.iter().enumerate() {
        let heading = node.heading.get(lang).map(|h| plain(h)).unwrap_or_default();
        let text = node.text.get(lang).map(|t| plain(t)).unwrap_or_default();
        let content = join(&heading, &text);
        if content.trim().is_empty() {
            continue;
        }
        let key = site.key(NodeRef { doc: d, node: i });
        // The anchor is empty: its title is the label shown with the result,
        // and the node's words, up to the next anchor, are its sub-result.
        body.push_str(&format!(
            "<a id=\"{}\" data-pagefind-title=\"{}\"></a>{}\n",
            escape_html(&key),
            escape_html(&label(doc, i, lang)),
            escape_html(&content)
        ));
        records += 1;
    }
    if records == 0 {
        return None;
    }
    // The title is the document's, shown with each result; the language is
    // the site's code (`zh-Hans`), for the result's `lang`.
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head>\
         <meta data-pagefind-meta=\"title[content]\" content=\"{}\">\
         <meta data-pagefind-meta=\"lang[content]\" content=\"{}\">\
         </head><body>\n{body}</body></html>\n",
        escape_html(&pagefind_lang(lang)),
        escape_html(&title),
        escape_html(lang),
    );
    Some(Page {
        url: urls::document_for(doc, Some(lang)),
        html,
        records,
    })
}

/// A node's indexed text: its heading, then its text. The label is shown
/// beside each result, not repeated in its excerpt.
fn join(heading: &str, text: &str) -> String {
    match (heading.is_empty(), text.is_empty()) {
        (false, false) => format!("{heading} {text}"),
        _ => format!("{heading}{text}"),
    }
}

/// The label shown with a result. Never empty, or Pagefind would drop the
/// anchor (it keeps only anchors with a title) and give the node's words
/// to the node before it: a node without a number is cited by its id.
fn label(doc: &Document, i: usize, lang: &str) -> String {
    let label = cite_label(doc, i, lang);
    if label.trim().is_empty() {
        doc.nodes[i].id.clone()
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn real_site() -> Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        crate::check::load_site(&root).expect("the real site loads")
    }

    /// Every node with text in a view is one anchor of its page, in reading
    /// order, with its key and label, followed by its text (escaped, and
    /// read back as it was).
    #[test]
    fn a_page_is_its_view_with_one_anchor_per_node() {
        let site = real_site();
        let views = views(&site);
        assert_eq!(
            views.keys().collect::<Vec<_>>(),
            ["en", "zh-hans"],
            "one Pagefind language per site language"
        );
        let anchors = Selector::parse("a[id]").unwrap();
        let mut pages = 0;
        for view in views.values().flatten() {
            let doc = &site.documents[view.doc];
            let page = page(&site, *view).expect("every view of the real site has text");
            pages += 1;
            assert_eq!(page.url, urls::document_for(doc, Some(view.lang)));
            let html = Html::parse_document(&page.html);
            let root = html.root_element();
            assert_eq!(
                root.value().attr("lang"),
                Some(pagefind_lang(view.lang).as_str())
            );
            let meta = |name: &str| {
                let s = Selector::parse(&format!("meta[data-pagefind-meta=\"{name}[content]\"]"));
                html.select(&s.unwrap())
                    .next()
                    .and_then(|m| m.value().attr("content"))
                    .map(str::to_string)
            };
            assert_eq!(
                meta("title").as_ref(),
                doc.title.get(view.lang).or(doc.title.values().next())
            );
            assert_eq!(meta("lang").as_deref(), Some(view.lang));
            let expected: Vec<(String, String, String)> = doc
                .nodes
                .iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    let heading = n
                        .heading
                        .get(view.lang)
                        .map(|h| plain(h))
                        .unwrap_or_default();
                    let text = n.text.get(view.lang).map(|t| plain(t)).unwrap_or_default();
                    let content = join(&heading, &text);
                    (!content.trim().is_empty()).then(|| {
                        let key = site.key(NodeRef {
                            doc: view.doc,
                            node: i,
                        });
                        (key, label(doc, i, view.lang), content)
                    })
                })
                .collect();
            let found: Vec<(String, String, String)> = html
                .select(&anchors)
                .map(|a| {
                    let text = a
                        .next_sibling()
                        .and_then(|t| t.value().as_text())
                        .map(|t| t.trim_end_matches('\n').to_string());
                    (
                        a.value().attr("id").unwrap().to_string(),
                        a.value().attr("data-pagefind-title").unwrap().to_string(),
                        text.unwrap_or_default(),
                    )
                })
                .collect();
            assert_eq!(found, expected, "{}", page.url);
            assert_eq!(page.records, expected.len());
            assert!(found.iter().all(|(_, label, _)| !label.trim().is_empty()));
        }
        let views_of_docs: usize = site.documents.iter().map(|d| d.languages.len()).sum();
        assert_eq!(pages, views_of_docs);
    }

    #[test]
    fn text_is_escaped_and_labels_never_empty() {
        let site = real_site();
        let doc = &site.documents[0];
        assert_eq!(join("Heading", "text"), "Heading text");
        assert_eq!(join("", "text"), "text");
        assert_eq!(join("Heading", ""), "Heading");
        for (i, n) in doc.nodes.iter().enumerate() {
            for lang in &doc.languages {
                let l = label(doc, i, lang);
                assert!(!l.trim().is_empty());
                let cited = cite_label(doc, i, lang);
                assert_eq!(
                    l,
                    if cited.trim().is_empty() {
                        n.id.clone()
                    } else {
                        cited
                    }
                );
            }
        }
        let html = format!(
            "<a id=\"{}\" data-pagefind-title=\"{}\"></a>{}",
            escape_html("d:n"),
            escape_html("\"1\" & <2>"),
            escape_html("a < b & c")
        );
        let parsed = Html::parse_fragment(&html);
        let a = parsed
            .select(&Selector::parse("a").unwrap())
            .next()
            .unwrap();
        assert_eq!(a.value().attr("data-pagefind-title"), Some("\"1\" & <2>"));
        assert_eq!(
            parsed.root_element().text().collect::<String>(),
            "a < b & c"
        );
    }
}
