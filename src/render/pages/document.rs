//! The views of a document page: parallel columns or one language, with
//! table of contents, permalinks, citations, cross-links and notes.

use serde::Serialize;

use super::contents::{self, SectionNav, TocEntry};
use super::provenance::{provenance, Provenance};
use crate::model::Document;
use crate::render::frame::{Frame, SearchDoc, Span};
use crate::render::interface::{alts, Alt};
use crate::render::{cite, urls, Ctx};

#[derive(Serialize)]
pub struct DocPage {
    pub frame: Frame,
    pub titles: Vec<Span>,
    /// Where the document comes from, in every interface language.
    pub provenance: Provenance,
    pub views: Vec<ViewLink>,
    pub columns: Vec<Span>,
    /// For each column, its language's Cite button, which static/accord.js
    /// copies after each permalink of the column.
    pub cite_buttons: Vec<CiteButton>,
    /// On the page of a document in fewer languages than the site, what
    /// it lacks, in every interface language.
    pub one_language_note: Vec<Alt>,
    pub toc: Vec<TocEntry>,
    /// The links at the end of each top-level section, which its last
    /// node names (`ends_section` of src/render/pages/nodes.rs).
    pub sections: Vec<SectionNav>,
    /// Whether a node of the document has cross-links: the page then has
    /// a switch that opens or closes them all (shown by static/accord.js,
    /// its room kept without it).
    pub has_refs: bool,
    /// The language of a one-language view; `None` in the parallel view.
    pub view: Option<String>,
    /// The page search results open for its language, with the title
    /// shown with them: a one-language view, or the only page of a
    /// one-language document. Its nodes carry their labels for the search
    /// index (`data-pagefind-title`); its `data-pagefind-body` and
    /// `-meta` marks are Pagefind's own, for its command line: the build
    /// gives Pagefind records of its own (src/search/).
    pub search: Option<Span>,
    pub data_href: String,
    /// The `citation_*` and `DC.*` tags that reference managers read.
    pub cite_meta: Vec<crate::render::cite::Meta>,
    /// The document's citation files: BibTeX, RIS, CSL-JSON.
    pub cite_files: Vec<CiteFile>,
    pub print_css: String,
    /// The briefings that cite this document.
    pub briefings: Vec<BriefingLink>,
    /// Its comparisons with the editions before and after it.
    pub compare: Vec<BriefingLink>,
}

/// A page linked from the document's head (a briefing that cites it, a
/// comparison of its editions), titled in every interface language.
#[derive(Serialize)]
pub struct BriefingLink {
    pub href: String,
    pub titles: Vec<Alt>,
}

#[derive(Serialize)]
pub struct CiteButton {
    pub lang: String,
    pub cite: String,
    pub copied: String,
    pub forms: cite::Forms,
}

#[derive(Serialize)]
pub struct CiteFile {
    pub text: &'static str,
    pub href: String,
    pub media_type: &'static str,
}

/// A link to a view of the document: the parallel one named in every
/// interface language, a language's in that language.
#[derive(Serialize)]
pub struct ViewLink {
    pub labels: Vec<Alt>,
    pub href: String,
    pub current: bool,
}

