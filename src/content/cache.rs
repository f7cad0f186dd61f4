//! What `serve` keeps between rebuilds: every parsed content file, with the
//! problems reading it gave, by path and fingerprint; a file is parsed
//! again only when its size or modification time changed. For a document,
//! also the problems its own checks found and its model (`incremental`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::keys::IdIndex;
use super::load::{read_one, toml_files, RawContent, Sourced};
use super::model::{Document, Link};
use super::raw::{RawCrosswalk, RawDocument, RawNotes, RawSite};
use super::resolve::Listed;
use crate::diag::Diagnostic;

/// Size and modification time: a file whose fingerprint is unchanged is
/// not parsed again.
pub(super) type Fingerprint = (u64, Option<std::time::SystemTime>);

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// One parsed file, and for a document what was made of it.
#[derive(Debug)]
pub(super) struct Entry<T> {
    pub fingerprint: Fingerprint,
    pub value: Option<Arc<Sourced<T>>>,
    pub diags: Vec<Diagnostic>,
    /// The problems the checks of the document alone found.
    pub checked: Option<Checked>,
    /// The document's model, as the last site built has it.
    pub model: Option<Modelled>,
}

/// The problems of a document file alone, for the site languages it was
/// checked with.
#[derive(Debug)]
pub(super) struct Checked {
    pub langs: Vec<String>,
    pub diags: Vec<Diagnostic>,
    pub ids: IdIndex,
    /// A hash of what the checks of cross-links read of the document: its
    /// id, series, edition and node ids.
    pub shape: u64,
}

/// The cross-links as last checked and resolved, for the crosswalk and the
/// document shapes (in file order) they were checked against.
#[derive(Debug)]
pub(super) struct Across {
    pub crosswalk: Option<Fingerprint>,
    pub shapes: Vec<u64>,
    pub diags: Vec<Diagnostic>,
    /// The links, once a site was made with them.
    pub links: Option<Vec<Link>>,
}

/// The model of a document file, for the site languages it was made with.
#[derive(Debug)]
pub(super) struct Modelled {
    pub langs: Vec<String>,
    pub doc: Arc<Document>,
    /// The links and notes its nodes have.
    pub lists: Vec<Listed>,
}

/// A file as the cache has it after a refresh: its entry, or the problems
/// of a file that could not be read.
pub(super) struct Cached<'a, T> {
    pub entry: Option<&'a Entry<T>>,
    pub unread: Vec<Diagnostic>,
}

/// Parsed files of one type, by path.
#[derive(Debug)]
pub(super) struct Files<T> {
    map: HashMap<PathBuf, Entry<T>>,
}

impl<T> Files<T> {
    pub fn entry_mut(&mut self, path: &Path) -> Option<&mut Entry<T>> {
        self.map.get_mut(path)
    }
}

impl<T> Default for Files<T> {
    fn default() -> Self {
        Files {
            map: HashMap::new(),
        }
    }
}

impl<T: DeserializeOwned + Send + Sync> Files<T> {
    /// Brings the cache up to date with `paths`, all the files of its kind:
    /// parses the new and changed files in parallel and forgets the files
    /// gone. Returns the entries in the order of `paths` (`None` for a file
    /// that cannot be read, which is tried again next time), with the
    /// problems of reading a file that is not cached.
    pub fn refresh<'a>(
        &'a mut self,
        paths: &'a [PathBuf],
        required: bool,
        changed: &mut Vec<PathBuf>,
    ) -> Vec<Cached<'a, T>> {
        let listed: HashSet<&PathBuf> = paths.iter().collect();
        let mut gone: Vec<PathBuf> = self
            .map
            .keys()
            .filter(|p| !listed.contains(p))
            .cloned()
            .collect();
        gone.sort();
        for path in gone {
            self.map.remove(&path);
            changed.push(path);
        }
        let stale: Vec<(&PathBuf, Option<Fingerprint>)> = paths
            .iter()
            .map(|p| (p, fingerprint(p)))
            .filter(|(p, fp)| {
                fp.is_none() || self.map.get(*p).map(|e| Some(e.fingerprint)) != Some(*fp)
            })
            .collect();
        let parsed: Vec<_> = stale
            .par_iter()
            .map(|(p, fp)| (*p, *fp, read_one::<T>(p, required)))
            .collect();
        let mut unread = HashMap::new();
        for (path, fp, read) in parsed {
            let known = self.map.remove(path).is_some();
            match fp {
                Some(fingerprint) => {
                    self.map.insert(
                        path.clone(),
                        Entry {
                            fingerprint,
                            value: read.value.map(Arc::new),
                            diags: read.diags,
                            checked: None,
                            model: None,
                        },
                    );
                    changed.push(path.clone());
                }
                None => {
                    if known || !read.diags.is_empty() {
                        changed.push(path.clone());
                    }
                    unread.insert(path, read.diags);
                }
            }
        }
        paths
            .iter()
            .map(|p| Cached {
                entry: self.map.get(p),
                unread: unread.remove(p).unwrap_or_default(),
            })
            .collect()
    }
}

/// Entries as owned values, their problems into `diags`.
fn owned<T: Clone>(files: Vec<Cached<T>>, diags: &mut Vec<Diagnostic>) -> Vec<Sourced<T>> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        diags.extend(file.unread);
        if let Some(e) = file.entry {
            diags.extend(e.diags.iter().cloned());
            out.extend(e.value.as_deref().cloned());
        }
    }
    out
}

/// What `serve` keeps between rebuilds: every parsed content file.
#[derive(Debug, Default)]
pub struct Cache {
    pub(super) site: Files<RawSite>,
    pub(super) crosswalk: Files<RawCrosswalk>,
    pub(super) documents: Files<RawDocument>,
    pub(super) notes: Files<RawNotes>,
    pub(super) across: Option<Across>,
    /// The files that were new, changed or removed at the last load.
    pub changed: Vec<PathBuf>,
}

impl Cache {
    /// `load::load_cached`: the content as owned raw values (copies of
    /// the cached files).
    pub(super) fn load(&mut self, root: &Path) -> (RawContent, Vec<Diagnostic>) {
        self.changed.clear();
        let mut diags = Vec::new();
        let changed = &mut self.changed;
        let path = [root.join("site.toml")];
        let site = self.site.refresh(&path, true, changed);
        let site = owned(site, &mut diags).pop();
        let path = [root.join("crosswalk.toml")];
        let crosswalk = self.crosswalk.refresh(&path, false, changed);
        let crosswalk = owned(crosswalk, &mut diags).pop();
        let paths = toml_files(&root.join("documents"), &mut diags);
        let docs = self.documents.refresh(&paths, true, changed);
        let documents = owned(docs, &mut diags);
        let paths = toml_files(&root.join("notes"), &mut diags);
        let notes = self.notes.refresh(&paths, true, changed);
        let notes = owned(notes, &mut diags);
        // Briefings are few and small: read afresh every time, not cached
        // (`serve` renders every briefing on each rebuild).
        let briefings = super::load::read_folder(&root.join("briefings")).take(&mut diags);
        let content = RawContent {
            site,
            documents,
            notes,
            crosswalk,
            briefings,
        };
        (content, diags)
    }
}
