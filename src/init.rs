//! `accord init DIR`: writes a small working site into DIR: its content
//! only (`content/site.toml`, two invented bilingual documents, the
//! crosswalk between them, one Markdown page). It has no theme files, so
//! the default theme embedded in the binary is used; `accord theme --eject`
//! copies that out for editing.

use std::path::{Path, PathBuf};

use crate::theme_files::display_root;
use crate::Error;

/// The starter site's files: path below DIR, text (`src/init/starter/`).
const STARTER: &[(&str, &str)] = &[
    (
        "content/site.toml",
        include_str!("init/starter/content/site.toml"),
    ),
    (
        "content/documents/example-action-plan-2026-2028.toml",
        include_str!("init/starter/content/documents/example-action-plan-2026-2028.toml"),
    ),
    (
        "content/documents/example-policy-paper.toml",
        include_str!("init/starter/content/documents/example-policy-paper.toml"),
    ),
    (
        "content/crosswalk.toml",
        include_str!("init/starter/content/crosswalk.toml"),
    ),
    (
        "content/pages/about.md",
        include_str!("init/starter/content/pages/about.md"),
    ),
];

/// Writes the starter site into `dir` (made if missing) and returns the
/// files written, below `dir`. A folder that holds anything is refused
/// unless `force`; then the starter's files replace those of the same
/// name and nothing else is touched.
pub fn init(dir: &Path, force: bool) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(format!(
            "`{}` is a file: accord init writes a new site into a folder",
            dir.display()
        )));
    }
    if !force && !is_empty(dir)? {
        return Err(Error::Usage(format!(
            "{} is not empty: accord init writes a new site into an empty or new folder; \
             name another one, or pass --force to write the starter files into it \
             (files of the same names are replaced)",
            display_root(dir)
        )));
    }
    let mut written = Vec::new();
    for (rel, text) in STARTER {
        crate::fsutil::write_atomic(&dir.join(rel), text.as_bytes())?;
        written.push(PathBuf::from(rel));
    }
    Ok(written)
}

/// Whether `dir` is missing or holds nothing.
fn is_empty(dir: &Path) -> Result<bool, Error> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(Error::io(dir, e)),
    }
}

/// What to do next, after the list of files written.
pub fn next_steps(dir: &Path) -> String {
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("cd {} && ", dir.display())
    };
    format!(
        "next: {cd}accord serve   (then open http://127.0.0.1:8000/; \
         `accord build` writes the site into public/)"
    )
}
