//! Checks of one document's node list: id syntax, tree order, numbering,
//! and text in every declared language.

use std::fmt;

use super::fxhash::{FxMap, FxSet};
use super::ids;
use super::keys::IdIndex;
use super::load::Sourced;
use super::model::NodeKind;
use super::raw::RawDocument;
use super::safety::{MAX_DEPTH, MAX_NODES};
use super::validate_text::{check_langs, node_kind, require_langs};
use crate::diag::Diagnostic;

/// A numbered child: is it a paragraph, its number, the span of its id.
type Numbered = (bool, u32, std::ops::Range<usize>);

/// Checks the nodes of `file`; returns the index of its node ids.
pub(super) fn check_nodes(
    file: &Sourced<RawDocument>,
    langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> IdIndex {
    let nodes = &file.value.nodes;
    let ids = || IdIndex::new(nodes.iter().map(|n| n.get_ref().id.get_ref().as_str()));
    if nodes.len() > MAX_NODES {
        out.push(
            Diagnostic::new(
                &file.path,
                None,
                format!(
                    "{} nodes, over the limit of {MAX_NODES} for one document",
                    nodes.len()
                ),
            )
            .help("split the document into several files"),
        );
        return ids();
    }
    let capacity = nodes.len();
    // Node id → the index of the last node with it.
    let mut seen: FxMap<&str, usize> =
        FxMap::with_capacity_and_hasher(capacity, Default::default());
    let mut parents: FxSet<&str> = FxSet::with_capacity_and_hasher(capacity, Default::default());
    // The ids of the nodes on the path from the root to the previous node.
    let mut open: Vec<&str> = Vec::new();
    // Numbers of the children of each parent ("" for the root), in order:
    // (abbreviation is paragraph, number, id span).
    let mut numbering: Vec<(&str, Vec<Numbered>)> = Vec::new();
    let mut numbering_at: FxMap<&str, usize> = FxMap::default();

    for (i, node) in nodes.iter().enumerate() {
        let n = node.get_ref();
        let id = n.id.get_ref().as_str();
        let at = n.id.span();
        if let Some(first) = seen.insert(id, i) {
            let first = file.line(nodes[first].get_ref().id.span());
            out.push(file.diag(at.clone(), format!("duplicate node id `{id}`"))
                .help(format!("line {first} already uses it; ids are permanent citation keys and must be unique")));
            continue;
        }
        let kind = node_kind(file, &n.kind, out);
        let Some((depth, (abbr, number))) = ids::node_id_depth_last(id) else {
            out.push(file.diag(at, format!("`{id}` is not a valid node id"))
                .help("use segments like `art_2`, `sec_3`, `p_1` joined by `__` (lower-case letters, `_`, a number without leading zeros)"));
            continue;
        };
        if depth > MAX_DEPTH {
            out.push(
                file.diag(
                    at.clone(),
                    format!("node `{id}` is nested {depth} deep, over the limit of {MAX_DEPTH}"),
                )
                .help("documents are a few levels deep: articles, sections, clauses; check the id"),
            );
            continue;
        }
        if let Some(kind) = kind {
            if abbr != kind.abbrev() {
                out.push(
                    file.diag(
                        at.clone(),
                        format!("node `{id}` is a {kind} but its id ends in `{abbr}`"),
                    )
                    .help(format!(
                        "a {kind}'s id ends in `{}`{}",
                        kind.abbrev(),
                        if kind.is_unnumbered() { "" } else { "_N" }
                    )),
                );
            } else if kind.is_unnumbered() == number.is_some() {
                out.push(file.diag(
                    at.clone(),
                    format!(
                        "node `{id}`: a {kind} id {} a number",
                        if number.is_some() {
                            "takes no"
                        } else {
                            "needs"
                        }
                    ),
                ));
            }
        }
        let parent = ids::parent_id(id);
        while open.last().is_some_and(|o| Some(*o) != parent) {
            open.pop();
        }
        if parent.is_some() && open.is_empty() {
            let p = parent.unwrap_or_default();
            let help = if seen.contains_key(p) {
                format!("move this node up, right after the other children of `{p}`: nodes are listed in reading order")
            } else {
                format!("add a node `{p}` before it, or fix the id")
            };
            out.push(
                file.diag(
                    at.clone(),
                    format!("node `{id}` is not inside its parent `{p}`"),
                )
                .help(help),
            );
        }
        open.push(id);
        let parent_key = parent.unwrap_or("");
        parents.insert(parent_key);
        if let Some(num) = number {
            let is_para = kind == Some(NodeKind::Paragraph);
            let i = *numbering_at.entry(parent_key).or_insert_with(|| {
                numbering.push((parent_key, Vec::new()));
                numbering.len() - 1
            });
            numbering[i].1.push((is_para, num, at.clone()));
        }
        for (map, field, required) in [
            (&n.heading, "heading", true),
            (&n.text, "text", true),
            (&n.label, "label", false),
        ] {
            let what = Field { field, id };
            check_langs(file, at.clone(), map, langs, &what, out);
            if required && !map.is_empty() {
                require_langs(file, at.clone(), map, langs, &what, out);
            }
        }
    }
    for node in nodes {
        let n = node.get_ref();
        let id = n.id.get_ref().as_str();
        if n.heading.is_empty() && n.text.is_empty() && !parents.contains(id) {
            out.push(
                file.diag(
                    n.id.span(),
                    format!("node `{id}` is empty: no heading, no text and no children"),
                )
                .help("add its text, or remove the node"),
            );
        }
    }
    for (parent, list) in &numbering {
        for paragraphs in [false, true] {
            let mut expected = 1;
            for (_, num, span) in list.iter().filter(|(p, _, _)| *p == paragraphs) {
                if *num != expected {
                    let within = if parent.is_empty() {
                        "the document".to_string()
                    } else {
                        format!("`{parent}`")
                    };
                    out.push(file.diag(span.clone(), format!("numbering gap in {within}: number {num} where {expected} was expected"))
                        .help("children of a node are numbered 1, 2, 3 … in reading order: a node is missing here, or its id is wrong"));
                }
                expected = num + 1;
            }
        }
    }
    ids()
}

/// `heading of node `…``, written out only for a message.
struct Field<'a> {
    field: &'a str,
    id: &'a str,
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of node `{}`", self.field, self.id)
    }
}
