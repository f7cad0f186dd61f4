//! One document's node list into the model's nodes, checked on the way:
//! id syntax, tree order, numbering, and text in every declared language.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::text::{check_langs, node_kind, require_langs};
use crate::check::safety::{MAX_DEPTH, MAX_NODES};
use crate::diag::Diagnostic;
use crate::model::ids;
use crate::model::{Node, NodeKind};
use crate::source::load::Sourced;
use crate::source::raw::RawDocument;

/// A numbered child: is it a paragraph, its number, the span of its id.
/// (is a paragraph, number, id span, continues the numbering of its kind
/// from an earlier part of the document).
type Numbered = (bool, u32, std::ops::Range<usize>, bool);

/// The nodes of `file` in reading order, each with its depth and parent;
/// every problem goes to `out` (the nodes are then of no use).
pub(super) fn check_nodes(
    file: &Sourced<RawDocument>,
    langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<Node> {
    let nodes = &file.value.nodes;
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
        return Vec::new();
    }
    let mut built: Vec<Node> = Vec::with_capacity(nodes.len());
    // Node id → the index of the last node with it.
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    let mut parents: HashSet<&str> = HashSet::new();
    // The nodes on the path from the root to the previous node: their ids
    // and, in `built`, their indexes.
    let mut open: Vec<(&str, usize)> = Vec::new();
    // Numbers of the children of each parent ("" for the root), in order:
    // (abbreviation is paragraph, number, id span).
    let mut numbering: Vec<(&str, Vec<Numbered>)> = Vec::new();
    let mut numbering_at: HashMap<&str, usize> = HashMap::new();
    // (abbreviation, number) of every numbered node so far: a law numbers
    // its articles on across chapters (`chp_1__art_2`, `chp_2__art_3`).
    let mut numbered: HashSet<(&str, u32)> = HashSet::new();

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
        if let Some(problem) = ids::too_long("node id", id) {
            out.push(file.diag(at, problem).help(ids::TOO_LONG_HELP));
            continue;
        }
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
        while open.last().is_some_and(|(o, _)| Some(*o) != parent) {
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
        // (Where a node was refused, the indexes are off, but then the
        // nodes are not used.)
        let depth = open.len();
        let parent_at = open.last().map(|&(_, at)| at);
        open.push((id, built.len()));
        if let Some(kind) = kind {
            built.push(Node {
                id: id.to_string(),
                kind,
                depth,
                parent: parent_at,
                label: n.label.clone(),
                heading: n.heading.clone(),
                text: n.text.clone(),
            });
        }
        let parent_key = parent.unwrap_or("");
        parents.insert(parent_key);
        if let Some(num) = number {
            let is_para = kind == Some(NodeKind::Paragraph);
            let i = *numbering_at.entry(parent_key).or_insert_with(|| {
                numbering.push((parent_key, Vec::new()));
                numbering.len() - 1
            });
            let continues = num > 1 && numbered.contains(&(abbr, num - 1));
            numbered.insert((abbr, num));
            numbering[i].1.push((is_para, num, at.clone(), continues));
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
    let first = file.value.first.as_ref();
    if let Some(f) = first.filter(|f| *f.get_ref() == 0) {
        out.push(
            file.diag(f.span(), "`first` is 0: numbers start at 1")
                .help("give the number of the document's first numbered node, or remove `first`"),
        );
    }
    for (parent, list) in &numbering {
        for paragraphs in [false, true] {
            // An excerpt starts where it starts: at `first`, at the top.
            let mut expected = match first {
                Some(f) if parent.is_empty() && !paragraphs => *f.get_ref(),
                _ => 1,
            };
            let numbered = list.iter().filter(|(p, ..)| *p == paragraphs);
            for (at, (_, num, span, continues)) in numbered.enumerate() {
                if *num != expected && !(expected == 1 && *continues) {
                    let within = if parent.is_empty() {
                        "the document".to_string()
                    } else {
                        format!("`{parent}`")
                    };
                    let help = if parent.is_empty() && !paragraphs && at == 0 {
                        "the document's numbered nodes start at 1, or at `first` (`first = 3` for an excerpt from Article 3): set `first`, or fix the id"
                    } else {
                        "children of a node are numbered 1, 2, 3 … in reading order, or go on from the same kind's numbers before them: a node is missing here, or its id is wrong"
                    };
                    out.push(file.diag(span.clone(), format!("numbering gap in {within}: number {num} where {expected} was expected"))
                        .help(help));
                }
                expected = num + 1;
            }
        }
    }
    built
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
