//! The README-table rules (`table/*`, `id/*`, `link/*`) beyond what
//! `tests/rule_fixtures.rs` snapshots of their fixtures (`fixtures/rules/<group>/<rule>/bad.md`,
//! every finding's rule, line, column, message and severity): the fix each finding offers
//! (shown as a suggestion in merge requests, not in the text report), the example ASE
//! project README (`fixtures/ase-project/README.md`, rows described in its `ROWS.md`) with
//! exactly its deliberate mistakes, and a table of 5,000 rows.

use std::sync::LazyLock;

use ase_lint::config::Settings;
use ase_lint::diagnostic::Diagnostic;
use ase_lint::lint::{FileKind, lint_text};

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

/// Lints a Markdown file under `fixtures/` as a README that must hold the ASE table.
fn lint_fixture(path: &str) -> Vec<Diagnostic> {
    let full = format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"));
    lint_text(path, FileKind::Readme { required: true }, &bytes, &SETTINGS).diagnostics
}

/// The findings of `rule` in its bad fixture.
fn bad(rule: &str) -> Vec<Diagnostic> {
    lint_fixture(&format!("rules/{rule}/bad.md"))
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// The replacement text of each finding's fix (`None` without one).
fn fixes(found: &[Diagnostic]) -> Vec<Option<&str>> {
    found
        .iter()
        .map(|d| d.fix.as_ref().map(|f| f.replacement.as_str()))
        .collect()
}

/// The fix of each finding of the rules that offer fixes, in the order of the findings
/// (their places and messages are in the rules' snapshots).
#[test]
fn fixes_offered_by_the_bad_fixtures() {
    let expected: [(&str, Vec<Option<&str>>); 5] = [
        (
            "table/org-name-format",
            vec![Some("f6438d0c"), None, Some("0b3c51aa "), None, None, None],
        ),
        (
            "table/region",
            vec![Some("AMER"), Some("EMEA"), Some("AMER"), None, None],
        ),
        (
            "id/format",
            vec![
                Some("361092349520"),
                Some("411273650918"),
                Some("9306291514524"),
                None,
                None,
                None,
                None,
                None,
            ],
        ),
        (
            "link/salesforce",
            vec![None, Some("https"), None, None, Some("AAZ"), None],
        ),
        ("link/org-note", vec![None, None, None, None, Some("https")]),
    ];
    for (rule, wanted) in expected {
        let found = bad(rule);
        assert_eq!(fixes(&found), wanted, "{rule}");
    }
}

#[test]
fn fixes_apply_to_the_text_they_replace() {
    let path = "rules/link/salesforce/bad.md";
    let text = std::fs::read_to_string(format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_default();
    let found = bad("link/salesforce");
    let replaced: Vec<&str> = found
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .map(|f| &text[f.span.clone()])
        .collect();
    assert_eq!(replaced, vec!["http", "AAA"]);
}

#[test]
fn ase_project_readme() {
    let found: Vec<_> = lint_fixture("ase-project/README.md")
        .iter()
        .map(|d| (d.rule, d.start.line, d.start.column))
        .collect();
    assert_eq!(
        found,
        vec![
            ("table/org-name-format", 31, 281),
            ("id/format", 32, 269),
            ("table/region", 34, 34),
            ("link/salesforce", 34, 42),
            ("table/empty-cell", 35, 284),
            ("table/duplicate-account", 36, 271),
            ("id/ase-conflict", 37, 333),
            ("link/org-note", 38, 109),
            ("id/suspicious-length", 39, 286),
        ]
    );
}

#[test]
fn five_thousand_rows_are_checked_in_one_pass() {
    let mut text = String::from(
        "| Account | ASE | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|\n",
    );
    for i in 0..5_000u64 {
        let org = 100_000_000_000 + i % 2_500;
        let user = 200_000_000_000 + i;
        text.push_str(&format!(
            "| Account {i} | ASE {i} | {i:08x} Account {i} | {org} | {user} |\n"
        ));
    }
    let found = lint_text(
        "README.md",
        FileKind::Readme { required: true },
        text.as_bytes(),
        &SETTINGS,
    )
    .diagnostics;
    let duplicates = found
        .iter()
        .filter(|d| d.rule == "table/duplicate-account")
        .count();
    assert_eq!(duplicates, 2_500);
    assert!(found.iter().all(|d| d.rule != "id/ase-conflict"));
}
