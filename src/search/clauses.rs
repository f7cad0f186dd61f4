//! What the search box reads of a document it found: one file per
//! document, `search/<id>.json.gz`, its clauses in every language, each
//! with its citation key, its label as search results show it (the
//! `data-pagefind-title` of its node on the rendered page) and its text,
//! cut into words as the index cut it (zero-width spaces between words
//! where the index's language is segmented): the box matches the query's
//! whole words and phrases against it, and shows the same clause in the
//! other languages beside a hit, from the same file.
//!
//! And what Pagefind indexes of a document view: each of its words once.
//! Pagefind keeps every place of every word of a record, and a record is a
//! whole document view: the index chunk of a word found in every clause
//! grew to 370 KB at 10,000 pages, over what a query may download
//! (README, Search). The places are the box's business, from this file.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::Document;
use crate::render::text::plain;
use crate::render::urls;

/// The folder of the clause files in the site.
pub const FOLDER: &str = "search";

/// The path of document `id`'s clause file in the site.
pub fn path(id: &str) -> String {
    format!("{FOLDER}/{id}.json.gz")
}

#[derive(Serialize)]
struct File<'a> {
    id: &'a str,
    /// The document's title, by language.
    title: BTreeMap<&'a str, &'a str>,
    /// The page of each language's view, from the site's root.
    url: BTreeMap<&'a str, String>,
    nodes: Vec<Clause<'a>>,
}

#[derive(Serialize)]
struct Clause<'a> {
    key: &'a str,
    /// By language, as search results name it.
    label: BTreeMap<&'a str, String>,
    /// By language: heading and text, cut into words.
    text: BTreeMap<&'a str, String>,
    /// The ids of the topics covering it (`content/topics.toml`).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    topics: &'a [String],
}

/// Whether Pagefind cuts text in `lang` (an index language) into words.
pub fn segmented(lang: &str) -> bool {
    matches!(lang.split('-').next(), Some("zh" | "ja" | "th"))
}

/// The words of `text` as Pagefind cuts them in a segmented language:
/// ICU4X's dictionary segmenter, no break inside a grapheme cluster
/// (pagefind 1.6, `fossick::segment_words`, which is private). Spaces and
/// punctuation are pieces too.
pub fn segment(text: &str) -> Vec<&str> {
    // Made once: made per clause, looking its dictionaries up took 1.5 % of
    // the 10k corpus's whole build.
    static SEGMENTER: std::sync::LazyLock<icu_segmenter::WordSegmenterBorrowed<'static>> =
        std::sync::LazyLock::new(|| {
            icu_segmenter::WordSegmenter::new_dictionary(Default::default())
        });
    let segmenter = *SEGMENTER;
    let mut graphemes = text.grapheme_indices(true).map(|(i, _)| i).peekable();
    let mut start = 0;
    segmenter
        .segment_str(text)
        .skip(1)
        .filter(|&end| {
            while graphemes.next_if(|&g| g < end).is_some() {}
            end == text.len() || graphemes.peek() == Some(&end)
        })
        .map(|end| {
            let word = &text[start..end];
            start = end;
            word
        })
        .collect()
}

