//! The built tree written out as nodes: kinds (from the scheme table's
//! levels), ids (`chp_2__art_33__para_1`, from the source's numbers),
//! headings and texts.

use std::collections::{HashMap, HashSet};

use super::clean::{ends_sentence, restore_fullwidth};
use super::report::Report;
use super::schemes::{Shape, Table};
use super::structure::{kind_of, Work};
use super::NodeOut;
use crate::source::raw::LangMap;

/// A parent (None: the root) and a scheme's level (None: paragraphs).
type Place = (Option<usize>, Option<(usize, u8)>);

pub(super) fn finish(work: &[Work], table: &Table, report: &mut Report) -> Vec<NodeOut> {
    let mut ids: Vec<String> = Vec::with_capacity(work.len());
    let mut used = HashSet::new();
    let mut out = Vec::with_capacity(work.len());
    // Nodes numbered by position (unnumbered paragraphs, Markdown headings)
    // seen so far under each parent (None: the root), by scheme.
    let mut positions: HashMap<Place, u32> = HashMap::new();
    for (i, w) in work.iter().enumerate() {
        let kind = kind_of(work, table, i);
        let prefix = w
            .parent
            .map(|p| format!("{}__", ids[p]))
            .unwrap_or_default();
        let by_position = match &w.mark {
            None => !w.preamble,
            Some(m) => m.shape == Shape::Heading,
        };
        let mut number = if by_position {
            let n = positions
                .entry((w.parent, w.mark.as_ref().map(|m| m.key())))
                .or_default();
            *n += 1;
            Some(*n)
        } else {
            w.mark.as_ref().and_then(|m| m.number)
        };
        let make = |n: Option<u32>| match n {
            Some(n) => format!("{prefix}{}_{n}", kind.abbrev()),
            None => format!("{prefix}{}", kind.abbrev()),
        };
        let mut id = make(number);
        if used.contains(&id) {
            let taken = id;
            while used.contains(&make(number)) {
                number = Some(number.unwrap_or(1) + 1);
            }
            id = make(number);
            report.warn(
                w.first,
                format!("id `{taken}` is taken (repeated number): given `{id}`"),
            );
        }
        used.insert(id.clone());
        ids.push(id.clone());
        let rest: LangMap = w
            .rest
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| (l, t.clone()))
            .collect();
        // A numbered node at the top, or one with children, is a heading,
        // unless its own text is a sentence (a law's article before its 款).
        let sentence = !rest.is_empty() && rest.values().all(|t| ends_sentence(t));
        let numbered = w.mark.is_some();
        let as_heading =
            !(numbered && sentence) && (numbered && w.parent.is_none() || !w.children.is_empty());
        let (heading, text) = if as_heading {
            (rest, LangMap::new())
        } else {
            (LangMap::new(), rest)
        };
        *report.kinds.entry(kind.as_str().to_string()).or_default() += 1;
        out.push(NodeOut {
            id,
            line: w.first,
            file: None,
            kind: kind.as_str().to_string(),
            label: zh_punctuation(w.label.clone()),
            heading: zh_punctuation(heading),
            text: zh_punctuation(text),
        });
    }
    out
}

/// Restores full-width punctuation in the Chinese entries of a map.
pub(super) fn zh_punctuation(map: LangMap) -> LangMap {
    map.into_iter()
        .map(|(l, t)| {
            if l.starts_with("zh") {
                let r = restore_fullwidth(&t);
                (l, r)
            } else {
                (l, t)
            }
        })
        .collect()
}
