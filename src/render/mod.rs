//! Render stage: the model and the theme into the list of output files.
//! Pure: reads nothing from disk and writes nothing.

pub mod cite;
pub mod commitments_data;
pub mod compare_data;
pub mod data;
mod derived;
pub use derived::Derived;
pub mod diff;
pub mod escape;
pub mod frame;
pub mod interface;
pub mod locator;
pub mod markdown;
pub mod pages;
mod parts;
pub mod text;
pub mod theme;
pub mod urls;

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use serde::Serialize;

use crate::model::Site;
use crate::source::pages::Page;
use crate::Error;
use theme::{template_error, StringValues, Strings, Theme};

/// One file of the site: its path from the site root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What every view is made from.
pub struct Ctx<'a> {
    pub site: &'a Site,
    /// The absolute URL the site is served at, ending in `/`.
    pub base_url: &'a str,
    /// The site's Chinese language tag, if it has one.
    pub zh: Option<&'a str>,
    pub pages: &'a [Page],
    pub strings: &'a Strings,
    /// The interface strings as template values, `t` and `ui`.
    pub values: StringValues,
    /// The interface languages: the site's, in its order.
    pub uis: Vec<String>,
    /// Every interface string in every interface language as HTML, made
    /// once (templates/ui_text.html): template value `ui_html`; or what
    /// the theme's templates got wrong.
    pub ui_html: Result<tera::Value, Vec<crate::diag::Diagnostic>>,
    /// The script inlined in every page's head and its CSP hash, as
    /// template values `ui_script` and `ui_script_hash`.
    pub ui_script: (tera::Value, tera::Value),
    /// The edition comparisons of the site's series.
    pub comparisons: &'a [crate::model::compare::Comparison],
    /// The commitments with figures of each series that has some.
    pub commitments: &'a [crate::model::commitments::Table],
}

/// What to render: the whole site, or the pages of some documents (by
/// index) with the briefings that quote them and the topic pages that
/// show one of `nodes` (src/serve/affected.rs says which), with the
/// site-wide files (home, 404, sitemap, crosswalk data, every briefing and
/// topic page) when `site_wide`.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'s> {
    All,
    Documents {
        docs: &'s BTreeSet<usize>,
        nodes: &'s BTreeSet<crate::model::NodeRef>,
        site_wide: bool,
    },
}

/// Renders the whole site served at `base_url` (absolute, ending in `/`):
/// every file, sorted by path.
pub fn render(
    site: &Site,
    pages: &[Page],
    theme: &Theme,
    base_url: &str,
) -> Result<Vec<OutFile>, Error> {
    let derived = Derived::of(site);
    Rendering::new(site, pages, theme, base_url, Scope::All, &derived).files()
}

/// Renders what `scope` names, in parallel, with what `derived` holds of
/// `site`; files sorted by path.
pub fn render_scope(
    site: &Site,
    pages: &[Page],
    theme: &Theme,
    base_url: &str,
    scope: Scope,
    derived: &Derived,
) -> Result<Vec<OutFile>, Error> {
    Rendering::new(site, pages, theme, base_url, scope, derived).files()
}

/// The rendering of a site, as independent parts (a document's pages, a
/// briefing, the home page…), each rendered on its own by [`part`]: a
/// large site can then be written part by part, never all in memory.
///
/// [`part`]: Rendering::part
pub struct Rendering<'a> {
    cx: Ctx<'a>,
    theme: &'a Theme,
    jobs: Vec<parts::Job>,
}

impl<'a> Rendering<'a> {
    /// What `scope` names of the site served at `base_url`.
    pub fn new(
        site: &'a Site,
        pages: &'a [Page],
        theme: &'a Theme,
        base_url: &'a str,
        scope: Scope,
        derived: &'a Derived,
    ) -> Rendering<'a> {
        let cx = context(site, pages, theme, base_url, derived);
        let jobs = parts::jobs(site, pages, theme, scope, cx.comparisons, cx.commitments);
        Rendering { cx, theme, jobs }
    }

    /// How many parts there are.
    pub fn parts(&self) -> usize {
        self.jobs.len()
    }

    /// The files of part `i`.
    pub fn part(&self, i: usize) -> Result<Vec<OutFile>, Error> {
        parts::run(&self.cx, self.theme, &self.jobs[i])
    }

    /// Every file, rendered in parallel, sorted by path.
    pub fn files(&self) -> Result<Vec<OutFile>, Error> {
        let made: Vec<Vec<OutFile>> = (0..self.parts())
            .into_par_iter()
            .map(|i| self.part(i))
            .collect::<Result<_, _>>()?;
        let mut files: Vec<OutFile> = made.into_iter().flatten().collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

fn context<'a>(
    site: &'a Site,
    pages: &'a [Page],
    theme: &'a Theme,
    base_url: &'a str,
    derived: &'a Derived,
) -> Ctx<'a> {
    let zh = site
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .find(|c| c.starts_with("zh"));
    let uis: Vec<String> = site.language_codes();
    Ctx {
        site,
        base_url,
        zh,
        pages,
        strings: &theme.strings,
        values: theme.string_values(site.languages.iter().map(|l| l.code.as_str())),
        ui_html: interface::strings_html(&theme.tera, &theme.strings, &uis),
        ui_script: (
            tera::Value::from(theme.ui_script.as_str()),
            tera::Value::from(theme.ui_script_hash.as_str()),
        ),
        uis,
        comparisons: &derived.comparisons,
        commitments: &derived.commitments,
    }
}

