//! `accord import`: a raw source text into a content file, with a report.
//!
//! read (format-specific: [`parallel`], [`rows`], [`monolingual`], and for a
//! text given once per language [`blocks`], [`frontmatter`] or several
//! files, [`several`]) → blocks of text per language → [`structure`]
//! (numbering → node tree and ids; per language, then [`align`]ed by the
//! numbering) → [`emit`].

pub mod align;
pub mod blocks;
mod checks;
pub mod clean;
pub mod command;
pub mod dateline;
pub mod emit;
mod files;
mod format;
pub mod frontmatter;
pub mod fullwidth;
pub mod instructions;
pub mod lang;
pub mod manifest;
pub mod markup;
mod meta;
pub mod monolingual;
mod nodes;
pub mod numbering;
pub mod numerals;
pub mod parallel;
pub mod report;
pub mod rows;
pub mod schemes;
pub mod several;
pub mod structure;
mod verify;

use std::sync::Arc;

use crate::diag::Diagnostic;
use crate::source::raw::LangMap;
pub use files::import_files;
pub use format::Format;
pub use meta::default_id;
use meta::{find_period, guess_kind};
pub use report::Report;

/// What the caller says about the document; what is left out is guessed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Option<Format>,
    pub id: Option<String>,
    /// The kind's id (`action-plan`, `law`, …).
    pub kind: Option<String>,
    pub series: Option<String>,
    pub edition: Option<String>,
    pub date: Option<String>,
    /// Titles per language; they fill in what the source does not give.
    pub title: LangMap,
    /// The language of a one-language source.
    pub lang: Option<String>,
    /// The languages of a source in several, in the source's order (the
    /// columns of rows, the lines of an interleaved paragraph, the blocks,
    /// the files) [default: from the file names, else found in the text].
    pub languages: Vec<String>,
    /// The language whose numbering gives the structure [default: the first].
    pub structural: Option<String>,
    /// The numbering schemes [default: the built-in table].
    pub schemes: Option<Arc<schemes::Table>>,
    /// Lines to join or drop, as a person decided ([`instructions`]).
    pub instructions: Vec<instructions::Instruction>,
    /// Where the document comes from, written into its content file as
    /// given (only from a manifest).
    pub provenance: Provenance,
}

/// What `imports.toml` says of a document's origin, beyond its text: who
/// issued and who published it, where it was adopted, and its official
/// sources. The importer writes it out as given; `check` checks it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    pub author: LangMap,
    pub publisher: LangMap,
    pub place: LangMap,
    pub official: Vec<OfficialSource>,
}

/// One `[[import.official]]`: the official text in `lang`, at `url`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficialSource {
    pub lang: String,
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
}

impl Options {
    /// The languages given: `languages`, else `lang`.
    pub fn declared(&self) -> Vec<String> {
        if self.languages.is_empty() {
            self.lang.iter().cloned().collect()
        } else {
            self.languages.clone()
        }
    }

    /// The index of the structural language among `langs`.
    fn structural_in(&self, langs: &[String]) -> usize {
        self.structural
            .as_deref()
            .and_then(|s| lang::find_in(langs, s))
            .unwrap_or(0)
    }
}

/// A paragraph of the source in one or more languages, with the source
/// lines it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Block {
    pub first: usize,
    pub last: usize,
    pub texts: LangMap,
    /// The level of a Markdown heading line (`##` is 2); 0 if not one.
    pub heading: u8,
}

impl Block {
    pub fn one(line: usize, lang: &str, text: &str) -> Block {
        let texts = LangMap::from([(lang.to_string(), text.trim().to_string())]);
        Block {
            first: line,
            last: line,
            texts,
            heading: 0,
        }
    }

    pub fn text(&self, lang: &str) -> &str {
        self.texts.get(lang).map_or("", String::as_str)
    }

    /// Some text of the block, for quoting in the report.
    pub fn text_any(&self) -> &str {
        self.texts.values().next().map_or("", String::as_str)
    }
}

/// A node as the importer writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeOut {
    pub id: String,
    /// The source line it starts at (not written out).
    pub line: usize,
    /// The file of that line, when the document is made of several.
    pub file: Option<String>,
    pub kind: String,
    pub label: LangMap,
    pub heading: LangMap,
    pub text: LangMap,
}

/// A document as the importer writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentOut {
    pub id: String,
    pub kind: String,
    pub series: Option<String>,
    pub edition: Option<String>,
    pub title: LangMap,
    pub date: Option<String>,
    pub languages: Vec<String>,
    pub source: String,
    /// The number of its first numbered node at the top, when it is not 1
    /// (an excerpt from Article 3).
    pub first: Option<u32>,
    pub provenance: Provenance,
    pub nodes: Vec<NodeOut>,
}

pub struct Imported {
    pub document: DocumentOut,
    pub report: Report,
    /// Problems that forbid writing the document (a declared language the
    /// text contradicts), each with its file, line and what to do.
    pub errors: Vec<Diagnostic>,
}

pub const ZH: &str = "zh-Hans";
pub const EN: &str = "en";

/// What a reader and [`structure::shape`] (or [`align`]) made of a source.
pub(crate) struct Made {
    pub title: LangMap,
    pub title_line: usize,
    pub nodes: Vec<NodeOut>,
    pub languages: Vec<String>,
}

