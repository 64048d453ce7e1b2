//! The `cross/*` rules through the command line, in both directions: the ASE project's
//! README checked with `--orgs-dir`, and the Organizations project's files checked with
//! `--ase-readme`. `fixtures/cross/disagree` has one disagreement per README row (and an
//! ASE note nobody lists); `fixtures/cross/agree` has none. The exact findings of the first
//! (every rule but `cross/org-note-missing` on both sides), none for the second, and only
//! the files being checked get findings. Each rule's own bad and good pair of projects is
//! in `fixtures/rules/cross/<rule>/` (tests/rule_fixtures.rs).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A finding as users see it: rule, path, line, column, message.
type Seen = (String, String, u64, u64, String);

fn fixtures(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/cross")
        .join(set)
}

/// Runs `ase-lint check --format json ARGS` in `fixtures/cross/<set>`; exit code and the
/// `cross/*` findings.
fn check(set: &str, args: &[&str]) -> (i32, Vec<Seen>, Value) {
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    let out = cmd
        .current_dir(fixtures(set))
        .env_remove("NO_COLOR")
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    let seen = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("cross/")))
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_owned(),
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    (out.status.code().unwrap_or(-1), seen, json)
}

fn seen(rule: &str, path: &str, line: u64, column: u64, message: &str) -> Seen {
    (
        rule.to_owned(),
        path.to_owned(),
        line,
        column,
        message.to_owned(),
    )
}

const README: &str = "ase-project/README.md";

#[test]
fn readme_checked_with_orgs_dir_reports_each_disagreement_on_its_row() {
    let (code, found, _) = check("disagree", &[README, "--orgs-dir", "orgs-project"]);
    assert_eq!(code, 1);
    assert_eq!(found, expected_readme_side());
}

fn expected_readme_side() -> Vec<Seen> {
    vec![
        seen(
            "cross/unlisted-ase-note",
            README,
            7,
            1,
            "`organizations/1102938475610.yaml` says the organization has an ASE, but no row of this table has its id",
        ),
        seen(
            "cross/org-id-mismatch",
            README,
            9,
            267,
            "`organizations/361092349520.yaml` has id 361092349521, not this row's Zendesk Account ID 361092349520",
        ),
        seen(
            "cross/org-name-mismatch",
            README,
            10,
            246,
            "`organizations/27946339528.yaml` names the organization `5a1f9965 Blue Harbour Logistics Ltd`, not `5a1f9965 Blue Harbor Logistics`",
        ),
        seen(
            "cross/ase-mismatch",
            README,
            11,
            22,
            "the note in `organizations/9306291514524.yaml` names another ASE (\"Kenji Watanabe is the AMER ASE for Cobalt Analytics, so all new non-emergency ti…\"), not Jill Doe",
        ),
        seen(
            "cross/region-mismatch",
            README,
            12,
            34,
            "the note in `organizations/4410392817263.yaml` gives the ASE's region as EMEA, not this row's AMER",
        ),
        seen(
            "cross/org-note-missing",
            README,
            13,
            270,
            "no org file `organizations/2088417736950.yaml` in orgs-project/organizations",
        ),
    ]
}

