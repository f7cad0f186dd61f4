//! Content: the files under `content/`, and the model built from them.
//!
//! load (raw serde types) → validate (every problem) → resolve (model).

pub mod briefings;
mod cache;
mod documents;
mod fxhash;
pub mod ids;
mod incremental;
#[cfg(test)]
mod incremental_tests;
mod keys;
mod langmap;
pub mod load;
pub mod model;
pub mod pages;
pub mod raw;
pub mod resolve;
pub mod safety;
mod toml_lite;
pub mod validate;
mod validate_briefings;
mod validate_links;
mod validate_nodes;
mod validate_text;

use std::path::Path;

use crate::{diag, Error};
pub use incremental::load_site_cached;
pub use model::Site;

/// Loads, validates and resolves the content folder `root`.
///
/// Returns every content problem at once as [`Error::Content`].
pub fn load_site(root: &Path) -> Result<Site, Error> {
    let (raw, diags) = load::load(root)?;
    Ok(check_and_resolve(root, raw, diags)?.0)
}

/// From loaded content (`raw`, with the problems loading found) to the
/// model and the Markdown pages: everything validated first, every problem
/// returned at once as [`Error::Content`]. `build`, `check` and `serve`
/// all go through here.
pub fn check_and_resolve(
    root: &Path,
    raw: load::RawContent,
    mut diags: Vec<diag::Diagnostic>,
) -> Result<(Site, Vec<pages::Page>), Error> {
    let (problems, ids) = validate::validate_with_ids(&raw);
    diags.extend(problems);
    let langs: Vec<String> = raw
        .site
        .as_ref()
        .map(|s| {
            s.value
                .languages
                .iter()
                .map(|l| l.get_ref().code.get_ref().clone())
                .collect()
        })
        .unwrap_or_default();
    let pages = pages::load(root, &langs, &mut diags);
    if !diags.is_empty() {
        diag::sort(&mut diags);
        return Err(Error::Content(diags));
    }
    Ok((resolve::resolve_with_ids(raw, Some(ids)), pages))
}
