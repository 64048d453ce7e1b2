//! What the fault tests need besides the fake GitLab: servers that misbehave below HTTP
//! (one that never answers, an address that refuses connections), a run that fails the
//! test instead of hanging, and the findings read back from the report artifacts.

use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;

use super::Workspace;

/// The Code Quality report the bot is asked for, relative to the workspace.
pub const CODEQUALITY: &str = "gl-code-quality-report.json";
/// The JUnit report the bot is asked for (in a folder it has to create).
pub const JUNIT: &str = "reports/ase-lint.xml";

/// A server on 127.0.0.1 that accepts every connection and never answers.
pub fn silent_server() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    addr
}

/// An address on 127.0.0.1 where nothing listens: connections are refused.
pub fn refused_address() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

/// The API URL of a server at `addr`.
pub fn api_url_of(addr: SocketAddr) -> String {
    format!("http://{addr}/api/v4")
}

/// Runs the command; fails the test (after killing the process) when it is still running
/// after `limit`.
pub fn run_within(command: &mut Command, limit: Duration) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("ase-lint still ran after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Asks for both report artifacts, [`CODEQUALITY`] and [`JUNIT`].
pub fn with_artifacts(command: &mut Command) -> &mut Command {
    command.args(["--codequality", CODEQUALITY, "--junit", JUNIT])
}

/// The findings the two report artifacts hold.
#[derive(Debug, PartialEq, Eq)]
pub struct ArtifactFindings {
    /// `(rule, path, line)` of each Code Quality issue.
    pub codequality: Vec<(String, String, u64)>,
    /// `(rule, file)` of each JUnit failure.
    pub junit: Vec<(String, String)>,
}

/// Reads both artifacts from `work` (the test fails when one is missing or invalid).
pub fn artifact_findings(work: &Workspace) -> ArtifactFindings {
    let read = |rel: &str| {
        std::fs::read_to_string(work.file(rel))
            .unwrap_or_else(|e| panic!("artifact {rel} was not written: {e}"))
    };
    ArtifactFindings {
        codequality: codequality_findings(&read(CODEQUALITY)),
        junit: junit_failures(&read(JUNIT)),
    }
}

fn codequality_findings(text: &str) -> Vec<(String, String, u64)> {
    let issues: Vec<Value> = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    issues
        .iter()
        .map(|issue| {
            let field = |v: &Value| v.as_str().unwrap_or_default().to_owned();
            (
                field(&issue["check_name"]),
                field(&issue["location"]["path"]),
                issue["location"]["lines"]["begin"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[derive(Deserialize)]
struct Suites {
    testsuite: Vec<Suite>,
}

#[derive(Deserialize)]
struct Suite {
    #[serde(default)]
    testcase: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(rename = "@file")]
    file: String,
    #[serde(default)]
    failure: Vec<Failure>,
}

#[derive(Deserialize)]
struct Failure {
    #[serde(rename = "@type")]
    rule: String,
}

fn junit_failures(xml: &str) -> Vec<(String, String)> {
    let suites: Suites = quick_xml::de::from_str(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    suites
        .testsuite
        .iter()
        .flat_map(|suite| &suite.testcase)
        .flat_map(|case| {
            case.failure
                .iter()
                .map(|f| (f.rule.clone(), case.file.clone()))
        })
        .collect()
}
