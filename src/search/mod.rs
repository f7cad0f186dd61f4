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

mod page;

use std::sync::Once;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::content::Site;
use crate::render::OutFile;
use crate::Error;

pub use page::pagefind_lang;

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

/// Builds the index of `site`.
pub fn index(site: &Site) -> Result<Index, Error> {
    static CHUNKS: Once = Once::new();
    // Set once, unless set already (then it is the reader's choice), before
    // any index is made; Pagefind reads it through `std::env`, as we write it.
    CHUNKS.call_once(|| {
        if std::env::var_os(CHUNK_VAR).is_none() {
            std::env::set_var(CHUNK_VAR, CHUNK_SIZE);
        }
    });
    let fail = |e: anyhow::Error| Error::Usage(format!("search index: {e:#}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io("search index runtime", e))?;
    let mut records = 0;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .write_playground(false)
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
        // Each page is made just before it is added: only Pagefind's own
        // data is kept.
        for view in page::views(site).into_values().flatten() {
            if let Some(p) = page::page(site, view) {
                records += p.records;
                index
                    .add_html_file(None, Some(p.url), p.html)
                    .await
                    .map_err(fail)?;
            }
        }
        index.get_files().await.map_err(fail)
    })?;
    // The site has its own search box: Pagefind's ready-made interfaces
    // and the playground are not shipped.
    // The search box runs Pagefind in the page (noWorker): no worker either.
    let unused = |name: &str| {
        name.contains("-ui.")
            || name.starts_with("pagefind-highlight")
            || name.starts_with("pagefind-worker")
            || name.starts_with("playground")
    };
    let mut files: Vec<OutFile> = files
        .into_iter()
        .filter(|f| !unused(&f.filename.to_string_lossy()))
        .map(|f| OutFile {
            path: format!(
                "{BUNDLE}/{}",
                f.filename.to_string_lossy().replace('\\', "/")
            ),
            bytes: f.contents,
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Index { files, records })
}
