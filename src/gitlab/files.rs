//! Files of a repository at a ref, read through `GET projects/:id/repository/files/:path/raw`:
//! the merge request's base versions (for the workflow reminders) and the other project's
//! files (for the `cross/*` rules). Read concurrently with a bound, each path at most once.

use std::collections::{BTreeMap, BTreeSet};

use gitlab::api::common::NameOrId;

use super::client::Client;
use super::endpoints::RawFile;
use super::publish::bounded;

/// What reading one file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Found(Vec<u8>),
    /// 404: no such file at that ref.
    Missing,
    /// Anything else (unreachable, refused): why.
    Failed(String),
}

/// Reads `paths` of `project` at `git_ref`, at most `limit` requests at a time; each
/// distinct path once.
pub async fn fetch_all(
    client: &Client,
    project: &NameOrId<'_>,
    git_ref: &str,
    paths: impl IntoIterator<Item = String>,
    limit: usize,
) -> BTreeMap<String, Fetched> {
    let unique: BTreeSet<String> = paths.into_iter().collect();
    let results = bounded(unique, limit, |path| async move {
        let endpoint = RawFile {
            project: project.clone(),
            path: &path,
            git_ref,
        };
        let what = format!("reading `{path}` at `{git_ref}`");
        let fetched = match client.raw(&what, &endpoint).await {
            Ok(bytes) => Fetched::Found(bytes),
            Err(err) if err.status() == Some(404) => Fetched::Missing,
            Err(err) => Fetched::Failed(err.to_string()),
        };
        (path, fetched)
    })
    .await;
    results.into_iter().collect()
}
