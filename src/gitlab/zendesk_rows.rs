//! `ase-lint ci` with a Zendesk URL set (`--zendesk-url`, or `zendesk.url` in the
//! configuration): the README rows the merge request adds or changes are verified against
//! Zendesk too, and the `zendesk/*` findings join the review. Zendesk being unreachable,
//! or its credentials missing or refused, is a warning here: the review goes on.

use std::collections::BTreeSet;

use super::args::CiArgs;
use super::checkout::Checkout;
use crate::config::Settings;
use crate::lint::{FileKind, LintRun};
use crate::source::SourceFile;
use crate::zendesk::auth::ZendeskAuth;
use crate::zendesk::fetch;
use crate::zendesk::verify::{self, Connection};

/// `run` with the `zendesk/*` findings of the changed rows (`org_ids`: their Zendesk
/// Account IDs) added, when a Zendesk URL is set explicitly; else `run` as it is.
pub async fn verify_changed(
    args: &CiArgs,
    settings: &Settings,
    checkout: &Checkout,
    org_ids: &BTreeSet<String>,
    run: LintRun,
) -> LintRun {
    let zendesk = &settings.config.zendesk;
    let url = args
        .zendesk_url
        .as_deref()
        .or(zendesk.url_set.then_some(zendesk.url.as_str()));
    let Some(url) = url else {
        return run;
    };
    let only: BTreeSet<u64> = org_ids.iter().filter_map(|id| id.parse().ok()).collect();
    if only.is_empty() {
        return run;
    }
    match findings(args, settings, checkout, url, &only).await {
        Ok(found) => run.combine(found),
        Err(message) => {
            eprintln!(
                "ase-lint: warning: the changed rows were not verified against Zendesk: {}",
                crate::report::terminal_safe(&message)
            );
            run
        }
    }
}

/// The `zendesk/*` findings on the changed rows of every README of the checkout.
async fn findings(
    args: &CiArgs,
    settings: &Settings,
    checkout: &Checkout,
    url: &str,
    only: &BTreeSet<u64>,
) -> Result<LintRun, String> {
    let connection = Connection {
        url: verify::instance_url(url)?,
        timeout: args.requests.timeout,
        retry_base_ms: args.requests.retry_base_ms,
        verbose: args.requests.verbose > 0,
        concurrency: args.requests.concurrency,
    };
    let auth = ZendeskAuth::from_env(|name| std::env::var(name).ok())?;
    let client = verify::connect(&connection, auth)?;
    let mut found = LintRun::default();
    for file in &checkout.files {
        let (FileKind::Readme { .. }, Some(bytes)) = (file.kind, file.bytes()) else {
            continue;
        };
        let (source, _) = SourceFile::from_bytes(file.path.as_str(), bytes);
        let doc = crate::parse::readme::parse(source, settings, false);
        let Some(table) = &doc.table else { continue };
        let (org_ids, user_ids) = verify::ids(table, Some(only));
        if org_ids.is_empty() {
            continue;
        }
        let facts = fetch::facts(
            &client,
            &verify::instance_name(&connection.url),
            org_ids,
            user_ids,
            &settings.config.zendesk.fields,
            connection.concurrency,
        )
        .await
        .map_err(|e| e.explained())?;
        let diagnostics = verify::judge(&doc.source, table, &facts, settings, false);
        if !diagnostics.is_empty() {
            found.diagnostics.extend(diagnostics);
            found.sources.insert(file.path.clone(), doc.source.clone());
        }
    }
    Ok(found)
}
