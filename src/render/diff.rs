//! Word-level differences between two texts of one language, with the
//! figures of each side marked (edition comparison, issue 17). Each side
//! is cut into spans that put back together give its text unchanged:
//! the difference marks the published text, it never rewrites it.

use imara_diff::{Algorithm, InternedInput};
use serde::Serialize;

/// A run of one side's text: inserted (new side) or deleted (old side)
/// or neither, and whether it is a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seg {
    pub text: String,
    /// `ins`, `del`, or empty.
    pub change: &'static str,
    pub fig: bool,
}

/// The difference between two texts of one language.
#[derive(Debug)]
pub struct Diff {
    pub old: Vec<Seg>,
    pub new: Vec<Seg>,
    /// No word of the two texts (punctuation aside) is left in common once
    /// the difference is cleaned up (`cleanup`): the clause was rewritten, and both sides
    /// are shown whole, only their figures marked, rather than struck
    /// through from end to end.
    pub rewritten: bool,
}

/// A run of the difference: `equal` bytes common to both sides, or an
/// edit, `del` bytes of the old side replaced by `ins` bytes of the new;
/// `chars` counts the characters, by which runs are weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Run {
    Equal {
        bytes: usize,
        chars: usize,
    },
    Edit {
        del: (usize, usize),
        ins: (usize, usize),
    },
}

