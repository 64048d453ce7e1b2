//! A finding: which rule, how severe, where, what is wrong and how to fix it.
//!
//! Rules create diagnostics through [`crate::rules::RuleContext`]; reporters only read them.

use serde::{Deserialize, Serialize};

use crate::source::{LineCol, SourceFile, Span};

/// How serious a finding is. `Error` fails the run (exit 1); `Warning` does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A mechanical fix: replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// One finding, located in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable, user-facing rule name such as `note/emergency`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Path as shown to users (see [`SourceFile::path`]).
    pub path: String,
    /// Byte range in the file's text.
    pub span: Span,
    pub start: LineCol,
    /// Position just after the span (exclusive), like rustc's end column.
    pub end: LineCol,
    pub message: String,
    /// Short text shown under the span in rustc-style output.
    pub label: Option<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// The offending source text (the span's text, trimmed); stable across line moves, so
    /// it feeds fingerprints for Code Quality and the MR bot.
    pub content: String,
    /// Tells apart findings of one rule on the same content (e.g. the missing column's
    /// name on a header line); part of the fingerprint.
    pub key: String,
}

impl Diagnostic {
    /// A diagnostic at `span` of `source`, with positions resolved.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        source: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let start = source.line_col(span.start);
        let end = source.line_col(span.end.max(span.start));
        let content = source.slice(&span).trim().to_owned();
        Self {
            rule,
            severity,
            path: source.path.clone(),
            span,
            start,
            end,
            message: message.into(),
            label: None,
            help: None,
            fix: None,
            content,
            key: String::new(),
        }
    }

    /// Sets the fingerprint discriminator (see [`Diagnostic::key`]).
    pub fn key(&mut self, key: impl Into<String>) -> &mut Self {
        self.key = key.into();
        self
    }

    /// Sets the `help` text.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the label shown under the span.
    pub fn label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(label.into());
        self
    }

    /// Attaches a mechanical fix.
    pub fn fix(&mut self, span: Span, replacement: impl Into<String>) -> &mut Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Lowers an error to a warning (used where a rule's answer is only partly missing).
    pub fn downgrade(&mut self) -> &mut Self {
        self.severity = Severity::Warning;
        self
    }

    /// Sort key of the JSON contract: path, line, column, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.path, self.start.line, self.start.column, self.rule)
    }

    /// A stable fingerprint of rule + path + offending content (no line numbers), as hex.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&[self.rule, &self.path, &self.content, &self.key])
    }
}

/// A stable fingerprint of `parts` (SHA-256 of each part followed by a zero byte, the first
/// 16 bytes as hex).
pub fn fingerprint_of(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Counts of a set of diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: usize, diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        Self {
            files,
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_content_come_from_the_source() {
        let src = SourceFile::new("x.md", "ab\n  cd  \n");
        let d = Diagnostic::new("t/x", Severity::Error, &src, 3..9, "m");
        assert_eq!((d.start.line, d.start.column), (2, 1));
        assert_eq!((d.end.line, d.end.column), (2, 7));
        assert_eq!(d.content, "cd");
    }

    #[test]
    fn fingerprint_ignores_line_moves() {
        let a = SourceFile::new("x.md", "cd\n");
        let b = SourceFile::new("x.md", "\n\ncd\n");
        let da = Diagnostic::new("t/x", Severity::Error, &a, 0..2, "m");
        let db = Diagnostic::new("t/x", Severity::Error, &b, 2..4, "m");
        assert_eq!(da.fingerprint(), db.fingerprint());
        assert_ne!(da.start, db.start);
    }
}
