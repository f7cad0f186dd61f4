//! The interface language, chosen by the reader independently of the text
//! shown. A page carries its interface strings in each language of the
//! site where they differ, each element with its `lang`, and shows those
//! of one interface language: `<html data-ui>`. The page's own language is
//! the default, written in the HTML; `templates/ui_script.html`, inlined
//! in the head (its hash in the page's Content-Security-Policy), sets the
//! reader's choice (`?ui=en`, else the one remembered) before the first
//! paint, and [`css`] hides the others (`display: none`, so they are not
//! read either). The switch in the site's header changes it in place.

use std::fmt::Write;

use std::path::Path;

use serde::Serialize;

use super::frame::Span;
use super::theme::{template_error, Strings};
use super::Ctx;
use crate::diag::Diagnostic;
use crate::Error;

/// A text of the interface shown in some interface languages.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Alt {
    /// The language it is written in (its `lang`).
    pub lang: String,
    pub text: String,
    /// The interface languages it is shown in, separated by spaces;
    /// empty when it is shown in all of them (see templates/interface.html
    /// for how it is marked).
    pub uis: String,
}

/// For each of the interface languages `uis`, in order, what it shows
/// (`f`); each distinct value once, with the languages that show it,
/// separated by spaces, or an empty string when all of them show it.
pub fn by_ui<T: PartialEq>(uis: &[String], mut f: impl FnMut(&str) -> T) -> Vec<(T, String)> {
    let mut out: Vec<(T, Vec<&str>)> = Vec::new();
    for ui in uis {
        let value = f(ui);
        match out.iter_mut().find(|(v, _)| *v == value) {
            Some((_, shown)) => shown.push(ui),
            None => out.push((value, vec![ui])),
        }
    }
    let all = out.len() == 1;
    out.into_iter()
        .map(|(v, shown)| (v, if all { String::new() } else { shown.join(" ") }))
        .collect()
}

/// [`by_ui`] of texts: `f` gives the language and the text shown in an
/// interface language.
pub fn alts(uis: &[String], f: impl FnMut(&str) -> (String, String)) -> Vec<Alt> {
    by_ui(uis, f)
        .into_iter()
        .map(|((lang, text), uis)| Alt { lang, text, uis })
        .collect()
}

/// An interface string in interface language `ui`, with the language it
/// is written in: `ui`'s own, else English's.
pub fn string(strings: &Strings, ui: &str, key: &str) -> Option<(String, String)> {
    let own = strings.get(ui).and_then(|m| m.get(key));
    match own {
        Some(text) => Some((ui.to_string(), text.clone())),
        None => strings
            .get("en")
            .and_then(|m| m.get(key))
            .map(|text| ("en".to_string(), text.clone())),
    }
}

/// The template that shows an interface string in every interface
/// language.
const UI_TEXT: &str = "ui_text.html";

/// Every interface string (by key) in every interface language `uis`, as
/// the HTML `templates/ui_text.html` makes of it: rendered once per build,
/// not on every page that shows it (template value `ui_html`).
pub fn strings_html(
    tera: &tera::Tera,
    strings: &Strings,
    uis: &[String],
) -> Result<tera::Value, Vec<Diagnostic>> {
    let mut keys: Vec<&String> = strings.values().flat_map(|m| m.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut all = std::collections::BTreeMap::new();
    for key in keys {
        let list = alts(uis, |ui| {
            string(strings, ui, key).unwrap_or_else(|| ("en".to_string(), key.clone()))
        });
        let mut context = tera::Context::new();
        context.insert("alts", &list);
        let html = tera.render(UI_TEXT, &context).map_err(|e| {
            match template_error(&Path::new("templates").join(UI_TEXT), &e) {
                Error::Theme(diags) => diags,
                _ => Vec::new(),
            }
        })?;
        all.insert(key.as_str(), html.trim().to_string());
    }
    Ok(tera::Value::from_serializable(&all))
}

/// The interface languages' texts of every page.
impl Ctx<'_> {
    /// An interface string in every interface language.
    pub fn alts(&self, key: &str) -> Vec<Alt> {
        alts(&self.uis, |ui| {
            string(self.strings, ui, key).unwrap_or_else(|| ("en".to_string(), key.to_string()))
        })
    }

    /// A text made in every interface language by `f`, from interface
    /// strings (so in English where the language has none).
    pub fn alts_with(&self, mut f: impl FnMut(&str) -> String) -> Vec<Alt> {
        alts(&self.uis, |ui| (self.ui_lang(ui).to_string(), f(ui)))
    }

    /// The language of the interface strings of interface language `ui`:
    /// its own if the theme has strings in it, else English.
    pub fn ui_lang<'s>(&self, ui: &'s str) -> &'s str {
        if self.strings.contains_key(ui) {
            ui
        } else {
            "en"
        }
    }

    /// The interface switch: a button per language, named in it (string
    /// `ui_name`, else the language's name).
    pub(super) fn ui_switch(&self) -> Vec<Span> {
        if self.uis.len() < 2 {
            return Vec::new();
        }
        self.uis
            .iter()
            .map(|l| {
                let own = self.strings.get(l).and_then(|m| m.get("ui_name"));
                Span {
                    lang: l.clone(),
                    text: own.cloned().unwrap_or_else(|| self.language_name(l)),
                }
            })
            .collect()
    }
}

/// Where [`css`] is written.
pub const CSS_PATH: &str = "static/interface.css";

/// The stylesheet that shows the interface of the language chosen
/// (`<html data-ui>`) and hides the others' texts, one rule per language:
/// a text of class `ui` is shown in the interface of its `lang` and in
/// those its `data-for-ui` names; the switch's button of a language is
/// hidden in its interface.
pub fn css(uis: &[String]) -> String {
    let mut out =
        String::from("/* Made by accord for the site's languages (src/render/interface.rs). */\n");
    for ui in uis {
        let _ = writeln!(
            out,
            ":root[data-ui=\"{ui}\"] .ui:not([lang=\"{ui}\"]):not([data-for-ui~=\"{ui}\"]),\n\
             :root[data-ui=\"{ui}\"] [data-set-ui=\"{ui}\"] {{ display: none !important; }}"
        );
    }
    out
}

/// The `sha256-…` source of an inline script for a Content-Security-Policy.
pub fn script_hash(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn texts_are_grouped_by_what_each_interface_shows() {
        let uis = langs(&["zh-Hans", "en", "es"]);
        let same = alts(&uis, |_| ("en".into(), "accord".into()));
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].uis, "", "shown in every interface");
        let two = alts(&uis, |ui| match ui {
            "zh-Hans" => ("zh-Hans".into(), "目录".into()),
            _ => ("en".into(), "Contents".into()),
        });
        assert_eq!(
            two.iter()
                .map(|a| (a.lang.as_str(), a.uis.as_str()))
                .collect::<Vec<_>>(),
            [("zh-Hans", "zh-Hans"), ("en", "en es")]
        );
    }

    #[test]
    fn the_hash_is_the_csp_source_of_the_script() {
        // echo -n 'a' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            script_hash("a"),
            "sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs="
        );
        assert!(css(&langs(&["zh-Hans", "en"])).contains(
            ":root[data-ui=\"en\"] .ui:not([lang=\"en\"]):not([data-for-ui~=\"en\"]),\n\
             :root[data-ui=\"en\"] [data-set-ui=\"en\"] { display: none !important; }"
        ));
    }
}
