//! The theme: templates, static files and interface strings, read once
//! from the site's `templates/` and `static/` over the embedded default
//! theme (see [`crate::theme_files`]).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::template_uses::{self, Uses};
use crate::diag::Diagnostic;
use crate::theme_files::ThemeFiles;
use crate::Error;

/// Interface strings: language → key → text.
pub type Strings = BTreeMap<String, BTreeMap<String, String>>;

pub struct Theme {
    pub tera: tera::Tera,
    /// Files under `static/`: path below it, bytes.
    pub statics: Vec<(String, Vec<u8>)>,
    pub strings: Strings,
    /// What each template reads of `ui` and `t` (see [`template_uses`]).
    uses: HashMap<String, Uses>,
    /// Per template, then language, the strings of `t` the template reads
    /// (the language's, English filling the gaps), as a template value.
    page_values: HashMap<String, BTreeMap<String, tera::Value>>,
}

impl Theme {
    /// Whether the pages of `template` need `ui` in their context.
    pub fn uses_ui(&self, template: &str) -> bool {
        self.uses.get(template).is_none_or(|u| u.ui)
    }

    /// The interface strings a page of `template` in `lang` reads (`t`),
    /// as a template value: English's for a language the theme has none for.
    pub fn page_value(&self, template: &str, lang: &str) -> Option<&tera::Value> {
        let values = self.page_values.get(template)?;
        values.get(lang).or_else(|| values.get("en"))
    }

    /// Every language's interface strings (`ui` in templates), for the
    /// languages of the theme and those in `langs` (the site's), each
    /// complete: English fills the gaps, as it does for `t`. Made once per
    /// render; a page clones it (a reference count) into its context.
    pub fn ui_value<'a>(&self, langs: impl Iterator<Item = &'a str>) -> tera::Value {
        let mut all: BTreeMap<&str, BTreeMap<String, String>> = self
            .strings
            .keys()
            .map(|lang| (lang.as_str(), filled(&self.strings, lang)))
            .collect();
        for lang in langs {
            all.entry(lang)
                .or_insert_with(|| filled(&self.strings, lang));
        }
        tera::Value::from_serializable(&all)
    }

    /// Loads the templates (compiled once), the strings and the static
    /// files: the site's own in `templates` and `statics` (either may be
    /// missing) over the embedded default theme ([`ThemeFiles`]).
    pub fn load(templates: &Path, statics: &Path) -> Result<Theme, Error> {
        let files = ThemeFiles::resolve(templates, statics)?;
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(super::escape::esc_to);
        tera.add_raw_templates(files.templates.iter().map(|t| (&t.name, &t.text)))
            .map_err(|e| files.template_error(&e))?;
        let strings = files.strings;
        let static_files: Vec<(String, Vec<u8>)> =
            files.statics.into_iter().map(|(p, _, b)| (p, b)).collect();
        let uses = template_uses::scan(templates, tera.get_template_names());
        let page_values = uses
            .iter()
            .map(|(template, used)| {
                let by_lang = strings
                    .keys()
                    .map(|lang| {
                        let mut all = filled(&strings, lang);
                        if let Some(keys) = &used.t {
                            all.retain(|k, _| keys.contains(k));
                        }
                        (lang.clone(), tera::Value::from_serializable(&all))
                    })
                    .collect();
                (template.clone(), by_lang)
            })
            .collect();
        Ok(Theme {
            tera,
            statics: static_files,
            strings,
            page_values,
            uses,
        })
    }
}

/// The interface strings of `lang`, English filling the gaps.
fn filled(strings: &Strings, lang: &str) -> BTreeMap<String, String> {
    let mut all = strings.get("en").cloned().unwrap_or_default();
    if let Some(own) = strings.get(lang) {
        all.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    all
}

/// Escapes text for HTML content and quoted attributes, as the templates'
/// autoescape does ([`super::escape::esc`]).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::escape::esc(&mut out, s);
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
