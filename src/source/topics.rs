//! Topics: `content/topics.toml` (optional), a taxonomy of the site's
//! clauses; `check` makes it into the model's
//! [`Topics`](crate::model::topics::Topics).

use serde::Deserialize;
use toml::Spanned;

use super::raw::LangMap;

/// `content/topics.toml`: its `[[topic]]` tables, in the order written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopics {
    #[serde(default, rename = "topic")]
    pub topics: Vec<Spanned<RawTopic>>,
}

/// One `[[topic]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    /// Lower-case letters, digits and single hyphens: the page's name.
    pub id: Spanned<String>,
    /// In every language of the site.
    pub name: Spanned<LangMap>,
    /// The id of the broader topic this one belongs to.
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
    /// Plain text, in any of the site's languages.
    #[serde(default)]
    pub description: Option<Spanned<LangMap>>,
    /// Citation keys `document:node`; a node covers its whole subtree.
    #[serde(default)]
    pub covers: Vec<Spanned<String>>,
}
