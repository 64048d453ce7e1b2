//! Endpoints the `gitlab` crate lacks, written with its [`Endpoint`] trait: merge request
//! versions, replying to and resolving a discussion, deleting a note, draft notes and
//! publishing them, and a file's raw content at a ref; and [`project_ref`], how a project
//! named by a flag is addressed.

use std::borrow::Cow;

use gitlab::api::common::NameOrId;
use gitlab::api::endpoint_prelude::{
    BodyError, Endpoint, FormParams, Method, Pageable, QueryParams,
};

use super::position::LinePosition;
use super::types::DiffRefs;

/// A project as a flag or CI variable names it: a numeric id or a `group/project` path.
pub fn project_ref(project: &str) -> NameOrId<'_> {
    match project.trim().parse::<u64>() {
        Ok(id) => NameOrId::Id(id),
        Err(_) => NameOrId::from(project.trim()),
    }
}

/// `projects/:id/merge_requests/:iid`, the root of every endpoint here.
fn mr_path(project: &NameOrId<'_>, mr: u64) -> String {
    format!("projects/{project}/merge_requests/{mr}")
}

/// A discussion id as a path segment (GitLab's are hex; anything else is escaped).
fn segment(id: &str) -> String {
    id.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `GET …/versions`: the merge request's diff versions, newest first.
pub struct Versions<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
}

impl Endpoint for Versions<'_> {
    fn method(&self) -> Method {
        Method::GET
    }
    fn endpoint(&self) -> Cow<'static, str> {
        format!("{}/versions", mr_path(&self.project, self.mr)).into()
    }
}

impl Pageable for Versions<'_> {}

/// `GET /personal_access_tokens/self`: the token's own record (its user and expiry).
pub struct TokenSelf;

impl Endpoint for TokenSelf {
    fn method(&self) -> Method {
        Method::GET
    }
    fn endpoint(&self) -> Cow<'static, str> {
        "personal_access_tokens/self".into()
    }
}

/// `POST …/discussions/:discussion_id/notes`: a reply in a thread.
pub struct ReplyToDiscussion<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
    pub discussion: &'a str,
    pub body: &'a str,
}

impl Endpoint for ReplyToDiscussion<'_> {
    fn method(&self) -> Method {
        Method::POST
    }
    fn endpoint(&self) -> Cow<'static, str> {
        let discussion = segment(self.discussion);
        format!(
            "{}/discussions/{discussion}/notes",
            mr_path(&self.project, self.mr)
        )
        .into()
    }
    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        let mut params = FormParams::default();
        params.push("body", self.body);
        params.into_body()
    }
}

/// `PUT …/discussions/:discussion_id?resolved=true|false`.
pub struct ResolveDiscussion<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
    pub discussion: &'a str,
    pub resolved: bool,
}

impl Endpoint for ResolveDiscussion<'_> {
    fn method(&self) -> Method {
        Method::PUT
    }
    fn endpoint(&self) -> Cow<'static, str> {
        let discussion = segment(self.discussion);
        format!(
            "{}/discussions/{discussion}",
            mr_path(&self.project, self.mr)
        )
        .into()
    }
    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        let mut params = FormParams::default();
        params.push("resolved", self.resolved);
        params.into_body()
    }
}

/// `DELETE …/notes/:note_id`.
pub struct DeleteNote<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
    pub note: u64,
}

impl Endpoint for DeleteNote<'_> {
    fn method(&self) -> Method {
        Method::DELETE
    }
    fn endpoint(&self) -> Cow<'static, str> {
        format!("{}/notes/{}", mr_path(&self.project, self.mr), self.note).into()
    }
}

/// `POST …/draft_notes`: a pending review comment on a line.
pub struct CreateDraftNote<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
    pub body: &'a str,
    pub refs: &'a DiffRefs,
    pub position: &'a LinePosition,
}

impl Endpoint for CreateDraftNote<'_> {
    fn method(&self) -> Method {
        Method::POST
    }
    fn endpoint(&self) -> Cow<'static, str> {
        format!("{}/draft_notes", mr_path(&self.project, self.mr)).into()
    }
    fn body(&self) -> Result<Option<(&'static str, Vec<u8>)>, BodyError> {
        let mut params = FormParams::default();
        params.push("note", self.body);
        push_position(&mut params, self.refs, self.position);
        params.into_body()
    }
}

/// Adds `position[…]` fields as the discussions and draft notes APIs take them.
fn push_position<'a>(params: &mut FormParams<'a>, refs: &'a DiffRefs, position: &'a LinePosition) {
    params
        .push("position[position_type]", "text")
        .push("position[base_sha]", refs.base_sha.as_str())
        .push("position[start_sha]", refs.start_sha.as_str())
        .push("position[head_sha]", refs.head_sha.as_str())
        .push("position[old_path]", position.old_path.as_str())
        .push("position[new_path]", position.new_path.as_str())
        .push("position[new_line]", u64::from(position.new_line))
        .push_opt("position[old_line]", position.old_line.map(u64::from));
}

/// `POST …/draft_notes/bulk_publish`: publishes the whole review at once.
pub struct PublishDraftNotes<'a> {
    pub project: NameOrId<'a>,
    pub mr: u64,
}

impl Endpoint for PublishDraftNotes<'_> {
    fn method(&self) -> Method {
        Method::POST
    }
    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "{}/draft_notes/bulk_publish",
            mr_path(&self.project, self.mr)
        )
        .into()
    }
}

/// A file path as one path segment: everything but `A-Za-z0-9-_.` percent-encoded
/// (GitLab wants `/` as `%2F` here).
fn file_segment(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `GET projects/:id/repository/files/:file_path/raw?ref=`: a file's bytes at a commit,
/// branch or tag.
pub struct RawFile<'a> {
    pub project: NameOrId<'a>,
    pub path: &'a str,
    pub git_ref: &'a str,
}

impl Endpoint for RawFile<'_> {
    fn method(&self) -> Method {
        Method::GET
    }
    fn endpoint(&self) -> Cow<'static, str> {
        format!(
            "projects/{}/repository/files/{}/raw",
            self.project,
            file_segment(self.path)
        )
        .into()
    }
    fn parameters(&self) -> QueryParams<'_> {
        let mut params = QueryParams::default();
        params.push("ref", self.git_ref);
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(endpoint: &impl Endpoint) -> String {
        let (_, bytes) = endpoint.body().unwrap().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn paths_and_bodies() {
        let project = NameOrId::from("group/proj");
        let resolve = ResolveDiscussion {
            project: project.clone(),
            mr: 3,
            discussion: "ab/c",
            resolved: true,
        };
        assert_eq!(
            resolve.endpoint(),
            "projects/group%2Fproj/merge_requests/3/discussions/ab%2Fc"
        );
        assert_eq!(body_of(&resolve), "resolved=true");
        let refs = DiffRefs {
            base_sha: "b".into(),
            start_sha: "s".into(),
            head_sha: "h".into(),
        };
        let position = LinePosition {
            old_path: "a.md".into(),
            new_path: "a.md".into(),
            old_line: None,
            new_line: 4,
        };
        let draft = CreateDraftNote {
            project,
            mr: 3,
            body: "x y",
            refs: &refs,
            position: &position,
        };
        let body = body_of(&draft);
        assert!(
            body.starts_with("note=x+y&position%5Bposition_type%5D=text"),
            "{body}"
        );
        assert!(
            body.contains("position%5Bnew_line%5D=4") && !body.contains("old_line"),
            "{body}"
        );
    }
}
