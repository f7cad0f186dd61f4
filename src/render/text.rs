//! Text of the content as HTML: inline Markdown with raw HTML escaped and
//! only safe link targets; plain text for citations and snippets.

use pulldown_cmark::{html, Event, Parser, Tag, TagEnd};

use crate::model::{Document, Node, NodeKind};

pub use crate::check::safety::safe_url;

/// Keeps a text that starts like a Markdown block (`2. …`, `- …`, `# …`)
/// an inline run of text.
fn keep_inline(md: &str) -> String {
    let t = md.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &t[..digits], &t[digits..]);
    }
    let list_or_heading =
        t.starts_with(['#', '-', '+', '*']) && t[1..].starts_with([' ', '\t', '#', '-', '*']);
    let fence = t.starts_with("```") || t.starts_with("~~~");
    if list_or_heading || fence || t.starts_with('>') || t == "#" {
        return format!("\\{t}");
    }
    t.to_string()
}

/// Inline Markdown to HTML in a block of language `lang`: as [`inline`],
/// with runs of Chinese characters inside text of another language marked
/// `lang="{zh}"`, so that they are read and rendered as Chinese.
pub fn inline_in(md: &str, lang: &str, zh: Option<&str>) -> String {
    let html = inline(md);
    match zh {
        Some(zh)
            if !lang.starts_with("zh")
                && !html.is_ascii()
                && html.chars().any(crate::import::clean::is_cjk) =>
        {
            mark_han(&html, zh)
        }
        _ => html,
    }
}

