//! Citation keys (`document:node`) to nodes, looked up without writing
//! out a key per node: documents by id, then a small map of node ids per
//! document, built in parallel, all borrowed from the content.

use rayon::prelude::*;

use super::fxhash::{FxMap, FxSet};
use super::load::Sourced;
use super::model::{Document, NodeRef};
use super::raw::RawDocument;

/// Node id → its index in the document; the last node listed wins.
pub(super) type NodeIndex<'a> = FxMap<&'a str, usize>;

pub(super) fn node_index<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> NodeIndex<'a> {
    let mut index = NodeIndex::with_capacity_and_hasher(ids.len(), Default::default());
    for (i, id) in ids.enumerate() {
        index.insert(id, i);
    }
    index
}

/// The nodes of the raw documents, for the checks of cross-file keys.
pub(super) struct RawKeys<'a> {
    docs: &'a [Sourced<RawDocument>],
    /// Document id → the files with that id, in order.
    by_id: FxMap<&'a str, Vec<usize>>,
    /// The node index of each file.
    nodes: Vec<NodeIndex<'a>>,
    /// What comes before the first `:` of the ids of documents with nodes.
    prefixes: FxSet<&'a str>,
}

impl<'a> RawKeys<'a> {
    /// `nodes`: the node index of each document file.
    pub fn new(docs: &'a [Sourced<RawDocument>], nodes: Vec<NodeIndex<'a>>) -> RawKeys<'a> {
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
            nodes,
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
                    let n = *self.nodes[d].get(node)?;
                    Some((d, n))
                })
            })
            .max()
            .map(|(d, n)| (&self.docs[d], n))
    }

    /// Whether some key starts with `doc:` (`doc` has no `:`).
    pub fn has_document(&self, doc: &str) -> bool {
        self.prefixes.contains(doc)
    }
}

/// The nodes of resolved documents (unique ids, none holding `:`).
pub(super) struct Keys<'a> {
    by_id: FxMap<&'a str, usize>,
    nodes: Vec<NodeIndex<'a>>,
}

impl<'a> Keys<'a> {
    pub fn new(docs: &'a [Document]) -> Keys<'a> {
        let by_id = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| (doc.id.as_str(), d))
            .collect();
        let nodes = docs
            .par_iter()
            .map(|doc| node_index(doc.nodes.iter().map(|n| n.id.as_str())))
            .collect();
        Keys { by_id, nodes }
    }

    pub fn get(&self, key: &str) -> Option<NodeRef> {
        let (doc, node) = key.split_once(':')?;
        let d = *self.by_id.get(doc)?;
        let n = *self.nodes[d].get(node)?;
        Some(NodeRef { doc: d, node: n })
    }
}
