//! Configuration: the defaults (`src/default-config.yml`), a user's `.ase-lint.yml`, and the
//! compiled [`Settings`] rules read at run time (regexes compiled once per run).
//!
//! `user` is the configuration as a file gives it (every key optional: the one tree YAML
//! is read into), `schema` the full configuration, `defaults` completes the built-in
//! defaults into it (every key given), `load` merges a user's file over them, `settings`
//! compiles the result for a run, and `validate` checks what YAML alone cannot (allow
//! entries, limits, rule names).

mod defaults;
mod load;
mod schema;
mod settings;
mod user;
mod validate;

pub use crate::config_words::ConfigError;
pub(crate) use defaults::Missing;
pub use schema::{
    AllowConfig, ColumnsConfig, Config, CrossConfig, IdsConfig, LimitsConfig, LinksConfig,
    PhraseSetConfig, ZendeskConfig, ZendeskFields,
};
pub use settings::{Settings, normalize_header};

use serde::Deserialize;

/// The default configuration, printed by `ase-lint config --default`: the one place the
/// defaults are written (`defaults` completes it into the full [`Config`]; it must give
/// every key).
pub const DEFAULT_CONFIG_YAML: &str = include_str!("../default-config.yml");

/// The file name searched for in the current directory and its ancestors.
pub const CONFIG_FILE_NAME: &str = ".ase-lint.yml";

/// The handbook's address as the built-in defaults give it (`handbook_url`; a unit test
/// holds them equal), for what has no configuration at hand.
pub const DEFAULT_HANDBOOK_URL: &str = "https://handbook.gitlab.com";

/// The handbook page "Working on ASE tickets", below the handbook's address.
pub const WORKFLOW_PAGE: &str =
    "/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/";

/// The absolute address of the ASE workflow page under `handbook_url`.
pub fn workflow_url(handbook_url: &str) -> String {
    format!("{}{WORKFLOW_PAGE}", handbook_url.trim_end_matches('/'))
}

/// The org-note phrase sets, by configuration key: ASE-note detection, the six questions in
/// the handbook's order, and the link to the ASE workflow page.
pub const QUESTIONS: [&str; 8] = [
    "ase_note",
    "ase",
    "region",
    "out_of_hours",
    "unavailable",
    "pre_existing",
    "emergency",
    "workflow_link",
];

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

#[cfg(test)]
mod tests;
