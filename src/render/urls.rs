//! Where pages are, and links between them. Every internal link is
//! relative and names its file (`…/index.html`), so that one `public/`
//! works at a domain root, under a subpath and from disk. Only canonical,
//! hreflang, sitemap and citation URLs are absolute, made from `base_url`.

use crate::model::Document;

/// Output path of the site's home page.
pub const HOME: &str = "index.html";

/// The page of a document in a view: `None` is the parallel view (or the
/// only view of a one-language document), `Some(lang)` one language.
pub fn document(doc: &str, view: Option<&str>) -> String {
    let mut path = String::new();
    push_document(&mut path, doc, view);
    path
}

/// [`document`], appended to `out` (a cross-link of a page writes one for
/// each view without a string of its own).
pub fn push_document(out: &mut String, doc: &str, view: Option<&str>) {
    out.push_str("documents/");
    out.push_str(doc);
    out.push('/');
    out.push_str(view.unwrap_or("index"));
    out.push_str(".html");
}

/// The page of `doc` that best fits a reader in `view`: its one-language
/// view if it has that language and more than one, else its main page.
pub fn document_for(doc: &Document, view: Option<&str>) -> String {
    document(&doc.id, view_for(doc, view))
}

/// The view of [`document_for`]: `view` if `doc` has it, else its main page.
pub fn view_for<'a>(doc: &Document, view: Option<&'a str>) -> Option<&'a str> {
    view.filter(|lang| doc.languages.len() > 1 && doc.languages.iter().any(|l| l == lang))
}

pub fn data(doc: &str) -> String {
    format!("data/{doc}.json")
}

pub fn page(slug: &str) -> String {
    format!("pages/{slug}.html")
}

/// The relative link from the page at `from` to the file at `to`, both
/// paths from the site root.
pub fn rel(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

/// The prefix that leads from the page at `from` to the site root.
pub fn root(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// The absolute URL of a path; `…/index.html` becomes `…/`.
pub fn abs(base_url: &str, path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}{path}")
}

/// The path part of `base_url` (`/accord/` for `https://x.github.io/accord/`),
/// for the one page that is served at any depth: `404.html`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    match after_scheme.find('/') {
        Some(i) => after_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_name_files() {
        assert_eq!(
            rel("index.html", "documents/a/index.html"),
            "documents/a/index.html"
        );
        assert_eq!(
            rel("documents/a/en.html", "documents/b/index.html"),
            "../../documents/b/index.html"
        );
        assert_eq!(
            rel("pages/about.html", "static/style.css"),
            "../static/style.css"
        );
        assert_eq!(
            abs("https://x.org/r/", "documents/a/index.html"),
            "https://x.org/r/documents/a/"
        );
        assert_eq!(base_path("https://x.github.io/accord/"), "/accord/");
        assert_eq!(base_path("https://x.org/"), "/");
    }
}
