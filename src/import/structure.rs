//! From a flat list of blocks to the node tree: the numbering of the
//! structural language gives the hierarchy; the other languages' labels are
//! kept as printed. Ids are made here, once, from the source's numbers.

use super::clean::{ends_sentence, restore_fullwidth};
use super::numbering::{english_label, parse_en, parse_zh, Marker};
use super::report::Report;
use super::{Block, NodeOut};
use crate::model::NodeKind;
use crate::source::raw::LangMap;

/// The document title found in the source (if any) and the nodes.
pub struct Shaped {
    pub title: LangMap,
    pub nodes: Vec<NodeOut>,
}

/// A node while the tree is being built.
struct Work {
    marker: Option<Marker>,
    preamble: bool,
    label: LangMap,
    rest: LangMap,
    parent: Option<usize>,
    children: Vec<usize>,
    first: usize,
}

/// How the languages of a document are read.
pub struct Langs<'a> {
    /// The language whose numbering gives the structure.
    pub structural: &'a str,
    /// All the document's languages.
    pub all: &'a [String],
}

impl Langs<'_> {
    fn parse<'t>(&self, text: &'t str) -> Option<super::numbering::Found<'t>> {
        if self.structural.starts_with("zh") {
            parse_zh(text)
        } else {
            parse_en(text)
        }
    }
}

