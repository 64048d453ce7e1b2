//! What `ase-lint ci` lints and compares: the files the merge request changes (from the
//! checkout), their versions at the merge request's base (rebuilt from the diff or read
//! through the API), and what follows from the two: the findings already on the target
//! branch, the README rows changed, the handbook steps called for, the notes' reviews.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::args::CiArgs;
use super::checkout;
use super::client::Client;
use super::files::{self, ApiBudget, Fetched};
use super::introduced;
use super::merge_request::{MrState, MrTarget};
use super::position::{ChangedFile, Filter};
use crate::config::Settings;
use crate::cross::CrossContext;
use crate::diagnostic::Severity;
use crate::lint::{self, FileKind, LintRun};
use crate::report;
use crate::report::mr_note::NoteReview;
use crate::source::SourceFile;
use crate::workflow::Workflow;

/// The review of each changed org note (read from the checkout).
pub(super) fn note_reviews(checkout: &checkout::Checkout, settings: &Settings) -> Vec<NoteReview> {
    checkout
        .files
        .iter()
        .filter(|f| f.kind == FileKind::Org)
        .map(|f| match f.bytes() {
            Some(bytes) => {
                let (source, _) = SourceFile::from_bytes(f.path.clone(), bytes);
                NoteReview::of(&f.path, &source, settings)
            }
            None => NoteReview {
                path: f.path.clone(),
                facts: None,
            },
        })
        .collect()
}

/// Lints exactly the diff's files; with `--filter nofilter` also every other README and
/// org file of the checkout (no ignore file consulted).
pub(super) fn lint_changes(
    args: &CiArgs,
    settings: &Settings,
    checkout: &mut checkout::Checkout,
    cross: &CrossContext,
) -> LintRun {
    let mut run = checkout::lint(checkout, settings, cross);
    run.errors.append(&mut checkout.errors);
    if args.filter == Filter::NoFilter {
        let changed: BTreeSet<&str> = checkout.files.iter().map(|f| f.path.as_str()).collect();
        let (rest, walk_errors) = checkout::lint_tree(
            &args.project_dir,
            settings,
            &changed,
            &CrossContext::default(),
        );
        for error in walk_errors {
            eprintln!(
                "ase-lint: warning: {}",
                report::terminal_safe(&error.to_string())
            );
        }
        run = run.combine(rest);
    }
    run
}

/// Adds what the merge request did to each changed org file, against its base version
/// (at its old path when renamed; e.g. an ASE note emptied); files without a readable base
/// version are skipped.
pub(super) fn lint_org_changes(
    run: &mut LintRun,
    checkout: &checkout::Checkout,
    changes: &[ChangedFile],
    base: &BTreeMap<String, Fetched>,
    settings: &Settings,
) {
    for file in checkout.files.iter().filter(|f| f.kind == FileKind::Org) {
        let old_path = changes
            .iter()
            .find(|c| c.new_path == file.path)
            .map_or(file.path.as_str(), |c| c.old_path.as_str());
        let (Some(head), Some(Fetched::Found(base_bytes))) = (file.bytes(), base.get(old_path))
        else {
            continue;
        };
        run.add_findings(lint::lint_org_change(
            &file.path, head, base_bytes, settings,
        ));
    }
}

/// The base versions (at the merge request's base commit) of the changed READMEs and org
/// files that existed there, read through the API within `budget`.
pub(super) async fn base_versions(
    args: &CiArgs,
    client: &Client,
    target: &MrTarget,
    state: &MrState,
    checkout: &checkout::Checkout,
    settings: &Settings,
    budget: &mut ApiBudget,
) -> BTreeMap<String, Fetched> {
    let Some(refs) = &state.refs else {
        return BTreeMap::new();
    };
    let mut rebuilt = BTreeMap::new();
    let mut to_read = Vec::new();
    for f in state
        .files
        .iter()
        .filter(|f| !f.new_file && lint::walked_kind(Path::new(&f.new_path), settings).is_some())
        .filter(|f| crate::fsafe::checked_relative(&f.old_path).is_some())
    {
        match rebuilt_base(f, checkout) {
            Some(text) => {
                rebuilt.insert(f.old_path.clone(), Fetched::Found(text.into_bytes()));
            }
            None => to_read.push(f.old_path.clone()),
        }
    }
    let paths = budget.take("base versions (workflow reminders, changed rows)", to_read);
    let project = target.project_ref();
    let mut base = files::fetch_all(
        client,
        &project,
        &refs.base_sha,
        paths,
        args.requests.concurrency,
    )
    .await;
    base.extend(rebuilt);
    base
}

