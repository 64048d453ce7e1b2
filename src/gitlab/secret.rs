//! The API token: read from `ASE_LINT_TOKEN` or `--token-file` (never from a flag), held
//! in a type whose `Debug`/`Display` never show it, and scrubbed from any text printed.

use std::fmt;
use std::path::Path;

/// A secret string. Formatting it prints `[redacted]`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that sends it (the request header).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `text` with every occurrence of the secret replaced by `[redacted]`, and also every
    /// run of its first [`MIN_PARTIAL`] characters or more that ends where a cut text or a
    /// word ends (the end, `…`, whitespace, quotes, brackets, `.` or `,`): a message cut in
    /// the middle of the token, or a server echoing part of it. (A run followed by other
    /// text, as `job-token:` for a token starting `job-token-`, is left alone.)
    pub fn scrub(&self, text: &str) -> String {
        if self.0.len() < 4 {
            return text.to_owned();
        }
        let whole = text.replace(&self.0, "[redacted]");
        match self.0.get(..MIN_PARTIAL) {
            Some(head) if self.0.len() > MIN_PARTIAL => scrub_prefixes(&whole, head, &self.0),
            _ => whole,
        }
    }
}

/// The shortest start of the token scrubbed on its own.
pub const MIN_PARTIAL: usize = 8;

/// `text` with each run that starts with `head`, goes on as `token` does and then ends
/// (see [`Secret::scrub`]) replaced.
fn scrub_prefixes(text: &str, head: &str, token: &str) -> String {
    let ends = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || matches!(
                    c,
                    '…' | '.' | ',' | '"' | '\'' | ')' | ']' | '}' | '>' | '`'
                )
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(head) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let mut common = tail
            .bytes()
            .zip(token.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !tail.is_char_boundary(common) {
            common += 1;
        }
        if ends(tail[common..].chars().next()) {
            out.push_str("[redacted]");
        } else {
            out.push_str(&tail[..common]);
        }
        rest = &tail[common..];
    }
    out.push_str(rest);
    out
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

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
    fn partial_prefixes_of_eight_characters_or_more_are_scrubbed() {
        let secret = Secret::new("glpat-bot-secret-0123456789");
        assert_eq!(secret.scrub("cut: glpat-bot-sec…"), "cut: [redacted]…");
        assert_eq!(secret.scrub("'glpat-bot' refused"), "'[redacted]' refused");
        assert_eq!(secret.scrub("glpat-boX"), "glpat-boX");
        let job = Secret::new("job-token-secret-abcdef");
        assert_eq!(job.scrub("job-token: x"), "job-token: x");
        assert_eq!(secret.scrub("glpat-b is short"), "glpat-b is short");
        assert_eq!(
            secret.scrub("a glpat-bot-secret-0123456789glpat-bot-secret-01"),
            "a [redacted][redacted]"
        );
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
