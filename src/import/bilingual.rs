//! Readers of two-language sources: interleaved lines (a Chinese line, then
//! its English line, or both on one line split by two or more spaces) and
//! `中文 | English | |` rows. Both give [`Block`]s of paired text. HTML
//! comments and tags left from a web page are taken out ([`super::markup`]).

use super::clean::{garbage, has_cjk, web_residue};
use super::markup::{strip_tags, without_comments};
use super::report::Report;
use super::Block;

/// Splits `中文  English` (two or more spaces or no-break spaces, a tab or an ideographic space
/// between a Chinese part and a part with no Chinese) into its two parts.
pub fn split_pair(line: &str) -> Option<(&str, &str)> {
    // One pass: a split point must follow the first Chinese character and
    // come after the last one (linear in the line, however many gaps).
    let cjk = |(_, c): &(usize, char)| super::clean::is_cjk(*c);
    let first = line.char_indices().find(cjk)?.0;
    let last = line.char_indices().rev().find(cjk)?.0;
    let is_gap = |c: char| matches!(c, ' ' | '\u{a0}' | '\t' | '\u{3000}');
    let mut i = 0;
    while i < line.len() {
        let c = line[i..].chars().next()?;
        if is_gap(c) {
            let start = i;
            let mut end = i;
            let mut spaces = 0;
            while let Some(g) = line[end..].chars().next().filter(|&g| is_gap(g)) {
                spaces += if matches!(g, ' ' | '\u{a0}') { 1 } else { 2 };
                end += g.len_utf8();
            }
            let right = &line[end..];
            if spaces >= 2
                && first < start
                && end > last
                && right.bytes().any(|b| b.is_ascii_alphabetic())
            {
                return Some((line[..start].trim(), right.trim()));
            }
            i = end;
        } else {
            i += c.len_utf8();
        }
    }
    None
}

/// Checks a line for residue and garbage; reports and returns true if it
/// must be dropped.
fn dropped(report: &mut Report, line: usize, text: &str) -> bool {
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
fn lines(text: &str, report: &mut Report) -> Vec<String> {
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

/// Interleaved zh/en text.
pub fn interleaved(text: &str, zh: &str, en: &str, report: &mut Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending: Option<(usize, String)> = None;
    for (i, raw) in lines(text, report).iter().enumerate() {
        let (n, t) = (i + 1, raw.trim());
        if t.is_empty() || dropped(report, n, t) {
            continue;
        }
        if let Some((z, e)) = split_pair(t) {
            flush(&mut pending, &mut blocks, zh);
            blocks.push(Block::pair(n, n, zh, z, en, e));
        } else if has_cjk(t) {
            flush(&mut pending, &mut blocks, zh);
            pending = Some((n, t.to_string()));
        } else if let Some((zn, z)) = pending.take() {
            blocks.push(Block::pair(zn, n, zh, &z, en, t));
        } else {
            blocks.push(Block::one(n, en, t));
        }
    }
    flush(&mut pending, &mut blocks, zh);
    blocks
}

fn flush(pending: &mut Option<(usize, String)>, blocks: &mut Vec<Block>, zh: &str) {
    if let Some((n, z)) = pending.take() {
        blocks.push(Block::one(n, zh, &z));
    }
}

/// `中文 | English | |` rows, one paragraph per row.
pub fn rows(text: &str, zh: &str, en: &str, report: &mut Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, raw) in lines(text, report).iter().enumerate() {
        let (n, t) = (i + 1, raw.trim());
        if t.is_empty() {
            continue;
        }
        let mut cells: Vec<&str> = t.split('|').map(str::trim).collect();
        while cells.last() == Some(&"") {
            cells.pop();
        }
        if cells
            .iter()
            .all(|c| web_residue(c).is_some() || c.is_empty())
            && cells.iter().any(|c| !c.is_empty())
        {
            report.drop(
                n,
                "web residue (row of source credits or page furniture)",
                t,
            );
            continue;
        }
        match cells.as_slice() {
            [] => report.drop(n, "suspected garbage (a row of empty cells)", t),
            [z, e] if has_cjk(z) && !has_cjk(e) => blocks.push(Block::pair(n, n, zh, z, en, e)),
            [one] => {
                if dropped(report, n, one) {
                    continue;
                }
                let lang = if has_cjk(one) { zh } else { en };
                blocks.push(Block::one(n, lang, one));
            }
            _ => {
                report.warn(n, format!("row with {} cells where 2 (Chinese | English) were expected: the cells after the first are kept as the English text", cells.len()));
                let rest = cells[1..].join(" | ");
                blocks.push(Block::pair(n, n, zh, cells[0], en, &rest));
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_line_pairs() {
        assert_eq!(
            split_pair(
                "（三）推动开展贸易投资便利化专题磋商。  (3) Promote thematic consultations."
            ),
            Some((
                "（三）推动开展贸易投资便利化专题磋商。",
                "(3) Promote thematic consultations."
            ))
        );
        assert_eq!(split_pair("附件  annex"), Some(("附件", "annex")));
        assert_eq!(split_pair("只有中文  还是中文"), None);
        assert_eq!(split_pair("One space only. 中文"), None);
    }

    #[test]
    fn rows_lose_comments_and_tags_with_a_report() {
        let text = "<!-- 网页\n版 -->\n中文<br>一行。 | One<br>row. | |\n<p></p>\n";
        let mut report = Report::new("r.txt", "rows", text);
        let blocks = rows(text, "zh", "en", &mut report);
        assert_eq!(
            blocks,
            [Block::pair(3, 3, "zh", "中文一行。", "en", "One row.")]
        );
        report.placed(3, 3);
        assert!(report.accounts_for_every_line(text));
        let lines: Vec<(usize, &str)> = report
            .entries
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    1,
                    "HTML comment, not published (lines 1–2): «<!-- 网页 版 -->»"
                ),
                (3, "removed HTML tags `<br>` `<br>` (their text kept)"),
                (4, "markup with no text (HTML tags `<p>` `</p>`): «<p></p>»"),
            ]
        );
    }
}
