//! The kinds of document a site publishes: declared in `site.toml`
//! (`[[kind]]`), or the defaults.

use crate::source::raw::LangMap;

/// A kind of document: the heading of its group on the home page, and
/// what names one of its documents with its edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocKind {
    pub id: String,
    /// The group's heading per language; a language missing here takes
    /// the interface string `kind_<id>`.
    pub name: LangMap,
    /// The short name per language (`Joint Action Plan`, followed by the
    /// edition); a language missing here takes `kind_short_<id>`.
    pub short: LangMap,
}

impl DocKind {
    /// The kinds of a site that declares none, in this order; their names
    /// are interface strings of the default theme.
    pub const DEFAULTS: [&'static str; 6] = [
        "action-plan",
        "policy-paper",
        "law",
        "treaty",
        "statement",
        "resolution",
    ];

    /// A kind named by the theme's strings only.
    pub fn named_by_theme(id: &str) -> DocKind {
        DocKind {
            id: id.to_string(),
            name: LangMap::new(),
            short: LangMap::new(),
        }
    }

    pub fn defaults() -> Vec<DocKind> {
        Self::DEFAULTS
            .iter()
            .map(|id| Self::named_by_theme(id))
            .collect()
    }
}
