//! Numbering schemes as data: the markers that start a numbered paragraph
//! (`第一条`, `一、`, `（一）`, `Article 1`, `I.`, `1.1`, `(a)` …), each with
//! the level name (node kind) its nodes take. The built-in table is
//! `schemes.toml` (its header explains the fields); an import may add
//! schemes and change levels (`[[import]]` in content/imports.toml).
//!
//! A scheme says nothing of how deep it is: the order in which a source
//! uses the schemes gives the hierarchy (see `structure.rs`).

mod compile;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::numerals::{decimal, Numeral};
use crate::model::NodeKind;
use compile::{compile, level};

/// A level as written: the kind, the kind when a leaf, and by parent kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    pub kind: Spanned<String>,
    #[serde(default)]
    pub leaf: Option<Spanned<String>>,
    #[serde(default)]
    pub under: BTreeMap<String, LevelDef>,
}

/// A scheme as written in `schemes.toml` or an import's `[[import.scheme]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeDef {
    pub id: Spanned<String>,
    #[serde(default = "every_language")]
    pub langs: Vec<String>,
    pub pattern: Spanned<String>,
    #[serde(default)]
    pub then: String,
    pub kind: Spanned<String>,
    #[serde(default)]
    pub leaf: Option<Spanned<String>>,
    /// If given, must be the kind's abbreviation in ids (it is checked).
    #[serde(default)]
    pub abbrev: Option<Spanned<String>>,
    #[serde(default)]
    pub under: BTreeMap<String, LevelDef>,
}

fn every_language() -> Vec<String> {
    vec!["*".to_string()]
}

/// The kind of a node, and the kind of a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub kind: NodeKind,
    pub leaf: NodeKind,
}

/// How a scheme's markers nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A whole line naming a part (`前言`, `Annex`): always outermost.
    Named,
    Numbered,
    /// `1.2.3`: nested by the count of numbers.
    Decimal,
    /// A Markdown heading without a number: nested by its level.
    Heading,
}

#[derive(Debug)]
pub struct Scheme {
    pub id: String,
    pub shape: Shape,
    langs: Vec<String>,
    regex: Option<Regex>,
    numerals: Vec<Numeral>,
    level: Level,
    under: Vec<(NodeKind, Level)>,
}

/// A marker found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    /// Index of the scheme in its table.
    pub scheme: usize,
    /// 1; for a decimal the count of its numbers; for a heading its level.
    pub depth: u8,
    pub number: Option<u32>,
    /// A decimal's numbers but the last (`[1, 2]` for `1.2.3`).
    pub outer: Vec<u32>,
    /// The marker as printed, with its punctuation (empty for a named part).
    pub label: &'a str,
    pub rest: &'a str,
}

/// A problem in a scheme or level, at a place in the file that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Option<Range<usize>>,
    pub message: String,
}

/// A table of schemes, tried in order.
#[derive(Debug)]
pub struct Table {
    schemes: Vec<Scheme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltIn {
    scheme: Vec<SchemeDef>,
}

fn builtin_defs() -> Vec<SchemeDef> {
    toml::from_str::<BuiltIn>(include_str!("schemes.toml"))
        .expect("schemes.toml is valid (a unit test checks it)")
        .scheme
}

impl Table {
    /// The built-in table.
    pub fn builtin() -> Arc<Table> {
        static TABLE: OnceLock<Arc<Table>> = OnceLock::new();
        TABLE
            .get_or_init(|| Arc::new(Table::new(&[], &BTreeMap::new()).expect("schemes.toml")))
            .clone()
    }

