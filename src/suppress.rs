//! Suppressions with a reason: `# ase-lint: allow <rule>[, <rule>…] -- <reason>` comments
//! in an org file (a YAML comment starting at column 1, outside the note) and `allow:`
//! entries for README rows in `.ase-lint.yml`. A suppression without a reason silences
//! nothing and is `suppression/no-reason`; one that silences nothing is
//! `suppression/unused`.

use crate::config::{AllowConfig, Settings};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AseTable, Column};
use crate::rules::suppression::{no_reason::NoReason, unused::Unused};
use crate::rules::{RuleMeta, util};
use crate::source::{SourceFile, Span};

/// The comment's marker.
const MARKER: &str = "ase-lint:";

/// One `allow` comment of an org file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Allow {
    rules: Vec<String>,
    reason: Option<String>,
    span: Span,
}

/// Applies the org file's `allow` comments to its findings and adds the findings about
/// the comments themselves.
pub fn apply_to_org(source: &SourceFile, diagnostics: &mut Vec<Diagnostic>, settings: &Settings) {
    for allow in comments(&source.text) {
        let Some(reason) = allow.reason.as_deref().filter(|r| !r.trim().is_empty()) else {
            report(
                diagnostics,
                settings,
                &NoReason::META,
                source,
                allow.span.clone(),
                "this suppression gives no reason: add `-- <why>` after the rule".to_owned(),
            );
            continue;
        };
        let _ = reason;
        for rule in &allow.rules {
            let silenced = silence(diagnostics, rule, |_| true);
            unused_unless(silenced, diagnostics, settings, source, &allow.span, rule);
        }
    }
}

/// Applies `.ase-lint.yml`'s `allow` entries to a README's findings, each on the row whose
/// Zendesk Account ID is its `account`. Entries for `zendesk/*` rules are left to
/// [`apply_to_verified`] (`check` never makes those findings, so they are not unused).
pub fn apply_to_readme(
    source: &SourceFile,
    table: Option<&AseTable>,
    diagnostics: &mut Vec<Diagnostic>,
    settings: &Settings,
) {
    let entries = settings
        .config
        .allow
        .iter()
        .filter(|a| !verify_only(&a.rule));
    apply_entries(source, table, diagnostics, settings, entries, true);
}

/// Applies the `allow` entries for `zendesk/*` rules to `ase-lint verify`'s findings;
/// `whole_table`: every row was verified, so an entry that silences nothing is reported
/// (`suppression/unused`), which it is not when only a merge request's rows were.
pub fn apply_to_verified(
    source: &SourceFile,
    table: &AseTable,
    diagnostics: &mut Vec<Diagnostic>,
    settings: &Settings,
    whole_table: bool,
) {
    let entries = settings
        .config
        .allow
        .iter()
        .filter(|a| verify_only(&a.rule));
    apply_entries(
        source,
        Some(table),
        diagnostics,
        settings,
        entries,
        whole_table,
    );
}

/// Rules whose findings only `ase-lint verify` (and `ci` with a Zendesk URL) makes.
fn verify_only(rule: &str) -> bool {
    rule.starts_with("zendesk/")
}

fn apply_entries<'a>(
    source: &SourceFile,
    table: Option<&AseTable>,
    diagnostics: &mut Vec<Diagnostic>,
    settings: &Settings,
    entries: impl Iterator<Item = &'a AllowConfig>,
    report_unused: bool,
) {
    let Some(table) = table else {
        return;
    };
    for allow in entries {
        let row = util::aligned_rows(table).find(|row| {
            table
                .cell(row, Column::AccountId)
                .is_some_and(|c| util::value(c) == allow.account)
        });
        let Some(row) = row else {
            continue;
        };
        let silenced = silence(diagnostics, &allow.rule, |d| d.start.line == row.line);
        if report_unused {
            unused_unless(
                silenced,
                diagnostics,
                settings,
                source,
                &row.span,
                &allow_label(allow),
            );
        }
    }
}

fn allow_label(allow: &AllowConfig) -> String {
    format!(
        "{}` (`allow` in the configuration, account {}",
        allow.rule, allow.account
    )
}

/// Drops the findings of `rule` that `on` accepts; how many went.
fn silence(
    diagnostics: &mut Vec<Diagnostic>,
    rule: &str,
    on: impl Fn(&Diagnostic) -> bool,
) -> usize {
    let before = diagnostics.len();
    diagnostics.retain(|d| d.rule != rule || d.rule.starts_with("suppression/") || !on(d));
    before - diagnostics.len()
}

fn unused_unless(
    silenced: usize,
    diagnostics: &mut Vec<Diagnostic>,
    settings: &Settings,
    source: &SourceFile,
    span: &Span,
    rule: &str,
) {
    if silenced > 0 {
        return;
    }
    let known = crate::rules::find(rule.split('`').next().unwrap_or(rule)).is_some();
    let message = if known {
        format!("this suppression of `{rule}` silences nothing: remove it")
    } else {
        format!(
            "this suppression names no rule: {}",
            crate::rules::unknown_rule(rule)
        )
    };
    report(
        diagnostics,
        settings,
        &Unused::META,
        source,
        span.clone(),
        message,
    );
}

