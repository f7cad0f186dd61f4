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
    /// Document id → the last file with that id: the file, its place in
    /// the site, and its node ids, each to the index of the last node with
    /// it.
    docs: HashMap<&'a str, Doc<'a>>,
    /// What comes before the first `:` of the ids of documents with nodes.
    prefixes: HashSet<&'a str>,
    /// The ids (file names) of document files that could not be read.
    unreadable: HashSet<String>,
}

struct Doc<'a> {
    file: &'a Sourced<RawDocument>,
    place: usize,
    nodes: HashMap<&'a str, usize>,
}

/// A node found by its key: its document file and where it is in the site.
#[derive(Clone, Copy)]
pub(super) struct Found<'a> {
    pub file: &'a Sourced<RawDocument>,
    pub node: NodeRef,
}

impl<'a> Found<'a> {
    /// Its document's id and its own.
    pub fn ids(&self) -> (&'a str, &'a str) {
        let doc = &self.file.value;
        let node = doc.nodes[self.node.node].get_ref();
        (doc.id.get_ref(), node.id.get_ref())
    }
}

impl<'a> Keys<'a> {
    /// `files` in the order read; `place[i]`: where file `i` is in the site.
    pub fn new(files: &'a [&'a Sourced<RawDocument>], place: &[usize]) -> Keys<'a> {
        let mut docs = HashMap::new();
        let mut prefixes = HashSet::new();
        for (i, file) in files.iter().enumerate() {
            let id = file.value.id.get_ref().as_str();
            let nodes = file
                .value
                .nodes
                .iter()
                .enumerate()
                .map(|(n, node)| (node.get_ref().id.get_ref().as_str(), n))
                .collect();
            // A later file with the same id (an error) replaces the earlier.
            let doc = Doc {
                file,
                place: place[i],
                nodes,
            };
            docs.insert(id, doc);
            if !file.value.nodes.is_empty() {
                prefixes.insert(id.split(':').next().unwrap_or(id));
            }
        }
        Keys {
            docs,
            prefixes,
            unreadable: HashSet::new(),
        }
    }

    /// The keys, knowing the ids of the document files that could not be
    /// read: a key into one of them is not reported as missing (the file's
    /// own problem is).
    pub fn with_unreadable(mut self, ids: HashSet<String>) -> Keys<'a> {
        self.unreadable = ids;
        self
    }

    /// Whether `doc` is a document whose file could not be read.
    pub fn is_unreadable(&self, doc: &str) -> bool {
        self.unreadable.contains(doc)
    }

    pub fn get(&self, key: &str) -> Option<Found<'a>> {
        // Ids are checked for `:` apart: try every split, the longest
        // document id that has the node first.
        key.rmatch_indices(':').find_map(|(i, _)| {
            let (doc, node) = (&key[..i], &key[i + 1..]);
            let doc = self.docs.get(doc)?;
            Some(Found {
                file: doc.file,
                node: NodeRef {
                    doc: doc.place,
                    node: *doc.nodes.get(node)?,
                },
            })
        })
    }

    /// The node at `r`, found by where it is in the site.
    pub fn at(&self, r: NodeRef) -> Option<Found<'a>> {
        let doc = self.docs.values().find(|d| d.place == r.doc)?;
        doc.file.value.nodes.get(r.node)?;
        Some(Found {
            file: doc.file,
            node: r,
        })
    }

    /// Whether the document of `file` has an earlier edition in its series
    /// (a document of the same series whose edition sorts before its own).
    pub fn has_earlier_edition(&self, file: &Sourced<RawDocument>) -> bool {
        fn edition_of(f: &Sourced<RawDocument>) -> Option<(&String, &String)> {
            let v = &f.value;
            Some((v.series.as_ref()?.get_ref(), v.edition.as_ref()?.get_ref()))
        }
        let Some((series, edition)) = edition_of(file) else {
            return false;
        };
        self.docs
            .values()
            .any(|d| edition_of(d.file).is_some_and(|(s, e)| s == series && e < edition))
    }

    /// Whether some key starts with `doc:` (`doc` has no `:`).
    pub fn has_document(&self, doc: &str) -> bool {
        self.prefixes.contains(doc)
    }
}
