//! Load stage: read the files under `content/` into raw serde types.
//!
//! A file that cannot be read, is not UTF-8 or is not valid TOML for its
//! type becomes a diagnostic, and loading goes on with the other files, so
//! that one run reports every problem.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use super::briefings::RawBriefing;
use super::commitments::RawCommitments;
pub use super::file_cache::Cache;
use super::raw::{RawCrosswalk, RawDocument, RawNotes, RawSite};
use super::topics::RawTopics;
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
    /// Shared, so that `serve` keeps a file read again unchanged, and the
    /// document checked from it ([`crate::check::Cache`]).
    pub documents: Vec<Arc<Sourced<RawDocument>>>,
    pub notes: Vec<Sourced<RawNotes>>,
    pub crosswalk: Option<Sourced<RawCrosswalk>>,
    pub briefings: Vec<Sourced<RawBriefing>>,
    /// `topics.toml`, when the site has one.
    pub topics: Option<Sourced<RawTopics>>,
    /// `commitments.toml`, when the site has one.
    pub commitments: Option<Sourced<RawCommitments>>,
}

/// Reads `root` (the content folder). Problems in files are returned as
/// diagnostics; only a missing or unreadable content folder is an `Err`.
/// Document and note files are read in parallel; the result and the
/// diagnostics are in the same order as one by one.
pub fn load(root: &Path) -> Result<(RawContent, Vec<Diagnostic>), Error> {
    load_with(root, None)
}

/// [`load`], parsing again only the document files whose bytes changed
/// since `cache` saw them (`serve`).
pub fn load_cached(root: &Path, cache: &mut Cache) -> Result<(RawContent, Vec<Diagnostic>), Error> {
    load_with(root, Some(cache))
}

fn load_with(
    root: &Path,
    cache: Option<&mut Cache>,
) -> Result<(RawContent, Vec<Diagnostic>), Error> {
    check_root(root)?;
    let mut diags = Vec::new();
    let ((site, crosswalk), documents) = rayon::join(
        || {
            (
                read_one(&root.join("site.toml"), true),
                read_one(&root.join("crosswalk.toml"), false),
            )
        },
        || super::file_cache::read_documents(&root.join("documents"), cache),
    );
    let notes = read_folder(&root.join("notes"));
    let briefings = read_folder(&root.join("briefings"));
    let topics = read_one(&root.join("topics.toml"), false);
    let commitments = read_one(&root.join("commitments.toml"), false);
    let content = RawContent {
        site: site.take(&mut diags),
        crosswalk: crosswalk.take(&mut diags),
        documents: documents.take(&mut diags),
        notes: notes.take(&mut diags),
        briefings: briefings.take(&mut diags),
        topics: topics.take(&mut diags),
        commitments: commitments.take(&mut diags),
    };
    Ok((content, diags))
}

pub(super) fn check_root(root: &Path) -> Result<(), Error> {
    if root.is_dir() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "content folder `{}` not found; run accord in the site's folder, pass --root DIR \
         (or --content DIR), or make a new site with `accord init DIR`",
        root.display()
    )))
}

/// What reading gave, with the problems found, in the order found.
pub(super) struct Read<T> {
    pub value: T,
    pub diags: Vec<Diagnostic>,
}

impl<T> Read<T> {
    /// The value; the problems go to `diags`.
    pub fn take(self, diags: &mut Vec<Diagnostic>) -> T {
        diags.extend(self.diags);
        self.value
    }
}

/// One file; a missing file is a problem only if `required`.
pub(super) fn read_one<T: DeserializeOwned>(
    path: &Path,
    required: bool,
) -> Read<Option<Sourced<T>>> {
    let mut diags = Vec::new();
    let value = read_toml(path, &mut diags, required);
    Read { value, diags }
}

/// The `.toml` files of a folder, sorted by name, parsed in parallel.
pub(super) fn read_folder<T: DeserializeOwned + Send>(dir: &Path) -> Read<Vec<Sourced<T>>> {
    let mut diags = Vec::new();
    let paths = toml_files(dir, &mut diags);
    let read: Vec<Read<Option<Sourced<T>>>> = paths.par_iter().map(|p| read_one(p, true)).collect();
    let mut value = Vec::with_capacity(read.len());
    for r in read {
        value.extend(r.take(&mut diags));
    }
    Read { value, diags }
}

/// A symbolic link in the content, refused: what it points to may be
/// anywhere on the machine.
pub(crate) fn symlink_refused(path: &Path) -> Diagnostic {
    Diagnostic::new(
        path,
        None,
        "is a symbolic link: accord reads only the files and folders of the project itself",
    )
    .help("replace the link with a copy of what it points to")
}

/// The `.toml` files of a folder, sorted by name; any other file is a
/// problem, and so is a symbolic link (the folder's own included).
pub(super) fn toml_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        diags.push(symlink_refused(dir));
        return files;
    }
    if !dir.is_dir() {
        return files;
    }
    for entry in WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        match entry {
            Ok(e) if e.path_is_symlink() => diags.push(symlink_refused(e.path())),
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
pub(super) fn read_toml<T: DeserializeOwned>(
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
    if let Some((value, starts)) = super::toml_lite::from_str::<T>(text) {
        return Some(Sourced {
            path: path.to_path_buf(),
            lines: LineIndex::from_starts(starts),
            value,
        });
    }
    let lines = LineIndex::new(text);
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
/// Only a regular file is read (a FIFO would never end, `/dev/zero` never
/// stop), and no further than the size limit, whatever its size says; a
/// symbolic link is refused, so that nothing outside the project is read.
pub fn read_text(path: &Path, diags: &mut Vec<Diagnostic>, required: bool) -> Option<String> {
    let cannot_read =
        |e: std::io::Error| Diagnostic::new(path, None, format!("cannot read file: {e}"));
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            diags.push(symlink_refused(path));
            return None;
        }
        Ok(m) if !m.is_file() => {
            diags.push(
                Diagnostic::new(
                    path,
                    None,
                    "not a regular file (a folder, a pipe or a device)",
                )
                .help("content files are plain files; remove this one or put the file itself here"),
            );
            return None;
        }
        Ok(_) => {}
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            diags.push(cannot_read(e));
            return None;
        }
    }
    let too_big = |len: u64| {
        Diagnostic::new(
            path,
            None,
            format!("file is {len} bytes, over the limit of {MAX_FILE_BYTES}"),
        )
        .help("split the document into smaller files or remove what does not belong")
    };
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| {
        std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_FILE_BYTES + 1), &mut bytes)
    });
    if let Err(e) = read {
        diags.push(cannot_read(e));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let len = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        diags.push(too_big(len));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let good = e.utf8_error().valid_up_to();
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
