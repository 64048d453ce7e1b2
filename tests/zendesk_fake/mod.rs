//! A stateful fake Zendesk for `ase-lint verify` tests, on 127.0.0.1, and helpers to run
//! the real binary against it.
//!
//! It behaves like Zendesk's API where verify depends on it: `GET
//! /api/v2/organizations/show_many.json?ids=…` and `GET /api/v2/users/show_many.json?ids=…`
//! (at most 100 ids, else 400; unknown ids left out), basic auth `{email}/token:{token}`
//! or a bearer token (else 401), organizations with custom `organization_fields`, users
//! with `role`, `active`, `suspended`. Faults are injected per path (any status with
//! `Retry-After` and a raw body, or a delayed answer), once each. Every request is
//! recorded (method, path, ids, whether its credentials were right), and the most
//! requests in flight at once.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::{Value, json};

pub const EMAIL: &str = "verify-bot@example.com";
pub const API_TOKEN: &str = "zd-api-token-0123456789abcdef";
pub const OAUTH_TOKEN: &str = "zd-oauth-token-9876543210fedcba";

/// One recorded request.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: Method,
    pub path: String,
    /// The `ids` asked for.
    pub ids: Vec<u64>,
    pub authorised: bool,
    pub status: u16,
}

/// An injected answer for the next request whose path ends with `path_suffix`.
#[derive(Debug, Clone)]
pub struct Fault {
    pub path_suffix: String,
    /// 0: the normal answer (after `delay`).
    pub status: u16,
    pub retry_after: Option<u64>,
    pub body: Option<String>,
    pub delay: Duration,
}

impl Fault {
    pub fn status(path_suffix: &str, status: u16) -> Self {
        Self {
            path_suffix: path_suffix.to_owned(),
            status,
            retry_after: None,
            body: None,
            delay: Duration::ZERO,
        }
    }

    /// The normal answer, `delay` late.
    pub fn slow(path_suffix: &str, delay: Duration) -> Self {
        Self {
            delay,
            ..Self::status(path_suffix, 0)
        }
    }

    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = Some(body.to_owned());
        self
    }
}

/// The fake's state.
#[derive(Debug, Default)]
pub struct Zendesk {
    pub orgs: BTreeMap<u64, Value>,
    pub users: BTreeMap<u64, Value>,
    pub faults: Vec<Fault>,
    pub log: Vec<Logged>,
    /// Every answer this late (to see concurrency).
    pub delay_all: Duration,
    in_flight: usize,
    pub max_in_flight: usize,
    /// Echo the request's `Authorization` header in 401 bodies (a careless server).
    pub echo_auth: bool,
}

impl Zendesk {
    /// An organization with the ASE set and the subscription on.
    pub fn org(&mut self, id: u64, name: &str, assigned_se: Value, sub: Value) {
        let record = json!({
            "id": id, "name": name,
            "organization_fields": {"assigned_se": assigned_se, "sub_ss_ase": sub,
                                    "org_region": "AMER"},
        });
        self.orgs.insert(id, record);
    }

    /// A user.
    pub fn user(&mut self, id: u64, name: &str, role: &str, active: bool, suspended: bool) {
        let record = json!({"id": id, "name": name, "role": role, "active": active,
                            "suspended": suspended, "email": format!("u{id}@example.com")});
        self.users.insert(id, record);
    }

    /// Requests to `path_suffix`.
    pub fn requests_to(&self, path_suffix: &str) -> Vec<&Logged> {
        self.log
            .iter()
            .filter(|l| l.path.ends_with(path_suffix))
            .collect()
    }
}

/// A running fake Zendesk.
pub type FakeZendesk = crate::loopback::Fake<Zendesk>;

type Shared = Arc<Mutex<Zendesk>>;