#[test]
fn org_files_checked_with_ase_readme_report_each_disagreement_on_the_file() {
    let (code, found, _) = check("disagree", &["orgs-project", "--ase-readme", README]);
    assert_eq!(code, 1);
    let org = |id: &str| format!("orgs-project/organizations/{id}.yaml");
    let expected = vec![
        seen(
            "cross/unlisted-ase-note",
            &org("1102938475610"),
            4,
            1,
            "this note says the organization has an ASE, but the ASE table in ase-project/README.md has no row with id 1102938475610",
        ),
        seen(
            "cross/org-name-mismatch",
            &org("27946339528"),
            3,
            7,
            "the ASE table names this organization `5a1f9965 Blue Harbor Logistics`, not `5a1f9965 Blue Harbour Logistics Ltd` (ase-project/README.md:10)",
        ),
        seen(
            "cross/org-id-mismatch",
            &org("361092349520"),
            2,
            5,
            "this file's id 361092349521 is not 361092349520, the Zendesk Account ID of its row in the ASE table (ase-project/README.md:9)",
        ),
        seen(
            "cross/region-mismatch",
            &org("4410392817263"),
            4,
            1,
            "the note gives the ASE's region as EMEA, but the ASE table says AMER (ase-project/README.md:12)",
        ),
        seen(
            "cross/ase-mismatch",
            &org("9306291514524"),
            4,
            1,
            "the note names another ASE (\"Kenji Watanabe is the AMER ASE for Cobalt Analytics, so all new non-emergency ti…\") than the ASE table's Jill Doe (ase-project/README.md:11)",
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn agreeing_projects_are_clean_in_both_directions() {
    for args in [
        [README, "--orgs-dir", "orgs-project"],
        ["orgs-project", "--ase-readme", README],
    ] {
        let (code, found, json) = check("agree", &args);
        assert_eq!(found, vec![], "{args:?}");
        assert_eq!(json["summary"]["errors"], 0, "{args:?}: {json}");
        assert_eq!(code, 0, "{args:?}");
    }
}

#[test]
fn context_files_get_no_findings() {
    let (_, _, json) = check("disagree", &[README, "--orgs-dir", "orgs-project"]);
    let paths: Vec<&str> = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(paths.iter().all(|p| *p == README), "{paths:?}");
    let (_, _, json) = check("disagree", &["orgs-project", "--ase-readme", README]);
    assert!(
        json["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|d| d["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("orgs-project/"))),
        "{json}"
    );
}

#[test]
fn orgs_dir_may_name_the_organizations_folder_itself() {
    let (_, found, _) = check(
        "disagree",
        &[README, "--orgs-dir", "orgs-project/organizations"],
    );
    assert_eq!(found, expected_readme_side());
}

#[test]
fn without_the_other_project_no_cross_rule_runs() {
    let (_, found, _) = check("disagree", &[README]);
    assert_eq!(found, vec![]);
    let (_, found, _) = check("disagree", &["orgs-project"]);
    assert_eq!(found, vec![]);
}

#[test]
fn unusable_context_is_a_usage_error_naming_it() {
    for (args, says) in [
        (
            vec![README, "--orgs-dir", "nowhere"],
            "`--orgs-dir nowhere`: no `organizations` folder there (no such file)",
        ),
        (
            vec!["orgs-project", "--ase-readme", "missing.md"],
            "cannot read the `--ase-readme` file `missing.md`: no such file",
        ),
        (
            vec![
                "orgs-project",
                "--ase-readme",
                "orgs-project/organizations/25591930077.yaml",
            ],
            "holds no ASE table",
        ),
    ] {
        let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
        let out = cmd
            .current_dir(fixtures("disagree"))
            .arg("check")
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn the_configuration_can_name_the_other_project() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join(".ase-lint.yml");
    let orgs = fixtures("disagree").join("orgs-project");
    std::fs::write(&config, format!("cross:\n  orgs_dir: {}\n", orgs.display()))
        .unwrap_or_else(|e| panic!("{e}"));
    let config = config.display().to_string();
    let (_, found, _) = check("disagree", &[README, "--config", &config]);
    let rules: Vec<&str> = found.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(rules.len(), 6, "{found:?}");
    assert!(rules.contains(&"cross/org-note-missing"), "{rules:?}");
}

/// `note/missing` is an ASE account's finding: an empty or absent note is an error only on
/// an org file whose id has a row in the ASE table; any other organization may have none.
#[test]
fn an_empty_note_is_an_error_only_for_an_ase_account() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let orgs = dir.path().join("organizations");
    std::fs::create_dir(&orgs).unwrap_or_else(|e| panic!("{e}"));
    let listed = fixtures("agree").join("orgs-project/organizations");
    let first = std::fs::read_dir(&listed)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "yaml"))
        .unwrap_or_else(|| panic!("no org file in {}", listed.display()));
    let stem = first
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(&first).unwrap_or_else(|e| panic!("{e}"));
    let without_note = text.split("notes:").next().unwrap_or_default().to_owned() + "notes:\n";
    std::fs::write(orgs.join(format!("{stem}.yaml")), without_note)
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        orgs.join("99999999999.yaml"),
        "id: 99999999999\nname: 1a2b3c4d Other\nnotes:\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let readme = fixtures("agree").join("ase-project/README.md");
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    let out = cmd
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--ase-readme"])
        .arg(&readme)
        .arg("organizations")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let missing: Vec<(String, u64)> = json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "note/missing")
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let line = without_note_line(&text);
    assert_eq!(
        missing,
        vec![(format!("organizations/{stem}.yaml"), line)],
        "{json}"
    );
    assert_eq!(out.status.code(), Some(1));
}

/// The line of `notes:` in an org file.
fn without_note_line(text: &str) -> u64 {
    text.lines()
        .position(|l| l.starts_with("notes:"))
        .map_or(0, |i| i as u64 + 1)
}
