//! Check stage: the raw content into the model, in one pass that checks
//! everything on the way and collects every problem, each with file and
//! line. The model exists only when there is no problem: nothing later
//! skips or repairs what the checks refused.
//!
//! `serve` checks again after each change with a [`Checked`] cache: a
//! document file read again unchanged (the same `Arc` from the loader's
//! cache) keeps the document made of it, for the same site languages.

mod briefing_items;
mod briefings;
mod document;
pub mod invisible;
mod keys;
mod links;
mod nodes;
pub mod safety;
mod site;
mod text;
mod topics;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{self, Diagnostic};
use crate::model::{Document, Site};
use crate::source::load::{RawContent, Sourced};
use crate::source::pages::{self, Page};
use crate::source::raw::RawDocument;

/// The checked site and its Markdown pages.
pub struct Checked {
    pub site: Site,
    pub pages: Vec<Page>,
}

/// The documents made by earlier checks, by the file they were made of
/// (the address of its `Arc`, which the cache keeps alive).
#[derive(Default)]
pub struct Cache {
    documents: HashMap<usize, CachedDocument>,
}

struct CachedDocument {
    /// Keeps the file alive, so that its address is not reused.
    _file: Arc<Sourced<RawDocument>>,
    langs: Vec<String>,
    made: Made,
}

/// A document file checked: its document, or the problems found in it.
type Made = Result<Arc<Document>, Vec<Diagnostic>>;

/// Checks the content read from the content folder `root` (with the
/// problems reading it gave) and makes the model.
pub fn check(
    root: &Path,
    raw: &RawContent,
    read: Vec<Diagnostic>,
) -> Result<Checked, Vec<Diagnostic>> {
    check_cached(root, raw, read, &mut Cache::default())
}

/// [`check`], keeping the documents made in `cache` for the next time.
pub fn check_cached(
    root: &Path,
    raw: &RawContent,
    read: Vec<Diagnostic>,
    cache: &mut Cache,
) -> Result<Checked, Vec<Diagnostic>> {
    let mut out = read;
    let before = out.len();
    let head = raw.site.as_ref().map(|s| site::check_site(s, &mut out));
    // Everything else is checked against site.toml's languages: when they
    // cannot be read, that would be a problem in every text of every file,
    // the real one lost among them. Only the files' reading problems are
    // kept, and the site's.
    let declared = raw.site.as_ref().map_or(0, |s| s.value.languages.len());
    let langs_failed = head
        .as_ref()
        .is_none_or(|h| h.languages.is_empty() || h.languages.len() < declared);
    if langs_failed {
        if out.len() == before {
            out.push(Diagnostic::new(
                root.join("site.toml"),
                None,
                "no site.toml",
            ));
        }
        if let Some(first) = out[before..].iter_mut().next() {
            let help = first
                .help
                .take()
                .map_or(String::new(), |h| format!("{h}; "));
            first.help = Some(format!(
                "{help}the documents, notes, cross-links and briefings are checked once the site's languages are"
            ));
        }
        diag::sort(&mut out);
        return Err(out);
    }
    let langs: Vec<String> = head
        .as_ref()
        .map(|h| h.languages.iter().map(|l| l.code.clone()).collect())
        .unwrap_or_default();
    let made = documents(&raw.documents, &langs, cache);
    // Where each file's document goes in the site: in id order.
    let mut order: Vec<usize> = (0..raw.documents.len()).collect();
    order.sort_by(|&a, &b| doc_id(&raw.documents[a]).cmp(doc_id(&raw.documents[b])));
    let mut place = vec![0; order.len()];
    for (at, &i) in order.iter().enumerate() {
        place[i] = at;
    }
    let mut seen: HashMap<&str, &Sourced<RawDocument>> = HashMap::new();
    for (file, made) in raw.documents.iter().zip(&made) {
        if let Err(problems) = made {
            out.extend(problems.iter().cloned());
        }
        if let Some(head) = &head {
            document::check_kind(file, &head.kinds, &mut out);
        }
        let id = doc_id(file);
        if let Some(first) = seen.insert(id, file) {
            out.push(
                file.diag(
                    file.value.id.span(),
                    format!("duplicate document id `{id}`"),
                )
                .help(format!(
                    "`{}` already uses this id; give each document its own",
                    first.path.display()
                )),
            );
        }
    }
    let files: Vec<&Sourced<RawDocument>> = raw.documents.iter().map(|f| &**f).collect();
    // A document file that could not be read is reported once, not again
    // at every key into it.
    let unreadable = out
        .iter()
        .filter(|d| d.file.parent().is_some_and(|p| p.ends_with("documents")))
        .filter_map(|d| d.file.file_stem()?.to_str().map(str::to_string))
        .filter(|id| !raw.documents.iter().any(|f| doc_id(f) == id))
        .collect();
    let keys = keys::Keys::new(&files, &place).with_unreadable(unreadable);
    let notes = links::check_notes(&raw.notes, &langs, &keys, &mut out);
    let links = match &raw.crosswalk {
        Some(cw) => links::check_crosswalk(cw, &keys, &mut out),
        None => Vec::new(),
    };
    let topics = topics::check_topics(raw.topics.as_ref(), &langs, &keys, &mut out);
    let briefings = briefings::check_briefings(&raw.briefings, &langs, &keys, &topics, &mut out);
    let pages = pages::load(root, &langs, &mut out);
    match head {
        Some(head) if out.is_empty() => {
            let mut documents: Vec<Option<Arc<Document>>> =
                made.into_iter().map(Result::ok).collect();
            let documents = order.iter().filter_map(|&i| documents[i].take()).collect();
            Ok(Checked {
                site: Site::new(head, documents, links, notes, briefings).with_topics(topics),
                pages,
            })
        }
        _ => {
            if out.is_empty() {
                // Content given without site.toml and without the loader's
                // report of it missing.
                out.push(Diagnostic::new(
                    root.join("site.toml"),
                    None,
                    "no site.toml",
                ));
            }
            diag::sort(&mut out);
            Err(out)
        }
    }
}

