//! The `ase-lint verify` command line. The Zendesk credentials are not flags: they come
//! from `ZENDESK_EMAIL` + `ZENDESK_API_TOKEN` or `ZENDESK_OAUTH_TOKEN` (process lists are
//! public).

use std::path::PathBuf;

use clap::Args;

use crate::commands::LintOptions;
use crate::report::Format;

/// Options of `ase-lint verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The README holding the ASE table.
    #[arg(default_value = "README.md")]
    pub readme: PathBuf,
    /// The Zendesk instance (default: `zendesk.url` of the configuration,
    /// https://gitlab.zendesk.com).
    #[arg(long, value_name = "URL")]
    pub zendesk_url: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub reports: crate::commands::ReportFiles,
    #[command(flatten)]
    pub requests: crate::commands::RequestArgs,
    #[command(flatten)]
    pub options: LintOptions,
}
