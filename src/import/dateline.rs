//! Datelines (`2025年5月13日于北京`, `Done at New York, 26 June 1945`): the
//! readers that join sentences broken across lines never join one to the
//! paragraph before or after it. Written here: date parsers (chrono,
//! dateparser) read a date, not whether a whole line is only a date and a
//! place, and none reads `二〇二五年五月十三日`.

use super::clean::is_cjk;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
