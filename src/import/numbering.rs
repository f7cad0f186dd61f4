//! Numbering markers at the start of a paragraph: `第一条`, `一、`, `（一）`,
//! `Article 1`, `I.`, `1.`, `(1)`, `1.1`, `前言`, `附件` …
//!
//! A marker gives the structure (its [`Marker`]) and the label as printed.

/// What a numbering marker says about the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Preface,
    Annex,
    Part(u32),
    Article(u32),
    /// Roman `I.` … in a one-language source.
    Chapter(u32),
    /// `一、` or `1.`.
    Section(u32),
    /// `（一）` or `(1)`.
    Clause(u32),
    /// `1.1`: section number and clause number.
    Decimal(u32, u32),
}

impl Marker {
    /// Depth in the usual hierarchy: 0 top, 1 `一、`, 2 `（一）`.
    pub fn level(self) -> u8 {
        match self {
            Marker::Preface
            | Marker::Annex
            | Marker::Part(_)
            | Marker::Article(_)
            | Marker::Chapter(_) => 0,
            Marker::Section(_) => 1,
            Marker::Clause(_) | Marker::Decimal(..) => 2,
        }
    }

    /// The number that orders it among its siblings.
    pub fn number(self) -> Option<u32> {
        match self {
            Marker::Preface | Marker::Annex => None,
            Marker::Part(n)
            | Marker::Article(n)
            | Marker::Chapter(n)
            | Marker::Section(n)
            | Marker::Clause(n) => Some(n),
            Marker::Decimal(_, n) => Some(n),
        }
    }
}

/// A marker found at the start of a text: the marker, the label as printed
/// (with its punctuation) and the rest of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub marker: Marker,
    pub label: &'a str,
    pub rest: &'a str,
}

/// Parses a Chinese numeral of up to 999: 一, 十二, 二十三, 一百零五.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    };
    if s.is_empty() {
        return None;
    }
    let (mut total, mut current) = (0u32, None::<u32>);
    for c in s.chars() {
        match c {
            '十' | '百' => {
                let unit = if c == '十' { 10 } else { 100 };
                total += current.unwrap_or(1) * unit;
                current = None;
            }
            '两' => current = Some(2),
            _ => current = Some(digit(c)?),
        }
    }
    Some(total + current.unwrap_or(0)).filter(|&n| n > 0)
}

/// Parses a Roman numeral from I to XXXIX (upper case).
pub fn roman_number(s: &str) -> Option<u32> {
    const ROMAN: [&str; 40] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV",
        "XXVI", "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV",
        "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
    ];
    ROMAN
        .iter()
        .position(|r| !r.is_empty() && *r == s)
        .map(|p| p as u32)
}

const ZH_DIGITS: &str = "零一二三四五六七八九十百两";

/// Splits `s` after `n` bytes into (label, rest), trimming the rest.
fn split(s: &str, n: usize, marker: Marker) -> Found<'_> {
    Found {
        marker,
        label: s[..n].trim_end(),
        rest: s[n..].trim_start(),
    }
}

/// A leading run of chars satisfying `f`, as a byte length.
fn run(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Recognises a Chinese marker: `前言`, `附件`, `第N部分`, `第N条`, `N、`, `（N）`.
pub fn parse_zh(s: &str) -> Option<Found<'_>> {
    let s = s.trim_start();
    for (word, marker) in [("前言", Marker::Preface), ("附件", Marker::Annex)] {
        if let Some(rest) = s.strip_prefix(word) {
            if rest.trim().is_empty() {
                return Some(Found {
                    marker,
                    label: "",
                    rest: word,
                });
            }
        }
    }
    if let Some(after) = s.strip_prefix('第') {
        let n = run(after, |c| ZH_DIGITS.contains(c));
        let num = chinese_number(&after[..n])?;
        let tail = &after[n..];
        let (len, marker) = if tail.starts_with("部分") {
            ("部分".len(), Marker::Part(num))
        } else if tail.starts_with('条') {
            ('条'.len_utf8(), Marker::Article(num))
        } else {
            return None;
        };
        return Some(split(s, '第'.len_utf8() + n + len, marker));
    }
    if let Some(after) = s.strip_prefix(['(', '（']) {
        let n = run(after, |c| ZH_DIGITS.contains(c));
        let num = chinese_number(&after[..n])?;
        let close = after[n..]
            .chars()
            .next()
            .filter(|c| *c == ')' || *c == '）')?;
        return Some(split(
            s,
            s.len() - after.len() + n + close.len_utf8(),
            Marker::Clause(num),
        ));
    }
    let n = run(s, |c| ZH_DIGITS.contains(c));
    let num = chinese_number(&s[..n])?;
    let sep = s[n..].chars().next().filter(|c| *c == '、')?;
    Some(split(s, n + sep.len_utf8(), Marker::Section(num)))
}

