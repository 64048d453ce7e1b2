//! Reading Zendesk, read-only, for `ase-lint verify` (and `ase-lint ci` with a Zendesk URL
//! set): [`auth`] (credentials from the environment only), [`client`] (GET requests over
//! the shared [`crate::http`] transport), [`fetch`] (`show_many` of organizations and
//! users, 100 ids a request, bounded concurrency), [`verify`] (the command; `ase-lint ci`
//! verifies the rows a merge request adds or changes through
//! [`crate::gitlab::zendesk_rows`]). What is read becomes
//! [`crate::rules::zendesk::ZendeskFacts`]; the `zendesk/*` rules judge it.

pub mod args;
pub mod auth;
pub mod client;
pub mod error;
pub mod fetch;
pub mod verify;

pub use args::VerifyArgs;
pub use error::Error;
