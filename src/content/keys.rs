//! Citation keys (`document:node`) to nodes, looked up without writing
//! out a key per node: documents by id, then the [`IdIndex`] of the
//! document, which `serve` keeps with each file.

use std::hash::Hasher;
use std::sync::Arc;

use rustc_hash::FxHasher;

use super::fxhash::{FxMap, FxSet};
use super::load::Sourced;
use super::model::{Document, NodeRef};
use super::raw::RawDocument;

/// The node ids of one document by hash: (hash, node index), sorted. It
/// owns no text (a lookup compares the ids of the document itself), so it
/// can be kept while the document stays the same.
#[derive(Debug, Clone, Default)]
pub(super) struct IdIndex {
    entries: Vec<(u64, u32)>,
}

fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

impl IdIndex {
    /// The index of `ids`, listed in node order.
    pub fn new<'a>(ids: impl Iterator<Item = &'a str>) -> IdIndex {
        let mut entries: Vec<(u64, u32)> = ids
            .enumerate()
            .map(|(i, id)| (hash(id), i as u32))
            .collect();
        entries.sort_unstable();
        IdIndex { entries }
    }

    /// The index of the node listed last with id `id`; `id_of` gives the
    /// id of a node.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let h = hash(id);
        let from = self.entries.partition_point(|e| e.0 < h);
        let to = from + self.entries[from..].partition_point(|e| e.0 == h);
        self.entries[from..to]
            .iter()
            .rev()
            .map(|e| e.1 as usize)
            .find(|&n| id_of(n) == id)
    }
}

/// The nodes of the raw documents, for the checks of cross-file keys.
pub(super) struct RawKeys<'a> {
    docs: Vec<&'a Sourced<RawDocument>>,
    /// Document id → the files with that id, in order.
    by_id: FxMap<&'a str, Vec<usize>>,
    /// The id index of each file.
    ids: Vec<&'a IdIndex>,
    /// What comes before the first `:` of the ids of documents with nodes.
    prefixes: FxSet<&'a str>,
}

impl<'a> RawKeys<'a> {
    /// `ids`: the id index of each document file.
    pub fn new(docs: Vec<&'a Sourced<RawDocument>>, ids: Vec<&'a IdIndex>) -> RawKeys<'a> {
        let mut by_id: FxMap<&str, Vec<usize>> = FxMap::default();
        let mut prefixes = FxSet::default();
        for (d, doc) in docs.iter().enumerate() {
            let id = doc.value.id.get_ref().as_str();
            by_id.entry(id).or_default().push(d);
            if !doc.value.nodes.is_empty() {
                prefixes.insert(id.split(':').next().unwrap_or(id));
            }
        }
        RawKeys {
            docs,
            by_id,
            ids,
            prefixes,
        }
    }

    /// The document file and the node's index in it: the node listed last
    /// among those with this key, as in a map of every key written out.
    pub fn get(&self, key: &str) -> Option<(&'a Sourced<RawDocument>, usize)> {
        // Ids are checked for `:` apart: try every split.
        key.match_indices(':')
            .filter_map(|(i, _)| {
                let (doc, node) = (&key[..i], &key[i + 1..]);
                self.by_id.get(doc)?.iter().rev().find_map(|&d| {
                    let nodes = &self.docs[d].value.nodes;
                    let n = self.ids[d].find(node, |n| nodes[n].get_ref().id.get_ref())?;
                    Some((d, n))
                })
            })
            .max()
            .map(|(d, n)| (self.docs[d], n))
    }

    /// Whether some key starts with `doc:` (`doc` has no `:`).
    pub fn has_document(&self, doc: &str) -> bool {
        self.prefixes.contains(doc)
    }
}

/// The nodes of resolved documents (unique ids, none holding `:`).
pub(super) struct Keys<'a> {
    docs: &'a [Arc<Document>],
    by_id: FxMap<&'a str, usize>,
    ids: Vec<&'a IdIndex>,
}

impl<'a> Keys<'a> {
    /// `ids`: the id index of each document.
    pub fn new(docs: &'a [Arc<Document>], ids: Vec<&'a IdIndex>) -> Keys<'a> {
        let by_id = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| (doc.id.as_str(), d))
            .collect();
        Keys { docs, by_id, ids }
    }

    pub fn get(&self, key: &str) -> Option<NodeRef> {
        let (doc, node) = key.split_once(':')?;
        let d = *self.by_id.get(doc)?;
        let nodes = &self.docs[d].nodes;
        let n = self.ids[d].find(node, |n| &nodes[n].id)?;
        Some(NodeRef { doc: d, node: n })
    }
}
