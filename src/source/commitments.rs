//! Corrections of the commitments with figures: `content/commitments.toml`
//! (optional), where an editor corrects a figure read wrongly from a
//! clause's text without touching the text; `check` makes it into the
//! model's [`Correction`](crate::model::commitments::Correction)s.

use serde::Deserialize;
use toml::Spanned;

/// `content/commitments.toml`: its `[[correction]]` tables, in the order
/// written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCommitments {
    #[serde(default, rename = "correction")]
    pub corrections: Vec<Spanned<RawCorrection>>,
}

/// One `[[correction]]`: a figure of one clause in one language, and what
/// it counts, its value, or that it is no commitment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    /// The clause's citation key `document:node`.
    pub clause: Spanned<String>,
    /// The language of the text the figure is written in.
    pub lang: Spanned<String>,
    /// The figure as written in that text (`3500个`, `5,000`).
    pub figure: Spanned<String>,
    /// What it counts (a kind id of src/model/commitments/kinds.rs).
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    /// Its value, when read wrongly or not read at all.
    #[serde(default)]
    pub value: Option<Spanned<u64>>,
    /// The words saying what it counts, as shown on the page.
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    /// The figure is no commitment: left out of the table.
    #[serde(default)]
    pub suppress: Option<Spanned<bool>>,
}
