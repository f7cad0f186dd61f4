//! Full-width punctuation restored in Chinese text whose source was folded
//! to ASCII (NFKC): `,` → `，`, `(` → `（` … decided by context, so that
//! what is not Chinese prose keeps its ASCII marks.
//!
//! The rule, mark by mark (the result is always equal to the input under
//! NFKC, so the text stays the source's word for word):
//!
//! - A text with no Chinese character is left as it is.
//! - Nothing changes inside a URL (`scheme://…`, `www.…`), an e-mail
//!   address or inline code (`` `…` ``). A URL ends at white space, at a
//!   Chinese character or mark, or at a quotation mark; trailing `.,:;!?` and
//!   an unbalanced `)` are not part of it (as GitHub's autolinks read them).
//! - `,` `:` `;` `?` `!` become full-width when the nearest character before
//!   them (spaces skipped) is Chinese; or when that one is not a Latin letter
//!   or digit (a quotation mark, a bracket, the start) and the next one after
//!   them is Chinese; or when they stand between a Latin letter or digit and
//!   a Chinese character with no space (`APEC,我们`). Otherwise they belong to
//!   a Latin stretch and stay: `Hello, world` quoted in Chinese, `1,000`,
//!   `10:30`, `1:1`, `v1.2`, `2.5%`.
//! - `(` and `)` go by pairs: a pair becomes full-width when it holds a
//!   Chinese character or when the nearest character outside it, on either
//!   side, is Chinese (`计划(2025-2027)`, `“经营者”(AEO)互认`); an English
//!   aside stays `(…)`. An unpaired one looks at its own neighbours.
//!
//! "Chinese" is an ideograph, a CJK mark (U+3000–U+303F) or a full-width
//! form; curly quotation marks and dashes are shared by both languages and
//! count as neither. Written here because no crate restores folded
//! punctuation; URL finders (linkify) take non-ASCII characters into a URL,
//! which in unspaced Chinese runs the URL on into the next sentence.

use std::collections::HashMap;

use super::clean::is_cjk;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Chinese,
    Latin,
    Other,
}

fn class(c: Option<char>) -> Class {
    match c {
        Some(c) if chinese(c) => Class::Chinese,
        Some(c) if c.is_alphanumeric() => Class::Latin,
        _ => Class::Other,
    }
}

/// An ideograph, a CJK mark or a full-width form.
pub fn chinese(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Restores full-width punctuation in Chinese text (the rule above).
pub fn restore_fullwidth(s: &str) -> String {
    if !s.chars().any(chinese) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let kept = protected(&chars);
    let brackets = bracket_pairs(&chars, &kept);
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let full = if kept[i] {
            c
        } else if let Some(&chinese_pair) = brackets.get(&i) {
            match (c, chinese_pair) {
                ('(', true) => '（',
                (')', true) => '）',
                _ => c,
            }
        } else if matches!(c, ',' | ':' | ';' | '?' | '!') && sentence_mark(&out, &chars, i) {
            match c {
                ',' => '，',
                ':' => '：',
                ';' => '；',
                '?' => '？',
                _ => '！',
            }
        } else {
            c
        };
        out.push(full);
    }
    out.into_iter().collect()
}

/// Whether the mark at `i` is Chinese punctuation; `out` is the text
/// before it as restored so far, so a full-width bracket counts as Chinese.
fn sentence_mark(out: &[char], chars: &[char], i: usize) -> bool {
    let before = class(out.iter().rev().copied().find(|c| *c != ' '));
    let after = class(chars[i + 1..].iter().copied().find(|c| *c != ' '));
    let touching = class(chars.get(i + 1).copied());
    before == Class::Chinese
        || (before == Class::Other && after == Class::Chinese)
        || (before == Class::Latin && touching == Class::Chinese)
}

/// Each bracket outside the protected spans, with whether it becomes
/// full-width.
fn bracket_pairs(chars: &[char], kept: &[bool]) -> HashMap<usize, bool> {
    let near = |mut range: Box<dyn Iterator<Item = usize> + '_>| {
        class(range.find(|&j| chars[j] != ' ').map(|j| chars[j]))
    };
    let outside_chinese = |o: usize, c: usize| {
        near(Box::new((0..o).rev())) == Class::Chinese
            || near(Box::new(c + 1..chars.len())) == Class::Chinese
    };
    let mut decided = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            _ if kept[i] => {}
            '(' => open.push(i),
            ')' => match open.pop() {
                Some(o) => {
                    let full = chars[o + 1..i].iter().any(|c| chinese(*c)) || outside_chinese(o, i);
                    decided.insert(o, full);
                    decided.insert(i, full);
                }
                None => {
                    decided.insert(i, outside_chinese(i, i));
                }
            },
            _ => {}
        }
    }
    for o in open {
        decided.insert(o, outside_chinese(o, o));
    }
    decided
}

/// Marks the characters of URLs, e-mail addresses and inline code.
fn protected(chars: &[char]) -> Vec<bool> {
    let mut kept = vec![false; chars.len()];
    let mut mark = |from: usize, to: usize| kept[from..to].iter_mut().for_each(|k| *k = true);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|c| **c == '`').count();
            let close = (i + run..chars.len()).find(|&j| {
                chars[j..].iter().take_while(|c| **c == '`').count() == run
                    && chars.get(j.wrapping_sub(1)) != Some(&'`')
            });
            if let Some(j) = close {
                mark(i, j + run);
                i = j + run;
                continue;
            }
            i += run;
            continue;
        }
        if let Some(end) = url_at(chars, i) {
            mark(i, end);
            i = end;
            continue;
        }
        if chars[i] == '@' {
            if let Some((from, to)) = email_around(chars, i) {
                mark(from, to);
                i = to;
                continue;
            }
        }
        i += 1;
    }
    kept
}