/// Recognises an English marker in a one-language source, where the
/// numbering is the structure: `Preface`, `Annex`, `Part I`, `Article 1`,
/// `I.`, `1.`, `(1)`, `1.1`.
pub fn parse_en(s: &str) -> Option<Found<'_>> {
    let s = s.trim_start();
    let lower = s.to_ascii_lowercase();
    for (word, marker) in [("preface", Marker::Preface), ("annex", Marker::Annex)] {
        if lower.trim_end() == word {
            return Some(Found {
                marker,
                label: "",
                rest: s.trim_end(),
            });
        }
    }
    for (word, part) in [("part ", true), ("article ", false)] {
        if lower.starts_with(word) {
            let after = &s[word.len()..];
            let n = run(after, |c| c.is_ascii_alphanumeric());
            let num = after[..n]
                .parse::<u32>()
                .ok()
                .or_else(|| roman_number(&after[..n]))?;
            let mut len = word.len() + n;
            len += run(&s[len..], |c| c == ':' || c == '.');
            let marker = if part {
                Marker::Part(num)
            } else {
                Marker::Article(num)
            };
            return Some(split(s, len, marker));
        }
    }
    if let Some(after) = s.strip_prefix('(') {
        let n = run(after, |c| c.is_ascii_digit());
        let num = after[..n]
            .parse::<u32>()
            .ok()
            .filter(|_| after[n..].starts_with(')'))?;
        return Some(split(s, n + 2, Marker::Clause(num)));
    }
    let n = run(s, |c| c.is_ascii_digit());
    if n > 0 && n <= 3 {
        let num: u32 = s[..n].parse().ok()?;
        let after = &s[n..];
        if let Some(minor) = after.strip_prefix('.') {
            let m = run(minor, |c| c.is_ascii_digit());
            if m > 0 && m <= 3 {
                let sub: u32 = minor[..m].parse().ok()?;
                let mut len = n + 1 + m;
                len += usize::from(s[len..].starts_with('.'));
                return Some(split(s, len, Marker::Decimal(num, sub)));
            }
            if minor.is_empty() || minor.starts_with(char::is_whitespace) {
                return Some(split(s, n + 1, Marker::Section(num)));
            }
        }
        return None;
    }
    let n = run(s, |c| "IVX".contains(c));
    let num = roman_number(&s[..n])?;
    s[n..]
        .starts_with(". ")
        .then(|| split(s, n + 1, Marker::Chapter(num)))
}

/// Recognises the label of an English paragraph in a bilingual source,
/// where it is kept as printed but does not give the structure: the
/// markers of [`parse_en`], and also `Fourth,`, `Thirdly,`, `One,`, `(II)`.
pub fn english_label(s: &str) -> Option<(&str, &str)> {
    if let Some(f) = parse_en(s) {
        if !f.label.is_empty() {
            return Some((f.label, f.rest));
        }
    }
    let s = s.trim_start();
    if let Some(after) = s.strip_prefix('(') {
        let n = run(after, |c| "IVX".contains(c));
        if n > 0 && roman_number(&after[..n]).is_some() && after[n..].starts_with(')') {
            return Some((&s[..n + 2], s[n + 2..].trim_start()));
        }
    }
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    const ORDINALS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    let word = run(s, |c| c.is_ascii_alphabetic());
    if s[word..].starts_with(',') {
        let w = s[..word].to_ascii_lowercase();
        let w = w.strip_suffix("ly").unwrap_or(&w);
        if WORDS.contains(&w) || ORDINALS.contains(&w) {
            return Some((&s[..word + 1], s[word + 1..].trim_start()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
        ];
        for (s, n) in cases {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number(""), None);
        assert_eq!(chinese_number("零"), None);
        assert_eq!(chinese_number("一a"), None);
    }

    #[test]
    fn chinese_markers() {
        let f = parse_zh("第一条 平等互信,巩固中拉政治关系").unwrap();
        assert_eq!(
            (f.marker, f.label, f.rest),
            (Marker::Article(1), "第一条", "平等互信,巩固中拉政治关系")
        );
        let f = parse_zh("(十二)海关检验检疫").unwrap();
        assert_eq!(
            (f.marker, f.label, f.rest),
            (Marker::Clause(12), "(十二)", "海关检验检疫")
        );
        let f = parse_zh("三、金融").unwrap();
        assert_eq!(
            (f.marker, f.label, f.rest),
            (Marker::Section(3), "三、", "金融")
        );
        assert_eq!(parse_zh("第三部分").unwrap().marker, Marker::Part(3));
        assert_eq!(parse_zh("附件").unwrap().marker, Marker::Annex);
        assert_eq!(parse_zh("双方愿加强知识产权部门务实合作。"), None);
        assert_eq!(parse_zh("十分重要"), None);
    }

    #[test]
    fn english_markers() {
        let f = parse_en("- unused").map(|f| f.marker);
        assert_eq!(f, None);
        assert_eq!(
            parse_en("II. Pragmatic Economic Cooperation")
                .unwrap()
                .marker,
            Marker::Chapter(2)
        );
        let f = parse_en("1.1. Strengthen exchanges").unwrap();
        assert_eq!(
            (f.marker, f.label, f.rest),
            (Marker::Decimal(1, 1), "1.1.", "Strengthen exchanges")
        );
        assert_eq!(
            parse_en("3.4China is willing").unwrap().marker,
            Marker::Decimal(3, 4)
        );
        assert_eq!(parse_en("10. Explore").unwrap().marker, Marker::Section(10));
        assert_eq!(parse_en("(3) Promote").unwrap().marker, Marker::Clause(3));
        assert_eq!(parse_en("Article 3: Mutual").unwrap().label, "Article 3:");
        assert_eq!(parse_en("Part III").unwrap().marker, Marker::Part(3));
        assert_eq!(parse_en("2024 was a year"), None);
        assert_eq!(parse_en("3,500 scholarships"), None);
        assert_eq!(parse_en("In 2025."), None);
    }

    #[test]
    fn english_labels_in_bilingual_text() {
        assert_eq!(
            english_label("Fourth, people-to-people friendship"),
            Some(("Fourth,", "people-to-people friendship"))
        );
        assert_eq!(
            english_label("Thirdly, in the implementation"),
            Some(("Thirdly,", "in the implementation"))
        );
        assert_eq!(english_label("(II) Finance"), Some(("(II)", "Finance")));
        assert_eq!(english_label("CELAC welcomes the initiatives"), None);
        assert_eq!(english_label("Preface"), None);
    }
}
