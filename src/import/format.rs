//! The shapes of source the importer reads, and how one is recognised.

use super::{blocks, frontmatter, lang, parallel, EN, ZH};

/// The shapes of source this importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A line per language, in a fixed order (`中文` then English then
    /// Español …), or all on one line split by wide gaps.
    Interleaved,
    /// `中文 | English | Español |` rows, a column per language.
    Rows,
    /// Markdown in one language.
    Markdown,
    /// Plain text in one language.
    Text,
    /// The whole text in one language, then the whole text in the next,
    /// aligned by their numbering.
    Blocks,
    /// Markdown with YAML front matter: `title-<lang>`, `body-<lang>: |`.
    #[serde(rename = "front-matter")]
    FrontMatter,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Interleaved => "interleaved zh/en lines",
            Format::Rows => "zh | en rows",
            Format::Markdown => "one-language Markdown",
            Format::Text => "one-language text",
            Format::Blocks => "one block per language",
            Format::FrontMatter => "front matter per language",
        }
    }

    /// The format's name for the report, with its languages.
    pub(super) fn describe(self, langs: &[String]) -> String {
        let zh_en = langs == [ZH, EN];
        match self {
            Format::Interleaved if !zh_en => format!("interleaved {} lines", langs.join("/")),
            Format::Rows if !zh_en => format!("{} rows", langs.join(" | ")),
            Format::Blocks => format!("one block per language: {}", langs.join(", ")),
            Format::FrontMatter => format!("front matter per language: {}", langs.join(", ")),
            _ => self.name().to_string(),
        }
    }

    /// Guesses the format from the file name and the text.
    pub fn detect(name: &str, text: &str) -> Format {
        if frontmatter::detect(text) {
            return Format::FrontMatter;
        }
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let rows = lines.iter().filter(|l| l.contains(" | ")).count();
        // Each line's language (`latin`: a Latin script whose words do not
        // tell), and how often it changes from one line to the next.
        let keys: Vec<&str> = lines
            .iter()
            .filter_map(|l| match lang::script(l)? {
                lang::Script::Han => Some("zh"),
                lang::Script::Latin => Some(lang::guess_latin(l).unwrap_or("latin")),
            })
            .collect();
        let latin = |k: &str| k != "zh";
        let switches = keys
            .windows(2)
            .filter(|w| {
                w[0] != w[1]
                    && !(latin(w[0]) && latin(w[1]) && (w[0] == "latin" || w[1] == "latin"))
            })
            .count();
        let mut distinct: Vec<&str> = keys.iter().copied().filter(|k| *k != "latin").collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Lines holding a paragraph in several scripts (`中文  English`).
        let split = lines
            .iter()
            .filter(|l| parallel::split_gaps(l).is_some())
            .count();
        if rows * 2 > lines.len() {
            Format::Rows
        } else if (distinct.len() >= 2 && switches * 3 >= keys.len()) || split * 2 > lines.len() {
            Format::Interleaved
        } else if blocks::segments(text).len() >= 2 {
            Format::Blocks
        } else if name.ends_with(".md") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}
