//! A stateful fake GitLab for the bot's end-to-end tests, on 127.0.0.1, and helpers to run
//! the real `ase-lint ci` binary against it.
//!
//! It behaves like GitLab's REST API v4 where the bot depends on it: `GET /user` and
//! `GET /personal_access_tokens/self` (expiry and status settable), the
//! merge request with `diff_refs`, versions, paginated diffs and discussions (default
//! `per_page` 20, `x-next-page`/`Link` headers, optional short pages), notes and
//! discussions with position validation (400 `line_code` for lines not in the diff or
//! wrong old/new lines), resolve permissions, authors-only edits, draft notes and
//! `bulk_publish`, job tokens that read but cannot write, injected faults (any status,
//! `Retry-After`, extra headers, a raw body such as malformed JSON; once or several times)
//! and pagination that never ends. Every request is recorded so tests assert the API calls
//! made. [`faults`] has the servers that fail below HTTP, [`readme`] the README rows.

#![allow(dead_code, unused_imports)]

pub mod faults;
pub mod readme;

pub use faults::*;
pub use readme::*;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::{Value, json};

pub const PROJECT_ID: u64 = 42;
pub const MR_IID: u64 = 7;
pub const BOT_TOKEN: &str = "glpat-bot-secret-0123456789";
pub const OLD_BOT_TOKEN: &str = "glpat-old-bot-secret-9876543210";
pub const JOB_TOKEN: &str = "job-token-secret-abcdef";
pub const BOT_ID: u64 = 100;
pub const OLD_BOT_ID: u64 = 99;
pub const ALICE_ID: u64 = 5;

/// A user of the fake.
#[derive(Debug, Clone)]
pub struct FakeUser {
    pub id: u64,
    pub username: String,
    pub bot: bool,
    pub token: String,
    /// Developer role or more (may resolve threads).
    pub developer: bool,
}

/// One recorded request.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: Method,
    /// Path below `/api/v4`.
    pub path: String,
    pub query: String,
    pub form: BTreeMap<String, String>,
    /// `user:<id>`, `job` or `anonymous`.
    pub auth: String,
    pub status: u16,
}

/// An injected answer, used once, for the first request matching method and path end.
#[derive(Debug, Clone)]
pub struct Fault {
    pub method: Method,
    pub path_suffix: String,
    pub status: u16,
    pub retry_after: Option<u64>,
    /// Extra response headers (e.g. `location`).
    pub headers: Vec<(String, String)>,
    /// The body as sent (JSON content type); `None`: `{"message": "<status> injected"}`.
    pub body: Option<String>,
}

