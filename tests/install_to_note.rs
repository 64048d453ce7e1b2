//! The CI/CD component's job script (`templates/ase-lint.yml`, inputs interpolated as
//! GitLab does) run with `sh` from job start to the review note: it fetches `install.sh`
//! at the release tag and the packed binary from a loopback Generic Package Registry
//! (tests/support/registry.rs), verifies and installs it with `ASE_LINT_TOKEN` unset, and
//! runs `ase-lint ci` against the fake GitLab of `tests/common`, which must hold the summary
//! note at the end; on the default branch the same job runs `ase-lint check .`. Prints the
//! time taken (`cargo test --test install_to_note -- --nocapture`).
//!
//! The packed binary is this build's `ase-lint`, or the file `ASE_LINT_RELEASE_BIN` names
//! (e.g. `target/x86_64-unknown-linux-musl/release/ase-lint`, to time the release build).
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;
#[path = "support/registry.rs"]
mod registry;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::*;
use registry::Registry;
use serde_json::Value;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const TARGET: &str = "x86_64-unknown-linux-musl";
/// Where the fake serves the ase-lint project: `<registry>/ase/ase-lint`.
const RELEASES_PATH: &str = "/ase/ase-lint";

fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The component's job after interpolating `inputs` over the spec's defaults: its
/// variables and its script (one shell text).
fn component_job(inputs: &[(&str, &str)]) -> (BTreeMap<String, String>, String) {
    let text = std::fs::read_to_string(repo_file("templates/ase-lint.yml")).expect("template");
    let (header, jobs) = text.split_once("\n---\n").expect("spec header, ---, jobs");
    let spec: Value = serde_saphyr::from_str(header).expect("spec YAML");
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for (name, input) in spec["spec"]["inputs"].as_object().expect("inputs") {
        let default = match &input["default"] {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        values.insert(name.clone(), default);
    }
    for (name, value) in inputs {
        assert!(values.contains_key(*name), "no input {name}");
        values.insert((*name).to_owned(), (*value).to_owned());
    }
    let mut jobs = jobs.to_owned();
    for (name, value) in &values {
        jobs = jobs.replace(&format!("$[[ inputs.{name} ]]"), value);
    }
    assert!(!jobs.contains("$[["), "an input is left: {jobs}");
    let jobs: Value = serde_saphyr::from_str(&jobs).expect("jobs YAML");
    let job = &jobs["ase-lint"];
    // The job extends the hidden base job: its variables, then its before_script and the
    // job's script, run by GitLab in one shell.
    let base = &jobs[job["extends"].as_str().expect("extends")];
    let variables = base["variables"]
        .as_object()
        .expect("variables")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect();
    let lines = |part: &Value| {
        part.as_array()
            .expect("script lines")
            .iter()
            .map(|line| line.as_str().expect("script line").to_owned())
            .collect::<Vec<_>>()
    };
    let mut script = lines(&base["before_script"]);
    script.extend(lines(&job["script"]));
    let script = script.join("\n");
    (variables, script)
}

/// The release packed once for all tests (packing the debug binary takes seconds).
fn packed_release() -> &'static Path {
    static DIST: OnceLock<PathBuf> = OnceLock::new();
    DIST.get_or_init(|| {
        let binary = std::env::var_os("ASE_LINT_RELEASE_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_ase-lint")));
        // Under target/tmp (cargo's folder for integration tests), rewritten every run.
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("install_to_note");
        let out = scratch.join("dist");
        std::fs::create_dir_all(&scratch).expect("target/tmp");
        let packed = Command::new("sh")
            .arg(repo_file("scripts/package-release.sh"))
            .args([VERSION, TARGET])
            .arg(&binary)
            .arg(&out)
            .env("TMPDIR", &scratch)
            .output()
            .expect("sh");
        assert!(packed.status.success(), "{}", stderr(&packed));
        out
    })
}

/// A registry serving install.sh at tag vVERSION and the packed binary with its .sha256.
fn release_registry() -> Registry {
    let out = packed_release();
    let registry = Registry::start();
    let mut state = registry.state();
    state.files.insert(
        format!("{RELEASES_PATH}/-/raw/v{VERSION}/scripts/install.sh"),
        std::fs::read(repo_file("scripts/install.sh")).expect("install.sh"),
    );
    for file in [
        format!("ase-lint-{VERSION}-{TARGET}.tar.gz"),
        format!("ase-lint-{VERSION}-{TARGET}.tar.gz.sha256"),
    ] {
        state.files.insert(
            format!("/api/v4/projects/ase%2Fase-lint/packages/generic/ase-lint/{VERSION}/{file}"),
            std::fs::read(out.join(&file)).expect("packed file"),
        );
    }
    drop(state);
    registry
}