/// Wraps runs of Han characters (and the full-width punctuation within
/// them) of an HTML fragment's text in `<span lang>`; tags are left alone.
pub fn mark_han(html: &str, zh: &str) -> String {
    let han = |c: char| {
        crate::import::clean::is_cjk(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let mut out = String::with_capacity(html.len() + 32);
    let (mut in_tag, mut in_run) = (false, false);
    for c in html.chars() {
        if !in_tag && han(c) != in_run {
            out.push_str(if in_run { "</span>" } else { "<span lang=\"" });
            if !in_run {
                out.push_str(zh);
                out.push_str("\">");
            }
            in_run = !in_run;
        }
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        out.push(c);
    }
    if in_run {
        out.push_str("</span>");
    }
    out
}

/// The text itself when it has no Markdown in it: no character the parser
/// would act on and no start like a block (most clauses). Then its HTML and
/// its plain text are the text itself, and the parser can be skipped.
fn literal(md: &str) -> Option<&str> {
    let t = md.trim();
    let starts_block =
        t.starts_with(['-', '+', '=']) || t.bytes().next().is_some_and(|b| b.is_ascii_digit());
    let markup = t.bytes().any(|b| MARKUP[usize::from(b)]);
    (!starts_block && !markup).then_some(t)
}

/// The bytes the Markdown parser may act on, as a table (a test in a loop
/// over every clause: a table lookup per byte).
static MARKUP: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\\*_`[]<>&!~#|\n\r$^{}";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Inline Markdown to HTML: no paragraphs, raw HTML shown as text, unsafe
/// links reduced to their text.
pub fn inline(md: &str) -> String {
    match literal(md) {
        Some(t) => t.to_string(),
        None => inline_parsed(md),
    }
}

fn inline_parsed(md: &str) -> String {
    let source = keep_inline(md);
    let mut dropped_links = Vec::new();
    let events = Parser::new(&source).filter_map(|ev| match ev {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::SoftBreak | Event::HardBreak => Some(Event::Text(" ".into())),
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let unsafe_link = !safe_url(dest_url);
            dropped_links.push(unsafe_link);
            (!unsafe_link).then_some(ev)
        }
        Event::End(TagEnd::Link) => (!dropped_links.pop().unwrap_or(false)).then_some(ev),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out.trim_end().to_string()
}

/// The text of inline Markdown without markup.
pub fn plain(md: &str) -> String {
    match literal(md) {
        Some(t) => t.to_string(),
        None => plain_parsed(md),
    }
}

fn plain_parsed(md: &str) -> String {
    let source = keep_inline(md);
    let mut out = String::new();
    for ev in Parser::new(&source) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The first `n` characters of a text, with `…` if cut.
pub fn snippet(text: &str, n: usize) -> String {
    let mut t = plain(text);
    if let Some((end, _)) = t.char_indices().nth(n) {
        t.truncate(end);
        t.push('…');
    }
    t
}

/// What names a node without a heading, `text` as plain text: its first
/// sentence (ending with `.`, `!`, `?` and a space, or with `。！？`), or
/// when that is longer than `max` characters, as many whole words as fit
/// (a Chinese run is cut after a punctuation mark if one is near, else
/// between two characters), then `…`. Never cut inside a word.
pub fn lead(text: &str, max: usize) -> String {
    let t = plain(text);
    let t = t.trim();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    // The end of the first sentence; in a Latin script, 12 characters in
    // at least (not `e.g.`).
    let sentence = chars.iter().enumerate().find_map(|(k, &(i, c))| {
        let end = i + c.len_utf8();
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => k >= 12 && next.is_none_or(char::is_whitespace),
            _ => false,
        };
        ends.then_some((k + 1, end))
    });
    let (count, end) = sentence.unwrap_or((chars.len(), t.len()));
    if count <= max {
        return t[..end].to_string();
    }
    // Too long: in Chinese, after the last punctuation mark in the second
    // half, else between two characters; else at the last space.
    let limit = chars[max].0;
    let han = is_han(chars[max].1) || is_han(chars[max - 1].1);
    let cut = if han {
        let mark = chars[max / 2..=max]
            .iter()
            .rev()
            .find_map(|&(i, c)| matches!(c, '，' | '、' | '；' | '：').then_some(i + c.len_utf8()));
        Some(mark.unwrap_or(limit))
    } else {
        chars[1..=max]
            .iter()
            .rev()
            .find_map(|&(i, c)| c.is_whitespace().then_some(i))
    };
    let head = match cut {
        Some(i) => &t[..i],
        // One long word (a URL): up to its end, whole.
        None => t[limit..]
            .find(char::is_whitespace)
            .map_or(t, |j| &t[..limit + j]),
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:，、；：".contains(c));
    if head.len() == t.len() {
        return t.to_string();
    }
    match head.chars().next_back() {
        Some(c) if is_han(c) => format!("{head}…"),
        _ => format!("{head} …"),
    }
}

/// A Chinese character or punctuation mark: a text may be cut beside it.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The number of a node as cited, from its ancestors' labels: `II.4`,
/// `Article 2.3.3`, `第二条 三、（三）`. A missing label falls back to the
/// number in the node's id.
pub fn cite_label(doc: &Document, index: usize, lang: &str) -> String {
    // Made for every cell and every cross-link: the parts are kept in
    // arrays on the stack, not in vectors; validation refuses nodes nested
    // deeper than `MAX_DEPTH`.
    const MAX: usize = crate::check::safety::MAX_DEPTH + 1;
    let mut parts: [Option<Part>; MAX] = [const { None }; MAX];
    let mut n = 0;
    let mut at = Some(index);
    while let Some(i) = at {
        if n == MAX {
            break;
        }
        if let Some(p) = label_of(&doc.nodes[i], lang) {
            parts[n] = Some(p);
            n += 1;
        }
        at = doc.nodes[i].parent;
    }
    let parts = parts[..n].iter().rev().flatten();
    let mut out = String::with_capacity(parts.clone().map(|p| p.text.len() + 1).sum());
    if lang.starts_with("zh") {
        for (k, p) in parts.enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(p.text);
        }
        return out;
    }
    // `II.` + `1.` + `1.3` is `II.1.3`: a decimal label repeats its parent's number.
    let mut kept: [(&str, bool); MAX] = [("", false); MAX];
    let mut k = 0;
    for p in parts {
        let text = p.text.trim_end_matches(['.', ':', ',']);
        let repeats = |last: &str| {
            text.strip_prefix(last)
                .is_some_and(|rest| rest.starts_with('.'))
        };
        if k > 0 && repeats(kept[k - 1].0) {
            k -= 1;
        }
        kept[k] = (text, p.named);
        k += 1;
    }
    let mut after_name = false;
    for &(text, named) in &kept[..k] {
        if !out.is_empty() && !text.starts_with('(') {
            // An unnumbered part (`annex 3`) is followed by a space, not a dot.
            out.push(if after_name { ' ' } else { '.' });
        }
        out.push_str(text);
        after_name = named;
    }
    out
}

/// One step of a citation: a number label, or the name of an unnumbered part.
struct Part<'a> {
    text: &'a str,
    named: bool,
}

fn label_of<'a>(node: &'a Node, lang: &str) -> Option<Part<'a>> {
    if let Some(l) = node.label.get(lang) {
        return Some(Part {
            text: l,
            named: false,
        });
    }
    if node.label.is_empty() {
        // The annex and the preface are cited by their heading.
        let named = matches!(node.kind, NodeKind::Annex | NodeKind::Preface);
        return named
            .then(|| {
                node.heading.get(lang).map(|h| Part {
                    text: h,
                    named: true,
                })
            })
            .flatten();
    }
    let last = node.id.rsplit("__").next()?;
    last.rsplit_once('_').map(|(_, n)| Part {
        text: n,
        named: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for text without Markdown gives what the parser gives.
    #[test]
    fn literal_text_is_what_the_parser_makes() {
        let samples = [
            "Plain text, with \"quotes\", 'apostrophes' and (brackets).",
            "  spaced  out\t tabbed  ",
            "中国—拉共体论坛：双方愿加强合作。",
            "双方将“深化”合作，共同推动（一）",
            "a+b = c - d; 50% / 3 @ x.org https://a.org/x?y=1",
            "Article 2.3: continues",
            "e.g. U.S.-China; A/RES/1540 (2004)",
            "\u{3000}全角空格\u{3000}",
            "",
        ];
        for s in samples {
            let t = literal(s).unwrap_or_else(|| panic!("{s:?} is literal"));
            assert_eq!(inline(s), inline_parsed(s), "{s:?}");
            assert_eq!(plain(s), plain_parsed(s), "{s:?}");
            assert_eq!(t, s.trim());
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let site = crate::check::load_site(&root).expect("the real content loads");
        let texts = site.documents.iter().flat_map(|d| &d.nodes).flat_map(|n| {
            let heading = n.heading.values();
            heading.chain(n.text.values()).chain(n.label.values())
        });
        let mut literal_texts = 0;
        for s in texts {
            assert_eq!(inline(s), inline_parsed(s), "{s:?}");
            assert_eq!(plain(s), plain_parsed(s), "{s:?}");
            literal_texts += usize::from(literal(s).is_some());
        }
        assert!(
            literal_texts > 500,
            "{literal_texts} texts take the shortcut"
        );
        for s in [
            "1. x", "- x", "+ x", "= x", "*x*", "a & b", "a\nb", "[a](b)", "<b>", "a_b",
        ] {
            assert!(literal(s).is_none(), "{s:?} goes through the parser");
        }
    }

    #[test]
    fn inline_markdown_is_safe() {
        assert_eq!(inline("R&D *now*"), "R&amp;D <em>now</em>");
        assert_eq!(inline("2. Starts like a list"), "2. Starts like a list");
        assert_eq!(inline("- not a bullet"), "- not a bullet");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            inline("[x](javascript:alert(1)) and [y](https://a.org)"),
            "x and <a href=\"https://a.org\">y</a>"
        );
        assert_eq!(plain("*a* `b`"), "a b");
        assert_eq!(
            inline_in("The Chinese reads 中加(勒比), *not* 加拿大.", "en", Some("zh-Hans")),
            "The Chinese reads <span lang=\"zh-Hans\">中加</span>(<span lang=\"zh-Hans\">勒比</span>), <em>not</em> <span lang=\"zh-Hans\">加拿大</span>."
        );
        assert_eq!(inline_in("中文", "zh-Hans", Some("zh-Hans")), "中文");
        assert!(
            safe_url("../x.html#k") && safe_url("mailto:a@b.org") && !safe_url("data:text/html,x")
        );
    }

    #[test]
    fn a_lead_is_a_first_sentence_or_whole_words() {
        assert_eq!(
            lead("The sea is shared. It is ours.", 160),
            "The sea is shared."
        );
        assert_eq!(
            lead("e.g. the sea is shared. More.", 160),
            "e.g. the sea is shared."
        );
        assert_eq!(
            lead("海洋是共同的财富。双方将共同保护。", 160),
            "海洋是共同的财富。"
        );
        assert_eq!(lead("No full stop here", 160), "No full stop here");
        assert_eq!(
            lead("Version 2.5 is out now. Yes.", 160),
            "Version 2.5 is out now."
        );
        let long = "Strengthen cooperation between the authorities of both sides in the fields of customs, quarantine and inspection";
        assert_eq!(lead(long, 40), "Strengthen cooperation between the …");
        assert_eq!(lead("Authorized Economic Operators", 12), "Authorized …");
        assert_eq!(
            lead(
                "双方将加强海关、检验检疫领域合作，推动贸易便利化和经认证的经营者互认安排",
                20
            ),
            "双方将加强海关、检验检疫领域合作…"
        );
        assert_eq!(
            lead("双方将加强海关检验检疫领域合作推动贸易便利化", 10),
            "双方将加强海关检验检…"
        );
        assert_eq!(
            lead("see https://example.org/a/very/long/path today", 10),
            "see …"
        );
    }
}