/// The two sides of the difference from `old` to `new` in `lang`:
/// Chinese compared by characters, other languages by words (and the
/// white space between them), with imara-diff's Histogram algorithm (a
/// variant of patience diff, git's `--histogram`: it anchors on words
/// rare in both texts, and is several times faster than Myers on texts
/// that differ much, which rewritten clauses do).
pub fn diff(old: &str, new: &str, lang: &str) -> Diff {
    let zh = lang.starts_with("zh");
    let (before, after) = (tokens(old, zh), tokens(new, zh));
    let mut input = InternedInput::default();
    input.update_before(before.iter().copied());
    input.update_after(after.iter().copied());
    // Without imara-diff's post-processing, which slides each change as
    // far down as it goes: a changed run of words then keeps the space
    // after it outside the mark (`<del>and</del> cooperation`).
    let d = imara_diff::Diff::compute(Algorithm::Histogram, &input);
    let weigh = |t: &[&str]| -> (usize, usize) {
        t.iter()
            .fold((0, 0), |(b, c), t| (b + t.len(), c + t.chars().count()))
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut at = 0;
    for h in d.hunks() {
        let (b, a) = (h.before, h.after);
        let (bytes, chars) = weigh(&before[at..b.start as usize]);
        push(&mut runs, Run::Equal { bytes, chars });
        push(
            &mut runs,
            Run::Edit {
                del: weigh(&before[b.start as usize..b.end as usize]),
                ins: weigh(&after[a.start as usize..a.end as usize]),
            },
        );
        at = b.end as usize;
    }
    let (bytes, chars) = weigh(&before[at..]);
    push(&mut runs, Run::Equal { bytes, chars });
    let runs = cleanup(runs);
    let shared = runs.iter().scan(0, |at, r| {
        let start = *at;
        *at += match r {
            Run::Equal { bytes, .. } => *bytes,
            Run::Edit { del, .. } => del.0,
        };
        Some(matches!(r, Run::Equal { .. }) && old[start..*at].chars().any(char::is_alphanumeric))
    });
    if !shared.into_iter().any(|s| s) {
        return Diff {
            old: segments(old, &[(0, old.len(), "")], zh),
            new: segments(new, &[(0, new.len(), "")], zh),
            rewritten: true,
        };
    }
    let (mut o, mut n) = (Vec::new(), Vec::new());
    let (mut oi, mut ni) = (0, 0);
    for r in runs {
        let (dl, il, change) = match r {
            Run::Equal { bytes, .. } => (bytes, bytes, ("", "")),
            Run::Edit { del, ins } => (del.0, ins.0, ("del", "ins")),
        };
        if dl > 0 {
            o.push((oi, oi + dl, change.0));
        }
        if il > 0 {
            n.push((ni, ni + il, change.1));
        }
        oi += dl;
        ni += il;
    }
    Diff {
        old: segments(old, &o, zh),
        new: segments(new, &n, zh),
        rewritten: false,
    }
}

/// Appends `run`, joined with the last run when both are of one kind.
fn push(runs: &mut Vec<Run>, run: Run) {
    match (runs.last_mut(), run) {
        (_, Run::Equal { bytes: 0, .. })
        | (
            _,
            Run::Edit {
                del: (0, _),
                ins: (0, _),
            },
        ) => {}
        (Some(Run::Equal { bytes, chars }), Run::Equal { bytes: b, chars: c }) => {
            *bytes += b;
            *chars += c;
        }
        (Some(Run::Edit { del, ins }), Run::Edit { del: d, ins: i }) => {
            *del = (del.0 + d.0, del.1 + d.1);
            *ins = (ins.0 + i.0, ins.1 + i.1);
        }
        _ => runs.push(run),
    }
}

/// `text` cut into the units compared: characters (Chinese), or runs of
/// white space and runs of anything else (other languages).
fn tokens(text: &str, zh: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let s = c.is_whitespace();
        if i > start && (zh || space != Some(s)) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(s);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The semantic cleanup of diff-match-patch (Neil Fraser's
/// `diff_cleanupSemantic`, its first pass): a common run no longer than
/// the edits on either side of it is made part of the edit, until none
/// is left. Two rewritten sentences then read as one removal and one
/// addition, not as a confetti of marks around the `the` and `of` they
/// happen to share. Written here because imara-diff (like `similar`) has
/// no such cleanup; the crates that have one (`dissimilar`,
/// `diff-match-patch-rs`) diff by characters, which would cut English
/// words in two.
fn cleanup(mut runs: Vec<Run>) -> Vec<Run> {
    loop {
        let mut out: Vec<Run> = Vec::with_capacity(runs.len());
        let mut changed = false;
        let mut k = 0;
        while k < runs.len() {
            if let (
                Some(&Run::Edit { del: d1, ins: i1 }),
                Run::Equal { bytes, chars },
                Some(&Run::Edit { del: d2, ins: i2 }),
            ) = (out.last(), runs[k], runs.get(k + 1))
            {
                if chars <= d1.1.max(i1.1) && chars <= d2.1.max(i2.1) {
                    let w = (bytes, chars);
                    push(&mut out, Run::Edit { del: w, ins: w });
                    push(&mut out, Run::Edit { del: d2, ins: i2 });
                    changed = true;
                    k += 2;
                    continue;
                }
            }
            push(&mut out, runs[k]);
            k += 1;
        }
        runs = out;
        if !changed {
            return runs;
        }
    }
}

/// A text alone, its figures marked.
pub fn plain(text: &str, lang: &str) -> Vec<Seg> {
    segments(text, &[(0, text.len(), "")], lang.starts_with("zh"))
}

/// `text` cut at the bounds of its changes and of its figures, adjacent
/// runs of the same kind joined.
fn segments(text: &str, changes: &[(usize, usize, &'static str)], zh: bool) -> Vec<Seg> {
    let figs = figures(text, zh);
    let mut bounds: Vec<usize> = vec![0, text.len()];
    bounds.extend(changes.iter().flat_map(|c| [c.0, c.1]));
    bounds.extend(figs.iter().flat_map(|f| [f.0, f.1]));
    bounds.sort_unstable();
    bounds.dedup();
    let mut out: Vec<Seg> = Vec::new();
    // Both lists are in text order, without overlaps: a cursor in each.
    let (mut ci, mut fi) = (0, 0);
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        while changes.get(ci).is_some_and(|c| c.1 <= a) {
            ci += 1;
        }
        while figs.get(fi).is_some_and(|f| f.1 <= a) {
            fi += 1;
        }
        let change = changes
            .get(ci)
            .filter(|c| c.0 <= a && b <= c.1)
            .map_or("", |c| c.2);
        let fig = figs.get(fi).is_some_and(|f| f.0 <= a && b <= f.1);
        match out.last_mut() {
            Some(last) if last.change == change && last.fig == fig => last.text += &text[a..b],
            _ => out.push(Seg {
                text: text[a..b].to_string(),
                change,
                fig,
            }),
        }
    }
    out
}

/// Chinese numerals, as characters: every character of a text is tried,
/// and a slice of `char`s is faster to search than a `&str`.
const ZH_DIGITS: [char; 17] = [
    '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿',
    '两',
];

fn zh_digit(c: char) -> bool {
    ZH_DIGITS.contains(&c)
}

/// Measure words after which a run of Chinese numerals is a figure
/// (`十个`, `五百名`), not part of a word (`统一`, `进一步`).
const ZH_MEASURES: &str = "个名人次项届批所家位场期年倍座条万亿种门部";

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The byte ranges of the figures of `text`: runs of digits (with `,` or
/// `.` between digits, and `%`, `万`, `亿` after), and in Chinese runs
/// of Chinese numerals followed by a measure word.
pub fn figures(text: &str, zh: bool) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if is_digit(c) {
            let start = k;
            while k < chars.len() {
                let c = chars[k].1;
                let sep = matches!(c, ',' | '.') && at(k + 1).is_some_and(is_digit);
                if is_digit(c) || sep {
                    k += 1;
                } else {
                    break;
                }
            }
            while at(k).is_some_and(|c| c == '%' || c == '万' || c == '亿') {
                k += 1;
            }
            out.push((chars[start].0, end_of(k)));
        } else if zh && zh_digit(c) {
            let start = k;
            while at(k).is_some_and(zh_digit) {
                k += 1;
            }
            let ordinal = start > 0 && chars[start - 1].1 == '第';
            if !ordinal && at(k).is_some_and(|c| ZH_MEASURES.contains(c)) {
                out.push((chars[start].0, end_of(k)));
            }
        } else {
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(segs: &[Seg]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn sides_put_back_give_the_texts() {
        let Diff { old: o, new: n, .. } = diff(
            "Offer 5,000 scholarships to CELAC countries.",
            "Offer 3,500 scholarships and 10,000 training places.",
            "en",
        );
        assert_eq!(join(&o), "Offer 5,000 scholarships to CELAC countries.");
        assert_eq!(
            join(&n),
            "Offer 3,500 scholarships and 10,000 training places."
        );
        let del: Vec<&str> = o
            .iter()
            .filter(|s| s.change == "del")
            .map(|s| s.text.as_str())
            .collect();
        assert!(del.contains(&"5,000"), "{o:?}");
        assert!(o.iter().any(|s| s.fig && s.text == "5,000"));
        assert!(n
            .iter()
            .any(|s| s.fig && s.change == "ins" && s.text == "10,000"));
        assert!(n
            .iter()
            .any(|s| !s.fig && s.change.is_empty() && s.text.contains("scholarships")));
    }

    #[test]
    fn changed_words_in_a_row_are_one_mark() {
        let Diff { old: o, new: n, .. } =
            diff("we welcome the plan", "they will share the plan", "en");
        assert_eq!(
            o[0],
            Seg {
                text: "we welcome".into(),
                change: "del",
                fig: false
            }
        );
        assert_eq!(
            n[0],
            Seg {
                text: "they will share".into(),
                change: "ins",
                fig: false
            }
        );
        assert_eq!(join(&n), "they will share the plan");
    }

    #[test]
    fn chinese_by_characters_and_numerals() {
        let Diff { old: o, new: n, .. } = diff(
            "提供五千个奖学金名额",
            "提供3500个政府奖学金名额",
            "zh-Hans",
        );
        assert_eq!(join(&n), "提供3500个政府奖学金名额");
        assert!(n
            .iter()
            .any(|s| s.change == "ins" && s.text.contains("政府")));
        assert!(o.iter().any(|s| s.fig && s.text == "五千"));
        assert!(n.iter().any(|s| s.fig && s.text == "3500"));
        assert_eq!(figures("1万名，第四届，统一，十个", true).len(), 2);
        assert_eq!(figures("第四届", true), vec![]);
        assert_eq!(figures("1万名", true), vec![(0, 4)]);
    }

    fn marked(segs: &[Seg]) -> Vec<(&str, &str)> {
        segs.iter()
            .filter(|s| !s.change.is_empty())
            .map(|s| (s.change, s.text.as_str()))
            .collect()
    }

    #[test]
    fn a_short_common_word_between_two_edits_is_part_of_them() {
        let d = diff(
            "Strengthen contacts between leaders of both parties in key areas of cooperation.",
            "Expand personnel exchanges at all levels between the two sides in key areas of cooperation.",
            "en",
        );
        assert!(!d.rewritten);
        // `between` is shorter than the edits around it: one mark per side.
        assert_eq!(
            marked(&d.old),
            vec![("del", "Strengthen contacts between leaders of both parties")]
        );
        assert_eq!(
            marked(&d.new),
            vec![(
                "ins",
                "Expand personnel exchanges at all levels between the two sides"
            )]
        );
    }

    #[test]
    fn a_long_common_run_stays_unmarked() {
        let d = diff(
            "The two sides will hold the China-CELAC Forum ministerial meeting in 2024.",
            "The two sides will hold the China-CELAC Forum ministerial meeting in 2027.",
            "en",
        );
        assert!(!d.rewritten);
        // The figure is a run of its own, its full stop another.
        assert_eq!(marked(&d.old), vec![("del", "2024"), ("del", ".")]);
        assert_eq!(marked(&d.new), vec![("ins", "2027"), ("ins", ".")]);
    }

    #[test]
    fn texts_with_nothing_in_common_are_rewritten_shown_whole() {
        let d = diff(
            "Hold a summit on its tenth anniversary in 2024.",
            "The sides agreed to discuss 3 institutional arrangements.",
            "en",
        );
        assert!(d.rewritten);
        assert_eq!(
            join(&d.old),
            "Hold a summit on its tenth anniversary in 2024."
        );
        assert!(marked(&d.old).is_empty() && marked(&d.new).is_empty());
        assert!(d.new.iter().any(|s| s.fig && s.text == "3"));
        // A full stop in common is no word in common.
        assert!(diff("提供奖学金。", "加强对话。", "zh-Hans").rewritten);
    }
}
