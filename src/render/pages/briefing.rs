//! The page of a briefing (`briefings/<id>.html`), print first: a cover
//! (title, date, audience, sources), the introduction, a table of
//! contents, then each item with its citation, permalink, comment, text
//! and references. The items themselves are in [`crate::render::briefing_items`].

use std::borrow::Cow;

use serde::Serialize;

use super::briefing_items::{self, ItemView};
use crate::model::briefing::Briefing;
use crate::model::Document;
use crate::render::frame::{Frame, Span};
use crate::render::text::{cite_label, inline_in, mark_han, snippet};
use crate::render::{markdown, urls, Ctx};

#[derive(Serialize)]
pub struct BriefingPage {
    pub frame: Frame,
    pub print_css: String,
    pub parallel: bool,
    pub date: String,
    /// One per language of the mode: title, audience, introduction.
    pub columns: Vec<Column>,
    pub sources: Vec<Source>,
    pub toc: Vec<TocEntry>,
    pub items: Vec<ItemView>,
}

#[derive(Serialize)]
pub struct Column {
    pub lang: String,
    pub title: String,
    pub audience: String,
    /// The introduction as HTML.
    pub intro: String,
}

/// A document cited by the briefing.
#[derive(Serialize)]
pub struct Source {
    pub href: String,
    pub titles: Vec<Span>,
    pub edition: Option<String>,
    pub date: Option<String>,
    pub languages: Vec<Span>,
    /// "items 1, 4" in each language of the mode.
    pub items: Vec<Span>,
}

#[derive(Serialize)]
pub struct TocEntry {
    pub anchor: String,
    pub number: usize,
    pub lines: Vec<TocLine>,
}

/// One item in the table of contents, in one language of the mode; the
/// number and heading are in the language the document has (`text_lang`).
#[derive(Serialize)]
pub struct TocLine {
    pub lang: String,
    pub doc: String,
    pub text_lang: String,
    pub label: String,
    /// HTML.
    pub heading: String,
}

/// Where the page of briefing `id` is.
pub fn path(id: &str) -> String {
    format!("briefings/{id}.html")
}

/// Its print stylesheet: the briefing's title in the page margin.
pub fn print_css_path(id: &str) -> String {
    format!("briefings/{id}.print.css")
}

pub fn print_css(b: &Briefing) -> String {
    super::document::margin_title_css(b.title.text_in(&b.languages[0]))
}

/// The language a document is shown in for a reader of `lang`.
pub(super) fn lang_for(doc: &Document, lang: &str) -> String {
    if doc.languages.iter().any(|l| l == lang) {
        lang.to_string()
    } else {
        doc.languages[0].clone()
    }
}

/// A short name of a document: its kind's short name and its edition
/// ("Joint Action Plan 2025-2027"), else its title (borrowed).
pub(super) fn doc_short<'a>(cx: &Ctx, doc: &'a Document, lang: &str) -> Cow<'a, str> {
    match (&doc.edition, cx.kind_short(&doc.kind, lang)) {
        (Some(e), Some(mut short)) => {
            short.push(' ');
            short.push_str(e);
            Cow::Owned(short)
        }
        _ => Cow::Borrowed(doc.title.text_in(lang)),
    }
}

/// Block Markdown as HTML in `lang`, Chinese runs marked in other languages.
pub(super) fn markdown_in(cx: &Ctx, md: &str, lang: &str) -> String {
    let html = markdown::to_html(md);
    match cx.zh {
        Some(zh) if !lang.starts_with("zh") => mark_han(&html, zh),
        _ => html,
    }
}

/// The number of node `i` as cited in a briefing: [`cite_label`], after
/// the heading of an unnumbered top-level ancestor unless the label
/// already starts with it (the annex's item `2` reads `annex 2`, once).
pub(super) fn cite_number(doc: &Document, i: usize, lang: &str) -> String {
    let label = cite_label(doc, i, lang);
    let mut top = i;
    while let Some(p) = doc.nodes[top].parent {
        top = p;
    }
    let root = &doc.nodes[top];
    match root
        .heading
        .get(lang)
        .map(|h| crate::render::text::plain(h))
    {
        Some(h) if root.label.is_empty() && !label.starts_with(h.as_str()) => {
            format!("{h} {label}").trim_end().to_string()
        }
        _ => label,
    }
}

