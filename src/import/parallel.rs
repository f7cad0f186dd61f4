//! Reader of interleaved sources in two or more languages: each paragraph
//! is a line per language, in a fixed order (`中文` line, then its English
//! line, then its Spanish line), or all on one line split by wide gaps
//! where the script changes (`（三）推动磋商。  (3) Promote consultations.`).
//! The languages and their order are given, or found from the text
//! ([`lang::order`]). HTML comments and tags left from a web page are taken out
//! ([`super::markup`]); the `|` rows are [`super::rows`].

use super::clean::{garbage, web_residue};
use super::lang::{self, Script};
use super::markup::{strip_tags, without_comments};
use super::report::Report;
use super::Block;

/// Splits a line at its wide gaps (two or more spaces or no-break spaces,
/// a tab, an ideographic space) where the script changes on either side:
/// `中文  English` → `[中文, English]`. Parts in one script stay one part,
/// with their own spacing; None if there is no such gap.
pub fn split_gaps(line: &str) -> Option<Vec<&str>> {
    let is_gap = |c: char| matches!(c, ' ' | '\u{a0}' | '\t' | '\u{3000}');
    // (start, end) of each part between wide gaps.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < line.len() {
        let c = line[i..].chars().next()?;
        if !is_gap(c) {
            i += c.len_utf8();
            continue;
        }
        let gap = i;
        let mut width = 0;
        while let Some(g) = line[i..].chars().next().filter(|&g| is_gap(g)) {
            width += if matches!(g, ' ' | '\u{a0}') { 1 } else { 2 };
            i += g.len_utf8();
        }
        if width >= 2 && gap > start {
            parts.push((start, gap));
            start = i;
        }
    }
    if start < line.len() {
        parts.push((start, line.len()));
    }
    // Neighbours in one script (or in none: `1.`) are one part.
    let mut merged: Vec<((usize, usize), Option<Script>)> = Vec::new();
    for (s, e) in parts {
        let script = lang::script(&line[s..e]);
        match merged.last_mut() {
            Some((span, sc)) if script.is_none() || *sc == script || sc.is_none() => {
                span.1 = e;
                *sc = sc.or(script);
            }
            _ => merged.push(((s, e), script)),
        }
    }
    (merged.len() > 1).then(|| {
        merged
            .iter()
            .map(|((s, e), _)| line[*s..*e].trim())
            .collect()
    })
}

/// Checks a line for residue and garbage; reports and returns true if it
/// must be dropped.
pub(super) fn dropped(report: &mut Report, line: usize, text: &str) -> bool {
    if let Some(why) = web_residue(text) {
        report.drop(line, &format!("web residue ({why})"), text);
        true
    } else if let Some(why) = garbage(text) {
        report.drop(line, &format!("suspected garbage ({why})"), text);
        true
    } else {
        false
    }
}

/// The source's lines with HTML comments and tags taken out, each removal
/// reported; a line of markup only is reported as dropped and comes back
/// blank.
pub(super) fn lines(text: &str, report: &mut Report) -> Vec<String> {
    let mut lines = without_comments(text, report);
    for (i, line) in lines.iter_mut().enumerate() {
        let (untagged, tags) = strip_tags(line);
        if tags.is_empty() {
            continue;
        }
        let list: Vec<String> = tags.iter().map(|t| format!("`{t}`")).collect();
        let what = format!("HTML tags {}", list.join(" "));
        if untagged.trim().is_empty() {
            report.drop(i + 1, &format!("markup with no text ({what})"), line);
        } else {
            report.cleaned(i + 1, format!("removed {what} (their text kept)"));
        }
        *line = untagged;
    }
    lines
}

/// The language of one line among `langs`: the only one of its script, or
/// the one its words name, or the next one the order expects.
pub(super) fn which(line: &str, langs: &[String], after: Option<usize>) -> usize {
    let script = lang::script(line);
    let fits: Vec<usize> = (0..langs.len())
        .filter(|&k| script.is_none_or(|s| lang::script_of(&langs[k]) == s))
        .collect();
    let expected = |fits: &[usize]| {
        let next = after.map_or(0, |a| a + 1);
        fits.iter()
            .copied()
            .find(|&k| k >= next)
            .or(fits.first().copied())
    };
    match fits.as_slice() {
        [] => expected(&(0..langs.len()).collect::<Vec<_>>()).unwrap_or(0),
        [one] => *one,
        _ => lang::guess_latin(line)
            .and_then(|g| lang::find_in(langs, g))
            .filter(|k| fits.contains(k))
            .or_else(|| expected(&fits))
            .unwrap_or(0),
    }
}

