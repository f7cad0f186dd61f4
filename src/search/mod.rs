//! Search: a Pagefind index of every node, in every language, made by the
//! build. Each record is one node in one language, so a result opens the
//! exact clause: its URL is the node's permalink in that language's view.

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::content::model::NodeRef;
use crate::content::Site;
use crate::render::text::{cite_label, plain};
use crate::render::{urls, OutFile};
use crate::Error;

/// The folder of the index in the site.
pub const BUNDLE: &str = "pagefind";

/// The index files and what they hold.
pub struct Index {
    pub files: Vec<OutFile>,
    pub records: usize,
}

impl Index {
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }
}

/// One record per node and language: its URL, text, language and meta.
struct Record {
    url: String,
    content: String,
    lang: String,
    meta: BTreeMap<String, String>,
}

fn records(site: &Site) -> Vec<Record> {
    let mut out = Vec::new();
    for (d, doc) in site.documents.iter().enumerate() {
        for (i, node) in doc.nodes.iter().enumerate() {
            let key = site.key(NodeRef { doc: d, node: i });
            for lang in &doc.languages {
                let heading = node.heading.get(lang).map(|h| plain(h)).unwrap_or_default();
                let text = node.text.get(lang).map(|t| plain(t)).unwrap_or_default();
                if heading.is_empty() && text.is_empty() {
                    continue;
                }
                let label = cite_label(doc, i, lang);
                let title = doc
                    .title
                    .get(lang)
                    .or_else(|| doc.title.values().next())
                    .cloned()
                    .unwrap_or_default();
                let page = urls::document_for(doc, Some(lang));
                // The label is shown beside each result, not repeated in its excerpt.
                let content = if heading.is_empty() || text.is_empty() {
                    format!("{heading}{text}")
                } else {
                    format!("{heading} {text}")
                };
                let meta = BTreeMap::from([
                    ("title".to_string(), title),
                    ("label".to_string(), label),
                    ("heading".to_string(), heading),
                    ("key".to_string(), key.clone()),
                    ("lang".to_string(), lang.clone()),
                ]);
                out.push(Record {
                    url: format!("{page}#{key}"),
                    content,
                    lang: pagefind_lang(lang),
                    meta,
                });
            }
        }
    }
    out
}

pub use crate::render::frame::pagefind_lang;

/// Builds the index of `site`.
pub fn index(site: &Site) -> Result<Index, Error> {
    let records = records(site);
    let count = records.len();
    let fail = |e: anyhow::Error| Error::Usage(format!("search index: {e:#}"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| Error::io("search index runtime", e))?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .keep_index_url(true)
            .write_playground(false)
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(fail)?;
        for r in records {
            index
                .add_custom_record(r.url, r.content, r.lang, Some(r.meta), None, None)
                .await
                .map_err(fail)?;
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
    Ok(Index {
        files,
        records: count,
    })
}
