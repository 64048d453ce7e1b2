//! Reporters: turn a run's diagnostics into text, JSON and the other formats.
//!
//! Every reporter writes to one buffered writer and reads only [`LintRun`].

pub mod json;
pub mod text;

use std::io::Write;

use clap::ValueEnum;

use crate::lint::LintRun;

/// Output formats of `ase-lint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Text,
    /// The stable JSON contract v1.
    Json,
}

/// Options for the text reporter.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    pub color: bool,
    /// Diagnostics only: no closing summary line.
    pub quiet: bool,
}

/// Writes `run` in `format`.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    run: &LintRun,
    text: TextOptions,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(out, run, text),
        Format::Json => json::write(out, run),
    }
}
