//! What the bot reads from GitLab's REST API: only the fields it uses, all tolerant of
//! fields GitLab adds or leaves out.

use serde::Deserialize;

/// A user (the token's user from `GET /user`, or a note's author).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct User {
    pub id: u64,
    #[serde(default)]
    pub username: String,
    /// Set by GitLab for project/group access token users and service accounts.
    #[serde(default)]
    pub bot: bool,
}

/// `GET /personal_access_tokens/self`: the token's own record.
#[derive(Debug, Clone, Deserialize)]
pub struct TokenInfo {
    pub user_id: u64,
    /// `YYYY-MM-DD`; `None`: it never expires.
    #[serde(default)]
    pub expires_at: Option<String>,
}

/// The three commits a diff position refers to.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct DiffRefs {
    pub base_sha: String,
    pub start_sha: String,
    pub head_sha: String,
}

/// `GET /projects/:id/merge_requests/:iid`.
#[derive(Debug, Clone, Deserialize)]
pub struct MergeRequest {
    pub iid: u64,
    /// `https://host/group/project/-/merge_requests/12`.
    pub web_url: String,
    pub diff_refs: Option<DiffRefs>,
    #[serde(default)]
    pub sha: Option<String>,
}

/// One entry of `GET …/merge_requests/:iid/versions` (newest first).
#[derive(Debug, Clone, Deserialize)]
pub struct Version {
    pub id: u64,
    pub base_commit_sha: String,
    pub start_commit_sha: String,
    pub head_commit_sha: String,
}

impl Version {
    /// The version's commits as diff refs.
    pub fn diff_refs(&self) -> DiffRefs {
        DiffRefs {
            base_sha: self.base_commit_sha.clone(),
            start_sha: self.start_commit_sha.clone(),
            head_sha: self.head_commit_sha.clone(),
        }
    }
}

/// One file of `GET …/merge_requests/:iid/diffs`.
#[derive(Debug, Clone, Deserialize)]
pub struct DiffFile {
    pub old_path: String,
    pub new_path: String,
    #[serde(default)]
    pub diff: String,
    #[serde(default)]
    pub new_file: bool,
    #[serde(default)]
    pub renamed_file: bool,
    #[serde(default)]
    pub deleted_file: bool,
    #[serde(default)]
    pub too_large: Option<bool>,
    #[serde(default)]
    pub collapsed: Option<bool>,
    /// The new file's git mode (`100644`, `100755`; `120000` is a symlink, `160000` a
    /// submodule); `None` when GitLab leaves it out.
    #[serde(default)]
    pub b_mode: Option<String>,
}

/// One discussion of `GET …/merge_requests/:iid/discussions` (plain notes are
/// discussions with `individual_note: true`).
#[derive(Debug, Clone, Deserialize)]
pub struct Discussion {
    pub id: String,
    #[serde(default)]
    pub individual_note: bool,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// A note (comment) in a discussion.
#[derive(Debug, Clone, Deserialize)]
pub struct Note {
    pub id: u64,
    #[serde(default)]
    pub body: String,
    pub author: User,
    #[serde(default)]
    pub system: bool,
    #[serde(default)]
    pub resolvable: bool,
    #[serde(default)]
    pub resolved: bool,
    #[serde(default)]
    pub position: Option<NotePosition>,
}

/// Where a diff note stands.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct NotePosition {
    #[serde(default)]
    pub new_path: Option<String>,
    #[serde(default)]
    pub old_path: Option<String>,
    #[serde(default)]
    pub new_line: Option<u32>,
    #[serde(default)]
    pub old_line: Option<u32>,
}
