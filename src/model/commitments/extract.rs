//! The figures a clause's text states, with what they count. Taken: a
//! number followed by what it counts: in Chinese, digits or a Chinese
//! numeral with a measure word (`3500个`, `1万名`, `十万册`), or with
//! `万`/`亿`; in other languages, digits (`5,000`, `3 500`, `2 million`)
//! followed by words. Left out: ordinals (`第三`), years (four digits
//! from 1900 to 2100 written without separator), percentages, numbers
//! inside words or references (`4.2`, `G20`), numbers in words ("one
//! thousand"), and every figure whose words name no kind (kinds.rs).
//! A scan of each text's characters, no allocation until a figure is
//! found: at 10k pages every clause is read once.

use std::ops::Range;

use super::kinds;
use super::numerals::{self, is_chinese_numeral, multiplier};

/// A figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Bytes of the figure as written (`3,500`, `1万个`).
    pub span: Range<usize>,
    pub value: u64,
    /// The words after it that say what it counts, as written.
    pub unit: String,
    /// What `unit` names (kinds.rs), if anything.
    pub kind: Option<&'static str>,
}

/// Every counted figure of `text` in language `lang`, kinded or not.
pub fn figures(text: &str, lang: &str) -> Vec<Found> {
    if lang.split('-').next() == Some("zh") {
        chinese(text, lang)
    } else {
        latin(text, lang)
    }
}

const MEASURES: &str = "个名人项次册家所批期场笔部套座位份本门";
const ZH_STOPS: &str = "，。；：！？（）()\n和及与并或，";

