//! Rebuilds for `serve`, on the stages of `build` with their outputs
//! cached: files parsed again only when their bytes changed, documents
//! checked again only when their file did; only the documents a change
//! affects are rendered again (with the pages that link to them), and only
//! files whose bytes changed are written.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::build::{Options, Paths};
use crate::check;
use crate::model::{Document, Site};
use crate::render::theme::Theme;
use crate::render::{self, OutFile, Scope};
use crate::source::load;
use crate::Error;

/// What one rebuild did, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The documents rendered again; `None`: the whole site.
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
            outputs: BTreeMap::new(),
        }
    }

    /// The site last built.
    pub fn site(&self) -> Option<Arc<Site>> {
        self.built.as_ref().map(|b| b.site.clone())
    }

    /// Runs the stages again: loads (parsing only changed files), checks
    /// (checking only changed documents), renders what the change affects
    /// (everything after a change of the theme, the pages, the briefings
    /// or site.toml) and writes only the files whose bytes changed. On an
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
        ]);
        let site = &checked.site;
        let base_url = crate::build::base_url(self.options.base_url.as_deref(), &site.base_url);
        let same_frame = |b: &&Built| b.theme == theme_stamps && b.pages == page_stamps;
        let (documents, written, removed) = match &self.built {
            None => {
                let files = render::render(site, &checked.pages, theme, &base_url)?;
                crate::publish::publish(&self.paths.out, &files)?;
                self.outputs = files
                    .iter()
                    .map(|f| (f.path.clone(), hash(&f.bytes)))
                    .collect();
                (None, files.len(), 0)
            }
            Some(old) if same_frame(&old) => {
                let old = &old.site;
                let docs = affected(old, site);
                let scope = Scope::Documents {
                    docs: &docs,
                    site_wide: site_wide_hash(old) != site_wide_hash(site),
                };
                let files = render::render_scope(site, &checked.pages, theme, &base_url, scope)?;
                let gone = self.stale(site, &files, false);
                let (written, removed) = self.write(&files, &gone)?;
                let ids = docs.iter().map(|&d| site.documents[d].id.clone());
                (Some(ids.collect()), written, removed)
            }
            Some(_) => {
                let files = render::render(site, &checked.pages, theme, &base_url)?;
                let gone = self.stale(site, &files, true);
                let (written, removed) = self.write(&files, &gone)?;
                (None, written, removed)
            }
        };
        self.built = Some(Built {
            site: Arc::new(checked.site),
            theme: theme_stamps,
            pages: page_stamps,
        });
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
fn affected(old: &Site, new: &Site) -> BTreeSet<usize> {
    let mut docs: BTreeSet<String> = BTreeSet::new();
    // Citation keys whose shown text may differ between the two sites.
    let mut keys: Vec<String> = Vec::new();
    for id in changed_documents(old, new) {
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
            let a = s.attached(node);
            for &l in a.links_out.iter().chain(&a.links_in) {
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

/// The ids of the documents added, removed or made again (from a changed
/// file) between the two sites: an unchanged file keeps its document.
fn changed_documents(old: &Site, new: &Site) -> BTreeSet<String> {
    let by_id = |s: &Site| -> HashMap<String, *const Document> {
        s.documents
            .iter()
            .map(|d| (d.id.clone(), d as *const Document))
            .collect()
    };
    let (before, after) = (by_id(old), by_id(new));
    let mut ids: BTreeSet<String> = before
        .keys()
        .filter(|id| !after.contains_key(*id))
        .cloned()
        .collect();
    ids.extend(
        after
            .iter()
            .filter(|(id, d)| before.get(*id) != Some(*d))
            .map(|(id, _)| id.clone()),
    );
    ids
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
    fn find<'a>(s: &'a Site, id: &str) -> Option<&'a crate::model::Document> {
        s.documents.iter().find(|d| d.id == id)
    }
    let all = |d: &crate::model::Document| {
        d.nodes
            .iter()
            .map(|n| format!("{id}:{}", n.id))
            .collect::<Vec<_>>()
    };
    match (find(old, id), find(new, id)) {
        (Some(a), Some(b)) if a.title == b.title && a.edition == b.edition && a.kind == b.kind => {
            let before: HashMap<&str, &crate::model::Node> =
                a.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
            let same = |n: &crate::model::Node| {
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
