//! The `accord import` command: its arguments and what it does with them
//! (one source, several, or every document of a manifest).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{emit, manifest, Format, Options};
use crate::build::Paths;
use crate::cli::RootArg;
use crate::model::DocKind;
use crate::source::raw::LangMap;
use crate::Error;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Source files to import.
    #[arg(required_unless_present = "manifest", conflicts_with = "manifest")]
    pub sources: Vec<PathBuf>,
    /// Import every document listed in a manifest (e.g. content/imports.toml).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// With --manifest: the folder of the sources, instead of the manifest's `sources`.
    #[arg(long, requires = "manifest")]
    pub sources_dir: Option<PathBuf>,
    /// Folder to write the content files to [default: <root>/content/documents, or the manifest's `output`].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print the report only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The source's format [default: guessed from the file].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Document id [default: from the file name].
    #[arg(long)]
    pub id: Option<String>,
    /// Document kind: a default (action-plan, policy-paper, law, treaty,
    /// statement, resolution) or one declared in site.toml [default:
    /// guessed from the title].
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<String>,
    /// Series, for editions of one plan (e.g. china-celac-action-plan).
    #[arg(long)]
    pub series: Option<String>,
    /// Edition or period (e.g. 2025-2027) [default: found in the id or title].
    #[arg(long)]
    pub edition: Option<String>,
    /// Date of the document, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Title in one language, as LANG=TEXT; repeat for each language. It fills in a
    /// language whose title the source does not print (the source's own is kept and
    /// the report says so).
    #[arg(long, value_parser = parse_title)]
    pub title: Vec<(String, String)>,
    /// Language of a one-language source [default: guessed].
    #[arg(long)]
    pub lang: Option<String>,
}

/// A kind id: one of the defaults ([`DocKind::DEFAULTS`]) or any other the
/// site declares in `site.toml` (which `check` verifies).
fn parse_kind(s: &str) -> Result<String, String> {
    if crate::model::ids::is_document_id(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "not a kind id (lower-case letters, digits, single hyphens); the defaults are {}",
            DocKind::DEFAULTS.join(", ")
        ))
    }
}

fn parse_title(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .ok_or_else(|| "write it as LANG=TEXT, e.g. en=\"China's Policy Paper\"".to_string())
}

/// Runs `accord import`, writing its report to `out`.
pub fn run(args: ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
    let (jobs, default_out) = match &args.manifest {
        Some(path) => {
            let m = manifest::read(path, args.sources_dir.as_deref())?;
            (m.jobs, m.output)
        }
        None => {
            if args.id.is_some() && args.sources.len() > 1 {
                return Err(Error::Usage(
                    "--id names one document: import one source at a time with it".into(),
                ));
            }
            let options = Options {
                format: args.format,
                id: args.id.clone(),
                kind: args.kind,
                series: args.series.clone(),
                edition: args.edition.clone(),
                date: args.date.clone(),
                title: args.title.iter().cloned().collect::<LangMap>(),
                lang: args.lang.clone(),
                schemes: None,
            };
            let jobs = args
                .sources
                .iter()
                .map(|s| manifest::Job {
                    source: s.clone(),
                    options: options.clone(),
                })
                .collect();
            (
                jobs,
                Paths::under(&args.root.root).content.join("documents"),
            )
        }
    };
    let dir = args.out.clone().unwrap_or(default_out);
    for job in jobs {
        let text = std::fs::read(&job.source).map_err(|e| Error::io(&job.source, e))?;
        let text = String::from_utf8_lossy(&text);
        let name = job.source.file_name().map_or_else(
            || job.source.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let imported = super::import(&name, &text, &job.options);
        let w = |e| Error::io("stdout", e);
        write!(out, "{}", imported.report).map_err(w)?;
        if !args.dry_run {
            let path = dir.join(format!("{}.toml", imported.document.id));
            crate::fsutil::write_atomic(&path, emit::to_toml(&imported.document).as_bytes())?;
            writeln!(out, "  wrote {}", path.display()).map_err(w)?;
        }
    }
    Ok(())
}