fn chinese(text: &str, lang: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let digit = c.is_ascii_digit();
        if !digit && !is_chinese_numeral(c) {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let ordinal = prev == Some('第');
        let mut j = i;
        let value = if digit {
            while j < chars.len() && (chars[j].1.is_ascii_digit() || separator(&chars, j)) {
                j += 1;
            }
            let number = &text[start..end_of(&chars, j, text)];
            let mult = chars.get(j).and_then(|&(_, m)| multiplier(m));
            if mult.is_some() {
                j += 1;
            }
            numerals::digits(number, mult.unwrap_or(1))
        } else {
            while j < chars.len() && is_chinese_numeral(chars[j].1) {
                j += 1;
            }
            numerals::chinese(&text[start..end_of(&chars, j, text)])
        };
        let multiplied = text[start..end_of(&chars, j, text)]
            .chars()
            .last()
            .is_some_and(|l| multiplier(l).is_some());
        let measure = chars
            .get(j)
            .map(|&(_, m)| m)
            .filter(|m| MEASURES.contains(*m));
        if measure.is_some() {
            j += 1;
        }
        let end = end_of(&chars, j, text);
        let counted = measure.is_some() || (digit && multiplied);
        if let (Some(value), true, false) = (value, counted, ordinal) {
            let mut k = j;
            while k < chars.len() && k - j < 24 {
                let ch = chars[k].1;
                // The next figure starts another unit (一 is in too many
                // words to stop at: 统一, 一带一路).
                let numeral = is_chinese_numeral(ch) && ch != '一';
                if ZH_STOPS.contains(ch) || ch.is_ascii_digit() || numeral || ch == '第' {
                    break;
                }
                k += 1;
            }
            let unit = text[end..end_of(&chars, k, text)].to_string();
            let kind = kinds::of_unit(&unit, lang).or(match measure {
                Some('名' | '人') => Some("people"),
                Some('册') => Some("books"),
                _ => None,
            });
            out.push(Found {
                span: start..end,
                value,
                unit,
                kind,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// A thousands separator or decimal point between two digits.
fn separator(chars: &[(usize, char)], j: usize) -> bool {
    matches!(chars[j].1, ',' | '.')
        && j > 0
        && chars[j - 1].1.is_ascii_digit()
        && chars.get(j + 1).is_some_and(|c| c.1.is_ascii_digit())
}

fn end_of(chars: &[(usize, char)], j: usize, text: &str) -> usize {
    chars.get(j).map_or(text.len(), |c| c.0)
}

const LATIN_STOPS: &[&str] = &[
    "and", "or", "to", "in", "for", "of", "from", "with", "by", "per", "at", "on", "y", "o", "a",
    "en", "para", "de", "del", "con", "por",
];

fn latin(text: &str, lang: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        if !c.is_ascii_digit()
            || prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | '_' | '-' | '/'))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut grouped = false;
        while j < chars.len()
            && (chars[j].1.is_ascii_digit()
                || (thousands(&chars, j) && {
                    grouped = true;
                    true
                }))
        {
            j += 1;
        }
        let end = end_of(&chars, j, text);
        let number = &text[start..end];
        let next = chars.get(j).map(|c| c.1);
        let glued = next.is_some_and(|n| {
            n.is_alphanumeric()
                || n == '%'
                || n == '.' && chars.get(j + 1).is_some_and(|c| c.1.is_ascii_digit())
        });
        let year = !grouped
            && number.len() == 4
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if glued || year {
            i = j.max(i + 1);
            continue;
        }
        let rest = &text[end..];
        let mut words = rest.split_whitespace().peekable();
        let mut mult = 1;
        let mut unit_start = end;
        if let Some(w) = words.peek() {
            let m = match w.trim_end_matches([',', '.', ';']).to_lowercase().as_str() {
                "thousand" | "mil" => 1_000,
                "million" | "millones" | "millón" => 1_000_000,
                "billion" => 1_000_000_000,
                _ => 1,
            };
            if m > 1 {
                mult = m;
                unit_start = end + rest.find(w).unwrap_or(0) + w.len();
                words.next();
            }
        }
        let after = &text[unit_start..];
        let mut unit_end = unit_start;
        for (n, w) in after.split_whitespace().enumerate() {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            if n == 7 || LATIN_STOPS.contains(&bare.to_lowercase().as_str()) || w.starts_with('(') {
                break;
            }
            let at = text[unit_end..].find(w).map_or(unit_end, |p| unit_end + p);
            unit_end = at + w.trim_end_matches([',', '.', ';', ':', ')']).len();
            if w.ends_with([',', '.', ';', ':']) {
                break;
            }
        }
        let unit = text[unit_start..unit_end].trim().to_string();
        if let (Some(value), false) = (numerals::digits(number, mult), unit.is_empty()) {
            let kind = kinds::of_unit(&unit, lang);
            out.push(Found {
                // `66 billion` as written, the multiplier with it.
                span: start..if mult > 1 { unit_start } else { end },
                value,
                unit,
                kind,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// A comma or space grouping thousands: followed by exactly three digits.
fn thousands(chars: &[(usize, char)], j: usize) -> bool {
    matches!(chars[j].1, ',' | '\u{2009}' | '\u{202f}')
        && j > 0
        && chars[j - 1].1.is_ascii_digit()
        && (1..=3).all(|k| chars.get(j + k).is_some_and(|c| c.1.is_ascii_digit()))
        && !chars.get(j + 4).is_some_and(|c| c.1.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::figures;

    fn kinded(text: &str, lang: &str) -> Vec<(u64, &'static str, String)> {
        figures(text, lang)
            .into_iter()
            .filter_map(|f| Some((f.value, f.kind?, text[f.span].to_string())))
            .collect()
    }

    #[test]
    fn chinese_figures() {
        let t =
            "中方将在2025年至2027年向拉共体成员国提供3500个中国政府奖学金名额和1万个来华培训名额。";
        assert_eq!(
            kinded(t, "zh-Hans"),
            vec![
                (3500, "scholarships", "3500个".to_string()),
                (10_000, "training", "1万个".to_string())
            ]
        );
        assert_eq!(
            kinded("未来三年邀请十万名青年、第三批两百个项目", "zh-Hans"),
            vec![
                (100_000, "people", "十万名".to_string()),
                (200, "projects", "两百个".to_string())
            ]
        );
        assert!(kinded("坚持一个中国原则，进一步深化", "zh-Hans").is_empty());
    }

    #[test]
    fn english_figures() {
        let t = "Between 2022 and 2024, the China shall provide CELAC Member States with 5,000 government scholarships and 3,000 training places in China.";
        assert_eq!(
            kinded(t, "en"),
            vec![
                (5000, "scholarships", "5,000".to_string()),
                (3000, "training", "3,000".to_string())
            ]
        );
        assert_eq!(
            kinded(
                "a credit line of US$ 10 billion credit, 40% projects, 4.2 visits",
                "en"
            ),
            vec![(10_000_000_000, "credit", "10 billion".to_string())]
        );
    }
}
