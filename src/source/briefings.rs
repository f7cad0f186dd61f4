//! Briefings: `content/briefings/<id>.toml`, a curated dossier of nodes
//! from any documents, in one or both languages, for print, as read;
//! `check` makes them into the model's
//! [`Briefing`](crate::model::briefing::Briefing).

use serde::Deserialize;
use toml::Spanned;

use super::load::Sourced;
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
    /// With mode `parallel`: the languages shown side by side, two or more
    /// of the site's (default: all of them).
    #[serde(default)]
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default, rename = "item")]
    pub items: Vec<Spanned<RawItem>>,
}

/// One `[[item]]`, one of: a node (a whole section with its descendants,
/// or one clause); a topic (every node it covers, as the topic index has
/// them when the site is built); a section of an edition beside the one
/// of the edition before it continues (a row of the edition comparison).
/// With an optional comment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    /// Citation key `document:node`.
    #[serde(default)]
    pub node: Option<Spanned<String>>,
    /// The id of a topic of `topics.toml`.
    #[serde(default)]
    pub topic: Option<Spanned<String>>,
    /// Citation key `document:section` of a section of an edition that has
    /// an earlier edition in its series.
    #[serde(default)]
    pub compare: Option<Spanned<String>>,
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
