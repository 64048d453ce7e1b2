//! `ase-lint ci` when the merge request is the attacker: symlinks and special files in the
//! checkout, diff entries of mode 120000 and `..` paths, an MR that rewrites
//! `.ase-lint.yml`, hostile text in notes, plain-HTTP API URLs, and READMEs of thousands of
//! rows (the API requests stay bounded). The real binary against the fake GitLab.
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;

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

const ORG: &str =
    "---\nid: 361092349520\nname: f6438d0c Acme Corporation\nnotes: |\n  PS Project in Progress\n";

/// The summary note the run posted.
fn summary(fake: &FakeGitlab) -> String {
    fake.state()
        .summaries()
        .first()
        .map(|n| n.body.clone())
        .unwrap_or_default()
}

/// Sets the diff entry of `path` to git mode `mode`.
fn set_mode(fake: &FakeGitlab, path: &str, mode: &str) {
    for entry in fake.state().diffs.iter_mut().filter(|d| d.new_path == path) {
        entry.b_mode = mode.to_owned();
    }
}

#[test]
fn a_symlink_entry_of_mode_120000_is_a_finding_and_its_target_is_never_read() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let outside = tempfile::tempdir().unwrap();
    let secret = "| Account | ASE |\n|---|---|\n| OUTSIDE-SECRET | x |\n";
    std::fs::write(outside.path().join("secret.md"), secret).unwrap();
    fake.change(&work, "README.md", None, Some("placeholder"));
    set_mode(&fake, "README.md", "120000");
    work.remove("README.md");
    symlink(outside.path().join("secret.md"), work.file("README.md")).unwrap();
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("file/not-regular"),
        "{}",
        stdout(&out)
    );
    let body = summary(&fake);
    assert!(
        body.contains("not\\-regular") || body.contains("not-regular"),
        "{body}"
    );
    assert!(body.contains("120000"), "{body}");
    for text in [stdout(&out), stderr(&out), body] {
        assert!(!text.contains("OUTSIDE-SECRET"), "{text}");
    }
}

#[test]
fn a_symlink_in_the_checkout_is_caught_even_when_the_diff_says_regular() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.change(&work, "organizations/361092349520.yaml", None, Some(ORG));
    work.remove("organizations/361092349520.yaml");
    symlink("/etc/passwd", work.file("organizations/361092349520.yaml")).unwrap();
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("file/not-regular"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("root:"), "{}", stdout(&out));
}

#[test]
fn dot_dot_and_absolute_diff_paths_are_not_read() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let outside = tempfile::tempdir().unwrap();
    let escape = format!(
        "../{}/organizations/1.yaml",
        outside.path().file_name().unwrap().to_string_lossy()
    );
    fake.change(&work, "organizations/361092349520.yaml", None, Some(ORG));
    for path in [escape.as_str(), "/etc/organizations/2.yaml"] {
        fake.state().diffs.push(DiffEntry {
            old_path: path.to_owned(),
            new_path: path.to_owned(),
            diff: "@@ -0,0 +1 @@\n+id: 1\n".to_owned(),
            new_file: true,
            renamed_file: false,
            deleted_file: false,
            b_mode: "100644".to_owned(),
        });
    }
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("not a plain path inside the project"), "{err}");
    assert!(
        summary(&fake).contains("not a plain path"),
        "{}",
        summary(&fake)
    );
    // Only the real org file was checked.
    assert!(
        summary(&fake).contains("Checked 1 file"),
        "{}",
        summary(&fake)
    );
}

#[test]
fn an_mr_that_switches_rules_off_in_ase_lint_yml_is_still_reviewed_with_the_target_config() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let off = "rules:\n  table/cell-count: off\n  table/empty-cell: off\n";
    fake.change(&work, ".ase-lint.yml", None, Some(off));
    // And an ignore file listing everything ase-lint checks.
    work.write(".ignore", "README.md\norganizations/\n");
    work.write(".gitignore", "*.md\n");
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let body = summary(&fake);
    assert!(!body.contains("✅ ready"), "{body}");
    assert!(
        body.contains("cell\\-count") || body.contains("cell-count"),
        "{body}"
    );
    assert!(
        body.contains("This merge request changes `.ase-lint.yml`"),
        "{body}"
    );
    assert!(
        body.contains("| `table/cell-count` | error | off |"),
        "{body}"
    );
    let read_config = fake.state().log.iter().any(|l| {
        l.path.ends_with("/repository/files/.ase-lint.yml/raw")
            && l.query == format!("ref={BASE_SHA}")
    });
    assert!(
        read_config,
        "the target branch's configuration was not read"
    );
}

#[test]
fn the_target_branch_config_is_used() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let key = (
        PROJECT_ID.to_string(),
        BASE_SHA.to_owned(),
        ".ase-lint.yml".to_owned(),
    );
    fake.state()
        .files
        .insert(key, "rules:\n  table/cell-count: warning\n".to_owned());
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        summary(&fake).contains("✅ ready (1 warning)"),
        "{}",
        summary(&fake)
    );
}

