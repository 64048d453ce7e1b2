//! Reporters: turn a run's diagnostics into text, JSON and the other formats.
//!
//! Every reporter writes to one buffered writer and reads only [`LintRun`].

pub mod codequality;
pub mod escape;
pub mod json;
pub mod junit;
pub mod markers;
pub mod mr_comment;
pub mod mr_note;
pub mod mr_workflow;
pub mod note_safety;
pub mod rule_pages;
pub mod sarif;
pub mod text;

use std::collections::HashSet;
use std::io::Write;

use clap::ValueEnum;

use crate::diagnostic::Diagnostic;
use crate::lint::LintRun;

/// Output formats of `ase-lint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Text,
    /// The stable JSON contract v1.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
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
        Format::Sarif => sarif::write(out, run),
    }
}

/// A message of ase-lint's own with several lines, for a terminal or a CI job log: its
/// line breaks are kept, every other control character is named as by [`terminal_safe`].
pub fn terminal_safe_lines(text: &str) -> String {
    text.split('\n')
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` for a terminal or a CI job log: every control character (ESC, CR, LF, …, C1)
/// shown as its `U+001B`-style name, so a path or quote from a file cannot move the
/// cursor, colour the log or open a GitLab log section.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.push_str(&format!("U+{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// One fingerprint per diagnostic, all distinct and stable across runs.
///
/// Starts from [`Diagnostic::fingerprint`] (no line numbers, so moving a finding keeps
/// it). Findings that share one (same rule, path, content and key) keep it for the first
/// and get a hash of it with their occurrence number for the later ones, in the run's
/// sorted order; so inserting lines above them changes nothing, and every fingerprint
/// is unique, as Code Quality needs (it collapses duplicates).
pub fn unique_fingerprints(diagnostics: &[Diagnostic]) -> Vec<String> {
    let base: Vec<String> = diagnostics.iter().map(Diagnostic::fingerprint).collect();
    let mut taken: HashSet<String> = base.iter().cloned().collect();
    let mut seen: HashSet<&str> = HashSet::new();
    base.iter()
        .map(|fingerprint| {
            if seen.insert(fingerprint) {
                return fingerprint.clone();
            }
            let unique = (1..)
                .map(|occurrence| rehash(fingerprint, occurrence))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or_default();
            taken.insert(unique.clone());
            unique
        })
        .collect()
}

/// A fingerprint derived from `fingerprint` and an occurrence number, as hex.
fn rehash(fingerprint: &str, occurrence: usize) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(fingerprint.as_bytes())
        .chain_update([0u8])
        .chain_update(occurrence.to_string().as_bytes())
        .finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}
