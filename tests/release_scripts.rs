//! The release scripts against a loopback HTTP server: `scripts/package-release.sh` packs a
//! (fake) binary, `scripts/upload-release.sh` PUTs the tarball and its `.sha256` to a fake
//! Generic Package Registry on 127.0.0.1 with the `JOB-TOKEN` header, and
//! `scripts/install.sh` downloads them back, verifies the checksum and installs; a tampered
//! tarball, a missing or malformed `.sha256` and registry errors are refused with a non-zero
//! exit and nothing installed. Needs `sh`, `curl`, `tar`, `gzip` and `sha256sum` (the CI
//! image has them); never any network beyond 127.0.0.1.

#[path = "support/registry.rs"]
mod registry;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use registry::{Logged, Registry, TOKEN};
use sha2::{Digest, Sha256};

const VERSION: &str = "9.8.7";
const TARGET: &str = "x86_64-unknown-linux-musl";
const PROJECT: &str = "42";

/// The folder install.sh's `--base-url` names (files live under `<version>/`).
fn package_url(registry: &Registry) -> String {
    format!(
        "{}/projects/{PROJECT}/packages/generic/ase-lint",
        registry.api_url()
    )
}

fn package_path(file: &str) -> String {
    format!("/api/v4/projects/{PROJECT}/packages/generic/ase-lint/{VERSION}/{file}")
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts")
        .join(name)
}

/// Runs a script with `sh` and a clean environment apart from PATH and HOME.
fn run(script_name: &str, args: &[&str], env: &[(&str, &str)], home: &Path) -> Output {
    let mut command = Command::new("sh");
    command
        .arg(script(script_name))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("TMPDIR", home);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run sh")
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn tarball_name() -> String {
    format!("ase-lint-{VERSION}-{TARGET}.tar.gz")
}

/// Packs a fake `ase-lint` (a shell script printing `message`) into `out`.
fn package(dir: &Path, message: &str, out: &Path) -> Output {
    let binary = dir.join(format!("fake-{}", sha256_hex(message.as_bytes())));
    std::fs::write(&binary, format!("#!/bin/sh\necho '{message}'\n")).expect("write fake");
    run(
        "package-release.sh",
        &[
            VERSION,
            TARGET,
            binary.to_str().expect("utf-8 path"),
            out.to_str().expect("utf-8 path"),
        ],
        &[],
        dir,
    )
}

fn upload(registry: &Registry, files: &[PathBuf], home: &Path) -> Output {
    let mut args = vec![VERSION];
    args.extend(files.iter().map(|f| f.to_str().expect("utf-8 path")));
    let api = registry.api_url();
    run(
        "upload-release.sh",
        &args,
        &[
            ("CI_API_V4_URL", &api),
            ("CI_PROJECT_ID", PROJECT),
            ("CI_JOB_TOKEN", TOKEN),
        ],
        home,
    )
}

fn install(registry: &Registry, version: &str, bin: &Path, home: &Path) -> Output {
    let base = package_url(registry);
    run(
        "install.sh",
        &[
            version,
            "--base-url",
            &base,
            "--dir",
            bin.to_str().expect("utf-8 path"),
            "--target",
            TARGET,
        ],
        &[],
        home,
    )
}

/// A registry holding a packaged, uploaded release of a fake binary printing `message`.
fn released(dir: &Path, message: &str) -> Registry {
    let out = dir.join("out");
    let packed = package(dir, message, &out);
    assert!(packed.status.success(), "{}", text(&packed));
    let registry = Registry::start();
    let files = [
        out.join(tarball_name()),
        out.join(format!("{}.sha256", tarball_name())),
    ];
    let uploaded = upload(&registry, &files, dir);
    assert!(uploaded.status.success(), "{}", text(&uploaded));
    registry
}

#[test]
fn package_upload_and_install_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let packed = package(dir.path(), "ase-lint 9.8.7", &out);
    assert!(packed.status.success(), "{}", text(&packed));
    let tarball = std::fs::read(out.join(tarball_name())).expect("tarball");
    let checksum =
        std::fs::read_to_string(out.join(format!("{}.sha256", tarball_name()))).expect(".sha256");
    assert_eq!(
        checksum,
        format!("{}  {}\n", sha256_hex(&tarball), tarball_name())
    );
    // Reproducible: packing the same binary again gives the same bytes.
    let again = dir.path().join("again");
    assert!(
        package(dir.path(), "ase-lint 9.8.7", &again)
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(again.join(tarball_name())).expect("tarball"),
        tarball
    );

    let registry = Registry::start();
    let files = [
        out.join(tarball_name()),
        out.join(format!("{}.sha256", tarball_name())),
    ];
    let uploaded = upload(&registry, &files, dir.path());
    assert!(uploaded.status.success(), "{}", text(&uploaded));
    assert!(
        !text(&uploaded).contains(TOKEN),
        "the token is printed: {}",
        text(&uploaded)
    );
    let puts: Vec<Logged> = registry.state().log.clone();
    assert_eq!(puts.len(), 2, "{puts:?}");
    for (put, file) in puts.iter().zip(&files) {
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        assert_eq!(put.method, "PUT");
        assert_eq!(put.path, package_path(name));
        assert_eq!(put.job_token.as_deref(), Some(TOKEN));
        assert_eq!(put.body, std::fs::read(file).expect("file"));
    }

    let bin = dir.path().join("bin");
    let installed = install(&registry, "v9.8.7", &bin, dir.path());
    assert!(installed.status.success(), "{}", text(&installed));
    let gets: Vec<String> = registry
        .state()
        .log
        .iter()
        .filter(|l| l.method == "GET")
        .map(|l| {
            assert_eq!(l.job_token, None, "install.sh sent a token");
            l.path.clone()
        })
        .collect();
    assert_eq!(
        gets,
        [
            package_path(&tarball_name()),
            package_path(&format!("{}.sha256", tarball_name())),
        ]
    );
    let ran = Command::new(bin.join("ase-lint")).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "ase-lint 9.8.7\n");
    // Nothing left behind: no partial file beside the binary, no temporary folder.
    let left: Vec<_> = std::fs::read_dir(&bin)
        .expect("bin")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, ["ase-lint"]);
    assert!(
        !std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .any(|e| e
                .file_name()
                .to_string_lossy()
                .starts_with("ase-lint-install.")),
        "install.sh left its temporary folder"
    );
}

