//! Briefings: `content/briefings/<id>.toml`, a curated dossier of nodes
//! from any documents, in one or both languages, for print.
//!
//! The raw types are read by `load`; `check` makes them into [`Briefing`],
//! which the [`Site`](super::Site) holds.

use serde::Deserialize;
use toml::Spanned;

use super::load::Sourced;
use super::model::NodeRef;
use super::raw::LangMap;

/// `content/briefings/<id>.toml`; the file name is the briefing's id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBriefing {
    /// In every language of the site (it is listed on the home page and
    /// on the pages of the documents it cites).
    pub title: Spanned<LangMap>,
    /// `YYYY-MM-DD`.
    pub date: Spanned<String>,
    /// Who it is for, in every language of the mode.
    pub audience: Spanned<LangMap>,
    /// Markdown, in every language of the mode.
    pub intro: Spanned<LangMap>,
    /// `parallel` (every language of the site, side by side) or one
    /// language of the site.
    pub mode: Spanned<String>,
    #[serde(default, rename = "item")]
    pub items: Vec<Spanned<RawItem>>,
}

/// One `[[item]]`: a node (a whole section with its descendants, or one
/// clause) and an optional comment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// Citation key `document:node`.
    pub node: Spanned<String>,
    /// Markdown; when given, in every language of the mode.
    #[serde(default)]
    pub comment: Option<Spanned<LangMap>>,
}

/// The id of a briefing: its file name without `.toml`.
pub fn id_of<T>(file: &Sourced<T>) -> String {
    file.path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

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
