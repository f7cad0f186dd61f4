//! Render stage: the model and the theme into the list of output files.
//! Pure: reads nothing from disk and writes nothing.

pub mod data;
pub mod document;
pub mod frame;
pub mod home;
pub mod markdown;
pub mod text;
pub mod theme;
pub mod urls;

use std::path::Path;

use serde::Serialize;

use crate::content::pages::Page;
use crate::content::Site;
use crate::Error;
use theme::{template_error, Strings, Theme};

/// One file of the site: its path from the site root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What every view is made from.
pub struct Ctx<'a> {
    pub site: &'a Site,
    /// The site's Chinese language tag, if it has one.
    pub zh: Option<&'a str>,
    pub pages: &'a [Page],
    pub strings: &'a Strings,
}

/// Renders the whole site.
pub fn render(site: &Site, pages: &[Page], theme: &Theme) -> Result<Vec<OutFile>, Error> {
    let zh = site
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .find(|c| c.starts_with("zh"));
    let cx = Ctx {
        site,
        zh,
        pages,
        strings: &theme.strings,
    };
    let mut out = Vec::new();
    let html = |out: &mut Vec<OutFile>,
                template: &str,
                path: String,
                view: &dyn erased::View|
     -> Result<(), Error> {
        let mut context = view
            .context()
            .map_err(|e| template_error(Path::new(template), &e))?;
        context.insert("ui", &theme.strings);
        let text = theme
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&Path::new("templates").join(template), &e))?;
        out.push(OutFile {
            path,
            bytes: text.into_bytes(),
        });
        Ok(())
    };

    html(
        &mut out,
        "index.html",
        urls::HOME.to_string(),
        &home::page(&cx),
    )?;
    for (d, doc) in site.documents.iter().enumerate() {
        let mut views = vec![None];
        if doc.languages.len() > 1 {
            views.extend(doc.languages.iter().map(|l| Some(l.as_str())));
        }
        for view in views {
            html(
                &mut out,
                "document.html",
                urls::document(&doc.id, view),
                &document::page(&cx, d, view),
            )?;
            let lang = view.unwrap_or(&doc.languages[0]);
            out.push(OutFile {
                path: document::print_css_path(&doc.id, view),
                bytes: document::print_css(doc, lang).into_bytes(),
            });
        }
        out.push(OutFile {
            path: urls::data(&doc.id),
            bytes: data::document_json(site, d).into_bytes(),
        });
    }
    for page in pages {
        html(
            &mut out,
            "page.html",
            urls::page(&page.slug),
            &markdown::page(&cx, page),
        )?;
    }
    html(
        &mut out,
        "404.html",
        "404.html".to_string(),
        &home::not_found(&cx),
    )?;
    out.push(OutFile {
        path: "data/crosswalk.json".into(),
        bytes: data::crosswalk_json(site).into_bytes(),
    });
    out.push(OutFile {
        path: "sitemap.xml".into(),
        bytes: data::sitemap(site, &out).into_bytes(),
    });
    out.push(OutFile {
        path: "static/highlight.css".into(),
        bytes: markdown::highlight_css().into_bytes(),
    });
    for (path, bytes) in &theme.statics {
        out.push(OutFile {
            path: format!("static/{path}"),
            bytes: bytes.clone(),
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Views are serialised into a tera context.
mod erased {
    pub trait View {
        fn context(&self) -> Result<tera::Context, tera::Error>;
    }

    impl<T: serde::Serialize> View for T {
        fn context(&self) -> Result<tera::Context, tera::Error> {
            tera::Context::from_serialize(self)
        }
    }
}

/// Counts of what a build made, for its summary line.
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub nodes: usize,
    pub links: usize,
    pub pages: usize,
    pub files: usize,
}

impl Counts {
    pub fn of(site: &Site, files: &[OutFile]) -> Counts {
        Counts {
            documents: site.documents.len(),
            nodes: site.node_count(),
            links: site.links.len(),
            pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
            files: files.len(),
        }
    }
}
