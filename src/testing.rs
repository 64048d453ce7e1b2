//! Test helpers shared by the rules' unit tests.

use std::sync::LazyLock;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::lint::{FileKind, lint_text};

/// Default settings, compiled once for all tests.
pub static DEFAULTS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

/// Settings from the text of an `.ase-lint.yml`; the configuration error in words.
pub fn settings_from(yaml: &str) -> Result<Settings, String> {
    let config =
        crate::config::Config::from_user_yaml(".ase-lint.yml", yaml).map_err(|e| e.to_string())?;
    Settings::new(config, std::path::Path::new("."), ".ase-lint.yml").map_err(|e| e.to_string())
}

/// Lints README text with the default settings.
pub fn lint_readme(text: &str, required: bool) -> Vec<Diagnostic> {
    lint_text(
        "README.md",
        FileKind::Readme { required },
        text.as_bytes(),
        &DEFAULTS,
    )
    .diagnostics
}

/// Lints an org file named `organizations/<stem>.yaml` with the default settings.
pub fn lint_org(stem: &str, text: &str) -> Vec<Diagnostic> {
    let path = format!("organizations/{stem}.yaml");
    lint_text(&path, FileKind::Org, text.as_bytes(), &DEFAULTS).diagnostics
}

/// (rule, line, column) of each diagnostic, in order.
pub fn rules_of(diagnostics: &[Diagnostic]) -> Vec<(&'static str, usize, usize)> {
    diagnostics
        .iter()
        .map(|d| (d.rule, d.start.line, d.start.column))
        .collect()
}

/// The diagnostics of one rule.
pub fn only<'a>(diagnostics: &'a [Diagnostic], rule: &str) -> Vec<&'a Diagnostic> {
    diagnostics.iter().filter(|d| d.rule == rule).collect()
}
