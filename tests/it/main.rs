//! Integration tests: one crate, a module per feature, small fixtures.

mod cli;
mod corpus;
mod fidelity;
mod site;
mod import_fixtures;
mod support;
mod validation;
mod variants;
