//! Rebuilds for `serve`, on the stages of `build` with their outputs
//! cached: files parsed again only when their bytes changed, documents
//! checked again only when their file did; only the documents a change
//! affects are rendered again (with the pages that link to them), and only
//! files whose bytes changed are written.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::build::{Options, Paths};
use crate::check;
use crate::model::Site;
use crate::render::theme::Theme;
use crate::render::{self, Derived, OutFile, Scope};
use crate::source::load;
use crate::Error;

use super::affected::{affected, site_wide_hash, Affected};

/// What one rebuild did, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The documents rendered again; `None`: the whole site.
    pub documents: Option<Vec<String>>,
    /// Whether the site-wide pages were rendered again with them.
    pub site_wide: bool,
    /// The site paths rendered, written or not.
    pub rendered: Vec<String>,
    pub written: usize,
    pub removed: usize,
    pub millis: u128,
}

impl std::fmt::Display for Rebuilt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.documents {
            None => write!(f, "rebuilt the whole site")?,
            Some(ids) => write!(
                f,
                "rebuilt {} document(s) [{}]{}",
                ids.len(),
                ids.join(", "),
                if self.site_wide {
                    " and the site pages"
                } else {
                    ""
                }
            )?,
        }
        write!(
            f,
            ": {} of {} file(s) written, {} removed in {} ms",
            self.written,
            self.rendered.len(),
            self.removed,
            self.millis
        )
    }
}

/// The state kept between rebuilds: the outputs of the stages, cached by
/// what they were made from (the loader's files by their bytes, the
/// checked documents by their file), and the last site built.
pub struct Session {
    paths: Paths,
    options: Options,
    files: load::Cache,
    checked: check::Cache,
    /// The theme and the files it was read from.
    theme: Option<(Vec<Stamp>, Theme)>,
    /// The last site built, with the theme and pages it was built with.
    built: Option<Built>,
    /// What whole series derive in the last site built (none while a
    /// rebuild is under way: a failed one makes it again).
    derived: Option<Derived>,
    /// Every file written to the output folder, with a hash of its bytes.
    outputs: BTreeMap<String, u64>,
}

struct Built {
    /// Shared with the search indexer, which runs behind.
    site: Arc<Site>,
    theme: Vec<Stamp>,
    pages: Vec<Stamp>,
}

/// A file's path, size and modification time.
type Stamp = (PathBuf, u64, Option<SystemTime>);

fn stamps(dirs: &[&Path]) -> Vec<Stamp> {
    let mut out = Vec::new();
    for dir in dirs {
        for e in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if let Ok(m) = e.metadata() {
                if m.is_file() {
                    out.push((e.into_path(), m.len(), m.modified().ok()));
                }
            }
        }
    }
    out
}

pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

impl Session {
    pub fn new(paths: Paths, options: Options) -> Session {
        Session {
            paths,
            options,
            files: load::Cache::default(),
            checked: check::Cache::default(),
            theme: None,
            built: None,
            derived: None,
            outputs: BTreeMap::new(),
        }
    }