/// A folder with a `curl` that logs whether ASE_LINT_TOKEN and ZENDESK_API_TOKEN are in its
/// environment, then
/// runs the real curl.
fn curl_spy(scratch: &Path) -> (PathBuf, PathBuf) {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let real = std::env::split_paths(&path)
        .map(|dir| dir.join("curl"))
        .find(|p| p.is_file())
        .expect("curl on PATH");
    let dir = scratch.join("spy");
    std::fs::create_dir_all(&dir).expect("spy dir");
    let log = scratch.join("curl-env.log");
    let spy = dir.join("curl");
    std::fs::write(
        &spy,
        format!(
            "#!/bin/sh\necho \"${{ASE_LINT_TOKEN-unset}} ${{ZENDESK_API_TOKEN-unset}}\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real.display()
        ),
    )
    .expect("spy");
    Command::new("chmod")
        .arg("755")
        .arg(&spy)
        .status()
        .expect("chmod");
    (dir, log)
}

/// Runs the component's job like a runner: the job's variables, GitLab's predefined ones,
/// `sh -e -c` on the script.
fn run_job(
    inputs: &[(&str, &str)],
    predefined: &[(&str, String)],
    work: &Workspace,
    scratch: &Path,
) -> (Output, Duration, PathBuf) {
    let (variables, script) = component_job(inputs);
    let (spy_dir, spy_log) = curl_spy(scratch);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![spy_dir];
    dirs.extend(std::env::split_paths(&path));
    let tmp = scratch.join("tmp");
    std::fs::create_dir_all(&tmp).expect("tmp");
    let mut command = Command::new("sh");
    command
        .args(["-e", "-c", &script])
        .env_clear()
        .env("PATH", std::env::join_paths(dirs).expect("PATH"))
        .env("HOME", scratch)
        .env("TMPDIR", &tmp)
        .env("CI_PROJECT_DIR", work.path())
        .env("ASE_LINT_TOKEN", BOT_TOKEN)
        .env("ZENDESK_API_TOKEN", "zendesk-secret")
        .env("ASE_LINT_RETRY_BASE_MS", "10")
        .env("NO_COLOR", "1")
        .envs(variables)
        .envs(predefined.iter().map(|(k, v)| (k, v.as_str())))
        .current_dir(work.path());
    let started = Instant::now();
    let output = command.output().expect("sh");
    (output, started.elapsed(), spy_log)
}

#[test]
fn component_job_installs_the_release_and_posts_the_review_note() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let registry = release_registry();
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let releases = format!("{}{RELEASES_PATH}", registry.url());
    let predefined = [
        ("CI_API_V4_URL", fake.api_url()),
        ("CI_MERGE_REQUEST_PROJECT_ID", PROJECT_ID.to_string()),
        ("CI_MERGE_REQUEST_IID", MR_IID.to_string()),
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_owned()),
    ];
    let (output, took, spy_log) = run_job(
        &[("version", VERSION), ("releases", &releases)],
        &predefined,
        &work,
        scratch.path(),
    );
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(0), "{all}");
    eprintln!(
        "component job (install {} KiB from loopback + ase-lint ci): {took:.2?} from job start to the summary note",
        registry
            .state()
            .files
            .iter()
            .filter(|(k, _)| k.ends_with(".tar.gz"))
            .map(|(_, v)| v.len() / 1024)
            .sum::<usize>()
    );
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert_eq!(fake.state().summaries().len(), 1, "{all}");
    assert!(
        all.contains(&format!("installed ase-lint {VERSION}")),
        "{all}"
    );
    assert!(!all.contains(BOT_TOKEN), "{all}");

    // Three downloads (installer, tarball, checksum), none with a credential, and none made
    // while ASE_LINT_TOKEN or a Zendesk credential was in the environment.
    let state = registry.state();
    assert_eq!(state.log.len(), 3, "{:?}", state.log);
    assert!(state.log.iter().all(|l| l.method == "GET" && !l.any_auth));
    let seen = std::fs::read_to_string(spy_log).expect("curl spy log");
    assert_eq!(seen.lines().collect::<Vec<_>>(), ["unset unset"; 3]);
    // The reports the job publishes.
    assert!(work.file("gl-code-quality-report.json").is_file());
    assert!(work.file("ase-lint-junit.xml").is_file());
}

#[test]
fn component_job_checks_the_project_on_the_default_branch() {
    let scratch = tempfile::tempdir().expect("tempdir");
    let registry = release_registry();
    let work = Workspace::new();
    work.write(
        "organizations/1.yaml",
        "id: 2\nname: f6438d0c Acme Corp\nnotes: x\n",
    );
    let releases = format!("{}{RELEASES_PATH}", registry.url());
    let predefined = [
        ("CI_API_V4_URL", "http://127.0.0.1:9/api/v4".to_owned()),
        ("CI_COMMIT_BRANCH", "main".to_owned()),
        ("CI_DEFAULT_BRANCH", "main".to_owned()),
    ];
    let (output, _, _) = run_job(
        &[
            ("version", VERSION),
            ("releases", &releases),
            ("codequality", "reports/cq.json"),
        ],
        &predefined,
        &work,
        scratch.path(),
    );
    let all = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(all.contains("note/schema"), "{all}");
    assert!(work.file("reports/cq.json").is_file(), "{all}");
}
