//! From a flat list of blocks to the node tree: the numbering of the
//! structural language gives the hierarchy; the other languages' labels are
//! kept as printed. Ids are made here, once, from the source's numbers.
//!
//! The hierarchy is read as a person reads it: the first numbering scheme
//! met is the outermost; a scheme not open yet nests under the current
//! node; a scheme already open closes everything below it and continues at
//! its level. Decimals (`1.2.3`) and Markdown headings nest by their depth;
//! a named part (`前言`, `Annex`) is always outermost.

use std::collections::HashMap;

use super::checks::{check_numbering, check_paragraph_runs};
use super::clean::ends_sentence;
use super::nodes::{finish, zh_punctuation};
use super::numbering;
use super::report::Report;
use super::schemes::{Found, Shape, Table};
use super::{Block, NodeOut};
use crate::model::NodeKind;
use crate::source::raw::LangMap;

/// The document title found in the source (if any), its first source line,
/// and the nodes.
pub struct Shaped {
    pub title: LangMap,
    pub title_line: usize,
    pub nodes: Vec<NodeOut>,
}

/// The marker of a node: its scheme (an index in the table) and numbers.
#[derive(Debug, Clone)]
pub(super) struct Mark {
    pub scheme: usize,
    pub shape: Shape,
    pub depth: u8,
    pub number: Option<u32>,
    pub outer: Vec<u32>,
}

impl Mark {
    fn of(f: &Found, table: &Table) -> Mark {
        Mark {
            scheme: f.scheme,
            shape: table.scheme(f.scheme).shape,
            depth: f.depth,
            number: f.number,
            outer: f.outer.clone(),
        }
    }

    /// What makes two markers the same level: `1.1` and `1.1.1` are not.
    pub fn key(&self) -> (usize, u8) {
        (self.scheme, self.depth)
    }
}

/// A node while the tree is being built.
pub(super) struct Work {
    pub mark: Option<Mark>,
    pub preamble: bool,
    pub label: LangMap,
    pub rest: LangMap,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub first: usize,
}

/// How the languages of a document are read.
pub struct Langs<'a> {
    /// The language whose numbering gives the structure.
    pub structural: &'a str,
    /// All the document's languages.
    pub all: &'a [String],
    /// The numbering schemes.
    pub table: &'a Table,
    /// Whether the first lines may be the document's title (not when the
    /// title is given apart, as in front matter).
    pub title: bool,
}

/// Kinds whose node holds the unnumbered paragraphs after its own text
/// (`第一条` and its 款), where a bare number (`1.`) holds them only when
/// its text is a heading.
const HOLDERS: [NodeKind; 7] = [
    NodeKind::Preface,
    NodeKind::Annex,
    NodeKind::Book,
    NodeKind::Part,
    NodeKind::Title,
    NodeKind::Chapter,
    NodeKind::Article,
];

pub fn shape(blocks: Vec<Block>, langs: &Langs, doc_kind: &str, report: &mut Report) -> Shaped {
    let table = langs.table;
    let structural = |b: &Block| b.texts.get(langs.structural).cloned().unwrap_or_default();
    // The first heading may be the title; later headings are structure.
    let first_heading = blocks.iter().position(|b| b.heading > 0);
    let marked = |i: usize, b: &Block| {
        table.find(langs.structural, &structural(b)).is_some()
            || (b.heading > 0 && Some(i) != first_heading)
    };
    let first_marked = blocks
        .iter()
        .enumerate()
        .position(|(i, b)| marked(i, b))
        .unwrap_or(blocks.len());
    let mut title = LangMap::new();
    let mut title_line = 0;
    let mut work: Vec<Work> = Vec::new();
    let mut iter = blocks.into_iter().enumerate().peekable();

    // Front matter: page headers, the title, the preamble.
    while let Some((_, b)) = iter.next_if(|(i, _)| *i < first_marked) {
        if title.is_empty() && work.is_empty() && langs.title {
            if !b.texts.contains_key(langs.structural) {
                report.drop(
                    b.first,
                    "line before the document title with no counterpart (page header)",
                    b.text_any(),
                );
                continue;
            }
            let title_like = b.heading > 0
                || b.texts
                    .values()
                    .all(|t| !ends_sentence(t) && t.chars().count() < 160);
            if title_like {
                report.placed(b.first, b.last);
                title = b.texts;
                title_line = b.first;
                continue;
            }
        }
        if work.is_empty() {
            work.push(Work {
                mark: None,
                preamble: true,
                label: LangMap::new(),
                rest: LangMap::new(),
                parent: None,
                children: Vec::new(),
                first: b.first,
            });
        }
        add(&mut work, Some(0), None, LangMap::new(), b, langs, report);
    }

    // The body: a stack of open numbered nodes, and the depth at which each
    // scheme was first met.
    let mut stack: Vec<usize> = Vec::new();
    let mut ranks: HashMap<(usize, u8), usize> = HashMap::new();
    while let Some((_, mut b)) = iter.next() {
        let text = structural(&b);
        let mut found = choose(table.find_all(langs.structural, &text), &stack, &work);
        if found.is_none() && b.heading > 0 {
            found = table.heading(b.heading, &text);
        }
        let Some(found) = found else {
            let parent = enclosing(&stack, &work, langs, table, report, b.first);
            add(&mut work, parent, None, LangMap::new(), b, langs, report);
            continue;
        };
        let mark = Mark::of(&found, table);
        place(&mut stack, &work, &mark, &ranks);
        if mark.shape != Shape::Named {
            ranks.entry(mark.key()).or_insert(stack.len());
        }
        let mut labels = LangMap::new();
        if !found.label.is_empty() {
            labels.insert(langs.structural, found.label.to_string());
        }
        b.texts.insert(langs.structural, found.rest.to_string());
        for (lang, text) in b.texts.iter_mut().filter(|(l, _)| *l != langs.structural) {
            if let Some((l, r)) = numbering::label(table, lang, text) {
                labels.insert(lang, l.to_string());
                *text = r.to_string();
            }
        }
        // A marker that stands alone takes the next line as its title.
        if b.texts.values().all(|t| t.is_empty()) {
            if let Some((_, next)) = iter.next_if(|(i, n)| !marked(*i, n)) {
                report.placed(next.first, next.last);
                b.texts = next.texts;
            }
        }
        let parent = stack.last().copied();
        let id = add(&mut work, parent, Some(mark), labels, b, langs, report);
        stack.push(id);
    }
    check_numbering(&work, report);
    if doc_kind == "action-plan" {
        check_paragraph_runs(&work, report);
    }
    Shaped {
        title: zh_punctuation(title),
        title_line,
        nodes: finish(&work, table, report),
    }
}

