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
    /// `strings` as a template value (`ui`), made once: a page clones it
    /// into its context rather than serialising it again.
    pub ui_value: serde_json::Value,
    /// The templates that name `ui`, themselves or in a template they
    /// extend or include: only their pages get it (see [`uses_ui`]).
    uses_ui: std::collections::HashSet<String>,
    /// Per language, its strings with English filling the gaps, as a
    /// template value: what a page in that language gets as `t`.
    page_values: BTreeMap<String, serde_json::Value>,
}

impl Theme {
    /// Whether the pages of `template` need `ui` in their context.
    pub fn uses_ui(&self, template: &str) -> bool {
        self.uses_ui.contains(template)
    }

    /// The interface strings of a page in `lang` (`t` in templates), as a
    /// template value: English's for a language the theme has none for.
    pub fn page_value(&self, lang: &str) -> Option<&serde_json::Value> {
        self.page_values
            .get(lang)
            .or_else(|| self.page_values.get("en"))
    }

    /// Loads the templates (compiled once) and the static files.
    pub fn load(templates: &Path, statics: &Path) -> Result<Theme, Error> {
        let glob = format!("{}/**/*.html", templates.display());
        let mut tera = tera::Tera::new(&glob).map_err(|e| template_error(templates, &e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
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
        let mut files = Vec::new();
        for entry in WalkDir::new(statics).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::io(statics, e.into()))?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(statics).unwrap_or(entry.path());
                let rel = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                files.push((rel, bytes));
            }
        }
        let english = strings.get("en").cloned().unwrap_or_default();
        let page_values = strings
            .iter()
            .map(|(lang, own)| {
                let mut all = english.clone();
                all.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
                (lang.clone(), serde_json::to_value(all).unwrap_or_default())
            })
            .collect();
        let ui_value = serde_json::to_value(&strings).unwrap_or_default();
        let uses_ui = uses_ui(templates, tera.get_template_names());
        Ok(Theme {
            tera,
            statics: files,
            strings,
            ui_value,
            page_values,
            uses_ui,
        })
    }
}

/// Of the templates `names` under `dir`, those whose text has the word
/// `ui`, or names (as a quoted string: `extends`, `include`) one that has.
/// Cloning every language's strings into each page's context is a
/// fiftieth of a large build, and the document pages do not use them. A
/// template that cannot be read is taken to use `ui`.
fn uses_ui<'a>(
    dir: &Path,
    names: impl Iterator<Item = &'a str>,
) -> std::collections::HashSet<String> {
    let texts: BTreeMap<String, Option<String>> = names
        .map(|n| (n.to_string(), std::fs::read_to_string(dir.join(n)).ok()))
        .collect();
    let word = |text: &str, w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let ident = |c: char| c.is_alphanumeric() || c == '_';
            !text[..i].ends_with(ident) && !text[i + w.len()..].starts_with(ident)
        })
    };
    let mut using: std::collections::HashSet<String> = texts
        .iter()
        .filter(|(_, t)| t.as_deref().is_none_or(|t| word(t, "ui")))
        .map(|(n, _)| n.clone())
        .collect();
    // Until nothing changes: a template naming one that uses `ui` does.
    loop {
        let more: Vec<String> = texts
            .iter()
            .filter(|(n, _)| !using.contains(*n))
            .filter(|(_, t)| {
                let t = t.as_deref().unwrap_or_default();
                using
                    .iter()
                    .any(|u| t.contains(&format!("\"{u}\"")) || t.contains(&format!("'{u}'")))
            })
            .map(|(n, _)| n.clone())
            .collect();
        if more.is_empty() {
            return using;
        }
        using.extend(more);
    }
}

/// Escapes text for HTML content and quoted attributes (tera's own escape
/// also turns `/` into `&#x2F;`, which bloats every link).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::rows::esc(&mut out, s);
    out
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

#[cfg(test)]
mod tests {
    #[test]
    fn ui_goes_to_the_templates_that_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "base.html",
                "<p>{{ t.footer }} build gui</p>{% block main %}{% endblock main %}",
            ),
            (
                "doc.html",
                "{% extends \"base.html\" %}{% block main %}{{ t.x }}{% endblock main %}",
            ),
            (
                "page.html",
                "{% for c in cs %}{{ ui[c.lang].x }}{% endfor %}",
            ),
            ("child.html", "{% extends 'page.html' %}"),
            ("outer.html", "{% include \"child.html\" %}"),
            ("set.html", "{% set u = ui %}"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let using = super::uses_ui(dir.path(), files.iter().map(|(n, _)| *n));
        let mut using: Vec<&str> = using.iter().map(String::as_str).collect();
        using.sort_unstable();
        assert_eq!(using, ["child.html", "outer.html", "page.html", "set.html"]);
    }
}
