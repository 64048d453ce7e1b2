//! The HTTP transport under the `gitlab` crate's endpoints: a small reqwest (rustls)
//! client implementing the crate's [`RestClient`]/[`AsyncClient`] traits, so its endpoint
//! builders run over it against any `http(s)` API URL (path prefix included).
//!
//! It adds what the crate leaves to the client: a timeout on every request, retries
//! (see [`super::retry`]), slowing down on `RateLimit-Remaining`, pacing of note
//! creation, a read-only mode for `--dry-run`, debug logs with the token redacted, and
//! offset pagination that follows `x-next-page`/`Link` to the end (the crate's own stops
//! at the first short page, which GitLab may send while more pages exist), at most
//! `max_pages` pages and never the same page twice.
//!
//! The token goes only to the API's own origin: redirects to another scheme, host or port
//! are not followed (the `PRIVATE-TOKEN` header would go with them), and neither are
//! `Link` headers pointing elsewhere; within the origin, only 307/308 redirects are
//! followed (a 301/302/303 would turn a POST into a GET and lose the note). Every error the client returns is scrubbed of the
//! token and names the request by method and path, never by its full URL.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use async_trait::async_trait;
use bytes::Bytes;
use gitlab::api::{ApiError, AsyncClient, AsyncQuery, Endpoint, RestClient};
use http::{HeaderMap, HeaderValue, Method};
use serde::de::DeserializeOwned;
use url::Url;

use super::error::{Error, shorten};
use super::retry::{self, Outcome, Pacer, RetryPolicy};
use super::secret::Credentials;

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The API root, e.g. `https://gitlab.com/api/v4`.
    pub api_url: Url,
    pub credentials: Credentials,
    /// Timeout of each request.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Note creations allowed per minute (GitLab.com allows 60).
    pub notes_per_minute: usize,
    /// Log every request and answer to stderr (token redacted).
    pub verbose: bool,
    /// Refuse every request but GET (`--dry-run`).
    pub read_only: bool,
    /// Most pages read from one list.
    pub max_pages: usize,
}

/// A failure below HTTP statuses.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("{method} {path}: {message}")]
    Request {
        method: Method,
        path: String,
        message: String,
    },
    #[error("{method} {path}: not sent (read-only run)")]
    ReadOnly { method: Method, path: String },
    #[error("cannot build the request: {0}")]
    Build(String),
}

/// The largest answer body read (raw files are further held to `limits.max_file_bytes`).
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The GitLab API client.
#[derive(Debug)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    options: ClientOptions,
    pacer: Mutex<Pacer>,
    /// No request is sent before this instant (set from rate-limit headers).
    not_before: Mutex<Option<Instant>>,
    requests: AtomicUsize,
    writes: AtomicUsize,
}

/// An answer with its status, headers and body.
type Answer = http::Response<Bytes>;

impl Client {
    /// Builds the client; the API URL gets a trailing `/` so endpoint paths join below it.
    pub fn new(mut options: ClientOptions) -> Result<Self, Error> {
        if !options.api_url.path().ends_with('/') {
            let path = format!("{}/", options.api_url.path());
            options.api_url.set_path(&path);
        }
        let http = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .redirect(same_origin_redirects())
            .user_agent(concat!("ase-lint/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Transport {
                what: "setting up the HTTP client".into(),
                message: e.to_string(),
            })?;
        Ok(Self {
            http,
            base: options.api_url.clone(),
            pacer: Mutex::new(Pacer::new(options.notes_per_minute)),
            not_before: Mutex::new(None),
            requests: AtomicUsize::new(0),
            writes: AtomicUsize::new(0),
            options,
        })
    }

    /// Requests sent so far (each attempt counts).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Requests other than GET sent so far.
    pub fn writes(&self) -> usize {
        self.writes.load(Ordering::Relaxed)
    }

    /// The credentials in use.
    pub fn credentials(&self) -> &Credentials {
        &self.options.credentials
    }

    /// Runs one endpoint and decodes its JSON answer.
    pub async fn query<T, E>(&self, what: &str, endpoint: &E) -> Result<T, Error>
    where
        T: DeserializeOwned + Send + 'static,
        E: Endpoint + Sync,
    {
        endpoint
            .query_async(self)
            .await
            .map_err(|e| self.error(Error::from_api(what, e)))
    }

