//! `content/imports.toml`: how each published document was imported, so
//! that `accord import --manifest content/imports.toml` re-makes them all.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Format, Options};
use crate::diag::Diagnostic;
use crate::model::DocKind;
use crate::source::raw::LangMap;
use crate::Error;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    /// Folder of the sources, relative to the manifest's folder.
    sources: String,
    /// Folder the content files are written to, relative to the manifest's folder.
    output: String,
    #[serde(rename = "import")]
    imports: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    source: String,
    id: String,
    kind: String,
    #[serde(default)]
    format: Option<Format>,
    #[serde(default)]
    series: Option<String>,
    #[serde(default)]
    edition: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    title: LangMap,
    #[serde(default)]
    lang: Option<String>,
}

/// One import to make: the source file and the options.
#[derive(Debug, Clone)]
pub struct Job {
    pub source: PathBuf,
    pub options: Options,
}

/// The jobs of a manifest and the folder they write to.
#[derive(Debug, Clone)]
pub struct Manifest {
    pub output: PathBuf,
    pub jobs: Vec<Job>,
}

/// Reads a manifest; `sources` overrides the folder it names.
pub fn read(path: &Path, sources: Option<&Path>) -> Result<Manifest, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let lines = crate::diag::LineIndex::new(&text);
    let raw: RawManifest = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|s| lines.line(s.start));
        Error::Content(vec![Diagnostic::new(path, line, e.message().trim_end())
            .help("see content/README.md for the manifest's fields")])
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let source_dir = sources.map_or_else(|| dir.join(&raw.sources), Path::to_path_buf);
    let mut jobs = Vec::new();
    for e in raw.imports {
        if !crate::model::ids::is_document_id(&e.kind) {
            return Err(Error::Content(vec![Diagnostic::new(
                path,
                None,
                format!("import of `{}`: `{}` is not a kind id", e.source, e.kind),
            )
            .help(format!(
                "use lower-case letters, digits and single hyphens: one of the default kinds ({}) or one declared in site.toml",
                DocKind::DEFAULTS.join(", ")
            ))]));
        }
        let kind = e.kind.clone();
        jobs.push(Job {
            source: source_dir.join(&e.source),
            options: Options {
                format: e.format,
                id: Some(e.id),
                kind: Some(kind),
                series: e.series,
                edition: e.edition,
                date: e.date,
                title: e.title,
                lang: e.lang,
            },
        });
    }
    Ok(Manifest {
        output: dir.join(raw.output),
        jobs,
    })
}