impl Fault {
    /// `status` for the next `method` request whose path ends with `path_suffix`.
    pub fn new(method: Method, path_suffix: &str, status: u16) -> Self {
        Self {
            method,
            path_suffix: path_suffix.to_owned(),
            status,
            retry_after: None,
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = Some(body.to_owned());
        self
    }

    /// The same fault for the next `n` matching requests.
    pub fn times(self, n: usize) -> Vec<Fault> {
        vec![self; n]
    }
}

#[derive(Debug, Clone)]
pub struct FakeNote {
    pub id: u64,
    pub body: String,
    pub author: u64,
    pub resolvable: bool,
    pub resolved: bool,
    pub position: Option<Value>,
}

#[derive(Debug, Clone)]
pub struct FakeDiscussion {
    pub id: String,
    pub individual_note: bool,
    pub notes: Vec<FakeNote>,
}

#[derive(Debug, Clone)]
pub struct DiffEntry {
    pub old_path: String,
    pub new_path: String,
    pub diff: String,
    pub new_file: bool,
    pub renamed_file: bool,
    pub deleted_file: bool,
    /// The new file's git mode (`b_mode`): `100644`, or `120000` for a symlink.
    pub b_mode: String,
}

/// The fake's state.
#[derive(Debug)]
pub struct Gitlab {
    pub users: Vec<FakeUser>,
    /// Head shas of the diff versions, newest first.
    pub versions: Vec<String>,
    pub diffs: Vec<DiffEntry>,
    pub discussions: Vec<FakeDiscussion>,
    pub drafts: Vec<(u64, String, Value)>,
    pub faults: Vec<Fault>,
    pub log: Vec<Logged>,
    /// Items per page at most, whatever `per_page` asks (short pages while more exist).
    pub page_cap: Option<usize>,
    /// Send only the `Link` header, not `x-next-page`.
    pub link_only: bool,
    /// The next page announced after each page, whatever the items (pagination that never
    /// ends: `|page| page + 1`, or that loops: `|_| 1`); `None`: GitLab's own.
    pub next_page: Option<fn(usize) -> usize>,
    /// Repository files served by `repository/files/:path/raw`, by (project as it appears
    /// in the URL, ref, path); [`FakeGitlab::change`] puts the old text at [`BASE_SHA`].
    pub files: BTreeMap<(String, String, String), String>,
    /// Other projects that can be read (`GET /projects/:id`), as they appear in the URL.
    pub projects: BTreeSet<String>,
    /// `expires_at` of `GET /personal_access_tokens/self` (`None`: never expires).
    pub token_expires_at: Option<String>,
    /// The status `GET /personal_access_tokens/self` answers instead (an older GitLab: 404).
    pub token_self_status: Option<u16>,
    next_id: u64,
    base_url: String,
}

pub const BASE_SHA: &str = "1111111111111111111111111111111111111111";
pub const START_SHA: &str = "2222222222222222222222222222222222222222";

impl Gitlab {
    fn new() -> Self {
        let users = vec![
            FakeUser {
                id: BOT_ID,
                username: "project_42_bot_5e1f".into(),
                bot: true,
                token: BOT_TOKEN.into(),
                developer: true,
            },
            FakeUser {
                id: OLD_BOT_ID,
                username: "project_42_bot_0ld".into(),
                bot: true,
                token: OLD_BOT_TOKEN.into(),
                developer: true,
            },
            FakeUser {
                id: ALICE_ID,
                username: "alice".into(),
                bot: false,
                token: "glpat-alice".into(),
                developer: true,
            },
        ];
        Self {
            users,
            versions: vec!["aaaaaaa000000000000000000000000000000001".into()],
            diffs: Vec::new(),
            discussions: Vec::new(),
            drafts: Vec::new(),
            faults: Vec::new(),
            log: Vec::new(),
            page_cap: None,
            link_only: false,
            next_page: None,
            files: BTreeMap::new(),
            projects: BTreeSet::new(),
            token_expires_at: None,
            token_self_status: None,
            next_id: 1000,
            base_url: String::new(),
        }
    }

    pub fn head(&self) -> &str {
        &self.versions[0]
    }

    /// Records a new push: a new newest version.
    pub fn push_version(&mut self, head: &str) {
        self.versions.insert(0, head.to_owned());
    }

    /// Non-GET requests recorded.
    pub fn writes(&self) -> Vec<&Logged> {
        self.log
            .iter()
            .filter(|l| l.method != Method::GET)
            .collect()
    }

    pub fn clear_log(&mut self) {
        self.log.clear();
    }

    /// Every note body, in discussion order.
    pub fn bodies(&self) -> Vec<String> {
        self.discussions
            .iter()
            .flat_map(|d| d.notes.iter().map(|n| n.body.clone()))
            .collect()
    }

    /// Plain (non-diff) notes carrying the summary marker.
    pub fn summaries(&self) -> Vec<&FakeNote> {
        self.discussions
            .iter()
            .filter(|d| d.individual_note)
            .flat_map(|d| d.notes.iter())
            .filter(|n| n.body.starts_with("<!-- ase-lint:summary -->"))
            .collect()
    }

    /// Inline (diff) discussions.
    pub fn threads(&self) -> Vec<&FakeDiscussion> {
        self.discussions
            .iter()
            .filter(|d| !d.individual_note)
            .collect()
    }

