//! The reports as CI and users read them: GitLab Code Quality, JUnit XML, SARIF, the text
//! output (insta snapshots), and `ase-lint check --codequality/--junit/--format sarif`.
//!
//! Runs are built from inline texts through `lint_text` and keep only the findings of the
//! rule a test is about, so these tests stay about the reports while other rules change.

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use assert_cmd::Command;
use serde::Deserialize;
use serde_json::{Value, json};

use ase_lint::config::Settings;
use ase_lint::lint::{FileKind, LintRun, lint_text};
use ase_lint::report::{self, TextOptions};

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

const MISSING_COLUMNS: &str = "\
# Assigned Support Engineers

| Account | ASE | Links | Special Notes | Zendesk Org Name |
|---|---|---|---|---|
| Acme Corp | @jdoe | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) | none | f6438d0c Acme Corp |
";

const FULL_HEADER: &str = "\
| Account | ASE | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |
|---|---|---|---|---|---|---|
";

/// A README whose two identical short rows give two findings with the same fingerprint.
fn short_rows() -> String {
    format!("# ASE accounts\n\n{FULL_HEADER}| Acme Corp | @jdoe |\n| Acme Corp | @jdoe |\n")
}

const GOOD_ORG: &str =
    "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  PS Project in Progress\n";

const QUOTED_ID_ORG: &str =
    "---\nid: \"2794633952B\"\nname: 5a1f9965 Test Account\nnotes: |\n  PS Project in Progress\n";

/// Lints in-memory files (`.md` as the ASE README, others as org files) and keeps `rule`'s
/// findings only.
fn run_of(rule: &str, files: &[(&str, &str)]) -> LintRun {
    let mut run = LintRun::from_files(files.iter().map(|(path, text)| {
        let kind = if path.ends_with(".md") {
            FileKind::Readme { required: true }
        } else {
            FileKind::Org
        };
        lint_text(path, kind, text.as_bytes(), &SETTINGS)
    }));
    run.diagnostics.retain(|d| d.rule == rule);
    assert!(!run.diagnostics.is_empty() || files.is_empty(), "no {rule}");
    run
}

type Reporter = fn(&mut dyn std::io::Write, &LintRun) -> std::io::Result<()>;

