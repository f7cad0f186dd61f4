//! Citing a document: the citation of a node in each language (its form
//! is the interface strings `cite_node` and `cite_document`), the
//! Highwire Press and Dublin Core `<meta>` tags of a document page that
//! Zotero and Google Scholar read, and the files a reference manager
//! imports: `documents/<id>/cite.bib` (BibTeX, `templates/cite.bib`),
//! `cite.ris` (RIS, `templates/cite.ris`) and `cite.json` (CSL-JSON).

use std::path::Path;

use serde::Serialize;

use crate::model::Document;
use crate::render::theme::{template_error, Theme};
use crate::render::{urls, Ctx, OutFile};
use crate::Error;

/// The absolute, permanent URL of a document: its main page.
pub fn document_url(cx: &Ctx, doc: &Document) -> String {
    urls::abs(cx.base_url, &urls::document(&doc.id, None))
}

/// The document's title in `lang`, or in its first language.
fn title<'a>(doc: &'a Document, lang: &str) -> &'a str {
    doc.title
        .get(lang)
        .or_else(|| doc.title.values().next())
        .map_or("", String::as_str)
}

/// How a page's Cite buttons (static/accord.js) compose the citation of
/// a node in one language: the interface strings `cite_node` and
/// `cite_document`, whose `{title}`, `{locator}` and `{url}` the script
/// fills in one pass with the document's title and URL below, the node's
/// locator (`data-loc` of its ¶ link; empty for the document as a whole)
/// and the link's fragment. Given once per page rather than once per node,
/// where the finished citations were a sixth of every document page.
#[derive(Serialize)]
pub struct Forms {
    pub node: String,
    pub document: String,
    pub title: String,
    pub url: String,
}

/// The citation forms of `doc` in `lang`.
pub fn forms(cx: &Ctx, doc: &Document, lang: &str) -> Forms {
    Forms {
        node: cx.ui(lang, "cite_node"),
        document: cx.ui(lang, "cite_document"),
        title: title(doc, lang).to_string(),
        url: document_url(cx, doc),
    }
}

/// Who published the document in `lang`: its `publisher`, else the site.
fn publisher(cx: &Ctx, doc: &Document, lang: &str) -> String {
    doc.publisher
        .get(lang)
        .cloned()
        .unwrap_or_else(|| cx.site.title.text_in(lang).to_string())
}

/// The paths of a document's citation files.
pub fn file_path(doc: &str, ext: &str) -> String {
    format!("documents/{doc}/cite.{ext}")
}

/// One `<meta name content>` of a document page.
#[derive(Serialize)]
pub struct Meta {
    pub name: &'static str,
    pub content: String,
}

/// The `citation_*` (Highwire Press) and `DC.*` (Dublin Core) tags of the
/// page of `doc` at `path`, in `lang`.
pub fn meta(cx: &Ctx, doc: &Document, path: &str, lang: &str) -> Vec<Meta> {
    let mut out = Vec::new();
    let mut put = |name, content: String| out.push(Meta { name, content });
    let title = title(doc, lang).to_string();
    let url = urls::abs(cx.base_url, path);
    let author = doc.author.get(lang).cloned();
    let publisher = publisher(cx, doc, lang);
    put("citation_title", title.clone());
    if let Some(a) = &author {
        put("citation_author", a.clone());
    }
    if let Some(d) = &doc.date {
        put("citation_publication_date", d.replace('-', "/"));
    }
    put("citation_publisher", publisher.clone());
    put("citation_language", lang.to_string());
    put("citation_public_url", url.clone());
    put("citation_fulltext_html_url", url.clone());
    put("DC.title", title);
    if let Some(a) = author {
        put("DC.creator", a);
    }
    if let Some(d) = &doc.date {
        put("DC.date", d.clone());
    }
    put("DC.publisher", publisher);
    put("DC.language", lang.to_string());
    put("DC.identifier", url);
    put("DC.type", "Text".to_string());
    out
}

