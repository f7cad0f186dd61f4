//! Content: the files under `content/` read into raw serde types (`load`,
//! `raw`), and the model the check stage makes of them (`model`).

pub mod briefings;
mod documents;
mod file_cache;
pub mod ids;
mod langmap;
pub mod load;
pub mod model;
pub mod pages;
pub mod raw;
pub mod safety;
mod toml_lite;

use std::path::Path;

use crate::Error;
pub use model::Site;

/// Loads and checks the content folder `root`: the model, or every content
/// problem at once as [`Error::Content`].
pub fn load_site(root: &Path) -> Result<Site, Error> {
    let (raw, read) = load::load(root)?;
    crate::check::check(root, &raw, read)
        .map(|checked| checked.site)
        .map_err(Error::Content)
}
