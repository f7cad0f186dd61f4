//! The theme's files: the default theme, embedded in the binary (the
//! repository's `templates/` and `static/` when it was compiled), with a
//! site's own files laid over it, as Zola themes and mdBook's `theme/` do.
//! For each file the site's own is taken if the site has it, else the
//! embedded one: `templates/<name>.html` replaces the template of that name
//! (or adds one), `static/<path>` replaces or adds a static file, and
//! `templates/strings.toml` is merged over the embedded strings per
//! language and key, so a site can change one string without copying the
//! rest. `build.rs` makes cargo embed the folders again when they change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_embed::Embed;
use walkdir::WalkDir;

use crate::diag::Diagnostic;
use crate::render::theme::{template_error, Strings};
use crate::Error;

#[derive(Embed)]
#[folder = "templates/"]
struct DefaultTemplates;

#[derive(Embed)]
#[folder = "static/"]
struct DefaultStatic;

/// Where a theme file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The site's own file, at this path.
    Site(PathBuf),
    /// The embedded default theme's file, by its path in the theme
    /// (`templates/page.html`).
    Default(String),
}

impl Origin {
    /// The file as errors name it: the site's path, or
    /// `(default theme) templates/page.html`.
    pub fn file(&self) -> PathBuf {
        match self {
            Origin::Site(path) => path.clone(),
            Origin::Default(path) => PathBuf::from(format!("(default theme) {path}")),
        }
    }
}

/// One template: its name (`page.html`), where it comes from, its text.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    pub name: String,
    pub origin: Origin,
    pub text: String,
}

/// The theme of a site, each file resolved.
#[derive(Debug, Clone)]
pub struct ThemeFiles {
    /// By name.
    pub templates: Vec<TemplateFile>,
    /// The interface strings: the embedded ones, the site's merged over them.
    pub strings: Strings,
    /// Static files: path below `static/`, where it comes from, bytes.
    pub statics: Vec<(String, Origin, Vec<u8>)>,
}

/// Templates are the theme's `.html` files, the sitemap's `.xml`, and
/// the citation files' `.bib` and `.ris`.
fn is_template(name: &str) -> bool {
    [".html", ".xml", ".bib", ".ris"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

impl ThemeFiles {
    /// The theme of a site whose own theme files are in `templates` and
    /// `statics` (either may be missing), over the default theme.
    pub fn resolve(templates: &Path, statics: &Path) -> Result<ThemeFiles, Error> {
        let mut by_name: BTreeMap<String, TemplateFile> = BTreeMap::new();
        for name in DefaultTemplates::iter().filter(|n| is_template(n)) {
            let text = String::from_utf8_lossy(&embedded::<DefaultTemplates>(&name)).into_owned();
            let origin = Origin::Default(format!("templates/{name}"));
            by_name.insert(
                name.to_string(),
                TemplateFile {
                    name: name.to_string(),
                    origin,
                    text,
                },
            );
        }
        for (name, path) in site_files(templates)? {
            if is_template(&name) {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                let origin = Origin::Site(path);
                by_name.insert(name.clone(), TemplateFile { name, origin, text });
            }
        }
        let mut statics_by_path: BTreeMap<String, (Origin, Vec<u8>)> = DefaultStatic::iter()
            .map(|p| {
                let origin = Origin::Default(format!("static/{p}"));
                (p.to_string(), (origin, embedded::<DefaultStatic>(&p)))
            })
            .collect();
        for (rel, path) in site_files(statics)? {
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            statics_by_path.insert(rel, (Origin::Site(path), bytes));
        }
        Ok(ThemeFiles {
            templates: by_name.into_values().collect(),
            strings: strings(templates)?,
            statics: statics_by_path
                .into_iter()
                .map(|(p, (o, b))| (p, o, b))
                .collect(),
        })
    }

    /// A template error (from adding the templates to tera) naming the
    /// file at fault, and its line where tera gives one.
    pub fn template_error(&self, e: &tera::Error) -> Error {
        let report = e.to_string();
        let (name, line) = match e.kind() {
            tera::ErrorKind::SyntaxError(r) => (Some(r.filename()), Some(r.span().start_line)),
            tera::ErrorKind::MissingParent { current, .. } => (Some(current.as_str()), None),
            tera::ErrorKind::CircularExtend { tpl, .. }
            | tera::ErrorKind::CircularInclude { tpl, .. } => (Some(tpl.as_str()), None),
            _ => located(&report).map_or((None, None), |(n, l)| (Some(n), Some(l))),
        };
        let found = name.and_then(|n| self.templates.iter().find(|t| t.name == n));
        let Some(template) = found else {
            return template_error(Path::new("templates"), e);
        };
        let Error::Theme(mut diags) = template_error(&template.origin.file(), e) else {
            unreachable!("template_error makes a theme error")
        };
        let own: Vec<String> = (self.templates.iter())
            .filter_map(|t| match &t.origin {
                Origin::Site(path) => Some(path.display().to_string()),
                Origin::Default(_) => None,
            })
            .collect();
        let help = match &template.origin {
            Origin::Site(path) => Some(format!(
                "fix the template, or delete {} to use the default theme's",
                path.display()
            )),
            Origin::Default(_) if !own.is_empty() => Some(format!(
                "the default theme's templates rely on one another: compare the site's own \
                 {} with the default theme's (`accord theme --eject --root` an empty folder)",
                own.join(", ")
            )),
            Origin::Default(_) => None,
        };
        for d in &mut diags {
            d.line = line;
            d.help = help.clone().or(d.help.take());
        }
        Error::Theme(diags)
    }
}

/// The bytes of an embedded file the iterator listed.
fn embedded<E: Embed>(path: &str) -> Vec<u8> {
    E::get(path)
        .map(|f| f.data.into_owned())
        .unwrap_or_default()
}

/// The files under `dir` by path below it (with `/`), sorted; none if `dir`
/// does not exist. A path that is not UTF-8 is refused, each named: a file
/// is published under its path, and `bad\xFF.css` would have become
/// `bad\u{FFFD}.css`, a name the site never had.
fn site_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    let mut refused = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::io(dir, e.into()))?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            match rel.to_str() {
                Some(rel) => files.push((rel.replace('\\', "/"), entry.into_path())),
                None => refused.push(
                    Diagnostic::new(entry.path(), None, "the path is not UTF-8 text")
                        .help("rename the file or folder: a file of the theme is published under its path, which must be text"),
                ),
            }
        }
    }
    if !refused.is_empty() {
        return Err(Error::Theme(refused));
    }
    Ok(files)
}

