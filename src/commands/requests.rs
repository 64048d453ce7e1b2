//! The request flags every command that talks to an API shares (`ci`, `verify`): requests
//! at a time, each request's timeout, request logging, and the first retry wait (hidden;
//! tests shorten it). Declared once, flattened into each command's arguments.

use std::time::Duration;

/// How a command sends its API requests.
#[derive(Debug, Clone, clap::Args)]
pub struct RequestArgs {
    /// Requests sent at the same time.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub concurrency: usize,
    /// Timeout of each request, in seconds (decimals allowed, e.g. 0.5).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = crate::http::parse_timeout)]
    pub timeout: Duration,
    /// Log every request to stderr (tokens and credentials are never shown; for `ci`,
    /// RUST_LOG=debug too). May be repeated (`-vv`); every level logs the same.
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
}