/// A document in one language, as the BibTeX and RIS templates print it:
/// every value escaped for its format.
#[derive(Serialize)]
struct Entry {
    key: String,
    lang: String,
    title: String,
    author: Option<String>,
    publisher: String,
    /// `YYYY`, `YYYY-MM-DD` and `YYYY/MM/DD`.
    year: Option<String>,
    date: Option<String>,
    ris_date: Option<String>,
    url: String,
}

fn entries(cx: &Ctx, doc: &Document, esc: fn(&str) -> String) -> Vec<Entry> {
    doc.languages
        .iter()
        .map(|lang| Entry {
            key: format!("{}-{lang}", doc.id),
            lang: lang.clone(),
            title: esc(title(doc, lang)),
            author: doc.author.get(lang).map(|a| esc(a)),
            publisher: esc(&publisher(cx, doc, lang)),
            year: doc.date.as_ref().map(|d| d[..4].to_string()),
            date: doc.date.clone(),
            ris_date: doc.date.as_ref().map(|d| d.replace('-', "/")),
            url: esc(&document_url(cx, doc)),
        })
        .collect()
}

/// A text as the inside of a BibTeX `{…}` value: LaTeX's special
/// characters escaped, anything else (Chinese too) kept as UTF-8.
pub fn bibtex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A text as one RIS value: on one line.
pub fn ris(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// A URL in a BibTeX `url` field (verbatim): only braces would break it.
fn bibtex_url(text: &str) -> String {
    text.replace('{', "%7B").replace('}', "%7D")
}

/// One item of CSL-JSON, the data format of citeproc and Zotero.
#[derive(Serialize)]
struct CslItem {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName>,
    publisher: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    language: String,
    #[serde(rename = "URL")]
    url: String,
}

#[derive(Serialize)]
struct CslName {
    literal: String,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    parts: [Vec<u32>; 1],
}

/// The citation files of document `d`: BibTeX, RIS, CSL-JSON.
pub fn files(cx: &Ctx, theme: &Theme, d: usize) -> Result<Vec<OutFile>, Error> {
    let doc = &cx.site.documents[d];
    let mut out = Vec::new();
    for (ext, esc) in [("bib", bibtex as fn(&str) -> String), ("ris", ris)] {
        let mut entries = entries(cx, doc, esc);
        if ext == "bib" {
            for e in &mut entries {
                e.url = bibtex_url(&document_url(cx, doc));
            }
        }
        let mut context = tera::Context::new();
        context.insert("entries", &entries);
        let name = format!("cite.{ext}");
        let mut bytes = Vec::new();
        theme
            .tera
            .render_to(&name, &context, &mut bytes)
            .map_err(|e| template_error(&Path::new("templates").join(&name), &e))?;
        if ext == "ris" {
            // RIS lines end in CR LF.
            let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
            bytes = text.replace('\n', "\r\n").into_bytes();
        }
        out.push(OutFile {
            path: file_path(&doc.id, ext),
            bytes,
        });
    }
    let items: Vec<CslItem> = doc
        .languages
        .iter()
        .map(|lang| CslItem {
            id: format!("{}-{lang}", doc.id),
            kind: "document",
            title: title(doc, lang).to_string(),
            author: doc
                .author
                .get(lang)
                .map(|a| CslName { literal: a.clone() })
                .into_iter()
                .collect(),
            publisher: publisher(cx, doc, lang),
            issued: doc.date.as_ref().map(|d| CslDate {
                parts: [d.split('-').filter_map(|p| p.parse().ok()).collect()],
            }),
            language: lang.clone(),
            url: document_url(cx, doc),
        })
        .collect();
    let mut json = serde_json::to_vec_pretty(&items).expect("CSL-JSON serialises");
    json.push(b'\n');
    out.push(OutFile {
        path: file_path(&doc.id, "json"),
        bytes: json,
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_escapes_latex_and_keeps_utf8() {
        assert_eq!(
            bibtex("R&D {50%} $x_1# ~a^ \\ 《中拉》"),
            "R\\&D \\{50\\%\\} \\$x\\_1\\# \\textasciitilde{}a\\textasciicircum{} \\textbackslash{} 《中拉》"
        );
        assert_eq!(ris("a\nb"), "a b");
    }
}
