//! Incremental rebuilds for `serve`: parsed files are cached, only the
//! documents a change affects are rendered again (with the pages that link
//! to them), and only files whose bytes changed are written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use crate::build::{Options, Paths};
use crate::content::load;
use crate::content::model::Site;
use crate::publish::Staging;
use crate::render::theme::Theme;
use crate::render::{self, OutFile, Scope};
use crate::Error;

/// What one rebuild did, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// `None`: the whole site; else the ids of the documents rendered again.
    pub documents: Option<Vec<String>>,
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
                "rebuilt {} document(s) [{}] and the site pages",
                ids.len(),
                ids.join(", ")
            )?,
        }
        write!(
            f,
            ": {} file(s) written, {} removed in {} ms",
            self.written, self.removed, self.millis
        )
    }
}

/// The state kept between rebuilds.
pub struct Session {
    paths: Paths,
    options: Options,
    cache: load::Cache,
    /// Content files changed since the last good build (a failed rebuild
    /// keeps them for the next one).
    pending: BTreeSet<PathBuf>,
    /// The loaded theme, with the stamps of the files it was loaded from.
    theme: Option<(Vec<Stamp>, Theme)>,
    /// Stamps of the theme, and of the pages and briefings, of the last good build.
    built_theme: Vec<Stamp>,
    pages: Vec<Stamp>,
    site: Option<Arc<Site>>,
    /// Every file of the output folder the session wrote, with a hash of its bytes.
    outputs: BTreeMap<String, u64>,
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
            cache: load::Cache::default(),
            pending: BTreeSet::new(),
            theme: None,
            built_theme: Vec::new(),
            pages: Vec::new(),
            site: None,
            outputs: BTreeMap::new(),
        }
    }

    /// The last site built without error.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.site.clone()
    }

    /// Brings the output folder up to date with the sources. On a content
    /// error nothing is written and the last good site stays as it was.
    pub fn rebuild(&mut self) -> Result<Rebuilt, Error> {
        let start = Instant::now();
        let loaded = crate::content::load_site_cached(&self.paths.content, &mut self.cache);
        self.pending.extend(self.cache.changed.iter().cloned());
        let (mut site, pages) = loaded?;
        if let Some(url) = &self.options.base_url {
            site.set_base_url(url);
        }
        let theme_stamps = stamps(&[&self.paths.templates, &self.paths.statics]);
        if self.theme.as_ref().is_none_or(|(s, _)| *s != theme_stamps) {
            let theme = Theme::load(&self.paths.templates, &self.paths.statics)?;
            self.theme = Some((theme_stamps.clone(), theme));
        }
        // Markdown pages and briefings show on the home page and beside
        // documents: a change to them rebuilds the whole site.
        let page_stamps = stamps(&[
            &self.paths.content.join("pages"),
            &self.paths.content.join("briefings"),
        ]);
        let pending: Vec<PathBuf> = self.pending.iter().cloned().collect();
        let full = self.site.is_none()
            || theme_stamps != self.built_theme
            || page_stamps != self.pages
            || pending
                .iter()
                .any(|p| p.file_name().is_some_and(|n| n == "site.toml"));
        let affected = match (&self.site, full) {
            (Some(old), false) => Some(affected(old, &site, &pending)),
            _ => None,
        };
        let theme = &self.theme.as_ref().expect("theme loaded above").1;
        let scope_docs: BTreeSet<usize> = affected.clone().unwrap_or_default();
        let (written, removed) = match &self.site {
            Some(old) if affected.is_some() => {
                let scope = Scope::Documents {
                    docs: &scope_docs,
                    site_wide: site_wide_hash(old) != site_wide_hash(&site),
                };
                let files = render::render_scope(&site, &pages, theme, scope)?;
                let gone = self.stale(&site, &files, false);
                self.write(&files, &gone)?
            }
            Some(_) => {
                let files = render::render_scope(&site, &pages, theme, Scope::All)?;
                let gone = self.stale(&site, &files, true);
                self.write(&files, &gone)?
            }
            None => {
                // First build: the whole folder, atomically, each file
                // written as it is rendered.
                let staging = Staging::new(&self.paths.out)?;
                let sink = Recorded {
                    staging: &staging,
                    outputs: Mutex::new(BTreeMap::new()),
                };
                render::render_into(&site, &pages, theme, Scope::All, &sink)?;
                let outputs = sink.outputs.into_inner().unwrap_or_default();
                staging.commit()?;
                self.outputs = outputs;
                (self.outputs.len(), 0)
            }
        };
        self.built_theme = theme_stamps;
        self.pages = page_stamps;
        self.pending.clear();
        let documents =
            affected.map(|set| set.iter().map(|&d| site.documents[d].id.clone()).collect());
        self.site = Some(Arc::new(site));
        Ok(Rebuilt {
            documents,
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
        self.outputs
            .keys()
            .filter(|p| !made.contains(p.as_str()) && !p.starts_with("pagefind/"))
            .filter(|p| full || document_of(p).is_some_and(|id| !ids.contains(id)))
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
            self.outputs.remove(p);
        }
        Ok((written, gone.len()))
    }
}

/// Writes the first build's files into the staging folder, recording a
/// hash of each.
struct Recorded<'a> {
    staging: &'a Staging,
    outputs: Mutex<BTreeMap<String, u64>>,
}

impl render::Sink for Recorded<'_> {
    fn put(&self, file: OutFile) -> Result<(), Error> {
        self.staging.write(&file)?;
        let h = hash(&file.bytes);
        if let Ok(mut o) = self.outputs.lock() {
            o.insert(file.path, h);
        }
        Ok(())
    }
}

