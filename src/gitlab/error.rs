//! Errors of the GitLab layer: a failed request with what it was for, GitLab's status and
//! message. Findings are never errors; these are about talking to GitLab.

use gitlab::api::ApiError;

use super::secret::Credentials;
pub use crate::http::shorten;
use crate::http::{Failure, TransportError};

/// A request to GitLab that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// GitLab answered with a non-success status.
    #[error("{}: GitLab answered {status}: {}", .failure.what, .failure.message)]
    Status { status: u16, failure: Failure },
    /// No usable answer (connection, timeout, read-only mode …).
    #[error("{0}")]
    Transport(Failure),
    /// The answer was not what the API documents.
    #[error("{}: unexpected answer from GitLab: {}", .0.what, .0.message)]
    Decode(Failure),
}

impl Error {
    /// A request that could not be built (a builder of the `gitlab` crate refused its
    /// fields), for `what` the request was for; nothing was sent.
    pub fn builder(what: &str, err: impl std::fmt::Display) -> Self {
        Error::Transport(Failure::new(
            what,
            format!("cannot build the request: {err}"),
        ))
    }

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

    /// What to do about it, in a few words, for the message that ends the run.
    pub fn hint(&self) -> &'static str {
        match self {
            Error::Status { status, .. } => match status {
                300..=399 => {
                    "GitLab redirected the request elsewhere, and the bot does not send its token \
                     to another address: set CI_API_V4_URL or --api-url to the final API URL"
                }
                401 | 403 => {
                    "GitLab refused the token: check that ASE_LINT_TOKEN is a valid project access \
                     token of this project with the api scope"
                }
                404 => {
                    "the project or merge request does not exist, or the token cannot see it: \
                     check --project and --mr, and that the token belongs to this project"
                }
                409 => {
                    "GitLab reported a conflict with another change; re-running the job should succeed"
                }
                429 => "GitLab kept rate-limiting the bot after every retry; re-run the job later",
                500..=599 => {
                    "GitLab failed (server error); reads were retried, but a new note is never \
                     sent twice; re-run the job later"
                }
                _ => "GitLab did not accept the request",
            },
            Error::Transport(_) => {
                "check that GitLab is reachable from the runner at CI_API_V4_URL (or --api-url); \
                 if it is only slow, raise --timeout"
            }
            Error::Decode(_) => {
                "GitLab's answer is not what its API documents: is CI_API_V4_URL (or --api-url) \
                 the API root, e.g. https://gitlab.com/api/v4, and not a proxy or login page?"
            }
        }
    }

    /// The same error with `credentials`' token scrubbed from every text it holds, then
    /// server text shortened (scrubbing first: a cut could split the token).
    pub fn scrubbed(self, credentials: &Credentials) -> Self {
        let scrub = |text: &str| credentials.scrub(text);
        match self {
            Error::Status { status, failure } => Error::Status {
                status,
                failure: failure.scrubbed(scrub),
            },
            Error::Transport(failure) => Error::Transport(failure.scrubbed(scrub)),
            Error::Decode(failure) => Error::Decode(failure.scrubbed(scrub)),
        }
    }

    /// 400 about the position's line code: the line is not in the diff.
    pub fn is_bad_position(&self) -> bool {
        match self {
            Error::Status {
                status: 400,
                failure,
            } => failure.message.contains("line_code") || failure.message.contains("position"),
            _ => false,
        }
    }

    /// Converts the `gitlab` crate's error for the request described by `what`.
    pub fn from_api(what: &str, err: ApiError<TransportError>) -> Self {
        let answered = |status: u16, message: String| Error::Status {
            status,
            failure: Failure::new(what, message),
        };
        let decode = |message: String| Error::Decode(Failure::new(what, message));
        match err {
            ApiError::GitlabWithStatus { status, msg } => answered(status.as_u16(), keep(&msg)),
            ApiError::GitlabObjectWithStatus { status, obj }
            | ApiError::GitlabUnrecognizedWithStatus { status, obj } => {
                answered(status.as_u16(), keep(&obj.to_string()))
            }
            // The crate reports any answer that is not JSON this way, a 200 included.
            ApiError::GitlabService { status, data } if status.is_success() => decode(format!(
                "{} with a body that is not JSON: {}",
                status.as_u16(),
                keep(&String::from_utf8_lossy(&data))
            )),
            ApiError::GitlabService { status, data } => {
                answered(status.as_u16(), keep(&String::from_utf8_lossy(&data)))
            }
            ApiError::GitlabRateLimited { retry_after, .. } => answered(
                429,
                if retry_after.is_zero() {
                    "too many requests (rate limited)".to_owned()
                } else {
                    format!(
                        "too many requests (rate limited; Retry-After {} s)",
                        retry_after.as_secs()
                    )
                },
            ),
            ApiError::Client { source } => Error::Transport(Failure::new(what, source.to_string())),
            ApiError::Json { source } => decode(source.to_string()),
            ApiError::DataType { source, typename } => decode(format!("{typename}: {source}")),
            other => Error::Transport(Failure::new(what, other.to_string())),
        }
    }
}

/// Server text as kept until it is scrubbed and shortened (see [`Error::scrubbed`]):
/// bounded, but long enough that a token in it is never cut.
fn keep(text: &str) -> String {
    const MAX: usize = 8192;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gitlab::secret::Secret;

    #[test]
    fn a_success_status_with_a_body_that_is_not_json_is_a_decode_error() {
        let err: ApiError<TransportError> = ApiError::GitlabService {
            status: http::StatusCode::OK,
            data: b"<html>sign in</html>".to_vec(),
        };
        let err = Error::from_api("reading the merge request", err);
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
        assert_eq!(err.status(), None);
        assert_eq!(
            err.to_string(),
            "reading the merge request: unexpected answer from GitLab: 200 with a body that is \
             not JSON: <html>sign in</html>"
        );
    }

    #[test]
    fn scrubbing_removes_the_token_from_every_field() {
        let credentials = Credentials::Access(Secret::new("glpat-echoed"));
        let err = Error::Status {
            status: 401,
            failure: Failure::new("x glpat-echoed", "bad token glpat-echoed"),
        };
        let text = err.scrubbed(&credentials).to_string();
        assert!(!text.contains("glpat-echoed"), "{text}");
        assert!(text.contains("[redacted]"), "{text}");
    }
}
