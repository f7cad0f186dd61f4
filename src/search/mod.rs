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
//! filter (`lang`, with the document's id as `doc`): the browser loads
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

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Once;

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

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
    // With no document, the bundle still has its script, for the search box.
    let (files, clause_files, records) = runtime.block_on(bundle(site, pages))?;
    let mut files = merge::bundles(vec![files])?;
    files.extend(clause_files);
    Ok(Index { files, records })
}

/// The bundle of every document view, read from the site's pages under
/// `pages`, the clause files, and the nodes indexed.
async fn bundle(
    site: &Site,
    pages: &Path,
) -> Result<(Vec<SyntheticFile>, Vec<OutFile>, usize), Error> {
    let fail = |e: anyhow::Error| Error::Usage(format!("search index: {e:#}"));
    let index_lang = index_language(site);
    let config = PagefindServiceConfig::builder()
        .keep_index_url(true)
        .write_playground(false)
        .force_language(index_lang.clone())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
    let mut records = 0;
    let mut clause_files = Vec::new();
    for (d, doc) in site.documents.iter().enumerate() {
        let keys: Vec<String> = (0..doc.nodes.len())
            .map(|node| site.key(crate::model::NodeRef { doc: d, node }))
            .collect();
        let mut views = Vec::new();
        for lang in &doc.languages {
            let view = page::DocumentView { doc: d, lang };
            let n = page::records(site, view);
            if n == 0 {
                continue;
            }
            records += n;
            let url = page::url(site, view);
            // The labels as the page shows them to the index.
            let file = pages.join(&url);
            let html = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
            let labels = clauses::labels(&html);
            let words = clauses::view(doc, lang, &index_lang);
            let meta = BTreeMap::from([
                ("title".to_string(), doc.title.text_in(lang).to_string()),
                ("lang".to_string(), lang.clone()),
                ("doc".to_string(), doc.id.clone()),
            ]);
            let filters = BTreeMap::from([
                ("doc".to_string(), vec![doc.id.clone()]),
                ("lang".to_string(), vec![lang.clone()]),
            ]);
            index
                .add_custom_record(
                    url,
                    words.words.clone(),
                    index_lang.clone(),
                    Some(meta),
                    Some(filters),
                    None,
                )
                .await
                .map_err(fail)?;
            views.push((lang.as_str(), words, labels));
        }
        if !views.is_empty() {
            clause_files.push(OutFile {
                path: clauses::path(&doc.id),
                bytes: clauses::file(doc, &keys, &views),
            });
        }
    }
    let files = index.get_files().await.map_err(fail)?;
    Ok((files, clause_files, records))
}
