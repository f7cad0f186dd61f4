//! `accord build`: load → check → render → publish. The stages are the
//! library's; this runs them in order, times them and sums up.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::Checked;
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::render::{self, theme::Theme, Counts, Scope};
use crate::Error;

/// Where a build reads and writes: by default the folders of a site's
/// root ([`Paths::under`]).
#[derive(Debug, Clone)]
pub struct Paths {
    pub content: PathBuf,
    /// The site's own templates, over the default theme's (may be missing).
    pub templates: PathBuf,
    /// The site's own static files, over the default theme's (may be missing).
    pub statics: PathBuf,
    pub out: PathBuf,
}

impl Paths {
    /// The layout of a site's root folder: content/, templates/, static/,
    /// public/. For `.` the paths are the bare names (`content`), as
    /// messages then show them.
    pub fn under(root: &Path) -> Paths {
        let at = |name: &str| below(root, name);
        Paths {
            content: at("content"),
            templates: at("templates"),
            statics: at("static"),
            out: at("public"),
        }
    }
}

/// `rel` in `root`: `root/rel`, or `rel` alone for the current folder.
pub fn below(root: &Path, rel: impl AsRef<Path>) -> PathBuf {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        rel.as_ref().to_path_buf()
    } else {
        root.join(rel)
    }
}

/// What a build did.
#[derive(Debug)]
pub struct Summary {
    pub counts: Counts,
    /// Time to load, check, render and write, search index excluded.
    pub millis: u128,
    /// `None` when the build left the index out.
    pub search: Option<SearchSummary>,
    /// Wall time of each stage, in order (`accord build --timings`).
    pub stages: Vec<(&'static str, std::time::Duration)>,
    /// What the site works without but its publisher should see.
    pub warnings: Vec<Diagnostic>,
}

impl Summary {
    /// The stages' wall times on one line: `load 12 ms, check 3 ms, …`.
    pub fn timings(&self) -> String {
        let parts: Vec<String> = self
            .stages
            .iter()
            .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1e3))
            .collect();
        format!("stages: {}", parts.join(", "))
    }
}

/// What the search index holds and costs.
#[derive(Debug, Default)]
pub struct SearchSummary {
    pub records: usize,
    pub files: usize,
    pub bytes: usize,
    pub millis: u128,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.counts;
        write!(
            f,
            "built {}, {}, {}: {}, {} written in {} ms",
            counted(c.documents, "document", "documents"),
            counted(c.nodes, "node", "nodes"),
            counted(c.links, "cross-link", "cross-links"),
            counted(c.pages, "page", "pages"),
            counted(c.files, "file", "files"),
            self.millis
        )?;
        match &self.search {
            Some(s) => write!(
                f,
                "; search index: {} records, {} files, {} KB in {} ms",
                s.records,
                s.files,
                s.bytes.div_ceil(1024),
                s.millis
            ),
            None => write!(f, "; search index: left out"),
        }
    }
}

/// `n` and what it counts, singular for one: "1 note", "2 notes".
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How to build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides the `base_url` of content/site.toml.
    pub base_url: Option<String>,
    /// Leaves out the search index (faster; the search box will not work).
    pub no_search: bool,
}

/// Builds the site into `paths.out`, atomically, with its search index.
pub fn build(paths: &Paths, base_url: Option<&str>) -> Result<Summary, Error> {
    build_with(
        paths,
        &Options {
            base_url: base_url.map(str::to_string),
            no_search: false,
        },
    )
}

/// The checked content and the theme, read side by side.
struct Ready {
    checked: Checked,
    theme: Theme,
    loaded: Duration,
    checked_in: Duration,
    themed: Duration,
}

/// Loads and checks the content while the theme (templates to parse,
/// syntaxes to load) is read: every problem of both, the content's first.
fn ready(paths: &Paths) -> Result<Ready, Error> {
    let (checked, (theme, themed)) = rayon::join(
        || -> Result<_, Error> {
            let start = Instant::now();
            let (raw, read) = crate::source::load::load(&paths.content)?;
            let loaded = start.elapsed();
            let checked = crate::check::check(&paths.content, &raw, read);
            Ok((checked, loaded, start.elapsed() - loaded))
        },
        || {
            let start = Instant::now();
            let (theme, ()) = rayon::join(
                || Theme::load(&paths.templates, &paths.statics),
                render::markdown::warm_up,
            );
            (theme, start.elapsed())
        },
    );
    let (checked, loaded, checked_in) = checked?;
    match (checked, theme) {
        (Ok(checked), Ok(theme)) => Ok(Ready {
            checked,
            theme,
            loaded,
            checked_in,
            themed,
        }),
        (Err(mut content), Err(Error::Theme(theme))) => {
            content.extend(theme);
            Err(Error::Content(content))
        }
        (Err(content), _) => Err(Error::Content(content)),
        (Ok(_), Err(e)) => Err(e),
    }
}

