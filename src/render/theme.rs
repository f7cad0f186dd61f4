//! The theme: templates, static files and interface strings, read once
//! from `templates/` and `static/`.

use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::diag::Diagnostic;
use crate::Error;

/// Interface strings: language → key → text.
pub type Strings = BTreeMap<String, BTreeMap<String, String>>;

pub struct Theme {
    pub tera: tera::Tera,
    /// Files under `static/`: path below it, bytes.
    pub statics: Vec<(String, Vec<u8>)>,
    pub strings: Strings,
}

impl Theme {
    /// Every language's interface strings, for the languages of the
    /// theme and those in `langs` (the site's), each complete: English
    /// fills the gaps. As template values: `t` of a page in each language,
    /// and `ui`, every language's by code. Made once per render; a page
    /// clones them (a reference count) into its context.
    pub fn string_values<'a>(&self, langs: impl Iterator<Item = &'a str>) -> StringValues {
        let mut all: BTreeMap<&str, BTreeMap<String, String>> = self
            .strings
            .keys()
            .map(|lang| (lang.as_str(), filled(&self.strings, lang)))
            .collect();
        for lang in langs {
            all.entry(lang)
                .or_insert_with(|| filled(&self.strings, lang));
        }
        StringValues {
            ui: tera::Value::from_serializable(&all),
            t: all
                .iter()
                .map(|(lang, strings)| (lang.to_string(), tera::Value::from_serializable(strings)))
                .collect(),
        }
    }

    /// Loads the templates (compiled once) and the static files.
    pub fn load(templates: &Path, statics: &Path) -> Result<Theme, Error> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(super::escape::esc_to);
        let mut files = Vec::new();
        for entry in WalkDir::new(templates).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(templates, e.into()))?;
            let path = entry.path();
            if entry.file_type().is_file()
                && path.extension().is_some_and(|x| x == "html" || x == "xml")
            {
                let name = path.strip_prefix(templates).unwrap_or(path);
                files.push((
                    path.to_path_buf(),
                    Some(name.to_string_lossy().replace('\\', "/")),
                ));
            }
        }
        tera.add_template_files(files)
            .map_err(|e| template_error(templates, &e))?;
        let strings_path = templates.join("strings.toml");
        let text =
            std::fs::read_to_string(&strings_path).map_err(|e| Error::io(&strings_path, e))?;
        let strings: Strings = toml::from_str(&text).map_err(|e| {
            Error::Content(vec![Diagnostic::new(
                &strings_path,
                None,
                e.message().trim_end(),
            )])
        })?;
        let mut static_files = Vec::new();
        for entry in WalkDir::new(statics).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(statics, e.into()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(statics).unwrap_or(entry.path());
                let rel = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                static_files.push((rel, bytes));
            }
        }
        Ok(Theme {
            tera,
            statics: static_files,
            strings,
        })
    }
}

/// The interface strings as template values (see [`Theme::string_values`]).
pub struct StringValues {
    /// Every language's, by code.
    pub ui: tera::Value,
    /// By language: `t` of a page in it.
    pub t: BTreeMap<String, tera::Value>,
}

/// The interface strings of `lang`, English filling the gaps.
fn filled(strings: &Strings, lang: &str) -> BTreeMap<String, String> {
    let mut all = strings.get("en").cloned().unwrap_or_default();
    if let Some(own) = strings.get(lang) {
        all.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    all
}

/// A template error with its whole chain of causes, as a diagnostic.
pub fn template_error(file: &Path, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Content(vec![
        Diagnostic::new(file, None, message).help("fix the template")
    ])
}
