//! Reading the merge request: where it is ([`MrTarget`], from the command line or GitLab
//! CI's variables), and what GitLab says of it ([`MrState`]: the merge request, its newest
//! diff, its discussions, the token's user). Used by [`super::ci`] (the command) and
//! [`super::publish`] (re-reading discussions before a write).

use gitlab::api::common::NameOrId;
use gitlab::api::projects::merge_requests::discussions::MergeRequestDiscussions;
use gitlab::api::projects::merge_requests::{
    MergeRequest as MergeRequestEndpoint, MergeRequestDiffs,
};
use gitlab::api::users::CurrentUser;
use url::Url;

use super::args::CiArgs;
use super::client::{Client, shown_url};
use super::endpoints::{TokenSelf, Versions, project_ref};
use super::error::Error;
use super::position::ChangedFile;
use super::types::{DiffFile, DiffRefs, Discussion, MergeRequest, TokenInfo, User, Version};

/// Where the merge request is.
pub struct MrTarget {
    pub api_url: Url,
    pub project: String,
    pub iid: u64,
}

impl MrTarget {
    pub fn from_args(args: &CiArgs) -> Result<Self, String> {
        let api_url = api_url_from_args(args)?;
        let project = args
            .project
            .clone()
            .or_else(|| std::env::var("CI_PROJECT_ID").ok())
            .filter(|p| !p.trim().is_empty())
            .ok_or(
                "no project: set CI_MERGE_REQUEST_PROJECT_ID or CI_PROJECT_ID, or pass --project",
            )?;
        if !crate::report::rule_pages::is_docs_url(&args.docs_url) {
            return Err(format!(
                "--docs-url must be an http(s) address without spaces, quotes, brackets or \
                 parentheses, found `{}`",
                crate::words::visible_controls(&args.docs_url)
            ));
        }
        let iid = args.merge_request.ok_or(
            "no merge request: run in a merge request pipeline (CI_MERGE_REQUEST_IID) or pass --mr",
        )?;
        Ok(Self {
            api_url,
            project,
            iid,
        })
    }

    /// The project as the API addresses it.
    pub fn project_ref(&self) -> NameOrId<'_> {
        project_ref(&self.project)
    }
}

/// The GitLab API URL (`--api-url` or CI_API_V4_URL): http(s), and plain http only to
/// loopback or with `--allow-insecure-http`.
pub fn api_url_from_args(args: &CiArgs) -> Result<Url, String> {
    let api = args
        .api_url
        .as_deref()
        .filter(|s| !s.is_empty())
        .ok_or("no GitLab API URL: set CI_API_V4_URL (GitLab CI does) or pass --api-url")?;
    // The URL is not echoed whole: it may hold a user name and password.
    let api_url = Url::parse(api)
        .map_err(|e| format!("the API URL (CI_API_V4_URL or --api-url) is not a URL: {e}"))?;
    if !matches!(api_url.scheme(), "http" | "https") {
        return Err(format!(
            "the API URL `{}` (CI_API_V4_URL or --api-url) is not an http(s) URL",
            shown_url(&api_url)
        ));
    }
    if api_url.scheme() == "http"
        && !crate::http::is_loopback(&api_url)
        && !args.allow_insecure_http
    {
        return Err(format!(
            "the API URL `{}` (CI_API_V4_URL or --api-url) is plain http: the token would cross \
                 the network unencrypted. Use https, or pass --allow-insecure-http if you must",
            shown_url(&api_url)
        ));
    }
    Ok(api_url)
}

/// What was read from GitLab.
pub struct MrState {
    pub me: Option<User>,
    pub mr: MergeRequest,
    /// The newest diff version's commits (`None`: the merge request has no diff yet).
    pub refs: Option<DiffRefs>,
    pub files: Vec<ChangedFile>,
    pub discussions: Vec<Discussion>,
    /// When the token expires (`YYYY-MM-DD`), if GitLab said.
    pub token_expires: Option<String>,
}

