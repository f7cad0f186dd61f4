//! HTML left in a source: comments (never published, each reported with
//! its lines), tags (removed, their text kept) and character entities
//! (`&amp;` → `&`). Inline code (`` `…` ``) is text and is left alone.
//!
//! Written here rather than with an HTML parser: the importer reads line by
//! line and must say which source line each removal came from, and a
//! parser (html5ever, lol_html) would read the whole source as HTML,
//! re-flowing Markdown and plain text. The entity table is pulldown-cmark's
//! (the full HTML5 list, as CommonMark decodes it).

use std::ops::Range;

use super::fullwidth::chinese;
use super::report::Report;

/// The source's lines with HTML comments taken out; each comment is
/// reported as dropped, naming its lines. A line that held only a comment
/// comes back blank (and is accounted for by that report). An `<!--` that
/// is never closed is not taken as a comment: it stays, with a warning.
pub fn without_comments(text: &str, report: &mut Report) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    // The comment being read: its first line, where it starts in that
    // line, and its text so far.
    let mut open: Option<(usize, usize, String)> = None;
    for (i, line) in lines.iter().enumerate() {
        let mut kept = String::new();
        let mut at = 0;
        loop {
            let rest = &line[at..];
            match open.as_mut() {
                Some((first, _, comment)) => match rest.find("-->") {
                    Some(end) => {
                        comment.push_str(&rest[..end + 3]);
                        let reason = "HTML comment, not published";
                        report.drop_lines(*first, i + 1, reason, comment);
                        at += end + 3;
                        // `a <!-- x --> b` leaves `a b`, not `a  b`.
                        if kept.is_empty() || kept.ends_with(char::is_whitespace) {
                            at = line.len() - line[at..].trim_start().len();
                        }
                        open = None;
                    }
                    None => {
                        comment.push_str(rest);
                        comment.push('\n');
                        break;
                    }
                },
                None => match comment_start(rest) {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        open = Some((i + 1, at + start, "<!--".to_string()));
                        at += start + 4;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                },
            }
        }
        out[i] = kept;
    }
    if let Some((first, start, _)) = open {
        report.warn(
            first,
            "`<!--` with no `-->` after it: not taken as a comment, kept as text",
        );
        out[first - 1].push_str(&lines[first - 1][start..]);
        for (o, l) in out.iter_mut().zip(&lines).skip(first) {
            *o = l.to_string();
        }
    }
    out
}

/// Where an HTML comment starts in `line`, outside inline code.
fn comment_start(line: &str) -> Option<usize> {
    let code = code_spans(line);
    line.match_indices("<!--")
        .map(|(i, _)| i)
        .find(|i| !code.iter().any(|r| r.contains(i)))
}

/// The byte ranges of inline code spans (`` `…` ``, ``` ``…`` ```) of a line.
pub fn code_spans(line: &str) -> Vec<Range<usize>> {
    let b = line.as_bytes();
    let run = |i: usize| b[i..].iter().take_while(|&&c| c == b'`').count();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let n = run(i);
        let close = (i + n..b.len()).find(|&j| b[j] == b'`' && b[j - 1] != b'`' && run(j) == n);
        match close {
            Some(j) => {
                spans.push(i..j + n);
                i = j + n;
            }
            None => i += n,
        }
    }
    spans
}

/// A line with its HTML tags (`<br>`, `<span class="x">`, `</div>`) removed,
/// their text kept, and the tags removed. A `<` that does not open a tag
/// (`a < b`, `<2025>`), one escaped with a backslash, and tags in inline
/// code are text.
pub fn strip_tags(line: &str) -> (String, Vec<String>) {
    let code = code_spans(line);
    let mut out = String::with_capacity(line.len());
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(lt) = line[i..].find('<').map(|p| i + p) {
        let escaped = lt > 0 && line.as_bytes()[lt - 1] == b'\\';
        match tag_len(&line[lt..]).filter(|_| !escaped && !code.iter().any(|r| r.contains(&lt))) {
            Some(len) => {
                out.push_str(&line[i..lt]);
                let tag = &line[lt..lt + len];
                // A line break or a block between two words parts them
                // (`million<br>in`), except between two Chinese characters.
                let before = out.chars().next_back();
                let after = line[lt + len..].chars().next();
                if let (Some(b), Some(a)) = (before, after) {
                    let parts =
                        !(b.is_whitespace() || a.is_whitespace() || (chinese(b) && chinese(a)));
                    if parts && breaks(tag) {
                        out.push(' ');
                    }
                }
                tags.push(tag.to_string());
                i = lt + len;
            }
            None => {
                out.push_str(&line[i..=lt]);
                i = lt + 1;
            }
        }
    }
    out.push_str(&line[i..]);
    (out, tags)
}

/// Whether a tag breaks the line or starts or ends a block.
fn breaks(tag: &str) -> bool {
    const BLOCKS: [&str; 24] = [
        "br",
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "table",
        "hr",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dd",
        "dt",
    ];
    let name: String = tag
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    BLOCKS.contains(&name.to_ascii_lowercase().as_str())
}

/// The length of the HTML start or end tag at the start of `s`, if one is
/// there: `<name attr="v" …>`, `<name/>`, `</name>`.
fn tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 1 + usize::from(b.get(1) == Some(&b'/'));
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        i += 1;
    }
    let mut quote = None;
    let mut attrs = false;
    while let Some(&c) = b.get(i) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'>') => return Some(i + 1),
            (None, b'"' | b'\'') if attrs => quote = Some(c),
            (None, b' ' | b'\t') => attrs = true,
            (None, b'/') if b.get(i + 1) == Some(&b'>') => {}
            (None, b'<') => return None,
            (None, _) if !attrs => return None,
            (None, _) => {}
        }
        i += 1;
    }
    None
}

