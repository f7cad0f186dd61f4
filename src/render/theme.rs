//! The theme: templates, static files and interface strings, read once
//! from the site's `templates/` and `static/` over the embedded default
//! theme (see [`crate::theme_files`]).

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostic;
use crate::theme_files::ThemeFiles;
use crate::Error;

/// The template of the script inlined in every page's head.
const UI_SCRIPT: &str = "ui_script.html";

/// Interface strings: language → key → text.
pub type Strings = BTreeMap<String, BTreeMap<String, String>>;

pub struct Theme {
    pub tera: tera::Tera,
    /// Files under `static/`: path below it, bytes.
    pub statics: Vec<(String, Vec<u8>)>,
    pub strings: Strings,
    /// The script inlined in the head of every page
    /// (`templates/ui_script.html`: the interface language, before the
    /// first paint), each line trimmed, and its hash for the
    /// Content-Security-Policy.
    pub ui_script: String,
    pub ui_script_hash: String,
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
        let ui_script = tera
            .render(UI_SCRIPT, &tera::Context::new())
            .map_err(|e| files.template_error(&e))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let strings = files.strings;
        let static_files: Vec<(String, Vec<u8>)> =
            files.statics.into_iter().map(|(p, _, b)| (p, b)).collect();
        Ok(Theme {
            tera,
            statics: static_files,
            strings,
            ui_script_hash: super::interface::script_hash(&ui_script),
            ui_script,
        })
    }
}

impl Theme {
    /// The interface strings that a site language lacks, English being
    /// shown in their place: one warning per language.
    pub fn missing_strings(&self, langs: &[String]) -> Vec<Diagnostic> {
        let english = self.strings.get("en").cloned().unwrap_or_default();
        langs
            .iter()
            .filter(|l| *l != "en")
            .filter_map(|lang| {
                let own = self.strings.get(lang);
                let missing: Vec<&str> = english
                    .keys()
                    .filter(|k| !own.is_some_and(|o| o.contains_key(*k)))
                    .map(String::as_str)
                    .collect();
                if missing.is_empty() {
                    return None;
                }
                let some: Vec<&str> = missing.iter().take(6).copied().collect();
                let more = if missing.len() > some.len() { ", …" } else { "" };
                let message = if own.is_none() {
                    format!("no interface strings in `{lang}`: the interface of its pages is in English")
                } else {
                    format!(
                        "{} interface strings missing in `{lang}` ({}{more}): English is shown in their place",
                        missing.len(),
                        some.join(", ")
                    )
                };
                Some(
                    Diagnostic::new("templates/strings.toml", None, message).help(format!(
                        "add them under [{lang}] in the site's templates/strings.toml (`accord theme --eject` writes out the default strings)"
                    )),
                )
            })
            .collect()
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

/// A template error with its whole chain of causes, as a diagnostic, at
/// the template and line tera gives (`--> node.html:11:92`, which may be a
/// template that `file` includes), else at `file`.
pub fn template_error(file: &Path, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let (file, line) = match crate::theme_files::located(&message) {
        Some((name, line)) if !file.ends_with(name) => {
            (Path::new("templates").join(name), Some(line))
        }
        Some((_, line)) => (file.to_path_buf(), Some(line)),
        None => (file.to_path_buf(), None),
    };
    Error::Theme(vec![
        Diagnostic::new(file, line, message).help("fix the template")
    ])
}