/// The titles of a source in the briefing's languages that it has, else
/// its title in its own first language.
fn source_titles(b: &Briefing, doc: &Document) -> Vec<Span> {
    let titles: Vec<Span> = (b.languages.iter())
        .filter(|l| doc.title.contains_key(l))
        .map(|l| span(l, &doc.title[l]))
        .collect();
    if !titles.is_empty() {
        return titles;
    }
    (doc.languages.iter())
        .find(|l| doc.title.contains_key(l))
        .map(|l| span(l, &doc.title[l]))
        .into_iter()
        .collect()
}

/// A list of item numbers in `lang`: "items 1, 4" / "第 1、4 项"; of one
/// number, "item 2" (string `items_list_one`).
fn items_list(cx: &Ctx, lang: &str, numbers: &[usize]) -> String {
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    let key = if numbers.len() == 1 {
        "items_list_one"
    } else {
        "items_list"
    };
    cx.ui(lang, key)
        .replace("{list}", &list.join(&cx.ui(lang, "list_sep")))
}

pub fn page(cx: &Ctx, b: &Briefing) -> BriefingPage {
    let site = cx.site;
    let path = path(&b.id);
    let lang = &b.languages[0];
    let mut frame = cx.frame(&path, lang, b.title.text_in(lang));
    frame.description = Some(Span {
        lang: lang.clone(),
        text: cx
            .ui(lang, "describe_briefing")
            .replace("{date}", &cx.long_date(&b.date, lang))
            .replace("{title}", b.title.text_in(lang)),
    });
    let columns = b
        .languages
        .iter()
        .map(|l| Column {
            lang: l.clone(),
            title: b.title.text_in(l).to_string(),
            audience: b.audience.text_in(l).to_string(),
            intro: markdown_in(cx, b.intro.text_in(l), l),
        })
        .collect();
    let sources = b
        .documents()
        .into_iter()
        .map(|d| {
            let doc = &site.documents[d];
            let numbers: Vec<usize> = (1..=b.items.len())
                .filter(|&n| b.items[n - 1].node.doc == d)
                .collect();
            Source {
                href: urls::rel(&path, &urls::document(&doc.id, None)),
                titles: source_titles(b, doc),
                edition: doc.edition.clone(),
                date: doc.date.clone(),
                languages: doc
                    .languages
                    .iter()
                    .map(|l| span(l, &cx.language_name(l)))
                    .collect(),
                items: b
                    .languages
                    .iter()
                    .map(|l| span(l, &items_list(cx, l, &numbers)))
                    .collect(),
            }
        })
        .collect();
    let toc = b
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let doc = &site.documents[item.node.doc];
            let node = site.node(item.node);
            TocEntry {
                anchor: briefing_items::anchor(i),
                number: i + 1,
                lines: b
                    .languages
                    .iter()
                    .map(|l| {
                        let tl = lang_for(doc, l);
                        let heading = match node.heading.get(&tl) {
                            Some(h) => inline_in(h, &tl, cx.zh),
                            None => inline_in(&snippet(node.text.text_in(&tl), 48), &tl, cx.zh),
                        };
                        TocLine {
                            lang: l.clone(),
                            doc: doc_short(cx, doc, l).into_owned(),
                            label: cite_number(doc, item.node.node, &tl),
                            text_lang: tl,
                            heading,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    BriefingPage {
        print_css: urls::rel(&path, &print_css_path(&b.id)),
        parallel: b.languages.len() > 1,
        date: b.date.clone(),
        columns,
        sources,
        toc,
        items: briefing_items::items(cx, b, &path),
        frame,
    }
}

fn span(lang: &str, text: &str) -> Span {
    Span {
        lang: lang.to_string(),
        text: text.to_string(),
    }
}