/// Installs into a folder that already holds a working `ase-lint`, which must survive.
fn assert_refused(registry: &Registry, dir: &Path, why: &str) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    std::fs::write(bin.join("ase-lint"), "the old binary").expect("old binary");
    let installed = install(registry, VERSION, &bin, dir);
    assert_eq!(installed.status.code(), Some(1), "{}", text(&installed));
    let stderr = String::from_utf8_lossy(&installed.stderr);
    assert!(stderr.contains(why), "{}", text(&installed));
    assert_eq!(
        std::fs::read_to_string(bin.join("ase-lint")).expect("old binary"),
        "the old binary"
    );
    assert_eq!(std::fs::read_dir(&bin).expect("bin").count(), 1);
}

#[test]
fn install_refuses_a_tampered_tarball() {
    let dir = tempfile::tempdir().expect("tempdir");
    let registry = released(dir.path(), "ase-lint 9.8.7");
    // Someone replaces the tarball (a different binary) but not its checksum.
    let evil = dir.path().join("evil");
    assert!(package(dir.path(), "pwned", &evil).status.success());
    let tampered = std::fs::read(evil.join(tarball_name())).expect("tarball");
    registry
        .state()
        .files
        .insert(package_path(&tarball_name()), tampered);
    assert_refused(&registry, dir.path(), "checksum mismatch");

    // A flipped byte is caught too.
    let mut state = registry.state();
    let file = state
        .files
        .get_mut(&package_path(&tarball_name()))
        .expect("stored");
    file[100] ^= 1;
    drop(state);
    assert_refused(&registry, dir.path(), "checksum mismatch");
}

