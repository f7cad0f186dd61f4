//! Commitments with figures (issue 17): the numbers the texts of a
//! series state (scholarships, training places, visits, credit…), read
//! at build time with what they count and the clause they are in, in
//! each language of the clause, and lined up across the editions of the
//! series. Pure: read from the checked site and the editor's corrections
//! (`content/commitments.toml`, checked by src/check/commitments.rs).

use std::ops::Range;

pub mod editions;
pub mod extract;
pub mod kinds;
pub mod numerals;

pub use editions::tables;

use super::NodeRef;

/// An editor's correction of one figure of one clause's text in one
/// language: what it counts, its value, or that it is no commitment. A
/// figure extraction missed is added when a kind is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub clause: NodeRef,
    pub lang: String,
    /// The figure as written in the clause's text (its first occurrence).
    pub figure: String,
    pub kind: Option<String>,
    pub value: Option<u64>,
    /// The words that say what it counts, replacing those read.
    pub unit: Option<String>,
    pub suppress: bool,
}

/// One figure of one clause in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub lang: String,
    /// Bytes of the figure as written in the clause's text.
    pub span: Range<usize>,
    pub value: u64,
    pub unit: String,
    /// Set by an editor's correction.
    pub corrected: bool,
}

/// A commitment of one clause: what it counts, its value, and the
/// figure stating it in each language that does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub clause: NodeRef,
    pub kind: String,
    pub value: u64,
    /// In the document's language order.
    pub figures: Vec<Figure>,
}

/// A commitment across the editions of a series: its entry in each
/// edition that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: String,
    /// One per edition of the table, in order.
    pub cells: Vec<Option<Entry>>,
}

/// The commitments of one series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub series: String,
    /// Its editions, oldest first: indexes into `Site::documents`.
    pub editions: Vec<usize>,
    pub rows: Vec<Row>,
}

impl Row {
    /// The change from the edition before the last that states it to the
    /// last: (earlier, later) values.
    pub fn change(&self) -> Option<(u64, u64)> {
        let mut stated = self.cells.iter().flatten().rev();
        let later = stated.next()?;
        let earlier = stated.next()?;
        Some((earlier.value, later.value))
    }
}
