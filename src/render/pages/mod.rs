//! The views of each kind of page: small structs that the page's template
//! shows (Zola's `SerializingPage`), made from the model. Plain text is
//! escaped by the templates; only Markdown output is HTML.

pub mod briefing;
pub mod briefing_groups;
pub mod briefing_items;
pub mod briefing_refs;
pub mod commitment_rows;
pub mod commitments;
pub mod compare;
pub mod compare_rows;
pub mod contents;
pub mod document;
pub mod home;
pub mod nodes;
pub mod page;
pub mod provenance;
pub mod topics;
