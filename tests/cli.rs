//! The command line as users see it: subcommands, exit codes, JSON contract v1, config.

use std::path::Path;

use assert_cmd::Command;

fn ase_lint() -> Command {
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    cmd.env_remove("NO_COLOR").env("ASE_LINT_TEST", "1");
    cmd
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

fn stdout_of(cmd: &mut Command) -> (String, i32) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const GOOD_ORG: &str =
    "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  PS Project in Progress\n";

#[test]
fn clean_files_exit_zero_with_a_summary_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "organizations/27946339528.yaml", GOOD_ORG);
    write(dir.path(), "README.md", "# Just a project\n\nNo table.\n");
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).arg("check"));
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "no problems in 2 files");
}

#[test]
fn findings_exit_one_and_render_like_rustc() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "organizations/1.yaml",
        "id: 2\nname: x\nnotes: |\n  PS\n",
    );
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).args([
        "check",
        "organizations/1.yaml",
        "--color",
        "never",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[note/schema]: the file is named `1.yaml` but its id is 2"),
        "{out}"
    );
    assert!(out.contains(" --> organizations/1.yaml:1:5"), "{out}");
    assert!(out.contains("= help: "), "{out}");
    assert!(
        out.trim_end().ends_with("1 error, 0 warnings in 1 file"),
        "{out}"
    );
}

#[test]
fn json_follows_contract_v1() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "organizations/1.yaml",
        "id: 2\nname: x\nnotes: |\n  PS\n",
    );
    let (out, code) = stdout_of(
        ase_lint()
            .current_dir(dir.path())
            .args(["check", ".", "--format", "json"]),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "note/schema");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "organizations/1.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(1), Some(6))
    );
    assert!(d["help"].is_string());
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 0);
}

#[test]
fn missing_path_exits_two_naming_it() {
    let out = ase_lint()
        .args(["check", "does/not/exist.yaml"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does/not/exist.yaml"), "{err}");
}

#[test]
fn usage_errors_exit_two() {
    let out = ase_lint()
        .args(["check", "--format", "xml"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_lists_every_rule_and_explain_prints_docs() {
    let (out, code) = stdout_of(ase_lint().arg("rules"));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), ase_lint::rules::ALL.len());
    assert!(
        out.lines()
            .any(|l| l.starts_with("note/emergency") && l.contains("error"))
    );
    let (doc, code) = stdout_of(ase_lint().args(["explain", "table/cell-count"]));
    assert_eq!(code, 0);
    assert!(doc.starts_with("# table/cell-count"), "{doc}");
    assert!(doc.contains("## Why is this bad?"), "{doc}");
    let out = ase_lint()
        .args(["explain", "no/such-rule"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn default_config_round_trips_as_a_user_config() {
    let (out, code) = stdout_of(ase_lint().args(["config", "--default"]));
    assert_eq!(code, 0);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), ".ase-lint.yml", &out);
    write(dir.path(), "organizations/27946339528.yaml", GOOD_ORG);
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).arg("check"));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn config_sets_severity_and_unknown_keys_are_located() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(
        dir.path(),
        "organizations/1.yaml",
        "id: 2\nname: x\nnotes: |\n  PS\n",
    );
    write(
        dir.path(),
        ".ase-lint.yml",
        "rules:\n  note/schema: warning\n",
    );
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).args(["check", "-q"]));
    assert_eq!(code, 0, "warnings do not fail: {out}");
    assert!(out.contains("warning[note/schema]"), "{out}");
    write(dir.path(), ".ase-lint.yml", "rules:\n  note/schema: off\n");
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).arg("check"));
    assert_eq!((code, out.trim()), (0, "no problems in 1 file"));
    write(dir.path(), ".ase-lint.yml", "rulez: {}\n");
    let out = ase_lint()
        .current_dir(dir.path())
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".ase-lint.yml:1:1") && err.contains("rulez"),
        "{err}"
    );
}

#[test]
fn configured_ase_readme_must_hold_the_table() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), "README.md", "# ASE\n\nThe table was deleted.\n");
    write(dir.path(), "docs/README.md", "# Other\n");
    let (_, code) = stdout_of(ase_lint().current_dir(dir.path()).arg("check"));
    assert_eq!(code, 0, "walked READMEs without the table are skipped");
    write(dir.path(), ".ase-lint.yml", "ase_readme: README.md\n");
    let (out, code) = stdout_of(
        ase_lint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"]),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"table/not-found\""), "{out}");
    assert!(!out.contains("docs/README.md"), "{out}");
}

#[test]
fn walks_respect_gitignore_and_skip_target() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(dir.path(), ".gitignore", "ignored/\n");
    write(dir.path(), "ignored/organizations/1.yaml", "id: [\n");
    write(dir.path(), "target/organizations/1.yaml", "id: [\n");
    write(dir.path(), "organizations/27946339528.yaml", GOOD_ORG);
    let (out, code) = stdout_of(ase_lint().current_dir(dir.path()).arg("check"));
    assert_eq!((code, out.trim()), (0, "no problems in 1 file"));
}