#[test]
fn install_refuses_a_missing_or_malformed_checksum() {
    let dir = tempfile::tempdir().expect("tempdir");
    let registry = released(dir.path(), "ase-lint 9.8.7");
    let sha_path = package_path(&format!("{}.sha256", tarball_name()));
    let good = registry.state().files.remove(&sha_path).expect("stored");
    assert_refused(
        &registry,
        dir.path(),
        "refusing to install an unverified binary",
    );

    for bad in ["", "not a digest\n", "abc123  file\n"] {
        registry
            .state()
            .files
            .insert(sha_path.clone(), bad.as_bytes().to_vec());
        assert_refused(&registry, dir.path(), "holds no SHA-256 digest");
    }
    registry.state().files.insert(sha_path, good);
    assert!(
        install(&registry, VERSION, &dir.path().join("bin"), dir.path())
            .status
            .success()
    );
}

#[test]
fn install_refuses_a_missing_tarball_and_bad_arguments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let registry = released(dir.path(), "ase-lint 9.8.7");
    registry
        .state()
        .files
        .remove(&package_path(&tarball_name()));
    assert_refused(&registry, dir.path(), "cannot download");

    let bin = dir.path().join("other-bin");
    let bin_arg = bin.to_str().expect("utf-8 path");
    for (args, code) in [
        (vec![], 2),
        (vec!["1.2"], 1),
        (vec!["1.2.3;rm"], 1),
        (vec!["../../1.2.3"], 1),
        (vec![VERSION, "--dir"], 2),
        (vec![VERSION, "--bogus"], 2),
        (vec![VERSION, "--target", "../x"], 1),
    ] {
        let mut all = args.clone();
        all.extend(["--dir", bin_arg]);
        if args.last() == Some(&"--dir") {
            all = args.clone();
        }
        let output = run("install.sh", &all, &[], dir.path());
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            text(&output)
        );
        assert!(!bin.join("ase-lint").exists(), "{args:?}");
    }
}

#[test]
fn upload_fails_on_registry_errors_without_printing_the_token() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    assert!(package(dir.path(), "ase-lint 9.8.7", &out).status.success());
    let files = [out.join(tarball_name())];

    let registry = Registry::start();
    registry.state().put_status = Some(403);
    let output = upload(&registry, &files, dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("HTTP 403"), "{}", text(&output));
    assert!(!text(&output).contains(TOKEN), "{}", text(&output));

    // A wrong token is a 401, also a failure.
    let registry = Registry::start();
    let api = registry.api_url();
    let output = run(
        "upload-release.sh",
        &[VERSION, files[0].to_str().expect("utf-8 path")],
        &[
            ("CI_API_V4_URL", &api),
            ("CI_PROJECT_ID", PROJECT),
            ("CI_JOB_TOKEN", "wrong"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("HTTP 401"), "{}", text(&output));

    // No token, no server, or a missing file: fails before or without uploading.
    let output = run(
        "upload-release.sh",
        &[VERSION, files[0].to_str().expect("utf-8 path")],
        &[("CI_API_V4_URL", &api), ("CI_PROJECT_ID", PROJECT)],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let dead = format!(
        "http://{}/api/v4",
        closed.local_addr().expect("local address")
    );
    drop(closed);
    let output = run(
        "upload-release.sh",
        &[VERSION, files[0].to_str().expect("utf-8 path")],
        &[
            ("CI_API_V4_URL", &dead),
            ("CI_PROJECT_ID", PROJECT),
            ("CI_JOB_TOKEN", TOKEN),
            ("ASE_LINT_UPLOAD_RETRIES", "0"),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(!text(&output).contains(TOKEN), "{}", text(&output));
    let before = registry.state().log.len();
    let output = upload(&registry, &[dir.path().join("missing.tar.gz")], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert_eq!(registry.state().log.len(), before, "a request was made");
}
