//! Search: a Pagefind index of every node, in every language, made by the
//! build. Pagefind indexes one page per document view (see `page`), each
//! node an anchor in it, so a result opens the exact clause: its URL is
//! the node's permalink in that language's view.
//!
//! Why pages and not one custom record per node: Pagefind 1.6 looks for
//! an earlier record with the same URL each time one is added
//! (`SearchState::fossick_one` scans every record so far), so n records
//! cost O(n²); and each record costs a word map, a fragment file and its
//! compression. A page per document view makes the records few
//! (documents × languages) and lets a document's nodes share one word map.
//!
//! One Pagefind index holds every language, each page's language a
//! filter (`lang`, with the document's id as `doc`): the browser loads
//! `pagefind.js`, its WebAssembly and one metadata file once, whatever the
//! number of languages. Why not one index per language, merged in the
//! browser with `mergeIndex`: Pagefind skips a merged index at the primary
//! bundle's own address, and searches merged indexes with the primary's
//! WebAssembly (one language's stemmer), so it would cost a second bundle
//! folder and still not analyse each language apart. The one index is made
//! in the language that needs segmenting (Chinese, see [`index_language`]),
//! which also splits Latin text at word boundaries; no stemming: the search
//! box matches whole words as written (static/search.js).

mod merge;
mod page;

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
/// index is made. A query downloads the chunk of each of its words, in
/// each language; Pagefind's default (20,000) makes a chunk of about
/// 35 KB once a page holds a whole document view, which would take the
/// real site over the 300 KB a query may download (README, Search).
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

/// Builds the index of `site` from its pages as rendered, in the folder
/// `pages` (the staging folder of a build, or `public/`).
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
    let views: Vec<page::DocumentView> = page::views(site).into_values().flatten().collect();
    // With no document, the bundle still has its script, for the search box.
    let (files, records) = runtime.block_on(bundle(site, pages, &views))?;
    Ok(Index {
        files: merge::bundles(vec![files])?,
        records,
    })
}

/// The bundle of every document view, read from the site's pages under
/// `pages`, and the nodes it indexed.
async fn bundle(
    site: &Site,
    pages: &Path,
    views: &[page::DocumentView<'_>],
) -> Result<(Vec<SyntheticFile>, usize), Error> {
    let fail = |e: anyhow::Error| Error::Usage(format!("search index: {e:#}"));
    let config = PagefindServiceConfig::builder()
        .keep_index_url(true)
        .write_playground(false)
        .force_language(index_language(site))
        .exclude_selectors(page::EXCLUDED.iter().map(|s| s.to_string()).collect())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
    let mut records = 0;
    // Each page is read just before it is added: only Pagefind's own data
    // is kept.
    for &view in views {
        let n = page::records(site, view);
        if n == 0 {
            continue;
        }
        records += n;
        let url = page::url(site, view);
        let file = pages.join(&url);
        let html = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
        index
            .add_html_file(None, Some(url), html)
            .await
            .map_err(fail)?;
    }
    let files = index.get_files().await.map_err(fail)?;
    Ok((files, records))
}
