//! Load stage: read the files under `content/` into raw serde types.
//!
//! A file that cannot be read, is not UTF-8 or is not valid TOML for its
//! type becomes a diagnostic, and loading goes on with the other files, so
//! that one run reports every problem.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use super::briefings::RawBriefing;
use super::raw::{RawCrosswalk, RawDocument, RawNotes, RawSite};
use crate::diag::{Diagnostic, LineIndex};
use crate::Error;

/// Largest content file read, in bytes; larger files are refused.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A value read from a file, with what is needed to point back into it.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub path: PathBuf,
    lines: LineIndex,
    pub value: T,
}

impl<T> Sourced<T> {
    /// The 1-based line where `span` starts.
    pub fn line(&self, span: Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    /// A diagnostic at the line where `span` starts.
    pub fn diag(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.path, Some(self.line(span)), message)
    }
}

/// Everything under `content/`, as read.
#[derive(Debug, Default)]
pub struct RawContent {
    pub site: Option<Sourced<RawSite>>,
    pub documents: Vec<Sourced<RawDocument>>,
    pub notes: Vec<Sourced<RawNotes>>,
    pub crosswalk: Option<Sourced<RawCrosswalk>>,
    pub briefings: Vec<Sourced<RawBriefing>>,
}

/// Reads `root` (the content folder). Problems in files are returned as
/// diagnostics; only a missing or unreadable content folder is an `Err`.
pub fn load(root: &Path) -> Result<(RawContent, Vec<Diagnostic>), Error> {
    load_cached(root, &mut Cache::default())
}

/// As [`load`], re-parsing only the files whose size or modification time
/// changed since the cache saw them (for `serve`).
pub fn load_cached(root: &Path, cache: &mut Cache) -> Result<(RawContent, Vec<Diagnostic>), Error> {
    if !root.is_dir() {
        return Err(Error::Usage(format!(
            "content folder `{}` not found; run accord from the project root or pass --content",
            root.display()
        )));
    }
    cache.changed.clear();
    let mut seen = HashSet::new();
    let mut diags = Vec::new();
    let mut content = RawContent {
        site: cache.site.read(
            &root.join("site.toml"),
            &mut diags,
            true,
            &mut cache.changed,
            &mut seen,
        ),
        crosswalk: cache.crosswalk.read(
            &root.join("crosswalk.toml"),
            &mut diags,
            false,
            &mut cache.changed,
            &mut seen,
        ),
        ..RawContent::default()
    };
    for path in toml_files(&root.join("documents"), &mut diags) {
        content.documents.extend(cache.documents.read(
            &path,
            &mut diags,
            true,
            &mut cache.changed,
            &mut seen,
        ));
    }
    for path in toml_files(&root.join("notes"), &mut diags) {
        content.notes.extend(cache.notes.read(
            &path,
            &mut diags,
            true,
            &mut cache.changed,
            &mut seen,
        ));
    }
    // Briefings are few and small: read afresh every time, not cached
    // (`serve` renders every briefing on each rebuild).
    for path in toml_files(&root.join("briefings"), &mut diags) {
        content.briefings.extend(read_toml(&path, &mut diags, true));
    }
    let gone: Vec<PathBuf> = cache
        .paths()
        .filter(|p| !seen.contains(*p))
        .cloned()
        .collect();
    for path in gone {
        cache.forget(&path);
        cache.changed.push(path);
    }
    Ok((content, diags))
}

/// Size and modification time: a file whose fingerprint is unchanged is
/// not parsed again.
type Fingerprint = (u64, Option<std::time::SystemTime>);

fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// Parsed files by path, with their fingerprints.
#[derive(Debug)]
pub struct Files<T> {
    map: HashMap<PathBuf, (Fingerprint, Sourced<T>)>,
}

impl<T> Default for Files<T> {
    fn default() -> Self {
        Files {
            map: HashMap::new(),
        }
    }
}

