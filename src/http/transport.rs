//! The one HTTP transport under every API client (GitLab, Zendesk): a reqwest (rustls)
//! client with a timeout on every request, retries (see [`super::retry`]), slowing down
//! on `RateLimit-Remaining`, pacing of the requests a client marks (GitLab's note
//! creation), a read-only mode that refuses every method but GET, debug logs with every
//! secret redacted, and a cap on the size of an answer.
//!
//! Origin pinning: the credentials go only to the API's own origin. A request to another
//! scheme, host or port is refused before it is sent; redirects elsewhere are not followed
//! (reqwest drops only `Authorization` and cookies on cross-host redirects, not
//! `PRIVATE-TOKEN`/`JOB-TOKEN`), and within the origin only 307/308 are followed (a
//! 301/302/303 would turn a POST into a GET). Every error is scrubbed of the secrets and
//! names the request by method and path, never by its full URL.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method};
use url::Url;

use super::redact::{error_chain, host_and_port, redacted_headers, root_cause, shown_url};
use super::retry::{self, Pacer, RetryDecision, RetryPolicy};
use super::secret::Secret;

/// The largest answer body read (raw files are further held to `limits.max_file_bytes`).
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// An answer with its status, headers and body.
pub type Answer = http::Response<Bytes>;

/// How the transport behaves.
#[derive(Debug, Clone)]
pub struct TransportOptions {
    /// Who answers, for messages: `GitLab`, `Zendesk`.
    pub service: &'static str,
    /// The API root; requests go to its origin only.
    pub base: Url,
    /// Timeout of each request.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Paced requests allowed per minute (see [`Transport::send`]).
    pub paced_per_minute: usize,
    /// Log every request and answer to stderr (secrets redacted).
    pub verbose: bool,
    /// Refuse every request but GET.
    pub read_only: bool,
}

/// The header that authenticates every request, and every secret to scrub from text.
#[derive(Debug, Clone)]
pub struct Auth {
    header: &'static str,
    value: Secret,
    secrets: Vec<Secret>,
}

impl Auth {
    /// `header: value`; `value` is scrubbed from every text printed.
    pub fn new(header: &'static str, value: Secret) -> Self {
        Self {
            header,
            secrets: vec![value.clone()],
            value,
        }
    }

    /// Also scrubs `secret` (e.g. the token inside an encoded header value).
    pub fn scrubbing(mut self, secret: Secret) -> Self {
        self.secrets.push(secret);
        self
    }
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

/// The transport: one per API.
#[derive(Debug)]
pub struct Transport {
    http: reqwest::Client,
    options: TransportOptions,
    auth: Option<Auth>,
    pacer: Mutex<Pacer>,
    /// No request is sent before this instant (set from rate-limit headers).
    not_before: Mutex<Option<Instant>>,
    requests: AtomicUsize,
    writes: AtomicUsize,
}

impl Transport {
    /// Builds the transport; `Err` says why the HTTP client cannot be set up.
    pub fn new(options: TransportOptions, auth: Option<Auth>) -> Result<Self, String> {
        let http = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .redirect(same_origin_redirects())
            .user_agent(concat!("ase-lint/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Self {
            http,
            pacer: Mutex::new(Pacer::new(options.paced_per_minute)),
            options,
            auth,
            not_before: Mutex::new(None),
            requests: AtomicUsize::new(0),
            writes: AtomicUsize::new(0),
        })
    }

    /// The options it was built with.
    pub fn options(&self) -> &TransportOptions {
        &self.options
    }

    /// Requests sent so far (each attempt counts).
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Requests other than GET sent so far.
    pub fn writes(&self) -> usize {
        self.writes.load(Ordering::Relaxed)
    }

    /// `text` with every secret scrubbed.
    pub fn scrub(&self, text: &str) -> String {
        let secrets = self.auth.iter().flat_map(|auth| &auth.secrets);
        secrets.fold(text.to_owned(), |text, secret| secret.scrub(&text))
    }

