//! Texts given once per language, aligned by their numbering ([`align`]):
//! separate blocks in one file ([`blocks`]), front matter per language
//! ([`frontmatter`]); one file per language is [`super::files`]. And what
//! every reader shares: shaping the blocks, and the error of a declared
//! language that the text contradicts.

use super::align::{self, Tree};
use super::report::Report;
use super::schemes::Table;
use super::structure::{self, Shaped};
use super::{blocks, frontmatter, lang, monolingual, Block, Made};
use super::{Options, EN};
use crate::diag::Diagnostic;
use crate::source::raw::LangMap;

/// The tree of `blocks`, its structure given by `structural`.
pub(super) fn shape(
    blocks: Vec<Block>,
    langs: &[String],
    structural: &str,
    table: &Table,
    kind: &str,
    title: bool,
    report: &mut Report,
) -> Shaped {
    let l = structure::Langs {
        structural,
        all: langs,
        table,
        title,
    };
    structure::shape(blocks, &l, kind, report)
}

/// What a reader made of `s`, a tree of texts in `langs`.
pub(super) fn made(s: Shaped, langs: &[String]) -> Made {
    Made {
        title: s.title,
        title_line: s.title_line,
        nodes: s.nodes,
        languages: langs.to_vec(),
    }
}

/// The error of a text declared in `lang` (`named`: by its file name) that
/// reads as another language; `pieces` are its lines with their numbers.
pub(super) fn mismatch(
    source: &str,
    lang: &str,
    pieces: &[(usize, &str)],
    named: bool,
) -> Option<Diagnostic> {
    let joined: Vec<&str> = pieces.iter().map(|p| p.1).collect();
    let (found, lines) = lang::contradicts(lang, &joined.join("\n"))?;
    let quoted: Vec<String> = lines
        .iter()
        .map(|(i, t)| {
            let short: String = t.chars().take(40).collect();
            format!("line {} «{short}»", pieces[i - 1].0)
        })
        .collect();
    let how = if named {
        "by the file name"
    } else {
        "with --lang or in the manifest"
    };
    Some(
        Diagnostic::new(
            source,
            lines.first().map(|(i, _)| pieces[i - 1].0),
            format!(
                "the text is declared `{lang}` ({how}) but reads as `{found}`: {}",
                quoted.join(", ")
            ),
        )
        .help(format!(
            "give the text's own language (--lang {found}, `lang = \"{found}\"` in imports.toml, or a file name such as `name.{found}.md`), or leave the language out to have it found from the text"
        )),
    )
}

/// The trees aligned on the structural one.
pub(super) fn aligned(trees: Vec<Tree>, opts: &Options) -> (Made, Vec<align::Doubt>) {
    if trees.is_empty() {
        let made = Made {
            title: LangMap::new(),
            title_line: 0,
            nodes: Vec::new(),
            languages: vec![EN.to_string()],
        };
        return (made, Vec::new());
    }
    let mut langs: Vec<String> = Vec::new();
    for t in &trees {
        if !langs.contains(&t.lang) {
            langs.push(t.lang.clone());
        }
    }
    let base = opts.structural_in(&langs);
    let base = trees
        .iter()
        .position(|t| t.lang == langs[base])
        .unwrap_or(0);
    let a = align::align(trees, base);
    let made = Made {
        title: a.title,
        title_line: a.title_line,
        nodes: a.nodes,
        languages: langs,
    };
    (made, a.doubts)
}

/// One file: the whole text in each language in turn.
#[allow(clippy::too_many_arguments)]
pub(super) fn blocks(
    source: &str,
    text: &str,
    declared: &[String],
    opts: &Options,
    table: &Table,
    kind: &str,
    report: &mut Report,
    errors: &mut Vec<Diagnostic>,
) -> Made {
    let lines: Vec<&str> = text.lines().collect();
    let mut segs = blocks::segments(text);
    for seg in &mut segs {
        let Some(first) = (seg.first..=seg.last).find(|&n| !lines[n - 1].trim().is_empty()) else {
            continue;
        };
        if blocks::is_language_heading(lines[first - 1]) {
            let why = format!(
                "heading of the `{}` block (it names the language; not part of the text)",
                seg.lang
            );
            report.drop(first, &why, lines[first - 1]);
            seg.first = first + 1;
        }
    }
    if declared.len() == segs.len() {
        for (seg, l) in segs.iter_mut().zip(declared) {
            let pieces: Vec<(usize, &str)> =
                (seg.first..=seg.last).map(|n| (n, lines[n - 1])).collect();
            errors.extend(mismatch(source, l, &pieces, opts.declared().is_empty()));
            seg.lang = l.clone();
        }
    } else if !declared.is_empty() {
        let found: Vec<&str> = segs.iter().map(|s| s.lang.as_str()).collect();
        report.warn(1, format!(
            "{} languages given ({}) but the text has {} language blocks ({}): the blocks' own languages are used; give as many languages as there are blocks, in their order",
            declared.len(), declared.join(", "), segs.len(), found.join(", ")
        ));
    }
    let mut trees = Vec::new();
    for seg in segs {
        let masked = blocks::masked(text, seg.first, seg.last);
        let b = monolingual::read(&masked, &seg.lang, table, report);
        let langs = [seg.lang.clone()];
        let shaped = shape(b, &langs, &seg.lang, table, kind, true, report);
        trees.push(Tree {
            lang: seg.lang,
            shaped,
            file: None,
        });
    }
    let (made, doubts) = aligned(trees, opts);
    for (_, line, message) in doubts {
        report.warn(line, message);
    }
    made
}

/// Markdown with the text per language in its front matter.
pub(super) fn front_matter(
    source: &str,
    text: &str,
    opts: &Options,
    table: &Table,
    kind: &str,
    report: &mut Report,
    errors: &mut Vec<Diagnostic>,
) -> Made {
    let fm = match frontmatter::read(text, report) {
        Ok(fm) => fm,
        Err((line, message)) => {
            errors.push(Diagnostic::new(source, Some(line), message).help(
                "write the front matter as YAML between two `---` lines: `title-en: …`, `body-en: |` and the text indented below it",
            ));
            return Made {
                title: LangMap::new(),
                title_line: 0,
                nodes: Vec::new(),
                languages: vec![EN.to_string()],
            };
        }
    };
    let mut trees = Vec::new();
    for part in fm.parts {
        let pieces: Vec<(usize, &str)> = part
            .text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .collect();
        errors.extend(mismatch(source, &part.lang, &pieces, false));
        let b = monolingual::read(&part.text, &part.lang, table, report);
        let langs = [part.lang.clone()];
        let shaped = shape(b, &langs, &part.lang, table, kind, false, report);
        trees.push(Tree {
            lang: part.lang,
            shaped,
            file: None,
        });
    }
    for l in fm.titles.keys() {
        if !trees.iter().any(|t| t.lang == l) {
            report.warn(
                fm.title_line,
                format!("a `{l}` title but no `{l}` text: the title is kept"),
            );
        }
    }
    let (mut made, doubts) = aligned(trees, opts);
    for (_, line, message) in doubts {
        report.warn(line, message);
    }
    for (l, t) in fm.titles.iter() {
        if !made.languages.iter().any(|x| x == l) {
            made.languages.push(l.to_string());
        }
        made.title.insert(l, t.clone());
    }
    made.title_line = fm.title_line;
    made
}
