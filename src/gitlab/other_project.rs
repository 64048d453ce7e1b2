//! The other project as context for the `cross/*` rules in CI: the org files named by the
//! rows of the READMEs the merge request changes (`--orgs-project`), or the ASE project's
//! README (`--ase-project`), read through `repository/files/:path/raw` with a bound, each
//! file at most once. A project that cannot be read is one warning, never a failure.

use std::collections::BTreeSet;

use gitlab::api::projects::Project;
use serde::de::IgnoredAny;

use super::args::CiArgs;
use super::client::Client;
use super::endpoints::project_ref;
use super::files::{self, ApiBudget, Fetched};
use crate::config::Settings;
use crate::cross::{self, CrossContext};
use crate::rules::cross::{OrgSet, org_path};

/// What the changed files need of the other projects.
#[derive(Debug, Default)]
pub struct Needs {
    /// Zendesk Account IDs of the README rows the merge request adds or changes.
    pub org_ids: BTreeSet<String>,
    /// The merge request changes org files (they need the ASE project's README).
    pub has_orgs: bool,
}

/// Reads what the changed files need of the other projects, within `budget`; the second
/// value holds one warning per project that could not be read.
pub async fn load(
    args: &CiArgs,
    settings: &Settings,
    client: &Client,
    needs: &Needs,
    budget: &mut ApiBudget,
) -> (CrossContext, Vec<String>) {
    let mut context = CrossContext::default();
    let mut warnings = Vec::new();
    let ids = &needs.org_ids;
    if let Some(project) = args.orgs_project.as_deref().filter(|_| !ids.is_empty()) {
        match orgs(args, client, project, ids, budget).await {
            Ok(set) => context.orgs = Some(set),
            Err(why) => warnings.push(why),
        }
    }
    if let Some(project) = args.ase_project.as_deref().filter(|_| needs.has_orgs) {
        match readme(args, settings, client, project, budget).await {
            Ok(found) => context.readme = Some(found),
            Err(why) => warnings.push(why),
        }
    }
    (context, warnings)
}

/// The org files of `ids` in the Organizations project.
async fn orgs(
    args: &CiArgs,
    client: &Client,
    project: &str,
    ids: &BTreeSet<String>,
    budget: &mut ApiBudget,
) -> Result<OrgSet, String> {
    let origin = format!("{project}@{}", args.orgs_ref);
    let what = format!("org files of `{project}` (cross-project checks)");
    let paths = budget.take(&what, ids.iter().map(|id| org_path(id)));
    let fetched = fetch(
        args,
        client,
        project,
        &args.orgs_ref,
        paths,
        "Organizations",
    )
    .await?;
    let mut set = OrgSet {
        origin,
        ..OrgSet::default()
    };
    for id in ids {
        let path = org_path(id);
        match fetched.get(&path) {
            Some(Fetched::Found(bytes)) => {
                let shown = format!("{project}:{path}");
                set.docs
                    .insert(id.clone(), cross::org_from_text(&shown, id, bytes));
            }
            Some(_) => {
                set.absent.insert(id.clone());
            }
            // Not read (limits.max_api_reads): not known, so not reported missing.
            None => {}
        }
    }
    Ok(set)
}

/// The ASE table of the ASE project's README.
async fn readme(
    args: &CiArgs,
    settings: &Settings,
    client: &Client,
    project: &str,
    budget: &mut ApiBudget,
) -> Result<cross::ContextReadme, String> {
    let path = "README.md".to_owned();
    let what = format!("README of `{project}` (cross-project checks)");
    let paths = budget.take(&what, [path.clone()]);
    if paths.is_empty() {
        return Err(format!(
            "{project}:README.md was not read (limits.max_api_reads); the org files were not checked against it (cross/*)"
        ));
    }
    let fetched = fetch(
        args,
        client,
        project,
        &args.ase_ref,
        paths,
        "Assigned Support Engineers",
    )
    .await?;
    let shown = format!("{project}@{}:README.md", args.ase_ref);
    match fetched.get(&path) {
        Some(Fetched::Found(bytes)) if bytes.len() as u64 > settings.max_file_bytes() => Err(format!(
            "{shown} is larger than limits.max_file_bytes; the org files were not checked against it (cross/*)"
        )),
        Some(Fetched::Found(bytes)) => cross::readme_from_text(&shown, bytes, settings).ok_or_else(|| {
            format!("{shown} holds no ASE table; the org files were not checked against it (cross/*)")
        }),
        _ => Err(format!(
            "{shown} does not exist; the org files were not checked against it (cross/*)"
        )),
    }
}

/// Checks that `project` can be read, then reads `paths` at `git_ref`; any failure is one
/// warning naming the project.
async fn fetch(
    args: &CiArgs,
    client: &Client,
    project: &str,
    git_ref: &str,
    paths: impl IntoIterator<Item = String>,
    which: &str,
) -> Result<std::collections::BTreeMap<String, Fetched>, String> {
    let unreachable = |why: String| {
        format!(
            "the {which} project `{project}` could not be read ({why}); the cross-project checks (cross/*) against it were skipped"
        )
    };
    let endpoint = Project::builder()
        .project(project_ref(project))
        .build()
        .map_err(|e| unreachable(e.to_string()))?;
    client
        .query::<IgnoredAny, _>(&format!("reading the project {project}"), &endpoint)
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    let fetched = files::fetch_all(
        client,
        &project_ref(project),
        git_ref,
        paths,
        args.requests.concurrency,
    )
    .await;
    if let Some(Fetched::Failed(why)) = fetched.values().find(|f| matches!(f, Fetched::Failed(_))) {
        return Err(unreachable(why.clone()));
    }
    Ok(fetched)
}
