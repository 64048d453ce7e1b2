//! Secrets (API tokens, credentials): a type whose `Debug`/`Display` never show the value,
//! and scrubbing of any text printed, also of a token cut in the middle.

use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_never_formats() {
        let secret = Secret::new("glpat-abcdef");
        assert_eq!(
            format!("{secret} {secret:?}"),
            "[redacted] Secret([redacted])"
        );
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
}