    /// Runs one endpoint and returns its answer's bytes as they are.
    pub async fn raw<E>(&self, what: &str, endpoint: &E) -> Result<Vec<u8>, Error>
    where
        E: Endpoint + Sync,
    {
        gitlab::api::raw(endpoint)
            .query_async(self)
            .await
            .map_err(|e| self.error(Error::from_api(what, e)))
    }

    /// Runs one endpoint whose answer body does not matter.
    pub async fn execute<E>(&self, what: &str, endpoint: &E) -> Result<(), Error>
    where
        E: Endpoint + Sync,
    {
        gitlab::api::ignore(endpoint)
            .query_async(self)
            .await
            .map_err(|e| self.error(Error::from_api(what, e)))
    }

    /// Reads every page of a list endpoint, following `x-next-page` (or the `Link`
    /// header's `next`) until GitLab says there is none; a short page is not the end.
    /// Stops with an error after `max_pages` pages, or when the next page is one already
    /// read, so a server that always announces another page cannot keep the run going.
    pub async fn get_all<T, E>(&self, what: &str, endpoint: &E) -> Result<Vec<T>, Error>
    where
        T: DeserializeOwned,
        E: Endpoint + Sync,
    {
        self.read_pages(what, endpoint)
            .await
            .map_err(|e| self.error(e))
    }

    async fn read_pages<T, E>(&self, what: &str, endpoint: &E) -> Result<Vec<T>, Error>
    where
        T: DeserializeOwned,
        E: Endpoint + Sync,
    {
        let mut url = endpoint
            .url_base()
            .endpoint_for(self, &endpoint.endpoint())
            .map_err(|e| Error::from_api(what, e))?;
        endpoint.parameters().add_to_url(&mut url);
        url.query_pairs_mut()
            .append_pair("per_page", "100")
            .append_pair("page", "1");
        let transport = |message: String| Error::Transport {
            what: what.into(),
            message,
        };
        let max_pages = self.options.max_pages.max(1);
        let mut items = Vec::new();
        let mut seen = HashSet::new();
        for _ in 0..max_pages {
            if !seen.insert(url.to_string()) {
                return Err(transport(format!(
                    "GitLab's next page is one already read (after {} page(s)); stopped reading \
                     the list",
                    seen.len()
                )));
            }
            let answer = self
                .send(Method::GET, url.clone(), HeaderMap::new(), Vec::new())
                .await
                .map_err(|e| transport(e.to_string()))?;
            items.extend(decode_page::<T>(what, &answer)?);
            match next_page(&url, answer.headers(), &self.base) {
                Some(next) => url = next,
                None => return Ok(items),
            }
        }
        Err(transport(format!(
            "GitLab still announced a next page after {max_pages} pages; stopped reading the \
             list (the bot reads at most {max_pages} pages of 100 items)"
        )))
    }

    /// `error` with the token scrubbed from its text.
    fn error(&self, error: Error) -> Error {
        error.scrubbed(&self.options.credentials)
    }

