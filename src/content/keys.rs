//! Citation keys (`document:node`) to nodes, looked up without writing
//! out a key per node: maps by the pair of ids, borrowed from the content.

use super::fxhash::{FxMap, FxSet};
use super::load::Sourced;
use super::model::{Document, NodeRef};
use super::raw::RawDocument;

/// The nodes of the raw documents, for the checks of cross-file keys.
pub(super) struct RawKeys<'a> {
    docs: &'a [Sourced<RawDocument>],
    /// (document id, node id) → (document index, node index); the last
    /// node listed wins, as if every key had been written out in a map.
    nodes: FxMap<(&'a str, &'a str), (usize, usize)>,
    /// What comes before the first `:` of the ids of documents with nodes.
    prefixes: FxSet<&'a str>,
}

impl<'a> RawKeys<'a> {
    pub fn new(docs: &'a [Sourced<RawDocument>]) -> RawKeys<'a> {
        let count = docs.iter().map(|d| d.value.nodes.len()).sum();
        let mut nodes = FxMap::with_capacity_and_hasher(count, Default::default());
        let mut prefixes = FxSet::default();
        for (d, doc) in docs.iter().enumerate() {
            let id = doc.value.id.get_ref().as_str();
            for (n, node) in doc.value.nodes.iter().enumerate() {
                nodes.insert((id, node.get_ref().id.get_ref().as_str()), (d, n));
            }
            if !doc.value.nodes.is_empty() {
                prefixes.insert(id.split(':').next().unwrap_or(id));
            }
        }
        RawKeys {
            docs,
            nodes,
            prefixes,
        }
    }

    /// The document file and the node's index in it.
    pub fn get(&self, key: &str) -> Option<(&'a Sourced<RawDocument>, usize)> {
        // Ids are checked for `:` only later: try every split, and keep
        // the node listed last, as a map of written-out keys would.
        key.match_indices(':')
            .filter_map(|(i, _)| self.nodes.get(&(&key[..i], &key[i + 1..])))
            .max()
            .map(|&(d, n)| (&self.docs[d], n))
    }

    /// Whether some key starts with `doc:` (`doc` has no `:`).
    pub fn has_document(&self, doc: &str) -> bool {
        self.prefixes.contains(doc)
    }
}

/// The nodes of resolved documents (whose ids hold no `:`).
pub(super) struct Keys<'a> {
    nodes: FxMap<(&'a str, &'a str), NodeRef>,
}

impl<'a> Keys<'a> {
    pub fn new(docs: &'a [Document]) -> Keys<'a> {
        let count = docs.iter().map(|d| d.nodes.len()).sum();
        let mut nodes = FxMap::with_capacity_and_hasher(count, Default::default());
        for (d, doc) in docs.iter().enumerate() {
            for (n, node) in doc.nodes.iter().enumerate() {
                nodes.insert(
                    (doc.id.as_str(), node.id.as_str()),
                    NodeRef { doc: d, node: n },
                );
            }
        }
        Keys { nodes }
    }

    pub fn get(&self, key: &str) -> Option<NodeRef> {
        let (doc, node) = key.split_once(':')?;
        self.nodes.get(&(doc, node)).copied()
    }
}
