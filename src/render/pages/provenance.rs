//! A document's provenance as its page's head shows it: when and where it
//! was adopted, by whom, its edition, its official sources and the file
//! it was imported from, each value in every interface language (a value
//! the content gives in one language only is shown in it).

use serde::Serialize;

use crate::model::Document;
use crate::render::interface::{alts, Alt};
use crate::render::Ctx;
use crate::source::raw::LangMap;

#[derive(Serialize)]
pub struct Provenance {
    pub date: Option<Date>,
    /// Empty when the document does not say.
    pub place: Vec<Alt>,
    pub issued_by: Vec<Alt>,
    pub edition: Option<String>,
    /// The official sources, in the order of the document's file.
    pub official: Vec<OfficialLink>,
    /// The raw source file the document was imported from.
    pub source: Option<String>,
}

#[derive(Serialize)]
pub struct Date {
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub iso: String,
    /// Written out in each interface language.
    pub texts: Vec<Alt>,
}

/// A link to an official source: named by its language in each interface
/// language, pointing at a text in `hreflang`.
#[derive(Serialize)]
pub struct OfficialLink {
    pub href: String,
    pub hreflang: String,
    pub names: Vec<Alt>,
    pub title: Option<String>,
}

/// The provenance of `doc`.
pub fn provenance(cx: &Ctx, doc: &Document) -> Provenance {
    let each = |map: &LangMap| {
        if map.is_empty() {
            return Vec::new();
        }
        alts(&cx.uis, |ui| {
            let l = super::document::pick(map, ui);
            let text = map.text_in(&l).to_string();
            (l, text)
        })
    };
    Provenance {
        date: doc.date.as_ref().map(|d| Date {
            iso: d.clone(),
            texts: cx.alts_with(|ui| cx.long_date(d, ui)),
        }),
        place: each(&doc.place),
        issued_by: each(&doc.author),
        edition: doc.edition.clone(),
        official: doc
            .official
            .iter()
            .map(|o| OfficialLink {
                href: o.url.clone(),
                hreflang: o.lang.clone(),
                names: cx.alts_with(|ui| cx.language_name_in(&o.lang, ui)),
                title: o.title.clone(),
            })
            .collect(),
        source: doc.source.clone(),
    }
}
