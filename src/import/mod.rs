//! `accord import`: a raw source text into a content file, with a report.
//!
//! read (format-specific: [`bilingual`], [`monolingual`]) → blocks of text
//! per language → [`structure`] (numbering → node tree and ids) → [`emit`].

pub mod bilingual;
mod checks;
pub mod clean;
pub mod command;
pub mod dateline;
pub mod emit;
pub mod fullwidth;
pub mod manifest;
pub mod markup;
pub mod monolingual;
mod nodes;
pub mod numbering;
pub mod numerals;
pub mod report;
pub mod schemes;
pub mod structure;

use std::sync::Arc;

use crate::source::raw::LangMap;
use clean::has_cjk;
pub use report::Report;

/// The shapes of source this importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Chinese and English lines interleaved, or both on one line.
    Interleaved,
    /// `中文 | English | |` rows.
    Rows,
    /// Markdown in one language.
    Markdown,
    /// Plain text in one language.
    Text,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Interleaved => "interleaved zh/en lines",
            Format::Rows => "zh | en rows",
            Format::Markdown => "one-language Markdown",
            Format::Text => "one-language text",
        }
    }

    /// Guesses the format from the file name and the text.
    pub fn detect(name: &str, text: &str) -> Format {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let rows = lines.iter().filter(|l| l.contains(" | ")).count();
        let zh = lines.iter().filter(|l| has_cjk(l)).count();
        if rows * 2 > lines.len() {
            Format::Rows
        } else if zh * 5 > lines.len() && zh * 5 < lines.len() * 4 {
            Format::Interleaved
        } else if name.ends_with(".md") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

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
    /// The numbering schemes [default: the built-in table].
    pub schemes: Option<Arc<schemes::Table>>,
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

    pub fn pair(first: usize, last: usize, zh: &str, z: &str, en: &str, e: &str) -> Block {
        let texts = LangMap::from([
            (zh.to_string(), z.trim().to_string()),
            (en.to_string(), e.trim().to_string()),
        ]);
        Block {
            first,
            last,
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
    pub nodes: Vec<NodeOut>,
}

pub struct Imported {
    pub document: DocumentOut,
    pub report: Report,
}

pub const ZH: &str = "zh-Hans";
pub const EN: &str = "en";

/// Imports `text`, read from a file named `source`.
pub fn import(source: &str, text: &str, opts: &Options) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = opts.format.unwrap_or_else(|| Format::detect(source, text));
    let mut report = Report::new(source, format.name(), text);
    let table = opts.schemes.clone().unwrap_or_else(schemes::Table::builtin);
    let (blocks, languages) = match format {
        Format::Interleaved => (
            bilingual::interleaved(text, ZH, EN, &mut report),
            vec![ZH.to_string(), EN.to_string()],
        ),
        Format::Rows => (
            bilingual::rows(text, ZH, EN, &mut report),
            vec![ZH.to_string(), EN.to_string()],
        ),
        Format::Markdown | Format::Text => {
            let lang = opts.lang.clone().unwrap_or_else(|| {
                let zh = text.lines().filter(|l| has_cjk(l)).count();
                if zh * 2 > text.lines().filter(|l| !l.trim().is_empty()).count() {
                    ZH
                } else {
                    EN
                }
                .to_string()
            });
            (
                monolingual::read(text, &lang, &table, &mut report),
                vec![lang],
            )
        }
    };
    let mut title = opts.title.clone();
    let kind = opts
        .kind
        .clone()
        .unwrap_or_else(|| guess_kind(&title, text));
    let langs = structure::Langs {
        structural: &languages[0],
        all: &languages,
        table: &table,
    };
    let shaped = structure::shape(blocks, &langs, &kind, &mut report);
    // The source's title is its word: a title given for a language the
    // source prints is not used, and the report says so.
    for (lang, t) in shaped.title {
        if let Some(given) = title.insert(lang.clone(), t.clone()) {
            if given != t {
                report.warn(
                    shaped.title_line,
                    format!("the source prints its own `{lang}` title «{t}»: it is kept, and the title given for `{lang}` («{given}») is not used"),
                );
            }
        }
    }
    if title.is_empty() {
        report.warn(1, "no document title in the source: give one with --title LANG=TEXT (or `title` in the manifest)");
    }
    report.finish(text);
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
    let document = DocumentOut {
        id,
        kind,
        series,
        edition,
        title,
        date: opts.date.clone(),
        languages,
        source: source.to_string(),
        nodes: shaped.nodes,
    };
    Imported { document, report }
}

/// `china-celac-action-plan-2022-2024.en.md` → `china-celac-action-plan-2022-2024-en`.
pub fn default_id(source: &str) -> String {
    let stem = source.rsplit('/').next().unwrap_or(source);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "document".to_string()
    } else {
        id
    }
}