    /// Adds a note or thread as `author` would have posted it.
    pub fn add_discussion(
        &mut self,
        author: u64,
        body: &str,
        position: Option<Value>,
        resolved: bool,
    ) -> String {
        let id = self.new_id();
        let discussion_id = format!("{id:040x}");
        self.discussions.push(FakeDiscussion {
            id: discussion_id.clone(),
            individual_note: position.is_none(),
            notes: vec![FakeNote {
                id,
                body: body.to_owned(),
                author,
                resolvable: position.is_some(),
                resolved,
                position,
            }],
        });
        discussion_id
    }

    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn user_json(&self, id: u64) -> Value {
        let user = self.users.iter().find(|u| u.id == id);
        json!({
            "id": id,
            "username": user.map_or("ghost", |u| u.username.as_str()),
            "bot": user.is_some_and(|u| u.bot),
        })
    }

    fn discussion_json(&self, d: &FakeDiscussion) -> Value {
        let notes: Vec<Value> = d
            .notes
            .iter()
            .map(|n| {
                json!({
                    "id": n.id,
                    "type": if n.position.is_some() { "DiffNote" } else { "Note" },
                    "body": n.body,
                    "author": self.user_json(n.author),
                    "system": false,
                    "resolvable": n.resolvable,
                    "resolved": n.resolved,
                    "position": n.position,
                })
            })
            .collect();
        json!({ "id": d.id, "individual_note": d.individual_note, "notes": notes })
    }
}

/// A running fake GitLab.
pub type FakeGitlab = crate::loopback::Fake<Gitlab>;

type Shared = Arc<Mutex<Gitlab>>;

impl FakeGitlab {
    /// Starts the server on 127.0.0.1 (a free port) in a background thread.
    pub fn start() -> Self {
        let fake = Self::serve(Gitlab::new(), handle);
        fake.state().base_url = format!("http://{}/api/v4", fake.addr);
        fake
    }

    pub fn api_url(&self) -> String {
        format!("http://{}/api/v4", self.addr)
    }

    /// Declares a changed file of the merge request from its old and new text (`None`:
    /// added / deleted) and lays the new text in `work`.
    pub fn change(&self, work: &Workspace, path: &str, old: Option<&str>, new: Option<&str>) {
        self.rename(work, path, path, old, new);
    }

