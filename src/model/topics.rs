//! The topic index: a tree of topics, each covering nodes of the
//! documents (a node with its whole subtree), from `content/topics.toml`.

use super::{Documents, NodeRef};
use crate::source::raw::LangMap;

/// One topic.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    /// In every language of the site (plain text).
    pub name: LangMap,
    /// Plain text, in some of the site's languages (may be empty).
    pub description: LangMap,
    /// Index of the broader topic in [`Topics::list`].
    pub parent: Option<usize>,
    /// The nodes named in the file, in its order.
    pub covers: Vec<NodeRef>,
}

/// The site's topics in tree order (a topic's narrower topics follow it,
/// each level in the order of the file).
#[derive(Debug, Clone, Default)]
pub struct Topics {
    pub list: Vec<Topic>,
}

impl Topics {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The depth of topic `i` in the tree (0 for a top-level topic).
    pub fn depth(&self, i: usize) -> usize {
        let mut depth = 0;
        let mut at = self.list[i].parent;
        while let Some(p) = at {
            depth += 1;
            at = self.list[p].parent;
        }
        depth
    }

    /// The nodes topic `i` covers: each node named and its descendants,
    /// in the site's order (document, then reading order), each once.
    pub fn nodes(&self, i: usize, documents: &Documents) -> Vec<NodeRef> {
        let mut out = Vec::new();
        for r in &self.list[i].covers {
            let nodes = documents[r.doc].subtree(r.node);
            out.extend(nodes.map(|node| NodeRef { doc: r.doc, node }));
        }
        out.sort_by_key(|r| (r.doc, r.node));
        out.dedup();
        out
    }

    /// For each document, for each of its nodes, the topics it is on: those
    /// covering it (naming it or a node it descends from) and their broader
    /// topics, in tree order. A node on "finance" is on "economy" too.
    pub fn covering(&self, documents: &Documents) -> Vec<Vec<Vec<usize>>> {
        let mut out: Vec<Vec<Vec<usize>>> = documents
            .iter()
            .map(|d| vec![Vec::new(); if self.is_empty() { 0 } else { d.nodes.len() }])
            .collect();
        for i in 0..self.list.len() {
            for r in self.nodes(i, documents) {
                let mut at = Some(i);
                while let Some(t) = at {
                    out[r.doc][r.node].push(t);
                    at = self.list[t].parent;
                }
            }
        }
        for node in out.iter_mut().flatten() {
            node.sort_unstable();
            node.dedup();
        }
        out
    }
}
