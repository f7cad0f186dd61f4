//! What `accord import` writes checks clean: the document is put through
//! the same checks as `accord check` (on the site's languages and kinds
//! when the site is there), and each problem is told at the source line of
//! the node it concerns, with what to do there. Import then writes nothing.

use std::path::Path;

use super::{DocumentOut, NodeOut};
use crate::diag::Diagnostic;
use crate::model::DocKind;
use crate::source::raw::RawDocument;

/// The problems `check` would find in `doc`, written out as `toml`, each at
/// its source line in the file of `sources` it comes from.
pub fn problems(
    doc: &DocumentOut,
    toml: &str,
    sources: &[std::path::PathBuf],
    site: Option<&(Vec<String>, Vec<DocKind>)>,
) -> Vec<Diagnostic> {
    let written = Path::new("content/documents").join(format!("{}.toml", doc.id));
    let mut found = Vec::new();
    let Some(file) = crate::source::load::parse_toml::<RawDocument>(&written, toml, &mut found)
    else {
        return found;
    };
    let (langs, kinds) = match site {
        Some((langs, kinds)) => (langs.clone(), kinds.clone()),
        None => (doc.languages.clone(), DocKind::defaults()),
    };
    // A language the site does not have: one problem, not one per text.
    let foreign: Vec<&str> = doc
        .languages
        .iter()
        .filter(|l| !langs.contains(l))
        .map(String::as_str)
        .collect();
    if !foreign.is_empty() {
        let source = sources.first().map_or(Path::new(""), |p| p.as_path());
        return vec![Diagnostic::new(
            source,
            None,
            format!(
                "the source is in `{}`, which is not one of the site's languages ({})",
                foreign.join("`, `"),
                langs.join(", ")
            ),
        )
        .help(format!(
            "add a [[language]] with code = \"{}\" to content/site.toml, or give the source's language with --lang if it was found wrongly; nothing was written",
            foreign[0]
        ))];
    }
    crate::check::check_one_document(&file, &langs, &kinds)
        .into_iter()
        .map(|d| {
            let node = d.line.and_then(|line| node_at(toml, line, &doc.nodes));
            let (line, what) = match node {
                Some(n) => (Some(n.line).filter(|&l| l > 0), format!("node `{}`", n.id)),
                None => (None, "the document".to_string()),
            };
            // The file the node's line is in, when there are several.
            let in_file = node.and_then(|n| n.file.as_deref());
            let source = sources
                .iter()
                .find(|p| in_file.is_some_and(|f| p.file_name().is_some_and(|n| n == f)))
                .or(sources.first())
                .map_or(Path::new(""), |p| p.as_path());
            let help = d.help.map_or(String::new(), |h| format!("{h}; "));
            let todo = if node.is_some() {
                "in the source: pair the line with its translation, or record in content/imports.toml how to read it (`join = [\"FIRST-LAST\"]` for lines broken apart, `drop = [\"LINE\"]` for a stray line; --join/--drop on the command line)"
            } else {
                "give what the source lacks in its entry in content/imports.toml (`title.LANG = \"…\"`, `kind`, `date`) or on the command line (--title LANG=TEXT, --kind, --date)"
            };
            Diagnostic::new(source, line, format!("{what} as imported: {}", d.message))
                .help(format!("{help}{todo}; nothing was written"))
        })
        .collect()
}

/// The node whose `[[node]]` table holds line `line` of `toml`.
fn node_at<'a>(toml: &str, line: usize, nodes: &'a [NodeOut]) -> Option<&'a NodeOut> {
    let mut id = None;
    for (i, l) in toml.lines().enumerate().take(line) {
        if l.trim() == "[[node]]" {
            id = toml.lines().nth(i + 1).and_then(|next| {
                next.strip_prefix("id = \"")
                    .and_then(|r| r.strip_suffix('"'))
            });
        }
    }
    let id = id?;
    nodes.iter().find(|n| n.id == id)
}
