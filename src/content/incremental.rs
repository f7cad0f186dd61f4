//! `serve`'s way from the content folder to the model, through the
//! [`Cache`]: only new and changed files are parsed, only their documents
//! checked on their own and modelled again; the checks across files are
//! redone on what is cached (maps, no file read); the documents that did
//! not change are shared with the previous site, not copied. The result,
//! problems included, is what [`load`](super::load::load) and
//! [`check_and_resolve`](super::check_and_resolve) give.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::{Across, Cache, Cached, Checked, Entry, Files, Modelled};
use super::keys::IdIndex;
use super::load::{check_root, read_folder, toml_files, Sourced};
use super::model::Site;
use super::pages::Page;
use super::raw::RawDocument;
use super::resolve::{self, Crosswalk, Part};
use super::validate::{check_across, check_document, site_languages, View};
use crate::diag::{self, Diagnostic};
use crate::Error;

/// Loads, checks and resolves the content folder `root` as
/// `content::check_and_resolve(root, load(root))` would, reusing what
/// `cache` holds from the previous call; `cache.changed` lists the files
/// new, changed or gone since then, also when this returns an error.
pub fn load_site_cached(root: &Path, cache: &mut Cache) -> Result<(Site, Vec<Page>), Error> {
    check_root(root)?;
    cache.changed.clear();
    let mut diags = Vec::new();
    let Cache {
        site: site_files,
        crosswalk: crosswalk_files,
        documents: document_files,
        notes: note_files,
        across,
        changed,
    } = cache;
    let site_path = [root.join("site.toml")];
    let site = values(site_files.refresh(&site_path, true, changed), &mut diags).pop();
    let crosswalk_path = [root.join("crosswalk.toml")];
    let crosswalk = crosswalk_files.refresh(&crosswalk_path, false, changed);
    let crosswalk_fingerprint = crosswalk
        .first()
        .and_then(|c| c.entry)
        .map(|e| e.fingerprint);
    let crosswalk = values(crosswalk, &mut diags).pop();
    let doc_paths = toml_files(&root.join("documents"), &mut diags);
    let docs = document_files.refresh(&doc_paths, true, changed);
    let docs: Vec<Doc> = doc_paths
        .iter()
        .zip(docs)
        .filter_map(|(path, c)| {
            diags.extend(c.unread);
            let entry = c.entry?;
            diags.extend(entry.diags.iter().cloned());
            let file = entry.value.as_deref()?;
            Some(Doc { path, entry, file })
        })
        .collect();
    let note_paths = toml_files(&root.join("notes"), &mut diags);
    let notes = values(note_files.refresh(&note_paths, true, changed), &mut diags);
    let briefings = read_folder(&root.join("briefings")).take(&mut diags);

    // Each document's own checks, kept per file and site languages.
    let site_langs = site_languages(site, &mut diags);
    let fresh: Vec<Option<Checked>> = docs
        .par_iter()
        .map(|d| match &d.entry.checked {
            Some(c) if c.langs == site_langs => None,
            _ => {
                let (diags, ids) = check_document(d.file, &site_langs);
                let langs = site_langs.clone();
                let shape = shape(&d.file.value);
                Some(Checked {
                    langs,
                    diags,
                    ids,
                    shape,
                })
            }
        })
        .collect();
    let checked: Vec<&Checked> = docs
        .iter()
        .zip(&fresh)
        .filter_map(|(d, f)| f.as_ref().or(d.entry.checked.as_ref()))
        .collect();
    let view = View {
        site,
        documents: docs.iter().map(|d| d.file).collect(),
        notes: notes.clone(),
        crosswalk,
        briefings: &briefings,
    };
    let problems = checked.iter().map(|c| c.diags.clone()).collect();
    let ids: Vec<&IdIndex> = checked.iter().map(|c| &c.ids).collect();
    // The cross-links as last time when neither they nor what they read
    // of the documents changed.
    let shapes: Vec<u64> = checked.iter().map(|c| c.shape).collect();
    let same = across
        .take()
        .filter(|a| a.crosswalk == crosswalk_fingerprint && a.shapes == shapes);
    let known = same.as_ref().map(|a| a.diags.clone());
    let cw_diags = check_across(&view, &site_langs, problems, ids.clone(), known, &mut diags);
    let mut now = Across {
        crosswalk: crosswalk_fingerprint,
        shapes,
        diags: cw_diags,
        links: same.and_then(|a| a.links),
    };
    drop(view);
    let page_langs: Vec<String> = site
        .iter()
        .flat_map(|s| &s.value.languages)
        .map(|l| l.get_ref().code.get_ref().clone())
        .collect();
    let pages = super::pages::load(root, &page_langs, &mut diags);
    if !diags.is_empty() {
        drop((checked, ids));
        let fresh = keep(&docs, fresh);
        drop(docs);
        remember(document_files, fresh, Vec::new());
        *across = Some(now);
        diag::sort(&mut diags);
        return Err(Error::Content(diags));
    }

    // The model: the documents that did not change are the last site's.
    let head = resolve::head(site.map(|s| s.value.clone()));
    let codes: Vec<String> = head.3.iter().map(|l| l.code.clone()).collect();
    let parts: Vec<Part> = docs
        .par_iter()
        .zip(&ids)
        .filter_map(|(d, &ids)| match &d.entry.model {
            Some(m) if m.langs == codes => Some(Part {
                doc: Arc::clone(&m.doc),
                ids,
                lists: &m.lists,
            }),
            _ => Some(Part {
                doc: Arc::new(resolve::document(d.file.value.clone(), &head.3)?),
                ids,
                lists: &[],
            }),
        })
        .collect();
    let paths: Vec<PathBuf> = docs.iter().map(|d| d.path.clone()).collect();
    let notes = notes
        .iter()
        .flat_map(|f| &f.value.notes)
        .map(|n| n.get_ref().clone());
    let crosswalk = match now.links.take() {
        Some(links) => Crosswalk::Known(links),
        None => Crosswalk::Raw(crosswalk.map(|c| &c.value)),
    };
    let (site, placed) = resolve::assemble(head, parts, crosswalk, notes, briefings);
    now.links = Some(site.links.clone());
    *across = Some(now);
    drop((checked, ids));
    let fresh = keep(&docs, fresh);
    drop(docs);
    let shared = site.documents.shared();
    let models = paths
        .into_iter()
        .zip(placed)
        .map(|(path, (at, lists))| {
            let m = Modelled {
                langs: codes.clone(),
                doc: Arc::clone(&shared[at]),
                lists,
            };
            (path, m)
        })
        .collect();
    remember(document_files, fresh, models);
    Ok((site, pages))
}

