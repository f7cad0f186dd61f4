//! A briefing: a curated dossier of nodes from any documents, in one or
//! both languages, for print (`content/briefings/<id>.toml`).

use super::NodeRef;
use crate::source::raw::LangMap;

/// How a briefing shows its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Every language of the site, in columns.
    Parallel,
    /// One language only.
    One(String),
}

impl Mode {
    pub const PARALLEL: &'static str = "parallel";

    /// Parses a mode: `parallel` or one of `site_langs`.
    pub fn parse(s: &str, site_langs: &[String]) -> Option<Mode> {
        if s == Self::PARALLEL {
            Some(Mode::Parallel)
        } else {
            site_langs
                .iter()
                .any(|l| l == s)
                .then(|| Mode::One(s.to_string()))
        }
    }

    /// The languages the mode shows, in the site's order.
    pub fn languages(&self, site_langs: &[String]) -> Vec<String> {
        match self {
            Mode::Parallel => site_langs.to_vec(),
            Mode::One(l) => vec![l.clone()],
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Mode::Parallel => Self::PARALLEL,
            Mode::One(l) => l,
        }
    }
}

/// A resolved briefing.
#[derive(Debug)]
pub struct Briefing {
    pub id: String,
    pub title: LangMap,
    pub date: String,
    pub audience: LangMap,
    pub intro: LangMap,
    pub mode: Mode,
    /// The languages shown, in the site's order.
    pub languages: Vec<String>,
    pub items: Vec<Item>,
}

#[derive(Debug)]
pub struct Item {
    pub node: NodeRef,
    pub comment: LangMap,
    /// What the item shows of its node.
    pub kind: ItemKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// The node with its descendants.
    Node,
    /// The node with its descendants, one of those topic `.0` covers (an
    /// index into `Site::topics`), the `.1`th of them; the comment, on the
    /// first, is the topic's.
    Topic(usize, usize),
    /// The section beside the one of the edition before that it continues:
    /// its row of the edition comparison.
    Compare,
}

impl Briefing {
    /// Indexes of the documents cited, in the order first cited.
    pub fn documents(&self) -> Vec<usize> {
        let mut docs = Vec::new();
        for item in &self.items {
            if !docs.contains(&item.node.doc) {
                docs.push(item.node.doc);
            }
        }
        docs
    }

    /// Whether any item is from document `d`.
    pub fn cites(&self, d: usize) -> bool {
        self.items.iter().any(|i| i.node.doc == d)
    }
}
