//! The clause the serve benchmark edits: in the bilingual document nearest
//! the middle of `documents/` (by file name), the middle `text.en` line of
//! its clauses (of any node if it has no clauses), changed by appending a
//! marker inside the string.

use std::path::{Path, PathBuf};

/// A line of a document file to edit.
pub struct Target {
    pub file: PathBuf,
    /// The document's id, for its page `documents/<id>/en.html`.
    pub id: String,
    /// The line's index (from 0).
    pub line: usize,
}

pub fn target(content: &Path) -> Result<Target, String> {
    let dir = content.join("documents");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mid = files.len() / 2;
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| (i.abs_diff(mid), i));
    for i in order {
        let Ok(text) = std::fs::read_to_string(&files[i]) else {
            continue;
        };
        if let Some((id, line)) = pick(&text) {
            return Ok(Target {
                file: files[i].clone(),
                id,
                line,
            });
        }
    }
    Err(format!(
        "no bilingual document with a one-line text.en in {}",
        dir.display()
    ))
}

/// The document's id and the line to edit, if it is bilingual (English and
/// another language) and has an English text on one line.
fn pick(text: &str) -> Option<(String, usize)> {
    let (mut id, mut bilingual, mut in_node) = (None, false, false);
    let mut kind = "";
    let (mut clauses, mut others) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line == "[[node]]" {
            (in_node, kind) = (true, "");
        } else if let Some(v) = line.strip_prefix("id = ").filter(|_| !in_node) {
            id = id.or_else(|| Some(v.trim_matches('"').to_string()));
        } else if let Some(v) = line.strip_prefix("languages = ").filter(|_| !in_node) {
            bilingual = v.contains("\"en\"") && v.contains(',');
        } else if let Some(v) = line.strip_prefix("kind = ").filter(|_| in_node) {
            kind = v.trim_matches('"');
        } else if in_node && editable(line) {
            if kind == "clause" {
                &mut clauses
            } else {
                &mut others
            }
            .push(i);
        }
    }
    let lines = if clauses.is_empty() { others } else { clauses };
    let line = *lines.get(lines.len() / 2)?;
    bilingual.then_some(())?;
    Some((id?, line))
}

/// A one-line TOML basic string `text.en = "…"` that the marker can end.
fn editable(line: &str) -> bool {
    line.strip_prefix("text.en = \"")
        .and_then(|rest| rest.strip_suffix('"'))
        .is_some_and(|body| !body.is_empty() && !body.starts_with('"') && !body.ends_with('\\'))
}

/// `original` with `marker` (plain ASCII, no quote or backslash) appended
/// to the string on line `line`, before its closing quote.
pub fn with_marker(original: &[u8], line: usize, marker: &str) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(original).map_err(|e| format!("not UTF-8: {e}"))?;
    let mut out = String::with_capacity(text.len() + marker.len());
    let mut done = false;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i != line {
            out.push_str(l);
            continue;
        }
        let body = l.trim_end_matches(['\n', '\r']);
        let quote = body
            .rfind('"')
            .filter(|_| editable(body))
            .ok_or_else(|| format!("line {} is not a one-line text.en", line + 1))?;
        out.push_str(&body[..quote]);
        out.push_str(marker);
        out.push_str(&l[quote..]);
        done = true;
    }
    done.then_some(out.into_bytes())
        .ok_or_else(|| format!("no line {}", line + 1))
}

/// Copies the folder `from` to `to` (which must not exist).
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}
