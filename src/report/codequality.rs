//! GitLab Code Quality report (`artifacts:reports:codequality`), which the MR widget shows.
//!
//! A JSON array of `{description, check_name, fingerprint, severity, location: {path,
//! lines: {begin}}}`: GitLab's minimal subset of the CodeClimate issue format, nothing
//! more (no `categories`/`type`: GitLab ignores them). `description` is `rule: message`
//! (the rule shows in the widget, as with ruff); severity `error` → `major`, `warning` →
//! `minor`. Fingerprints come from [`unique_fingerprints`]: unique within the report
//! (GitLab collapses duplicates) and free of line numbers, so that the widget's
//! comparison with the target branch does not call a finding new when lines move above
//! it. Paths are the diagnostics' (as given on the command line, relative in CI). UTF-8,
//! no BOM; an empty run is `[]`.

use std::io::Write;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LintRun;
use crate::report::unique_fingerprints;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

impl<'a> Issue<'a> {
    fn new(d: &'a Diagnostic, fingerprint: String) -> Self {
        Self {
            description: format!("{}: {}", d.rule, d.message),
            check_name: d.rule,
            fingerprint,
            severity: severity(d.severity),
            location: Location {
                path: &d.path,
                lines: Lines {
                    begin: d.start.line,
                },
            },
        }
    }
}

/// Code Quality's name for a severity.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
    }
}

/// Writes the run as a Code Quality report.
pub fn write(out: &mut dyn Write, run: &LintRun) -> std::io::Result<()> {
    let issues: Vec<Issue<'_>> = run
        .diagnostics
        .iter()
        .zip(unique_fingerprints(&run.diagnostics))
        .map(|(d, fingerprint)| Issue::new(d, fingerprint))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
