//! `ase-lint verify`: reads the README's ASE table, asks Zendesk (read-only) about every
//! row's organization and user, and reports what Zendesk contradicts with the
//! `zendesk/*` rules, on the README cells, in every output format.
//!
//! Exit status: 0 / 1 by the findings; 2 when the README cannot be read or holds no ASE
//! table, the credentials are missing or refused, or Zendesk cannot be read.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use url::Url;

use super::args::VerifyArgs;
use super::auth::ZendeskAuth;
use super::client::{Client, ClientOptions};
use super::fetch;
use crate::commands::{self, EXIT_TROUBLE};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::http::retry::RetryPolicy;
use crate::lint::{self, FileResult, LintRun};
use crate::model::{AseTable, Column, ReadmeDoc};
use crate::report::{self, TextOptions};
use crate::rules::zendesk::{ZendeskFacts, ZendeskInput, cell_id};
use crate::source::SourceFile;

/// How to reach the instance.
#[derive(Debug, Clone)]
pub struct Connection {
    pub url: Url,
    pub timeout: Duration,
    pub retry_base_ms: u64,
    pub verbose: bool,
    pub concurrency: usize,
}

/// Runs `ase-lint verify` and returns the exit status; `Err` ends the run with status 2.
pub fn run(args: &VerifyArgs) -> Result<u8, String> {
    let settings =
        commands::load_settings(args.options.config.as_deref()).map_err(|e| e.to_string())?;
    let url = args
        .zendesk_url
        .as_deref()
        .unwrap_or(&settings.config.zendesk.url);
    let connection = Connection {
        url: instance_url(url)?,
        timeout: args.requests.timeout,
        retry_base_ms: args.requests.retry_base_ms,
        verbose: args.requests.verbose > 0,
        concurrency: args.requests.concurrency,
    };
    let display = lint::display_path(&args.readme);
    let doc = read_readme(&args.readme, &display, &settings)?;
    let table = doc
        .table
        .as_ref()
        .ok_or_else(|| format!("`{display}` holds no ASE table; nothing to verify"))?;
    let auth = ZendeskAuth::from_env(|name| std::env::var(name).ok())?;
    let client = connect(&connection, auth)?;
    let (org_ids, user_ids) = ids(table, None);
    let rows = org_ids.len();
    let facts = block_on(fetch::facts(
        &client,
        &instance_name(&connection.url),
        org_ids,
        user_ids,
        &settings.config.zendesk.fields,
        connection.concurrency,
    ))?
    .map_err(|e| e.explained())?;
    let diagnostics = judge(&doc.source, table, &facts, &settings, true);
    let run = LintRun::from_files([FileResult {
        source: doc.source.clone(),
        diagnostics,
    }]);
    if !args.options.quiet {
        eprintln!(
            "ase-lint: verified {rows} organization(s) of `{}` against {}: {} found, {} of {} user(s) found, {} request(s).",
            report::terminal_safe(&display),
            facts.instance,
            facts.orgs.len(),
            facts.users.len(),
            facts.asked_users.len(),
            client.requests()
        );
    }
    finish(args, &run)
}

/// Prints the findings, writes the artifacts, and returns the exit status.
fn finish(args: &VerifyArgs, run: &LintRun) -> Result<u8, String> {
    let artifacts_ok = args.reports.write(run);
    let text = TextOptions {
        color: args.options.color.enabled(),
        quiet: args.options.quiet,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    report::write(&mut out, args.format, run, text).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(if artifacts_ok {
        commands::exit_code(run)
    } else {
        EXIT_TROUBLE
    })
}

/// The instance's address: https, or plain http to this machine (tests); no credentials
/// in it.
pub fn instance_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text.trim())
        .map_err(|e| format!("the Zendesk URL (--zendesk-url or zendesk.url) is not a URL: {e}"))?;
    let shown = crate::http::shown_url(&url);
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "the Zendesk URL `{shown}` holds credentials: give them in ZENDESK_EMAIL and \
             ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN) instead"
        ));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if crate::http::is_loopback(&url) => Ok(url),
        _ => Err(format!(
            "the Zendesk URL `{shown}` is not an https URL (the credentials must not cross \
             the network unencrypted)"
        )),
    }
}

/// The instance as named in messages: `https://gitlab.zendesk.com`.
pub fn instance_name(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_owned()
}

/// The client for `connection`.
pub fn connect(connection: &Connection, auth: ZendeskAuth) -> Result<Client, String> {
    Client::new(ClientOptions {
        url: connection.url.clone(),
        auth,
        timeout: connection.timeout,
        retry: RetryPolicy::with_base(Duration::from_millis(connection.retry_base_ms)),
        verbose: connection.verbose,
    })
    .map_err(|e| e.to_string())
}

/// Runs `future` to completion on a runtime of its own (for the synchronous command).
fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    Ok(runtime.block_on(future))
}

/// Reads and parses the README (never through a symlink, never more than the size cap).
fn read_readme(path: &Path, display: &str, settings: &Settings) -> Result<ReadmeDoc, String> {
    let shown = report::terminal_safe(display).into_owned();
    let bytes =
        crate::fsafe::read_regular(path, settings.max_file_bytes()).map_err(|e| match e {
            crate::fsafe::ReadProblem::NotRegular { what } => {
                format!("cannot verify `{shown}`: it is {what}, not a regular file")
            }
            crate::fsafe::ReadProblem::TooLarge { limit, .. } => format!(
                "cannot verify `{shown}`: larger than {limit} bytes (limits.max_file_bytes)"
            ),
            crate::fsafe::ReadProblem::Io(e) => {
                format!("cannot read `{shown}`: {}", crate::words::io_problem(&e))
            }
        })?;
    let (source, _) = SourceFile::from_bytes(display, &bytes);
    Ok(crate::parse::readme::parse(source, settings, true))
}

/// The valid organization and user ids of the table's aligned rows; with `only`, of the
/// rows whose organization id is in it.
pub fn ids(table: &AseTable, only: Option<&BTreeSet<u64>>) -> (BTreeSet<u64>, BTreeSet<u64>) {
    let mut orgs = BTreeSet::new();
    let mut users = BTreeSet::new();
    for row in crate::rules::util::aligned_rows(table) {
        let Some(org) = table.cell(row, Column::AccountId).and_then(cell_id) else {
            continue;
        };
        if only.is_some_and(|only| !only.contains(&org)) {
            continue;
        }
        orgs.insert(org);
        users.extend(table.cell(row, Column::UserId).and_then(cell_id));
    }
    (orgs, users)
}

/// The `zendesk/*` findings on `table` (in `source`) given what Zendesk said, less those
/// the configuration's `allow` entries silence; `whole_table`: every row was verified.
pub fn judge(
    source: &SourceFile,
    table: &AseTable,
    facts: &ZendeskFacts,
    settings: &Settings,
    whole_table: bool,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let input = ZendeskInput { table, facts };
    crate::rules::check_zendesk(&input, source, settings, &mut diagnostics);
    crate::suppress::apply_to_verified(source, table, &mut diagnostics, settings, whole_table);
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_urls_are_https_or_loopback_without_credentials() {
        assert!(instance_url("https://gitlab.zendesk.com").is_ok());
        assert!(instance_url("http://127.0.0.1:8080").is_ok());
        assert!(instance_url("http://gitlab.zendesk.com").is_err());
        assert!(instance_url("ftp://gitlab.zendesk.com").is_err());
        let creds = instance_url("https://me:pw@gitlab.zendesk.com").unwrap_err();
        assert!(!creds.contains("pw"), "{creds}");
        assert!(instance_url("not a url").is_err());
    }
}
