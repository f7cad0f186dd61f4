//! The site's chrome: the header (brand, links to the pages, search box)
//! and the footer that every page built on `base.html` shows. They depend
//! only on the page's language and on how deep the page is (its relative
//! links), so each is rendered once per language and depth, from
//! `templates/site_header.html` and `templates/site_footer.html`, and
//! placed into every page as `site_header` and `site_footer`: the same
//! idea as Hugo's `partialCached`. At ten thousand pages this saves the
//! template engine a third of its lookups.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use serde::Serialize;

use super::frame::{pagefind_lang, NavLink, Span};
use super::theme::{template_error, Theme};
use super::{urls, Ctx};
use crate::Error;

/// The partial templates, each rendered once per language and depth.
pub const HEADER: &str = "site_header.html";
pub const FOOTER: &str = "site_footer.html";

/// The header and footer of pages in one language at one depth, as HTML.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts {
    pub header: String,
    pub footer: String,
}

/// What the chrome's templates see, as `frame` (the names a page's frame
/// had when the chrome was part of `base.html`), with `t`.
#[derive(Serialize)]
struct ChromeFrame {
    lang: String,
    /// Relative prefix from the page to the site root.
    root: String,
    home: String,
    site_title: Vec<Span>,
    nav: Vec<NavLink>,
    /// The languages of the search index, the page's first, as JSON.
    search_langs: String,
    /// The footer's line in each language of the site's title.
    footer: Vec<Span>,
}

/// The chrome rendered so far, by language, then root prefix (looked up
/// by `&str` for every page, without making a key). Rendering is pure, so
/// which thread renders a part first changes nothing.
#[derive(Default)]
pub struct Chrome {
    parts: RwLock<Rendered>,
}

type Rendered = BTreeMap<String, BTreeMap<String, Arc<Parts>>>;

impl Chrome {
    /// The chrome of a page in `lang` whose links to the site root start
    /// with `root` (`../../`).
    pub fn parts(
        &self,
        cx: &Ctx,
        theme: &Theme,
        lang: &str,
        root: &str,
    ) -> Result<Arc<Parts>, Error> {
        if let Some(found) = self.read().get(lang).and_then(|m| m.get(root)) {
            return Ok(found.clone());
        }
        let parts = Arc::new(render(cx, theme, lang, root)?);
        let mut map = match self.parts.write() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        let by_root = map.entry(lang.to_string()).or_default();
        Ok(by_root.entry(root.to_string()).or_insert(parts).clone())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Rendered> {
        match self.parts.read() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

fn render(cx: &Ctx, theme: &Theme, lang: &str, root: &str) -> Result<Parts, Error> {
    let frame = chrome_frame(cx, lang, root);
    let mut context = tera::Context::new();
    context.insert("frame", &frame);
    let one = |template: &str| {
        let mut context = context.clone();
        if let Some(t) = theme.page_value(template, lang) {
            context.insert_value("t", t.clone());
        }
        if theme.uses_ui(template) {
            context.insert_value("ui", cx.ui.clone());
        }
        theme
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&Path::new("templates").join(template), &e))
    };
    Ok(Parts {
        header: one(HEADER)?,
        footer: one(FOOTER)?,
    })
}

fn chrome_frame(cx: &Ctx, lang: &str, root: &str) -> ChromeFrame {
    let site = cx.site;
    let site_title = cx.site_title();
    let mut search_langs: Vec<String> = site
        .languages
        .iter()
        .map(|l| pagefind_lang(&l.code))
        .collect();
    search_langs.sort_by_key(|l| *l != pagefind_lang(lang));
    ChromeFrame {
        lang: lang.to_string(),
        root: root.to_string(),
        home: format!("{root}{}", urls::HOME),
        nav: cx.nav(root),
        search_langs: serde_json::to_string(&search_langs).unwrap_or_default(),
        footer: site_title
            .iter()
            .map(|s| Span {
                lang: s.lang.clone(),
                text: cx.ui(&s.lang, "footer"),
            })
            .collect(),
        site_title,
    }
}
