//! Citation keys (`document:node`) to nodes, for the checks that look
//! across files (notes, cross-links, briefings). Keys are found among the
//! document files as read, so that a key into a document that has
//! problems of its own is not reported again; the node found is given as
//! it will be in the site, its document at its place in id order.

use std::collections::{HashMap, HashSet};

use crate::model::NodeRef;
use crate::source::load::Sourced;
use crate::source::raw::RawDocument;

pub(super) struct Keys<'a> {
    /// Document id → (its file, its place in the site), the last file
    /// with that id.
    docs: HashMap<&'a str, (&'a Sourced<RawDocument>, usize)>,
    /// Per document id: node id → index, the last node with that id.
    nodes: HashMap<&'a str, HashMap<&'a str, usize>>,
    /// What comes before the first `:` of the ids of documents with nodes.
    prefixes: HashSet<&'a str>,
}

/// A node found by its key: its document file and where it is in the site.
#[derive(Clone, Copy)]
pub(super) struct Found<'a> {
    pub file: &'a Sourced<RawDocument>,
    pub node: NodeRef,
}

impl<'a> Keys<'a> {
    /// `files` in the order read; `place[i]`: where file `i` is in the site.
    pub fn new(files: &'a [&'a Sourced<RawDocument>], place: &[usize]) -> Keys<'a> {
        let mut docs = HashMap::new();
        let mut nodes: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        let mut prefixes = HashSet::new();
        for (i, file) in files.iter().enumerate() {
            let id = file.value.id.get_ref().as_str();
            docs.insert(id, (*file, place[i]));
            let ids = file
                .value
                .nodes
                .iter()
                .enumerate()
                .map(|(n, node)| (node.get_ref().id.get_ref().as_str(), n));
            // A later file with the same id (an error) replaces the earlier.
            nodes.insert(id, ids.collect());
            if !file.value.nodes.is_empty() {
                prefixes.insert(id.split(':').next().unwrap_or(id));
            }
        }
        Keys {
            docs,
            nodes,
            prefixes,
        }
    }

    pub fn get(&self, key: &str) -> Option<Found<'a>> {
        // Ids are checked for `:` apart: try every split, the longest
        // document id that has the node first.
        key.rmatch_indices(':').find_map(|(i, _)| {
            let (doc, node) = (&key[..i], &key[i + 1..]);
            let &(file, d) = self.docs.get(doc)?;
            let &n = self.nodes.get(doc)?.get(node)?;
            Some(Found {
                file,
                node: NodeRef { doc: d, node: n },
            })
        })
    }

    /// Whether some key starts with `doc:` (`doc` has no `:`).
    pub fn has_document(&self, doc: &str) -> bool {
        self.prefixes.contains(doc)
    }
}
