//! Command-line interface: the clap definitions and what each command does.
//! `main.rs` only parses, calls [`run`] and turns the result into an exit code.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::build::{below, counted, Paths};
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
    /// Write a small working site (two bilingual documents, a crosswalk, a
    /// page) into DIR, to build and serve with the default theme.
    Init {
        /// The folder to make the site in; it must be empty or new.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write into a folder that is not empty (replacing files of the same names).
        #[arg(long)]
        force: bool,
    },
    /// Load and validate all content; report every problem with file and line.
    Check {
        #[command(flatten)]
        root: RootArg,
        /// The content folder [default: <root>/content].
        #[arg(long)]
        content: Option<PathBuf>,
    },
    /// Validate everything, then render the site into public/ (atomically:
    /// on any error the previous public/ stays as it was).
    Build {
        #[command(flatten)]
        site: SiteArgs,
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
        #[command(flatten)]
        site: SiteArgs,
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
    /// List the theme's files and whether each is the site's own or the
    /// default theme's; with --eject, copy the default theme into the site.
    Theme {
        #[command(flatten)]
        root: RootArg,
        /// Write the default theme (templates/, templates/strings.toml,
        /// static/) into the site's folder, for editing.
        #[arg(long)]
        eject: bool,
        /// With --eject: replace files that exist.
        #[arg(long, requires = "eject")]
        force: bool,
    },
    /// Convert raw source texts into content files, with a report of every
    /// line not carried over and every doubt.
    Import(Box<crate::import::command::ImportArgs>),
    /// Print every briefing, document page, edition comparison, table of
    /// commitments and topic page of a built site to PDF with headless
    /// Chromium, into <out>/pdf/.
    Pdf {
        #[command(flatten)]
        root: RootArg,
        /// The folder to write pdf/ into (next to the site) [default: <root>/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// The built site to print (made by `accord build`) [default: <root>/public].
        #[arg(long)]
        site: Option<PathBuf>,
        /// Print only these, by PDF name without `.pdf`
        /// (e.g. briefing-trade-investment-finance) [default: all].
        names: Vec<String>,
    },
}

/// The site's folder.
#[derive(Debug, Args)]
pub struct RootArg {
    /// The site's folder, holding content/, public/ and the site's own
    /// theme files (templates/, static/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Where a site is read from and built to. Folders given explicitly are
/// taken as written (relative to the current folder), not below --root.
#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// The content folder [default: <root>/content].
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// The site's own templates, used over the default theme's by name
    /// [default: <root>/templates].
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// The site's own static files, used over the default theme's
    /// [default: <root>/static].
    #[arg(long = "static")]
    pub statics: Option<PathBuf>,
    /// The output folder, replaced as a whole [default: <root>/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
}

impl SiteArgs {
    pub fn paths(self) -> Paths {
        let under = Paths::under(&self.root.root);
        Paths {
            content: self.content.unwrap_or(under.content),
            templates: self.templates.unwrap_or(under.templates),
            statics: self.statics.unwrap_or(under.statics),
            out: self.out.unwrap_or(under.out),
        }
    }
}

/// Runs a command, writing its normal output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    let w = |e| Error::io("stdout", e);
    match cli.command {
        Command::Init { dir, force } => {
            for file in crate::init::init(&dir, force)? {
                writeln!(out, "wrote {}", below(&dir, file).display()).map_err(w)?;
            }
            writeln!(out, "{}", crate::init::next_steps(&dir)).map_err(w)
        }
        Command::Check { root, content } => {
            let mut paths = Paths::under(&root.root);
            if let Some(content) = content {
                paths.content = content;
            }
            let (site, warnings) = crate::build::check(&paths)?;
            for warning in &warnings {
                eprintln!("{}", warning.warning());
            }
            let mut counts = vec![
                counted(site.documents.len(), "document", "documents"),
                counted(site.node_count(), "node", "nodes"),
                counted(site.links.len(), "cross-link", "cross-links"),
                counted(site.notes.len(), "note", "notes"),
            ];
            if !site.briefings.is_empty() {
                counts.push(counted(site.briefings.len(), "briefing", "briefings"));
            }
            if !site.topics.is_empty() {
                counts.push(counted(site.topics.list.len(), "topic", "topics"));
            }
            if !site.corrections.is_empty() {
                counts.push(counted(site.corrections.len(), "correction", "corrections"));
            }
            write!(out, "ok: {}", counts.join(", ")).map_err(w)?;
            writeln!(out).map_err(w)
        }
        Command::Build {
            site,
            base_url,
            no_search,
            timings,
        } => {
            if let Some(url) = &base_url {
                // A missing final `/` is added (see build::base_url).
                let url = if url.ends_with('/') {
                    url.clone()
                } else {
                    format!("{url}/")
                };
                if let Some(problem) = crate::model::ids::base_url_problem(&url) {
                    return Err(Error::Usage(format!("--base-url `{url}` {problem}")));
                }
            }
            let options = crate::build::Options {
                base_url,
                no_search,
            };
            let summary = crate::build::build_with(&site.paths(), &options)?;
            for warning in &summary.warnings {
                eprintln!("{}", warning.warning());
            }
            writeln!(out, "{summary}").map_err(w)?;
            if timings {
                writeln!(out, "{}", summary.timings()).map_err(w)?;
            }
            Ok(())
        }
        #[cfg(feature = "serve")]
        Command::Serve {
            site,
            port,
            bind,
            no_search,
        } => {
            let options = crate::serve::ServeOptions {
                paths: site.paths(),
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
        Command::Theme { root, eject, force } => {
            if !eject {
                let paths = Paths::under(&root.root);
                return write!(out, "{}", crate::theme_files::listing(&paths)?).map_err(w);
            }
            for file in crate::theme_files::eject(&root.root, force)? {
                writeln!(out, "wrote {}", below(&root.root, file).display()).map_err(w)?;
            }
            Ok(())
        }
        Command::Import(args) => crate::import::command::run(*args, out),
        Command::Pdf {
            root,
            out: dir,
            site,
            names,
        } => {
            let public = Paths::under(&root.root).out;
            let site = site.unwrap_or_else(|| public.clone());
            crate::pdf::run(&site, &dir.unwrap_or(public), &names, out)
        }
    }
}