/// The end of a URL starting at `i` (`scheme://…` or `www.…`), if one does.
fn url_at(chars: &[char], i: usize) -> Option<usize> {
    let word_start = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
    if !word_start || !chars[i].is_ascii_alphabetic() {
        return None;
    }
    let scheme = chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        .count();
    let after = i + scheme;
    let body = if chars[after..].starts_with(&[':', '/', '/']) {
        after + 3
    } else if chars[i..].starts_with(&['w', 'w', 'w', '.']) {
        i + 4
    } else {
        return None;
    };
    let mut end = body
        + chars[body..]
            .iter()
            .take_while(|&&c| {
                !c.is_whitespace()
                    && !chinese(c)
                    && !matches!(c, '<' | '>' | '"' | '`' | '“' | '”' | '‘' | '’')
            })
            .count();
    // Trailing punctuation, and a `)` that closes nothing in the URL.
    loop {
        let last = chars[end - 1];
        let opens = chars[i..end].iter().filter(|c| **c == '(').count();
        let closes = chars[i..end].iter().filter(|c| **c == ')').count();
        if end > body
            && (matches!(
                last,
                '.' | ',' | ':' | ';' | '!' | '?' | '\'' | '*' | '_' | '~'
            ) || (last == ')' && closes > opens))
        {
            end -= 1;
        } else {
            break;
        }
    }
    (end > body).then_some(end)
}

/// The e-mail address around the `@` at `at`, as a range.
fn email_around(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let local = |c: &char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let from = at - chars[..at].iter().rev().take_while(|c| local(c)).count();
    let domain = chars[at + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .count();
    let mut to = at + 1 + domain;
    while to > at + 1 && matches!(chars[to - 1], '.' | '-') {
        to -= 1;
    }
    let dot = chars[at + 1..to].contains(&'.');
    (from < at && dot).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::restore_fullwidth as r;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn chinese_prose_gets_full_width_marks() {
        assert_eq!(
            r("平等互信,巩固(中拉)关系:一"),
            "平等互信，巩固（中拉）关系：一"
        );
        assert_eq!(r("合作计划(2025-2027)"), "合作计划（2025-2027）");
        assert_eq!(
            r("“经认证的经营者”(AEO)互认"),
            "“经认证的经营者”（AEO）互认"
        );
        assert_eq!(
            r("加入APEC,推动合作;对吗?好!"),
            "加入APEC，推动合作；对吗？好！"
        );
        assert_eq!(r("他说\"好\",然后"), "他说\"好\"，然后");
        assert_eq!(r("截至2025,中国"), "截至2025，中国");
        assert_eq!(r("增长2.5%,达到"), "增长2.5%，达到");
        assert_eq!(r("(一)支持"), "（一）支持");
    }

    #[test]
    fn urls_emails_and_code_are_left_alone() {
        assert_eq!(
            r("详见https://example.com/a,b(c)。"),
            "详见https://example.com/a,b(c)。"
        );
        assert_eq!(
            r("网址:https://www.gov.cn/zhengce,欢迎"),
            "网址：https://www.gov.cn/zhengce，欢迎"
        );
        assert_eq!(
            r("访问www.fmprc.gov.cn:8080/x?q=1;2查看"),
            "访问www.fmprc.gov.cn:8080/x?q=1;2查看"
        );
        assert_eq!(
            r("(见ftp://a.org/x(1)),然后"),
            "（见ftp://a.org/x(1)），然后"
        );
        assert_eq!(
            r("邮箱:info@mfa.gov.cn,电话"),
            "邮箱：info@mfa.gov.cn，电话"
        );
        assert_eq!(r("运行`f(a, b);`即可,好"), "运行`f(a, b);`即可，好");
        assert_eq!(
            r("链接(https://x.org/a_(b))中"),
            "链接（https://x.org/a_(b)）中"
        );
    }

    #[test]
    fn numbers_times_and_latin_stretches_keep_ascii() {
        assert_eq!(r("1,000人,10:30开会"), "1,000人，10:30开会");
        assert_eq!(r("比例为1:1,增长3.5%"), "比例为1:1，增长3.5%");
        assert_eq!(r("版本v1.2.3:稳定"), "版本v1.2.3：稳定");
        assert_eq!(
            r("他引用了\"Hello, world: peace; (and) love?\"一句"),
            "他引用了\"Hello, world: peace; (and) love?\"一句"
        );
        assert_eq!(r("即Peace (PCE),中方"), "即Peace (PCE)，中方");
        assert_eq!(r("第1,2条"), "第1,2条");
        // No Chinese character: nothing to restore.
        assert_eq!(r("(2025-2027)"), "(2025-2027)");
        assert_eq!(r("Note: see (1), (2)."), "Note: see (1), (2).");
    }

    #[test]
    fn result_is_the_input_under_nfkc() {
        for s in [
            "中加(勒比)反腐败,合作;对吗?",
            "详见https://example.com/a,b(c)。邮箱:a@b.cn;`x:y`",
            "他引用了\"Hello, world\",然后(注:1,000)",
        ] {
            assert_eq!(
                r(s).nfkc().collect::<String>(),
                s.nfkc().collect::<String>()
            );
        }
    }
}
