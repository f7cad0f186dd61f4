//! Load stage: the files under `content/` read into raw serde types,
//! nothing checked yet but what reading needs (size, UTF-8, TOML syntax,
//! known fields). `check` makes the model of them.

pub mod briefings;
pub mod commitments;
mod file_cache;
mod langmap;
pub mod load;
pub mod pages;
pub mod raw;
mod toml_lite;
pub mod topics;