/// Imports `text`, read from a file named `source`.
pub fn import(source: &str, text: &str, opts: &Options) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = opts.format.unwrap_or_else(|| Format::detect(source, text));
    let mut report = Report::new(source, format.name(), text);
    let mut errors = Vec::new();
    let applied = instructions::apply(source, text, &opts.instructions, &mut report)
        .unwrap_or_else(|e| {
            errors.push(instruction_error(source, e));
            text.to_string()
        });
    let text = applied.as_str();
    let table = opts.schemes.clone().unwrap_or_else(schemes::Table::builtin);
    let kind = opts
        .kind
        .clone()
        .unwrap_or_else(|| guess_kind(&opts.title, text));
    let mut declared = opts.declared();
    let named = declared.is_empty();
    if named {
        declared = lang::from_file_name(source);
    }
    let made = match format {
        Format::Interleaved | Format::Rows => {
            let given = declared.len() >= 2;
            let langs = if given {
                declared
            } else if format == Format::Rows {
                rows::columns(text)
            } else {
                lang::order(text)
            };
            let langs = if langs.len() < 2 {
                vec![ZH.to_string(), EN.to_string()]
            } else {
                langs
            };
            let blocks = if format == Format::Rows {
                rows::rows(text, &langs, &mut report)
            } else {
                parallel::interleaved(text, &langs, &mut report)
            };
            for l in langs.iter().filter(|_| given) {
                let pieces: Vec<(usize, &str)> = blocks
                    .iter()
                    .filter_map(|b| Some((b.first, b.texts.get(l)?.as_str())))
                    .collect();
                errors.extend(several::mismatch(source, l, &pieces, named));
            }
            let structural = langs[opts.structural_in(&langs)].clone();
            let shaped = several::shape(
                blocks,
                &langs,
                &structural,
                &table,
                &kind,
                true,
                &mut report,
            );
            several::made(shaped, &langs)
        }
        Format::Markdown | Format::Text => {
            let lang = declared
                .first()
                .cloned()
                .unwrap_or_else(|| lang::detect(text).unwrap_or_else(|| EN.to_string()));
            if !declared.is_empty() {
                let pieces: Vec<(usize, &str)> =
                    text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
                errors.extend(several::mismatch(source, &lang, &pieces, named));
            }
            let blocks = monolingual::read(text, &lang, &table, &mut report);
            let langs = vec![lang.clone()];
            let shaped = several::shape(blocks, &langs, &lang, &table, &kind, true, &mut report);
            several::made(shaped, &langs)
        }
        Format::Blocks => several::blocks(
            source,
            text,
            &declared,
            opts,
            &table,
            &kind,
            &mut report,
            &mut errors,
        ),
        Format::FrontMatter => {
            several::front_matter(source, text, opts, &table, &kind, &mut report, &mut errors)
        }
    };
    report.format = format.describe(&made.languages);
    let document = document(source, made, opts, kind, &mut report);
    report.finish(text);
    Imported {
        document,
        report,
        errors,
    }
}

/// The document of what was made: the source's titles (a given title
/// fills in only a language the source does not print, and the report says
/// when one is not used), id, edition and series.
fn document(
    source: &str,
    made: Made,
    opts: &Options,
    kind: String,
    report: &mut Report,
) -> DocumentOut {
    let mut title = opts.title.clone();
    for (lang, t) in made.title {
        if let Some(given) = title.insert(lang.clone(), t.clone()) {
            if given != t {
                report.warn(
                    made.title_line,
                    format!("the source prints its own `{lang}` title «{t}»: it is kept, and the title given for `{lang}` («{given}») is not used"),
                );
            }
        }
    }
    if title.is_empty() {
        report.warn(1, "no document title in the source: give one with --title LANG=TEXT (or `title` in the manifest)");
    }
    report.kinds.clear();
    for n in &made.nodes {
        *report.kinds.entry(n.kind.clone()).or_default() += 1;
    }
    let id = opts.id.clone().unwrap_or_else(|| default_id(source));
    let edition = opts
        .edition
        .clone()
        .or_else(|| find_period(&id).or_else(|| title.values().find_map(|t| find_period(t))));
    let series = opts.series.clone().or_else(|| {
        let e = edition.as_ref()?;
        id.strip_suffix(e.as_str())
            .map(|s| s.trim_end_matches('-').to_string())
            .filter(|s| !s.is_empty())
    });
    // A source that starts at Article 3 is an excerpt: say where it starts.
    let first = made
        .nodes
        .iter()
        .filter(|n| !n.id.contains("__") && n.kind != "paragraph")
        .find_map(|n| {
            n.id.rsplit_once('_')
                .and_then(|(_, k)| k.parse::<u32>().ok())
        })
        .filter(|&k| k > 1);
    if let Some(k) = first {
        let line = made
            .nodes
            .iter()
            .find(|n| !n.id.contains("__") && n.kind != "paragraph")
            .map_or(1, |n| n.line);
        report.warn(
            line,
            format!(
                "the document starts at number {k}, not 1 (an excerpt?): written as `first = {k}`"
            ),
        );
    }
    DocumentOut {
        id,
        kind,
        series,
        edition,
        title,
        date: opts.date.clone(),
        languages: made.languages,
        source: source.to_string(),
        first,
        provenance: opts.provenance.clone(),
        nodes: made.nodes,
    }
}

/// A recorded instruction that cannot be applied, as a problem of the import.
pub(crate) fn instruction_error(source: &str, message: String) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::new(source, None, message)
        .help("fix the instruction (--join FIRST-LAST, --drop LINE; `join`/`drop` in content/imports.toml): line numbers are the source's as it is now")
}
