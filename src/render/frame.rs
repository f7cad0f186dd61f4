//! What every page has: language, title, stylesheets, links home, the
//! site's title, canonical and alternate URLs, and the interface strings.

use serde::Serialize;

use super::{urls, Ctx};

/// A text with its language, for a `lang` attribute.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Span {
    pub lang: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct NavLink {
    pub href: String,
    pub lang: String,
    pub text: String,
}

#[derive(Serialize)]
pub struct Frame {
    pub lang: String,
    pub title: String,
    /// Relative prefix from this page to the site root.
    pub root: String,
    pub home: String,
    pub canonical: String,
    pub alternates: Vec<Span>,
    pub site_title: Vec<Span>,
    /// The footer's line in each language of the site's title.
    pub footer: Vec<Span>,
    pub nav: Vec<NavLink>,
    /// The languages of the search index, the page's first, as JSON.
    pub search_langs: String,
}

/// The language code a search index is made and found under: Pagefind
/// lower-cases the page's `<html lang>` to find its index (`zh-Hans` →
/// `zh-hans`), and segments Chinese text for any `zh-…`.
pub fn pagefind_lang(lang: &str) -> String {
    lang.to_ascii_lowercase()
}

impl Ctx<'_> {
    /// The frame of the page at `path`, in `lang`.
    pub fn frame(&self, path: &str, lang: &str, title: &str) -> Frame {
        let site = self.site;
        let site_title: Vec<Span> = site
            .languages
            .iter()
            .filter_map(|l| {
                site.title.get(&l.code).map(|t| Span {
                    lang: l.code.clone(),
                    text: t.clone(),
                })
            })
            .collect();
        let main_title = site.title.text_in(lang).to_string();
        let nav = self
            .pages
            .iter()
            .map(|p| NavLink {
                href: urls::rel(path, &urls::page(&p.slug)),
                lang: p.lang.clone(),
                text: p.title.clone(),
            })
            .collect();
        Frame {
            lang: lang.to_string(),
            title: if title.is_empty() || title == main_title {
                main_title
            } else {
                format!("{title} · {main_title}")
            },
            root: urls::root(path),
            home: urls::rel(path, urls::HOME),
            canonical: urls::abs(&site.base_url, path),
            alternates: Vec::new(),
            footer: site_title
                .iter()
                .map(|s| Span {
                    lang: s.lang.clone(),
                    text: self.ui(&s.lang, "footer"),
                })
                .collect(),
            site_title,
            nav,
            search_langs: {
                let mut langs: Vec<String> = site
                    .languages
                    .iter()
                    .map(|l| pagefind_lang(&l.code))
                    .collect();
                langs.sort_by_key(|l| *l != pagefind_lang(lang));
                serde_json::to_string(&langs).unwrap_or_default()
            },
        }
    }

    /// An interface string in `lang`, falling back to English, then the key.
    pub fn ui(&self, lang: &str, key: &str) -> String {
        self.strings
            .get(lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.strings.get("en").and_then(|m| m.get(key)))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The name of a language in itself, from the site configuration.
    pub fn language_name(&self, code: &str) -> String {
        self.site
            .languages
            .iter()
            .find(|l| l.code == code)
            .map_or_else(|| code.to_string(), |l| l.name.clone())
    }
}
