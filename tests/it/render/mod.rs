//! Rendering, one feature at a time, on small fixtures
//! (`tests/fixtures/render/<case>/content/`): each test builds its case
//! into a temporary folder and reads the pages with `scraper`. What the
//! pages must hold (text, ids, hrefs, languages, heading levels) is
//! written out in the tests, never computed by accord's own functions.

mod briefing;
mod briefing_items;
mod briefing_live;
mod cite;
mod compare;
mod crosswalk;
mod document;
mod home;
mod kinds;
mod navigation;
mod provenance;
mod text;
mod trilingual;

use std::path::PathBuf;

use accord::build::{build_with, Options, Paths};
use scraper::{ElementRef, Html};

use crate::site::{parse, sel};
use crate::support::{fixture, root};

/// A fixture case built into a temporary folder (removed when dropped).
pub struct Built {
    /// Holds the copy of the case and the site built from it.
    _dir: tempfile::TempDir,
    pub out: PathBuf,
}

impl Built {
    /// A file of the built site, as text.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|e| panic!("{path} was not written: {e}"))
    }

    /// A page of the built site, parsed.
    pub fn page(&self, path: &str) -> Html {
        parse(self.read(path).as_bytes())
    }

    pub fn exists(&self, path: &str) -> bool {
        self.out.join(path).exists()
    }
}

/// Builds `tests/fixtures/render/CASE` with the project's theme, without
/// the search index (not what these tests are about).
pub fn build(case: &str) -> Built {
    build_fixture(&format!("render/{case}"))
}

/// Builds `tests/fixtures/NAME` as [`build`] does.
pub fn build_fixture(name: &str) -> Built {
    let case = name;
    let dir = fixture(name);
    let out = dir.path().join("public");
    let paths = Paths {
        content: dir.path().join("content"),
        templates: root().join("templates"),
        statics: root().join("static"),
        out: out.clone(),
    };
    let options = Options {
        base_url: None,
        no_search: true,
    };
    build_with(&paths, &options).unwrap_or_else(|e| panic!("{case}: build failed: {e:?}"));
    Built { _dir: dir, out }
}

/// The one element matching `css` under `scope`.
pub fn one<'a>(scope: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef> = scope.select(&sel(css)).collect();
    assert_eq!(found.len(), 1, "`{css}`: {} matches", found.len());
    found[0]
}

/// Every element matching `css` under `scope`.
pub fn all<'a>(scope: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    scope.select(&sel(css)).collect()
}

/// The element of node `key` (its citation key is its id).
pub fn node<'a>(html: &'a Html, key: &str) -> ElementRef<'a> {
    one(html.root_element(), &format!("[id=\"{key}\"]"))
}

pub fn attr<'a>(el: ElementRef<'a>, name: &str) -> &'a str {
    el.value()
        .attr(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", el.value().name()))
}

/// The text a reader sees in `el`: white space collapsed, without the
/// permalink tools (the ¶ link) that follow a heading or a text.
pub fn text_of(el: ElementRef) -> String {
    let mut out = String::new();
    for n in el.descendants() {
        let Some(t) = n.value().as_text() else {
            continue;
        };
        let in_tools = n
            .ancestors()
            .take_while(|a| a.id() != el.id())
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().classes().any(|c| c == "tools"));
        if !in_tools {
            out.push_str(t);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `el` is shown with the interface in `ui`: neither it nor any of
/// its ancestors is a text of other interfaces (of class `ui`, its `lang`
/// not `ui` and `ui` not in its `data-for-ui`) or the interface switch's
/// button for `ui` (templates/interface.html; static/interface.css hides
/// them).
pub fn shown_in(el: ElementRef, ui: &str) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .all(|a| {
            let v = a.value();
            let other = v.classes().any(|c| c == "ui")
                && v.attr("lang") != Some(ui)
                && !v
                    .attr("data-for-ui")
                    .is_some_and(|uis| uis.split(' ').any(|u| u == ui));
            !other && v.attr("data-set-ui") != Some(ui)
        })
}

/// The text a reader sees in `el` with the interface in `ui`: as
/// [`text_of`], without the texts of the other interfaces.
pub fn shown(el: ElementRef, ui: &str) -> String {
    let mut out = String::new();
    for n in el.descendants() {
        let Some(t) = n.value().as_text() else {
            continue;
        };
        let parent = n.parent().and_then(ElementRef::wrap).unwrap();
        let in_tools = n
            .ancestors()
            .take_while(|a| a.id() != el.id())
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().classes().any(|c| c == "tools"));
        if !in_tools && shown_in(parent, ui) {
            out.push_str(t);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The interface texts under `el` shown with the interface in `ui`: each
/// element with a `lang` (not inside another) and its shown text.
pub fn shown_spans(el: ElementRef, ui: &str) -> Vec<(String, String)> {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().attr("lang").is_some() && shown_in(*e, ui))
        .filter(|e| {
            !e.ancestors()
                .take_while(|a| a.id() != el.id())
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().attr("lang").is_some())
        })
        .map(|e| (attr(e, "lang").to_string(), shown(e, ui)))
        .collect()
}

/// The `lang` of each cell of a node, in order.
pub fn cell_langs(node: ElementRef<'_>) -> Vec<&str> {
    all(node, ":scope > .cell")
        .into_iter()
        .map(|c| attr(c, "lang"))
        .collect()
}

/// The cell of `node` in `lang`.
pub fn cell<'a>(node: ElementRef<'a>, lang: &str) -> ElementRef<'a> {
    one(node, &format!(":scope > .cell[lang=\"{lang}\"]"))
}

/// What the Cite button of `cell` (of `node`, on page `html`) copies, as
/// static/accord.js composes it (tests/browser/cite.mjs runs the script
/// itself): the page's citation form for the cell's language, with
/// `{title}`, `{locator}` and `{url}` filled in one pass.
pub fn citation(html: &Html, cell: ElementRef) -> String {
    let lang = attr(cell, "lang");
    let form = one(
        html.root_element(),
        &format!("template.cite-button[lang=\"{lang}\"]"),
    );
    let anchor = one(cell, "a.anchor");
    let locator = attr(anchor, "data-loc");
    let url = format!("{}{}", attr(form, "data-url"), attr(anchor, "href"));
    let pattern = attr(
        form,
        if locator.is_empty() {
            "data-form-document"
        } else {
            "data-form-node"
        },
    );
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let (value, len) = [
            ("{title}", attr(form, "data-title")),
            ("{locator}", locator),
            ("{url}", url.as_str()),
        ]
        .into_iter()
        .find(|(name, _)| after.starts_with(name))
        .map_or(("{", 1), |(name, v)| (v, name.len()));
        out.push_str(value);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// The blocks of a cell: each child element's tag and shown text.
pub fn blocks(cell: ElementRef) -> Vec<(String, String)> {
    cell.child_elements()
        .map(|e| (e.value().name().to_string(), text_of(e)))
        .collect()
}

/// `(tag, text)` pairs as owned strings, to compare with [`blocks`].
pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `(lang, text)` of each element matching `css` under `scope`.
pub fn spans(scope: ElementRef, css: &str) -> Vec<(String, String)> {
    all(scope, css)
        .into_iter()
        .map(|e| (attr(e, "lang").to_string(), text_of(e)))
        .collect()
}
