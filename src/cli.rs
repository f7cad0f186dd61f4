//! Command-line interface: the clap definitions and what each command does.
//! `main.rs` only parses, calls [`run`] and turns the result into an exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::content::model::DocKind;
use crate::content::raw::LangMap;
use crate::import::{self, manifest, Format, Options};
use crate::Error;

#[derive(Debug, Parser)]
#[command(
    name = "accord",
    version,
    about = "Static-site generator for bilingual diplomatic documents"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate all content; report every problem with file and line.
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Validate everything, then render the site into public/ (atomically:
    /// on any error the previous public/ stays as it was).
    Build {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The templates folder.
        #[arg(long, default_value = "templates")]
        templates: PathBuf,
        /// The folder of static files (CSS, JavaScript, icons).
        #[arg(long = "static", default_value = "static")]
        statics: PathBuf,
        /// The output folder, replaced as a whole.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Absolute URL the site is served at, for canonical and sitemap
        /// URLs (e.g. the GitHub Pages URL) [default: base_url of content/site.toml].
        #[arg(long)]
        base_url: Option<String>,
        /// Leave out the search index (faster; the search box will not work).
        #[arg(long)]
        no_search: bool,
        /// Also print the wall time of each stage (load, check, theme,
        /// render+write, search, publish).
        #[arg(long)]
        timings: bool,
    },
    #[cfg(feature = "serve")]
    /// Build, serve the site on 127.0.0.1, watch content/, templates/ and
    /// static/, rebuild what a change affects and reload open pages.
    Serve {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The templates folder.
        #[arg(long, default_value = "templates")]
        templates: PathBuf,
        /// The folder of static files.
        #[arg(long = "static", default_value = "static")]
        statics: PathBuf,
        /// The output folder, replaced at start.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        /// Interface to listen on; only loopback unless asked.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Leave out the search index.
        #[arg(long)]
        no_search: bool,
    },
    /// Convert raw source texts into content files, with a report of every
    /// line not carried over and every doubt.
    Import(Box<ImportArgs>),
    /// Print every briefing and every document page of a built site to PDF
    /// with headless Chromium, into <out>/pdf/.
    Pdf {
        /// The folder to write pdf/ into (next to the site).
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// The built site to print (made by `accord build`).
        #[arg(long, default_value = "public")]
        site: PathBuf,
        /// Print only these, by PDF name without `.pdf`
        /// (e.g. briefing-trade-investment-finance) [default: all].
        names: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Source files to import.
    #[arg(required_unless_present = "manifest", conflicts_with = "manifest")]
    pub sources: Vec<PathBuf>,
    /// Import every document listed in a manifest (e.g. content/imports.toml).
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// With --manifest: the folder of the sources, instead of the manifest's `sources`.
    #[arg(long, requires = "manifest")]
    pub sources_dir: Option<PathBuf>,
    /// Folder to write the content files to [default: content/documents, or the manifest's `output`].
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
    /// Document kind: action-plan or policy-paper [default: guessed].
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<DocKind>,
    /// Series, for editions of one plan (e.g. china-celac-action-plan).
    #[arg(long)]
    pub series: Option<String>,
    /// Edition or period (e.g. 2025-2027) [default: found in the id or title].
    #[arg(long)]
    pub edition: Option<String>,
    /// Date of the document, YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    /// Title in one language, as LANG=TEXT; repeat for each language.
    #[arg(long, value_parser = parse_title)]
    pub title: Vec<(String, String)>,
    /// Language of a one-language source [default: guessed].
    #[arg(long)]
    pub lang: Option<String>,
}

fn parse_kind(s: &str) -> Result<DocKind, String> {
    DocKind::parse(s).ok_or_else(|| format!("expected one of {}", DocKind::expected()))
}

fn parse_title(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .ok_or_else(|| "write it as LANG=TEXT, e.g. en=\"China's Policy Paper\"".to_string())
}

/// Runs a command, writing its normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    match cli.command {
        Command::Check { content } => {
            let site = crate::content::load_site(&content)?;
            let w = |e| Error::io("stdout", e);
            write!(
                out,
                "ok: {} documents, {} nodes, {} cross-links, {} notes",
                site.documents.len(),
                site.node_count(),
                site.links.len(),
                site.notes.len()
            )
            .map_err(w)?;
            if !site.briefings.is_empty() {
                write!(out, ", {} briefings", site.briefings.len()).map_err(w)?;
            }
            writeln!(out).map_err(w)
        }
        Command::Build {
            content,
            templates,
            statics,
            out: dir,
            base_url,
            no_search,
            timings,
        } => {
            if let Some(url) = &base_url {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    return Err(Error::Usage(format!(
                        "--base-url `{url}` is not an absolute http(s) URL"
                    )));
                }
            }
            let paths = crate::build::Paths {
                content,
                templates,
                statics,
                out: dir,
            };
            let summary = crate::build::build_with(
                &paths,
                &crate::build::Options {
                    base_url,
                    no_search,
                },
            )?;
            writeln!(out, "{summary}").map_err(|e| Error::io("stdout", e))?;
            if timings {
                writeln!(out, "{}", summary.timings()).map_err(|e| Error::io("stdout", e))?;
            }
            Ok(())
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            content,
            templates,
            statics,
            out: dir,
            port,
            bind,
            no_search,
        } => {
            let paths = crate::build::Paths {
                content,
                templates,
                statics,
                out: dir,
            };
            let options = crate::serve::ServeOptions {
                paths,
                build: crate::build::Options {
                    base_url: None,
                    no_search,
                },
                addr: std::net::SocketAddr::new(bind, port),
            };
            crate::serve::serve(
                options,
                std::sync::Arc::new(|line: String| eprintln!("{line}")),
            )
        }
        Command::Import(args) => run_import(*args, out),
        Command::Pdf {
            out: dir,
            site,
            names,
        } => crate::pdf::run(&site, &dir, &names, out),
    }
}

fn run_import(args: ImportArgs, out: &mut dyn Write) -> Result<(), Error> {
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
            };
            let jobs = args
                .sources
                .iter()
                .map(|s| manifest::Job {
                    source: s.clone(),
                    options: options.clone(),
                })
                .collect();
            (jobs, PathBuf::from("content/documents"))
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
        let imported = import::import(&name, &text, &job.options);
        let w = |e| Error::io("stdout", e);
        write!(out, "{}", imported.report).map_err(w)?;
        if !args.dry_run {
            let path = dir.join(format!("{}.toml", imported.document.id));
            crate::fsutil::write_atomic(
                &path,
                import::emit::to_toml(&imported.document).as_bytes(),
            )?;
            writeln!(out, "  wrote {}", display(&path)).map_err(w)?;
        }
    }
    Ok(())
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