/// Loads and checks the content folder `root`: the model, or every content
/// problem at once as [`Error::Content`](crate::Error::Content).
pub fn load_site(root: &Path) -> Result<Site, crate::Error> {
    let (raw, read) = crate::source::load::load(root)?;
    check(root, &raw, read)
        .map(|checked| checked.site)
        .map_err(crate::Error::Content)
}

fn address(file: &Arc<Sourced<RawDocument>>) -> usize {
    Arc::as_ptr(file) as usize
}

fn doc_id(file: &Sourced<RawDocument>) -> &str {
    file.value.id.get_ref()
}

/// Each document file checked, in parallel, the cached ones taken again.
fn documents(
    files: &[Arc<Sourced<RawDocument>>],
    langs: &[String],
    cache: &mut Cache,
) -> Vec<Made> {
    let cached = |file: &Arc<Sourced<RawDocument>>| {
        cache
            .documents
            .get(&address(file))
            .filter(|c| c.langs == langs)
            .map(|c| c.made.clone())
    };
    let made: Vec<Made> = files
        .par_iter()
        .map(|file| cached(file).unwrap_or_else(|| document::check_document(file, langs)))
        .collect();
    cache.documents = files
        .iter()
        .zip(&made)
        .map(|(file, made)| {
            let entry = CachedDocument {
                _file: file.clone(),
                langs: langs.to_vec(),
                made: made.clone(),
            };
            (address(file), entry)
        })
        .collect();
    made
}

/// The problems `check` finds in one document file on its own (its links
/// and notes apart), on a site of `langs` and `kinds`: what `accord import`
/// verifies before it writes a document.
pub fn check_one_document(
    file: &Sourced<RawDocument>,
    langs: &[String],
    kinds: &[crate::model::DocKind],
) -> Vec<Diagnostic> {
    let mut out = document::check_document(file, langs)
        .err()
        .unwrap_or_default();
    document::check_kind(file, kinds, &mut out);
    diag::sort(&mut out);
    out
}

/// The languages and kinds of the site whose `site.toml` is at `path`,
/// when it reads and checks clean.
pub fn site_terms(path: &Path) -> Option<(Vec<String>, Vec<crate::model::DocKind>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut out = Vec::new();
    let raw =
        crate::source::load::parse_toml::<crate::source::raw::RawSite>(path, &text, &mut out)?;
    let head = site::check_site(&raw, &mut out);
    out.is_empty().then(|| {
        let langs = head.languages.iter().map(|l| l.code.clone()).collect();
        (langs, head.kinds)
    })
}
