//! Integration tests: one crate, a module per feature, small fixtures.

mod briefing_pdf;
mod briefing_validation;
mod briefings;
mod browser;
mod browser_layout;
mod cli;
mod corpus;
mod fidelity;
mod fuzz_regressions;
mod gallery;
mod hardening;
mod import_all;
mod import_fidelity;
mod import_fixtures;
mod import_instructions;
mod import_languages;
mod import_schemes;
mod init;
mod render;
mod search;
mod serve;
mod site;
mod special_files;
mod support;
mod validation;
mod variants;