/// A README row for Zendesk Account ID `id`.
fn row(id: u64) -> String {
    format!(
        "| Account {id} | Jill Doe | AMER | | | 0000abcd Account {id} | {id} | 370415907240 |\n"
    )
}

fn as_refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn big_readme_mr(fake: &FakeGitlab, work: &Workspace, rows: usize, changed: usize) {
    let before: Vec<String> = (0..rows as u64).map(|i| row(100_000_000_000 + i)).collect();
    let mut after = before.clone();
    for (i, line) in after.iter_mut().enumerate().take(changed) {
        *line = row(200_000_000_000 + i as u64);
    }
    readme_mr(fake, work, &as_refs(&before), &as_refs(&after));
}

fn orgs_reads(fake: &FakeGitlab) -> usize {
    fake.state()
        .log
        .iter()
        .filter(|l| {
            l.path
                .starts_with("/projects/support%2Forganizations/repository/files/")
        })
        .count()
}

#[test]
fn a_readme_of_thousands_of_rows_reads_only_the_changed_rows_org_files() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.state()
        .projects
        .insert("support%2Forganizations".to_owned());
    big_readme_mr(&fake, &work, 3000, 2);
    let mut command = bot(&fake, &work);
    command.args(["--orgs-project", "support/organizations", "--dry-run"]);
    let out = run(&mut command);
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    assert_eq!(orgs_reads(&fake), 2, "{}", stderr(&out));
    // 5 reads of the MR, its config and README at base, the orgs project and 2 files.
    let total = fake.state().log.len();
    assert!(total <= 10, "{total} requests");
}

#[test]
fn api_reads_are_capped_and_the_rest_named_as_not_checked() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.state()
        .projects
        .insert("support%2Forganizations".to_owned());
    big_readme_mr(&fake, &work, 3000, 3000);
    let mut command = bot(&fake, &work);
    command.args(["--orgs-project", "support/organizations"]);
    let out = run(&mut command);
    assert!(out.status.code().is_some(), "{}", stderr(&out));
    // The README at base is rebuilt from the diff, so every one of the 200 reads
    // (limits.max_api_reads) goes to an org file.
    assert_eq!(orgs_reads(&fake), 200, "{}", stderr(&out));
    let reads = fake
        .state()
        .log
        .iter()
        .filter(|l| l.method == axum::http::Method::GET)
        .count();
    assert!(reads <= 210, "{reads} reads");
    let body = summary(&fake);
    assert!(body.contains("2800 org files"), "{body}");
    assert!(
        body.contains("max\\_api\\_reads") || body.contains("max_api_reads"),
        "{body}"
    );
}

#[test]
fn hostile_text_is_neither_a_link_nor_bidi_in_notes_nor_escapes_in_the_log() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let hostile = "| Evil | Jill Doe | AMER | | | visit https://evil.example/login or www.evil.example \u{202E}gnp.exe \u{1b}[31mred | 27946339528 | 411273650918 |\n";
    readme_mr(&fake, &work, &[ACME], &[ACME, hostile]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let bodies = fake.state().bodies();
    assert!(bodies.iter().any(|b| b.contains("evil")), "{bodies:?}");
    for body in &bodies {
        assert!(!body.contains("https://evil"), "{body}");
        assert!(!body.contains("www.evil"), "{body}");
        assert!(!body.contains('\u{202E}'), "{body}");
    }
    assert!(!stdout(&out).contains('\u{1b}'), "{}", stdout(&out));
    assert!(!stderr(&out).contains('\u{1b}'), "{}", stderr(&out));
}

#[test]
fn a_plain_http_api_url_is_refused_unless_loopback_or_allowed() {
    let work = Workspace::new();
    // A host that is not loopback: refused before any connection is tried.
    let out = run(&mut bot_at("http://gitlab.example/api/v4", &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--allow-insecure-http"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains(BOT_TOKEN));
    // Loopback is fine (the fake); the opt-in is a unit test of `ci` (no network here).
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    assert_eq!(run(&mut bot(&fake, &work)).status.code(), Some(0));
}

#[test]
fn a_token_cut_in_a_server_message_is_scrubbed_too() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    // An error echoing 290 characters then the token: cutting at 300 before scrubbing
    // would leave its first 10 characters.
    let echo = format!("{{\"message\": \"{}{BOT_TOKEN}\"}}", "x".repeat(290));
    fake.state().faults.extend(
        Fault::new(axum::http::Method::POST, "/notes", 400)
            .body(&echo)
            .times(1),
    );
    let out = run(&mut bot(&fake, &work));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(all.contains("xxxxx"), "{all}");
    assert!(!all.contains(&BOT_TOKEN[..8]), "{all}");
    for body in fake.state().bodies() {
        assert!(!body.contains(&BOT_TOKEN[..8]), "{body}");
    }
}

#[test]
fn a_file_above_the_target_branch_size_limit_is_too_large_and_not_read() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let key = (
        PROJECT_ID.to_string(),
        BASE_SHA.to_owned(),
        ".ase-lint.yml".to_owned(),
    );
    fake.state()
        .files
        .insert(key, "limits:\n  max_file_bytes: 100\n".to_owned());
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("file/too-large"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Blue Harbor"), "{}", stdout(&out));
}
