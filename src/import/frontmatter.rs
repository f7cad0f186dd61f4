//! Markdown with a Jekyll-style YAML front matter holding the text once per
//! language: `title-zh-cn`, `title-en` … give the titles (the values, never
//! the keys), `body-zh-cn: |`, `body-en: |` … the texts; a Markdown body
//! after the front matter is one more text, in the language of a `lang`
//! key (or found from it). Other keys (`layout`, `permalink`) are not the
//! document's and are reported. The YAML is read by `serde_yaml`; each text
//! keeps the source's line numbers.

use serde_yaml::{Mapping, Value};

use super::lang;
use super::report::Report;
use crate::source::raw::LangMap;

/// One language's text: the source with every other line blank.
pub struct Part {
    pub lang: String,
    pub text: String,
}

/// What the front matter gives.
pub struct FrontMatter {
    pub titles: LangMap,
    /// The line of the first title key.
    pub title_line: usize,
    pub parts: Vec<Part>,
}

/// Whether `text` opens with a front matter that has a `title-<lang>` or
/// `body-<lang>` key.
pub fn detect(text: &str) -> bool {
    let mut lines = text.lines();
    lines.next().is_some_and(|l| l.trim_end() == "---")
        && lines
            .take_while(|l| l.trim_end() != "---")
            .any(|l| key_lang(l.split(':').next().unwrap_or("")).is_some())
}

/// `title-zh-cn` → (`title`, `zh-Hans`).
fn key_lang(key: &str) -> Option<(&'static str, String)> {
    ["title", "body"].into_iter().find_map(|field| {
        let tag = key
            .trim()
            .strip_prefix(field)?
            .strip_prefix(['-', '_', '.'])?;
        Some((field, lang::normalise(tag)?))
    })
}

/// Reads the front matter and the body; an error names the line.
pub fn read(text: &str, report: &mut Report) -> Result<FrontMatter, (usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let close = lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map(|p| p + 1)
        .ok_or((
            1,
            "front matter opened with `---` is never closed".to_string(),
        ))?;
    let yaml = lines[1..close].join("\n");
    let map: Mapping = serde_yaml::from_str(&yaml).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line() + 1);
        (line, format!("front matter is not valid YAML: {e}"))
    })?;
    report.placed(1, 1);
    report.placed(close + 1, close + 1);
    // The line of a key: the first line of the front matter that starts with it.
    let key_line = |key: &str| {
        (1..close)
            .find(|&i| {
                lines[i]
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            })
            .map_or(1, |i| i + 1)
    };
    let mut titles = LangMap::new();
    let mut title_line = 0;
    let mut parts = Vec::new();
    let mut body_lang = None;
    let mut plain_title = None;
    for (k, v) in &map {
        let key = k.as_str().unwrap_or_default();
        let line = key_line(key);
        let value = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => String::new(),
        };
        match (key_lang(key), key) {
            (Some(("title", l)), _) => {
                report.placed(line, line);
                title_line = if title_line == 0 { line } else { title_line };
                titles.insert(l, value.trim().to_string());
            }
            (Some((_, l)), _) => {
                report.placed(line, line);
                let (text, folded) = place(&value, &lines, line, close);
                if folded {
                    // Its lines are joined on the first: all in the text.
                    let last = next_key_line(&lines, line, close);
                    report.placed(line + 1, last.saturating_sub(1).max(line));
                }
                parts.push(Part { lang: l, text });
            }
            (None, "lang" | "language") => {
                report.placed(line, line);
                body_lang = lang::normalise(&value).or(Some(value));
            }
            (None, "title") => plain_title = Some((line, value)),
            (None, _) => report.drop(
                line,
                &format!("front matter key `{key}`, not part of the document's text"),
                &format!("{key}: {}", value.lines().next().unwrap_or("")),
            ),
        }
        if !matches!(v, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
            let last = next_key_line(&lines, line, close);
            for l in line + 1..last {
                report.drop(l, "front matter value that is not text", lines[l - 1]);
            }
        }
    }
    let rest = &lines[close + 1..];
    if rest.iter().any(|l| !l.trim().is_empty()) {
        let body: Vec<&str> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i > close { *l } else { "" })
            .collect();
        let body = body.join("\n");
        let l = body_lang.unwrap_or_else(|| lang::detect(&body).unwrap_or_else(|| "en".into()));
        parts.push(Part {
            lang: l,
            text: body,
        });
    }
    if let Some((line, t)) = plain_title {
        report.placed(line, line);
        match parts.last().filter(|_| rest.iter().any(|l| !l.trim().is_empty())) {
            Some(p) if !titles.contains_key(&p.lang) => {
                titles.insert(p.lang.clone(), t.trim().to_string());
            }
            _ => report.warn(line, format!("`title` with no language (`title-en` …): «{}» is not used; give it as `title-<lang>`", t.trim())),
        }
    }
    Ok(FrontMatter {
        titles,
        title_line,
        parts,
    })
}

