//! The other project as context for the `cross/*` rules in CI: the org files named by the
//! rows of the READMEs the merge request changes (`--orgs-project`), or the ASE project's
//! README (`--ase-project`), read through `repository/files/:path/raw` with a bound, each
//! file at most once. A project that cannot be read is one warning, never a failure.

use std::collections::BTreeSet;
use std::path::Path;

use gitlab::api::common::NameOrId;
use gitlab::api::projects::Project;
use serde::de::IgnoredAny;

use super::args::CiArgs;
use super::client::Client;
use super::files::{self, Fetched};
use crate::config::Settings;
use crate::cross::{self, CrossContext};
use crate::lint::FileKind;
use crate::rules::cross::{OrgSet, org_path};

/// The project named by a flag: a numeric id or a `group/project` path.
fn project_ref(project: &str) -> NameOrId<'_> {
    match project.trim().parse::<u64>() {
        Ok(id) => NameOrId::Id(id),
        Err(_) => NameOrId::from(project.trim()),
    }
}

/// Reads what the changed files (`(path in the checkout, kind)`) need of the other
/// projects; the second value holds one warning per project that could not be read.
pub async fn load(
    args: &CiArgs,
    settings: &Settings,
    client: &Client,
    changed: &[(&Path, FileKind)],
) -> (CrossContext, Vec<String>) {
    let mut context = CrossContext::default();
    let mut warnings = Vec::new();
    let ids: BTreeSet<String> = changed
        .iter()
        .filter(|(_, kind)| matches!(kind, FileKind::Readme { .. }))
        .filter_map(|(path, _)| std::fs::read_to_string(path).ok())
        .flat_map(|text| crate::workflow::accounts(&text, settings).into_keys())
        .collect();
    if let Some(project) = args.orgs_project.as_deref().filter(|_| !ids.is_empty()) {
        match orgs(args, client, project, &ids).await {
            Ok(set) => context.orgs = Some(set),
            Err(why) => warnings.push(why),
        }
    }
    let has_orgs = changed.iter().any(|(_, kind)| *kind == FileKind::Org);
    if let Some(project) = args.ase_project.as_deref().filter(|_| has_orgs) {
        match readme(args, settings, client, project).await {
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
) -> Result<OrgSet, String> {
    let origin = format!("{project}@{}", args.orgs_ref);
    let paths = ids.iter().map(|id| org_path(id));
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
            _ => {
                set.absent.insert(id.clone());
            }
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
) -> Result<cross::ContextReadme, String> {
    let path = "README.md".to_owned();
    let fetched = fetch(
        args,
        client,
        project,
        &args.ase_ref,
        [path.clone()],
        "Assigned Support Engineers",
    )
    .await?;
    let shown = format!("{project}@{}:README.md", args.ase_ref);
    match fetched.get(&path) {
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
        args.concurrency,
    )
    .await;
    if let Some(Fetched::Failed(why)) = fetched.values().find(|f| matches!(f, Fetched::Failed(_))) {
        return Err(unreachable(why.clone()));
    }
    Ok(fetched)
}