/// Of several schemes matching (`(i)`: a letter or a Roman numeral), the
/// one that continues an open level, else one that starts a new level at 1.
fn choose<'t>(found: Vec<Found<'t>>, stack: &[usize], work: &[Work]) -> Option<Found<'t>> {
    let open = |f: &Found| {
        stack
            .iter()
            .filter_map(|&t| work[t].mark.as_ref())
            .find(|m| m.key() == (f.scheme, f.depth))
            .map(|m| m.number)
    };
    if found.len() > 1 {
        let continues = found
            .iter()
            .position(|f| open(f).is_some_and(|n| n.map(|n| n + 1) == f.number));
        let starts = found
            .iter()
            .position(|f| open(f).is_none() && f.number == Some(1));
        if let Some(i) = continues.or(starts) {
            return found.into_iter().nth(i);
        }
    }
    found.into_iter().next()
}

/// Closes the open nodes that a node of `mark` does not nest in.
fn place(stack: &mut Vec<usize>, work: &[Work], mark: &Mark, ranks: &HashMap<(usize, u8), usize>) {
    let open = |f: &dyn Fn(&Mark) -> bool| {
        stack
            .iter()
            .position(|&t| work[t].mark.as_ref().is_some_and(f))
    };
    if mark.shape == Shape::Named {
        stack.clear();
    } else if let Some(at) = open(&|m| m.key() == mark.key()) {
        stack.truncate(at);
    } else if let Some(at) = open(&|m| {
        matches!(mark.shape, Shape::Decimal | Shape::Heading)
            && m.scheme == mark.scheme
            && m.depth >= mark.depth
    }) {
        stack.truncate(at);
    } else if stack.len() == 1
        && work[stack[0]]
            .mark
            .as_ref()
            .is_some_and(|m| m.shape == Shape::Named)
    {
        // After a named part, a scheme met at the top before, or a first
        // numbered scheme, is at the top again (`前言` then `第一部分`).
        let numbered_top = ranks.values().any(|&r| r == 0);
        match ranks.get(&mark.key()) {
            Some(0) => stack.clear(),
            None if !numbered_top => stack.clear(),
            _ => {}
        }
    }
}

/// The node an unnumbered paragraph goes in: the innermost open node that
/// holds paragraphs (a heading, an article …).
fn enclosing(
    stack: &[usize],
    work: &[Work],
    langs: &Langs,
    table: &Table,
    report: &mut Report,
    line: usize,
) -> Option<usize> {
    let mut skipped = None;
    let mut parent = None;
    for &s in stack.iter().rev() {
        let w = &work[s];
        let holder = w.mark.as_ref().is_some_and(|m| {
            let kind = w.parent.map(|p| kind_of(work, table, p));
            HOLDERS.contains(&table.kind(m.scheme, kind, false))
        });
        let heading_like = holder
            || !w
                .rest
                .get(langs.structural)
                .is_some_and(|t| ends_sentence(t));
        if heading_like {
            parent = Some(s);
            break;
        }
        skipped.get_or_insert(s);
    }
    if let Some(s) = skipped {
        report.warn(line, format!("unnumbered paragraph after the numbered item of line {}: placed in the enclosing node", work[s].first));
    }
    parent
}

fn add(
    work: &mut Vec<Work>,
    parent: Option<usize>,
    mark: Option<Mark>,
    label: LangMap,
    b: Block,
    langs: &Langs,
    report: &mut Report,
) -> usize {
    report.placed(b.first, b.last);
    let missing: Vec<&str> = langs
        .all
        .iter()
        .filter(|l| !b.texts.contains_key(l))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        report.warn(
            b.first,
            format!(
                "no `{}` text here (unpaired line): kept without it",
                missing.join("`, `")
            ),
        );
    }
    let i = work.len();
    work.push(Work {
        mark,
        preamble: false,
        label,
        rest: b.texts,
        parent,
        children: Vec::new(),
        first: b.first,
    });
    if let Some(p) = parent {
        work[p].children.push(i);
    }
    i
}

pub(super) fn kind_of(work: &[Work], table: &Table, i: usize) -> NodeKind {
    let w = &work[i];
    match &w.mark {
        None if w.preamble => NodeKind::Preamble,
        None => NodeKind::Paragraph,
        Some(m) => {
            let parent = w.parent.map(|p| kind_of(work, table, p));
            table.kind(m.scheme, parent, w.children.is_empty())
        }
    }
}
