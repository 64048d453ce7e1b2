//! The HTTP transport under the `gitlab` crate's endpoints: a small reqwest (rustls)
//! client implementing the crate's [`RestClient`]/[`AsyncClient`] traits, so its endpoint
//! builders run over it against any `http(s)` API URL (path prefix included).
//!
//! It adds what the crate leaves to the client, over the shared [`crate::http`]
//! transport: a timeout on every request, retries, slowing down on `RateLimit-Remaining`,
//! pacing of note creation, a read-only mode for `--dry-run`, debug logs with the token
//! redacted, and offset pagination that follows `x-next-page`/`Link` to the end (the crate's own stops
//! at the first short page, which GitLab may send while more pages exist), at most
//! `max_pages` pages and never the same page twice.
//!
//! The token goes only to the API's own origin: redirects to another scheme, host or port
//! are not followed (the `PRIVATE-TOKEN` header would go with them), and neither are
//! `Link` headers pointing elsewhere; within the origin, only 307/308 redirects are
//! followed (a 301/302/303 would turn a POST into a GET and lose the note). Every error the client returns is scrubbed of the
//! token and names the request by method and path, never by its full URL.

use std::collections::HashSet;
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use gitlab::api::{ApiError, AsyncClient, AsyncQuery, Endpoint, RestClient};
use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;
use url::Url;

use super::error::{Error, shorten};
use super::retry::RetryPolicy;
use super::secret::Credentials;
use crate::http::{Answer, Auth, ErrorBody, Failure, Transport, TransportOptions};
pub use crate::http::{MAX_BODY_BYTES, TransportError, shown_url};

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

/// The GitLab API client.
#[derive(Debug)]
pub struct Client {
    transport: Transport,
    base: Url,
    options: ClientOptions,
}

impl Client {
    /// Builds the client; the API URL gets a trailing `/` so endpoint paths join below it.
    pub fn new(mut options: ClientOptions) -> Result<Self, Error> {
        if !options.api_url.path().ends_with('/') {
            let path = format!("{}/", options.api_url.path());
            options.api_url.set_path(&path);
        }
        let transport = Transport::new(transport_options(&options), auth(&options.credentials))
            .map_err(|message| {
                Error::Transport(Failure::new("setting up the HTTP client", message))
            })?;
        Ok(Self {
            transport,
            base: options.api_url.clone(),
            options,
        })
    }

    /// Requests sent so far (each attempt counts).
    pub fn requests(&self) -> usize {
        self.transport.requests()
    }

    /// Requests other than GET sent so far.
    pub fn writes(&self) -> usize {
        self.transport.writes()
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
        let transport = |message: String| Error::Transport(Failure::new(what, message));
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

    /// Sends one request with retries, pacing (of note creation) and logging.
    async fn send(
        &self,
        method: Method,
        url: Url,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<Answer, TransportError> {
        let paced = is_note_creation(&method, url.path());
        self.transport.send(method, url, headers, body, paced).await
    }
}

/// The transport's settings for `options`.
fn transport_options(options: &ClientOptions) -> TransportOptions {
    TransportOptions {
        service: "GitLab",
        base: options.api_url.clone(),
        timeout: options.timeout,
        retry: options.retry,
        paced_per_minute: options.notes_per_minute,
        verbose: options.verbose,
        read_only: options.read_only,
    }
}

/// The header that carries the token, if any.
fn auth(credentials: &Credentials) -> Option<Auth> {
    credentials
        .header()
        .map(|(name, secret)| Auth::new(name, secret.clone()))
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
            status: status.as_u16(),
            failure: Failure::new(what, gitlab_message(answer.body())),
        });
    }
    serde_json::from_slice(answer.body())
        .map_err(|e| Error::Decode(Failure::new(what, e.to_string())))
}

/// GitLab's `message`/`error` field, or the body's start.
fn gitlab_message(body: &[u8]) -> String {
    let body = ErrorBody::new(body);
    let message = body.field("message").or_else(|| body.field("error"));
    shorten(&message.unwrap_or_else(|| body.text()))
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