/// A node's heading and text in `lang`, as plain text.
fn clause_text(doc: &Document, i: usize, lang: &str) -> String {
    let node = &doc.nodes[i];
    let parts: Vec<String> = [&node.heading, &node.text]
        .into_iter()
        .filter_map(|m| m.get(lang))
        .map(|t| plain(t).trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    parts.join(" ")
}

/// A document view as the index holds it: its words, each once, in the
/// order they first come; and the view's clauses' texts, cut as the index
/// cuts them (by `index_lang`).
pub struct View {
    pub words: String,
    /// Node index → text, for the nodes with text in the view's language.
    pub texts: BTreeMap<usize, String>,
}

pub fn view(doc: &Document, lang: &str, index_lang: &str) -> View {
    let mut seen: HashSet<String> = HashSet::new();
    let mut words = String::new();
    let mut texts = BTreeMap::new();
    for i in 0..doc.nodes.len() {
        let text = clause_text(doc, i, lang);
        if text.is_empty() {
            continue;
        }
        let pieces: Vec<&str> = if segmented(index_lang) {
            segment(&text)
        } else {
            text.split_inclusive(char::is_whitespace).collect()
        };
        for piece in &pieces {
            let word = piece.trim().to_lowercase();
            if word.chars().any(char::is_alphanumeric) && seen.insert(word.clone()) {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(&word);
            }
        }
        let joined = if segmented(index_lang) {
            pieces.join("\u{200B}")
        } else {
            text
        };
        texts.insert(i, joined);
    }
    View { words, texts }
}

/// The clause file of `doc`: `views` holds, for each of its languages,
/// the view's texts ([`view`]) and the labels of its nodes by key (from
/// the rendered page); `topics` the ids of each node's topics.
pub fn file(
    doc: &Document,
    keys: &[String],
    topics: &[Vec<String>],
    views: &[(&str, View, BTreeMap<String, String>)],
) -> Vec<u8> {
    let nodes = (0..doc.nodes.len())
        .filter(|i| views.iter().any(|(_, v, _)| v.texts.contains_key(i)))
        .map(|i| {
            let key = keys[i].as_str();
            Clause {
                key,
                label: views
                    .iter()
                    .filter_map(|(l, _, labels)| labels.get(key).map(|t| (*l, t.clone())))
                    .collect(),
                text: views
                    .iter()
                    .filter_map(|(l, v, _)| v.texts.get(&i).map(|t| (*l, t.clone())))
                    .collect(),
                topics: topics.get(i).map_or(&[][..], Vec::as_slice),
            }
        })
        .collect();
    let json = File {
        id: &doc.id,
        title: views
            .iter()
            .filter_map(|(l, _, _)| doc.title.get(l).map(|t| (*l, t.as_str())))
            .collect(),
        url: views
            .iter()
            .map(|(l, _, _)| (*l, urls::document_for(doc, Some(l))))
            .collect(),
        nodes,
    };
    let bytes = serde_json::to_vec(&json).unwrap_or_default();
    // gzip with no time or name in its header: the same bytes each build.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = gz.write_all(&bytes);
    gz.finish().unwrap_or_default()
}

/// The labels of a rendered page's nodes, by key: each node's
/// `id="…" data-pagefind-title="…"` (templates/node.html).
pub fn labels(html: &str) -> BTreeMap<String, String> {
    const TITLE: &str = "\" data-pagefind-title=\"";
    let mut out = BTreeMap::new();
    let mut rest = html;
    while let Some(at) = rest.find(TITLE) {
        let before = &rest[..at];
        let after = &rest[at + TITLE.len()..];
        let key = before.rfind("id=\"").map(|i| &before[i + 4..]);
        let label = after.find('"').map(|e| &after[..e]);
        if let (Some(key), Some(label)) = (key, label) {
            out.insert(unescape(key), unescape(label));
        }
        rest = after;
    }
    out
}

/// Text escaped by the templates (tera's `escape_html`), as it was.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_cut_into_words_and_latin_at_word_boundaries() {
        let words: Vec<&str> = segment("共同举办中拉北斗合作论坛，poverty reduction.")
            .into_iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        assert!(
            words.contains(&"北斗") && words.contains(&"论坛"),
            "{words:?}"
        );
        assert!(words.ends_with(&["poverty", "reduction"]), "{words:?}");
    }

    #[test]
    fn labels_are_read_from_the_nodes_of_a_page() {
        let html = r#"<div class="node k-p d-1" id="d:preamble__p_1" data-pagefind-title="Preamble, para. 1">
<div class="node" id="d:x"><div class="node k-c" id="d:art_1" data-pagefind-title="Article 1 &amp; &#x27;2&#x27;">"#;
        let labels = labels(html);
        assert_eq!(labels["d:preamble__p_1"], "Preamble, para. 1");
        assert_eq!(labels["d:art_1"], "Article 1 & '2'");
        assert_eq!(labels.len(), 2);
    }
}
