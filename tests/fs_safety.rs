//! What a hostile checkout cannot make `ase-lint check` do: write a report through a
//! symlink, read through one or from a special file (FIFO), or read a huge file whole.
//! Real symlinks, FIFOs and large generated files in temporary folders.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

fn ase_lint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ase-lint").unwrap_or_else(|e| panic!("{e}"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn output(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("{e}"))
}

const GOOD_ORG: &str =
    "---\nid: 27946339528\nname: 5a1f9965 Test Account\nnotes: |\n  PS Project in Progress\n";

/// A checkout with an org file and an outside file that a symlink in it points to.
fn checkout_with_outside() -> (tempfile::TempDir, std::path::PathBuf) {
    let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let work = root.path().join("work");
    write(&work, "organizations/27946339528.yaml", GOOD_ORG);
    write(root.path(), "outside.txt", "precious\n");
    (root, work)
}

#[test]
fn reports_are_never_written_through_a_symlink() {
    for flag in ["--codequality", "--junit"] {
        let (root, work) = checkout_with_outside();
        let outside = root.path().join("outside.txt");
        symlink(&outside, work.join("report.out")).unwrap_or_else(|e| panic!("{e}"));
        let out = output(ase_lint(&work).args(["check", flag, "report.out"]));
        assert_eq!(out.status.code(), Some(2), "{flag}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.contains("report.out") && err.contains("symbolic link"),
            "{flag}: {err}"
        );
        let kept = std::fs::read_to_string(&outside).unwrap_or_default();
        assert_eq!(kept, "precious\n", "{flag} wrote through the symlink");
    }
}

#[test]
fn a_dangling_symlink_is_refused_too_and_nothing_is_created() {
    let (root, work) = checkout_with_outside();
    let target = root.path().join("created-by-attack.json");
    symlink(&target, work.join("gl-code-quality-report.json")).unwrap_or_else(|e| panic!("{e}"));
    let out =
        output(ase_lint(&work).args(["check", "--codequality", "gl-code-quality-report.json"]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!target.exists(), "the symlink's target was created");
}

#[test]
fn reports_replace_regular_files_and_leave_no_temporary_file() {
    let (_root, work) = checkout_with_outside();
    write(&work, "out/report.json", "old");
    let out = output(ase_lint(&work).args(["check", "--codequality", "out/report.json"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(work.join("out/report.json")).unwrap_or_default();
    assert_eq!(written.trim(), "[]");
    let names: Vec<_> = std::fs::read_dir(work.join("out"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_report_in_a_symlinked_folder_is_refused() {
    let (root, work) = checkout_with_outside();
    std::fs::create_dir_all(root.path().join("elsewhere")).unwrap_or_else(|e| panic!("{e}"));
    symlink(root.path().join("elsewhere"), work.join("out")).unwrap_or_else(|e| panic!("{e}"));
    let out = output(ase_lint(&work).args(["check", "--junit", "out/junit.xml"]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!root.path().join("elsewhere/junit.xml").exists());
}

/// `check` with `args` in `dir`: (stdout, stderr, exit status).
fn check(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = output(ase_lint(dir).arg("check").args(args));
    (
        text(&out.stdout),
        text(&out.stderr),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_walked_symlinked_readme_is_a_finding_and_its_target_is_never_shown() {
    let (root, work) = checkout_with_outside();
    write(
        root.path(),
        "secret.md",
        "| Account | ASE |\n|---|---|\n| SECRET-ROW | x |\n",
    );
    symlink(root.path().join("secret.md"), work.join("README.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (out, err, code) = check(&work, &[".", "--format", "json"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("file/not-regular"), "{out}");
    assert!(
        !out.contains("SECRET-ROW") && !err.contains("SECRET-ROW"),
        "{out}"
    );
    assert!(
        !out.contains("secret.md"),
        "the link's target is shown: {out}"
    );
}

#[test]
fn a_named_symlinked_org_file_is_a_finding_not_a_read() {
    let (root, work) = checkout_with_outside();
    let link = "organizations/1.yaml";
    symlink(root.path().join("outside.txt"), work.join(link)).unwrap_or_else(|e| panic!("{e}"));
    let (out, _, code) = check(&work, &[link, "--color", "never"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[file/not-regular]"), "{out}");
    assert!(out.contains("organizations/1.yaml:1:1"), "{out}");
    assert!(
        out.contains("symbolic link") && !out.contains("precious"),
        "{out}"
    );
    // A dangling link, and one to /dev/zero, the same.
    symlink("/nonexistent/x", work.join("organizations/2.yaml")).unwrap_or_else(|e| panic!("{e}"));
    symlink("/dev/zero", work.join("organizations/3.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let (out, _, code) = check(&work, &["--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("file/not-regular").count(), 3, "{out}");
}

#[test]
fn a_fifo_is_a_finding_and_does_not_hang() {
    let (_root, work) = checkout_with_outside();
    let fifo = work.join("organizations/5.yaml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(status.success());
    let started = std::time::Instant::now();
    let (out, _, code) = check(&work, &["--format", "json"]);
    assert!(started.elapsed().as_secs() < 10, "hung on the FIFO");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("file/not-regular") && out.contains("named pipe"),
        "{out}"
    );
    let (out, _, code) = check(&work, &["organizations/5.yaml", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("file/not-regular"), "{out}");
}

#[test]
fn a_huge_file_is_not_read_and_reported_as_too_large() {
    let (_root, work) = checkout_with_outside();
    let path = work.join("README.md");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // 200 MB (sparse): reading it whole took 1.9 GB of memory.
    file.set_len(200 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("{e}"));
    let started = std::time::Instant::now();
    let (out, _, code) = check(&work, &["--format", "json"]);
    assert!(started.elapsed().as_secs() < 10, "read the huge file");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("file/too-large"), "{out}");
}

#[test]
fn the_size_cap_is_configurable_and_counts_bytes_read() {
    let (_root, work) = checkout_with_outside();
    write(&work, ".ase-lint.yml", "limits:\n  max_file_bytes: 40\n");
    let (out, _, code) = check(&work, &["--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("file/too-large"), "{out}");
    assert!(out.contains("limit of 40 bytes"), "{out}");
}

#[test]
fn fmt_never_reads_or_writes_through_a_symlink() {
    let (root, work) = checkout_with_outside();
    let outside = root.path().join("outside.txt");
    symlink(&outside, work.join("README.md")).unwrap_or_else(|e| panic!("{e}"));
    let out = output(ase_lint(&work).arg("fmt"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("symbolic link"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap_or_default(),
        "precious\n"
    );
}

#[test]
fn peak_memory_stays_under_64_mib_for_a_200_mb_file() {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("skipped: no /usr/bin/time to measure the peak memory");
        return;
    }
    let (_root, work) = checkout_with_outside();
    let file =
        std::fs::File::create(work.join("organizations/9.yaml")).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(200 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(time)
        .args(["-f", "maxrss=%M"])
        .arg(env!("CARGO_BIN_EXE_ase-lint"))
        .args(["check", "--format", "json"])
        .current_dir(&work)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = text(&out.stderr);
    let kib: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("maxrss="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no maxrss in {err}"));
    assert!(kib < 64 * 1024, "peak memory {kib} KiB");
    assert!(text(&out.stdout).contains("file/too-large"));
}
