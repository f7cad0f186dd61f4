//! Search: a Pagefind index of every document view (a document in one of
//! its languages), in every language, made by the build, and for each
//! document a file of its clauses (see `clauses`). Pagefind finds the
//! documents that hold the query's words, with the language and the
//! document as filters; the search box (static/search.js) reads the
//! clause files of the best and lists the clauses that match, each opening
//! at the node's permalink in that language's view.
//!
//! Why a record per document view and not one per node: Pagefind 1.6
//! looks for an earlier record with the same URL each time one is added
//! (`SearchState::fossick_one` scans every record so far), so n records
//! cost O(n²); and each record costs a word map, a fragment file and its
//! compression. A record holds each word of its view once: Pagefind keeps
//! every place of every word, which for a word found in every clause made
//! an index chunk of 370 KB at 10,000 pages.
//!
//! One Pagefind index holds every language, each record's language a
//! filter (`lang`, with the document's id as `doc` and the topics of its
//! clauses as `topic`): the browser loads
//! `pagefind.js`, its WebAssembly and one metadata file once, whatever the
//! number of languages. Why not one index per language, merged in the
//! browser with `mergeIndex`: Pagefind skips a merged index at the primary
//! bundle's own address, and searches merged indexes with the primary's
//! WebAssembly (one language's stemmer), so it would cost a second bundle
//! folder and still not analyse each language apart. The one index is made
//! in the language that needs segmenting (Chinese, see [`index_language`]),
//! which also splits Latin text at word boundaries; no stemming: the search
//! box matches whole words as written.

pub mod clauses;
mod merge;
mod page;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Once;

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::model::Site;
use crate::render::OutFile;
use crate::Error;

pub use page::{index_language, pagefind_lang};

/// The folder of the index in the site.
pub const BUNDLE: &str = "pagefind";

/// Pagefind's size of a word index chunk, in word locations, read when an
/// index is made. A query downloads the chunk of each of its words;
/// Pagefind's default (20,000) makes chunks four times larger.
const CHUNK_VAR: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";
const CHUNK_SIZE: &str = "5000";

/// The index files and what they hold.
pub struct Index {
    pub files: Vec<OutFile>,
    /// Nodes indexed, one per language they have text in.
    pub records: usize,
}

impl Index {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }
}

/// Builds the index of `site` and the clause files, with the labels of
/// its nodes read from its pages as rendered, in the folder `pages` (the
/// staging folder of a build, or `public/`).
pub fn index(site: &Site, pages: &Path) -> Result<Index, Error> {
    static CHUNKS: Once = Once::new();
    // Set once, unless set already (then it is the reader's choice), before
    // any index is made; Pagefind reads it through `std::env`, as we write it.
    CHUNKS.call_once(|| {
        if std::env::var_os(CHUNK_VAR).is_none() {
            std::env::set_var(CHUNK_VAR, CHUNK_SIZE);
        }
    });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("search index runtime", e))?;
    let index_lang = index_language(site);
    // Each document's words, labels and clause file are prepared on every
    // core, a batch ahead of Pagefind, which takes the records one at a
    // time in document order (its index is not shared between threads):
    // the preparing was half the index's time, on one core.
    let (files, clause_files, records) = std::thread::scope(|scope| {
        let (batches, received) = std::sync::mpsc::sync_channel(1);
        let index_lang = index_lang.as_str();
        scope.spawn(move || {
            let all: Vec<usize> = (0..site.documents.len()).collect();
            for batch in all.chunks(BATCH) {
                let prepared: Vec<Result<Prepared, Error>> = batch
                    .par_iter()
                    .map(|&d| prepare(site, pages, d, index_lang))
                    .collect();
                if batches.send(prepared).is_err() {
                    break; // the index failed and stopped reading
                }
            }
        });
        // With no document, the bundle still has its script, for the search box.
        runtime.block_on(bundle(index_lang, received))
    })?;
    let mut files = merge::bundles(vec![files])?;
    files.extend(clause_files);
    Ok(Index { files, records })
}

/// Documents prepared together: enough to keep every core busy, few
/// enough that a batch's words take little memory.
const BATCH: usize = 64;