/// A period such as `2025-2027` in a text.
fn find_period(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(8)).find_map(|i| {
        let w = &b[i..i + 9];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let bounded = i == 0 || !b[i - 1].is_ascii_digit();
        (bounded && digits(0..4) && w[4] == b'-' && digits(5..9)).then(|| s[i..i + 9].to_string())
    })
}

/// Words in a title (or the first lines) that name a default kind, in the
/// order they are tried: a "plan of action" that "adopts a resolution" is
/// a plan first.
const KIND_WORDS: [(&str, &[&str]); 6] = [
    (
        "policy-paper",
        &["政策文件", "policy paper", "documento de política"],
    ),
    (
        "action-plan",
        &[
            "行动计划",
            "action plan",
            "plan of action",
            "plan de acción",
            "plano de ação",
        ],
    ),
    (
        "resolution",
        &["决议", "resolution", "resolución", "resolução"],
    ),
    (
        "treaty",
        &[
            "条约",
            "公约",
            "协定",
            "宪章",
            "treaty",
            "convention",
            "agreement",
            "charter",
            "tratado",
            "convenio",
            "acuerdo",
            "carta de",
        ],
    ),
    (
        "statement",
        &[
            "声明",
            "宣言",
            "statement",
            "declaration",
            "communiqué",
            "declaración",
            "declaração",
        ],
    ),
    (
        "law",
        &["法律", "条例", "law", " act", "código", "ley ", "lei "],
    ),
];

/// The kind a document's title suggests (`action-plan` when none does).
fn guess_kind(title: &LangMap, text: &str) -> String {
    let head: String = text.chars().take(400).collect::<String>().to_lowercase();
    let titles: Vec<String> = title.values().map(|t| t.to_lowercase()).collect();
    let named = |words: &[&str]| {
        // A Chinese law's title ends in 法 (数据安全法), which, within a
        // title, is too common a character to look for anywhere.
        let law = words == KIND_WORDS[5].1;
        let has = |t: &str| words.iter().any(|w| t.contains(w)) || (law && t.ends_with('法'));
        titles.iter().any(|t| has(t))
    };
    let found = KIND_WORDS
        .iter()
        .find(|(_, words)| named(words))
        .or_else(|| {
            KIND_WORDS[..2]
                .iter()
                .find(|(_, words)| words.iter().any(|w| head.contains(w)))
        });
    found.map_or("action-plan", |(kind, _)| kind).to_string()
}

#[cfg(test)]
mod tests {
    use super::guess_kind;
    use crate::source::raw::LangMap;

    fn kind_of(lang: &str, title: &str) -> String {
        let mut t = LangMap::new();
        t.insert(lang, title.to_string());
        guess_kind(&t, "")
    }

    #[test]
    fn the_title_names_the_kind() {
        assert_eq!(
            kind_of("zh-Hans", "中国对拉丁美洲和加勒比政策文件"),
            "policy-paper"
        );
        assert_eq!(
            kind_of("en", "China-CELAC Joint Plan of Action 2025-2027"),
            "action-plan"
        );
        assert_eq!(kind_of("zh-Hans", "中华人民共和国数据安全法"), "law");
        assert_eq!(kind_of("en", "Foreign Relations Act"), "law");
        assert_eq!(kind_of("en", "Charter of the United Nations"), "treaty");
        assert_eq!(kind_of("es", "Declaración de Beijing"), "statement");
        assert_eq!(kind_of("en", "Resolution 2758 (XXVI)"), "resolution");
        // A method is not a law: 法 counts only at the end of a title.
        assert_eq!(kind_of("zh-Hans", "合作方法备忘"), "action-plan");
    }
}