fn report(
    diagnostics: &mut Vec<Diagnostic>,
    settings: &Settings,
    meta: &'static RuleMeta,
    source: &SourceFile,
    span: Span,
    message: String,
) {
    let Some(severity) = settings.severity(meta.name, meta.severity) else {
        return;
    };
    diagnostics.push(Diagnostic::new(meta.name, severity, source, span, message));
    let _: Severity = severity;
}

/// The `allow` comments of an org file: lines starting with `#` at column 1 (inside the
/// note, a `#` line is Markdown and indented).
fn comments(text: &str) -> Vec<Allow> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let Some(body) = line.trim_end().strip_prefix('#') else {
            continue;
        };
        let Some(rest) = body.trim_start().strip_prefix(MARKER) else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix("allow") else {
            continue;
        };
        out.push(parse_allow(rest, start..start + line.trim_end().len()));
    }
    out
}

/// `note/emergency, note/region -- the reason` (the reason after a `--` that follows a
/// space, since rule names hold dashes).
fn parse_allow(rest: &str, span: Span) -> Allow {
    let (rules, reason) = match rest.find(" --") {
        Some(at) => (&rest[..at], Some(rest[at + 3..].trim().to_owned())),
        None => (rest, None),
    };
    let rules = rules
        .split([',', ' '])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    Allow {
        rules,
        reason,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{lint_org, rules_of};

    #[test]
    fn comments_are_read_with_their_reason() {
        let got = comments(
            "id: 1\n# ase-lint: allow note/emergency, note/pre-existing -- in the contract annex\nnotes: |\n  # heading\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].rules, ["note/emergency", "note/pre-existing"]);
        assert_eq!(got[0].reason.as_deref(), Some("in the contract annex"));
    }

    const NOTE: &str = "notes: |\n  Jill is the AMER ASE (see working-on-ase-tickets). Pre-existing tickets keep their assignee. If Jill is away, reply and cc her. Outside her hours the queue answers.\n";

    #[test]
    fn an_allow_with_a_reason_silences_its_rule() {
        let file = format!(
            "id: 1\nname: x\n# ase-lint: allow note/emergency -- covered by the contract annex\n{NOTE}"
        );
        assert_eq!(rules_of(&lint_org("1", &file)), vec![]);
    }

    #[test]
    fn an_allow_without_a_reason_silences_nothing() {
        let file = format!("id: 1\nname: x\n# ase-lint: allow note/emergency\n{NOTE}");
        assert_eq!(
            rules_of(&lint_org("1", &file)),
            vec![("suppression/no-reason", 3, 1), ("note/emergency", 4, 1)]
        );
    }

    #[test]
    fn an_unused_or_misspelt_allow_is_reported() {
        let file = format!(
            "id: 1\nname: x\n# ase-lint: allow note/region -- AMER\n# ase-lint: allow note/emergncy -- typo\n{NOTE}"
        );
        let found = lint_org("1", &file);
        assert_eq!(
            rules_of(&found),
            vec![
                ("suppression/unused", 3, 1),
                ("suppression/unused", 4, 1),
                ("note/emergency", 5, 1)
            ]
        );
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("did you mean `note/emergency`"))
        );
    }

    fn settings(yaml: &str) -> Settings {
        let config = crate::config::Config::from_user_yaml(".ase-lint.yml", yaml)
            .unwrap_or_else(|e| panic!("{e}"));
        Settings::new(config, std::path::Path::new("."), ".ase-lint.yml")
            .unwrap_or_else(|e| panic!("{e}"))
    }

    const README: &str = "| Account | ASE | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|\n| Acme | Jill Doe | | | f6438d0c Acme | 361092349520 | 12 |\n";

    fn readme_rules(settings: &Settings) -> Vec<&'static str> {
        let kind = crate::lint::FileKind::Readme { required: true };
        let found = crate::lint::lint_text("README.md", kind, README.as_bytes(), settings);
        found.diagnostics.iter().map(|d| d.rule).collect()
    }

    #[test]
    fn a_configured_allow_silences_its_rule_on_its_row() {
        let plain = readme_rules(&settings("{}"));
        assert!(plain.contains(&"id/suspicious-length"), "{plain:?}");
        let allowed = settings(
            "allow:\n  - rule: id/suspicious-length\n    account: 361092349520\n    reason: test user id\n",
        );
        let got = readme_rules(&allowed);
        assert!(!got.contains(&"id/suspicious-length"), "{got:?}");
        let stale = settings(
            "allow:\n  - rule: table/cell-count\n    account: 361092349520\n    reason: old\n",
        );
        assert!(readme_rules(&stale).contains(&"suppression/unused"));
    }

    #[test]
    fn a_configured_allow_needs_a_reason_and_a_rule() {
        let config = crate::config::Config::from_user_yaml(
            ".ase-lint.yml",
            "allow:\n  - rule: id/suspicious-length\n    account: 1\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let err = Settings::new(config, std::path::Path::new("."), ".ase-lint.yml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("`allow[0]` has no `reason`"), "{err}");
    }
}