impl<T: DeserializeOwned + Clone> Files<T> {
    fn read(
        &mut self,
        path: &Path,
        diags: &mut Vec<Diagnostic>,
        required: bool,
        changed: &mut Vec<PathBuf>,
        seen: &mut HashSet<PathBuf>,
    ) -> Option<Sourced<T>> {
        let fp = fingerprint(path);
        if fp.is_some() {
            seen.insert(path.to_path_buf());
        }
        if let (Some(fp), Some((old, value))) = (fp, self.map.get(path)) {
            if *old == fp {
                return Some(value.clone());
            }
        }
        changed.push(path.to_path_buf());
        self.map.remove(path);
        let value = read_toml::<T>(path, diags, required)?;
        if let Some(fp) = fp {
            self.map.insert(path.to_path_buf(), (fp, value.clone()));
        }
        Some(value)
    }
}

/// What `serve` keeps between rebuilds: every parsed content file.
#[derive(Debug, Default)]
pub struct Cache {
    site: Files<RawSite>,
    crosswalk: Files<RawCrosswalk>,
    documents: Files<RawDocument>,
    notes: Files<RawNotes>,
    /// The files that were new, changed or removed at the last load.
    pub changed: Vec<PathBuf>,
}

impl Cache {
    fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.site
            .map
            .keys()
            .chain(self.crosswalk.map.keys())
            .chain(self.documents.map.keys())
            .chain(self.notes.map.keys())
    }

    fn forget(&mut self, path: &Path) {
        self.site.map.remove(path);
        self.crosswalk.map.remove(path);
        self.documents.map.remove(path);
        self.notes.map.remove(path);
    }
}

/// The `.toml` files of a folder, sorted by name; any other file is a problem.
fn toml_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    for entry in WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if e.path().extension().is_some_and(|x| x == "toml") => files.push(e.into_path()),
            Ok(e) => diags.push(
                Diagnostic::new(e.path(), None, "not a .toml file")
                    .help("only .toml files belong in this folder; move this file elsewhere"),
            ),
            Err(e) => diags.push(Diagnostic::new(
                dir,
                None,
                format!("cannot list folder: {e}"),
            )),
        }
    }
    files
}

/// Reads and parses one file. A missing file is a problem only if `required`.
fn read_toml<T: DeserializeOwned>(
    path: &Path,
    diags: &mut Vec<Diagnostic>,
    required: bool,
) -> Option<Sourced<T>> {
    let text = read_text(path, diags, required)?;
    parse_toml(path, &text, diags)
}

/// Parses the text of a content file named `path` (for display).
pub fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Sourced<T>> {
    let lines = LineIndex::new(text);
    if let Some(value) = super::toml_lite::from_str::<T>(text) {
        return Some(Sourced {
            path: path.to_path_buf(),
            lines,
            value,
        });
    }
    match toml::from_str::<T>(text) {
        Ok(value) => Some(Sourced {
            path: path.to_path_buf(),
            lines,
            value,
        }),
        Err(e) => {
            let line = e.span().map(|s| lines.line(s.start));
            let message = e.message().trim_end().to_string();
            let help = if message.starts_with("unknown field") {
                "remove or rename the field; see content/README.md for the fields each table takes"
            } else if message.starts_with("missing field") {
                "add the field; see content/README.md"
            } else {
                "fix the TOML syntax at this line"
            };
            diags.push(Diagnostic::new(path, line, message).help(help));
            None
        }
    }
}

/// Reads a file as UTF-8 text, reporting size, I/O and encoding problems.
pub fn read_text(path: &Path, diags: &mut Vec<Diagnostic>, required: bool) -> Option<String> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(_) if !required => return None,
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("cannot read file: {e}"),
            ));
            return None;
        }
    };
    if meta.len() > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::new(
                path,
                None,
                format!(
                    "file is {} bytes, over the limit of {MAX_FILE_BYTES}",
                    meta.len()
                ),
            )
            .help("split the document into smaller files or remove what does not belong"),
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::new(
                path,
                None,
                format!("cannot read file: {e}"),
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = 1 + bytes[..good].iter().filter(|&&b| b == b'\n').count();
            diags.push(
                Diagnostic::new(
                    path,
                    Some(line),
                    format!(
                        "invalid UTF-8 (byte 0x{:02x} at offset {good})",
                        bytes[good]
                    ),
                )
                .help("save the file as UTF-8"),
            );
            None
        }
    }
}
