//! `fmt` and `new-note` as users run them: round trips through `check`, idempotence,
//! `--check` exit codes, refusing to overwrite.

use std::path::Path;

use assert_cmd::Command;

fn ase_lint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    cmd.current_dir(dir);
    cmd
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn new_note_args(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "new-note",
        "--org-id",
        "361092349520",
        "--org-name",
        "f6438d0c Acme Corp",
        "--ase",
        "Jill Smith",
        "--region",
        "AMER",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

#[test]
fn new_note_output_passes_check_with_no_diagnostics() {
    for extra in [&[][..], &["--dedicated"][..]] {
        let dir = tempdir();
        std::fs::create_dir(dir.path().join("organizations")).unwrap_or_else(|e| panic!("{e}"));
        let out = ase_lint(dir.path())
            .args(new_note_args(&[&["--write"], extra].concat()))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let check = ase_lint(dir.path())
            .args([
                "check",
                "organizations/361092349520.yaml",
                "--format",
                "json",
            ])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let json: serde_json::Value =
            serde_json::from_slice(&check.stdout).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(json["diagnostics"], serde_json::json!([]), "{json}");
        assert_eq!(check.status.code(), Some(0));
    }
}

#[test]
fn new_note_refuses_to_overwrite() {
    let dir = tempdir();
    std::fs::create_dir(dir.path().join("organizations")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("organizations/361092349520.yaml"),
        "keep me",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = ase_lint(dir.path())
        .args(new_note_args(&["--write"]))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    let kept = std::fs::read_to_string(dir.path().join("organizations/361092349520.yaml"))
        .unwrap_or_default();
    assert_eq!(kept, "keep me");
}

#[test]
fn new_note_prints_without_write() {
    let dir = tempdir();
    let out = ase_lint(dir.path())
        .args(new_note_args(&[]))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("---\nid: 361092349520\n"), "{text}");
    assert!(!dir.path().join("organizations").exists());
}

const MESSY: &str = "# ASE accounts\n\n|Account|ASE|Links|Special Notes|\n|---|---|---|---|\n| Acme |Jill| [SF](https://a) | |\n|Zürich AG| Bob |x| y |\n\nText after | with pipe.\n";

#[test]
fn fmt_check_then_fmt_then_check_again() {
    let dir = tempdir();
    let readme = dir.path().join("README.md");
    std::fs::write(&readme, MESSY).unwrap_or_else(|e| panic!("{e}"));
    let check = ase_lint(dir.path()).args(["fmt", "--check"]).output();
    let check = check.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&readme).unwrap_or_default(),
        MESSY,
        "--check wrote"
    );
    let fmt = ase_lint(dir.path())
        .arg("fmt")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(fmt.status.code(), Some(0));
    let once = std::fs::read_to_string(&readme).unwrap_or_default();
    assert!(
        once.contains("| Acme      | Jill | [SF](https://a) |               |"),
        "{once}"
    );
    assert!(once.ends_with("\nText after | with pipe.\n"));
    let again = ase_lint(dir.path()).args(["fmt", "--check"]).output();
    assert_eq!(
        again.unwrap_or_else(|e| panic!("{e}")).status.code(),
        Some(0)
    );
}