/// A document file as the cache has it.
struct Doc<'a> {
    path: &'a PathBuf,
    entry: &'a Entry<RawDocument>,
    file: &'a Sourced<RawDocument>,
}

/// The values of cached files, their problems into `diags`.
fn values<'a, T>(files: Vec<Cached<'a, T>>, diags: &mut Vec<Diagnostic>) -> Vec<&'a Sourced<T>> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        diags.extend(file.unread);
        if let Some(e) = file.entry {
            diags.extend(e.diags.iter().cloned());
            out.extend(e.value.as_deref());
        }
    }
    out
}

/// The checks made this time, by file.
fn keep(docs: &[Doc], fresh: Vec<Option<Checked>>) -> Vec<(PathBuf, Checked)> {
    docs.iter()
        .zip(fresh)
        .filter_map(|(d, c)| Some((d.path.clone(), c?)))
        .collect()
}

/// Keeps the checks and models made this time for next time.
fn remember(
    files: &mut Files<RawDocument>,
    checked: Vec<(PathBuf, Checked)>,
    models: Vec<(PathBuf, Modelled)>,
) {
    for (path, c) in checked {
        if let Some(e) = files.entry_mut(&path) {
            e.checked = Some(c);
        }
    }
    for (path, m) in models {
        if let Some(e) = files.entry_mut(&path) {
            e.model = Some(m);
        }
    }
}

/// A hash of what the checks and resolution of cross-links read of a
/// document: its id, series, edition and node ids, in order.
fn shape(doc: &RawDocument) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    doc.id.get_ref().hash(&mut h);
    doc.series.as_ref().map(|s| s.get_ref()).hash(&mut h);
    doc.edition.as_ref().map(|s| s.get_ref()).hash(&mut h);
    for n in &doc.nodes {
        n.get_ref().id.get_ref().hash(&mut h);
    }
    h.finish()
}
