//! `content/site.toml`: languages, title, description and base URL.

use super::text::{check_langs, check_required, plain_texts};
use crate::diag::Diagnostic;
use crate::model::ids;
use crate::model::{DocKind, Head, Language};
use crate::source::load::Sourced;
use crate::source::raw::RawSite;

/// `site.toml` checked, as the model's [`Head`]: its languages are those
/// that are valid, for the checks of everything else.
pub(super) fn check_site(site: &Sourced<RawSite>, out: &mut Vec<Diagnostic>) -> Head {
    let s = &site.value;
    let mut langs = Vec::new();
    let mut languages = Vec::new();
    for lang in &s.languages {
        let code = lang.get_ref().code.get_ref();
        if !ids::is_language_tag(code) {
            out.push(
                site.diag(
                    lang.get_ref().code.span(),
                    format!("`{code}` is not a language tag"),
                )
                .help("use a BCP 47 tag such as `zh-Hans`, `en` or `es`"),
            );
        } else if langs.contains(code) {
            out.push(site.diag(
                lang.get_ref().code.span(),
                format!("language `{code}` is listed twice"),
            ));
        } else {
            langs.push(code.clone());
            languages.push(Language {
                code: code.clone(),
                name: lang.get_ref().name.clone(),
            });
        }
    }
    if s.languages.is_empty() {
        out.push(
            Diagnostic::new(&site.path, Some(1), "the site has no [[language]]")
                .help("add a [[language]] table with `code` and `name` for each language"),
        );
    }
    check_required(site, &s.title, &langs, &langs, &"site title", out);
    if let Some(d) = &s.description {
        check_langs(
            site,
            d.span(),
            d.get_ref(),
            &langs,
            &"site description",
            out,
        );
    }
    let url = s.base_url.get_ref();
    if let Some(problem) = ids::base_url_problem(url) {
        out.push(
            site.diag(s.base_url.span(), format!("base_url `{url}` {problem}"))
                .help("write it as `https://example.org/` or `https://USER.github.io/REPO/`"),
        );
    }
    let kinds = check_kinds(site, &langs, out);
    Head {
        title: plain_texts(s.title.get_ref()),
        description: s
            .description
            .as_ref()
            .map(|d| d.get_ref().clone())
            .unwrap_or_default(),
        base_url: url.clone(),
        languages,
        kinds,
    }
}

/// The `[[kind]]`s of `site.toml`, or the default kinds when it has none.
fn check_kinds(
    site: &Sourced<RawSite>,
    langs: &[String],
    out: &mut Vec<Diagnostic>,
) -> Vec<DocKind> {
    if site.value.kinds.is_empty() {
        return DocKind::defaults();
    }
    let mut kinds: Vec<DocKind> = Vec::new();
    for kind in &site.value.kinds {
        let k = kind.get_ref();
        let id = k.id.get_ref();
        if let Some(problem) = ids::too_long("kind id", id) {
            out.push(site.diag(k.id.span(), problem).help(ids::TOO_LONG_HELP));
            continue;
        }
        if !ids::is_document_id(id) {
            out.push(
                site.diag(k.id.span(), format!("`{id}` is not a valid kind id"))
                    .help("use lower-case letters, digits and single hyphens, e.g. `action-plan`"),
            );
            continue;
        }
        if kinds.iter().any(|x| x.id == *id) {
            out.push(site.diag(k.id.span(), format!("kind `{id}` is declared twice")));
            continue;
        }
        let mut named = |map: &Option<toml::Spanned<crate::source::raw::LangMap>>, what: &str| {
            let Some(map) = map else {
                return Default::default();
            };
            check_langs(
                site,
                map.span(),
                map.get_ref(),
                langs,
                &format!("{what} of kind `{id}`"),
                out,
            );
            plain_texts(map.get_ref())
        };
        let name = named(&k.name, "name");
        let short = named(&k.short, "short name");
        kinds.push(DocKind {
            id: id.clone(),
            name,
            short,
        });
    }
    kinds
}
