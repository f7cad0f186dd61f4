//! The content model: immutable, made by `check` from raw content that has
//! no problem. Renderers read it; nothing changes it.

use std::collections::BTreeMap;

use std::fmt;
use std::sync::Arc;

pub mod briefing;
pub mod commitments;
pub mod compare;
mod documents;
pub mod ids;
mod kinds;
pub mod topics;

use crate::source::raw::LangMap;
use briefing::Briefing;
pub use documents::Documents;
pub use kinds::DocKind;

/// The whole site's content.
#[derive(Debug)]
pub struct Site {
    pub title: LangMap,
    pub description: LangMap,
    pub base_url: String,
    /// The site's languages, in display order.
    pub languages: Vec<Language>,
    /// The kinds of document, in the order of the home page.
    pub kinds: Vec<DocKind>,
    pub documents: Documents,
    /// Sorted by their ends.
    pub links: Vec<Link>,
    pub notes: Vec<Note>,
    /// Curated dossiers of nodes, sorted by id.
    pub briefings: Vec<Briefing>,
    /// The editor's corrections of the figures read from the texts
    /// (`content/commitments.toml`).
    pub corrections: Vec<commitments::Correction>,
    /// The topic index (empty without `topics.toml`).
    pub topics: topics::Topics,
    /// By document, then node: the links and notes of each node.
    attached: Vec<Vec<Attached>>,
}

/// What a node has of the site's links and notes: indexes into
/// `Site::links` and `Site::notes`, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attached {
    /// Links declared from the node.
    pub links_out: Vec<usize>,
    /// Links that point at it.
    pub links_in: Vec<usize>,
    pub notes: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    pub code: String,
    pub name: String,
}

/// Where a node is: indexes into `Site::documents` and `Document::nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeRef {
    pub doc: usize,
    pub node: usize,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The id of its [`DocKind`].
    pub kind: String,
    pub series: Option<String>,
    pub edition: Option<String>,
    pub title: LangMap,
    pub date: Option<String>,
    /// Who issued (adopted) it, per language (provenance and citations;
    /// may be empty).
    pub author: LangMap,
    /// Where it was adopted, per language (may be empty).
    pub place: LangMap,
    /// Its official sources, in the order of its file.
    pub official: Vec<Official>,
    /// Who published it, per language (for citations; may be empty).
    pub publisher: LangMap,
    /// The languages the document has, in the site's display order.
    pub languages: Vec<String>,
    pub source: Option<String>,
    /// Nodes in reading order (pre-order), so that a node's children
    /// follow it; `Node::parent` indexes into this list.
    pub nodes: Vec<Node>,
}

impl Document {
    /// The children of node `i`, in order (nodes are in reading order).
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (i + 1..self.nodes.len()).filter(move |&c| self.nodes[c].parent == Some(i))
    }

    /// Node `i` and its descendants, which follow it in reading order.
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        let depth = self.nodes[i].depth;
        let end = (i + 1..self.nodes.len())
            .find(|&j| self.nodes[j].depth <= depth)
            .unwrap_or(self.nodes.len());
        i..end
    }
}

/// Where the official text of a document in one language is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    /// One of the document's languages.
    pub lang: String,
    /// An absolute `http:` or `https:` address.
    pub url: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Node {
    /// Id within the document (`art_2__sec_3__cl_3`).
    pub id: String,
    pub kind: NodeKind,
    pub depth: usize,
    pub parent: Option<usize>,
    pub label: LangMap,
    pub heading: LangMap,
    pub text: LangMap,
}

/// A cross-link, declared once in the crosswalk; `to`'s backlink is derived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub from: NodeRef,
    pub to: NodeRef,
    pub relation: Relation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub target: NodeRef,
    pub kind: NoteKind,
    pub text: LangMap,
}

/// What `site.toml` gives the model.
#[derive(Debug, Clone)]
pub struct Head {
    pub title: LangMap,
    pub description: LangMap,
    pub base_url: String,
    pub languages: Vec<Language>,
    pub kinds: Vec<DocKind>,
}

/// What `check` makes of the content, besides the site's head: the
/// parts of a [`Site`].
pub struct Parts {
    /// Sorted by id.
    pub documents: Vec<Arc<Document>>,
    pub links: Vec<Link>,
    pub notes: Vec<Note>,
    pub briefings: Vec<Briefing>,
    pub topics: topics::Topics,
    pub corrections: Vec<commitments::Correction>,
}

impl Site {
    /// The site of its checked parts.
    pub fn new(head: Head, parts: Parts) -> Site {
        let Parts {
            documents,
            links,
            notes,
            briefings,
            topics,
            corrections,
        } = parts;
        let mut attached: Vec<Vec<Attached>> = documents
            .iter()
            .map(|d| vec![Attached::default(); d.nodes.len()])
            .collect();
        for (i, l) in links.iter().enumerate() {
            attached[l.from.doc][l.from.node].links_out.push(i);
            attached[l.to.doc][l.to.node].links_in.push(i);
        }
        for (i, n) in notes.iter().enumerate() {
            attached[n.target.doc][n.target.node].notes.push(i);
        }
        Site {
            title: head.title,
            description: head.description,
            base_url: head.base_url,
            languages: head.languages,
            kinds: head.kinds,
            documents: Documents::new(documents),
            links,
            notes,
            briefings,
            corrections,
            topics,
            attached,
        }
    }

