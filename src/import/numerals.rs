//! The numerals that numbering markers are written in: arabic, Chinese
//! (一, 十二, 一百零五), Roman (upper and lower case), Latin letters, circled
//! digits (①) and English number words. Each has the regex that finds it in
//! a pattern and the parser of what was found.
//!
//! Written by hand: `chinese-number` parses Chinese numerals but none of the
//! others, and these few lines are simpler than adapting four crates.

/// A kind of numeral, as written in a scheme's pattern (`{zh}`, `{1}` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numeral {
    Arabic,
    Chinese,
    RomanUpper,
    RomanLower,
    LetterLower,
    LetterUpper,
    Circled,
    /// `one` … `twenty`, in any case.
    Words,
    /// `1.2`, `1.2.3`: arabic numbers joined by dots.
    Decimal,
}

const WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

impl Numeral {
    /// The placeholder's name in a pattern: `{1}`, `{zh}`, `{I|1}` …
    pub fn from_name(name: &str) -> Option<Numeral> {
        Some(match name {
            "1" => Numeral::Arabic,
            "zh" | "一" => Numeral::Chinese,
            "I" => Numeral::RomanUpper,
            "i" => Numeral::RomanLower,
            "a" => Numeral::LetterLower,
            "A" => Numeral::LetterUpper,
            "①" => Numeral::Circled,
            "one" => Numeral::Words,
            "1.1" => Numeral::Decimal,
            _ => return None,
        })
    }

    /// The names accepted, for error messages.
    pub const NAMES: &'static str =
        "`{1}`, `{zh}`, `{I}`, `{i}`, `{a}`, `{A}`, `{①}`, `{one}`, `{1.1}`";

    /// The regex of the numeral (no groups of its own).
    pub fn regex(self) -> String {
        match self {
            Numeral::Arabic => "[0-9]{1,3}".into(),
            Numeral::Chinese => "[零一二三四五六七八九十百两]+".into(),
            Numeral::RomanUpper => "[IVXLC]+".into(),
            Numeral::RomanLower => "[ivxlc]+".into(),
            Numeral::LetterLower => "[a-z]".into(),
            Numeral::LetterUpper => "[A-Z]".into(),
            Numeral::Circled => "[①-⑳]".into(),
            Numeral::Words => {
                // Longest first, so that `seventeen` is not read as `seven`.
                let mut w = WORDS.to_vec();
                w.sort_by_key(|s| std::cmp::Reverse(s.len()));
                format!("(?i:{})", w.join("|"))
            }
            Numeral::Decimal => "[0-9]{1,3}(?:[.．][0-9]{1,3})+".into(),
        }
    }

    /// The value of `s`; for a decimal, its last component.
    pub fn parse(self, s: &str) -> Option<u32> {
        match self {
            Numeral::Arabic => s.parse().ok(),
            Numeral::Chinese => chinese_number(s),
            Numeral::RomanUpper => roman_number(s),
            Numeral::RomanLower => roman_number(&s.to_ascii_uppercase()),
            Numeral::LetterLower | Numeral::LetterUpper => {
                let c = s.chars().next()?.to_ascii_lowercase();
                (s.len() == 1 && c.is_ascii_lowercase()).then(|| c as u32 - 'a' as u32 + 1)
            }
            Numeral::Circled => {
                let c = s.chars().next()?;
                ('①'..='⑳').contains(&c).then(|| c as u32 - '①' as u32 + 1)
            }
            Numeral::Words => {
                let lower = s.to_ascii_lowercase();
                WORDS.iter().position(|w| *w == lower).map(|p| p as u32 + 1)
            }
            Numeral::Decimal => decimal(s)?.last().copied(),
        }
    }
}

/// The components of `1.2.3` (full-width dots too).
pub fn decimal(s: &str) -> Option<Vec<u32>> {
    s.split(['.', '．'])
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<u32>>>()
        .filter(|v| v.len() >= 2)
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

/// Parses a Roman numeral from I to CCCXCIX (upper case), refusing
/// malformed ones (`IIII`, `VX`): it must be written back the same.
pub fn roman_number(s: &str) -> Option<u32> {
    const UNITS: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    const TENS: [&str; 10] = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
    const HUNDREDS: [&str; 4] = ["", "C", "CC", "CCC"];
    (1..400).find(|&n: &u32| {
        let (h, t, u) = (
            (n / 100) as usize,
            (n / 10 % 10) as usize,
            (n % 10) as usize,
        );
        s.len() == HUNDREDS[h].len() + TENS[t].len() + UNITS[u].len()
            && s == format!("{}{}{}", HUNDREDS[h], TENS[t], UNITS[u])
    })
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
    fn other_numerals() {
        assert_eq!(roman_number("XXXIX"), Some(39));
        assert_eq!(roman_number("XLIV"), Some(44));
        assert_eq!(roman_number("IIII"), None);
        assert_eq!(Numeral::RomanLower.parse("iv"), Some(4));
        assert_eq!(Numeral::LetterLower.parse("c"), Some(3));
        assert_eq!(Numeral::Circled.parse("⑫"), Some(12));
        assert_eq!(Numeral::Words.parse("Seventeen"), Some(17));
        assert_eq!(Numeral::Decimal.parse("1.2.3"), Some(3));
        assert_eq!(decimal("2．4"), Some(vec![2, 4]));
        assert_eq!(decimal("7"), None);
    }
}
