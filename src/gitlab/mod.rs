//! The GitLab merge-request bot (`ase-lint ci`): reads a merge request, lints what it
//! changes, and publishes the findings as one summary note and inline discussions.
//!
//! Layers, each unit-tested on its own: [`diff`] (unified diffs → line map),
//! [`position`] (filter modes and GitLab positions), [`retry`] and [`client`] (transport
//! under the `gitlab` crate's endpoints, [`endpoints`] for those it lacks), [`reconcile`]
//! (re-runs: which threads to keep, resolve or reopen), [`merge_request`] (reading the merge
//! request), [`publish`] (the summary and new threads, over
//! [`threads`] and [`writes`]) and [`ci`] (the command, linting
//! through [`lint_changes`], verifying changed README rows in Zendesk through
//! [`zendesk_rows`]). Comment text is rendered
//! by [`crate::report::mr_comment`].
//! Nothing here knows a particular rule.

pub mod args;
pub mod base_text;
pub mod checkout;
pub mod ci;
pub mod client;
pub mod diff;
pub mod endpoints;
pub mod error;
pub mod files;
pub mod introduced;
pub mod lint_changes;
pub mod merge_request;
pub mod other_project;
pub mod position;
pub mod publish;
pub mod reconcile;
pub mod retry;
pub mod secret;
pub mod target_config;
pub mod threads;
pub mod token_check;
pub mod token_health;
pub mod types;
pub mod writes;
pub mod zendesk_rows;

pub use args::CiArgs;
pub use error::Error;