pub(super) async fn read_merge_request(
    client: &Client,
    target: &MrTarget,
    wants_discussions: bool,
) -> Result<MrState, Error> {
    let project = target.project_ref();
    let iid = target.iid;
    let me = async {
        if !client.credentials().can_write() {
            return Ok((None, None));
        }
        token_user(client).await
    };
    let mr = async {
        let endpoint = MergeRequestEndpoint::builder()
            .project(project.clone())
            .merge_request(iid)
            .build()
            .map_err(|e| Error::builder("reading the merge request", e))?;
        client
            .query::<MergeRequest, _>("reading the merge request", &endpoint)
            .await
    };
    let diffs = async {
        let endpoint = MergeRequestDiffs::builder()
            .project(project.clone())
            .merge_request(iid)
            .build()
            .map_err(|e| Error::builder("reading the merge request's diffs", e))?;
        client
            .get_all::<DiffFile, _>("reading the merge request's diffs", &endpoint)
            .await
    };
    let discussions = async {
        if !wants_discussions {
            return Ok(Vec::new());
        }
        read_discussions(client, project.clone(), iid).await
    };
    let (me, mr, diffs, discussions) = tokio::join!(me, mr, diffs, discussions);
    let mr = mr?;
    // The merge request's `diff_refs` are its newest diff version's; the versions are
    // read only when GitLab leaves them out.
    let refs = match mr.diff_refs.clone() {
        Some(refs) => Some(refs),
        None => {
            let endpoint = Versions { project, mr: iid };
            client
                .get_all::<Version, _>("reading the merge request's diff versions", &endpoint)
                .await?
                .first()
                .map(Version::diff_refs)
        }
    };
    let (me, token_expires) = me?;
    Ok(MrState {
        me,
        token_expires,
        refs,
        files: diffs?.iter().map(ChangedFile::from_api).collect(),
        discussions: discussions?,
        mr,
    })
}

/// Every discussion of the merge request (plain notes included), oldest first.
pub(crate) async fn read_discussions(
    client: &Client,
    project: NameOrId<'_>,
    iid: u64,
) -> Result<Vec<Discussion>, Error> {
    let endpoint = MergeRequestDiscussions::builder()
        .project(project)
        .merge_request(iid)
        .build()
        .map_err(|e| Error::builder("reading the merge request's discussions", e))?;
    client
        .get_all::<Discussion, _>("reading the merge request's discussions", &endpoint)
        .await
}

/// The token's user and expiry from `GET /personal_access_tokens/self`; where GitLab
/// does not offer it (404, 403), the user from `GET /user` and no expiry.
pub(super) async fn token_user(client: &Client) -> Result<(Option<User>, Option<String>), Error> {
    match client
        .query::<TokenInfo, _>("reading the token", &TokenSelf)
        .await
    {
        Ok(token) => {
            let user = User {
                id: token.user_id,
                username: String::new(),
                bot: false,
            };
            Ok((Some(user), token.expires_at))
        }
        Err(err) if matches!(err.status(), Some(403 | 404)) => {
            let endpoint = CurrentUser::builder()
                .build()
                .map_err(|e| Error::builder("reading the token's user", e))?;
            let user = client
                .query::<User, _>("reading the token's user", &endpoint)
                .await?;
            Ok((Some(user), None))
        }
        Err(err) => Err(err),
    }
}

/// Lints the merge request's changed files, writes the artifacts, and comments.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::gitlab::CiArgs;
    use clap::Parser;

    /// `ase-lint ci` as the command line parses it (this library knows no CLI).
    #[derive(Debug, Parser)]
    struct TestCli {
        #[command(subcommand)]
        command: TestCommand,
    }

    #[derive(Debug, clap::Subcommand)]
    enum TestCommand {
        Ci(Box<CiArgs>),
    }

    fn target_of(extra: &[&str]) -> Result<MrTarget, String> {
        let mut argv = vec!["ase-lint", "ci", "--project", "1", "--mr", "2"];
        argv.extend_from_slice(extra);
        match TestCli::try_parse_from(argv).map(|c| c.command) {
            Ok(TestCommand::Ci(args)) => MrTarget::from_args(&args),
            other => Err(format!("not a ci command line: {other:?}")),
        }
    }

    #[test]
    fn plain_http_needs_loopback_or_the_opt_in() {
        let refused = target_of(&["--api-url", "http://gitlab.example/api/v4"]).err();
        assert!(
            refused.is_some_and(|e| e.contains("--allow-insecure-http")),
            "plain http to a remote host was accepted"
        );
        for ok in [
            vec![
                "--api-url",
                "http://gitlab.example/api/v4",
                "--allow-insecure-http",
            ],
            vec!["--api-url", "http://127.0.0.1:8080/api/v4"],
            vec!["--api-url", "http://[::1]:8080/api/v4"],
            vec!["--api-url", "http://localhost/api/v4"],
            vec!["--api-url", "https://gitlab.example/api/v4"],
        ] {
            assert!(target_of(&ok).is_ok(), "{ok:?}");
        }
    }
}
