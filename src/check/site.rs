//! `content/site.toml`: languages, title, description and base URL.

use super::text::{check_langs, check_required};
use crate::diag::Diagnostic;
use crate::model::ids;
use crate::model::{Head, Language};
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
    if !(url.starts_with("https://") || url.starts_with("http://")) || !url.ends_with('/') {
        out.push(
            site.diag(
                s.base_url.span(),
                format!("base_url `{url}` is not an absolute URL ending in `/`"),
            )
            .help("write it as `https://example.org/` or `https://USER.github.io/REPO/`"),
        );
    }
    Head {
        title: s.title.get_ref().clone(),
        description: s
            .description
            .as_ref()
            .map(|d| d.get_ref().clone())
            .unwrap_or_default(),
        base_url: url.clone(),
        languages,
    }
}
