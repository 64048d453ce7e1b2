//! `ase-lint ci --token-check`: checks only the bot's token, for a scheduled pipeline of
//! the default branch, so an expired or revoked token turns a pipeline red before the bot
//! falls silent on merge requests.
//!
//! Exit status: 0 when GitLab accepts the token and it does not expire within
//! [`token_health::WARN_DAYS`] days; 1 when it does (or has); 2 when GitLab cannot be
//! asked. A missing or refused token is explained, and is exit 2 with `--require-token`
//! (0 without it, as in a merge request pipeline). The words for a missing token, and the
//! status it gives, are here too: `ci` uses them when it cannot comment.

use super::args::CiArgs;
use super::client::Client;
use super::merge_request::token_user;
use super::secret::Credentials;
use super::token_health;
use crate::commands::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::report;

/// Checks the token `client` holds and returns the exit status.
pub async fn run(args: &CiArgs, client: &Client) -> u8 {
    let credentials = client.credentials();
    if !credentials.can_write() {
        explain_missing_token(missing_token_reason(credentials));
        return token_status(args, EXIT_OK);
    }
    match token_user(client).await {
        Ok((_, expires_at)) => judge_expiry(expires_at.as_deref(), token_health::today()),
        Err(err) if err.is_auth() => {
            let message = credentials.scrub(&err.to_string());
            explain_missing_token(&format!(
                "GitLab refused ASE_LINT_TOKEN: it is expired, revoked, or without access \
                 ({message})"
            ));
            token_status(args, EXIT_OK)
        }
        Err(err) => {
            let message = credentials.scrub(&err.to_string());
            eprintln!(
                "ase-lint: error: could not check the token: {}. {} Exit status 2.",
                report::terminal_safe(message.trim_end_matches('.')),
                err.hint()
            );
            EXIT_TROUBLE
        }
    }
}

/// Says when an accepted token expires (`expires_at`, seen on day `today`) and returns
/// the exit status: 1 when that is within the warning period.
fn judge_expiry(expires_at: Option<&str>, today: i64) -> u8 {
    if let Some(warning) = token_health::expiry_warning(expires_at, today) {
        eprintln!("ase-lint: error: {}", report::terminal_safe(&warning));
        return EXIT_FINDINGS;
    }
    match expires_at {
        Some(date) => println!(
            "ase-lint: GitLab accepts ASE_LINT_TOKEN; it expires on {}.",
            report::terminal_safe(date)
        ),
        None => println!(
            "ase-lint: GitLab accepts ASE_LINT_TOKEN; it has no expiry date, or this GitLab \
             does not tell it."
        ),
    }
    EXIT_OK
}

/// The status when no token can comment: by the findings, or 2 with `--require-token`.
pub(super) fn token_status(args: &CiArgs, findings_status: u8) -> u8 {
    if args.require_token {
        EXIT_TROUBLE
    } else {
        debug_assert!(matches!(
            findings_status,
            EXIT_OK | EXIT_FINDINGS | EXIT_TROUBLE
        ));
        findings_status
    }
}

pub(super) fn missing_token_reason(credentials: &Credentials) -> &'static str {
    match credentials {
        Credentials::Job(_) => {
            "only CI_JOB_TOKEN is available, and job tokens can read a merge request but cannot \
             create notes or discussions"
        }
        _ => "ASE_LINT_TOKEN is not set (and no --token-file was given)",
    }
}

/// Tells why nothing was posted and how to set up a token.
pub(super) fn explain_missing_token(reason: &str) {
    eprintln!(
        "ase-lint: cannot comment on the merge request: {reason}.\n\
         ase-lint: to let it comment:\n\
         ase-lint:   1. Settings > Access tokens: add a project access token with the `api` scope\n\
         ase-lint:      and the Developer role (Reporter can comment but cannot resolve threads).\n\
         ase-lint:   2. Settings > CI/CD > Variables: store it as ASE_LINT_TOKEN, masked and NOT\n\
         ase-lint:      protected (merge request pipelines do not get protected variables).\n\
         ase-lint: the findings above and the report artifacts were still written; the job's\n\
         ase-lint: status follows the findings (--require-token makes it fail instead)."
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expiring_token_fails_the_check_and_a_distant_one_passes() {
        let today = token_health::today();
        assert_eq!(judge_expiry(Some("2999-01-01"), today), EXIT_OK);
        assert_eq!(judge_expiry(None, today), EXIT_OK);
        assert_eq!(judge_expiry(Some("2000-01-01"), today), EXIT_FINDINGS);
    }
}
