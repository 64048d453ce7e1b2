//! `ase-lint ci` when the merge request is the attacker: symlinks and special files in the
//! checkout, diff entries of mode 120000 and `..` paths, an MR that rewrites
//! `.ase-lint.yml`, hostile text in notes, plain-HTTP API URLs, and READMEs of thousands of
//! rows (the API requests stay bounded). The real binary against the fake GitLab.

mod common;

use std::os::unix::fs::symlink;

use common::*;

#[test]
fn dry_run_never_writes_reports_through_a_symlink() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    symlink(&victim, work.file("gl-code-quality-report.json")).unwrap();
    symlink(outside.path().join("new.xml"), work.file("junit.xml")).unwrap();
    let mut command = bot(&fake, &work);
    command.args([
        "--dry-run",
        "--codequality",
        "gl-code-quality-report.json",
        "--junit",
        "junit.xml",
    ]);
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(!outside.path().join("new.xml").exists());
}
