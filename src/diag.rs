//! Diagnostics: a problem in the content, with the file, the line and what to do.
//!
//! Every stage that looks at content collects *all* its problems as
//! [`Diagnostic`]s instead of stopping at the first one.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line number, when the problem has a place in the file.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
            help: None,
        }
    }

    /// Adds the "what to do" part.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl Diagnostic {
    /// The diagnostic as a warning: something the site works without, but
    /// not as its publisher means it.
    pub fn warning(&self) -> String {
        let error = self.to_string();
        format!("warning{}", &error["error".len()..])
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", tidy(&path_text(&self.file), usize::MAX))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", tidy(&self.message, SHOWN_CHARS))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", tidy(help, SHOWN_CHARS))?;
        }
        Ok(())
    }
}

/// A path as text: the bytes of a name that are not UTF-8 written `\xFF`,
/// so that `bad\xFF.css` is not shown as `bad\u{FFFD}.css`, another name.
pub fn path_text(path: &Path) -> Cow<'_, str> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut out = String::new();
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            }
            return Cow::Owned(out);
        }
    }
    path.to_string_lossy()
}

/// Longest value between backticks that a message shows whole, in
/// characters: every valid id and citation key is shorter.
const SHOWN_CHARS: usize = 120;
/// How much of a longer value it shows.
const PREFIX_CHARS: usize = 60;

/// `text` as a message prints it. A value between backticks longer than
/// `longest` characters is cut to its first [`PREFIX_CHARS`], `…`, and its
/// length after the closing backtick: `kkk…` (1048576 bytes) (a key of a
/// megabyte was echoed whole, a 10,000-segment id as 60 KB). A control
/// character, or an invisible one that `check` refuses in content (U+202E
/// …), is written as its code point, `<U+202E>`, wherever it is: a message
/// neither moves the terminal's cursor nor reorders its own line.
pub fn tidy(text: &str, longest: usize) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || crate::check::invisible::is_refused(c)
    };
    let long = || {
        text.split('`')
            .skip(1)
            .step_by(2)
            .any(|v| v.len() > longest)
    };
    if !text.chars().any(hidden) && !long() {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut cut = None;
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if let Some(bytes) = cut.take() {
            out.push_str(&format!(" ({bytes} bytes)"));
        }
        let part = if i % 2 == 1 && part.chars().count() > longest {
            cut = Some(part.len());
            let end = part
                .char_indices()
                .nth(PREFIX_CHARS)
                .map_or(part.len(), |(at, _)| at);
            &part[..end]
        } else {
            part
        };
        for c in part.chars() {
            if hidden(c) {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            } else {
                out.push(c);
            }
        }
        if cut.is_some() {
            out.push('…');
        }
    }
    Cow::Owned(out)
}

/// Sorts diagnostics by file and line so that reports are deterministic.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
}

/// Maps byte offsets of a text to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// As `u32`: a content file is at most a few megabytes, and the loader
    /// keeps the index of every file it read.
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        LineIndex { starts }
    }

    /// The index of the line starts the TOML reader found while reading.
    pub fn from_starts(starts: Vec<u32>) -> Self {
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// A path shown relative to `base` when it lies below it, as it was otherwise.
pub fn display_path(base: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(base).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
    }

    #[test]
    fn long_values_are_cut_and_hidden_characters_named() {
        let key = "k".repeat(1 << 20);
        let d = Diagnostic::new(
            "a.toml",
            Some(3),
            format!("unknown field `{key}`, expected `id`"),
        )
        .help(format!("there is no document `{key}`"));
        let k60 = "k".repeat(60);
        assert_eq!(
            d.to_string(),
            format!("error: a.toml:3: unknown field `{k60}…` (1048576 bytes), expected `id`\n  help: there is no document `{k60}…` (1048576 bytes)")
        );
        let id = "a".repeat(120);
        let whole = format!("`{id}` is not valid");
        assert_eq!(tidy(&whole, SHOWN_CHARS), whole);
        assert_eq!(
            tidy("title `a\u{202e}b\u{1b}[2J` in `x`\n\tnext", SHOWN_CHARS),
            "title `a<U+202E>b<U+001B>[2J` in `x`\n\tnext"
        );
        let d = Diagnostic::new("bad\u{202e}txt.css", None, "x");
        assert_eq!(d.to_string(), "error: bad<U+202E>txt.css: x");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = std::ffi::OsStr::from_bytes(b"static/bad\xff\xfe.css");
            let d = Diagnostic::new(name, None, "x");
            assert_eq!(d.to_string(), "error: static/bad\\xFF\\xFE.css: x");
        }
    }

    #[test]
    fn display_names_file_line_and_help() {
        let d = Diagnostic::new("content/a.toml", Some(3), "duplicate id `x`").help("rename one");
        assert_eq!(
            d.to_string(),
            "error: content/a.toml:3: duplicate id `x`\n  help: rename one"
        );
    }
}
