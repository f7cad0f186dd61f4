//! Integration tests: one crate, a module per feature, small fixtures.

mod cli;
mod corpus;
mod fidelity;
mod import_fixtures;
mod support;
mod validation;
mod variants;
