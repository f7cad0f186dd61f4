//! Aligning the node trees of a text given once per language (separate
//! blocks, one file per language, front matter per language): each tree is
//! built by its own numbering ([`super::structure`]); nodes are matched by
//! their numbered path (the number at each level, `第一条` and `Article 1`
//! and `Artículo 1` alike: the numbers of the ids, not the kinds), and
//! unnumbered paragraphs within a node by their order (`p_1`, `p_2`).
//! A node of one language that has no counterpart in another is reported
//! with its source line and kept, in its own language only.

use std::collections::HashMap;

use super::structure::Shaped;
use super::NodeOut;
use crate::source::raw::LangMap;

/// One language's tree, and where its lines are.
pub struct Tree {
    pub lang: String,
    pub shaped: Shaped,
    /// The tree's file, when the document is made of several.
    pub file: Option<String>,
}

/// A doubt about a line of one of the trees: (tree, line, message).
pub type Doubt = (usize, usize, String);

/// The aligned document: its title per language, the first tree's title
/// line, the nodes, and the doubts for the report.
pub struct Aligned {
    pub title: LangMap,
    pub title_line: usize,
    pub nodes: Vec<NodeOut>,
    pub doubts: Vec<Doubt>,
}

/// A segment of a numbered path: the kind of segment (`p` for paragraphs
/// numbered by position, `#` for numbered nodes, else a named part's
/// abbreviation) and its number.
type Segment = (String, u32);

fn path(id: &str) -> Vec<Segment> {
    id.split("__")
        .map(|seg| match seg.rsplit_once('_') {
            Some((abbrev, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
                let class = if abbrev == "p" { "p" } else { "#" };
                (class.to_string(), n.parse().unwrap_or(0))
            }
            _ => (seg.to_string(), 0),
        })
        .collect()
}

fn parent_id(id: &str) -> Option<&str> {
    id.rsplit_once("__").map(|(p, _)| p)
}

/// Some text of a node in `lang`, quoted for the report.
fn quote(n: &NodeOut, lang: &str) -> String {
    let t = [&n.label, &n.heading, &n.text]
        .iter()
        .filter_map(|m| m.get(lang))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let short: String = t.chars().take(40).collect();
    if short.len() < t.len() {
        format!("«{short}…»")
    } else {
        format!("«{short}»")
    }
}

/// Aligns `trees` on the tree `base` (the structural language).
pub fn align(trees: Vec<Tree>, base: usize) -> Aligned {
    let langs: Vec<String> = trees.iter().map(|t| t.lang.clone()).collect();
    let base_lang = langs[base].clone();
    let mut doubts = Vec::new();
    let mut title = LangMap::new();
    let title_line = trees[base].shaped.title_line;
    // The merged nodes, their children, and the roots, in reading order.
    let mut nodes: Vec<NodeOut> = Vec::new();
    let mut children: Vec<Vec<usize>> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut by_path: HashMap<Vec<Segment>, usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..trees.len()).collect();
    order.retain(|&t| t != base);
    order.insert(0, base);
    let mut trees: Vec<Option<Tree>> = trees.into_iter().map(Some).collect();
    for t in order {
        let Some(tree) = trees[t].take() else {
            continue;
        };
        for (l, text) in tree.shaped.title {
            if !title.contains_key(&l) {
                title.insert(l, text);
            }
        }
        let lang = tree.lang;
        let file = tree.file;
        let mut matched = vec![false; nodes.len()];
        // This tree's node ids → merged index.
        let mut mine: HashMap<String, usize> = HashMap::new();
        let mut last_child: HashMap<Option<usize>, usize> = HashMap::new();
        for node in tree.shaped.nodes {
            let key = path(&node.id);
            let parent = parent_id(&node.id).and_then(|p| mine.get(p).copied());
            if let Some(&m) = by_path.get(&key).filter(|&&m| t != base && !matched[m]) {
                matched[m] = true;
                mine.insert(node.id.clone(), m);
                merge(&mut nodes[m], node, &lang);
                last_child.insert(parent, m);
                continue;
            }
            if t != base {
                doubts.push((t, node.line, format!(
                    "`{lang}` paragraph {} has no counterpart numbered the same in `{base_lang}` (numbered path `{}`): kept in `{lang}` only; check the numbering of both texts (a number missing, added or changed?)",
                    quote(&node, &lang), node.id
                )));
            }
            let own_id = node.id.clone();
            let seg = own_id.rsplit("__").next().unwrap_or(&own_id).to_string();
            let prefix = parent
                .map(|p| format!("{}__", nodes[p].id))
                .unwrap_or_default();
            let mut id = format!("{prefix}{seg}");
            let mut bump = 1;
            while by_id.contains_key(&id) {
                bump += 1;
                id = format!("{prefix}{seg}_{bump}");
            }
            let i = nodes.len();
            nodes.push(NodeOut {
                id: id.clone(),
                file: file.clone(),
                ..node
            });
            children.push(Vec::new());
            matched.push(true);
            by_id.insert(id.clone(), i);
            by_path.entry(path(&id)).or_insert(i);
            mine.insert(own_id, i);
            let siblings = match parent {
                Some(p) => &mut children[p],
                None => &mut roots,
            };
            let at = last_child
                .get(&parent)
                .and_then(|prev| siblings.iter().position(|s| s == prev))
                .map_or(if t == base { siblings.len() } else { 0 }, |p| p + 1);
            siblings.insert(at, i);
            last_child.insert(parent, i);
        }
        if t != base {
            for (m, n) in nodes.iter().enumerate().take(matched.len()) {
                let has_content = !n.heading.is_empty() || !n.text.is_empty();
                if !matched[m]
                    && has_content
                    && n.text
                        .get(&base_lang)
                        .or(n.heading.get(&base_lang))
                        .is_some()
                {
                    doubts.push((base, n.line, format!(
                        "`{base_lang}` paragraph {} (`{}`) has no counterpart numbered the same in `{lang}`: kept without `{lang}`; check the numbering of the `{lang}` text",
                        quote(n, &base_lang), n.id
                    )));
                }
            }
        }
    }
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(i) = stack.pop() {
        stack.extend(children[i].iter().rev());
        out.push(std::mem::take(&mut nodes[i]));
    }
    Aligned {
        title,
        title_line,
        nodes: out,
        doubts,
    }
}

/// Puts `other`'s `lang` label, heading and text into `node`; where one
/// tree has a heading and the other a text (a node with children in one
/// language only), the text goes where `node` has it.
fn merge(node: &mut NodeOut, other: NodeOut, lang: &str) {
    node.label.extend(other.label);
    let (h, t) = (
        other.heading.get(lang).cloned(),
        other.text.get(lang).cloned(),
    );
    match (h, t) {
        (Some(h), None) if node.heading.is_empty() && !node.text.is_empty() => {
            node.text.insert(lang, h);
        }
        (None, Some(t)) if node.text.is_empty() && !node.heading.is_empty() => {
            node.heading.insert(lang, t);
        }
        (h, t) => {
            if let Some(h) = h {
                node.heading.insert(lang, h);
            }
            if let Some(t) = t {
                node.text.insert(lang, t);
            }
        }
    }
}