/// A line with its HTML character entities decoded, and each decoded one
/// (`&amp; → &`). An entity whose character is ASCII punctuation other than
/// `&`, `"` and `'` (`&lt;`, `&ast;`, `&#91;`), or a control character,
/// stays as written: content text is Markdown, where the entity already
/// reads as that character and the bare one could be markup (`<` is
/// refused as HTML by `check`). So does an `&amp;` that would make a new
/// entity of the text after it.
pub fn decode_entities(line: &str) -> (String, Vec<String>) {
    let code = code_spans(line);
    let mut out = String::with_capacity(line.len());
    let mut decoded = Vec::new();
    let mut i = 0;
    while let Some(amp) = line[i..].find('&').map(|p| i + p) {
        out.push_str(&line[i..amp]);
        let len = entity_len(&line[amp..]);
        let entity = &line[amp..amp + len.unwrap_or(1)];
        let c = len
            .filter(|_| !code.iter().any(|r| r.contains(&amp)))
            .and_then(|_| entity_char(entity));
        let safe = c.is_some_and(|c| {
            let markup = c.is_ascii_punctuation() && !matches!(c, '&' | '"' | '\'');
            let after: String = line[amp + len.unwrap_or(0)..].chars().take(34).collect();
            let new_entity = c == '&' && entity_len(&format!("&{after}")).is_some();
            !markup && !c.is_control() && c != '\u{fffd}' && !new_entity
        });
        match c.filter(|_| safe) {
            Some(c) => {
                out.push(c);
                if c.is_whitespace() || c.is_control() {
                    decoded.push(format!("{entity} → U+{:04X}", c as u32));
                } else {
                    decoded.push(format!("{entity} → {c}"));
                }
            }
            None => out.push_str(entity),
        }
        i = amp + entity.len();
    }
    out.push_str(&line[i..]);
    (out, decoded)
}

/// The length of `&name;`, `&#123;` or `&#x1F;` at the start of `s`.
fn entity_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    let body = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    let ok = body > 0
        && b.get(1 + body) == Some(&b';')
        && (b[1].is_ascii_alphabetic() || (b[1] == b'#' && body > 1));
    ok.then_some(body + 2)
}

/// The character an entity stands for, as CommonMark reads it.
fn entity_char(entity: &str) -> Option<char> {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(entity) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::Start(_) | Event::End(_) => {}
            _ => return None,
        }
    }
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_on_one_line_and_across_lines() {
        let text = "a <!-- one --> b\n<!-- two\nstill two\n-->\nc <!-- x --> d <!-- y --> e\n`<!-- code -->`\n";
        let mut report = Report::new("t.md", "md", text);
        let lines = without_comments(text, &mut report);
        assert_eq!(lines, ["a b", "", "", "", "c d e", "`<!-- code -->`"]);
        let entries: Vec<(usize, &str)> = report
            .entries
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(
            entries,
            [
                (1, "HTML comment, not published (line 1): «<!-- one -->»"),
                (
                    2,
                    "HTML comment, not published (lines 2–4): «<!-- two still two -->»"
                ),
                (5, "HTML comment, not published (line 5): «<!-- x -->»"),
                (5, "HTML comment, not published (line 5): «<!-- y -->»"),
            ]
        );
    }

    #[test]
    fn an_unclosed_comment_is_kept_as_text() {
        let text = "a <!-- x --> b <!-- never\nclosed";
        let mut report = Report::new("t.md", "md", text);
        assert_eq!(
            without_comments(text, &mut report),
            ["a b <!-- never", "closed"]
        );
        assert!(report.entries[1]
            .message
            .starts_with("`<!--` with no `-->`"));
    }

    #[test]
    fn tags_removed_text_kept() {
        let (t, tags) = strip_tags(r#"<p>双方<span class="a>b">同意</span><br/>合作</p>"#);
        assert_eq!(t, "双方同意合作");
        assert_eq!(strip_tags("million<br>in <b>2024</b>").0, "million in 2024");
        assert_eq!(
            tags,
            ["<p>", r#"<span class="a>b">"#, "</span>", "<br/>", "</p>"]
        );
        for text in [
            "a < b > c",
            "<2025>",
            r"\<br>",
            "`<br>`",
            "x<y",
            "<https://a.org>",
        ] {
            assert_eq!(strip_tags(text), (text.to_string(), vec![]), "{text}");
        }
    }

    #[test]
    fn entities_decoded_unless_they_are_markup() {
        let (t, d) = decode_entities("AT&amp;T, caf&eacute;&nbsp;&#8220;x&#x201D;");
        assert_eq!(t, "AT&T, café\u{a0}“x”");
        assert_eq!(
            d,
            [
                "&amp; → &",
                "&eacute; → é",
                "&nbsp; → U+00A0",
                "&#8220; → “",
                "&#x201D; → ”"
            ]
        );
        for kept in [
            "&lt;br&gt;",
            "&ast;",
            "&#0;",
            "&amp;copy;",
            "&nosuch;",
            "a & b",
            "`&amp;`",
        ] {
            assert_eq!(decode_entities(kept).0, kept, "{kept}");
        }
    }
}
