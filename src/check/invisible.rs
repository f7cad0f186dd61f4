//! Characters that change what a text shows without being seen: the
//! bidirectional embeddings, overrides and isolates, which reorder the text
//! after them (a clause that reads one way and says another, as in the
//! "Trojan Source" attack), and the zero-width spaces, which split a word
//! where no one sees it (a search for the word misses it, a citation
//! copied from the page carries it). They are refused in every content
//! text, and named by their code point, never printed.
//!
//! Allowed, although invisible: the zero-width non-joiner and joiner
//! (U+200C, U+200D), which Persian, Arabic and the Indic scripts need to
//! spell some words and emoji to join; the left-to-right and right-to-left
//! marks (U+200E, U+200F) and the Arabic letter mark (U+061C), which act as
//! one invisible letter of their direction and reorder nothing else: a
//! right-to-left translation may need them beside numbers and Latin words.

/// The characters refused, with their Unicode names.
const REFUSED: [(char, &str); 12] = [
    ('\u{200B}', "ZERO WIDTH SPACE"),
    ('\u{202A}', "LEFT-TO-RIGHT EMBEDDING"),
    ('\u{202B}', "RIGHT-TO-LEFT EMBEDDING"),
    ('\u{202C}', "POP DIRECTIONAL FORMATTING"),
    ('\u{202D}', "LEFT-TO-RIGHT OVERRIDE"),
    ('\u{202E}', "RIGHT-TO-LEFT OVERRIDE"),
    ('\u{2060}', "WORD JOINER"),
    ('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    ('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    ('\u{2068}', "FIRST STRONG ISOLATE"),
    ('\u{2069}', "POP DIRECTIONAL ISOLATE"),
    ('\u{FEFF}', "ZERO WIDTH NO-BREAK SPACE"),
];

/// Whether `c` is one of the characters refused.
pub fn is_refused(c: char) -> bool {
    REFUSED.iter().any(|(r, _)| *r == c)
}

/// The first refused character of `text`, with its byte offset.
///
/// Every content text goes through this (a million at 10,000 pages), so it
/// looks only where one could be: each of them is three bytes in UTF-8
/// starting with 0xE2 or 0xEF, which memchr finds with vector
/// instructions; the bytes after each such lead byte decide.
pub fn find(text: &str) -> Option<(usize, char)> {
    let b = text.as_bytes();
    memchr::memchr2_iter(0xE2, 0xEF, b).find_map(|at| {
        let refused = matches!(
            b.get(at..at + 3)?,
            [0xE2, 0x80, 0x8B | 0xAA..=0xAE]
                | [0xE2, 0x81, 0xA0 | 0xA6..=0xA9]
                | [0xEF, 0xBB, 0xBF]
        );
        refused.then(|| (at, text[at..].chars().next().unwrap_or_default()))
    })
}

/// How a refused character is named in messages: `U+202E (RIGHT-TO-LEFT
/// OVERRIDE)`.
pub fn name(c: char) -> String {
    match REFUSED.iter().find(|(r, _)| *r == c) {
        Some((_, name)) => format!("U+{:04X} ({name})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// The problem of a text holding one, with what to do.
pub fn problem(text: &str) -> Option<(String, &'static str)> {
    find(text).map(|(_, c)| {
        (
            format!("invisible character {} in the text", name(c)),
            "remove it: bidirectional controls and zero-width spaces change what the text shows without being seen",
        )
    })
}

/// The problem of a text whose entities (`&#7;`, `&#x202E;`,
/// `&ZeroWidthSpace;`) stand for a control character or a refused one: the
/// Markdown parser decodes them, and the page would hold the character
/// itself. The text is rendered as the page renders it and the HTML
/// looked through; only texts with an `&` need it.
pub fn entity_problem(text: &str) -> Option<(String, &'static str)> {
    use pulldown_cmark::{html, Parser};
    if !text.contains('&') {
        return None;
    }
    let mut page = String::new();
    html::push_html(
        &mut page,
        Parser::new_ext(text, crate::render::markdown::OPTIONS),
    );
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r');
    let c = page.chars().find(|&c| control(c) || is_refused(c))?;
    let what = if control(c) {
        "control character"
    } else {
        "invisible character"
    };
    Some((
        format!("{what} {} in the text, written as an entity", name(c)),
        "remove the entity: a page may hold no control character, bidirectional control or zero-width space",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exactly the characters of the list are found, wherever they are;
    /// every other character of U+0000–U+FFFF and beyond is let through.
    #[test]
    fn finds_exactly_the_refused() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let refused = is_refused(c);
            let text = format!("ab{c}字");
            assert_eq!(find(&text), refused.then_some((2, c)), "U+{:04X}", c as u32);
        }
        assert_eq!(find("“Panda Bonds”，熊猫债。"), None);
        assert_eq!(find("\u{feff}"), Some((0, '\u{feff}')));
        assert_eq!(find("a\u{200c}b\u{200d}c\u{200e}\u{200f}\u{61c}"), None);
        assert_eq!(name('\u{202e}'), "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        let (message, _) = problem("pay \u{202e}001").unwrap();
        assert_eq!(
            message,
            "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) in the text"
        );
    }

    /// Entities are read as the page will have them.
    #[test]
    fn entities_are_decoded() {
        for (text, what) in [
            (
                "pay &#x202E;001",
                "invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)",
            ),
            (
                "a&ZeroWidthSpace;b",
                "invisible character U+200B (ZERO WIDTH SPACE)",
            ),
            ("a &#7; b", "control character U+0007"),
            (
                "[a](https://x.org \"&#27;[2J\")",
                "control character U+001B",
            ),
            ("a &#x85; b", "control character U+0085"),
        ] {
            let (message, _) = entity_problem(text).unwrap();
            assert_eq!(message, format!("{what} in the text, written as an entity"));
        }
        for fine in [
            "R&amp;D &lt;b&gt;",
            "a &zwnj; b &rlm;",
            "`&#7;` in code",
            "a & b",
        ] {
            assert_eq!(entity_problem(fine), None, "{fine}");
        }
    }
}
