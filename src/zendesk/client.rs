//! The Zendesk API client: GET only (any other method is refused before anything is
//! sent, and the transport is read-only too), over the shared [`crate::http`] transport
//! (timeouts, retries with backoff on 5xx, `Retry-After` on 429, origin pinning, secrets
//! scrubbed from every message and log line).

use std::time::Duration;

use http::{HeaderMap, HeaderValue, Method};
use serde::de::DeserializeOwned;
use url::Url;

use super::auth::ZendeskAuth;
use super::error::Error;
use crate::http::retry::RetryPolicy;
use crate::http::{ErrorBody, Failure, Transport, TransportError, TransportOptions};

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The instance, e.g. `https://gitlab.zendesk.com`.
    pub url: Url,
    pub auth: ZendeskAuth,
    /// Timeout of each request.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Log every request and answer to stderr (credentials redacted).
    pub verbose: bool,
}

/// The Zendesk API client.
#[derive(Debug)]
pub struct Client {
    transport: Transport,
    base: Url,
    variables: &'static str,
}

impl Client {
    /// Builds the client for the instance at `options.url`.
    pub fn new(options: ClientOptions) -> Result<Self, Error> {
        let mut base = options.url.clone();
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let transport_options = TransportOptions {
            service: "Zendesk",
            base: base.clone(),
            timeout: options.timeout,
            retry: options.retry,
            paced_per_minute: 1,
            verbose: options.verbose,
            read_only: true,
        };
        let transport =
            Transport::new(transport_options, Some(options.auth.header())).map_err(|message| {
                Error::Transport(Failure::new("setting up the HTTP client", message))
            })?;
        Ok(Self {
            transport,
            base,
            variables: options.auth.variables(),
        })
    }

    /// Requests sent so far (each attempt counts).
    pub fn requests(&self) -> usize {
        self.transport.requests()
    }

    /// `text` with the credentials scrubbed.
    pub fn scrub(&self, text: &str) -> String {
        self.transport.scrub(text)
    }

    /// `GET path?query` below the instance, decoded from JSON.
    pub async fn get<T: DeserializeOwned>(
        &self,
        what: &str,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, Error> {
        self.request(Method::GET, what, path, query).await
    }

    /// Sends a request; every method but GET is refused (ase-lint only reads Zendesk).
    pub async fn request<T: DeserializeOwned>(
        &self,
        method: Method,
        what: &str,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, Error> {
        let exchange = async {
            let transport = |message: String| Error::Transport(Failure::new(what, message));
            if method != Method::GET {
                return Err(transport(format!(
                    "{method} {path}: not sent: ase-lint only reads Zendesk (GET)"
                )));
            }
            let mut url = self
                .base
                .join(path.trim_start_matches('/'))
                .map_err(|e| transport(format!("cannot build the address of {path}: {e}")))?;
            url.query_pairs_mut().extend_pairs(query);
            let mut headers = HeaderMap::new();
            headers.insert("accept", HeaderValue::from_static("application/json"));
            let answer = self
                .transport
                .send(method, url, headers, Vec::new(), false)
                .await
                .map_err(|e: TransportError| transport(e.to_string()))?;
            self.decode(what, &answer)
        };
        exchange
            .await
            .map_err(|e| e.scrubbed(|text| self.scrub(text)))
    }

    fn decode<T: DeserializeOwned>(
        &self,
        what: &str,
        answer: &crate::http::Answer,
    ) -> Result<T, Error> {
        let status = answer.status().as_u16();
        let message = || Failure::new(what, zendesk_message(answer.body()));
        match status {
            200..=299 => serde_json::from_slice(answer.body()).map_err(|e| {
                Error::Decode(Failure::new(
                    what,
                    format!("{status} with a body that is not the documented JSON: {e}"),
                ))
            }),
            401 | 403 => Err(Error::Refused {
                status,
                variables: self.variables,
                failure: message(),
            }),
            _ => Err(Error::Status {
                status,
                failure: message(),
            }),
        }
    }
}

/// Zendesk's `error`/`description` fields, or the body's start.
fn zendesk_message(body: &[u8]) -> String {
    let body = ErrorBody::new(body);
    match (body.field("error"), body.field("description")) {
        (Some(error), Some(description)) => format!("{error}: {description}"),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => body.text(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Secret;

    fn client() -> Client {
        Client::new(ClientOptions {
            url: Url::parse("http://127.0.0.1:9").unwrap(),
            auth: ZendeskAuth::OAuth(Secret::new("oauth-secret-0123456789")),
            timeout: Duration::from_secs(1),
            retry: RetryPolicy::with_base(Duration::from_millis(1)),
            verbose: false,
        })
        .unwrap()
    }

    #[tokio::test]
    async fn only_get_is_sent() {
        let client = client();
        for method in [Method::POST, Method::PUT, Method::PATCH, Method::DELETE] {
            let err = client
                .request::<serde_json::Value>(method, "writing", "/api/v2/x.json", &[])
                .await
                .unwrap_err();
            assert!(err.to_string().contains("only reads Zendesk"), "{err}");
        }
        assert_eq!(client.requests(), 0);
    }

    #[test]
    fn zendesk_error_bodies_are_read() {
        let body = br#"{"error":"Couldn't authenticate you","description":"bad"}"#;
        assert_eq!(zendesk_message(body), "Couldn't authenticate you: bad");
        assert_eq!(zendesk_message(b"<html>"), "<html>");
    }
}
