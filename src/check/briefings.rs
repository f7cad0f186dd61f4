//! `content/briefings/*.toml` into the model's briefings, checked on the
//! way: id, title, date, mode, audience, introduction, and every item's
//! citation key and comment.

use toml::Spanned;

use super::keys::Keys;
use super::links::check_key;
use super::text::{check_langs, plain_texts};
use crate::diag::Diagnostic;
use crate::model::briefing::{Briefing, Item, Mode};
use crate::model::ids;
use crate::source::briefings::{id_of, RawBriefing};
use crate::source::load::Sourced;
use crate::source::raw::LangMap;

/// The briefings, sorted by id.
pub(super) fn check_briefings(
    files: &[Sourced<RawBriefing>],
    site_langs: &[String],
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Vec<Briefing> {
    let mut briefings: Vec<Briefing> = files
        .iter()
        .filter_map(|file| check_briefing(file, site_langs, keys, out))
        .collect();
    briefings.sort_by(|a, b| a.id.cmp(&b.id));
    briefings
}

fn check_briefing(
    file: &Sourced<RawBriefing>,
    site_langs: &[String],
    keys: &Keys,
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
    let items = check_items(file, site_langs, &langs, &why, keys, out);
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

/// The items: comments in the mode's languages, keys that exist, no node
/// twice, and at least one document in each language of the mode.
fn check_items(
    file: &Sourced<RawBriefing>,
    site_langs: &[String],
    langs: &[String],
    why: &str,
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Vec<Item> {
    let b = &file.value;
    let mut items = Vec::new();
    if b.items.is_empty() {
        out.push(
            Diagnostic::new(
                &file.path,
                Some(file.line(b.mode.span())),
                "the briefing has no [[item]]",
            )
            .help("add one `[[item]]` with `node = \"document:node\"` per section or clause"),
        );
    }
    // Items found so far: (document id, node id, line).
    let mut cited: Vec<(&str, &str, usize)> = Vec::new();
    let mut doc_langs: Vec<&Vec<Spanned<String>>> = Vec::new();
    for item in &b.items {
        let item = item.get_ref();
        let line = file.line(item.node.span());
        if let Some(c) = &item.comment {
            let what = format!("comment of `{}`", item.node.get_ref());
            check_langs(file, c.span(), c.get_ref(), site_langs, &what, out);
            require(file, c, &what, langs, why, out);
        }
        let Some(found) = check_key(file, &item.node, keys, out) else {
            continue;
        };
        items.push(Item {
            node: found.node,
            comment: item
                .comment
                .as_ref()
                .map(|c| c.get_ref().clone())
                .unwrap_or_default(),
        });
        let doc = found.file;
        let (d, node) = (
            doc.value.id.get_ref().as_str(),
            doc.value.nodes[found.node.node]
                .get_ref()
                .id
                .get_ref()
                .as_str(),
        );
        let key = item.node.get_ref();
        for &(od, on, oline) in cited.iter().filter(|(od, _, _)| *od == d) {
            let (message, help) = if on == node {
                (
                    format!("`{key}` is cited twice"),
                    format!("line {oline} already cites it: remove one of the two items"),
                )
            } else if node.starts_with(&format!("{on}__")) {
                (
                    format!("`{key}` is already part of `{od}:{on}`, cited at line {oline}"),
                    format!("an item shows its node with all its descendants: remove this item or the one at line {oline}"),
                )
            } else if on.starts_with(&format!("{node}__")) {
                (
                    format!("`{key}` includes `{od}:{on}`, already cited at line {oline}"),
                    format!("an item shows its node with all its descendants: remove this item or the one at line {oline}"),
                )
            } else {
                continue;
            };
            out.push(file.diag(item.node.span(), message).help(help));
        }
        cited.push((d, node, line));
        doc_langs.push(doc.value.languages.get_ref());
    }
    if !doc_langs.is_empty() {
        for lang in langs {
            if !doc_langs
                .iter()
                .any(|ls| ls.iter().any(|l| l.get_ref() == lang))
            {
                out.push(
                    file.diag(
                        b.mode.span(),
                        format!("the briefing is shown in `{lang}` (mode `{}`), but none of the documents it cites has a `{lang}` text", b.mode.get_ref()),
                    )
                    .help("choose a mode in the documents' languages, or cite a document that has this language"),
                );
            }
        }
    }
    items
}

/// `map` must have every one of `langs`.
fn require<T>(
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

fn quoted(langs: &[String]) -> String {
    langs
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
