//! ase-lint: a linter and merge-request review bot for GitLab Support's Assigned Support
//! Engineer (ASE) onboarding workflow.
//!
//! Pipeline: [`source`] (text + line index) → [`parse`] (README table, org YAML, with
//! spans) → [`model`] → [`rules`] (one file per rule) → [`diagnostic`] → [`report`].
//! [`lint`] drives it over files; [`commands`] are the commands, [`cli`] parses the command
//! line and dispatches to them.

pub mod cli;
pub mod commands;
pub mod config;
pub mod config_words;
pub mod cross;
pub mod diagnostic;
pub mod fsafe;
#[cfg(feature = "bot")]
pub mod gitlab;
pub mod handbook;
#[cfg(feature = "bot")]
pub mod http;
pub mod lint;
pub mod model;
pub mod new_note;
pub mod note;
pub mod parse;
pub mod phrases;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod table_format;
pub mod words;
pub mod workflow;
#[cfg(feature = "bot")]
pub mod zendesk;

#[cfg(test)]
pub mod testing;