impl FakeZendesk {
    /// Starts the server on 127.0.0.1 (a free port) in a background thread.
    pub fn start() -> Self {
        Self::serve(Zendesk::default(), handle)
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Standard base64 (for the expected basic-auth header).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The basic-auth value verify must send.
pub fn basic_value() -> String {
    base64(format!("{EMAIL}/token:{API_TOKEN}").as_bytes())
}

fn authorised(headers: &HeaderMap) -> bool {
    let value = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    value == format!("Basic {}", basic_value()) || value == format!("Bearer {OAUTH_TOKEN}")
}

fn ids_of(uri: &Uri) -> Vec<u64> {
    let query = uri.query().unwrap_or("");
    url::form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k == "ids")
        .flat_map(|(_, v)| {
            v.split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect::<Vec<u64>>()
        })
        .collect()
}

fn respond(status: u16, retry_after: Option<u64>, body: String) -> Response {
    let mut builder = Response::builder()
        .status(status)
        .header("content-type", "application/json");
    if let Some(seconds) = retry_after {
        builder = builder.header("retry-after", seconds.to_string());
    }
    builder.body(Body::from(body)).unwrap()
}

async fn handle(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let path = uri.path().to_owned();
    let (fault, delay, index) = {
        let mut s = state.lock().unwrap();
        // Logged on arrival: a request given up on (timeout) is cancelled, never answered.
        s.log.push(Logged {
            method: method.clone(),
            path: path.clone(),
            ids: ids_of(&uri),
            authorised: authorised(&headers),
            status: 0,
        });
        let index = s.log.len() - 1;
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
        let at = s.faults.iter().position(|f| path.ends_with(&f.path_suffix));
        let fault = at.map(|i| s.faults.remove(i));
        (fault, s.delay_all, index)
    };
    let delay = delay + fault.as_ref().map_or(Duration::ZERO, |f| f.delay);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let mut s = state.lock().unwrap();
    s.in_flight -= 1;
    answer(&mut s, index, &method, &path, &uri, &headers, fault)
}

fn answer(
    s: &mut Zendesk,
    index: usize,
    method: &Method,
    path: &str,
    uri: &Uri,
    headers: &HeaderMap,
    fault: Option<Fault>,
) -> Response {
    let ids = ids_of(uri);
    let ok = authorised(headers);
    let (status, retry_after, body) = match fault {
        Some(f) if f.status != 0 => (
            f.status,
            f.retry_after,
            f.body
                .unwrap_or_else(|| json!({"error": format!("{} injected", f.status)}).to_string()),
        ),
        _ => normal(s, method, path, &ids, ok, headers),
    };
    s.log[index].status = status;
    respond(status, retry_after, body)
}

fn normal(
    s: &Zendesk,
    method: &Method,
    path: &str,
    ids: &[u64],
    ok: bool,
    headers: &HeaderMap,
) -> (u16, Option<u64>, String) {
    if *method != Method::GET {
        return (
            405,
            None,
            json!({"error": "method not allowed"}).to_string(),
        );
    }
    if !ok {
        let shown = if s.echo_auth {
            format!(
                "Couldn't authenticate you with {}",
                headers
                    .get("authorization")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
            )
        } else {
            "Couldn't authenticate you".to_owned()
        };
        return (401, None, json!({"error": shown}).to_string());
    }
    if ids.len() > 100 {
        return (400, None, json!({"error": "too many ids"}).to_string());
    }
    let (key, records) = match path {
        "/api/v2/organizations/show_many.json" => ("organizations", &s.orgs),
        "/api/v2/users/show_many.json" => ("users", &s.users),
        _ => return (404, None, json!({"error": "InvalidEndpoint"}).to_string()),
    };
    let found: Vec<&Value> = ids.iter().filter_map(|id| records.get(id)).collect();
    (
        200,
        None,
        json!({ key: found, "next_page": null, "count": found.len() }).to_string(),
    )
}

/// A README row: account, ASE, org name, org id, user id.
pub fn row(account: &str, ase: &str, org_name: &str, org_id: u64, user_id: u64) -> String {
    format!(
        "| {account} | {ase} | AMER | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) | | {org_name} | {org_id} | {user_id} |\n"
    )
}

pub const HEADER: &str = "| Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|---|\n";

/// A README holding `rows`; line of the first row: 5.
pub fn readme(rows: &[String]) -> String {
    format!("# Assigned Support Engineers\n\n{HEADER}{}", rows.concat())
}

/// The first row's line in [`readme`].
pub const FIRST_ROW_LINE: usize = 5;

/// A folder with `README.md` holding `rows`.
pub fn workspace(rows: &[String]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), readme(rows)).unwrap();
    dir
}

/// `ase-lint verify --zendesk-url <fake>` in `dir`, with API-token credentials.
pub fn verify(fake: &FakeZendesk, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ase-lint"));
    command
        .arg("verify")
        .arg("--zendesk-url")
        .arg(fake.url())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("ZENDESK_EMAIL", EMAIL)
        .env("ZENDESK_API_TOKEN", API_TOKEN)
        .env("ASE_LINT_RETRY_BASE_MS", "10")
        .env("NO_COLOR", "1")
        .current_dir(dir);
    command
}

pub fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The JSON report's diagnostics as (rule, severity, line, column).
pub fn findings(output: &Output) -> Vec<(String, String, u64)> {
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Paths of report files in `dir`.
pub fn file(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}
