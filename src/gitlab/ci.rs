//! `ase-lint ci`: reads the merge request, lints the files it changes in the working tree,
//! writes the report artifacts, and hands the comments to [`super::publish`].
//!
//! Exit status: 0 / 1 by the findings; 2 when the job cannot do its work (bad usage or
//! configuration, GitLab unreachable or answering nonsense, a write that failed) — but not
//! for a missing or refused token, which only explains itself, unless `--require-token`.
//! Whatever fails, the findings are printed and written to the report artifacts first, and
//! a failed run ends with one paragraph saying what failed, what to do, and where the
//! findings are.

use super::args::CiArgs;
use super::checkout;
use super::client::{Client, ClientOptions};
use super::error::Error;
use super::files::ApiBudget;
use super::introduced::{self, FailOn};
use super::lint_changes::{
    already_on_target, base_versions, changed_rows, lint_changes, lint_org_changes, lint_project,
    note_reviews, workflow_of,
};
use super::merge_request::{MrState, MrTarget, api_url_from_args, read_merge_request};
use super::other_project;
use super::publish::{self, PublishContext, PublishOutcome, SummaryExtras};
use super::retry::RetryPolicy;
use super::secret::Credentials;
use super::target_config;
use super::token_check::{explain_missing_token, missing_token_reason, token_status};
use super::token_health;
use crate::commands::{self, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::config::Settings;
use crate::lint::{FileKind, LintRun};
use crate::report::{self, TextOptions};
use url::Url;

/// Runs `ase-lint ci` and returns the exit status; `Err` is a usage or setup problem.
pub fn run(args: &CiArgs) -> Result<u8, String> {
    let credentials =
        Credentials::load(args.token_file.as_deref(), |name| std::env::var(name).ok())
            .map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    let scrub = credentials.clone();
    runtime
        .block_on(run_async(args, credentials))
        .map_err(|message| scrub.scrub(&message))
}

async fn run_async(args: &CiArgs, credentials: Credentials) -> Result<u8, String> {
    if args.token_check {
        let client = new_client(args, api_url_from_args(args)?, credentials)?;
        return Ok(super::token_check::run(args, &client).await);
    }
    let target = MrTarget::from_args(args)?;
    let can_write = credentials.can_write();
    let client = new_client(args, target.api_url.clone(), credentials)?;
    let wants_discussions = can_write || args.dry_run;
    match read_merge_request(&client, &target, wants_discussions).await {
        Ok(state) => {
            let base = state.refs.as_ref().map(|r| r.base_sha.as_str());
            let (settings, notices) =
                target_config::load(args, &client, &target.project_ref(), base).await?;
            review(args, &settings, notices, &client, &target, state).await
        }
        Err(err) => {
            let settings = settings_without_merge_request(args)?;
            Ok(without_merge_request(
                args, &settings, &client, &target, &err,
            ))
        }
    }
}

/// The API client of this run; read-only with `--dry-run` or without a token that can write.
fn new_client(args: &CiArgs, api_url: Url, credentials: Credentials) -> Result<Client, String> {
    let read_only = args.dry_run || !credentials.can_write();
    Client::new(ClientOptions {
        api_url,
        credentials,
        timeout: args.requests.timeout,
        retry: RetryPolicy::with_base(std::time::Duration::from_millis(
            args.requests.retry_base_ms,
        )),
        notes_per_minute: args.notes_per_minute,
        verbose: args.requests.verbose > 0 || debug_logging_requested(),
        read_only,
        max_pages: 100,
    })
    .map_err(|e| e.to_string())
}

/// `-v`, or `RUST_LOG` asking for debug or trace output.
fn debug_logging_requested() -> bool {
    std::env::var("RUST_LOG").is_ok_and(|v| {
        let v = v.to_ascii_lowercase();
        v.contains("debug") || v.contains("trace")
    })
}

/// Without the merge request its target branch is not known: `--config` if given, else
/// the built-in defaults (never the checkout's `.ase-lint.yml`, which the merge request
/// may have rewritten).
fn settings_without_merge_request(args: &CiArgs) -> Result<Settings, String> {
    match args.options.config.as_deref() {
        Some(path) => commands::load_settings(Some(path)).map_err(|e| e.to_string()),
        None => Ok(Settings::defaults()),
    }
}

async fn review(
    args: &CiArgs,
    settings: &Settings,
    mut notices: Vec<String>,
    client: &Client,
    target: &MrTarget,
    state: MrState,
) -> Result<u8, String> {
    let mut checkout = checkout::read_changed(&args.project_dir, &state.files, settings);
    notices.extend(checkout.notices.iter().cloned());
    let mut budget = ApiBudget::new(settings.config.limits.max_api_reads);
    let base = base_versions(
        args,
        client,
        target,
        &state,
        &checkout,
        settings,
        &mut budget,
    )
    .await;
    let needs = other_project::Needs {
        org_ids: changed_rows(&checkout, &base, settings),
        has_orgs: checkout.files.iter().any(|f| f.kind == FileKind::Org),
    };
    let (cross, warnings) = other_project::load(args, settings, client, &needs, &mut budget).await;
    notices.extend(warnings);
    notices.extend(budget.notices());
    let token_warning =
        token_health::expiry_warning(state.token_expires.as_deref(), token_health::today());
    for notice in notices.iter().chain(&token_warning) {
        eprintln!("ase-lint: warning: {}", report::terminal_safe(notice));
    }
    let mut run = lint_changes(args, settings, &mut checkout, &cross);
    lint_org_changes(&mut run, &checkout, &state.files, &base, settings);
    let run =
        super::zendesk_rows::verify_changed(args, settings, &checkout, &needs.org_ids, run).await;
    let notes = note_reviews(&checkout, settings);
    let already = already_on_target(&state, &checkout, &base, settings, &cross, &run);
    let artifacts_ok = write_artifacts(args, &run);
    print_findings(args, &run);
    say_already_on_target(args, &already);
    let findings_status = exit_status(&run, &already, args.fail_on, artifacts_ok);
    let credentials = client.credentials();
    if !credentials.can_write() && !args.dry_run {
        explain_missing_token(missing_token_reason(credentials));
        return Ok(token_status(args, findings_status));
    }
    let context = PublishContext {
        client,
        project: target.project_ref(),
        iid: target.iid,
        filter: args.filter,
        max_inline: args.max_inline,
        concurrency: args.requests.concurrency.max(1),
        review: args.review,
        dry_run: args.dry_run,
        docs_url: &args.docs_url,
    };
    let extras = SummaryExtras {
        notes,
        workflow: workflow_of(&state, &run, &checkout, &base, settings),
        notices,
        config_change: target_config::compare(settings, &args.project_dir, &state.files),
        already_on_target: already,
        token_warning,
    };
    let outcome = publish::publish(&context, &state, &run, &extras).await;
    Ok(finish(
        args,
        client,
        target,
        &outcome,
        findings_status,
        artifacts_ok,
    ))
}

/// The exit status after publishing.
fn finish(
    args: &CiArgs,
    client: &Client,
    target: &MrTarget,
    outcome: &PublishOutcome,
    findings_status: u8,
    artifacts_ok: bool,
) -> u8 {
    for line in &outcome.report {
        let line = client.credentials().scrub(line);
        eprintln!("ase-lint: {}", report::terminal_safe(&line));
    }
    eprintln!(
        "ase-lint: {} API request{} ({} write{}).",
        client.requests(),
        if client.requests() == 1 { "" } else { "s" },
        client.writes(),
        if client.writes() == 1 { "" } else { "s" }
    );
    if let Some(reason) = &outcome.token_refused {
        explain_missing_token(&client.credentials().scrub(reason));
        return token_status(args, findings_status);
    }
    if outcome.failures.is_empty() {
        return findings_status;
    }
    conclude_failed_writes(args, target, &outcome.failures, artifacts_ok);
    EXIT_TROUBLE
}

/// Ends a run whose writes (some or all) failed: the first three failures and the hint
/// for the first.
fn conclude_failed_writes(
    args: &CiArgs,
    target: &MrTarget,
    failures: &[Error],
    artifacts_ok: bool,
) {
    const SHOWN: usize = 3;
    let mut failed: Vec<String> = failures
        .iter()
        .take(SHOWN)
        .map(ToString::to_string)
        .collect();
    if failures.len() > SHOWN {
        failed.push(format!("and {} more", failures.len() - SHOWN));
    }
    let hint = failures.first().map_or("", Error::hint);
    let failure = format!(
        "{} write(s) to merge request !{} failed, so the review there is incomplete: {}",
        failures.len(),
        target.iid,
        failed.join("; ")
    );
    conclude(args, &failure, hint, artifacts_ok);
}

/// The paragraph that ends a run that could not publish its review: what failed, what to
/// do about it, where the findings are, and the exit status (always 2).
fn conclude(args: &CiArgs, failure: &str, hint: &str, artifacts_ok: bool) {
    let paragraph = format!(
        "ase-lint: error: {}. {} {} Exit status 2.",
        failure.trim_end_matches('.'),
        sentence(hint),
        where_the_findings_are(args, artifacts_ok)
    );
    eprintln!("{}", report::terminal_safe(&paragraph));
}

/// Where a run's findings can be read, as a sentence.
fn where_the_findings_are(args: &CiArgs, artifacts_ok: bool) -> String {
    let files: Vec<String> = [
        args.reports.codequality.as_deref(),
        args.reports.junit.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(|path| format!("`{}`", path.display()))
    .collect();
    match (files.is_empty(), artifacts_ok) {
        (true, _) => "The findings are printed above (--codequality and --junit would also \
                      keep them as report artifacts)."
            .to_owned(),
        (false, true) => format!(
            "The findings are printed above and written to {}.",
            files.join(" and ")
        ),
        (false, false) => format!(
            "The findings are printed above; writing {} failed (see above).",
            files.join(" and ")
        ),
    }
}

/// `text` as a sentence: capitalised, ending with `.` unless it ends with `.`, `?` or `!`.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut sentence: String = first.to_uppercase().chain(chars).collect();
    if !sentence.ends_with(['.', '?', '!']) {
        sentence.push('.');
    }
    sentence
}

/// Without the merge request (no token that can read it, or GitLab unreachable): lints
/// the whole project so the artifacts still show the findings.
fn without_merge_request(
    args: &CiArgs,
    settings: &Settings,
    client: &Client,
    target: &MrTarget,
    err: &Error,
) -> u8 {
    let credentials = client.credentials();
    let message = credentials.scrub(&err.to_string());
    let unauthorised = err.is_auth() || (err.status() == Some(404) && !credentials.can_write());
    eprintln!(
        "ase-lint: cannot read the merge request; checking every file of the project instead \
         (the changed files are not known)."
    );
    let run = lint_project(&args.project_dir, settings);
    let artifacts_ok = write_artifacts(args, &run);
    print_findings(args, &run);
    let findings_status = exit_status(&run, &[], FailOn::All, artifacts_ok);
    if unauthorised {
        let reason = if credentials.can_write() {
            format!(
                "GitLab refused ASE_LINT_TOKEN: it is expired, revoked, or without access to the \
                 project ({message})"
            )
        } else {
            format!("{} ({message})", missing_token_reason(credentials))
        };
        explain_missing_token(&reason);
        return token_status(args, findings_status);
    }
    conclude(
        args,
        &format!(
            "could not review merge request !{}: {message}. Nothing was posted on it, and every \
             file of the project was checked instead of its changes",
            target.iid
        ),
        err.hint(),
        artifacts_ok,
    );
    EXIT_TROUBLE
}

fn write_artifacts(args: &CiArgs, run: &LintRun) -> bool {
    args.reports.write(run)
}

fn print_findings(args: &CiArgs, run: &LintRun) {
    let text = TextOptions {
        color: args.options.color.enabled(),
        quiet: args.options.quiet,
    };
    let mut out = std::io::stdout().lock();
    if let Err(err) = report::text::write(&mut out, run, text) {
        eprintln!("ase-lint: error: cannot print the findings: {err}");
    }
    for error in &run.errors {
        eprintln!(
            "ase-lint: error: {}",
            report::terminal_safe(&error.to_string())
        );
    }
}

/// 2 when a file could not be read or an artifact written, else 1 / 0 by the findings
/// that fail the job under `fail_on` (`already`: by finding, it is on the target branch).
fn exit_status(run: &LintRun, already: &[bool], fail_on: FailOn, artifacts_ok: bool) -> u8 {
    if !artifacts_ok || !run.errors.is_empty() {
        EXIT_TROUBLE
    } else if introduced::fails(&run.diagnostics, already, fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// One line in the job log on the findings the merge request did not introduce.
fn say_already_on_target(args: &CiArgs, already: &[bool]) {
    let count = already.iter().filter(|a| **a).count();
    if count == 0 {
        return;
    }
    let effect = match args.fail_on {
        FailOn::New => "they do not fail the job (--fail-on all counts them)",
        FailOn::All => "--fail-on all counts them",
    };
    eprintln!(
        "ase-lint: {count} finding{} already on the target branch (not introduced by this merge request): {effect}.",
        if count == 1 { "" } else { "s" }
    );
}
