//! The one HTTP transport every API client uses ([`crate::gitlab`], [`crate::zendesk`]):
//! [`transport`] (reqwest client, timeouts, retries, pacing, origin pinning, read-only
//! mode), [`retry`] (backoff, `Retry-After`, rate-limit headers), [`secret`] (tokens that
//! never print), [`redact`] (what may be printed about a request), [`concurrency`]
//! (at most N requests at a time), [`failure`] (what a failed request was for and what
//! went wrong, as every API's error holds it) and [`timeout`] (the `--timeout` value). It
//! knows no API.

pub mod concurrency;
pub mod failure;
pub mod redact;
pub mod retry;
pub mod secret;
pub mod timeout;
pub mod transport;

pub(crate) use concurrency::bounded;
pub use failure::{ErrorBody, Failure};
pub use redact::{shorten, shown_url};
pub use secret::Secret;
pub use timeout::parse_timeout;
pub use transport::{Answer, Auth, MAX_BODY_BYTES, Transport, TransportError, TransportOptions};

/// True for `localhost` and loopback addresses (where plain http is no risk to a token).
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}
