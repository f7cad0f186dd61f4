//! Word-level differences between two texts of one language, with the
//! figures of each side marked (edition comparison, issue 17). Each side
//! is cut into spans that put back together give its text unchanged:
//! the difference marks the published text, it never rewrites it.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of one side's text: inserted (new side) or deleted (old side)
/// or neither, and whether it is a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seg {
    pub text: String,
    /// `ins`, `del`, or empty.
    pub change: &'static str,
    pub fig: bool,
}

/// The two sides of the difference from `old` to `new` in `lang`:
/// Chinese compared by characters, other languages by words.
pub fn diff(old: &str, new: &str, lang: &str) -> (Vec<Seg>, Vec<Seg>) {
    let zh = lang.starts_with("zh");
    let d = if zh {
        TextDiff::from_chars(old, new)
    } else {
        TextDiff::from_words(old, new)
    };
    let (mut o, mut n) = (Vec::new(), Vec::new());
    let (mut oi, mut ni) = (0, 0);
    for ch in d.iter_all_changes() {
        let len = ch.value().len();
        match ch.tag() {
            ChangeTag::Equal => {
                o.push((oi, oi + len, ""));
                n.push((ni, ni + len, ""));
                oi += len;
                ni += len;
            }
            ChangeTag::Delete => {
                o.push((oi, oi + len, "del"));
                oi += len;
            }
            ChangeTag::Insert => {
                n.push((ni, ni + len, "ins"));
                ni += len;
            }
        }
    }
    join_spaces(old, &mut o);
    join_spaces(new, &mut n);
    (segments(old, &o, zh), segments(new, &n, zh))
}

/// White space alone between two changes of one side is marked with
/// them, so that a run of changed words reads as one mark, not a mark
/// per word.
fn join_spaces(text: &str, runs: &mut [(usize, usize, &'static str)]) {
    for k in 1..runs.len().saturating_sub(1) {
        let (a, b, change) = runs[k];
        let (before, after) = (runs[k - 1].2, runs[k + 1].2);
        if change.is_empty()
            && !before.is_empty()
            && before == after
            && text[a..b].chars().all(char::is_whitespace)
        {
            runs[k].2 = before;
        }
    }
}

/// A text alone, its figures marked.
pub fn plain(text: &str, lang: &str) -> Vec<Seg> {
    segments(text, &[(0, text.len(), "")], lang.starts_with("zh"))
}

/// `text` cut at the bounds of its changes and of its figures, adjacent
/// runs of the same kind joined.
fn segments(text: &str, changes: &[(usize, usize, &'static str)], zh: bool) -> Vec<Seg> {
    let figs = figures(text, zh);
    let mut bounds: Vec<usize> = vec![0, text.len()];
    bounds.extend(changes.iter().flat_map(|c| [c.0, c.1]));
    bounds.extend(figs.iter().flat_map(|f| [f.0, f.1]));
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<Seg> = Vec::new();
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let change = changes
            .iter()
            .find(|c| c.0 <= a && b <= c.1)
            .map_or("", |c| c.2);
        let fig = figs.iter().any(|f| f.0 <= a && b <= f.1);
        match out.last_mut() {
            Some(last) if last.change == change && last.fig == fig => last.text += &text[a..b],
            _ => out.push(Seg {
                text: text[a..b].to_string(),
                change,
                fig,
            }),
        }
    }
    out
}

const ZH_DIGITS: &str = "零〇一二三四五六七八九十百千万亿两";
/// Measure words after which a run of Chinese numerals is a figure
/// (`十个`, `五百名`), not part of a word (`统一`, `进一步`).
const ZH_MEASURES: &str = "个名人次项届批所家位场期年倍座条万亿种门部";

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The byte ranges of the figures of `text`: runs of digits (with `,` or
/// `.` between digits, and `%`, `万`, `亿` after), and in Chinese runs
/// of Chinese numerals followed by a measure word.
pub fn figures(text: &str, zh: bool) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if is_digit(c) {
            let start = k;
            while k < chars.len() {
                let c = chars[k].1;
                let sep = matches!(c, ',' | '.') && at(k + 1).is_some_and(is_digit);
                if is_digit(c) || sep {
                    k += 1;
                } else {
                    break;
                }
            }
            while at(k).is_some_and(|c| c == '%' || c == '万' || c == '亿') {
                k += 1;
            }
            out.push((chars[start].0, end_of(k)));
        } else if zh && ZH_DIGITS.contains(c) {
            let start = k;
            while at(k).is_some_and(|c| ZH_DIGITS.contains(c)) {
                k += 1;
            }
            let ordinal = start > 0 && chars[start - 1].1 == '第';
            if !ordinal && at(k).is_some_and(|c| ZH_MEASURES.contains(c)) {
                out.push((chars[start].0, end_of(k)));
            }
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(segs: &[Seg]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn sides_put_back_give_the_texts() {
        let (o, n) = diff(
            "Offer 5,000 scholarships to CELAC countries.",
            "Offer 3,500 scholarships and 10,000 training places.",
            "en",
        );
        assert_eq!(join(&o), "Offer 5,000 scholarships to CELAC countries.");
        assert_eq!(
            join(&n),
            "Offer 3,500 scholarships and 10,000 training places."
        );
        let del: Vec<&str> = o
            .iter()
            .filter(|s| s.change == "del")
            .map(|s| s.text.as_str())
            .collect();
        assert!(del.contains(&"5,000"), "{o:?}");
        assert!(o.iter().any(|s| s.fig && s.text == "5,000"));
        assert!(n
            .iter()
            .any(|s| s.fig && s.change == "ins" && s.text == "10,000"));
        assert!(n
            .iter()
            .any(|s| !s.fig && s.change.is_empty() && s.text.contains("scholarships")));
    }

    #[test]
    fn changed_words_in_a_row_are_one_mark() {
        let (o, n) = diff("we welcome the plan", "they will share the plan", "en");
        assert_eq!(
            o[0],
            Seg {
                text: "we welcome".into(),
                change: "del",
                fig: false
            }
        );
        assert_eq!(
            n[0],
            Seg {
                text: "they will share".into(),
                change: "ins",
                fig: false
            }
        );
        assert_eq!(join(&n), "they will share the plan");
    }

    #[test]
    fn chinese_by_characters_and_numerals() {
        let (o, n) = diff(
            "提供五千个奖学金名额",
            "提供3500个政府奖学金名额",
            "zh-Hans",
        );
        assert_eq!(join(&n), "提供3500个政府奖学金名额");
        assert!(n
            .iter()
            .any(|s| s.change == "ins" && s.text.contains("政府")));
        assert!(o.iter().any(|s| s.fig && s.text == "五千"));
        assert!(n.iter().any(|s| s.fig && s.text == "3500"));
        assert_eq!(figures("1万名，第四届，统一，十个", true).len(), 2);
        assert_eq!(figures("第四届", true), vec![]);
        assert_eq!(figures("1万名", true), vec![(0, 4)]);
    }
}
