//! Errors of the Zendesk layer: a refused credential (naming the variable to fix), another
//! status, no answer, or an answer that is not what the API documents. Findings are never
//! errors; these end the run with exit status 2.

use crate::http::Failure;

/// A request to Zendesk that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 401/403: the credentials are wrong or may not read.
    #[error(
        "Zendesk refused the credentials ({status}) while {}: check {variables}{}: {}",
        .failure.what,
        refused_hint(*status),
        .failure.message
    )]
    Refused {
        status: u16,
        variables: &'static str,
        failure: Failure,
    },
    /// Another non-success status.
    #[error("{}: Zendesk answered {status}: {}", .failure.what, .failure.message)]
    Status { status: u16, failure: Failure },
    /// No usable answer (connection, timeout, a refused method …).
    #[error("{0}")]
    Transport(Failure),
    /// The answer was not what the API documents.
    #[error(
        "{}: unexpected answer from Zendesk: {} (is --zendesk-url / zendesk.url the \
         instance's address, e.g. https://gitlab.zendesk.com, and not a proxy or login page?)",
        .0.what,
        .0.message
    )]
    Decode(Failure),
}

fn refused_hint(status: u16) -> &'static str {
    if status == 403 {
        " (the token's user may not read organizations and users: use an agent's or admin's)"
    } else {
        " (expired, revoked, or not this instance's)"
    }
}

impl Error {
    /// The error with what to do about it, as one message for the end of the run.
    pub fn explained(&self) -> String {
        match self.hint() {
            Some(hint) => format!("{self}. {hint}"),
            None => self.to_string(),
        }
    }

    /// What to do about it, when the message alone does not say.
    fn hint(&self) -> Option<&'static str> {
        match self {
            Error::Refused { .. } | Error::Decode(_) => None,
            Error::Status { status: 429, .. } => {
                Some("Zendesk kept rate-limiting after every retry; run it again later")
            }
            Error::Status {
                status: 500..=599, ..
            } => Some("Zendesk failed (server error) after every retry; run it again later"),
            Error::Status { status: 404, .. } => Some(
                "is --zendesk-url (or zendesk.url) the instance's address, e.g. \
                 https://gitlab.zendesk.com?",
            ),
            Error::Status { .. } => None,
            Error::Transport(_) => Some(
                "check that the Zendesk URL (--zendesk-url or zendesk.url) is reachable from \
                 here; if Zendesk is only slow, raise --timeout",
            ),
        }
    }

    /// The same error with `scrub` applied to every text it holds (server text shortened
    /// after).
    pub fn scrubbed(self, scrub: impl Fn(&str) -> String) -> Self {
        match self {
            Error::Refused {
                status,
                variables,
                failure,
            } => Error::Refused {
                status,
                variables,
                failure: failure.scrubbed(scrub),
            },
            Error::Status { status, failure } => Error::Status {
                status,
                failure: failure.scrubbed(scrub),
            },
            Error::Transport(failure) => Error::Transport(failure.scrubbed(scrub)),
            Error::Decode(failure) => Error::Decode(failure.scrubbed(scrub)),
        }
    }
}