/// The id of the document a site path belongs to.
fn document_of(path: &str) -> Option<&str> {
    if let Some(rest) = path.strip_prefix("documents/") {
        return rest.split('/').next();
    }
    path.strip_prefix("data/")
        .and_then(|f| f.strip_suffix(".json"))
        .filter(|f| *f != "crosswalk")
}

/// The documents to render again: those whose file changed, those touched
/// by changed links or notes, and those that link to or from a node whose
/// text changed (their pages show the linked node's heading or text).
/// Linear in the changed documents and the links of changed nodes; the
/// whole site's links and notes are only compared (by hash) unless changed.
fn affected(old: &Site, new: &Site, changed: &[PathBuf]) -> BTreeSet<usize> {
    let mut docs: BTreeSet<String> = BTreeSet::new();
    // Citation keys whose shown text may differ between the two sites.
    let mut keys: Vec<String> = Vec::new();
    let in_dir = |p: &PathBuf, dir: &str| {
        p.parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == dir)
    };
    for p in changed.iter().filter(|p| in_dir(p, "documents")) {
        let Some(id) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
            continue;
        };
        keys.extend(changed_nodes(old, new, &id));
        docs.insert(id);
    }
    if links_hash(old) != links_hash(new) {
        let links = |s: &Site| -> BTreeSet<(String, String, &'static str)> {
            s.links
                .iter()
                .map(|l| (s.key(l.from), s.key(l.to), l.relation.as_str()))
                .collect()
        };
        for (from, to, _) in links(old).symmetric_difference(&links(new)) {
            docs.extend(
                [from, to]
                    .iter()
                    .filter_map(|k| k.split_once(':'))
                    .map(|(d, _)| d.to_string()),
            );
        }
    }
    if notes_hash(old) != notes_hash(new) {
        let notes = |s: &Site| -> BTreeSet<(String, String)> {
            s.notes
                .iter()
                .map(|n| (s.key(n.target), format!("{:?}{:?}", n.kind, n.text)))
                .collect()
        };
        for (key, _) in notes(old).symmetric_difference(&notes(new)) {
            docs.extend(key.split_once(':').map(|(d, _)| d.to_string()));
        }
    }
    // The documents at the other end of each changed node's links.
    for s in [old, new] {
        for node in keys.iter().filter_map(|k| s.lookup(k)) {
            let n = s.node(node);
            for &l in n.links_out.iter().chain(&n.links_in) {
                let link = &s.links[l];
                for end in [link.from, link.to] {
                    docs.insert(s.documents[end.doc].id.clone());
                }
            }
        }
    }
    new.documents
        .iter()
        .enumerate()
        .filter(|(_, d)| docs.contains(&d.id))
        .map(|(i, _)| i)
        .collect()
}

/// A hash of every link, by citation keys.
fn links_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for l in &s.links {
        for end in [l.from, l.to] {
            s.documents[end.doc].id.hash(&mut h);
            s.node(end).id.hash(&mut h);
        }
        l.relation.as_str().hash(&mut h);
    }
    h.finish()
}

/// A hash of every note: its target, kind and text.
fn notes_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for n in &s.notes {
        s.documents[n.target.doc].id.hash(&mut h);
        s.node(n.target).id.hash(&mut h);
        n.kind.as_str().hash(&mut h);
        n.text.hash(&mut h);
    }
    h.finish()
}

/// A hash of what the site-wide pages (home, sitemap, crosswalk data, 404)
/// show: each document's metadata and size, and the links.
pub(crate) fn site_wide_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for d in &s.documents {
        (&d.id, d.kind.as_str(), &d.series, &d.edition, &d.date).hash(&mut h);
        (&d.title, &d.languages, &d.source, d.nodes.len()).hash(&mut h);
    }
    links_hash(s).hash(&mut h);
    h.finish()
}

/// The citation keys of document `id` whose label, heading or text differ
/// between the two sites; every key when the document is new, gone, or
/// its title changed (other pages show it beside each link).
fn changed_nodes(old: &Site, new: &Site, id: &str) -> Vec<String> {
    fn find<'a>(s: &'a Site, id: &str) -> Option<&'a crate::content::model::Document> {
        s.documents.iter().find(|d| d.id == id)
    }
    let all = |d: &crate::content::model::Document| {
        d.nodes
            .iter()
            .map(|n| format!("{id}:{}", n.id))
            .collect::<Vec<_>>()
    };
    match (find(old, id), find(new, id)) {
        (Some(a), Some(b)) if a.title == b.title && a.edition == b.edition && a.kind == b.kind => {
            let before: HashMap<&str, &crate::content::model::Node> =
                a.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
            let same = |n: &crate::content::model::Node| {
                before.get(n.id.as_str()).is_some_and(|o| {
                    o.label == n.label && o.heading == n.heading && o.text == n.text
                })
            };
            let after: HashSet<&str> = b.nodes.iter().map(|n| n.id.as_str()).collect();
            let mut keys: Vec<String> = b
                .nodes
                .iter()
                .filter(|n| !same(n))
                .map(|n| format!("{id}:{}", n.id))
                .collect();
            keys.extend(
                a.nodes
                    .iter()
                    .filter(|n| !after.contains(n.id.as_str()))
                    .map(|n| format!("{id}:{}", n.id)),
            );
            keys
        }
        (a, b) => a.into_iter().chain(b).flat_map(all).collect(),
    }
}