/// One record of the index: a document view.
struct Record {
    url: String,
    words: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
}

/// What one document gives the search: a record per view with text, the
/// nodes they hold, and its clause file.
struct Prepared {
    records: Vec<Record>,
    nodes: usize,
    clause_file: Option<OutFile>,
}

/// Prepares document `d`, reading its pages' labels from `pages`.
fn prepare(site: &Site, pages: &Path, d: usize, index_lang: &str) -> Result<Prepared, Error> {
    let doc = &site.documents[d];
    // The ids of each node's topics and their broader ones: a filter of
    // the records and of the clauses in the box (`topic`). A node on
    // "finance" is on "economy" too.
    let topics: Vec<Vec<String>> = (site.topics.of_document(d, doc).into_iter())
        .map(|ts| {
            let mut on: Vec<usize> = (ts.into_iter())
                .flat_map(|t| site.topics.with_broader(t))
                .collect();
            on.sort_unstable();
            on.dedup();
            on.into_iter()
                .map(|t| site.topics.list[t].id.clone())
                .collect()
        })
        .collect();
    let keys: Vec<String> = (0..doc.nodes.len())
        .map(|node| site.key(crate::model::NodeRef { doc: d, node }))
        .collect();
    let mut prepared = Prepared {
        records: Vec::new(),
        nodes: 0,
        clause_file: None,
    };
    let mut views = Vec::new();
    for lang in &doc.languages {
        let view = page::DocumentView { doc: d, lang };
        let n = page::records(site, view);
        if n == 0 {
            continue;
        }
        prepared.nodes += n;
        let url = page::url(site, view);
        // The labels as the page shows them to the index.
        let file = pages.join(&url);
        let html = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
        let labels = clauses::labels(&html);
        let mut words = clauses::view(doc, lang, index_lang);
        let mut filters = BTreeMap::from([
            ("doc".to_string(), vec![doc.id.clone()]),
            ("lang".to_string(), vec![lang.clone()]),
        ]);
        // The view's topics: those of the nodes it has text of.
        let view_topics: BTreeSet<&String> = (words.texts.keys())
            .filter_map(|&i| topics.get(i))
            .flatten()
            .collect();
        if !view_topics.is_empty() {
            filters.insert(
                "topic".to_string(),
                view_topics.into_iter().cloned().collect(),
            );
        }
        prepared.records.push(Record {
            url,
            // The record takes the words; the clause file reads only the texts.
            words: std::mem::take(&mut words.words),
            meta: BTreeMap::from([
                ("title".to_string(), doc.title.text_in(lang).to_string()),
                ("lang".to_string(), lang.clone()),
                ("doc".to_string(), doc.id.clone()),
            ]),
            filters,
        });
        views.push((lang.as_str(), words, labels));
    }
    if !views.is_empty() {
        prepared.clause_file = Some(OutFile {
            path: clauses::path(&doc.id),
            bytes: clauses::file(doc, &keys, &topics, &views),
        });
    }
    Ok(prepared)
}

/// The bundle of every record received, in order, the clause files, and
/// the nodes indexed.
async fn bundle(
    index_lang: &str,
    received: std::sync::mpsc::Receiver<Vec<Result<Prepared, Error>>>,
) -> Result<(Vec<SyntheticFile>, Vec<OutFile>, usize), Error> {
    let fail = |e: anyhow::Error| Error::Usage(format!("search index: {e:#}"));
    let config = PagefindServiceConfig::builder()
        .keep_index_url(true)
        .write_playground(false)
        .force_language(index_lang.to_string())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
    let mut records = 0;
    let mut clause_files = Vec::new();
    for batch in received {
        for prepared in batch {
            let prepared = prepared?;
            records += prepared.nodes;
            for r in prepared.records {
                index
                    .add_custom_record(
                        r.url,
                        r.words,
                        index_lang.to_string(),
                        Some(r.meta),
                        Some(r.filters),
                        None,
                    )
                    .await
                    .map_err(fail)?;
            }
            clause_files.extend(prepared.clause_file);
        }
    }
    let files = index.get_files().await.map_err(fail)?;
    Ok((files, clause_files, records))
}
