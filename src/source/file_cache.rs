//! The document files as `serve` keeps them between rebuilds: each file's
//! parse, by path and a hash of its bytes. A file read again with the same
//! bytes is not parsed again, and keeps its `Arc`, by which the check
//! stage knows it too ([`crate::check::Cache`]).

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::load::{parse_toml, read_text, toml_files, Read, Sourced};
use super::raw::RawDocument;
use crate::diag::Diagnostic;

/// Document files by path: the hash of their bytes and their parse.
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, (u64, Arc<Sourced<RawDocument>>)>,
}

type Document = Arc<Sourced<RawDocument>>;

/// The document files of `dir`, sorted by name, parsed in parallel; with a
/// cache, only those whose bytes changed since it saw them.
pub(super) fn read_documents(dir: &Path, mut cache: Option<&mut Cache>) -> Read<Vec<Document>> {
    let mut diags = Vec::new();
    let paths = toml_files(dir, &mut diags);
    let known = (cache.as_deref_mut()).map(|c| Mutex::new(std::mem::take(&mut c.files)));
    let read: Vec<(Option<Document>, Vec<Diagnostic>)> = paths
        .par_iter()
        .map(|p| read_document(p, known.as_ref()))
        .collect();
    if let (Some(cache), Some(known)) = (cache, known) {
        let known = known.into_inner().unwrap_or_default();
        // The files listed now, and no other.
        cache.files = paths
            .iter()
            .filter_map(|p| known.get(p).map(|entry| (p.clone(), entry.clone())))
            .collect();
    }
    let mut value = Vec::with_capacity(read.len());
    for (doc, problems) in read {
        diags.extend(problems);
        value.extend(doc);
    }
    Read { value, diags }
}

/// One document file; with `known` (the cache's files), its parse there
/// when its bytes are the same, and the cache updated when they are not.
fn read_document(
    path: &Path,
    known: Option<&Mutex<HashMap<PathBuf, (u64, Document)>>>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(text) = read_text(path, &mut diags, true) else {
        return (None, diags);
    };
    let text = text.as_str();
    let Some(known) = known else {
        let parsed = parse_toml(path, text, &mut diags).map(Arc::new);
        return (parsed, diags);
    };
    // aHash, not the standard library's SipHash: at 10,000 documents
    // `serve` reads and hashes 200 MB of files on every save, 277 ms with
    // SipHash, 225 ms with aHash. The hash only says whether a file
    // changed within one process: no resistance to chosen collisions is
    // needed.
    let mut h = ahash::AHasher::default();
    h.write(text.as_bytes());
    let hash = h.finish();
    let lock = || {
        known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some((_, doc)) = lock().get(path).filter(|(h, _)| *h == hash) {
        return (Some(doc.clone()), diags);
    }
    let parsed = parse_toml(path, text, &mut diags).map(Arc::new);
    match &parsed {
        Some(doc) => lock().insert(path.to_path_buf(), (hash, doc.clone())),
        None => lock().remove(path),
    };
    (parsed, diags)
}
