//! The API token: read from `ASE_LINT_TOKEN` or `--token-file` (never from a flag), held
//! in a type whose `Debug`/`Display` never show it, and scrubbed from any text printed.

use std::path::Path;

pub use crate::http::secret::{MIN_PARTIAL, Secret};

/// What the bot authenticates with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// A project/group/personal access token (`ASE_LINT_TOKEN` or `--token-file`): can
    /// read and write.
    Access(Secret),
    /// Only the pipeline's `CI_JOB_TOKEN`: reads a few MR endpoints, cannot post notes.
    Job(Secret),
    /// No token at all.
    Anonymous,
}

/// The token file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("cannot read the token file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the token file {path} is empty")]
    Empty { path: String },
}

impl Credentials {
    /// `--token-file`, else `ASE_LINT_TOKEN`, else `CI_JOB_TOKEN` (read through `env`).
    pub fn load(
        token_file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, TokenError> {
        if let Some(path) = token_file {
            let display = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| TokenError::Read {
                path: display.clone(),
                source,
            })?;
            let token = text.trim();
            if token.is_empty() {
                return Err(TokenError::Empty { path: display });
            }
            return Ok(Credentials::Access(Secret::new(token)));
        }
        let non_empty = |name: &str| {
            env(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Ok(
            match (non_empty("ASE_LINT_TOKEN"), non_empty("CI_JOB_TOKEN")) {
                (Some(token), _) => Credentials::Access(Secret::new(token)),
                (None, Some(job)) => Credentials::Job(Secret::new(job)),
                (None, None) => Credentials::Anonymous,
            },
        )
    }

    /// The header that carries the token, if any.
    pub fn header(&self) -> Option<(&'static str, &Secret)> {
        match self {
            Credentials::Access(secret) => Some(("PRIVATE-TOKEN", secret)),
            Credentials::Job(secret) => Some(("JOB-TOKEN", secret)),
            Credentials::Anonymous => None,
        }
    }

    /// True when the token may post notes.
    pub fn can_write(&self) -> bool {
        matches!(self, Credentials::Access(_))
    }

    /// `text` with the token (if any) scrubbed.
    pub fn scrub(&self, text: &str) -> String {
        match self.header() {
            Some((_, secret)) => secret.scrub(text),
            None => text.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_format() {
        let secret = Secret::new("glpat-abcdef");
        assert_eq!(
            format!("{secret} {secret:?}"),
            "[redacted] Secret([redacted])"
        );
        let creds = Credentials::Access(secret.clone());
        assert!(!format!("{creds:?}").contains("abcdef"));
        assert_eq!(secret.scrub("x glpat-abcdef y"), "x [redacted] y");
    }

    #[test]
    fn token_sources_in_order() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let both = Credentials::load(
            None,
            env(&[("ASE_LINT_TOKEN", "a1b2"), ("CI_JOB_TOKEN", "j")]),
        );
        assert!(matches!(both, Ok(Credentials::Access(_))));
        let job = Credentials::load(None, env(&[("ASE_LINT_TOKEN", " "), ("CI_JOB_TOKEN", "j")]));
        assert!(matches!(job, Ok(Credentials::Job(_))));
        assert!(matches!(
            Credentials::load(None, env(&[])),
            Ok(Credentials::Anonymous)
        ));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t");
        std::fs::write(&file, "  tok-from-file\n").unwrap();
        let from_file =
            Credentials::load(Some(&file), env(&[("ASE_LINT_TOKEN", "other")])).unwrap();
        assert_eq!(from_file, Credentials::Access(Secret::new("tok-from-file")));
        std::fs::write(&file, "\n").unwrap();
        assert!(Credentials::load(Some(&file), env(&[])).is_err());
    }
}
