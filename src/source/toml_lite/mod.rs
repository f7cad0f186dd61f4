//! A fast reader for the plain TOML that content files are written in.
//!
//! The toml crate reads a file in several passes (tokens, events, a table
//! of its own, then serde); on a large site that was most of the load
//! stage. This reads the subset of TOML that `accord import` writes and
//! people keep to (see `parse`) in one pass, and deserializes the same raw
//! types from it. It never reports a problem: whatever it does not take,
//! from an escape it does not know to a syntax error, is left to the toml
//! crate, so that what is accepted and every message stay the toml crate's.

mod de;
mod parse;
mod strings;
#[cfg(test)]
mod tests;

use serde::Deserialize;

/// `text` as a `T`, with the byte offset where each line starts (found on
/// the way), or `None` when the text is outside the subset or does not
/// have `T`'s shape: read it with the toml crate then.
pub fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Option<(T, Vec<u32>)> {
    let (root, lines) = parse::document(text)?;
    let value = T::deserialize(de::Root(&root)).ok()?;
    Some((value, lines))
}