/// What `accord check` does: every stage of a build but the writing (the
/// content checked, the theme read, every page rendered and dropped), so
/// that a site that checks builds. Returns the site and the warnings.
pub fn check(paths: &Paths) -> Result<(Site, Vec<Diagnostic>), Error> {
    let Ready { checked, theme, .. } = ready(paths)?;
    let site = checked.site;
    let warnings = theme.missing_strings(&site.language_codes());
    let base_url = base_url(None, &site.base_url);
    let derived = render::Derived::of(&site);
    let rendering = render::Rendering::new(
        &site,
        &checked.pages,
        &theme,
        &base_url,
        Scope::All,
        &derived,
    );
    (0..rendering.parts())
        .into_par_iter()
        .try_for_each(|i| rendering.part(i).map(drop))?;
    drop(rendering);
    Ok((site, warnings))
}

/// Builds the site into `paths.out`, atomically.
pub fn build_with(paths: &Paths, options: &Options) -> Result<Summary, Error> {
    let mut clock = Clock::default();
    let Ready {
        checked,
        theme,
        loaded,
        checked_in,
        themed,
    } = ready(paths)?;
    clock.lap("load+check");
    clock.beside("load", loaded);
    clock.beside("check", checked_in);
    clock.beside("theme (alongside)", themed);
    let site = &checked.site;
    let warnings = theme.missing_strings(&site.language_codes());
    let base_url = base_url(options.base_url.as_deref(), &site.base_url);
    let derived = render::Derived::of(site);
    let rendering = render::Rendering::new(
        site,
        &checked.pages,
        &theme,
        &base_url,
        Scope::All,
        &derived,
    );
    // The search index reads the pages as written into the staging folder.
    let mut search = None;
    let (files, pages) = crate::publish::publish_rendered(&paths.out, &rendering, |written| {
        if options.no_search {
            return Ok(Vec::new());
        }
        let (summary, files) = search_index(site, written)?;
        search = summary;
        Ok(files)
    })?;
    clock.lap("render+publish");
    if let Some(s) = &search {
        clock.apart(Duration::from_millis(s.millis as u64));
    }
    let counts = Counts {
        documents: site.documents.len(),
        nodes: site.node_count(),
        links: site.links.len(),
        pages,
        files,
    };
    Ok(Summary {
        counts,
        millis: clock.total_millis(),
        search,
        stages: clock.stages,
        warnings,
    })
}

/// The URL the site is served at: `option` (from the command line) if
/// given, else the site's, with a final `/`.
pub fn base_url(option: Option<&str>, site: &str) -> String {
    let url = option.unwrap_or(site);
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// Wall time by stage; stages timed `apart` are not in the total.
struct Clock {
    last: Instant,
    stages: Vec<(&'static str, std::time::Duration)>,
    apart: std::time::Duration,
    start: Instant,
}

impl Default for Clock {
    fn default() -> Clock {
        let now = Instant::now();
        Clock {
            last: now,
            stages: Vec::new(),
            apart: std::time::Duration::ZERO,
            start: now,
        }
    }
}

impl Clock {
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.stages.push((name, now - self.last));
        self.last = now;
    }

    /// A stage timed within the last lap, shown but not added up.
    fn beside(&mut self, name: &'static str, d: std::time::Duration) {
        self.stages.push((name, d));
    }

    /// Takes `d`, timed within the last lap, out of the total.
    fn apart(&mut self, d: Duration) {
        self.apart += d;
    }

    fn total_millis(&self) -> u128 {
        (self.last - self.start - self.apart).as_millis()
    }
}

/// The search index of the site's pages written under `pages`, and its
/// files.
#[cfg(feature = "search")]
fn search_index(
    site: &crate::model::Site,
    pages: &Path,
) -> Result<(Option<SearchSummary>, Vec<render::OutFile>), Error> {
    let start = Instant::now();
    let index = crate::search::index(site, pages)?;
    let summary = SearchSummary {
        records: index.records,
        files: index.files.len(),
        bytes: index.bytes(),
        millis: start.elapsed().as_millis(),
    };
    Ok((Some(summary), index.files))
}

/// Built without the `search` feature: no index.
#[cfg(not(feature = "search"))]
fn search_index(
    _: &crate::model::Site,
    _: &Path,
) -> Result<(Option<SearchSummary>, Vec<render::OutFile>), Error> {
    Ok((None, Vec::new()))
}