    /// Sends one request with retries, pacing and logging.
    async fn send(
        &self,
        method: Method,
        url: Url,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<Answer, TransportError> {
        let path = url.path().to_owned();
        if self.options.read_only && method != Method::GET {
            return Err(TransportError::ReadOnly { method, path });
        }
        if is_note_creation(&method, &path) {
            self.pace().await;
        }
        let mut attempt = 0;
        loop {
            self.wait_for_rate_limit().await;
            let sent = self.send_once(&method, &url, &headers, &body).await;
            let outcome = match &sent {
                Ok(answer) => retry::after_status(
                    &self.options.retry,
                    &method,
                    answer.status(),
                    answer.headers(),
                    attempt,
                ),
                Err((_, connect)) => {
                    retry::after_failure(&self.options.retry, &method, *connect, attempt)
                }
            };
            match (outcome, sent) {
                (Outcome::Retry(wait), _) => {
                    self.debug(&format!(
                        "retrying {method} {path} in {} ms",
                        wait.as_millis()
                    ));
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                (Outcome::Done, Ok(answer)) => return Ok(answer),
                (Outcome::Done, Err((message, _))) => {
                    let message = if attempt > 0 {
                        format!("{message} (gave up after {} attempts)", attempt + 1)
                    } else {
                        message
                    };
                    return Err(TransportError::Request {
                        method,
                        path,
                        message,
                    });
                }
            }
        }
    }

    /// One attempt. Errors carry a message and whether the connection failed (safe to
    /// repeat for any method).
    async fn send_once(
        &self,
        method: &Method,
        url: &Url,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Answer, (String, bool)> {
        let mut headers = headers.clone();
        if let Some((name, secret)) = self.options.credentials.header() {
            let mut value = HeaderValue::from_str(secret.expose()).map_err(|_| {
                (
                    "the token holds characters not allowed in a header".to_owned(),
                    false,
                )
            })?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }
        self.requests.fetch_add(1, Ordering::Relaxed);
        if *method != Method::GET {
            self.writes.fetch_add(1, Ordering::Relaxed);
        }
        self.debug(&format!(
            "→ {method} {} {}",
            shown_url(url),
            redacted_headers(&headers)
        ));
        let started = Instant::now();
        let request = self
            .http
            .request(method.clone(), url.clone())
            .headers(headers)
            .body(body.to_vec());
        let response = request.send().await.map_err(|e| self.failure(e, url))?;
        let status = response.status();
        let response_headers = response.headers().clone();
        let bytes = self.read_body(response, url).await?;
        self.debug(&format!(
            "← {} {method} {} ({} ms)",
            status.as_u16(),
            url.path(),
            started.elapsed().as_millis()
        ));
        self.note_rate_limit(&response_headers);
        let mut answer = http::Response::new(bytes);
        *answer.status_mut() = status;
        *answer.headers_mut() = response_headers;
        Ok(answer)
    }

    /// An answer's body, read chunk by chunk up to [`MAX_BODY_BYTES`] (a larger one is an
    /// error, not a memory exhaustion).
    async fn read_body(
        &self,
        mut response: reqwest::Response,
        url: &Url,
    ) -> Result<bytes::Bytes, (String, bool)> {
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.failure(e, url))? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err((
                    format!("GitLab's answer is larger than {MAX_BODY_BYTES} bytes; not read"),
                    false,
                ));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(bytes::Bytes::from(body))
    }

    /// Why a request got no answer, in words (without the URL, which may hold
    /// credentials), and whether the connection failed (safe to repeat for any method).
    fn failure(&self, error: reqwest::Error, url: &Url) -> (String, bool) {
        let connect = error.is_connect();
        let message = if error.is_timeout() {
            format!("no answer within {} s", self.options.timeout.as_secs_f64())
        } else if connect {
            format!(
                "cannot connect to {}: {}",
                host_and_port(url),
                root_cause(&error)
            )
        } else {
            error_chain(&error.without_url())
        };
        let message = self.options.credentials.scrub(&message);
        self.debug(&format!("request failed: {message}"));
        (message, connect)
    }

    fn note_rate_limit(&self, headers: &HeaderMap) {
        let cap = self.options.retry.max_delay.min(Duration::from_secs(10));
        if let Some(pause) = retry::rate_limit_pause(headers, SystemTime::now(), cap)
            && let Ok(mut not_before) = self.not_before.lock()
        {
            self.debug(&format!(
                "few requests left in the rate limit; pausing {} ms",
                pause.as_millis()
            ));
            *not_before = Some(Instant::now() + pause);
        }
    }

    async fn wait_for_rate_limit(&self) {
        let until = self.not_before.lock().ok().and_then(|guard| *guard);
        if let Some(until) = until {
            tokio::time::sleep_until(until.into()).await;
        }
    }

    async fn pace(&self) {
        let wait = self
            .pacer
            .lock()
            .map(|mut pacer| pacer.reserve(Instant::now()))
            .unwrap_or_default();
        if !wait.is_zero() {
            self.debug(&format!(
                "note creation limit: waiting {} ms",
                wait.as_millis()
            ));
            tokio::time::sleep(wait).await;
        }
    }

    fn debug(&self, message: &str) {
        if self.options.verbose {
            eprintln!(
                "ase-lint: debug: {}",
                self.options.credentials.scrub(message)
            );
        }
    }
}

impl RestClient for Client {
    type Error = TransportError;

    fn rest_endpoint(&self, endpoint: &str) -> Result<Url, ApiError<Self::Error>> {
        Ok(self.base.join(endpoint)?)
    }
}

#[async_trait]
impl AsyncClient for Client {
    async fn rest_async(
        &self,
        request: http::request::Builder,
        body: Vec<u8>,
    ) -> Result<http::Response<Bytes>, ApiError<Self::Error>> {
        let (parts, ()) = request
            .body(())
            .map_err(|e| ApiError::client(TransportError::Build(e.to_string())))?
            .into_parts();
        let url = Url::parse(&parts.uri.to_string())?;
        self.send(parts.method, url, parts.headers, body)
            .await
            .map_err(ApiError::client)
    }
}

/// True for requests that create a note (GitLab limits these per minute).
pub fn is_note_creation(method: &Method, path: &str) -> bool {
    *method == Method::POST
        && (path.ends_with("/notes")
            || path.ends_with("/discussions")
            || path.ends_with("/draft_notes"))
}

fn decode_page<T: DeserializeOwned>(what: &str, answer: &Answer) -> Result<Vec<T>, Error> {
    let status = answer.status();
    if !status.is_success() {
        return Err(Error::Status {
            what: what.into(),
            status: status.as_u16(),
            message: gitlab_message(answer.body()),
        });
    }
    serde_json::from_slice(answer.body()).map_err(|e| Error::Decode {
        what: what.into(),
        message: e.to_string(),
    })
}

/// GitLab's `message`/`error` field, or the body's start.
fn gitlab_message(body: &[u8]) -> String {
    let value: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let field = value
        .as_ref()
        .and_then(|v| v.get("message").or_else(|| v.get("error")));
    match field {
        Some(serde_json::Value::String(s)) => shorten(s),
        Some(other) => shorten(&other.to_string()),
        None => shorten(&String::from_utf8_lossy(body)),
    }
}

/// The next page's URL: `x-next-page` (empty on the last page), else `Link: <…>;
/// rel="next"` when it points at the same API (the token is never sent elsewhere).
pub fn next_page(current: &Url, headers: &HeaderMap, base: &Url) -> Option<Url> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(next) = header("x-next-page") {
        return next
            .parse::<u64>()
            .ok()
            .map(|page| with_page(current, page));
    }
    let next = header("link").and_then(link_next)?;
    let url = Url::parse(next).ok()?;
    let same_api = url.origin() == base.origin() && url.path().starts_with(base.path());
    same_api.then_some(url)
}

fn with_page(url: &Url, page: u64) -> Url {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut next = url.clone();
    next.query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair("page", &page.to_string());
    next
}

/// The `rel="next"` target of a `Link` header.
fn link_next(link: &str) -> Option<&str> {
    link.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let is_next = params
            .split(';')
            .any(|p| matches!(p.trim(), "rel=\"next\"" | "rel=next"));
        is_next.then(|| target.trim().trim_start_matches('<').trim_end_matches('>'))
    })
}

