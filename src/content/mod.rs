//! Content: the files under `content/`, and the model built from them.
//!
//! load (raw serde types) → validate (every problem) → resolve (model).

pub mod briefings;
pub mod ids;
pub mod load;
pub mod model;
pub mod pages;
pub mod raw;
pub mod resolve;
pub mod safety;
pub mod validate;
mod validate_briefings;
mod validate_nodes;

use std::path::Path;

use crate::{diag, Error};
pub use model::Site;

/// Loads, validates and resolves the content folder `root`.
///
/// Returns every content problem at once as [`Error::Content`].
pub fn load_site(root: &Path) -> Result<Site, Error> {
    let (raw, mut diags) = load::load(root)?;
    diags.extend(validate::validate(&raw));
    if diags.is_empty() {
        Ok(resolve::resolve(raw))
    } else {
        diag::sort(&mut diags);
        Err(Error::Content(diags))
    }
}
