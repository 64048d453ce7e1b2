//! The part of a failed request every API client's error holds alike: what the request
//! was for and what went wrong, in words that may be printed once the credentials are
//! scrubbed; and the text of an error answer's JSON fields. The API's own error type adds
//! its wording (which service answered, what to check) and its hints.

use super::redact::shorten;

/// What a failed request was for (`what`) and what went wrong (`message`: the server's
/// text, or the transport's). Shown as `{what}: {message}`.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {message}")]
pub struct Failure {
    pub what: String,
    pub message: String,
}

impl Failure {
    pub fn new(what: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            message: message.into(),
        }
    }

    /// The same failure with `scrub` applied to both texts, then the message shortened
    /// (scrubbing first: a cut could split a secret).
    pub fn scrubbed(self, scrub: impl Fn(&str) -> String) -> Self {
        Self {
            what: scrub(&self.what),
            message: shorten(&scrub(&self.message)),
        }
    }
}

/// An error answer's body, read for the fields an API puts its message in.
pub struct ErrorBody<'a> {
    body: &'a [u8],
    json: Option<serde_json::Value>,
}

impl<'a> ErrorBody<'a> {
    pub fn new(body: &'a [u8]) -> Self {
        Self {
            body,
            json: serde_json::from_slice(body).ok(),
        }
    }

    /// The top-level field `key`, when the body is JSON and has it: a string as it is,
    /// any other value as JSON text.
    pub fn field(&self, key: &str) -> Option<String> {
        self.json
            .as_ref()
            .and_then(|v| v.get(key))
            .map(|field| match field {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
    }

    /// The whole body as text (invalid UTF-8 replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(self.body).into_owned()
    }
}