/// Interleaved text in `langs`, in that order.
pub fn interleaved(text: &str, langs: &[String], report: &mut Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The paragraph being read and the index of its last language.
    let mut open: Option<(Block, usize)> = None;
    for (i, raw) in lines(text, report).iter().enumerate() {
        let (n, t) = (i + 1, raw.trim());
        if t.is_empty() || dropped(report, n, t) {
            continue;
        }
        if let Some(block) = split_gaps(t).and_then(|parts| one_line(n, &parts, langs)) {
            blocks.extend(open.take().map(|(b, _)| b));
            blocks.push(block);
            continue;
        }
        let k = which(t, langs, open.as_ref().map(|(_, k)| *k));
        match open.as_mut() {
            Some((b, last)) if k > *last => {
                b.texts.insert(langs[k].clone(), t.to_string());
                b.last = n;
                *last = k;
            }
            _ => {
                blocks.extend(open.take().map(|(b, _)| b));
                open = Some((Block::one(n, &langs[k], t), k));
            }
        }
        if open
            .as_ref()
            .is_some_and(|(b, _)| b.texts.len() == langs.len())
        {
            blocks.extend(open.take().map(|(b, _)| b));
        }
    }
    blocks.extend(open.map(|(b, _)| b));
    blocks
}

/// A paragraph all on one line, its parts in the order of `langs` (a
/// language may be missing); None if the parts' scripts do not follow it.
fn one_line(n: usize, parts: &[&str], langs: &[String]) -> Option<Block> {
    let mut block = Block {
        first: n,
        last: n,
        ..Block::default()
    };
    let mut after = None;
    for part in parts {
        let k = which(part, langs, after);
        if after.is_some_and(|a| k <= a) || lang::script(part) != Some(lang::script_of(&langs[k])) {
            return None;
        }
        block
            .texts
            .insert(langs[k].clone(), part.trim().to_string());
        after = Some(k);
    }
    Some(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn same_line_pairs() {
        assert_eq!(
            split_gaps(
                "（三）推动开展贸易投资便利化专题磋商。  (3) Promote thematic consultations."
            ),
            Some(vec![
                "（三）推动开展贸易投资便利化专题磋商。",
                "(3) Promote thematic consultations."
            ])
        );
        assert_eq!(split_gaps("附件  annex"), Some(vec!["附件", "annex"]));
        assert_eq!(split_gaps("只有中文  还是中文"), None);
        assert_eq!(split_gaps("One space only. 中文"), None);
        assert_eq!(split_gaps("English  and Spanish  y español"), None);
        assert_eq!(
            split_gaps("Article 1  第一条  Artículo 1"),
            Some(vec!["Article 1", "第一条", "Artículo 1"])
        );
    }

    #[test]
    fn three_languages_line_by_line() {
        let text = "Article 1\n第一条\nArtículo 1\n\nThe Purposes of the United Nations are:\n联合国之宗旨为：\nLos propósitos de las Naciones Unidas son:\n";
        assert_eq!(lang::order(text), ["en", "zh-Hans", "es"]);
        let mut report = Report::new("t.txt", "interleaved", text);
        let blocks = interleaved(text, &lang::order(text), &mut report);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text("es"), "Artículo 1");
        assert_eq!((blocks[1].first, blocks[1].last), (5, 7));
        assert_eq!(blocks[1].text("zh-Hans"), "联合国之宗旨为：");
        let pairs = "中文\nEnglish line of the text\n";
        assert_eq!(lang::order(pairs), ["zh-Hans", "en"]);
        let blocks = interleaved(pairs, &langs(&["zh-Hans", "en"]), &mut report);
        assert_eq!(blocks.len(), 1);
    }
}
