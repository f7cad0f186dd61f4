//! Sources with the whole text in one language, then the whole text in the
//! next (a law's Chinese text, then its English text): where each
//! language's block starts and ends. A line that only names its block's
//! language (`English text`, `中文本`, `Texto en español`) is its heading,
//! not part of the document, and is reported.

use super::lang::{self, Script};
use super::markup::strip_tags;

/// A language's block: its language and its first and last lines (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub lang: String,
    pub first: usize,
    pub last: usize,
}

/// Lines that name a block's language, lower case, without `#`, `[` `]`
/// or a colon.
const HEADINGS: [&str; 34] = [
    "english",
    "english text",
    "english version",
    "text in english",
    "chinese",
    "chinese text",
    "chinese version",
    "spanish",
    "spanish text",
    "spanish version",
    "español",
    "texto en español",
    "versión en español",
    "texto español",
    "versión española",
    "português",
    "texto em português",
    "versão em português",
    "portuguese text",
    "français",
    "texte français",
    "texte en français",
    "version française",
    "french text",
    "中文",
    "中文本",
    "中文文本",
    "中文版",
    "英文",
    "英文本",
    "英文文本",
    "英文版",
    "西班牙文本",
    "西文本",
];

/// Whether a line only names a language: the heading of a block.
pub fn is_language_heading(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(['[', ']', '*', ':', '：'])
        .trim()
        .to_lowercase();
    HEADINGS.contains(&t.as_str())
}

/// The language blocks of `text`: runs of lines of one language (a line
/// whose language does not tell goes with the lines before it; a run of
/// fewer than 3 lines is part of the run before it), each run's language
/// then found from all its text, and neighbours of one language joined.
pub fn segments(text: &str) -> Vec<Segment> {
    let han = lang::chinese_variant(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut runs: Vec<(Option<String>, usize, usize, usize)> = Vec::new();
    // Runs: their language, first and last lines, and how many of their
    // lines tell their language.
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        let line = strip_tags(line).0;
        let found = match lang::script(&line) {
            Some(Script::Han) => Some(han.to_string()),
            Some(Script::Latin) => lang::guess_latin(&line).map(str::to_string),
            None if line.trim().is_empty() => continue,
            None => None,
        };
        let tells = usize::from(found.is_some());
        match runs.last_mut() {
            Some((l, _, last, count)) if found.is_none() || l.is_none() || *l == found => {
                if l.is_none() {
                    *l = found;
                }
                *last = n;
                *count += tells;
            }
            _ => runs.push((found, n, n, tells)),
        }
    }
    // Short runs are part of the run before them (or after, at the start).
    let mut long: Vec<(usize, usize)> = Vec::new();
    for (_, first, last, count) in runs {
        match long.last_mut() {
            Some(prev) if count < 3 => prev.1 = last,
            _ => long.push((first, last)),
        }
    }
    if long.len() > 1 && runs_short_at_start(text, long[0]) {
        let (first, _) = long.remove(0);
        long[0].0 = first;
    }
    let mut out: Vec<Segment> = Vec::new();
    for (first, last) in long {
        let body = lines[first - 1..last].join("\n");
        let lang = lang::detect(&body).unwrap_or_else(|| "en".to_string());
        match out.last_mut() {
            Some(prev) if prev.lang == lang => prev.last = last,
            _ => out.push(Segment { lang, first, last }),
        }
    }
    out
}

/// Whether the first run has fewer than 3 lines (a title in another
/// language above the first block).
fn runs_short_at_start(text: &str, (first, last): (usize, usize)) -> bool {
    text.lines()
        .skip(first - 1)
        .take(last + 1 - first)
        .filter(|l| !l.trim().is_empty())
        .count()
        < 3
}

/// `text` with every line outside `first..=last` blank, so that line
/// numbers stay the source's.
pub fn masked(text: &str, first: usize, last: usize) -> String {
    let lines: Vec<&str> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if (first..=last).contains(&(i + 1)) {
                l
            } else {
                ""
            }
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_block_then_an_english_block() {
        let text = "中文本\n示范法\n第一条 为了促进合作，制定本法。\n第二条 国家支持合作。\n\nEnglish text\nModel Law\nArticle 1 This Law is made to promote cooperation.\nArticle 2 The State supports cooperation.\n";
        let s = segments(text);
        assert_eq!(
            s,
            [
                Segment {
                    lang: "zh-Hans".into(),
                    first: 1,
                    last: 4
                },
                Segment {
                    lang: "en".into(),
                    first: 6,
                    last: 9
                },
            ]
        );
        assert!(is_language_heading("English text"));
        assert!(is_language_heading("## 中文本"));
        assert!(!is_language_heading("Model Law"));
        assert_eq!(masked(text, 6, 7).lines().nth(5), Some("English text"));
        assert_eq!(masked(text, 6, 7).lines().nth(1), Some(""));
    }

    #[test]
    fn one_language_is_one_block() {
        let text = "Model Law\nArticle 1 This Law is made to promote cooperation.\nEl texto\nArticle 2 The State supports cooperation.\n";
        assert_eq!(segments(text).len(), 1);
    }
}
