//! Reader of one-language sources, Markdown or plain text converted from a
//! PDF: markup removed, sentences broken across lines (and page breaks)
//! joined again; HTML comments, tags and entities taken out ([`super::markup`]).
//! A dateline stays a paragraph of its own.

use super::clean::{dateline, ends_sentence, garbage, join, lost_quotes, unmark, web_residue};
use super::markup::without_comments;
use super::report::Report;
use super::schemes::Table;
use super::Block;

/// Reads `text` in language `lang`, whose markers are those of `table`.
pub fn read(text: &str, lang: &str, table: &Table, report: &mut Report) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Whether the last block is a heading, which is never continued: a
    // Markdown heading, or a short numbered line (`二、经贸投资`).
    // Or a dateline, which is not continued either.
    let mut last_heading = true;
    for (i, raw) in without_comments(text, report).iter().enumerate() {
        let n = i + 1;
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(why) = web_residue(t) {
            report.drop(n, &format!("web residue ({why})"), t);
            continue;
        }
        if let Some(why) = garbage(t) {
            report.drop(n, &format!("suspected garbage ({why})"), t);
            continue;
        }
        let u = unmark(t);
        if u.text.is_empty() {
            report.drop(n, "markup with no text", t);
            continue;
        }
        if !u.removed.is_empty() {
            report.cleaned(n, format!("removed {}", u.removed.join(", ")));
        }
        if lost_quotes(&u.text) {
            report.warn(
                n,
                "backslash next to a word: quotation marks probably lost in conversion",
            );
        }
        let marked = table.find(lang, &u.text).is_some();
        let starts_lower = u.text.starts_with(|c: char| c.is_lowercase());
        let date = dateline(&u.text);
        let prev = blocks
            .last_mut()
            .filter(|_| !last_heading && !u.heading && !marked && !date);
        match prev {
            Some(b) if starts_lower || !ends_sentence(b.text(lang)) => {
                report.cleaned(
                    n,
                    format!("joined to line {} (sentence broken across lines)", b.first),
                );
                b.last = n;
                if let Some(t) = b.texts.get_mut(lang) {
                    join(t, &u.text);
                }
            }
            _ => {
                blocks.push(Block {
                    heading: u.level,
                    ..Block::one(n, lang, &u.text)
                });
                last_heading = u.heading
                    || date
                    || (marked && u.text.chars().count() < 30 && !ends_sentence(&u.text));
            }
        }
    }
    blocks
}
