//! The topic index: a tree of topics, each covering nodes of the
//! documents (a node with its whole subtree), from `content/topics.toml`.

use super::{Document, Documents, NodeRef};
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
        self.with_broader(i).count() - 1
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

    /// For each node of document `d` (`doc`), the topics covering it:
    /// naming it or a node it descends from, in tree order. Empty for a
    /// site without topics.
    pub fn of_document(&self, d: usize, doc: &Document) -> Vec<Vec<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut on: Vec<Vec<usize>> = vec![Vec::new(); doc.nodes.len()];
        for (t, topic) in self.list.iter().enumerate() {
            for r in topic.covers.iter().filter(|r| r.doc == d) {
                for n in doc.subtree(r.node) {
                    if !on[n].contains(&t) {
                        on[n].push(t);
                    }
                }
            }
        }
        on
    }

    /// Topic `i` and its broader topics, the narrowest first.
    pub fn with_broader(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(i), |&t| self.list[t].parent)
    }
}
