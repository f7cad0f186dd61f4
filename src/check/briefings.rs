//! `content/briefings/*.toml` into the model's briefings, checked on the
//! way: id, title, date, mode, audience, introduction, and every item's
//! citation key and comment.

use toml::Spanned;

use super::briefing_items::check_items;
use super::keys::Keys;
use super::text::{check_langs, plain_texts, quoted};
use crate::diag::Diagnostic;
use crate::model::briefing::{Briefing, Mode};
use crate::model::ids;
use crate::model::topics::Topics;
use crate::source::briefings::{id_of, RawBriefing};
use crate::source::load::Sourced;
use crate::source::raw::LangMap;

/// The briefings, sorted by id.
pub(super) fn check_briefings(
    files: &[Sourced<RawBriefing>],
    site_langs: &[String],
    keys: &Keys,
    topics: &Topics,
    out: &mut Vec<Diagnostic>,
) -> Vec<Briefing> {
    let mut briefings: Vec<Briefing> = files
        .iter()
        .filter_map(|file| check_briefing(file, site_langs, keys, topics, out))
        .collect();
    briefings.sort_by(|a, b| a.id.cmp(&b.id));
    briefings
}

fn check_briefing(
    file: &Sourced<RawBriefing>,
    site_langs: &[String],
    keys: &Keys,
    topics: &Topics,
    out: &mut Vec<Diagnostic>,
) -> Option<Briefing> {
    let b = &file.value;
    let id = id_of(file);
    if let Some(problem) = ids::too_long("briefing id", &id) {
        out.push(Diagnostic::new(&file.path, None, problem).help(ids::TOO_LONG_HELP));
    } else if !ids::is_document_id(&id) {
        out.push(
            Diagnostic::new(&file.path, None, format!("`{id}` is not a valid briefing id"))
                .help("name the file with lower-case letters, digits and single hyphens, e.g. `trade-and-finance.toml`"),
        );
    }
    check_langs(
        file,
        b.title.span(),
        b.title.get_ref(),
        site_langs,
        &"title",
        out,
    );
    require(
        file,
        &b.title,
        "title",
        site_langs,
        "a briefing's title is shown in every language of the site",
        out,
    );
    if !ids::is_date(b.date.get_ref()) {
        out.push(
            file.diag(
                b.date.span(),
                format!(
                    "date `{}` is not a day of the calendar written YYYY-MM-DD",
                    b.date.get_ref()
                ),
            )
            .help("write the date of the briefing as e.g. `2025-06-10`"),
        );
    }
    let mode = Mode::parse(b.mode.get_ref(), site_langs);
    if mode.is_none() {
        out.push(
            file.diag(
                b.mode.span(),
                format!("unknown mode `{}`", b.mode.get_ref()),
            )
            .help(format!(
                "use `{}` or one of the site's languages: {}",
                Mode::PARALLEL,
                quoted(site_langs)
            )),
        );
    }
    let langs = match (&mode, &b.languages) {
        (Some(Mode::Parallel), Some(chosen)) => parallel_languages(file, chosen, site_langs, out),
        (Some(Mode::One(_)), Some(chosen)) => {
            out.push(
                file.diag(chosen.span(), "`languages` is given with a one-language mode")
                    .help("remove `languages`, or set `mode = \"parallel\"` to show these languages side by side"),
            );
            Vec::new()
        }
        (mode, _) => mode
            .as_ref()
            .map(|m| m.languages(site_langs))
            .unwrap_or_default(),
    };
    let why = format!(
        "the mode `{}` shows every one of {}",
        b.mode.get_ref(),
        quoted(&langs)
    );
    for (map, what) in [(&b.audience, "audience"), (&b.intro, "intro")] {
        check_langs(file, map.span(), map.get_ref(), site_langs, &what, out);
        require(file, map, what, &langs, &why, out);
    }
    let items = check_items(file, site_langs, &langs, &why, keys, topics, out);
    Some(Briefing {
        id,
        title: plain_texts(b.title.get_ref()),
        date: b.date.get_ref().clone(),
        audience: plain_texts(b.audience.get_ref()),
        intro: b.intro.get_ref().clone(),
        mode: mode?,
        languages: langs,
        items,
    })
}

/// `map` must have every one of `langs`.
pub(super) fn require<T>(
    file: &Sourced<T>,
    map: &Spanned<LangMap>,
    what: &str,
    langs: &[String],
    why: &str,
    out: &mut Vec<Diagnostic>,
) {
    for lang in langs.iter().filter(|l| !map.get_ref().contains_key(l)) {
        out.push(
            file.diag(map.span(), format!("{what} is missing in `{lang}`"))
                .help(format!("add `{lang}` text: {why}")),
        );
    }
}

/// The languages a parallel briefing names: two or more of the site's,
/// each once; in the site's order.
fn parallel_languages(
    file: &Sourced<RawBriefing>,
    chosen: &Spanned<Vec<Spanned<String>>>,
    site_langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    for lang in chosen.get_ref() {
        let code = lang.get_ref().as_str();
        if !site_langs.iter().any(|l| l == code) {
            out.push(
                file.diag(
                    lang.span(),
                    format!("language `{code}` is not one of the site's languages"),
                )
                .help(format!("use some of {}", quoted(site_langs))),
            );
        } else if seen.contains(&code) {
            out.push(file.diag(lang.span(), format!("language `{code}` is listed twice")));
        } else {
            seen.push(code);
        }
    }
    if chosen.get_ref().len() < 2 {
        out.push(
            file.diag(
                chosen.span(),
                "a parallel briefing shows two languages or more",
            )
            .help("name two or more languages, or set `mode` to the one language"),
        );
    }
    site_langs
        .iter()
        .filter(|l| seen.contains(&l.as_str()))
        .cloned()
        .collect()
}
