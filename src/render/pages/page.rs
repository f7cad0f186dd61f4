//! A Markdown page of `content/pages/`.

use serde::Serialize;

use crate::render::frame::Frame;
use crate::render::markdown::to_html;
use crate::render::{urls, Ctx};
use crate::source::pages::Page;

#[derive(Serialize)]
pub struct PageView {
    pub frame: Frame,
    pub title: String,
    pub body: String,
}

pub fn page(cx: &Ctx, page: &Page) -> PageView {
    let path = urls::page(&page.slug);
    let mut body = to_html(&page.markdown);
    if let Some(zh) = cx.zh.filter(|_| !page.lang.starts_with("zh")) {
        body = crate::render::text::mark_han(&body, zh);
    }
    PageView {
        frame: cx.frame(&path, &page.lang, &page.title),
        title: page.title.clone(),
        body,
    }
}
