//! Raw input types: the content files exactly as serde reads them.
//!
//! Nothing here is trusted: strings are not yet checked against the allowed
//! kinds, ids or languages. `validate` checks them and `resolve` turns them
//! into the model. Every table denies unknown fields, and the values that a
//! later check may complain about keep their byte span so that the complaint
//! can name the line.

use serde::Deserialize;
use toml::Spanned;

/// Text per language, keyed by language tag (`zh-Hans`, `en`, …).
pub use super::langmap::LangMap;

/// `content/site.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: Spanned<LangMap>,
    #[serde(default)]
    pub description: Option<Spanned<LangMap>>,
    pub base_url: Spanned<String>,
    #[serde(rename = "language")]
    pub languages: Vec<Spanned<RawLanguage>>,
    /// The kinds of document, in the order of the home page; none: the
    /// default kinds.
    #[serde(default, rename = "kind")]
    pub kinds: Vec<Spanned<RawKind>>,
}

/// One `[[kind]]` of document the site publishes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKind {
    pub id: Spanned<String>,
    /// Its heading on the home page, per language (`Joint Action Plans`).
    #[serde(default)]
    pub name: Option<Spanned<LangMap>>,
    /// What names one document of the kind with its edition (`Joint Action
    /// Plan` 2025-2027), per language.
    #[serde(default)]
    pub short: Option<Spanned<LangMap>>,
}

/// One `[[language]]` of the site, in display order.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub code: Spanned<String>,
    /// The language's name in itself (`中文`, `English`).
    pub name: String,
}

/// `content/documents/<id>.toml`: one document and its nodes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub series: Option<Spanned<String>>,
    #[serde(default)]
    pub edition: Option<Spanned<String>>,
    pub title: Spanned<LangMap>,
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    /// Who issued (adopted) the document, per language: shown in its
    /// provenance and used in citations (optional).
    #[serde(default)]
    pub author: Option<Spanned<LangMap>>,
    /// Where it was adopted, per language (optional).
    #[serde(default)]
    pub place: Option<Spanned<LangMap>>,
    /// Who published it, per language, for citations (optional; the
    /// site's title stands in).
    #[serde(default)]
    pub publisher: Option<Spanned<LangMap>>,
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub source: Option<String>,
    /// The number of the first numbered node at the top (an excerpt from
    /// Article 3 has `first = 3`); 1 when absent.
    #[serde(default)]
    pub first: Option<Spanned<u32>>,
    /// The official source of the text, one table per language (and
    /// address).
    #[serde(default)]
    pub official: Vec<Spanned<RawOfficial>>,
    #[serde(default, rename = "node")]
    pub nodes: Vec<Spanned<RawNode>>,
}

/// One `[[official]]` source of a document: where its text in `lang` is
/// published by the body that issued it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOfficial {
    pub lang: Spanned<String>,
    pub url: Spanned<String>,
    /// The page's title as the source names it (optional).
    #[serde(default)]
    pub title: Option<Spanned<String>>,
}

/// One `[[node]]`: nodes are listed in reading order (a pre-order walk of the
/// tree); the parent of `a__b__c` is `a__b`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub label: LangMap,
    #[serde(default)]
    pub heading: LangMap,
    #[serde(default)]
    pub text: LangMap,
}

/// `content/notes/*.toml`: editorial notes, kept apart from the official text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotes {
    #[serde(default, rename = "note")]
    pub notes: Vec<Spanned<RawNote>>,
}

/// One `[[note]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    /// Citation key of the node the note is about: `document:node`.
    pub target: Spanned<String>,
    pub kind: Spanned<String>,
    pub text: Spanned<LangMap>,
}

/// `content/crosswalk.toml`: links between nodes of different documents.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrosswalk {
    #[serde(default, rename = "link")]
    pub links: Vec<Spanned<RawLink>>,
}

/// One `[[link]]`, declared once; its backlink is derived.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    pub relation: Spanned<String>,
}
