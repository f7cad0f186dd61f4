//! What every page has: language, title, stylesheets, links home, the
//! site's title, canonical and alternate URLs, and the interface strings.

use serde::Serialize;

use super::interface::{alts, Alt};
use super::{urls, Ctx};

/// A text with its language, for a `lang` attribute.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Span {
    pub lang: String,
    pub text: String,
}

/// The search box in an interface language: its strings are `ui[lang]`,
/// its language filter's options each language of the site named in it.
#[derive(Serialize)]
pub struct SearchStrings {
    pub lang: String,
    pub options: Vec<Span>,
    /// The topics' names in `lang`, in the order of [`Frame::search_topics`].
    pub topics: Vec<String>,
}

/// A topic as the search box's topic filter lists it.
#[derive(Serialize)]
pub struct TopicOption {
    pub id: String,
    /// In the page's language.
    pub name: String,
    /// 0 for a top-level topic: the option is indented as deep.
    pub depth: usize,
}

/// A document as the search box's filter names it.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    pub id: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct NavLink {
    pub href: String,
    pub lang: String,
    pub text: String,
}

/// A link to a Markdown page, titled in each interface language.
#[derive(Serialize)]
pub struct PageLink {
    pub href: String,
    pub titles: Vec<Alt>,
}

/// What a page's template gets of every page, with what the site's
/// header and footer show (`site_header.html`, `site_footer.html`).
#[derive(Serialize)]
pub struct Frame {
    /// The page's language, also its interface language unless the
    /// reader chose another.
    pub lang: String,
    /// The interface languages, the site's, separated by spaces.
    pub uis: String,
    /// The interface switch: for each language, its button, named in it
    /// (shown in the other interfaces); none on a site of one language.
    pub ui_switch: Vec<Span>,
    pub title: String,
    /// Relative prefix from this page to the site root.
    pub root: String,
    pub canonical: String,
    pub alternates: Vec<Span>,
    pub home: String,
    /// The site's title in each of its languages.
    pub site_title: Vec<Span>,
    /// The site's Markdown pages.
    pub nav: Vec<PageLink>,
    /// The site's languages, the page's first, as JSON: the search box
    /// lists results in this order.
    pub search_langs: String,
    /// The language the search index is made in ([`index_language`]).
    pub search_index_lang: String,
    /// The search box's language filter: each language of the site,
    /// named in the page's language.
    pub search_lang_options: Vec<Span>,
    /// The search box's strings in each other interface language.
    pub search_uis: Vec<SearchStrings>,
    /// On a document's pages, the document, which the search box can be
    /// limited to.
    pub search_doc: Option<SearchDoc>,
    /// The search box's topic filter: the site's topics in tree order (none
    /// without `topics.toml`).
    pub search_topics: Vec<TopicOption>,
    /// The footer's line in each interface language.
    pub footer: Vec<Alt>,
    /// The page's `<meta name="description">`: the site's description in
    /// the page's language (else in another of its languages), or what a
    /// page sets of its own; none when the site has no description.
    pub description: Option<Span>,
}

/// The language code a search index is made and found under: Pagefind
/// lower-cases the page's `<html lang>` to find its index (`zh-Hans` →
/// `zh-hans`), and segments Chinese text for any `zh-…`.
pub fn pagefind_lang(lang: &str) -> String {
    lang.to_ascii_lowercase()
}

/// The language the one index of the site is made in: the first of the
/// site's languages that Pagefind segments into words (Chinese, Japanese,
/// Thai), so that their text is cut into words; Latin text is cut at
/// word boundaries all the same. Without such a language, `und`: a
/// language with no stemmer, so that every language's words are indexed
/// as written, as the search box matches them.
pub fn index_language(site: &crate::model::Site) -> String {
    site.languages
        .iter()
        .map(|l| pagefind_lang(&l.code))
        .find(|l| matches!(l.split('-').next(), Some("zh" | "ja" | "th")))
        .unwrap_or_else(|| "und".to_string())
}

