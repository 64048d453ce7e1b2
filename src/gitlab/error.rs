//! Errors of the GitLab layer: a failed request with what it was for, GitLab's status and
//! message. Findings are never errors; these are about talking to GitLab.

use gitlab::api::ApiError;

use super::client::TransportError;

/// A request to GitLab that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// GitLab answered with a non-success status.
    #[error("{what}: GitLab answered {status}: {message}")]
    Status {
        what: String,
        status: u16,
        message: String,
    },
    /// No usable answer (connection, timeout, read-only mode …).
    #[error("{what}: {message}")]
    Transport { what: String, message: String },
    /// The answer was not what the API documents.
    #[error("{what}: unexpected answer from GitLab: {message}")]
    Decode { what: String, message: String },
}

impl Error {
    /// GitLab's HTTP status, when it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// 401 or 403: the token is missing, invalid, or not allowed to do this.
    pub fn is_auth(&self) -> bool {
        matches!(self.status(), Some(401 | 403))
    }

    /// 400 about the position's line code: the line is not in the diff.
    pub fn is_bad_position(&self) -> bool {
        match self {
            Error::Status {
                status: 400,
                message,
                ..
            } => message.contains("line_code") || message.contains("position"),
            _ => false,
        }
    }

    /// Converts the `gitlab` crate's error for the request described by `what`.
    pub fn from_api(what: &str, err: ApiError<TransportError>) -> Self {
        let what = what.to_owned();
        match err {
            ApiError::GitlabWithStatus { status, msg } => Error::Status {
                what,
                status: status.as_u16(),
                message: shorten(&msg),
            },
            ApiError::GitlabObjectWithStatus { status, obj }
            | ApiError::GitlabUnrecognizedWithStatus { status, obj } => Error::Status {
                what,
                status: status.as_u16(),
                message: shorten(&obj.to_string()),
            },
            ApiError::GitlabService { status, data } => Error::Status {
                what,
                status: status.as_u16(),
                message: shorten(&String::from_utf8_lossy(&data)),
            },
            ApiError::GitlabRateLimited { retry_after, .. } => Error::Status {
                what,
                status: 429,
                message: format!("rate limited (retry after {} s)", retry_after.as_secs()),
            },
            ApiError::Client { source } => Error::Transport {
                what,
                message: source.to_string(),
            },
            ApiError::Json { source } => Error::Decode {
                what,
                message: source.to_string(),
            },
            ApiError::DataType { source, typename } => Error::Decode {
                what,
                message: format!("{typename}: {source}"),
            },
            other => Error::Transport {
                what,
                message: other.to_string(),
            },
        }
    }
}

/// Server text, cut to a readable length for messages.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 300;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