    /// Like [`FakeGitlab::change`] for a file moved from `old_path`.
    pub fn rename(
        &self,
        work: &Workspace,
        old_path: &str,
        path: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) {
        let diff = unified_diff(old.unwrap_or(""), new.unwrap_or(""));
        let entry = DiffEntry {
            old_path: old_path.to_owned(),
            new_path: path.to_owned(),
            diff,
            new_file: old.is_none(),
            renamed_file: old_path != path,
            deleted_file: new.is_none(),
            b_mode: "100644".to_owned(),
        };
        let mut state = self.state();
        if let Some(text) = old {
            let key = (
                PROJECT_ID.to_string(),
                BASE_SHA.to_owned(),
                old_path.to_owned(),
            );
            state.files.insert(key, text.to_owned());
        }
        state.diffs.retain(|d| d.new_path != path);
        state.diffs.push(entry);
        drop(state);
        match new {
            Some(text) => work.write(path, text),
            None => work.remove(path),
        }
    }
}

/// Makes the merge request's base unknown to the bot: the files at the base are gone from
/// the fake, and the checkout's `path` no longer matches GitLab's diff on its last line
/// (a trailing space, as in a merged-results pipeline's checkout), so the base can be
/// neither rebuilt from the diff nor read. Every finding then counts as the merge
/// request's.
pub fn base_unknown(fake: &FakeGitlab, work: &Workspace, path: &str) {
    fake.state().files.clear();
    let text = std::fs::read_to_string(work.file(path)).unwrap();
    let trimmed = text.strip_suffix('\n').unwrap_or(&text);
    work.write(path, &format!("{trimmed} \n"));
}

/// An answer; a `content-type` among `headers` means a raw body (the string in `body`).
fn respond(status: u16, headers: &[(&str, String)], body: &Value) -> Response {
    let raw = headers.iter().any(|(name, _)| *name == "content-type");
    let mut builder = Response::builder().status(status);
    if !raw {
        builder = builder.header("content-type", "application/json");
    }
    for (name, value) in headers {
        builder = builder.header(*name, value);
    }
    let text = match body {
        Value::String(text) if raw => text.clone(),
        _ => body.to_string(),
    };
    builder.body(Body::from(text)).unwrap()
}

/// `GET /projects/:id/repository/files/:path/raw?ref=`: a file of [`Gitlab::files`].
fn raw_file(gitlab: &Gitlab, path: &str, query: &str) -> Option<Answer> {
    let (project, rest) = path
        .strip_prefix("/projects/")?
        .split_once("/repository/files/")?;
    let file = rest.strip_suffix("/raw")?;
    let decode = |text: &str| -> String {
        url::form_urlencoded::parse(format!("x={text}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let git_ref = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "ref")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let key = (project.to_owned(), git_ref, decode(file));
    Some(match gitlab.files.get(&key) {
        Some(text) => (
            200,
            vec![("content-type", "text/plain; charset=utf-8".to_owned())],
            Value::String(text.clone()),
        ),
        None => error(404, "404 File Not Found"),
    })
}

fn error(status: u16, message: &str) -> (u16, Vec<(&'static str, String)>, Value) {
    (status, Vec::new(), json!({ "message": message }))
}

async fn handle(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut gitlab = state.lock().unwrap();
    let path = uri
        .path()
        .strip_prefix("/api/v4")
        .unwrap_or(uri.path())
        .to_owned();
    let query = uri.query().unwrap_or("").to_owned();
    let form: BTreeMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let auth = authenticate(&gitlab, &headers);
    let fault = gitlab
        .faults
        .iter()
        .position(|f| f.method == method && path.ends_with(&f.path_suffix));
    let (status, extra, value) = match fault {
        Some(i) => injected(gitlab.faults.remove(i)),
        None => {
            let (status, extra, value) = route(&mut gitlab, &method, &path, &query, &form, &auth);
            let extra = extra.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            (status, extra, value)
        }
    };
    gitlab.log.push(Logged {
        method,
        path,
        query,
        form,
        auth: auth.label(),
        status,
    });
    let extra: Vec<(&str, String)> = extra.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    respond(status, &extra, &value)
}

/// The answer of an injected fault: its status, headers and body.
fn injected(fault: Fault) -> (u16, Vec<(String, String)>, Value) {
    let mut extra = fault.headers;
    if let Some(seconds) = fault.retry_after {
        extra.push(("retry-after".into(), seconds.to_string()));
    }
    let value = match fault.body {
        Some(body) => {
            extra.push(("content-type".into(), "application/json".into()));
            Value::String(body)
        }
        None => json!({ "message": format!("{} injected", fault.status) }),
    };
    (fault.status, extra, value)
}

#[derive(Debug, Clone, Copy)]
enum Auth {
    User(u64),
    Job,
    Anonymous,
    Invalid,
}

impl Auth {
    fn label(self) -> String {
        match self {
            Auth::User(id) => format!("user:{id}"),
            Auth::Job => "job".into(),
            Auth::Anonymous => "anonymous".into(),
            Auth::Invalid => "invalid".into(),
        }
    }
}

fn authenticate(gitlab: &Gitlab, headers: &HeaderMap) -> Auth {
    if let Some(token) = headers.get("private-token").and_then(|v| v.to_str().ok()) {
        return gitlab
            .users
            .iter()
            .find(|u| u.token == token)
            .map_or(Auth::Invalid, |u| Auth::User(u.id));
    }
    match headers.get("job-token").and_then(|v| v.to_str().ok()) {
        Some(JOB_TOKEN) => Auth::Job,
        Some(_) => Auth::Invalid,
        None => Auth::Anonymous,
    }
}

type Answer = (u16, Vec<(&'static str, String)>, Value);

fn route(
    gitlab: &mut Gitlab,
    method: &Method,
    path: &str,
    query: &str,
    form: &BTreeMap<String, String>,
    auth: &Auth,
) -> Answer {
    let user = match auth {
        Auth::User(id) => Some(*id),
        Auth::Job => None,
        Auth::Anonymous | Auth::Invalid => return error(401, "401 Unauthorized"),
    };
    if let Some(answer) = raw_file(gitlab, path, query) {
        return answer;
    }
    if let Some(project) = path.strip_prefix("/projects/")
        && gitlab.projects.contains(project)
    {
        return (
            200,
            Vec::new(),
            json!({ "id": 77, "path_with_namespace": project }),
        );
    }
    if path == "/personal_access_tokens/self" {
        return match (gitlab.token_self_status, user) {
            (Some(status), _) => error(status, "injected"),
            (None, Some(id)) => (
                200,
                Vec::new(),
                json!({"id": 1, "user_id": id, "expires_at": gitlab.token_expires_at}),
            ),
            (None, None) => error(401, "401 Unauthorized"),
        };
    }
    if path == "/user" {
        return match user {
            Some(id) => (200, Vec::new(), gitlab.user_json(id)),
            None => error(401, "401 Unauthorized"),
        };
    }
    let mr_root = format!("/projects/{PROJECT_ID}/merge_requests/{MR_IID}");
    let Some(rest) = path.strip_prefix(&mr_root) else {
        return error(404, "404 Project Not Found");
    };
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if *method != Method::GET && user.is_none() {
        return error(
            403,
            "403 Forbidden - Job tokens are restricted to read-only operations",
        );
    }
    let user = user.unwrap_or(0);
    match (method.as_str(), segments.as_slice()) {
        ("GET", []) => (200, Vec::new(), mr_json(gitlab)),
        ("GET", ["versions"]) => {
            let versions: Vec<Value> = gitlab
                .versions
                .iter()
                .enumerate()
                .map(|(i, head)| json!({"id": 500 - i, "base_commit_sha": BASE_SHA, "start_commit_sha": START_SHA, "head_commit_sha": head}))
                .collect();
            page(gitlab, path, query, versions)
        }
        ("GET", ["diffs"]) => {
            let diffs: Vec<Value> = gitlab
                .diffs
                .iter()
                .map(|d| json!({"old_path": d.old_path, "new_path": d.new_path, "diff": d.diff, "new_file": d.new_file, "renamed_file": d.renamed_file, "deleted_file": d.deleted_file, "a_mode": "100644", "b_mode": d.b_mode}))
                .collect();
            page(gitlab, path, query, diffs)
        }
        ("GET", ["discussions"]) => {
            let all: Vec<Value> = gitlab
                .discussions
                .iter()
                .map(|d| gitlab.discussion_json(d))
                .collect();
            page(gitlab, path, query, all)
        }
        ("POST", ["notes"]) => {
            let body = form.get("body").cloned().unwrap_or_default();
            let id = gitlab.add_discussion(user, &body, None, false);
            let note = gitlab
                .discussions
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.notes[0].id);
            (201, Vec::new(), json!({"id": note, "body": body}))
        }
        ("PUT", ["notes", note]) => edit_note(gitlab, user, note, form),
        ("DELETE", ["notes", note]) => delete_note(gitlab, user, note),
        ("POST", ["discussions"]) => create_thread(gitlab, user, form),
        ("POST", ["discussions", id, "notes"]) => reply(gitlab, user, id, form),
        ("PUT", ["discussions", id]) => resolve(gitlab, user, id, form),
        ("POST", ["draft_notes"]) => {
            let position = match validate_position(gitlab, form) {
                Ok(p) => p,
                Err(answer) => return answer,
            };
            let body = form.get("note").cloned().unwrap_or_default();
            gitlab.drafts.push((user, body, position));
            (201, Vec::new(), json!({"id": gitlab.drafts.len()}))
        }
        ("POST", ["draft_notes", "bulk_publish"]) => {
            let drafts: Vec<_> = gitlab
                .drafts
                .iter()
                .filter(|d| d.0 == user)
                .cloned()
                .collect();
            gitlab.drafts.retain(|d| d.0 != user);
            for (author, body, position) in drafts {
                gitlab.add_discussion(author, &body, Some(position), false);
            }
            (204, Vec::new(), Value::Null)
        }
        _ => error(404, "404 Not Found"),
    }
}

fn mr_json(gitlab: &Gitlab) -> Value {
    json!({
        "id": 9001,
        "iid": MR_IID,
        "project_id": PROJECT_ID,
        "web_url": format!("https://gitlab.example/support/ase/-/merge_requests/{MR_IID}"),
        "sha": gitlab.head(),
        "author": gitlab.user_json(ALICE_ID),
        "diff_refs": {"base_sha": BASE_SHA, "start_sha": START_SHA, "head_sha": gitlab.head()},
    })
}

/// GitLab's offset pagination: `page`, `per_page` (default 20, max 100), headers.
fn page(gitlab: &Gitlab, path: &str, query: &str, items: Vec<Value>) -> Answer {
    let params: BTreeMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let per_page = params
        .get("per_page")
        .and_then(|v| v.parse().ok())
        .unwrap_or(20usize)
        .clamp(1, 100);
    let size = gitlab.page_cap.map_or(per_page, |cap| cap.min(per_page));
    let page = params
        .get("page")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1usize)
        .max(1);
    let total_pages = items.len().div_ceil(size).max(1);
    let chunk: Vec<Value> = items
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .cloned()
        .collect();
    let next = match gitlab.next_page {
        Some(next) => next(page).to_string(),
        None if page < total_pages => (page + 1).to_string(),
        None => String::new(),
    };
    let mut headers = vec![
        ("x-page", page.to_string()),
        ("x-per-page", per_page.to_string()),
        ("x-total", items.len().to_string()),
        ("x-total-pages", total_pages.to_string()),
    ];
    if !gitlab.link_only {
        headers.push(("x-next-page", next.clone()));
    }
    if !next.is_empty() {
        let link = format!(
            "<{}{path}?page={next}&per_page={per_page}>; rel=\"next\"",
            gitlab.base_url
        );
        headers.push(("link", link));
    }
    (200, headers, Value::Array(chunk))
}

fn find_discussion<'a>(gitlab: &'a mut Gitlab, id: &str) -> Option<&'a mut FakeDiscussion> {
    gitlab.discussions.iter_mut().find(|d| d.id == id)
}

fn edit_note(
    gitlab: &mut Gitlab,
    user: u64,
    note: &str,
    form: &BTreeMap<String, String>,
) -> Answer {
    let id: u64 = note.parse().unwrap_or(0);
    let Some(found) = gitlab
        .discussions
        .iter_mut()
        .flat_map(|d| d.notes.iter_mut())
        .find(|n| n.id == id)
    else {
        return error(404, "404 Not found");
    };
    if found.author != user {
        return error(403, "403 Forbidden");
    }
    found.body = form.get("body").cloned().unwrap_or_default();
    (200, Vec::new(), json!({"id": id, "body": found.body}))
}

fn delete_note(gitlab: &mut Gitlab, user: u64, note: &str) -> Answer {
    let id: u64 = note.parse().unwrap_or(0);
    let author = gitlab
        .discussions
        .iter()
        .flat_map(|d| d.notes.iter())
        .find(|n| n.id == id)
        .map(|n| n.author);
    match author {
        None => error(404, "404 Not found"),
        Some(a) if a != user => error(403, "403 Forbidden"),
        Some(_) => {
            for d in &mut gitlab.discussions {
                d.notes.retain(|n| n.id != id);
            }
            gitlab.discussions.retain(|d| !d.notes.is_empty());
            (204, Vec::new(), Value::Null)
        }
    }
}

fn create_thread(gitlab: &mut Gitlab, user: u64, form: &BTreeMap<String, String>) -> Answer {
    let position = match validate_position(gitlab, form) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let body = form.get("body").cloned().unwrap_or_default();
    let id = gitlab.add_discussion(user, &body, Some(position), false);
    let json = gitlab
        .discussions
        .iter()
        .find(|d| d.id == id)
        .map(|d| gitlab.discussion_json(d));
    (201, Vec::new(), json.unwrap_or(Value::Null))
}

fn reply(gitlab: &mut Gitlab, user: u64, id: &str, form: &BTreeMap<String, String>) -> Answer {
    let note_id = gitlab.new_id();
    let Some(discussion) = find_discussion(gitlab, id) else {
        return error(404, "404 Discussion Not Found");
    };
    let resolved = discussion.notes.iter().all(|n| n.resolved);
    let resolvable = !discussion.individual_note;
    let body = form.get("body").cloned().unwrap_or_default();
    discussion.notes.push(FakeNote {
        id: note_id,
        body: body.clone(),
        author: user,
        resolvable,
        resolved: resolved && resolvable,
        position: None,
    });
    (201, Vec::new(), json!({"id": note_id, "body": body}))
}

fn resolve(gitlab: &mut Gitlab, user: u64, id: &str, form: &BTreeMap<String, String>) -> Answer {
    let developer = gitlab.users.iter().any(|u| u.id == user && u.developer);
    if !developer && user != ALICE_ID {
        return error(403, "403 Forbidden");
    }
    let resolved = form.get("resolved").map(String::as_str) == Some("true");
    let Some(discussion) = find_discussion(gitlab, id) else {
        return error(404, "404 Discussion Not Found");
    };
    for note in discussion.notes.iter_mut().filter(|n| n.resolvable) {
        note.resolved = resolved;
    }
    let json = gitlab
        .discussions
        .iter()
        .find(|d| d.id == id)
        .map(|d| gitlab.discussion_json(d));
    (200, Vec::new(), json.unwrap_or(Value::Null))
}

/// Checks a `position[…]` like GitLab: the newest version's shas, a file of the diff with
/// its real old path, and a line the diff shows with the right old/new lines.
fn validate_position(gitlab: &Gitlab, form: &BTreeMap<String, String>) -> Result<Value, Answer> {
    let field = |name: &str| form.get(&format!("position[{name}]")).cloned();
    let line_code = || {
        error(
            400,
            "400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}",
        )
    };
    let shas_ok = field("base_sha").as_deref() == Some(BASE_SHA)
        && field("start_sha").as_deref() == Some(START_SHA)
        && field("head_sha").as_deref() == Some(gitlab.head())
        && field("position_type").as_deref() == Some("text");
    if !shas_ok {
        return Err(error(400, "400 Bad request - position is outdated"));
    }
    let new_path = field("new_path").unwrap_or_default();
    let Some(file) = gitlab.diffs.iter().find(|d| d.new_path == new_path) else {
        return Err(line_code());
    };
    if field("old_path").as_deref() != Some(file.old_path.as_str()) {
        return Err(line_code());
    }
    let new_line: Option<u32> = field("new_line").and_then(|v| v.parse().ok());
    let old_line: Option<u32> = field("old_line").and_then(|v| v.parse().ok());
    let lines = DiffMap::parse(&file.diff);
    let valid = match (old_line, new_line) {
        (None, Some(new)) => lines.added.contains(&new),
        (Some(old), Some(new)) => lines.context.contains(&(old, new)),
        (Some(old), None) => lines.removed.contains(&old),
        (None, None) => false,
    };
    if !valid {
        return Err(line_code());
    }
    Ok(json!({
        "base_sha": BASE_SHA, "start_sha": START_SHA, "head_sha": gitlab.head(),
        "position_type": "text", "old_path": file.old_path, "new_path": new_path,
        "old_line": old_line, "new_line": new_line,
    }))
}

/// The fake's own reading of a unified diff (independent of the bot's).
#[derive(Debug, Default)]
pub struct DiffMap {
    pub added: BTreeSet<u32>,
    pub removed: BTreeSet<u32>,
    pub context: BTreeSet<(u32, u32)>,
}

impl DiffMap {
    pub fn parse(diff: &str) -> Self {
        let mut map = DiffMap::default();
        let (mut old, mut new) = (0u32, 0u32);
        for line in diff.lines() {
            if let Some(header) = line.strip_prefix("@@ -") {
                let mut parts = header.split(' ');
                let start = |part: Option<&str>| {
                    part.and_then(|p| p.trim_start_matches('+').split(',').next()?.parse().ok())
                        .unwrap_or(0)
                };
                old = start(parts.next());
                new = start(parts.next());
                continue;
            }
            match line.chars().next() {
                Some('+') => {
                    map.added.insert(new);
                    new += 1;
                }
                Some('-') => {
                    map.removed.insert(old);
                    old += 1;
                }
                Some(' ') => {
                    map.context.insert((old, new));
                    old += 1;
                    new += 1;
                }
                _ => {}
            }
        }
        map
    }
}

/// A unified diff of two texts with three lines of context (LCS over lines).
pub fn unified_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // (kind, old index, new index) with kind ' ', '-', '+'.
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', i, j));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ops.push(('+', i, j));
            j += 1;
        } else {
            ops.push(('-', i, j));
            i += 1;
        }
    }
    let changes: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(k, _)| k)
        .collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changes.len() {
        let first = changes[k];
        let mut last = first;
        while k + 1 < changes.len() && changes[k + 1] - last <= 6 {
            k += 1;
            last = changes[k];
        }
        k += 1;
        out.push_str(&hunk(&ops, &a, &b, first, last));
    }
    out
}