/// The embedded strings, with `templates/strings.toml` of the site merged
/// over them per language and key.
fn strings(templates: &Path) -> Result<Strings, Error> {
    let text = String::from_utf8_lossy(&embedded::<DefaultTemplates>("strings.toml")).into_owned();
    let origin = Origin::Default("templates/strings.toml".into());
    let mut strings = parse_strings(&text, &origin)?;
    let path = templates.join("strings.toml");
    if std::fs::symlink_metadata(&path).is_ok() {
        // Read as a content file is: a regular file, within the size
        // limit, UTF-8, any problem named with its line (a byte that is not
        // UTF-8 was an I/O error without one).
        let mut diags = Vec::new();
        let Some(text) = crate::source::load::read_text(&path, &mut diags, true) else {
            return Err(Error::Theme(diags));
        };
        for (lang, own) in parse_strings(&text, &Origin::Site(path))? {
            strings.entry(lang).or_default().extend(own);
        }
    }
    Ok(strings)
}

fn parse_strings(text: &str, origin: &Origin) -> Result<Strings, Error> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        Error::Theme(vec![Diagnostic::new(
            origin.file(),
            line,
            e.message().trim_end(),
        )
        .help("write one table per language of `key = \"text\"` lines, e.g. [en] then home = \"Home\"")])
    })
}

/// The template and line of an error report's first `--> name:line:col`.
pub(crate) fn located(report: &str) -> Option<(&str, usize)> {
    let at = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = at.rsplitn(3, ':');
    let (_col, line, name) = (parts.next()?, parts.next()?, parts.next()?);
    Some((name, line.parse().ok()?))
}

/// The theme's files, one a line, each with where it comes from.
pub fn listing(paths: &crate::build::Paths) -> Result<String, Error> {
    let files = ThemeFiles::resolve(&paths.templates, &paths.statics)?;
    let from = |o: &Origin| match o {
        Origin::Site(path) => format!("the site's {}", path.display()),
        Origin::Default(_) => "default theme".to_string(),
    };
    let mut rows: Vec<(String, String)> = files
        .templates
        .iter()
        .map(|t| (format!("templates/{}", t.name), from(&t.origin)))
        .collect();
    let own = paths.templates.join("strings.toml");
    let strings = match own.is_file() {
        true => format!("default theme, merged per key with {}", own.display()),
        false => "default theme".to_string(),
    };
    rows.push(("templates/strings.toml".into(), strings));
    rows.extend(
        (files.statics.iter()).map(|(path, origin, _)| (format!("static/{path}"), from(origin))),
    );
    let width = rows.iter().map(|(f, _)| f.len()).max().unwrap_or(0);
    Ok(rows
        .iter()
        .map(|(file, origin)| format!("{file:width$}  {origin}\n"))
        .collect())
}

/// Writes the default theme into `root` (`templates/`, `static/`) as it
/// is embedded, for editing; returns the files written, below `root`.
/// Without `force` nothing is written if any of them exists.
pub fn eject(root: &Path, force: bool) -> Result<Vec<PathBuf>, Error> {
    let files: Vec<(PathBuf, Vec<u8>)> = DefaultTemplates::iter()
        .map(|p| {
            (
                Path::new("templates").join(&*p),
                embedded::<DefaultTemplates>(&p),
            )
        })
        .chain(
            DefaultStatic::iter()
                .map(|p| (Path::new("static").join(&*p), embedded::<DefaultStatic>(&p))),
        )
        .collect();
    let existing: Vec<String> = files
        .iter()
        .filter(|(rel, _)| root.join(rel).exists())
        .map(|(rel, _)| rel.display().to_string())
        .collect();
    if !force && !existing.is_empty() {
        return Err(Error::Usage(format!(
            "{} already has {}: nothing written; pass --force to replace {}",
            display_root(root),
            existing.join(", "),
            if existing.len() == 1 { "it" } else { "them" }
        )));
    }
    for (rel, bytes) in &files {
        crate::fsutil::write_atomic(&root.join(rel), bytes)?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// A folder as messages name it (`.` reads "the current folder").
pub fn display_root(root: &Path) -> String {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        "the current folder".into()
    } else {
        format!("`{}`", root.display())
    }
}
