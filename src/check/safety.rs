//! What content text may hold, and the limits on its size: raw HTML,
//! unsafe link targets, control characters and invisible ones
//! (`super::invisible`) are refused, so that nothing a content file says
//! can inject markup or script into a page, or hide what it says.

/// Longest text of one field (heading, text, note …), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Most nodes in one document.
pub const MAX_NODES: usize = 100_000;
/// Deepest nesting of nodes (segments of a node id).
pub const MAX_DEPTH: usize = 12;

/// Link targets allowed in content: the web, mail, and in-site references
/// (relative paths and fragments).
pub fn safe_url(url: &str) -> bool {
    let lower: String = url
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Why a link's target may not be in content, if it may not: another
/// scheme than http, https and mailto, or a `//host` address (which
/// resolves against the page's scheme, and from disk to `file://`).
fn link_problem(url: &str) -> Option<&'static str> {
    if !safe_url(url) {
        Some("links may go to http, https, mailto or pages of this site only")
    } else if url.trim_start().starts_with("//") {
        Some("write the full address, with https://")
    } else {
        None
    }
}

/// Why an image's source may not be in content, if it may not: nothing of
/// a page is loaded from another host, so images are the site's own files.
fn image_problem(url: &str) -> Option<&'static str> {
    let url = url.trim_start();
    let scheme = url
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains(['/', '?', '#']));
    (scheme || url.starts_with("//"))
        .then_some("an image must be a file of this site (put it in static/ and give its path): nothing is loaded from another host")
}

/// The first problem of a Markdown page or a briefing's text (which may
/// hold code spans, so it is read as Markdown): raw HTML, a link or an
/// image that may not be there, a control character. What the page shows
/// is what pulldown-cmark reads, so the check reads the same events.
pub fn markdown_problem(text: &str) -> Option<(String, &'static str)> {
    use pulldown_cmark::{Event, Parser};
    if let Some(problem) = super::invisible::problem(text) {
        return Some(problem);
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Some((
            format!("control character U+{:04X} in the text", c as u32),
            "remove it: only printable text, tabs and line breaks are allowed",
        ));
    }
    if let Some(problem) = super::invisible::entity_problem(text) {
        return Some(problem);
    }
    for event in Parser::new_ext(text, crate::render::markdown::OPTIONS) {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            let tag: String = html.chars().take(24).take_while(|c| *c != '>').collect();
            return Some((
                format!("raw HTML `{}` in the text", tag.trim()),
                "write Markdown, not HTML: `<` as `&lt;` if it is meant as text",
            ));
        }
    }
    links_problem(text)
}

/// The first link or image of `text` that may not be there, as the page
/// will have it (pulldown-cmark reads the destinations, entities decoded).
fn links_problem(text: &str) -> Option<(String, &'static str)> {
    use pulldown_cmark::{Event, Parser, Tag};
    if !text.contains(']') {
        return None;
    }
    // A reference definition (`[x]: url`) is refused too, used or not.
    for line in text.lines() {
        if let Some((_, url)) = line
            .trim_start()
            .strip_prefix('[')
            .and_then(|l| l.split_once("]:"))
        {
            if let Some(help) = link_problem(url) {
                return Some((format!("link to `{}`", url.trim()), help));
            }
        }
    }
    for event in Parser::new_ext(text, crate::render::markdown::OPTIONS) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(help) = link_problem(&dest_url) {
                    return Some((format!("link to `{dest_url}`"), help));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(help) = image_problem(&dest_url) {
                    return Some((format!("image from `{dest_url}`"), help));
                }
            }
            _ => {}
        }
    }
    None
}

/// The first problem of a content text, with what to do about it.
pub fn text_problem(text: &str) -> Option<(String, &'static str)> {
    if let Some(problem) = super::invisible::problem(text) {
        return Some(problem);
    }
    if text.len() <= MAX_TEXT_CHARS && plain(text.as_bytes()) {
        return None;
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Some((
            format!("text of {chars} characters, over the limit of {MAX_TEXT_CHARS}"),
            "split it into several nodes",
        ));
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && *c != '\n' && *c != '\t')
    {
        return Some((
            format!("control character U+{:04X} in the text", c as u32),
            "remove it: only printable text, tabs and line breaks are allowed",
        ));
    }
    if let Some(problem) = super::invisible::entity_problem(text) {
        return Some(problem);
    }
    let b = text.as_bytes();
    for (i, _) in text.match_indices('<') {
        if b.get(i + 1)
            .is_some_and(|&n| n.is_ascii_alphabetic() || n == b'/' || n == b'!' || n == b'?')
        {
            let tag: String = text[i..]
                .chars()
                .take(24)
                .take_while(|c| *c != '>')
                .collect();
            return Some((
                format!("raw HTML `{tag}` in the text"),
                "content is Markdown without HTML: write `<` as `&lt;` if it is meant as text",
            ));
        }
    }
    // Links and images as the page will have them: read by pulldown-cmark,
    // which decodes entities (`&#106;avascript:`) and is linear in the text.
    links_problem(text)
}

/// Whether `text` has none of the bytes that every problem above needs: a
/// control character (below 0x20 but tab and line feed, 0x7f, and the
/// first byte 0xc2 of U+0080–U+009F), `<`, the `]` of a link, or the `&`
/// of an entity. Most texts have none, and are then checked in one fast
/// pass (invisible characters have one of their own).
fn plain(text: &[u8]) -> bool {
    // One pass of comparisons without branches, which the compiler turns
    // into vector instructions (a million texts, 160 MB at 10,000 pages).
    let special = text.iter().fold(false, |found, &c| {
        found
            | ((c < 0x20) & (c != b'\t') & (c != b'\n'))
            | (c == 0x7f)
            | (c == 0xc2)
            | (c == b'<')
            | (c == b']')
            | (c == b'&')
    });
    !special
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast pass flags exactly the bytes it names, wherever they are.
    #[test]
    fn plain_flags_each_special_byte() {
        for b in 0..=255u8 {
            let special = matches!(b, 0..=0x08 | 0x0b..=0x1f | 0x7f | 0xc2 | b'<' | b']' | b'&');
            for at in [0, 7, 8, 31, 32, 100] {
                let mut text = vec![b'a'; 101];
                text[at] = b;
                assert_eq!(plain(&text), !special, "byte {b:#04x} at {at}");
            }
        }
    }

    #[test]
    fn unsafe_text_is_named() {
        assert!(text_problem("Support R&D, 1 < 2 and “Panda Bonds”.").is_none());
        assert!(text_problem("[site](https://example.org) and [cite](../a.html#k)").is_none());
        for bad in [
            "<script>alert(1)</script>",
            "x <img src=x onerror=alert(1)>",
            "</p>",
            "<!-- c -->",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x]( data:text/html,hi)",
            "[x]: javascript:alert(1)",
            "a\u{7}b",
        ] {
            assert!(text_problem(bad).is_some(), "{bad}");
        }
        assert!(text_problem(&"字".repeat(MAX_TEXT_CHARS + 1)).is_some());
        assert!(text_problem(&format!("{}\u{85}", "a".repeat(20))).is_some());
        assert!(plain(
            "Line\n\tand 字 “q” [x] (y)".replace(']', ")").as_bytes()
        ));
        for c in [
            '\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '<', ']', '&',
        ] {
            for at in 0..17 {
                let text = format!("{}{c}{}", "b".repeat(at), "é".repeat(5));
                assert!(!plain(text.as_bytes()), "{text:?}");
            }
        }
        assert!(!safe_url("java\nscript:alert(1)") && safe_url("mailto:a@b.org") && safe_url("#k"));
    }
}
