//! The home page (documents grouped by kind and series) and the 404 page.

use serde::Serialize;

use crate::render::frame::{Frame, NavLink, Span};
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct HomePage {
    pub frame: Frame,
    /// The site's title in each of its languages.
    pub site_title: Vec<Span>,
    pub intro: Vec<Span>,
    pub groups: Vec<Group>,
    pub pages: Vec<crate::render::frame::PageLink>,
}

#[derive(Serialize)]
pub struct Group {
    pub captions: Vec<Span>,
    pub docs: Vec<Card>,
}

/// A title on a card. A document's title in a language it has no text in
/// (an editorial translation, as `imports.toml` gives the 2022-2024 plan's
/// Chinese title) is listed after its own and marked as translated.
#[derive(Serialize)]
pub struct CardTitle {
    pub lang: String,
    pub text: String,
    /// The mark of a translated title and what it means, in its language.
    pub translated: Option<Translated>,
}

#[derive(Serialize)]
pub struct Translated {
    pub mark: String,
    pub note: String,
}

#[derive(Serialize)]
pub struct Card {
    pub href: String,
    pub titles: Vec<CardTitle>,
    pub edition: Option<String>,
    pub date: Option<String>,
    pub languages: Vec<Span>,
    pub size: Vec<Span>,
    pub views: Vec<NavLink>,
}

/// Spans of an interface string in each of the site's languages.
fn each_lang(cx: &Ctx, key: &str, n: Option<usize>) -> Vec<Span> {
    // A count of one has its own string (`size_one`): "1 citable unit".
    let key = match n {
        Some(1) => format!("{key}_one"),
        _ => key.to_string(),
    };
    cx.site
        .languages
        .iter()
        .map(|l| {
            let text = cx.ui(&l.code, &key);
            Span {
                lang: l.code.clone(),
                text: n.map_or(text.clone(), |n| text.replace("{n}", &n.to_string())),
            }
        })
        .collect()
}

pub fn page(cx: &Ctx) -> HomePage {
    let site = cx.site;
    let lang = site.first_language();
    let frame = cx.frame(urls::HOME, &lang, "");
    let site_title = cx.site_title();
    let mut groups = Vec::new();
    for kind in &site.kinds {
        let docs = of_kind(site, &kind.id);
        if docs.is_empty() {
            continue;
        }
        let cards = docs.into_iter().map(|d| card(cx, d)).collect();
        groups.push(Group {
            captions: site
                .languages
                .iter()
                .map(|l| Span {
                    lang: l.code.clone(),
                    text: cx.kind_name(&kind.id, &l.code),
                })
                .collect(),
            docs: cards,
        });
    }
    if !cx.comparisons.is_empty() {
        groups.push(Group {
            captions: each_lang(cx, "kind_compare", None),
            docs: cx
                .comparisons
                .iter()
                .map(|c| super::compare::card(cx, c))
                .collect(),
        });
    }
    if !cx.commitments.is_empty() {
        groups.push(Group {
            captions: each_lang(cx, "kind_commitments", None),
            docs: cx
                .commitments
                .iter()
                .map(|t| super::commitments::card(cx, t))
                .collect(),
        });
    }
    if !site.topics.is_empty() {
        groups.push(Group {
            captions: each_lang(cx, "kind_topics", None),
            docs: vec![super::topics::card(cx)],
        });
    }
    if !site.briefings.is_empty() {
        groups.push(Group {
            captions: each_lang(cx, "kind_briefing", None),
            docs: site
                .briefings
                .iter()
                .map(|b| briefing_card(cx, b))
                .collect(),
        });
    }
    HomePage {
        site_title,
        intro: site
            .description
            .iter()
            .map(|(l, t)| Span {
                lang: l.to_string(),
                text: t.clone(),
            })
            .collect(),
        pages: cx.nav(""),
        frame,
        groups,
    }
}

/// The documents of kind `kind` in the home page's order: by series,
/// newest edition first.
fn of_kind(site: &crate::model::Site, kind: &str) -> Vec<usize> {
    let mut docs: Vec<usize> = (0..site.documents.len())
        .filter(|&d| site.documents[d].kind == kind)
        .collect();
    docs.sort_by(|&a, &b| {
        let (a, b) = (&site.documents[a], &site.documents[b]);
        (&a.series, &b.edition, &a.id).cmp(&(&b.series, &a.edition, &b.id))
    });
    docs
}

/// Every document in the home page's order: by kind, then series, newest
/// edition first (the order the topic pages group their clauses in).
pub fn document_order(site: &crate::model::Site) -> Vec<usize> {
    let mut order: Vec<usize> = site
        .kinds
        .iter()
        .flat_map(|k| of_kind(site, &k.id))
        .collect();
    // A kind the site does not list (none after check) still has its place.
    let mut listed = vec![false; site.documents.len()];
    for &d in &order {
        listed[d] = true;
    }
    order.extend((0..site.documents.len()).filter(|&d| !listed[d]));
    order
}

fn card(cx: &Ctx, d: usize) -> Card {
    let doc = &cx.site.documents[d];
    let mut views = Vec::new();
    if doc.languages.len() > 1 {
        views.extend(doc.languages.iter().map(|l| NavLink {
            href: urls::document(&doc.id, Some(l)),
            lang: l.clone(),
            text: cx.language_name(l),
        }));
    }
    let order = |l: &String| cx.site.languages.iter().position(|s| &s.code == l);
    let mut titles: Vec<CardTitle> = doc
        .title
        .iter()
        .map(|(l, t)| CardTitle {
            lang: l.to_string(),
            text: t.clone(),
            translated: (!doc.languages.iter().any(|d| d == l)).then(|| Translated {
                mark: cx.ui(l, "translated_title"),
                note: cx.ui(l, "translated_title_note"),
            }),
        })
        .collect();
    // The document's own titles first, then the translated ones.
    titles.sort_by_key(|s| (s.translated.is_some(), order(&s.lang)));
    Card {
        href: urls::document(&doc.id, None),
        titles,
        edition: doc.edition.clone(),
        date: doc.date.clone(),
        languages: cx.language_names(&doc.languages),
        size: each_lang(cx, "size", Some(doc.nodes.len())),
        views,
    }
}

/// A briefing on the home page: titles, date, languages, number of items.
fn briefing_card(cx: &Ctx, b: &crate::model::briefing::Briefing) -> Card {
    Card {
        href: super::briefing::path(&b.id),
        titles: cx
            .site
            .languages
            .iter()
            .filter_map(|l| {
                b.title.get(&l.code).map(|t| CardTitle {
                    lang: l.code.clone(),
                    text: t.clone(),
                    translated: None,
                })
            })
            .collect(),
        edition: None,
        date: Some(b.date.clone()),
        languages: cx.language_names(&b.languages),
        size: each_lang(cx, "briefing_size", Some(b.items.len())),
        views: Vec::new(),
    }
}

#[derive(Serialize)]
pub struct NotFound {
    pub frame: Frame,
    /// Root-absolute path of the site: 404.html is served at any depth.
    pub base: String,
    pub messages: Vec<Span>,
}

pub fn not_found(cx: &Ctx) -> NotFound {
    let lang = cx.site.first_language();
    NotFound {
        frame: cx.frame("404.html", &lang, ""),
        base: urls::base_path(cx.base_url),
        messages: each_lang(cx, "not_found", None),
    }
}
