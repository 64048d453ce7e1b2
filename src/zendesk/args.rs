//! The `ase-lint verify` command line. The Zendesk credentials are not flags: they come
//! from `ZENDESK_EMAIL` + `ZENDESK_API_TOKEN` or `ZENDESK_OAUTH_TOKEN` (process lists are
//! public).

use std::path::PathBuf;
use std::time::Duration;

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
    /// Requests sent to Zendesk at the same time.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub concurrency: usize,
    /// Timeout of each request, in seconds (decimals allowed, e.g. 0.5).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = crate::http::parse_timeout)]
    pub timeout: Duration,
    /// Log every request to stderr (the credentials are never shown).
    #[arg(long, short, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// First retry wait in milliseconds (tests shorten it).
    #[arg(
        long,
        hide = true,
        env = "ASE_LINT_RETRY_BASE_MS",
        default_value_t = 500
    )]
    pub retry_base_ms: u64,
    #[command(flatten)]
    pub options: LintOptions,
}
