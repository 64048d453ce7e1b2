//! JSON output, contract v1 (stable: other tools parse it).
//!
//! `{"version": 1, "diagnostics": [...], "summary": {"files", "errors", "warnings"}}`,
//! 1-based lines, character columns, diagnostics sorted by path, line, column, rule.

use std::io::Write;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::lint::LintRun;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Self {
            rule: d.rule,
            severity: d.severity,
            path: &d.path,
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
            message: &d.message,
            help: d.help.as_deref(),
        }
    }
}

/// Writes the run as JSON contract v1.
pub fn write(out: &mut dyn Write, run: &LintRun) -> std::io::Result<()> {
    let report = Report {
        version: 1,
        diagnostics: run.diagnostics.iter().map(JsonDiagnostic::from).collect(),
        summary: Summary::of(run.files, &run.diagnostics),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