    /// The built-in table with `extra` schemes (tried first; one with a
    /// built-in id replaces it) and `levels` changed by scheme id.
    pub fn new(
        extra: &[SchemeDef],
        levels: &BTreeMap<String, LevelDef>,
    ) -> Result<Table, Vec<Problem>> {
        let mut defs: Vec<SchemeDef> = extra.to_vec();
        defs.extend(
            builtin_defs()
                .into_iter()
                .filter(|b| !extra.iter().any(|e| e.id.get_ref() == b.id.get_ref())),
        );
        let mut problems = Vec::new();
        let mut schemes = Vec::new();
        for d in &defs {
            match compile(d) {
                Ok(s) => schemes.push(s),
                Err(mut p) => problems.append(&mut p),
            }
        }
        for (id, def) in levels {
            match schemes.iter_mut().find(|s| s.id == *id) {
                Some(s) => match level(def) {
                    Ok((level, under)) => (s.level, s.under) = (level, under),
                    Err(mut p) => problems.append(&mut p),
                },
                None => problems.push(Problem {
                    span: Some(def.kind.span()),
                    message: format!("`levels.{id}`: no numbering scheme `{id}`"),
                }),
            }
        }
        if problems.is_empty() {
            Ok(Table { schemes })
        } else {
            Err(problems)
        }
    }

    pub fn scheme(&self, i: usize) -> &Scheme {
        &self.schemes[i]
    }

    /// Every scheme of `lang` that matches at the start of `text`, in order.
    pub fn find_all<'t>(&self, lang: &str, text: &'t str) -> Vec<Found<'t>> {
        let text = text.trim_start();
        (0..self.schemes.len())
            .filter(|&i| self.schemes[i].applies(lang))
            .filter_map(|i| self.schemes[i].find(i, text))
            .collect()
    }

    /// The first scheme of `lang` that matches at the start of `text`.
    pub fn find<'t>(&self, lang: &str, text: &'t str) -> Option<Found<'t>> {
        self.find_all(lang, text).into_iter().next()
    }

    /// A Markdown heading of `level` with no number, if a scheme takes them.
    pub fn heading<'t>(&self, level: u8, text: &'t str) -> Option<Found<'t>> {
        let i = self
            .schemes
            .iter()
            .position(|s| s.shape == Shape::Heading)?;
        Some(Found {
            scheme: i,
            depth: level,
            number: None,
            outer: Vec::new(),
            label: "",
            rest: text,
        })
    }

    /// The kind of a node of scheme `i` under a `parent` kind.
    pub fn kind(&self, i: usize, parent: Option<NodeKind>, leaf: bool) -> NodeKind {
        let s = &self.schemes[i];
        let level = s
            .under
            .iter()
            .find(|(p, _)| Some(*p) == parent)
            .map_or(s.level, |(_, l)| *l);
        if leaf {
            level.leaf
        } else {
            level.kind
        }
    }
}

impl Scheme {
    fn applies(&self, lang: &str) -> bool {
        self.langs.iter().any(|l| {
            l == "*"
                || lang == l
                || lang
                    .strip_prefix(l.as_str())
                    .is_some_and(|r| r.starts_with('-'))
        })
    }

    fn find<'t>(&self, i: usize, text: &'t str) -> Option<Found<'t>> {
        let caps = self.regex.as_ref()?.captures(text)?;
        let end = caps.get(0)?.end();
        let (label, rest) = (text[..end].trim_end(), text[end..].trim_start());
        let Some(n) = caps.name("n") else {
            let named = (self.shape == Shape::Named).then_some(text.trim_end())?;
            return Some(Found {
                scheme: i,
                depth: 1,
                number: None,
                outer: Vec::new(),
                label: "",
                rest: named,
            });
        };
        // The marker must end where a word or a number ends.
        let last = text[..end].chars().next_back()?;
        if let Some(next) = text[end..].chars().next() {
            let run_on = if self.shape == Shape::Decimal {
                next.is_ascii_digit()
            } else {
                (last.is_ascii_alphanumeric() || last == '.') && next.is_ascii_alphanumeric()
            };
            if run_on {
                return None;
            }
        }
        let number = self.numerals.iter().find_map(|k| k.parse(n.as_str()))?;
        let outer = match self.shape {
            Shape::Decimal => {
                let mut all = decimal(n.as_str())?;
                all.pop();
                all
            }
            _ => Vec::new(),
        };
        let depth = u8::try_from(outer.len() + 1).ok()?;
        Some(Found {
            scheme: i,
            depth,
            number: Some(number),
            outer,
            label,
            rest,
        })
    }
}

#[cfg(test)]
mod tests;
