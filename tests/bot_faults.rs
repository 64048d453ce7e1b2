//! API fault tests of `ase-lint ci`: the real binary against a GitLab that never answers,
//! an address that refuses connections, and the fake GitLab of `tests/common` answering
//! 401, 403, 404, 409, 5xx, 429, malformed JSON or pages without end.
//!
//! Each test asserts what a user sees: the exit status, the paragraph that ends the run
//! (key words), that the run ends well within a time limit (it never hangs), the API calls
//! made, and that every finding is still in the Code Quality and JUnit artifacts.
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;

use std::process::{Command, Output};
use std::time::{Duration, Instant};

use axum::http::Method;
use common::*;

/// The rows of the merge request's README: one `table/cell-count` error.
const ROWS: [&str; 2] = [ACME, SHORT_ROW];
/// Longest a faulty run may take; well above what each needs, far below a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// The merge request adds [`SHORT_ROW`] to the README.
fn broken_mr(fake: &FakeGitlab, work: &Workspace) {
    readme_mr(fake, work, &[ACME], &ROWS);
}

/// A checkout holding the README of [`ROWS`], for runs without a fake GitLab.
fn broken_checkout() -> Workspace {
    let work = Workspace::new();
    work.write("README.md", &readme(&ROWS));
    work
}

/// Runs `command` with both artifacts asked for, failing the test if it hangs.
fn run_faulty(command: &mut Command) -> Output {
    run_within(with_artifacts(command), LIMIT)
}

/// The run's last line on stderr: the paragraph that ends a failed run.
fn last_line(out: &Output) -> String {
    stderr(out).lines().last().unwrap_or_default().to_owned()
}

/// Asserts that `text` holds every one of `words`.
fn assert_says(text: &str, words: &[&str]) {
    for word in words {
        assert!(text.contains(word), "`{word}` missing from:\n{text}");
    }
}

/// Asserts that both artifacts hold exactly the merge request's one finding.
fn assert_finding_kept(work: &Workspace) {
    let line = u64::from(line_of(&ROWS, SHORT_ROW));
    let found = artifact_findings(work);
    let rule = "table/cell-count".to_owned();
    let path = "README.md".to_owned();
    assert_eq!(found.codequality, [(rule.clone(), path.clone(), line)]);
    assert_eq!(found.junit, [(rule, path)]);
}

/// Statuses GitLab gave to `method` requests whose path ends with `suffix`, in order.
fn statuses(fake: &FakeGitlab, method: Method, suffix: &str) -> Vec<u16> {
    fake.state()
        .log
        .iter()
        .filter(|l| l.method == method && l.path.ends_with(suffix))
        .map(|l| l.status)
        .collect()
}

/// Asserts that the review was published in full: one thread, one summary.
fn assert_published(fake: &FakeGitlab) {
    let state = fake.state();
    assert_eq!(state.threads().len(), 1, "{:?}", state.discussions);
    assert_eq!(state.summaries().len(), 1, "{:?}", state.discussions);
}

