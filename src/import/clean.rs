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

pub use super::fullwidth::restore_fullwidth;

/// Ends with punctuation that closes a sentence (or a list item).
pub fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '」', '』', ')', '）', '*']);
    t.ends_with(['.', '。', '!', '?', '！', '？', ';', '；', ':', '：'])
}

/// True for a dateline, a line that is only a date and a place:
/// `2025年5月13日于北京`, `北京，2025年5月13日`, `Beijing, 13 May 2025`,
/// `May 13, 2025`, `Done at New York, 26 June 1945`. It ends no sentence
/// but is never the start or the end of a broken one.
pub fn dateline(line: &str) -> bool {
    zh_dateline(line.trim()) || en_dateline(line.trim())
}

/// `Y年M月D日` with at most a short place around it (`于北京`, `北京，`).
fn zh_dateline(t: &str) -> bool {
    let num = |s: &str, max: usize| {
        let n = s
            .chars()
            .take_while(|c| c.is_numeric() || "〇零一二三四五六七八九十".contains(*c))
            .count();
        (n > 0 && n <= max).then(|| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i))
    };
    let place = |s: &str| {
        let s = s.trim_matches([' ', '\u{3000}', ',', '，']);
        let s = s.strip_prefix(['于', '在']).unwrap_or(s);
        s.chars().count() <= 10 && s.chars().all(is_cjk)
    };
    t.char_indices().any(|(i, _)| {
        let Some(y) = num(&t[i..], 4) else {
            return false;
        };
        let rest = &t[i + y..];
        let Some(rest) = rest.strip_prefix('年') else {
            return false;
        };
        let Some(m) = num(rest, 2) else { return false };
        let Some(rest) = rest[m..].strip_prefix('月') else {
            return false;
        };
        let Some(d) = num(rest, 3) else { return false };
        let Some(after) = rest[d..].strip_prefix(['日', '号']) else {
            return false;
        };
        y >= 4 && place(&t[..i]) && place(after)
    })
}

/// `D Month YYYY` or `Month D, YYYY` at the start or the end of the line,
/// the rest a short place in capitalised words (`Done at New York`).
fn en_dateline(t: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<&str> = t
        .trim_end_matches('.')
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .collect();
    let month = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        w.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(w.as_str()))
    };
    let day = |w: &str| {
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        d.len() <= 2 && d.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let date = |w: &[&str]| {
        w.len() == 3 && year(w[2]) && ((day(w[0]) && month(w[1])) || (month(w[0]) && day(w[1])))
    };
    let place = |w: &[&str]| {
        const SMALL: [&str; 8] = ["at", "in", "on", "of", "the", "and", "de", "la"];
        w.len() <= 8
            && w.iter().all(|w| {
                (w.starts_with(|c: char| c.is_uppercase()) || SMALL.contains(w))
                    && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
            })
    };
    let n = words.len();
    n >= 3
        && ((date(&words[n - 3..]) && place(&words[..n - 3]))
            || (date(&words[..3]) && place(&words[3..])))
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
    fn datelines() {
        for d in [
            "2025年5月13日于北京",
            "2025年5月13日",
            "二〇二五年五月十三日 北京",
            "北京，2025年5月13日",
            "Beijing, 13 May 2025",
            "May 13, 2025",
            "Done at New York, 26 June 1945",
            "13 May 2025, Beijing.",
            "Signed in Brasília on 3rd December 2021",
        ] {
            assert!(dateline(d), "{d}");
        }
        for d in [
            "2025年5月13日，中国—拉美和加勒比国家共同体论坛第四届部长级会议在北京举行。",
            "自2025年起，中方每年将邀请300名干部。",
            "The meeting took place on December 3rd, 2021.",
            "May the two sides cooperate in 2025",
            "1.3 Bare decimal clause.",
            "13 May",
        ] {
            assert!(!dateline(d), "{d}");
        }
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