/// The paths of every HTML page of the site, for the sitemap: the
/// comparisons and commitments as `cx` made them, not made again.
fn page_paths(cx: &Ctx) -> Vec<String> {
    let (site, pages) = (cx.site, cx.pages);
    let mut paths = vec![urls::HOME.to_string()];
    for doc in &site.documents {
        paths.push(urls::document(&doc.id, None));
        if doc.languages.len() > 1 {
            paths.extend(
                doc.languages
                    .iter()
                    .map(|l| urls::document(&doc.id, Some(l))),
            );
        }
    }
    paths.extend(pages.iter().map(|p| urls::page(&p.slug)));
    paths.extend(site.briefings.iter().map(|b| pages::briefing::path(&b.id)));
    paths.extend(cx.comparisons.iter().map(|c| pages::compare::path(cx, c)));
    paths.extend((cx.commitments.iter()).map(|t| pages::commitments::path(&t.series)));
    if !site.topics.is_empty() {
        paths.push(pages::topics::INDEX.to_string());
        paths.extend(site.topics.list.iter().map(|t| pages::topics::path(&t.id)));
    }
    paths.sort();
    paths
}

/// `sitemap.xml` (`templates/sitemap.xml`): the absolute URL of every
/// HTML page but 404.html.
pub(crate) fn sitemap(cx: &Ctx, theme: &Theme) -> Result<OutFile, Error> {
    let urls: Vec<String> = page_paths(cx)
        .iter()
        .map(|p| urls::abs(cx.base_url, p))
        .collect();
    let mut context = tera::Context::new();
    context.insert("urls", &urls);
    let mut bytes = Vec::new();
    theme
        .tera
        .render_to("sitemap.xml", &context, &mut bytes)
        .map_err(|e| template_error(Path::new("templates/sitemap.xml"), &e))?;
    Ok(OutFile {
        path: "sitemap.xml".to_string(),
        bytes,
    })
}

/// Renders a page's view with its template; the context has the view's
/// fields, and the interface strings: `t` in the page's language, `ui` in
/// every language.
pub(crate) fn html(
    cx: &Ctx,
    theme: &Theme,
    template: &str,
    path: String,
    view: &dyn erased::View,
) -> Result<OutFile, Error> {
    html_with(cx, theme, template, path, view, &[])
}

/// [`html`], with values the view shares with other pages (already
/// template values, which a context clones by reference count).
pub(crate) fn html_with(
    cx: &Ctx,
    theme: &Theme,
    template: &str,
    path: String,
    view: &dyn erased::View,
    shared: &[(&'static str, &tera::Value)],
) -> Result<OutFile, Error> {
    let error = |e: &tera::Error| template_error(&Path::new("templates").join(template), e);
    let mut context = view.context().map_err(|e| error(&e))?;
    for (name, value) in shared {
        context.insert_value(*name, (*value).clone());
    }
    let lang = &view.frame().lang;
    let t = cx.values.t.get(lang).or_else(|| cx.values.t.get("en"));
    if let Some(t) = t {
        context.insert_value("t", t.clone());
    }
    context.insert_value("ui", cx.values.ui.clone());
    let ui_html = cx.ui_html.as_ref().map_err(|d| Error::Theme(d.clone()))?;
    context.insert_value("ui_html", ui_html.clone());
    context.insert_value("ui_script", cx.ui_script.0.clone());
    context.insert_value("ui_script_hash", cx.ui_script.1.clone());
    // Every value and template text is a string: the output is UTF-8.
    let mut bytes = Vec::new();
    theme
        .tera
        .render_to(template, &context, &mut bytes)
        .map_err(|e| error(&e))?;
    Ok(OutFile { path, bytes })
}

/// Views are serialised into a tera context.
mod erased {
    pub trait View: super::Framed {
        fn context(&self) -> Result<tera::Context, tera::Error>;
    }

    impl<T: serde::Serialize + super::Framed> View for T {
        fn context(&self) -> Result<tera::Context, tera::Error> {
            tera::Context::from_serialize(self)
        }
    }
}

/// A page's view: what its template shows, with the frame every page has.
pub trait Framed {
    fn frame(&self) -> &frame::Frame;
}

macro_rules! pages {
    ($($view:ty),*) => {$(
        impl Framed for $view {
            fn frame(&self) -> &frame::Frame {
                &self.frame
            }
        }
    )*};
}

pages!(
    pages::home::HomePage,
    pages::home::NotFound,
    pages::document::DocPage,
    pages::briefing::BriefingPage,
    pages::compare::ComparePage,
    pages::commitments::CommitmentsPage,
    pages::topics::TopicsIndex,
    pages::topics::TopicPage,
    pages::page::PageView
);

/// Counts of what a build made, for its summary line.
#[derive(Debug, Default, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub nodes: usize,
    pub links: usize,
    pub pages: usize,
    pub files: usize,
}