#[test]
fn a_gitlab_that_never_answers_times_out_with_a_clear_message() {
    let work = broken_checkout();
    let api = api_url_of(silent_server());
    let started = Instant::now();
    let out = run_faulty(bot_at(&api, &work).args(["--timeout", "0.2"]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_says(
        &last_line(&out),
        &[
            "error: could not review merge request !7",
            "no answer within 0.2 s",
            "gave up after 6 attempts",
            "Nothing was posted",
            "reachable from the runner",
            "--timeout",
            CODEQUALITY,
            JUNIT,
            "Exit status 2.",
        ],
    );
    assert_says(&stdout(&out), &["table/cell-count"]);
    assert_finding_kept(&work);
}

#[test]
fn a_refused_connection_is_retried_then_reported() {
    let work = broken_checkout();
    let addr = refused_address();
    let out = run_faulty(&mut bot_at(&api_url_of(addr), &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let last = last_line(&out);
    assert_says(
        &last,
        &[
            "could not review merge request !7",
            &format!("cannot connect to {addr}"),
            "gave up after 6 attempts",
            "CI_API_V4_URL",
            "Exit status 2.",
        ],
    );
    assert!(last.to_lowercase().contains("refused"), "{last}");
    assert_finding_kept(&work);
}

#[test]
fn an_unknown_token_on_the_first_read_is_explained_and_exits_by_the_findings() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let revoked = "glpat-revoked-0000000000";
    let out = run_faulty(bot(&fake, &work).env("ASE_LINT_TOKEN", revoked));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_says(
        &err,
        &[
            "GitLab refused ASE_LINT_TOKEN",
            "expired, revoked",
            "401",
            "Settings > Access tokens",
            "the report artifacts were still written",
        ],
    );
    assert!(!err.contains(revoked), "{err}");
    assert_eq!(
        statuses(&fake, Method::GET, "/personal_access_tokens/self"),
        [401]
    );
    assert!(fake.state().writes().is_empty());
    assert_finding_kept(&work);
    let required = run_faulty(
        bot(&fake, &work)
            .env("ASE_LINT_TOKEN", revoked)
            .arg("--require-token"),
    );
    assert_eq!(required.status.code(), Some(2), "{}", stderr(&required));
}

#[test]
fn a_403_on_creating_a_thread_explains_the_token_and_keeps_the_findings() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().faults = vec![
        Fault::new(Method::POST, "/discussions", 403).body(r#"{"error":"insufficient_scope"}"#),
    ];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_says(
        &stderr(&out),
        &[
            "GitLab refused to create a note with ASE_LINT_TOKEN",
            "403",
            "insufficient_scope",
            "`api` scope",
            "status follows the findings",
        ],
    );
    assert_eq!(statuses(&fake, Method::POST, "/discussions"), [403]);
    assert!(fake.state().summaries().is_empty(), "nothing more is tried");
    assert_finding_kept(&work);
}

#[test]
fn a_404_on_the_merge_request_fails_naming_the_project_and_the_mr() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let mr = format!("/merge_requests/{MR_IID}");
    fake.state().faults =
        vec![Fault::new(Method::GET, &mr, 404).body(r#"{"message":"404 Not found"}"#)];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &[
            "could not review merge request !7: reading the merge request",
            "GitLab answered 404",
            "does not exist, or the token cannot see it",
            "--project and --mr",
            "Exit status 2.",
        ],
    );
    assert_eq!(
        statuses(&fake, Method::GET, &mr),
        [404],
        "a 404 is not retried"
    );
    assert!(fake.state().writes().is_empty());
    assert_finding_kept(&work);
}

#[test]
fn a_409_on_the_summary_note_fails_the_job_after_posting_the_thread() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().faults = vec![Fault::new(Method::POST, "/notes", 409)];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &[
            "1 write(s) to merge request !7 failed, so the review there is incomplete",
            "POST notes: create the summary note: GitLab answered 409",
            "conflict",
            "re-running the job",
            "Exit status 2.",
        ],
    );
    assert_eq!(
        statuses(&fake, Method::POST, "/notes"),
        [409],
        "never retried"
    );
    let state = fake.state();
    assert_eq!(state.threads().len(), 1);
    assert!(state.summaries().is_empty());
    drop(state);
    assert_finding_kept(&work);
}

#[test]
fn malformed_json_in_a_200_answer_is_reported_as_an_unexpected_answer() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let mr = format!("/merge_requests/{MR_IID}");
    fake.state().faults = vec![Fault::new(Method::GET, &mr, 200).body(r#"{"iid": 7, "web_url": "#)];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let last = last_line(&out);
    assert_says(
        &last,
        &[
            "could not review merge request !7: reading the merge request",
            "unexpected answer from GitLab: 200 with a body that is not JSON",
            "not what its API documents",
            "Exit status 2.",
        ],
    );
    assert!(!last.contains("GitLab answered 200"), "{last}");
    assert!(fake.state().writes().is_empty());
    assert_finding_kept(&work);
}

#[test]
fn a_list_page_of_the_wrong_shape_is_reported_as_an_unexpected_answer() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().faults = vec![Fault::new(Method::GET, "/discussions", 200).body(r#"{"id": 1}"#)];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &[
            "reading the merge request's discussions: unexpected answer from GitLab",
            "expected a sequence",
            "Exit status 2.",
        ],
    );
    assert!(
        fake.state().writes().is_empty(),
        "no thread is posted twice"
    );
    assert_finding_kept(&work);
}

