//! The `ase-lint ci` command line: where the merge request is (flags or GitLab CI's
//! predefined variables), how to comment, and the artifacts to write. The token is not a
//! flag: it comes from `ASE_LINT_TOKEN` or `--token-file` (process lists are public).

use std::path::PathBuf;

use clap::Args;

use super::introduced::FailOn;
use super::position::Filter;
use crate::commands::LintOptions;

/// Options of `ase-lint ci`.
#[derive(Debug, Args)]
pub struct CiArgs {
    /// GitLab API root, e.g. https://gitlab.com/api/v4 [env: CI_API_V4_URL].
    #[arg(long, env = "CI_API_V4_URL", value_name = "URL", hide_env = true)]
    pub api_url: Option<String>,
    /// Project id or path of the merge request [env: CI_MERGE_REQUEST_PROJECT_ID, else
    /// CI_PROJECT_ID].
    #[arg(
        long,
        env = "CI_MERGE_REQUEST_PROJECT_ID",
        value_name = "ID",
        hide_env = true
    )]
    pub project: Option<String>,
    /// The merge request's IID (the number in its URL) [env: CI_MERGE_REQUEST_IID].
    #[arg(
        long = "mr",
        env = "CI_MERGE_REQUEST_IID",
        value_name = "IID",
        hide_env = true
    )]
    pub merge_request: Option<u64>,
    /// The checked-out project to lint [env: CI_PROJECT_DIR].
    #[arg(
        long,
        env = "CI_PROJECT_DIR",
        value_name = "DIR",
        default_value = ".",
        hide_env = true
    )]
    pub project_dir: PathBuf,
    /// Read the API token from this file instead of ASE_LINT_TOKEN.
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// Which findings become inline discussions; the rest go to the summary note.
    #[arg(long, value_enum, default_value_t = Filter::Added)]
    pub filter: Filter,
    /// Most new inline discussions per run (the rest go to the summary note).
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub max_inline: usize,
    /// Post inline findings as one review (draft notes, then published at once).
    #[arg(long)]
    pub review: bool,
    /// Read everything, print the summary, the inline comments and the writes it would
    /// make; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Which error-level findings fail the job: `new` (default) only those the merge
    /// request introduced, `all` also those already on the target branch.
    #[arg(long, value_enum, default_value_t = FailOn::New)]
    pub fail_on: FailOn,
    /// Where the comments' links to rule pages and the review guide go: a copy of
    /// ase-lint's `docs/` folder on the web (default: ase-lint's own).
    #[arg(long, value_name = "URL", default_value = crate::report::rule_pages::DOCS_BASE)]
    pub docs_url: String,
    /// Fail (exit 2) when there is no token that can comment.
    #[arg(long)]
    pub require_token: bool,
    /// Only check the bot's token: that GitLab accepts it and when it expires (for a
    /// scheduled pipeline; no merge request needed). Exit 1 when it expires within 14 days.
    #[arg(long)]
    pub token_check: bool,
    #[command(flatten)]
    pub reports: crate::commands::ReportFiles,
    /// The Organizations project (`group/project` or id): READMEs the merge request changes
    /// are also checked against its org files (`cross/*`), read through the API.
    #[arg(long, value_name = "GROUP/PROJECT")]
    pub orgs_project: Option<String>,
    /// The branch, tag or commit of `--orgs-project` to read.
    #[arg(long, value_name = "REF", default_value = "master")]
    pub orgs_ref: String,
    /// The Assigned Support Engineers project (`group/project` or id): org files the merge
    /// request changes are also checked against its README's ASE table (`cross/*`).
    #[arg(long, value_name = "GROUP/PROJECT")]
    pub ase_project: Option<String>,
    /// The branch, tag or commit of `--ase-project` to read.
    #[arg(long, value_name = "REF", default_value = "master")]
    pub ase_ref: String,
    /// A Zendesk instance: the README rows the merge request adds or changes are also
    /// verified against it (as `ase-lint verify` does; `zendesk.url` in the configuration
    /// too). Credentials: ZENDESK_EMAIL + ZENDESK_API_TOKEN, or ZENDESK_OAUTH_TOKEN.
    #[arg(long, value_name = "URL")]
    pub zendesk_url: Option<String>,
    /// Allow an `http://` API URL to a host other than loopback (the token would cross
    /// the network in clear text).
    #[arg(long)]
    pub allow_insecure_http: bool,
    #[command(flatten)]
    pub requests: crate::commands::RequestArgs,
    /// Note creations per minute (GitLab.com allows 60).
    #[arg(
        long,
        hide = true,
        env = "ASE_LINT_NOTES_PER_MINUTE",
        default_value_t = 50
    )]
    pub notes_per_minute: usize,
    #[command(flatten)]
    pub options: LintOptions,
}
