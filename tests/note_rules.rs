//! The org-file rules against their fixtures: every case in `fixtures/notes/cases.yaml`,
//! `fixtures/org-files/cases.yaml` and `fixtures/organizations-project/expected.yaml` must
//! produce exactly the `note/*` and `yaml/*` findings listed for it (rule, line, column,
//! severity), no more, no fewer.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ase_lint::config::Settings;
use ase_lint::diagnostic::{Diagnostic, Severity};
use ase_lint::lint::{FileKind, lint_text};
use serde::Deserialize;

/// One fixture and the findings it must produce.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    case: String,
    /// Path relative to the table's folder.
    file: String,
    about: String,
    /// `"<rule> <line>:<column> <severity>"`.
    expect: Vec<String>,
}

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(dir)
}

fn read_cases(dir: &str, table: &str) -> Vec<Case> {
    let path = fixtures(dir).join(table);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `note/*` and `yaml/*` findings of one fixture, as `"<rule> <line>:<column> <severity>"`.
fn note_findings(dir: &str, file: &str, settings: &Settings) -> Vec<String> {
    let path = fixtures(dir).join(file);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let display = format!("fixtures/{dir}/{file}");
    let result = lint_text(&display, FileKind::Org, &bytes, settings);
    result
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("note/") || d.rule.starts_with("yaml/"))
        .map(render)
        .collect()
}

fn render(d: &Diagnostic) -> String {
    format!(
        "{} {}:{} {}",
        d.rule, d.start.line, d.start.column, d.severity
    )
}

/// Checks every case of a table; returns one line per case that differs.
fn mismatches(dir: &str, cases: &[Case]) -> Vec<String> {
    let settings = Settings::defaults();
    let mut wrong = Vec::new();
    for case in cases {
        let mut found = note_findings(dir, &case.file, &settings);
        let mut expected = case.expect.clone();
        found.sort();
        expected.sort();
        if found != expected {
            wrong.push(format!(
                "{} ({}): {}\n    expected {expected:?}\n    found    {found:?}",
                case.case, case.file, case.about
            ));
        }
    }
    wrong
}

fn assert_all_match(dir: &str, table: &str) {
    let cases = read_cases(dir, table);
    let wrong = mismatches(dir, &cases);
    assert!(
        wrong.is_empty(),
        "{} of {} cases in fixtures/{dir}/{table} differ:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// The YAML files under `fixtures/<dir>/organizations/`, as `organizations/<name>`.
fn org_files(dir: &str) -> BTreeSet<String> {
    let orgs = fixtures(dir).join("organizations");
    std::fs::read_dir(&orgs)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", orgs.display()))
        .filter_map(Result::ok)
        .map(|entry| format!("organizations/{}", entry.file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".yaml"))
        .collect()
}

#[test]
fn note_fixtures_produce_exactly_the_expected_findings() {
    assert_all_match("notes", "cases.yaml");
}

#[test]
fn org_file_fixtures_produce_exactly_the_expected_findings() {
    assert_all_match("org-files", "cases.yaml");
}

#[test]
fn organizations_project_fixtures_produce_exactly_the_expected_findings() {
    assert_all_match("organizations-project", "expected.yaml");
}

#[test]
fn every_fixture_file_has_a_case_and_there_are_enough() {
    for (dir, table, at_least) in [
        ("notes", "cases.yaml", 25),
        ("org-files", "cases.yaml", 10),
        ("organizations-project", "expected.yaml", 10),
    ] {
        let cases = read_cases(dir, table);
        let listed: BTreeSet<String> = cases.iter().map(|c| c.file.clone()).collect();
        assert_eq!(listed.len(), cases.len(), "{table} lists a file twice");
        assert_eq!(listed, org_files(dir), "{dir}: files and {table} disagree");
        assert!(cases.len() >= at_least, "{dir}: only {} cases", cases.len());
    }
}

#[test]
fn the_handbook_example_has_no_errors_and_one_warning() {
    let cases = read_cases("notes", "cases.yaml");
    let example = cases
        .iter()
        .find(|c| c.case == "handbook-example")
        .unwrap_or_else(|| panic!("no handbook-example case"));
    let path = fixtures("notes").join(&example.file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let result = lint_text(&example.file, FileKind::Org, &bytes, &Settings::defaults());
    let errors: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(render)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let warnings: Vec<_> = result.diagnostics.iter().map(render).collect();
    assert_eq!(warnings, vec!["note/out-of-hours 4:1 warning".to_owned()]);
}