/// One hunk: the changes `first..=last` (op indices) with three lines of context.
fn hunk(ops: &[(char, usize, usize)], a: &[&str], b: &[&str], first: usize, last: usize) -> String {
    let from = first.saturating_sub(3);
    let to = (last + 4).min(ops.len());
    let slice = &ops[from..to];
    let old_len = slice.iter().filter(|o| o.0 != '+').count();
    let new_len = slice.iter().filter(|o| o.0 != '-').count();
    let (_, old_at, new_at) = slice[0];
    let old_start = if old_len == 0 { old_at } else { old_at + 1 };
    let new_start = if new_len == 0 { new_at } else { new_at + 1 };
    let mut text = format!("@@ -{old_start},{old_len} +{new_start},{new_len} @@\n");
    for &(kind, i, j) in slice {
        let line = if kind == '+' { b[j] } else { a[i] };
        text.push(kind);
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// A temporary project checkout.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        let _ = std::fs::remove_file(self.dir.path().join(rel));
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
}

/// `ase-lint ci` against `fake`, in `work`, with the bot's token unless `env` overrides it.
pub fn bot(fake: &FakeGitlab, work: &Workspace) -> Command {
    bot_at(&fake.api_url(), work)
}

/// `ase-lint ci` against the API at `api_url`, in `work`, with the bot's token.
pub fn bot_at(api_url: &str, work: &Workspace) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ase-lint"));
    command
        .arg("ci")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("CI_API_V4_URL", api_url)
        .env("CI_MERGE_REQUEST_PROJECT_ID", PROJECT_ID.to_string())
        .env("CI_MERGE_REQUEST_IID", MR_IID.to_string())
        .env("CI_PROJECT_DIR", work.path())
        .env("ASE_LINT_TOKEN", BOT_TOKEN)
        .env("ASE_LINT_RETRY_BASE_MS", "10")
        .env("NO_COLOR", "1")
        .current_dir(work.path());
    command
}

/// Runs the command and returns its output.
pub fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