    /// The site last built.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.built.as_ref().map(|b| b.site.clone())
    }

    /// Runs the stages again: loads (parsing only changed files), checks
    /// (checking only changed documents), renders what the change affects
    /// (everything after a change of the theme, the pages, the briefings,
    /// the topics or site.toml) and writes only the files whose bytes changed. On an
    /// error the output folder stays as it was.
    pub fn rebuild(&mut self) -> Result<Rebuilt, Error> {
        let start = Instant::now();
        let content = &self.paths.content;
        let (raw, read) = load::load_cached(content, &mut self.files)?;
        let checked =
            check::check_cached(content, &raw, read, &mut self.checked).map_err(Error::Content)?;
        drop(raw);
        let theme_stamps = stamps(&[&self.paths.templates, &self.paths.statics]);
        if self.theme.as_ref().is_none_or(|(s, _)| *s != theme_stamps) {
            let theme = Theme::load(&self.paths.templates, &self.paths.statics)?;
            self.theme = Some((theme_stamps.clone(), theme));
        }
        let theme = &self.theme.as_ref().expect("theme loaded above").1;
        let page_stamps = stamps(&[
            &content.join("pages"),
            &content.join("briefings"),
            &content.join("site.toml"),
            // Topics show on every document's page, their own pages, the
            // briefings' topic items and the search box: all of it again.
            &content.join("topics.toml"),
        ]);
        let site = &checked.site;
        let base_url = crate::build::base_url(self.options.base_url.as_deref(), &site.base_url);
        let paths = |files: &[OutFile]| files.iter().map(|f| f.path.clone()).collect();
        let derived = match (self.derived.take(), &self.built) {
            (Some(d), Some(old)) => d.update(&old.site, site),
            _ => Derived::of(site),
        };
        let render =
            |scope| render::render_scope(site, &checked.pages, theme, &base_url, scope, &derived);
        let (documents, site_wide, rendered, written, removed) = match &self.built {
            None => {
                let files = render(Scope::All)?;
                crate::publish::publish(&self.paths.out, &files)?;
                self.outputs = files
                    .iter()
                    .map(|f| (f.path.clone(), hash(&f.bytes)))
                    .collect();
                (None, true, paths(&files), files.len(), 0)
            }
            Some(old) if old.theme == theme_stamps && old.pages == page_stamps => {
                let old = &old.site;
                let Affected {
                    docs,
                    nodes,
                    figures,
                } = affected(old, site);
                let site_wide = figures || site_wide_hash(old) != site_wide_hash(site);
                let scope = Scope::Documents {
                    docs: &docs,
                    nodes: &nodes,
                    site_wide,
                };
                let files = render(scope)?;
                let gone = self.stale(site, &files, false);
                let (written, removed) = self.write(&files, &gone)?;
                let ids = docs.iter().map(|&d| site.documents[d].id.clone());
                (
                    Some(ids.collect()),
                    site_wide,
                    paths(&files),
                    written,
                    removed,
                )
            }
            Some(_) => {
                let files = render(Scope::All)?;
                let gone = self.stale(site, &files, true);
                let (written, removed) = self.write(&files, &gone)?;
                (None, true, paths(&files), written, removed)
            }
        };
        self.derived = Some(derived);
        self.built = Some(Built {
            site: Arc::new(checked.site),
            theme: theme_stamps,
            pages: page_stamps,
        });
        Ok(Rebuilt {
            documents,
            site_wide,
            rendered,
            written,
            removed,
            millis: start.elapsed().as_millis(),
        })
    }

    /// Files written before that the new site no longer has (search files
    /// are the indexer's business).
    fn stale(&self, site: &Site, files: &[OutFile], full: bool) -> Vec<String> {
        let made: HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let ids: HashSet<&str> = site.documents.iter().map(|d| d.id.as_str()).collect();
        // A file is a gone document's only if that document was in the
        // site before: `data/topics.json` is no document's.
        let before: HashSet<&str> = (self.built.iter())
            .flat_map(|b| b.site.documents.iter().map(|d| d.id.as_str()))
            .collect();
        self.outputs
            .keys()
            .filter(|p| !made.contains(p.as_str()) && !p.starts_with("pagefind/"))
            .filter(|p| {
                full || document_of(p).is_some_and(|id| before.contains(id) && !ids.contains(id))
            })
            .cloned()
            .collect()
    }

    /// Writes the files whose bytes changed, each atomically, and removes `gone`.
    fn write(&mut self, files: &[OutFile], gone: &[String]) -> Result<(usize, usize), Error> {
        let mut written = 0;
        for f in files {
            let h = hash(&f.bytes);
            if self.outputs.get(&f.path) != Some(&h) {
                crate::fsutil::replace(&self.paths.out.join(&f.path), &f.bytes)?;
                self.outputs.insert(f.path.clone(), h);
                written += 1;
            }
        }
        for p in gone {
            let path = self.paths.out.join(p);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(path, e)),
            }
            remove_empty_folders(&self.paths.out, p);
            self.outputs.remove(p);
        }
        Ok((written, gone.len()))
    }
}

/// Removes the folders of the site path `removed` that it left empty, the
/// innermost first (a deleted document's `documents/<id>/`, which a full
/// build would not have). A folder that still holds anything (a PDF that
/// `accord pdf` wrote, another file) stays: `remove_dir` removes only an
/// empty one, and its refusal ends the walk.
fn remove_empty_folders(out: &Path, removed: &str) {
    let mut folder = Path::new(removed).parent();
    while let Some(f) = folder.filter(|f| !f.as_os_str().is_empty()) {
        if std::fs::remove_dir(out.join(f)).is_err() {
            break;
        }
        folder = f.parent();
    }
}

/// The id of the document a site path may belong to (`documents/<id>/…`,
/// `data/<id>.json`).
fn document_of(path: &str) -> Option<&str> {
    if let Some(rest) = path.strip_prefix("documents/") {
        return rest.split('/').next();
    }
    path.strip_prefix("data/")
        .and_then(|f| f.strip_suffix(".json"))
        .filter(|f| *f != "crosswalk")
}
