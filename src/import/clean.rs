//! What is not the document: web residue, PDF and Markdown artifacts,
//! garbage lines; and the restoring of full-width Chinese punctuation.

pub use super::markup::{decode_entities, strip_tags};

/// True for a CJK ideograph.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// Why a line is web-page residue rather than part of the document.
pub fn web_residue(line: &str) -> Option<&'static str> {
    let t = line.trim();
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|x| x.strip_suffix([')', '）']))
        .unwrap_or("");
    if inner.starts_with("来源") || inner.starts_with("Source:") || inner.starts_with("Source：")
    {
        Some("source credit of the web page")
    } else if matches!(
        t.trim_end_matches([':', '：']),
        "Share" | "分享" | "Print" | "打印"
    ) {
        Some("web page button")
    } else if t.contains("公网安备") || t.contains("ICP备") {
        Some("web site registration notice")
    } else {
        None
    }
}

/// Why a line is suspected garbage: no letter, ideograph or digit at all
/// (`{\`, `----`), or a conversion artifact.
pub fn garbage(line: &str) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    if !t.chars().any(|c| c.is_alphanumeric()) {
        return Some("no words, only symbols");
    }
    None
}

/// A Markdown line with its markup removed, and what was removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Unmarked {
    pub text: String,
    pub heading: bool,
    /// The heading's level (`##` is 2); 0 if not a heading.
    pub level: u8,
    pub removed: Vec<String>,
}

/// Tags of strike-through and underline, which PDF conversion leaves.
const STRIKE: [&str; 4] = ["del", "s", "u", "ins"];

/// Removes the Markdown and PDF-conversion markup of one line: heading
/// marks, list bullets, bold and italic markers, HTML tags (the text inside
/// is kept: [`strip_tags`]), character entities (`&amp;` → `&`:
/// [`decode_entities`]), backslash escapes (`US\$` → `US$`).
pub fn unmark(line: &str) -> Unmarked {
    let mut removed = Vec::new();
    let mut t = line.trim();
    let hashes = t.len() - t.trim_start_matches('#').len();
    let heading = hashes > 0 && t[hashes..].starts_with([' ', '\t']);
    if heading {
        t = t[hashes..].trim_start();
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(bullet) {
            t = rest.trim_start();
            break;
        }
    }
    let mut text = t.to_string();
    if text.contains("**") || text.contains("__") {
        text = text.replace("**", "").replace("__", "");
        removed.push("bold markers".to_string());
    }
    let (untagged, tags) = strip_tags(&text);
    let name = |tag: &str| {
        tag.trim_start_matches(['<', '/'])
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let (strike, other): (Vec<&String>, Vec<&String>) = tags
        .iter()
        .partition(|t| STRIKE.contains(&name(t).as_str()));
    if !strike.is_empty() {
        removed.push("strike-through tags (their text kept)".to_string());
    }
    if !other.is_empty() {
        let list: Vec<String> = other.iter().map(|t| format!("`{t}`")).collect();
        removed.push(format!("HTML tags {} (their text kept)", list.join(" ")));
    }
    let (decoded, entities) = decode_entities(&untagged);
    if !entities.is_empty() {
        removed.push(format!("HTML entities decoded: {}", entities.join(", ")));
    }
    let mut out = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    let mut unescaped = false;
    while let Some(c) = chars.next() {
        if c == '\\'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_punctuation() && *n != '\\')
        {
            unescaped = true;
            continue;
        }
        out.push(c);
    }
    if unescaped {
        removed.push("backslash escapes".to_string());
    }
    Unmarked {
        text: out.trim().to_string(),
        heading,
        level: if heading { hashes.min(6) as u8 } else { 0 },
        removed,
    }
}

/// True when a backslash stands inside or around words (`\both parties\`):
/// the sign of quotation marks lost in conversion.
pub fn lost_quotes(text: &str) -> bool {
    let b: Vec<char> = text.chars().collect();
    b.windows(2)
        .any(|w| (w[0] == '\\' && w[1].is_alphabetic()) || (w[0].is_alphabetic() && w[1] == '\\'))
}

pub use super::dateline::dateline;
pub use super::fullwidth::restore_fullwidth;

/// Ends with punctuation that closes a sentence (or a list item).
pub fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '」', '』', ')', '）', '*']);
    t.ends_with(['.', '。', '!', '?', '！', '？', ';', '；', ':', '：'])
}

/// Joins a continuation line to the text before it: no space between two
/// Chinese parts, one space otherwise.
pub fn join(prev: &mut String, next: &str) {
    let cjk_seam = prev
        .chars()
        .last()
        .is_some_and(|c| is_cjk(c) || !c.is_ascii())
        && next
            .chars()
            .next()
            .is_some_and(|c| is_cjk(c) || !c.is_ascii());
    if !cjk_seam && !prev.is_empty() {
        prev.push(' ');
    }
    prev.push_str(next.trim());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residue() {
        assert!(web_residue("(来源:新华网)").is_some());
        assert!(web_residue("(Source: Xinhua)").is_some());
        assert!(web_residue("Share:").is_some());
        assert!(web_residue("京公网安备 11010802027341号----").is_some());
        assert!(web_residue("双方来源广泛").is_none());
        assert!(web_residue("Share the experience of poverty reduction.").is_none());
    }

    #[test]
    fn markdown_markup() {
        let u = unmark("- **3.4**China is willing to allocate US\\$2 million");
        assert_eq!(u.text, "3.4China is willing to allocate US$2 million");
        assert_eq!(u.removed, vec!["bold markers", "backslash escapes"]);
        let u = unmark("## I. Political and Security Cooperation");
        assert!(u.heading);
        assert_eq!(u.text, "I. Political and Security Cooperation");
        assert_eq!(
            unmark("and support<del>s</del> them").text,
            "and supports them"
        );
        assert!(!unmark("#hashtag").heading);
    }

    #[test]
    fn full_width() {
        assert_eq!(
            restore_fullwidth("平等互信,巩固(中拉)关系:一"),
            "平等互信，巩固（中拉）关系：一"
        );
        assert_eq!(restore_fullwidth("1,000人,10:30"), "1,000人，10:30");
        use unicode_normalization::UnicodeNormalization;
        let s = "中加(勒比)反腐败,合作;对吗?";
        assert_eq!(restore_fullwidth(s).nfkc().collect::<String>(), s);
    }

    #[test]
    fn garbage_and_quotes() {
        assert!(garbage("{\\").is_some());
        assert!(garbage("----").is_some());
        assert!(garbage("One, both").is_none());
        assert!(lost_quotes("agreed that \\both parties\\ will"));
        assert!(!lost_quotes("US$2"));
    }

    #[test]
    fn sentences_and_joins() {
        assert!(ends_sentence("safeguard peace."));
        assert!(ends_sentence("the so-called “Year”。"));
        assert!(!ends_sentence("participate actively"));
        let mut s = "participate actively".to_string();
        join(&mut s, "in negotiations");
        assert_eq!(s, "participate actively in negotiations");
        let mut z = "加强粮食安".to_string();
        join(&mut z, "全政策");
        assert_eq!(z, "加强粮食安全政策");
    }
}