/// The line after the last line of the value of the key at `line`.
fn next_key_line(lines: &[&str], line: usize, close: usize) -> usize {
    (line..close)
        .find(|&i| !lines[i].starts_with([' ', '\t', '-']) && !lines[i].trim().is_empty())
        .map_or(close + 1, |i| i + 1)
}

/// A value (`body-en: |` and its indented lines) laid out at its lines
/// in the source: every line of the value is found, in order, among the
/// source's lines after the key; the others are blank. A value on the
/// key's line stays there; one whose lines are not found (folded with
/// `>`) is laid on the lines after the key, in order.
fn place(value: &str, lines: &[&str], key_line: usize, close: usize) -> (String, bool) {
    let mut out: Vec<String> = vec![String::new(); lines.len()];
    let parts: Vec<&str> = value.lines().filter(|v| !v.trim().is_empty()).collect();
    if let [one] = parts.as_slice() {
        if lines[key_line - 1].contains(one.trim()) {
            out[key_line - 1] = one.trim().to_string();
            return (out.join("\n"), false);
        }
    }
    let mut at = key_line; // 0-based index of the line after the key
    let mut found = Vec::new();
    for v in &parts {
        match (at..close).find(|&i| lines[i].trim() == v.trim()) {
            Some(i) => {
                found.push(i);
                at = i + 1;
            }
            None => break,
        }
    }
    let folded = found.len() < parts.len();
    if !folded {
        for (i, v) in found.into_iter().zip(&parts) {
            out[i] = v.trim().to_string();
        }
    } else {
        for (k, v) in parts.iter().enumerate() {
            let i = (key_line + k).min(close.saturating_sub(1).max(key_line - 1));
            if !out[i].is_empty() {
                out[i].push(' ');
            }
            out[i].push_str(v.trim());
        }
    }
    (out.join("\n"), folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_bodies_a_markdown_body_and_other_keys() {
        let text = "---\ntitle: Declaración\nlang: es\ntitle-en: Declaration\nbody-en: >\n  The sides\n  agree.\ntags:\n  - a\n---\n1. Las partes acuerdan.\n";
        let mut report = Report::new("d.md", "front matter", text);
        let fm = read(text, &mut report).unwrap();
        assert_eq!(fm.titles["en"], "Declaration");
        assert_eq!(fm.titles["es"], "Declaración", "`title` is the body's");
        let parts: Vec<(&str, Vec<&str>)> = fm
            .parts
            .iter()
            .map(|p| {
                (
                    p.lang.as_str(),
                    p.text.lines().filter(|l| !l.is_empty()).collect(),
                )
            })
            .collect();
        // A folded value is one line, kept on the line after its key.
        assert_eq!(
            parts,
            [
                ("en", vec!["The sides agree."]),
                ("es", vec!["1. Las partes acuerdan."])
            ]
        );
        assert_eq!(fm.parts[0].text.lines().nth(5), Some("The sides agree."));
        let dropped: Vec<usize> = report.entries.iter().map(|e| e.line).collect();
        assert_eq!(dropped, [8, 9], "{report}");
        report.placed(2, 3);
        report.placed(11, 11);
        assert!(
            report.accounts_for_every_line(text),
            "the folded value's lines are in the text"
        );
        assert!(read("---\ntitle-en: [x\n---\n", &mut report).is_err());
        assert!(read("---\ntitle-en: x\n", &mut report).is_err());
    }
}