impl Ctx<'_> {
    /// The frame of the page at `path`, in `lang`.
    pub fn frame(&self, path: &str, lang: &str, title: &str) -> Frame {
        let site = self.site;
        let main_title = site.title.text_in(lang).to_string();
        let root = urls::root(path);
        let site_title = self.site_title();
        let mut search_langs: Vec<String> = site.language_codes();
        search_langs.sort_by_key(|l| l != lang);
        Frame {
            lang: lang.to_string(),
            title: if title.is_empty() || title == main_title {
                main_title
            } else {
                format!("{title} · {main_title}")
            },
            canonical: urls::abs(self.base_url, path),
            alternates: Vec::new(),
            home: format!("{root}{}", urls::HOME),
            nav: self.nav(&root),
            search_langs: serde_json::to_string(&search_langs).unwrap_or_default(),
            search_index_lang: index_language(site),
            search_lang_options: self.search_lang_options(lang),
            search_uis: (self.uis.iter())
                .filter(|u| *u != lang)
                .map(|u| SearchStrings {
                    lang: u.clone(),
                    options: self.search_lang_options(u),
                    topics: (site.topics.list.iter())
                        .map(|t| t.name.text_in(u).to_string())
                        .collect(),
                })
                .collect(),
            search_doc: None,
            search_topics: (site.topics.list.iter().enumerate())
                .map(|(i, t)| TopicOption {
                    id: t.id.clone(),
                    name: t.name.text_in(lang).to_string(),
                    depth: site.topics.depth(i),
                })
                .collect(),
            uis: self.uis.join(" "),
            ui_switch: self.ui_switch(),
            footer: self.alts("footer"),
            description: self.site_description(lang),
            site_title,
            root,
        }
    }

    /// Each language of the site named in `lang`.
    fn search_lang_options(&self, lang: &str) -> Vec<Span> {
        (self.site.languages.iter())
            .map(|l| Span {
                lang: l.code.clone(),
                text: self.language_name_in(&l.code, lang),
            })
            .collect()
    }

    /// The site's description in `lang`, else in the first language it
    /// has.
    pub fn site_description(&self, lang: &str) -> Option<Span> {
        let d = &self.site.description;
        let lang = if d.contains_key(lang) {
            lang.to_string()
        } else {
            d.keys().next()?.to_string()
        };
        Some(Span {
            text: d.text_in(&lang).to_string(),
            lang,
        })
    }

    /// A `YYYY-MM-DD` date written out in `lang` (string `date_long`,
    /// with `{y}`, `{m}`, `{d}` and `{month}`, the month's name from the
    /// comma-separated `months`): 2025年5月13日, 13 May 2025. A date
    /// that is not of that form is given as it is.
    pub fn long_date(&self, iso: &str, lang: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        let (Some(Some(y)), Some(Some(m)), Some(Some(d))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_string();
        };
        let months = self.ui(lang, "months");
        let month = months
            .split(',')
            .nth(m.saturating_sub(1) as usize)
            .unwrap_or("")
            .trim()
            .to_string();
        self.ui(lang, "date_long")
            .replace("{y}", &y.to_string())
            .replace("{m}", &m.to_string())
            .replace("{d}", &d.to_string())
            .replace("{month}", &month)
    }

    /// The site's title in each of its languages.
    pub fn site_title(&self) -> Vec<Span> {
        let site = self.site;
        site.languages
            .iter()
            .filter_map(|l| {
                site.title.get(&l.code).map(|t| Span {
                    lang: l.code.clone(),
                    text: t.clone(),
                })
            })
            .collect()
    }

    /// Links to the site's pages from a page whose links to the site root
    /// start with `root`, each titled in every interface language (its
    /// title in that language, else in its own).
    pub fn nav(&self, root: &str) -> Vec<PageLink> {
        self.pages
            .iter()
            .map(|p| PageLink {
                href: format!("{root}{}", urls::page(&p.slug)),
                titles: alts(&self.uis, |ui| {
                    let t = p.text_in(ui);
                    (t.lang.clone(), t.title.clone())
                }),
            })
            .collect()
    }

    /// An interface string in `lang`, falling back to English, then the key.
    pub fn ui(&self, lang: &str, key: &str) -> String {
        self.ui_opt(lang, key).unwrap_or_else(|| key.to_string())
    }

    /// An interface string in `lang`, falling back to English.
    pub fn ui_opt(&self, lang: &str, key: &str) -> Option<String> {
        self.strings
            .get(lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.strings.get("en").and_then(|m| m.get(key)))
            .cloned()
    }

    /// The heading of the documents of kind `id` in `lang`: as `site.toml`
    /// names it, else the interface string `kind_<id>`, else the id.
    pub fn kind_name(&self, id: &str, lang: &str) -> String {
        let kind = self.site.kinds.iter().find(|k| k.id == id);
        kind.and_then(|k| k.name.get(lang).cloned())
            .or_else(|| self.ui_opt(lang, &format!("kind_{id}")))
            .unwrap_or_else(|| id.to_string())
    }

    /// What names one document of kind `id` before its edition, in `lang`
    /// (`Joint Action Plan`): from `site.toml`, else the interface string
    /// `kind_short_<id>`; none for a kind that has neither.
    pub fn kind_short(&self, id: &str, lang: &str) -> Option<String> {
        let kind = self.site.kinds.iter().find(|k| k.id == id);
        kind.and_then(|k| k.short.get(lang).cloned())
            .or_else(|| self.ui_opt(lang, &format!("kind_short_{id}")))
    }

    /// The name of the parallel view of `langs` in `lang`: the string
    /// `parallel`, where `{langs}` is replaced by the languages' short
    /// names (`lang_abbr_<code>`, else their names) in a row: 中英西对照.
    pub fn parallel_label(&self, lang: &str, langs: &[String]) -> String {
        let label = self.ui(lang, "parallel");
        if !label.contains("{langs}") {
            return label;
        }
        let names: String = langs
            .iter()
            .map(|l| {
                self.ui_opt(lang, &format!("lang_abbr_{l}"))
                    .unwrap_or_else(|| self.language_name_in(l, lang))
            })
            .collect();
        label.replace("{langs}", &names)
    }

    /// The name of language `code` in the interface language `lang`: the
    /// interface string `lang_<code>`, else its name in itself.
    pub fn language_name_in(&self, code: &str, lang: &str) -> String {
        self.ui_opt(lang, &format!("lang_{code}"))
            .unwrap_or_else(|| self.language_name(code))
    }

    /// The name of a language in itself, from the site configuration.
    /// Each of `codes` named in itself, with its language.
    pub fn language_names(&self, codes: &[String]) -> Vec<Span> {
        (codes.iter())
            .map(|l| Span {
                lang: l.clone(),
                text: self.language_name(l),
            })
            .collect()
    }

    pub fn language_name(&self, code: &str) -> String {
        self.site
            .languages
            .iter()
            .find(|l| l.code == code)
            .map_or_else(|| code.to_string(), |l| l.name.clone())
    }
}