    /// Sends one request with retries and logging; `paced` requests are held to
    /// `paced_per_minute`.
    pub async fn send(
        &self,
        method: Method,
        url: Url,
        headers: HeaderMap,
        body: Vec<u8>,
        paced: bool,
    ) -> Result<Answer, TransportError> {
        let path = url.path().to_owned();
        if url.origin() != self.options.base.origin() {
            let message = format!(
                "not sent: {} is not {}'s address ({})",
                host_and_port(&url),
                self.options.service,
                host_and_port(&self.options.base)
            );
            return Err(TransportError::Request {
                method,
                path,
                message,
            });
        }
        if self.options.read_only && method != Method::GET {
            return Err(TransportError::ReadOnly { method, path });
        }
        if paced {
            self.pace().await;
        }
        self.send_with_retries(method, &url, &headers, &body).await
    }

    async fn send_with_retries(
        &self,
        method: Method,
        url: &Url,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Answer, TransportError> {
        let path = url.path().to_owned();
        let mut attempt = 0;
        loop {
            self.wait_for_rate_limit().await;
            let sent = self.send_once(&method, url, headers, body).await;
            let policy = &self.options.retry;
            let outcome = match &sent {
                Ok(answer) => {
                    retry::after_status(policy, &method, answer.status(), answer.headers(), attempt)
                }
                Err((_, connect)) => retry::after_failure(policy, &method, *connect, attempt),
            };
            match (outcome, sent) {
                (RetryDecision::Retry(wait), _) => {
                    self.debug(&format!(
                        "retrying {method} {path} in {} ms",
                        wait.as_millis()
                    ));
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                (RetryDecision::Done, Ok(answer)) => return Ok(answer),
                (RetryDecision::Done, Err((message, _))) => {
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
        if let Some(auth) = &self.auth {
            let mut value = HeaderValue::from_str(auth.value.expose()).map_err(|_| {
                (
                    "the token holds characters not allowed in a header".to_owned(),
                    false,
                )
            })?;
            value.set_sensitive(true);
            headers.insert(auth.header, value);
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
    ) -> Result<Bytes, (String, bool)> {
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.failure(e, url))? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err((
                    format!(
                        "{}'s answer is larger than {MAX_BODY_BYTES} bytes; not read",
                        self.options.service
                    ),
                    false,
                ));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(Bytes::from(body))
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
        let message = self.scrub(&message);
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

    /// Prints `message` to stderr with `-v`, secrets scrubbed.
    pub fn debug(&self, message: &str) {
        if self.options.verbose {
            eprintln!("ase-lint: debug: {}", self.scrub(message));
        }
    }
}

/// Follows a redirect only within the origin the request went to, and only a 307/308,
/// which keep the method and body. The 3xx answer of any other redirect is the request's
/// answer.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn transport(read_only: bool) -> Transport {
        let options = TransportOptions {
            service: "Test",
            base: Url::parse("http://127.0.0.1:9/api/").unwrap(),
            timeout: Duration::from_secs(1),
            retry: RetryPolicy::with_base(Duration::from_millis(1)),
            paced_per_minute: 60,
            verbose: false,
            read_only,
        };
        let auth = Auth::new("authorization", Secret::new("Bearer tok-0123456789"))
            .scrubbing(Secret::new("tok-0123456789"));
        Transport::new(options, Some(auth)).unwrap()
    }

    #[tokio::test]
    async fn another_origin_is_refused_before_sending() {
        let t = transport(false);
        let url = Url::parse("http://evil.example/api/x").unwrap();
        let err = t
            .send(Method::GET, url, HeaderMap::new(), Vec::new(), false)
            .await
            .unwrap_err();
        assert!(err.to_string().contains("is not Test's address"), "{err}");
        assert_eq!(t.requests(), 0);
    }

    #[tokio::test]
    async fn read_only_refuses_every_method_but_get() {
        let t = transport(true);
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
            let url = Url::parse("http://127.0.0.1:9/api/x").unwrap();
            let err = t
                .send(method, url, HeaderMap::new(), Vec::new(), false)
                .await
                .unwrap_err();
            assert!(matches!(err, TransportError::ReadOnly { .. }), "{err}");
        }
        assert_eq!(t.requests(), 0);
    }

    #[test]
    fn every_secret_is_scrubbed() {
        let t = transport(false);
        assert_eq!(
            t.scrub("a Bearer tok-0123456789 b tok-0123456789"),
            "a [redacted] b [redacted]"
        );
    }
}