/// The page of document `d` in `view` (`None`: parallel or only view),
/// but for its nodes ([`super::nodes::nodes`]), which its views share.
pub fn page(cx: &Ctx, d: usize, view: Option<&str>) -> DocPage {
    let site = cx.site;
    let doc = &site.documents[d];
    let path = urls::document(&doc.id, view);
    let columns: Vec<String> = match view {
        Some(l) => vec![l.to_string()],
        None => doc.languages.clone(),
    };
    let page_lang = columns[0].clone();
    let title = doc.title.get(&page_lang).cloned().unwrap_or_default();
    let mut frame = cx.frame(&path, &page_lang, &title);
    frame.search_doc = Some(SearchDoc {
        id: doc.id.clone(),
        title: title.clone(),
    });
    if doc.languages.len() > 1 {
        frame.alternates =
            std::iter::once(("x-default".to_string(), urls::document(&doc.id, None)))
                .chain(
                    doc.languages
                        .iter()
                        .map(|l| (l.clone(), urls::document(&doc.id, Some(l)))),
                )
                .map(|(lang, p)| Span {
                    lang,
                    text: urls::abs(cx.base_url, &p),
                })
                .collect();
    }
    let views = if doc.languages.len() > 1 {
        std::iter::once(None)
            .chain(doc.languages.iter().map(|l| Some(l.as_str())))
            .map(|v| ViewLink {
                labels: match v {
                    None => cx.alts_with(|ui| cx.parallel_label(ui, &doc.languages)),
                    Some(l) => alts(&cx.uis, |_| (l.to_string(), cx.language_name(l))),
                },
                href: urls::rel(&path, &urls::document(&doc.id, v)),
                current: v == view,
            })
            .collect()
    } else {
        Vec::new()
    };
    let lacks = doc.languages.len() == 1 && site.languages.len() > 1;
    let one_language_note = |ui: &str| {
        let names = |langs: &mut dyn Iterator<Item = &str>| {
            let names: Vec<String> = langs.map(|l| cx.language_name_in(l, ui)).collect();
            names.join(&cx.ui(ui, "list_sep"))
        };
        let has = names(&mut doc.languages.iter().map(String::as_str));
        let missing = names(
            &mut site
                .languages
                .iter()
                .map(|l| l.code.as_str())
                .filter(|l| !doc.languages.iter().any(|d| d == l)),
        );
        cx.ui(ui, "one_language")
            .replace("{has}", &has)
            .replace("{missing}", &missing)
    };
    let one_language_note = if lacks {
        cx.alts_with(one_language_note)
    } else {
        Vec::new()
    };
    frame.description = Some(Span {
        lang: page_lang.clone(),
        text: description(cx, doc, &page_lang),
    });
    DocPage {
        titles: columns
            .iter()
            .filter_map(|l| {
                doc.title.get(l).map(|t| Span {
                    lang: l.clone(),
                    text: t.clone(),
                })
            })
            .collect(),
        provenance: provenance(cx, doc),
        views,
        columns: cx.language_names(&columns),
        cite_buttons: columns
            .iter()
            .map(|l| CiteButton {
                lang: l.clone(),
                cite: cx.ui(l, "cite"),
                copied: cx.ui(l, "copied"),
                forms: cite::forms(cx, doc, l),
            })
            .collect(),
        one_language_note,
        toc: contents::toc(cx, d, view),
        sections: contents::sections(cx, d, view),
        has_refs: (0..doc.nodes.len()).any(|i| {
            let a = site.attached(crate::model::NodeRef { doc: d, node: i });
            !a.links_out.is_empty() || !a.links_in.is_empty()
        }),
        view: view.map(str::to_string),
        search: (view.is_some() || doc.languages.len() == 1).then(|| Span {
            lang: page_lang.clone(),
            text: title.clone(),
        }),
        data_href: urls::rel(&path, &urls::data(&doc.id)),
        cite_meta: cite::meta(cx, doc, &path, &page_lang),
        cite_files: [
            ("BibTeX", "bib", "application/x-bibtex"),
            ("RIS", "ris", "application/x-research-info-systems"),
            (
                "CSL-JSON",
                "json",
                "application/vnd.citationstyles.csl+json",
            ),
        ]
        .into_iter()
        .map(|(text, ext, media_type)| CiteFile {
            text,
            href: urls::rel(&path, &cite::file_path(&doc.id, ext)),
            media_type,
        })
        .collect(),
        print_css: urls::rel(&path, &print_css_path(&doc.id)),
        compare: {
            let mut links = super::compare::links(cx, d, &path);
            links.extend(super::commitments::links(cx, d, &path));
            links
        },
        briefings: site
            .briefings
            .iter()
            .filter(|b| b.cites(d))
            .map(|b| BriefingLink {
                href: urls::rel(&path, &super::briefing::path(&b.id)),
                titles: alts(&cx.uis, |ui| {
                    let l = pick(&b.title, ui);
                    let text = b.title.text_in(&l).to_string();
                    (l, text)
                }),
            })
            .collect(),
        frame,
    }
}

/// The `<meta name="description">` of a document's page in `lang`: its
/// title, where and when it was adopted and its languages (strings
/// `describe_*`).
fn description(cx: &Ctx, doc: &Document, lang: &str) -> String {
    let date = doc.date.as_deref().map(|d| cx.long_date(d, lang));
    let adopted = match (date, doc.place.get(lang)) {
        (Some(date), Some(place)) => cx
            .ui(lang, "describe_adopted_at")
            .replace("{date}", &date)
            .replace("{place}", place),
        (Some(date), None) => cx.ui(lang, "describe_adopted").replace("{date}", &date),
        (None, _) => String::new(),
    };
    let langs: Vec<String> = doc
        .languages
        .iter()
        .map(|l| cx.language_name_in(l, lang))
        .collect();
    let languages = cx
        .ui(lang, "describe_languages")
        .replace("{languages}", &langs.join(&cx.ui(lang, "list_sep")));
    cx.ui(lang, "describe_document")
        .replace("{title}", doc.title.text_in(lang))
        .replace("{adopted}", &adopted)
        .replace("{languages}", &languages)
}

/// The print stylesheet of a document, for all its views.
pub fn print_css_path(doc: &str) -> String {
    format!("documents/{doc}/print.css")
}

/// `@page` margin boxes with the document's title in the language of the
/// page (its `<html lang>`), as named pages: one stylesheet serves the
/// parallel view and each one-language view.
pub fn print_css(doc: &Document) -> String {
    let mut out = String::new();
    for (i, lang) in doc.languages.iter().enumerate() {
        let title = doc.title.text_in(lang);
        out.push_str(&format!(
            "@page title-{i} {{\n  @top-center {{ content: \"{}\"; }}\n}}\n\
             :root[lang=\"{}\"] body {{ page: title-{i}; }}\n",
            css_string(title),
            css_string(lang)
        ));
    }
    out
}

/// `@page` margin boxes with `title`, escaped as a CSS string.
pub fn margin_title_css(title: &str) -> String {
    format!(
        "@page {{\n  @top-center {{ content: \"{}\"; }}\n}}\n",
        css_string(title)
    )
}

/// A text as the inside of a CSS string.
fn css_string(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect()
}

/// The language to show of a map: `want` if there, else the first.
pub(super) fn pick(map: &crate::source::raw::LangMap, want: &str) -> String {
    if map.contains_key(want) {
        want.to_string()
    } else {
        map.keys().next().unwrap_or(want).to_string()
    }
}
