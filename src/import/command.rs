//! The `accord import` command: its arguments and what it does with them
//! (one source, several, or every document of a manifest).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::instructions::Instruction;
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
    /// Source files to import. With --id, several files are one document,
    /// a file per language (`plan.zh.md plan.en.md plan.es.md`), aligned by
    /// their numbering.
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
    /// The source's format [default: guessed from the file]: interleaved (a
    /// line per language, or one line split by wide gaps), rows (`中文 |
    /// English | Español`), blocks (the whole text in each language in
    /// turn), front-matter (YAML `title-<lang>`, `body-<lang>` keys),
    /// markdown or text (one language).
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
    /// The source's language, or its languages in the source's order,
    /// comma-separated (`zh-Hans,en,es`: the columns of rows, the lines of
    /// an interleaved paragraph, the blocks, the files) [default: from the
    /// file names (`plan.es.md`, `plan.zh-en.txt`), else found in the text].
    /// A text that contradicts it is an error.
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    /// The language whose numbering gives the structure [default: the first].
    #[arg(long)]
    pub structural: Option<String>,
    /// Join source lines FIRST to LAST into one (a title or note a
    /// conversion broke over lines), e.g. 3-5, or FILE:3-5 with several
    /// files; repeatable. Record it as `join` in content/imports.toml.
    #[arg(long, value_name = "FIRST-LAST", value_parser = |s: &str| Instruction::parse(s, true))]
    pub join: Vec<Instruction>,
    /// Leave source line LINE out (a duplicated line), e.g. 12, or
    /// FILE:12; repeatable; the report lists it. Record it as `drop` in
    /// content/imports.toml.
    #[arg(long, value_name = "LINE", value_parser = |s: &str| Instruction::parse(s, false))]
    pub drop: Vec<Instruction>,
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
            let options = Options {
                format: args.format,
                id: args.id.clone(),
                kind: args.kind,
                series: args.series.clone(),
                edition: args.edition.clone(),
                date: args.date.clone(),
                title: args.title.iter().cloned().collect::<LangMap>(),
                lang: (args.lang.len() == 1).then(|| args.lang[0].clone()),
                languages: if args.lang.len() > 1 {
                    args.lang.clone()
                } else {
                    Vec::new()
                },
                structural: args.structural.clone(),
                schemes: None,
                instructions: args.join.iter().chain(&args.drop).cloned().collect(),
                provenance: Default::default(),
            };
            // With --id, the files are one document; else one each.
            let jobs = if args.id.is_some() {
                vec![manifest::Job {
                    sources: args.sources.clone(),
                    options,
                }]
            } else {
                args.sources
                    .iter()
                    .map(|s| manifest::Job {
                        sources: vec![s.clone()],
                        options: options.clone(),
                    })
                    .collect()
            };
            (
                jobs,
                Paths::under(&args.root.root).content.join("documents"),
            )
        }
    };
    let dir = args.out.clone().unwrap_or(default_out);
    // What is written must check on the site it is for: its languages and
    // kinds, when there is one.
    let site_toml = match &args.manifest {
        Some(m) => m.parent().unwrap_or(Path::new(".")).join("site.toml"),
        None => Paths::under(&args.root.root).content.join("site.toml"),
    };
    let site = crate::check::site_terms(&site_toml);
    for job in jobs {
        let mut files = Vec::new();
        for source in &job.sources {
            let text = std::fs::read(source).map_err(|e| Error::io(source, e))?;
            let name = source.file_name().map_or_else(
                || source.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            files.push((name, String::from_utf8_lossy(&text).into_owned()));
        }
        let imported = match files.as_slice() {
            [(name, text)] => super::import(name, text, &job.options),
            _ => super::import_files(&files, &job.options),
        };
        let w = |e| Error::io("stdout", e);
        write!(out, "{}", imported.report).map_err(w)?;
        if !imported.errors.is_empty() {
            // The diagnostics name the file by its name; point them at its path.
            let errors = imported
                .errors
                .into_iter()
                .map(|mut d| {
                    if let Some(p) = job
                        .sources
                        .iter()
                        .find(|p| p.file_name().is_some_and(|n| *n == *d.file))
                    {
                        d.file = p.clone();
                    }
                    d
                })
                .collect();
            return Err(Error::Content(errors));
        }
        let toml = emit::to_toml(&imported.document);
        let problems =
            super::verify::problems(&imported.document, &toml, &job.sources, site.as_ref());
        if !problems.is_empty() {
            return Err(Error::Content(problems));
        }
        if !args.dry_run {
            let path = dir.join(format!("{}.toml", imported.document.id));
            crate::fsutil::write_atomic(&path, toml.as_bytes())?;
            writeln!(out, "  wrote {}", path.display()).map_err(w)?;
        }
    }
    Ok(())
}