pub fn shape(blocks: Vec<Block>, langs: &Langs, doc_kind: &str, report: &mut Report) -> Shaped {
    let marker_of = |b: &Block| {
        b.texts
            .get(langs.structural)
            .and_then(|t| langs.parse(t))
            .map(|f| f.marker)
    };
    let first_marked = blocks
        .iter()
        .position(|b| marker_of(b).is_some())
        .unwrap_or(blocks.len());
    let mut title = LangMap::new();
    let mut work: Vec<Work> = Vec::new();
    let mut iter = blocks.into_iter().enumerate().peekable();

    // Front matter: page headers, the title, the preamble.
    while let Some((_, b)) = iter.next_if(|(i, _)| *i < first_marked) {
        if title.is_empty() && work.is_empty() {
            if !b.texts.contains_key(langs.structural) {
                report.drop(
                    b.first,
                    "line before the document title with no counterpart (page header)",
                    b.text_any(),
                );
                continue;
            }
            let title_like = b.heading
                || b.texts
                    .values()
                    .all(|t| !ends_sentence(t) && t.chars().count() < 160);
            if title_like {
                report.placed(b.first, b.last);
                title = b.texts;
                continue;
            }
        }
        if work.is_empty() {
            work.push(Work {
                marker: None,
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

    // The body: a stack of open numbered nodes.
    let mut stack: Vec<usize> = Vec::new();
    while let Some((_, mut b)) = iter.next() {
        let found = b
            .texts
            .get(langs.structural)
            .and_then(|t| langs.parse(t))
            .map(|f| (f.marker, f.label.to_string(), f.rest.to_string()));
        match found {
            Some((marker, label, rest)) => {
                while stack
                    .last()
                    .is_some_and(|&t| work[t].marker.is_some_and(|m| m.level() >= marker.level()))
                {
                    stack.pop();
                }
                let mut labels = LangMap::new();
                if !label.is_empty() {
                    labels.insert(langs.structural, label);
                }
                b.texts.insert(langs.structural, rest);
                for (lang, text) in b.texts.iter_mut().filter(|(l, _)| *l != langs.structural) {
                    if let Some((l, r)) = english_label(text) {
                        labels.insert(lang, l.to_string());
                        *text = r.to_string();
                    }
                }
                // A part whose marker stands alone takes the next line as its title.
                if marker.level() == 0 && b.texts.values().all(|t| t.is_empty()) {
                    if let Some((_, next)) = iter.next_if(|(_, n)| marker_of(n).is_none()) {
                        report.placed(next.first, next.last);
                        b.texts = next.texts;
                    }
                }
                let parent = stack.last().copied();
                let id = add(&mut work, parent, Some(marker), labels, b, langs, report);
                stack.push(id);
            }
            None => {
                let mut parent = None;
                let mut skipped = None;
                for &s in stack.iter().rev() {
                    let w = &work[s];
                    let heading_like = w.marker.is_some_and(|m| m.level() == 0)
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
                    report.warn(b.first, format!("unnumbered paragraph after the numbered item of line {}: placed in the enclosing node", work[s].first));
                }
                add(&mut work, parent, None, LangMap::new(), b, langs, report);
            }
        }
    }
    check_numbering(&work, report);
    if doc_kind == "action-plan" {
        check_paragraph_runs(&work, report);
    }
    Shaped {
        title: zh_punctuation(title),
        nodes: finish(&work, report),
    }
}

fn add(
    work: &mut Vec<Work>,
    parent: Option<usize>,
    marker: Option<Marker>,
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
        marker,
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

/// Gaps, restarts and backward steps in each node's numbered children.
fn check_numbering(work: &[Work], report: &mut Report) {
    let parents = std::iter::once(None).chain((0..work.len()).map(Some));
    for p in parents {
        let children: Vec<usize> = match p {
            Some(p) => work[p].children.clone(),
            None => (0..work.len())
                .filter(|&i| work[i].parent.is_none())
                .collect(),
        };
        let mut last: Vec<(std::mem::Discriminant<Marker>, u32, usize)> = Vec::new();
        for c in children {
            let Some(m) = work[c].marker else { continue };
            let Some(num) = m.number() else { continue };
            let line = work[c].first;
            if let (Marker::Decimal(major, _), Some(parent_num)) =
                (m, p.and_then(|p| work[p].marker).and_then(Marker::number))
            {
                if major != parent_num {
                    report.warn(
                        line,
                        format!("clause {major}.{num} stands under number {parent_num}"),
                    );
                }
            }
            let family = std::mem::discriminant(&m);
            let prev = last.iter_mut().find(|(f, _, _)| *f == family);
            let (expected, prev_line) = prev.as_ref().map_or((1, 0), |(_, n, l)| (n + 1, *l));
            if num != expected {
                let what = if num > expected {
                    format!("numbering gap: number {num} where {expected} was expected")
                } else if num == 1 {
                    format!("numbering restarts at 1 after line {prev_line}: a heading level may be missing or wrong (renumbered section?)")
                } else {
                    format!("numbering goes back to {num} after line {prev_line}, where {expected} was expected (renumbered section?)")
                };
                report.warn(line, what);
            }
            match prev {
                Some(entry) => *entry = (family, num, line),
                None => last.push((family, num, line)),
            }
        }
    }
}

/// In an action plan, text is numbered clauses: a run of unnumbered
/// paragraphs inside a numbered node is suspect.
fn check_paragraph_runs(work: &[Work], report: &mut Report) {
    for w in work
        .iter()
        .filter(|w| w.marker.is_some_and(|m| m.level() > 0))
    {
        let mut run: Vec<usize> = Vec::new();
        for &c in w.children.iter().chain(std::iter::once(&usize::MAX)) {
            if c != usize::MAX && work[c].marker.is_none() {
                run.push(c);
                continue;
            }
            if run.len() >= 2 {
                report.warn(work[run[0]].first, format!(
                    "{} unnumbered paragraphs in a row (lines {}–{}) inside the numbered node of line {}: suspected inserted passage",
                    run.len(), work[run[0]].first, work[run[run.len() - 1]].first, w.first));
            }
            run.clear();
        }
    }
}

fn kind_of(work: &[Work], i: usize) -> NodeKind {
    let w = &work[i];
    let parent = w.parent.map(|p| kind_of(work, p));
    let leaf = w.children.is_empty();
    match w.marker {
        None if w.preamble => NodeKind::Preamble,
        None => NodeKind::Paragraph,
        Some(Marker::Preface) => NodeKind::Preface,
        Some(Marker::Annex) => NodeKind::Annex,
        Some(Marker::Part(_)) => NodeKind::Part,
        Some(Marker::Article(_)) => NodeKind::Article,
        Some(Marker::Chapter(_)) => NodeKind::Chapter,
        Some(Marker::Section(_)) => match (parent, leaf) {
            (Some(NodeKind::Chapter), true) => NodeKind::Clause,
            (Some(NodeKind::Chapter), false) => NodeKind::Area,
            (Some(NodeKind::Part), false) => NodeKind::Programme,
            (_, true) => NodeKind::Item,
            (_, false) => NodeKind::Section,
        },
        Some(Marker::Clause(_) | Marker::Decimal(..)) => {
            if leaf {
                NodeKind::Clause
            } else {
                NodeKind::Section
            }
        }
    }
}

/// Kinds, ids, headings and texts.
fn finish(work: &[Work], report: &mut Report) -> Vec<NodeOut> {
    let mut ids: Vec<String> = Vec::with_capacity(work.len());
    let mut used = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(work.len());
    // Unnumbered paragraphs seen so far under each parent (None: the root).
    let mut paragraphs: std::collections::HashMap<Option<usize>, u32> =
        std::collections::HashMap::new();
    for (i, w) in work.iter().enumerate() {
        let kind = kind_of(work, i);
        let prefix = w
            .parent
            .map(|p| format!("{}__", ids[p]))
            .unwrap_or_default();
        let mut number = match w.marker {
            None if !w.preamble => {
                let n = paragraphs.entry(w.parent).or_default();
                *n += 1;
                Some(*n)
            }
            Some(m) => m.number(),
            None => None,
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
        let as_heading = w.marker.is_some_and(|m| m.level() == 0) || !w.children.is_empty();
        let rest: LangMap = w
            .rest
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| (l, t.clone()))
            .collect();
        let (heading, text) = if as_heading {
            (rest, LangMap::new())
        } else {
            (LangMap::new(), rest)
        };
        *report.kinds.entry(kind.as_str().to_string()).or_default() += 1;
        out.push(NodeOut {
            id,
            kind: kind.as_str().to_string(),
            label: zh_punctuation(w.label.clone()),
            heading: zh_punctuation(heading),
            text: zh_punctuation(text),
        });
    }
    out
}

/// Restores full-width punctuation in the Chinese entries of a map.
fn zh_punctuation(map: LangMap) -> LangMap {
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
