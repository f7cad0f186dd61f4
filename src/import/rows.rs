//! Reader of row sources: one paragraph per row, a cell per language
//! (`中文 | English | Español |`). The columns' languages are given, or
//! found from each column's text as a whole.

use super::clean::web_residue;
use super::lang::{self, Script};
use super::parallel::{dropped, lines, which};
use super::report::Report;
use super::Block;

/// A row's cells, without the empty ones at its end.
fn cells(line: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = line.split('|').map(str::trim).collect();
    while cells.last() == Some(&"") {
        cells.pop();
    }
    cells
}

/// The languages of the columns of `text`: as many as most rows have
/// cells, each found from the column's text (Chinese for Han, else by its
/// words, else English); a language found twice is the next unused one of
/// English, Spanish, Portuguese, French (else a private tag, `x-column-5`:
/// give the languages with --lang).
pub fn columns(text: &str) -> Vec<String> {
    let rows: Vec<Vec<&str>> = text.lines().map(cells).filter(|c| c.len() > 1).collect();
    let mut counts = std::collections::BTreeMap::new();
    for r in &rows {
        *counts.entry(r.len()).or_insert(0usize) += 1;
    }
    let n = counts
        .iter()
        .max_by_key(|(len, count)| (**count, std::cmp::Reverse(**len)))
        .map_or(2, |(len, _)| *len);
    let mut langs: Vec<String> = Vec::new();
    for col in 0..n {
        let column: Vec<&str> = rows.iter().filter_map(|r| r.get(col).copied()).collect();
        let column = column.join("\n");
        let found = lang::detect(&column).unwrap_or_else(|| {
            if lang::script(&column) == Some(Script::Han) {
                lang::chinese_variant(&column).to_string()
            } else {
                "en".to_string()
            }
        });
        let found = if langs.contains(&found) {
            ["en", "es", "pt", "fr"]
                .iter()
                .map(|l| l.to_string())
                .find(|l| !langs.contains(l))
                .unwrap_or_else(|| format!("x-column-{}", col + 1))
        } else {
            found
        };
        langs.push(found);
    }
    langs
}

/// Rows in `langs`, one paragraph per row.
pub fn rows(text: &str, langs: &[String], report: &mut Report) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (i, raw) in lines(text, report).iter().enumerate() {
        let (n, t) = (i + 1, raw.trim());
        if t.is_empty() {
            continue;
        }
        let cells = cells(t);
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
            [one] => {
                if dropped(report, n, one) {
                    continue;
                }
                blocks.push(Block::one(n, &langs[which(one, langs, None)], one));
            }
            _ => {
                if cells.len() != langs.len() {
                    let last = &langs[(cells.len() - 1).min(langs.len() - 1)];
                    let what = if cells.len() > langs.len() {
                        format!(
                            "the cells after the {} are kept as the `{last}` text",
                            langs.len() - 1
                        )
                    } else {
                        format!(
                            "its cells are taken as the first {} languages, the last as `{last}`",
                            cells.len()
                        )
                    };
                    report.warn(
                        n,
                        format!(
                            "row with {} cells where {} ({}) were expected: {what}",
                            cells.len(),
                            langs.len(),
                            langs.join(" | ")
                        ),
                    );
                }
                let mut block = Block {
                    first: n,
                    last: n,
                    ..Block::default()
                };
                let keep = cells.len().min(langs.len());
                for (k, cell) in cells.iter().take(keep).enumerate() {
                    let text = if k + 1 == keep {
                        cells[k..].join(" | ")
                    } else {
                        cell.to_string()
                    };
                    if !text.is_empty() {
                        block.texts.insert(langs[k].clone(), text);
                    }
                }
                blocks.push(block);
            }
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_lose_comments_and_tags_with_a_report() {
        let text = "<!-- 网页\n版 -->\n中文<br>一行。 | One<br>row. | |\n<p></p>\n";
        let langs = ["zh".to_string(), "en".to_string()];
        let mut report = Report::new("r.txt", "rows", text);
        let blocks = rows(text, &langs, &mut report);
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            (blocks[0].text("zh"), blocks[0].text("en")),
            ("中文一行。", "One row.")
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

    #[test]
    fn three_columns_found_from_their_text() {
        let text = "第一条 | Article 1 | Artículo 1 |\n各国一律平等。 | All States are equal. | Todos los Estados son iguales. |\n";
        assert_eq!(columns(text), ["zh-Hans", "en", "es"]);
    }
}