    /// The links and notes of node `r`.
    pub fn attached(&self, r: NodeRef) -> &Attached {
        &self.attached[r.doc][r.node]
    }

    /// Finds a node by its citation key `document:node`.
    pub fn lookup(&self, key: &str) -> Option<NodeRef> {
        let (doc, node) = key.split_once(':')?;
        let d = self.document_index(doc)?;
        let n = self.documents[d].nodes.iter().position(|n| n.id == node)?;
        Some(NodeRef { doc: d, node: n })
    }

    /// The index of document `id`.
    pub fn document_index(&self, id: &str) -> Option<usize> {
        // Documents are sorted by id: no map to build for the few ids
        // looked up.
        (self.documents.shared())
            .binary_search_by(|d| d.id.as_str().cmp(id))
            .ok()
    }

    /// The editions of each series the filter `wanted` accepts, oldest
    /// first (by edition, then id), series in name order.
    pub fn series(&self, wanted: impl Fn(&str) -> bool) -> BTreeMap<&str, Vec<usize>> {
        let mut series: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (d, doc) in self.documents.iter().enumerate() {
            if let (Some(s), Some(_)) = (&doc.series, &doc.edition) {
                if wanted(s) {
                    series.entry(s).or_default().push(d);
                }
            }
        }
        for docs in series.values_mut() {
            docs.sort_by(|&a, &b| {
                let (a, b) = (&self.documents[a], &self.documents[b]);
                (&a.edition, &a.id).cmp(&(&b.edition, &b.id))
            });
        }
        series
    }

    pub fn node(&self, r: NodeRef) -> &Node {
        &self.documents[r.doc].nodes[r.node]
    }

    /// The permanent citation key of a node: `document:node`.
    pub fn key(&self, r: NodeRef) -> String {
        citation_key(&self.documents[r.doc].id, &self.node(r).id)
    }

    /// The code of the site's first language (`en` on a site without one).
    pub fn first_language(&self) -> String {
        self.languages
            .first()
            .map_or_else(|| "en".to_string(), |l| l.code.clone())
    }

    /// The codes of the site's languages that any of documents `docs`
    /// has, in display order.
    pub fn languages_of(&self, docs: &[usize]) -> Vec<String> {
        (self.languages.iter())
            .map(|l| &l.code)
            .filter(|l| {
                docs.iter()
                    .any(|&d| self.documents[d].languages.contains(l))
            })
            .cloned()
            .collect()
    }

    /// The codes of the site's languages, in display order.
    pub fn language_codes(&self) -> Vec<String> {
        self.languages.iter().map(|l| l.code.clone()).collect()
    }

    pub fn node_count(&self) -> usize {
        self.documents.iter().map(|d| d.nodes.len()).sum()
    }
}

pub fn citation_key(doc: &str, node: &str) -> String {
    // Made for every node and link end of every page: joined by hand, not
    // by `format!`, which takes ten times as long.
    let mut key = String::with_capacity(doc.len() + 1 + node.len());
    key.push_str(doc);
    key.push(':');
    key.push_str(node);
    key
}

/// Declares a closed set of names read from content, with their spelling.
macro_rules! names {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| format!("`{}`", v.as_str())).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(
    /// What a node is. The id of a node is built from the short form
    /// (`art_2__sec_3__cl_1`).
    NodeKind {
        Preamble = "preamble",
        Preface = "preface",
        Book = "book",
        Part = "part",
        Title = "title",
        Chapter = "chapter",
        Article = "article",
        Programme = "programme",
        Area = "area",
        Section = "section",
        Item = "item",
        Clause = "clause",
        Para = "para",
        Point = "point",
        Subpoint = "subpoint",
        Paragraph = "paragraph",
        Annex = "annex",
    }
);

names!(
    /// How a cross-link relates its two nodes.
    Relation { Related = "related", Continues = "continues" }
);

names!(
    /// What an editorial note is.
    NoteKind { Translation = "translation", Correction = "correction", Remark = "remark" }
);

impl NodeKind {
    /// The element abbreviation used in ids (`art`, `sec`, `cl`, …).
    pub fn abbrev(self) -> &'static str {
        match self {
            NodeKind::Preamble => "preamble",
            NodeKind::Preface => "preface",
            NodeKind::Book => "book",
            NodeKind::Part => "part",
            NodeKind::Title => "title",
            NodeKind::Chapter => "chp",
            NodeKind::Article => "art",
            NodeKind::Programme => "prog",
            NodeKind::Area => "area",
            NodeKind::Section => "sec",
            NodeKind::Item => "item",
            NodeKind::Clause => "cl",
            NodeKind::Para => "para",
            NodeKind::Point => "point",
            NodeKind::Subpoint => "subpoint",
            NodeKind::Paragraph => "p",
            NodeKind::Annex => "annex",
        }
    }

    /// Kinds that occur once per parent and carry no number in their id.
    pub fn is_unnumbered(self) -> bool {
        matches!(
            self,
            NodeKind::Preamble | NodeKind::Preface | NodeKind::Annex
        )
    }
}