fn redacted_headers(headers: &HeaderMap) -> String {
    let shown: Vec<String> = headers
        .iter()
        .map(|(name, value)| {
            let sensitive = value.is_sensitive()
                || matches!(
                    name.as_str(),
                    "private-token" | "job-token" | "authorization" | "cookie"
                );
            let text = if sensitive {
                "[redacted]"
            } else {
                value.to_str().unwrap_or("<binary>")
            };
            format!("{name}: {text}")
        })
        .collect();
    format!("[{}]", shown.join(", "))
}

/// Follows a redirect only within the origin the request went to, since the token header
/// must not travel to another host (reqwest drops only `Authorization` and cookies on
/// cross-host redirects, not `PRIVATE-TOKEN`/`JOB-TOKEN`), and only a 307/308, which keep
/// the method and body. The 3xx answer of any other redirect is the request's answer.
fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let keeps_method = matches!(attempt.status().as_u16(), 307 | 308);
        let same_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if keeps_method && same_origin && attempt.previous().len() < 10 {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

/// `url` as it may be printed: no user name or password, and the value of any query
/// parameter that looks like a secret (`private_token`, `job_token`, …) replaced.
pub fn shown_url(url: &Url) -> String {
    let mut shown = url.clone();
    if !shown.username().is_empty() || shown.password().is_some() {
        // Cannot fail: the URL has a host, since it has credentials.
        let _ = shown.set_username("redacted");
        let _ = shown.set_password(None);
    }
    let secret = |name: &str| {
        let name = name.to_ascii_lowercase();
        ["token", "password", "secret"]
            .iter()
            .any(|word| name.contains(word))
    };
    if shown.query_pairs().any(|(name, _)| secret(&name)) {
        let pairs: Vec<(String, String)> = shown
            .query_pairs()
            .map(|(name, value)| {
                let value = if secret(&name) {
                    "redacted".into()
                } else {
                    value
                };
                (name.into_owned(), value.into_owned())
            })
            .collect();
        shown.query_pairs_mut().clear().extend_pairs(pairs);
    }
    shown.to_string()
}

/// `host:port` of `url`, for messages.
fn host_and_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or("?");
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }
}