fn render(reporter: Reporter, run: &LintRun) -> String {
    let mut out = Vec::new();
    reporter(&mut out, run).unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn text_output(run: &LintRun) -> String {
    let mut out = Vec::new();
    report::text::write(&mut out, run, TextOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

// ---- Code Quality ------------------------------------------------------------------------

fn codequality(run: &LintRun) -> Vec<Value> {
    match json_of(&render(report::codequality::write, run)) {
        Value::Array(issues) => issues,
        other => panic!("not an array: {other}"),
    }
}

fn fingerprints(issues: &[Value]) -> Vec<String> {
    issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn codequality_issue_has_exactly_gitlabs_fields() {
    let run = run_of("table/missing-column", &[("README.md", MISSING_COLUMNS)]);
    let issues = codequality(&run);
    assert_eq!(issues.len(), 2);
    assert_eq!(
        issues[0],
        json!({
            "description": "table/missing-column: the ASE table has no `Zendesk Account ID` column",
            "check_name": "table/missing-column",
            "fingerprint": run.diagnostics[0].fingerprint(),
            "severity": "major",
            "location": {"path": "README.md", "lines": {"begin": 3}},
        })
    );
}

#[test]
fn codequality_fingerprints_are_unique_even_for_identical_findings() {
    let columns = run_of("table/missing-column", &[("README.md", MISSING_COLUMNS)]);
    let rows = run_of("table/cell-count", &[("README.md", &short_rows())]);
    assert_eq!(
        rows.diagnostics[0].fingerprint(),
        rows.diagnostics[1].fingerprint()
    );
    for run in [columns, rows] {
        let prints = fingerprints(&codequality(&run));
        let distinct: HashSet<_> = prints.iter().collect();
        assert_eq!((prints.len(), distinct.len()), (2, 2), "{prints:?}");
        assert!(prints.iter().all(|p| p.len() == 32), "{prints:?}");
    }
}

#[test]
fn codequality_fingerprints_survive_lines_inserted_above() {
    let moved_rows = short_rows().replacen("\n\n", "\n\nA new paragraph.\n\n", 1);
    for (rule, before, after) in [
        (
            "table/missing-column",
            MISSING_COLUMNS.to_owned(),
            MISSING_COLUMNS.replacen("\n\n", "\n\nA new paragraph.\n\n", 1),
        ),
        ("table/cell-count", short_rows(), moved_rows),
    ] {
        let old = codequality(&run_of(rule, &[("README.md", &before)]));
        let new = codequality(&run_of(rule, &[("README.md", &after)]));
        assert_eq!(fingerprints(&old), fingerprints(&new), "{rule}");
        let begin = |issues: &[Value]| issues[0]["location"]["lines"]["begin"].as_u64();
        assert_eq!(begin(&new), begin(&old).map(|line| line + 2), "{rule}");
    }
}

#[test]
fn codequality_warnings_are_minor_and_an_empty_run_is_an_empty_array() {
    let mut run = run_of(
        "note/schema",
        &[("organizations/2794633952B.yaml", QUOTED_ID_ORG)],
    );
    run.diagnostics[0].severity = ase_lint::diagnostic::Severity::Warning;
    assert_eq!(codequality(&run)[0]["severity"], "minor");
    let empty = render(report::codequality::write, &LintRun::default());
    assert_eq!(empty.trim_end(), "[]");
    assert!(!empty.starts_with('\u{feff}'));
}

// ---- JUnit -------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
struct TestSuites {
    testsuite: Vec<TestSuite>,
}

#[derive(Debug, Deserialize)]
struct TestSuite {
    #[serde(rename = "@name")]
    name: String,
    #[serde(rename = "@tests")]
    tests: usize,
    #[serde(rename = "@failures")]
    failures: usize,
    #[serde(default)]
    testcase: Vec<TestCase>,
}

#[derive(Debug, Deserialize)]
struct TestCase {
    #[serde(rename = "@name")]
    name: String,
    #[serde(rename = "@file")]
    file: String,
    #[serde(default)]
    failure: Vec<Failure>,
}

#[derive(Debug, Deserialize)]
struct Failure {
    #[serde(rename = "@message")]
    message: String,
    #[serde(rename = "@type")]
    kind: String,
    #[serde(rename = "$text")]
    body: String,
}

/// Parses a JUnit report with a real XML parser, after checking that no character XML 1.0
/// forbids is in it.
fn junit(run: &LintRun) -> TestSuite {
    let xml = render(report::junit::write, run);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    assert!(!xml.contains(forbidden), "{xml:?}");
    let mut suites: TestSuites =
        quick_xml::de::from_str(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(suites.testsuite.len(), 1, "{xml}");
    suites.testsuite.remove(0)
}

#[test]
fn junit_has_a_case_per_checked_file_and_a_failure_per_finding() {
    let run = run_of(
        "table/missing-column",
        &[
            ("README.md", MISSING_COLUMNS),
            ("organizations/27946339528.yaml", GOOD_ORG),
        ],
    );
    let suite = junit(&run);
    assert_eq!(
        (suite.name.as_str(), suite.tests, suite.failures),
        ("ase-lint", 2, 1)
    );
    let names: Vec<_> = suite.testcase.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["README.md", "organizations/27946339528.yaml"]);
    let readme = &suite.testcase[0];
    assert_eq!(readme.file, "README.md");
    assert_eq!(readme.failure.len(), 2);
    let first = &readme.failure[0];
    assert_eq!(first.kind, "table/missing-column");
    assert_eq!(
        first.message,
        "error: the ASE table has no `Zendesk Account ID` column"
    );
    assert!(
        first.body.starts_with(
            "README.md:3:1: error[table/missing-column]: the ASE table has no `Zendesk Account ID` column\nhelp: add a `Zendesk Account ID` column"
        ),
        "{}",
        first.body
    );
    assert!(suite.testcase[1].failure.is_empty());
}

#[test]
fn junit_escapes_hostile_text_from_files() {
    let hostile = "<script>&\"'\u{1}";
    let path = format!("organizations/{hostile}.yaml");
    let org = "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  x\n";
    let run = run_of("note/schema", &[(&path, org)]);
    let xml = render(report::junit::write, &run);
    assert!(!xml.contains("<script>"), "{xml}");
    assert!(
        xml.contains("&lt;script&gt;&amp;&quot;&apos;\u{fffd}"),
        "{xml}"
    );
    let case = &junit(&run).testcase[0];
    let shown = "<script>&\"'\u{fffd}.yaml";
    assert_eq!(case.name, format!("organizations/{shown}"));
    assert!(
        case.failure[0].message.contains(shown),
        "{:?}",
        case.failure[0]
    );
    assert!(
        case.failure[0].body.starts_with(&case.name),
        "{:?}",
        case.failure[0]
    );
}

#[test]
fn junit_warnings_are_not_failed_test_cases() {
    let org = "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  x\n";
    let mut run = run_of("note/schema", &[("organizations/1.yaml", org)]);
    for d in &mut run.diagnostics {
        d.severity = ase_lint::diagnostic::Severity::Warning;
    }
    let xml = render(report::junit::write, &run);
    let suite = junit(&run);
    assert_eq!((suite.tests, suite.failures), (1, 0), "{xml}");
    assert!(suite.testcase[0].failure.is_empty(), "{xml}");
    assert!(xml.contains("<system-out>organizations/1.yaml:"), "{xml}");
    assert!(xml.contains("warning[note/schema]"), "{xml}");
}

#[test]
fn junit_of_an_empty_run_is_an_empty_suite() {
    let suite = junit(&LintRun::default());
    assert_eq!(
        (suite.tests, suite.failures, suite.testcase.len()),
        (0, 0, 0)
    );
}

// ---- SARIF -------------------------------------------------------------------------------

#[test]
fn sarif_has_the_required_fields() {
    let run = run_of(
        "note/schema",
        &[("organizations/2794633952B.yaml", QUOTED_ID_ORG)],
    );
    let log = json_of(&render(report::sarif::write, &run));
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let sarif_run = &log["runs"][0];
    let driver = &sarif_run["tool"]["driver"];
    assert_eq!(driver["name"], "ase-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().map_or(0, Vec::len);
    assert_eq!(rules, ase_lint::rules::ALL.len());
    let schema_rule = driver["rules"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == "note/schema"))
        .unwrap_or_else(|| panic!("no note/schema in {driver}"));
    assert_eq!(schema_rule["defaultConfiguration"]["level"], "error");
    assert_eq!(
        schema_rule["helpUri"],
        "https://gitlab.com/gitlab-com/support/toolbox/ase-lint/-/blob/main/docs/rules/note/schema.md"
    );
    for field in [
        &schema_rule["shortDescription"],
        &schema_rule["fullDescription"],
    ] {
        assert!(
            field["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{field}"
        );
    }
    assert!(
        schema_rule["help"]["markdown"]
            .as_str()
            .is_some_and(|t| t.contains("## Why is this bad?"))
    );

    let result = &sarif_run["results"][0];
    assert_eq!(result["ruleId"], "note/schema");
    assert_eq!(result["level"], "error");
    let d = &run.diagnostics[0];
    assert!(
        result["message"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with(&d.message))
    );
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "organizations/2794633952B.yaml"
    );
    assert_eq!(
        location["region"],
        json!({"startLine": 2, "startColumn": 5, "endLine": d.end.line, "endColumn": d.end.column})
    );
    assert_eq!(result["partialFingerprints"]["aseLint/v1"], d.fingerprint());
    assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
}

// ---- Text output snapshots ---------------------------------------------------------------

#[test]
fn text_snapshot_missing_column() {
    let run = run_of("table/missing-column", &[("README.md", MISSING_COLUMNS)]);
    insta::assert_snapshot!("text_missing_column", text_output(&run));
}

#[test]
fn text_snapshot_cell_count() {
    let text = format!(
        "# ASE accounts\n\n{FULL_HEADER}| Acme Corp | @jdoe | [SF](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) | none | f6438d0c Acme Corp | 27946339528 | 370415907240 | extra |\n"
    );
    let run = run_of("table/cell-count", &[("README.md", &text)]);
    insta::assert_snapshot!("text_cell_count", text_output(&run));
}

#[test]
fn text_snapshot_org_schema() {
    let run = run_of(
        "note/schema",
        &[("organizations/2794633952B.yaml", QUOTED_ID_ORG)],
    );
    insta::assert_snapshot!("text_org_schema", text_output(&run));
}

// ---- Command line ------------------------------------------------------------------------

fn ase_lint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn write_file(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

fn read_file(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn check_writes_codequality_and_junit_and_prints_sarif() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_file(dir.path(), "README.md", MISSING_COLUMNS);
    write_file(dir.path(), "organizations/27946339528.yaml", GOOD_ORG);
    let out = ase_lint(dir.path())
        .args(["check", "README.md", "organizations/27946339528.yaml"])
        .args(["--codequality", "reports/cq.json", "--junit", "j.xml"])
        .args(["--format", "sarif"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let sarif = json_of(&stdout);
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().map_or(0, Vec::len);
    assert!(results >= 2, "{stdout}");

    let cq = json_of(&read_file(&dir.path().join("reports/cq.json")));
    let issues = cq.as_array().map_or(0, Vec::len);
    assert_eq!(issues, results);
    let missing = cq
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["check_name"] == "table/missing-column")
        .count();
    assert_eq!(missing, 2, "{cq}");

    let xml = read_file(&dir.path().join("j.xml"));
    let suites: TestSuites = quick_xml::de::from_str(&xml).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<_> = suites.testsuite[0]
        .testcase
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["README.md", "organizations/27946339528.yaml"]);
}

#[test]
fn check_fails_with_status_2_naming_an_unwritable_report() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_file(dir.path(), "organizations/27946339528.yaml", GOOD_ORG);
    write_file(dir.path(), "not-a-dir", "");
    let out = ase_lint(dir.path())
        .args([
            "check",
            "organizations",
            "--codequality",
            "not-a-dir/cq.json",
        ])
        .args(["--junit", "j.xml"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write the Code Quality report to `not-a-dir/cq.json`"),
        "{stderr}"
    );
    assert!(read_file(&dir.path().join("j.xml")).contains("<testsuite name=\"ase-lint\""));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no problems in 1 file"));
}
