//! A Markdown page of `content/pages/`: one file holds its texts in
//! every language it has, each shown in the interface languages that
//! show it (its own; those the page has no text in show its first, which
//! is also the page's language and its default interface).

use serde::Serialize;

use crate::render::frame::Frame;
use crate::render::interface::by_ui;
use crate::render::markdown::to_html;
use crate::render::{urls, Ctx};
use crate::source::pages::Page;

#[derive(Serialize)]
pub struct PageView {
    pub frame: Frame,
    pub texts: Vec<TextView>,
}

/// The page in one language.
#[derive(Serialize)]
pub struct TextView {
    pub lang: String,
    pub title: String,
    /// HTML.
    pub body: String,
    /// The interface languages it is shown in; empty: all (marked as
    /// templates/interface.html says).
    pub uis: String,
}

pub fn page(cx: &Ctx, page: &Page) -> PageView {
    let path = urls::page(&page.slug);
    let first = &page.texts[0];
    let mut shown = by_ui(&cx.uis, |ui| page.text_in(ui).lang.clone());
    // In the order of its texts (the site's languages).
    shown.sort_by_key(|(lang, _)| page.texts.iter().position(|t| &t.lang == lang));
    let texts = shown
        .into_iter()
        .map(|(lang, uis)| {
            let text = page.text_in(&lang);
            let mut body = to_html(&text.markdown);
            if let Some(zh) = cx.zh.filter(|_| !lang.starts_with("zh")) {
                body = crate::render::text::mark_han(&body, zh);
            }
            TextView {
                title: text.title.clone(),
                lang,
                body,
                uis,
            }
        })
        .collect();
    PageView {
        frame: cx.frame(&path, &first.lang, &first.title),
        texts,
    }
}
