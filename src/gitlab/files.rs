//! Files of a repository at a ref, read through `GET projects/:id/repository/files/:path/raw`:
//! the merge request's base versions (for the workflow reminders) and the other project's
//! files (for the `cross/*` rules). Read concurrently with a bound, each path at most once.

use std::collections::{BTreeMap, BTreeSet};

use gitlab::api::common::NameOrId;

use super::client::Client;
use super::endpoints::RawFile;
use crate::http::bounded;

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

/// How many repository files one run may still read through the API
/// (`limits.max_api_reads`), and what was left unread for want of it.
#[derive(Debug, Clone)]
pub struct ApiBudget {
    limit: usize,
    remaining: usize,
    /// (what the files were for, paths not read), in the order asked.
    skipped: Vec<(String, Vec<String>)>,
}

impl ApiBudget {
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            remaining: limit,
            skipped: Vec::new(),
        }
    }

    /// The first of `paths` (distinct, in order) the budget still allows; the others are
    /// recorded under `what` (e.g. "org files of `group/orgs` for the cross-project
    /// checks").
    pub fn take(&mut self, what: &str, paths: impl IntoIterator<Item = String>) -> Vec<String> {
        let unique: BTreeSet<String> = paths.into_iter().collect();
        let mut paths: Vec<String> = unique.into_iter().collect();
        let rest = paths.split_off(self.remaining.min(paths.len()));
        self.remaining -= paths.len();
        if !rest.is_empty() {
            self.skipped.push((what.to_owned(), rest));
        }
        paths
    }

    /// One sentence per kind of file left unread, naming the first few.
    pub fn notices(&self) -> Vec<String> {
        const NAMED: usize = 5;
        self.skipped
            .iter()
            .map(|(what, paths)| {
                let mut named: Vec<String> =
                    paths.iter().take(NAMED).map(|p| format!("`{p}`")).collect();
                if paths.len() > NAMED {
                    named.push(format!("and {} more", paths.len() - NAMED));
                }
                format!(
                    "{} {what} were not read (limits.max_api_reads = {} API reads per run), so they were not checked: {}",
                    paths.len(),
                    self.limit,
                    named.join(", ")
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_hands_out_paths_until_spent_and_names_the_rest() {
        let mut budget = ApiBudget::new(3);
        let first = budget.take("base versions", ["b".to_owned(), "a".to_owned()]);
        assert_eq!(first, ["a", "b"]);
        let paths = (0..10).map(|i| format!("organizations/{i}.yaml"));
        assert_eq!(budget.take("org files", paths).len(), 1);
        assert!(budget.take("more", ["x".to_owned()]).is_empty());
        let notices = budget.notices();
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(
            notices[0].starts_with("9 org files were not read"),
            "{}",
            notices[0]
        );
        assert!(notices[0].contains("and 4 more"), "{}", notices[0]);
    }
}