/// A changed file's base text rebuilt from the checkout and GitLab's diff (a deleted
/// file's from the diff alone), without a request; `None` when that cannot be trusted.
fn rebuilt_base(file: &ChangedFile, checkout: &checkout::Checkout) -> Option<String> {
    let diff = file.diff.as_deref()?;
    let new_text = if file.deleted {
        String::new()
    } else {
        let bytes = checkout
            .files
            .iter()
            .find(|c| c.path == file.new_path)?
            .bytes()?;
        String::from_utf8(bytes.to_vec()).ok()?
    };
    super::base_text::old_text(&new_text, diff)
}

/// The Zendesk Account IDs of the README rows the merge request adds or changes (all of
/// a README's rows when its base version is not at hand).
pub(super) fn changed_rows(
    checkout: &checkout::Checkout,
    base: &BTreeMap<String, Fetched>,
    settings: &Settings,
) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in checkout
        .files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Readme { .. }))
    {
        let Some(after) = file.bytes() else { continue };
        let after = crate::workflow::accounts(&String::from_utf8_lossy(after), settings);
        let before = match base.get(&file.path) {
            Some(Fetched::Found(bytes)) => {
                crate::workflow::accounts(&String::from_utf8_lossy(bytes), settings)
            }
            _ => Default::default(),
        };
        ids.extend(
            after
                .into_iter()
                .filter(|(id, row)| before.get(id) != Some(row))
                .map(|(id, _)| id),
        );
    }
    ids
}

/// The handbook steps the merge request calls for: each changed README and org file is
/// compared with its base version (see [`base_versions`]). A base that could not be read
/// leaves that file out, with a warning.
pub(super) fn workflow_of(
    state: &MrState,
    run: &LintRun,
    checkout: &checkout::Checkout,
    base: &BTreeMap<String, Fetched>,
    settings: &Settings,
) -> Workflow {
    let mut workflow = Workflow::new(settings);
    if state.refs.is_none() {
        return workflow;
    }
    for file in &state.files {
        let Some(kind) = lint::walked_kind(Path::new(&file.new_path), settings) else {
            continue;
        };
        let before = if file.new_file {
            None
        } else {
            match base.get(&file.old_path) {
                Some(Fetched::Found(bytes)) => Some(String::from_utf8_lossy(bytes).into_owned()),
                _ => {
                    eprintln!(
                        "ase-lint: warning: cannot read `{}` at the merge request's base; no workflow reminders for it",
                        report::terminal_safe(&file.old_path)
                    );
                    continue;
                }
            }
        };
        let after = checkout
            .files
            .iter()
            .find(|f| f.path == file.new_path && !file.deleted)
            .and_then(checkout::CheckoutFile::bytes)
            .map(|b| String::from_utf8_lossy(b).into_owned());
        match kind {
            FileKind::Readme { .. } => {
                let errors: Vec<crate::source::Span> = run
                    .diagnostics
                    .iter()
                    .filter(|d| d.path == file.new_path && d.severity == Severity::Error)
                    .map(|d| d.span.clone())
                    .collect();
                workflow.compare_readmes(before.as_deref(), after.as_deref(), settings, &errors);
            }
            FileKind::Org => {
                workflow.compare_org_notes(&file.new_path, before.as_deref(), after.as_deref());
            }
        }
    }
    workflow
}

/// Lints every README and org file of the project (no ignore file consulted), with paths
/// relative to `dir`.
pub(super) fn lint_project(dir: &Path, settings: &Settings) -> LintRun {
    let (run, walk_errors) =
        checkout::lint_tree(dir, settings, &BTreeSet::new(), &CrossContext::default());
    for error in walk_errors {
        eprintln!(
            "ase-lint: warning: {}",
            report::terminal_safe(&error.to_string())
        );
    }
    run
}

/// For each finding: true when the changed file's version at the merge request's base
/// has it too (files new in the merge request, or whose base was not read, have none).
pub(super) fn already_on_target(
    state: &MrState,
    checkout: &checkout::Checkout,
    base: &BTreeMap<String, Fetched>,
    settings: &Settings,
    cross: &CrossContext,
    run: &LintRun,
) -> Vec<bool> {
    let mut at_base = Vec::new();
    for file in &checkout.files {
        let old_path = state
            .files
            .iter()
            .find(|f| f.new_path == file.path && !f.new_file)
            .map(|f| f.old_path.as_str());
        if let Some(Fetched::Found(bytes)) = old_path.and_then(|p| base.get(p)) {
            let read = Ok(bytes.clone());
            at_base
                .extend(lint::lint_read(&file.path, file.kind, &read, settings, cross).diagnostics);
        }
    }
    introduced::already_on_target(&run.diagnostics, &at_base)
}
