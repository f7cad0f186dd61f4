//! Markdown as HTML (the pages of `content/pages/`, briefing introductions
//! and comments), rendered with pulldown-cmark; code
//! blocks highlighted by syntect with CSS classes and one stylesheet.

use std::sync::OnceLock;

use pulldown_cmark::{html, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The Markdown the site reads: CommonMark with tables, strike-through and
/// footnotes (what `check` reads too: crate::check::safety).
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_FOOTNOTES);
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::text::safe_url;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Loads the syntaxes for highlighting now (from another thread while the
/// content is read), not when the first code block needs them.
pub fn warm_up() {
    syntaxes();
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// A code block with a line longer than this is not highlighted.
pub const MAX_HIGHLIGHTED_LINE: usize = 512;
/// Nor the code blocks of one Markdown text past this many bytes in all.
pub const MAX_HIGHLIGHTED_TEXT: usize = 8 * 1024;

// Why the two limits: syntect's time need not be linear in the code. With
// fancy-regex (used before Oniguruma), a pattern that refers to what an
// earlier one captured (a Perl `s/…/` or a here-document's end marker) was
// compiled again at each search on the line: one line of `s/aaa…` took
// 1.9 s at 4 KB and 25.7 s at 16 KB. Oniguruma handles such references
// itself (fifteen 500-byte lines of it: under 30 ms, the whole build), but
// the limits stay, a bound whatever a syntax's patterns do; past them the
// code is published as plain escaped text, complete, without an error:
// highlighting is an ornament, and a long code block is not a mistake to
// refuse.

/// Escaped, not highlighted (focusable, as a highlighted block: it may
/// scroll).
fn plain(code: &str) -> String {
    format!("<pre tabindex=\"0\"><code>{}</code></pre>", escape(code))
}

/// Highlights `code` in language `lang`, or escapes it when the language is
/// unknown or a line is longer than [`MAX_HIGHLIGHTED_LINE`].
pub fn highlight(code: &str, lang: &str) -> String {
    let set = syntaxes();
    let Some(syntax) = set.find_syntax_by_token(lang) else {
        return plain(code);
    };
    if code
        .split('\n')
        .any(|line| line.len() > MAX_HIGHLIGHTED_LINE)
    {
        return plain(code);
    }
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return plain(code);
        }
    }
    format!(
        "<pre class=\"hl\" tabindex=\"0\"><code class=\"language-{}\">{}</code></pre>",
        escape(lang),
        generator.finalize()
    )
}

use super::escape::html as escape;

/// Markdown to HTML: raw HTML shown as text, unsafe links reduced to
/// their text, code blocks highlighted up to [`MAX_HIGHLIGHTED_TEXT`].
pub fn to_html(md: &str) -> String {
    let opts = OPTIONS;
    let mut events = Vec::new();
    let mut highlighted = 0;
    let mut code: Option<(String, String)> = None;
    let mut dropped = Vec::new();
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, buf)) = code.as_mut() {
                    buf.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, buf)) = code.take() {
                    highlighted += buf.len();
                    let html = if highlighted > MAX_HIGHLIGHTED_TEXT {
                        plain(&buf)
                    } else {
                        highlight(&buf, &lang)
                    };
                    events.push(Event::Html(html.into()));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Text(h)),
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let bad = !safe_url(dest_url);
                dropped.push(bad);
                if !bad {
                    events.push(ev);
                }
            }
            Event::End(TagEnd::Link) => {
                if !dropped.pop().unwrap_or(false) {
                    events.push(ev);
                }
            }
            other => events.push(other),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_highlighted_with_classes() {
        let html = to_html("```toml\nid = \"x\"\n```\n");
        assert!(
            html.contains("<pre class=\"hl\" tabindex=\"0\"><code class=\"language-toml\">"),
            "{html}"
        );
        assert!(html.contains("<span class=\"hl-"), "{html}");
    }

    /// Past the limits the code is all there, escaped, without highlighting.
    #[test]
    fn long_code_is_plain() {
        let long = format!("s/{}<", "a".repeat(MAX_HIGHLIGHTED_LINE));
        let html = to_html(&format!("```perl\nmy $x;\n{long}\n```\n"));
        let escaped = format!("{}&lt;", &long[..long.len() - 1]);
        let want = format!("<pre tabindex=\"0\"><code>my $x;\n{escaped}\n</code></pre>");
        assert_eq!(html, want);
        let fits = format!("x = \"{}\"", "a".repeat(MAX_HIGHLIGHTED_LINE - 6));
        assert!(to_html(&format!("```toml\n{fits}\n```\n")).contains("class=\"hl\""));
        // Blocks are highlighted until the text's budget is spent.
        // Each block is two thirds of the budget: the first is highlighted.
        let code = "id = \"x\"\n".repeat(MAX_HIGHLIGHTED_TEXT / 9 * 2 / 3);
        let html = to_html(&format!("```toml\n{code}```\n\n").repeat(3));
        let highlighted = "<pre class=\"hl\" tabindex=\"0\">";
        assert_eq!(html.matches(highlighted).count(), 1, "{html}");
        let escaped = format!("<pre tabindex=\"0\"><code>{}</code></pre>", escape(&code));
        assert_eq!(html.matches(&escaped).count(), 2);
    }

    #[test]
    fn raw_html_is_text() {
        assert_eq!(
            to_html("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
    }
}