/// The innermost cause of an error (e.g. "Connection refused (os error 111)").
fn root_cause(error: &dyn std::error::Error) -> String {
    let mut cause = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}

/// An error with its causes (reqwest's top level message alone says little).
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn next_page_follows_x_next_page_then_link() {
        let base = Url::parse("http://127.0.0.1:9/api/v4/").unwrap();
        let current = Url::parse("http://127.0.0.1:9/api/v4/x?per_page=100&page=1").unwrap();
        let next = next_page(&current, &headers(&[("x-next-page", "2")]), &base).unwrap();
        assert_eq!(
            next.as_str(),
            "http://127.0.0.1:9/api/v4/x?per_page=100&page=2"
        );
        assert_eq!(
            next_page(&current, &headers(&[("x-next-page", "")]), &base),
            None
        );
        let link = "<http://127.0.0.1:9/api/v4/x?page=3&per_page=100>; rel=\"next\", <http://127.0.0.1:9/api/v4/x?page=1>; rel=\"first\"";
        let next = next_page(&current, &headers(&[("link", link)]), &base).unwrap();
        assert_eq!(next.query(), Some("page=3&per_page=100"));
    }

    #[test]
    fn link_to_another_host_is_not_followed() {
        let base = Url::parse("http://127.0.0.1:9/api/v4/").unwrap();
        let current = Url::parse("http://127.0.0.1:9/api/v4/x?page=1").unwrap();
        let link = "<http://evil.example/api/v4/x?page=2>; rel=\"next\"";
        assert_eq!(
            next_page(&current, &headers(&[("link", link)]), &base),
            None
        );
    }

    #[test]
    fn token_headers_are_redacted_in_logs() {
        let shown = redacted_headers(&headers(&[
            ("private-token", "glpat-secret"),
            ("accept", "x"),
        ]));
        assert_eq!(shown, "[private-token: [redacted], accept: x]");
    }

    #[test]
    fn shown_urls_hide_credentials_and_token_parameters() {
        let url = Url::parse(
            "https://oauth2:s3cret-pw@gitlab.example/api/v4/x?private_token=glpat-1&page=2",
        )
        .unwrap();
        let shown = shown_url(&url);
        assert_eq!(
            shown,
            "https://redacted@gitlab.example/api/v4/x?private_token=redacted&page=2"
        );
        let plain = Url::parse("http://127.0.0.1:9/api/v4/x?per_page=100&page=1").unwrap();
        assert_eq!(shown_url(&plain), plain.as_str());
    }

    #[test]
    fn note_creations_are_recognised() {
        assert!(is_note_creation(
            &Method::POST,
            "/api/v4/projects/1/merge_requests/2/discussions"
        ));
        assert!(is_note_creation(
            &Method::POST,
            "/api/v4/projects/1/merge_requests/2/discussions/ab/notes"
        ));
        assert!(!is_note_creation(
            &Method::PUT,
            "/api/v4/projects/1/merge_requests/2/notes/3"
        ));
        assert!(!is_note_creation(
            &Method::POST,
            "/api/v4/projects/1/merge_requests/2/draft_notes/bulk_publish"
        ));
    }
}
