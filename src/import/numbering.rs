//! The label of a paragraph in a language whose numbering does not give
//! the structure (the English of a bilingual source): kept as printed, it
//! is any marker of the scheme table, or a number word (`Fourth,`,
//! `Thirdly,`, `One,`), or a Roman number in parentheses (`(II)`).

use super::numerals::roman_number;
use super::schemes::Table;

/// Splits `s` into its label and the rest, if it starts with one.
pub fn label<'t>(table: &Table, lang: &str, s: &'t str) -> Option<(&'t str, &'t str)> {
    if let Some(f) = table.find(lang, s) {
        if !f.label.is_empty() {
            return Some((f.label, f.rest));
        }
    }
    let s = s.trim_start();
    if let Some(after) = s.strip_prefix('(') {
        let n = after
            .char_indices()
            .find(|&(_, c)| !"IVX".contains(c))
            .map_or(after.len(), |(i, _)| i);
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
    let word = s
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(i, _)| i);
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
    fn english_labels_in_bilingual_text() {
        let t = Table::builtin();
        let label = |s| label(&t, "en", s);
        assert_eq!(
            label("Fourth, people-to-people friendship"),
            Some(("Fourth,", "people-to-people friendship"))
        );
        assert_eq!(
            label("Thirdly, in the implementation"),
            Some(("Thirdly,", "in the implementation"))
        );
        assert_eq!(label("(II) Finance"), Some(("(II)", "Finance")));
        assert_eq!(label("(3) Promote"), Some(("(3)", "Promote")));
        assert_eq!(label("CELAC welcomes the initiatives"), None);
        assert_eq!(label("Preface"), None);
    }
}