#[test]
fn server_errors_then_success_are_retried_and_everything_is_posted() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let mut faults = vec![Fault::new(Method::GET, "/personal_access_tokens/self", 500)];
    faults.extend(Fault::new(Method::GET, "/discussions", 503).times(2));
    faults.push(Fault::new(Method::POST, "/discussions", 502));
    faults.push(Fault::new(Method::POST, "/notes", 504));
    fake.state().faults = faults;
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("ase-lint: error"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        statuses(&fake, Method::GET, "/personal_access_tokens/self"),
        [500, 200]
    );
    // Read, read again just before posting, and once more after writing (duplicates
    // of a pipeline running at the same time).
    assert_eq!(
        statuses(&fake, Method::GET, "/discussions"),
        [503, 503, 200, 200, 200]
    );
    assert_eq!(statuses(&fake, Method::POST, "/discussions"), [502, 201]);
    assert_eq!(statuses(&fake, Method::POST, "/notes"), [504, 201]);
    assert_published(&fake);
    assert_finding_kept(&work);
}

#[test]
fn a_500_on_creating_a_note_is_not_retried_so_it_is_never_posted_twice() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().faults = vec![Fault::new(Method::POST, "/discussions", 500)];
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &[
            "1 write(s) to merge request !7 failed",
            "GitLab answered 500",
            "a new note is never sent twice",
            "Exit status 2.",
        ],
    );
    assert_eq!(statuses(&fake, Method::POST, "/discussions"), [500]);
    let summary = fake.state().summaries()[0].body.clone();
    assert_says(&summary, &["table/cell-count"]);
    assert_finding_kept(&work);
}

#[test]
fn rate_limits_with_retry_after_are_waited_out() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().faults = Fault::new(Method::POST, "/discussions", 429)
        .retry_after(1)
        .times(2);
    let started = Instant::now();
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "Retry-After: 1, twice"
    );
    assert_eq!(
        statuses(&fake, Method::POST, "/discussions"),
        [429, 429, 201]
    );
    assert_published(&fake);
    assert_finding_kept(&work);
}

#[test]
fn rate_limits_without_retry_after_back_off_and_succeed() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let mut faults = Fault::new(Method::GET, "/diffs", 429).times(3);
    faults.extend(Fault::new(Method::POST, "/notes", 429).times(2));
    fake.state().faults = faults;
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(statuses(&fake, Method::GET, "/diffs"), [429, 429, 429, 200]);
    assert_eq!(statuses(&fake, Method::POST, "/notes"), [429, 429, 201]);
    assert_published(&fake);
    assert_finding_kept(&work);
}

#[test]
fn endless_rate_limiting_gives_up_after_six_attempts() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    let mr = format!("/merge_requests/{MR_IID}");
    fake.state().faults = Fault::new(Method::GET, &mr, 429).times(10);
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &[
            "could not review merge request !7: reading the merge request",
            "GitLab answered 429: too many requests",
            "kept rate-limiting",
            "re-run the job later",
            "Exit status 2.",
        ],
    );
    assert_eq!(statuses(&fake, Method::GET, &mr), [429; 6]);
    assert!(fake.state().writes().is_empty());
    assert_finding_kept(&work);
}

/// Runs the bot against list endpoints whose every page announces `next_page`.
fn run_with_endless_pages(next_page: fn(usize) -> usize, link_only: bool) -> (FakeGitlab, Output) {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    broken_mr(&fake, &work);
    fake.state().next_page = Some(next_page);
    fake.state().link_only = link_only;
    let out = run_faulty(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_says(
        &last_line(&out),
        &["could not review merge request !7", "Exit status 2."],
    );
    assert!(fake.state().writes().is_empty());
    assert_finding_kept(&work);
    (fake, out)
}

#[test]
fn pagination_that_never_ends_is_capped_at_100_pages() {
    for link_only in [false, true] {
        let (fake, out) = run_with_endless_pages(|page| page + 1, link_only);
        assert_says(
            &last_line(&out),
            &[
                "still announced a next page after 100 pages",
                "stopped reading the list",
            ],
        );
        let pages = statuses(&fake, Method::GET, "/diffs").len();
        assert_eq!(pages, 100, "link_only: {link_only}");
    }
}

#[test]
fn a_next_page_already_read_stops_the_list_at_once() {
    let (fake, out) = run_with_endless_pages(|_| 1, false);
    assert_says(
        &last_line(&out),
        &["one already read", "stopped reading the list"],
    );
    assert_eq!(statuses(&fake, Method::GET, "/diffs"), [200]);
}
