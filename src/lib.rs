//! accord: a static-site generator for bilingual diplomatic documents.
//!
//! Data flows one way: [`source`] reads files into raw types;
//! [`check`] makes the immutable model of them, collecting every problem;
//! [`render`] makes the site's files of the model and the theme;
//! [`publish`] writes them atomically. [`import`] turns raw source texts
//! into content files.

pub mod build;
pub mod check;
pub mod cli;
pub mod diag;
pub mod fsutil;
pub mod fuzzing;
pub mod import;
pub mod init;
pub mod model;
pub mod pdf;
pub mod publish;
pub mod render;
#[cfg(feature = "search")]
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;
pub mod source;
pub mod theme_files;

use std::path::PathBuf;

use diag::Diagnostic;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content has problems; each names its file and line.
    #[error("{} problem{} in the content", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Content(Vec<Diagnostic>),
    /// The theme has problems: a template that does not parse or fails to
    /// render a page, interface strings that do not read.
    #[error("{} problem{} in the theme", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Theme(Vec<Diagnostic>),
    /// The command was called wrongly.
    #[error("{0}")]
    Usage(String),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// The process exit code: 1 for content and theme errors, 2 for usage
    /// and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Content(_) | Error::Theme(_) => 1,
            Error::Usage(_) | Error::Io { .. } => 2,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
