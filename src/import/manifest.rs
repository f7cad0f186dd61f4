//! `content/imports.toml`: how each published document was imported, so
//! that `accord import --manifest content/imports.toml` re-makes them all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::instructions::Instruction;
use super::schemes::{LevelDef, SchemeDef, Table};
use super::{Format, OfficialSource, Options, Provenance};
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
    /// Numbering schemes added for every import.
    #[serde(default)]
    scheme: Vec<SchemeDef>,
    #[serde(rename = "import")]
    imports: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    /// The source file …
    #[serde(default)]
    source: Option<String>,
    /// … or several, one per language, aligned by their numbering.
    #[serde(default)]
    sources: Vec<String>,
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
    /// Who issued the document, per language (written as given).
    #[serde(default)]
    author: LangMap,
    /// Who published it, per language (written as given).
    #[serde(default)]
    publisher: LangMap,
    /// Where it was adopted, per language (written as given).
    #[serde(default)]
    place: LangMap,
    /// Its official sources (written as given).
    #[serde(default)]
    official: Vec<OfficialSource>,
    #[serde(default)]
    lang: Option<String>,
    /// The languages of a source in several, in its order (or of the files).
    #[serde(default)]
    languages: Vec<String>,
    /// The language whose numbering gives the structure.
    #[serde(default)]
    structural: Option<String>,
    /// The import profile: levels of schemes by scheme id …
    #[serde(default)]
    levels: BTreeMap<String, LevelDef>,
    /// … and schemes of this source only.
    #[serde(default)]
    scheme: Vec<SchemeDef>,
    /// Lines to join, `"FIRST-LAST"` (or `"FILE:FIRST-LAST"`), as decided
    /// once for this source.
    #[serde(default)]
    join: Vec<String>,
    /// Lines to leave out, `"LINE"` (or `"FILE:LINE"`).
    #[serde(default)]
    drop: Vec<String>,
}

/// One import to make: the source file and the options.
#[derive(Debug, Clone)]
pub struct Job {
    /// One source, or one file per language of one document.
    pub sources: Vec<PathBuf>,
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
    let mut problems = Vec::new();
    for e in raw.imports {
        let files: Vec<String> = e.source.iter().chain(&e.sources).cloned().collect();
        let named = files.join(", ");
        if files.is_empty() || (e.source.is_some() && !e.sources.is_empty()) {
            problems.push(
                Diagnostic::new(path, None, format!("import `{}`: give either `source` (one file) or `sources` (a file per language)", e.id))
                    .help("e.g. source = \"plan.zh-en.txt\", or sources = [\"plan.zh.md\", \"plan.en.md\"]"),
            );
            continue;
        }
        let mut schemes = e.scheme.clone();
        schemes.extend(
            raw.scheme
                .iter()
                .filter(|s| !e.scheme.iter().any(|o| o.id.get_ref() == s.id.get_ref()))
                .cloned(),
        );
        let table = if schemes.is_empty() && e.levels.is_empty() {
            Table::builtin()
        } else {
            match Table::new(&schemes, &e.levels) {
                Ok(t) => Arc::new(t),
                Err(found) => {
                    problems.extend(found.into_iter().map(|p| {
                        let line = p.span.map(|s| lines.line(s.start));
                        Diagnostic::new(path, line, format!("import of `{}`: {}", named, p.message))
                            .help("see content/README.md, \"Numbering schemes\"")
                    }));
                    continue;
                }
            }
        };
        if !crate::model::ids::is_document_id(&e.kind) {
            problems.push(
                Diagnostic::new(
                    path,
                    None,
                    format!("import of `{}`: `{}` is not a kind id", named, e.kind),
                )
                .help(format!(
                    "use lower-case letters, digits and single hyphens: one of the default kinds ({}) or one declared in site.toml",
                    DocKind::DEFAULTS.join(", ")
                )),
            );
            continue;
        }
        let kind = e.kind.clone();
        let parsed: Vec<Result<Instruction, String>> = e
            .join
            .iter()
            .map(|s| Instruction::parse(s, true))
            .chain(e.drop.iter().map(|s| Instruction::parse(s, false)))
            .collect();
        let mut instructions = Vec::new();
        for p in parsed {
            match p {
                Ok(i) => instructions.push(i),
                Err(message) => problems.push(
                    Diagnostic::new(path, None, format!("import of `{named}`: {message}"))
                        .help("`join = [\"3-5\"]` joins source lines 3 to 5; `drop = [\"12\"]` leaves line 12 out"),
                ),
            }
        }
        jobs.push(Job {
            sources: files.iter().map(|f| source_dir.join(f)).collect(),
            options: Options {
                format: e.format,
                id: Some(e.id),
                kind: Some(kind),
                series: e.series,
                edition: e.edition,
                date: e.date,
                title: e.title,
                lang: e.lang,
                languages: e.languages,
                structural: e.structural,
                schemes: Some(table),
                instructions,
                provenance: Provenance {
                    author: e.author,
                    publisher: e.publisher,
                    place: e.place,
                    official: e.official,
                },
            },
        });
    }
    if !problems.is_empty() {
        return Err(Error::Content(problems));
    }
    Ok(Manifest {
        output: dir.join(raw.output),
        jobs,
    })
}
