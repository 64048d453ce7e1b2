//! End-to-end tests of `ase-lint ci`: the real binary against the fake GitLab of
//! `tests/common`, asserting the API calls it makes and what people would read.
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;

use axum::http::Method;
use common::*;

fn inline_posts(fake: &FakeGitlab) -> Vec<Logged> {
    fake.state()
        .writes()
        .into_iter()
        .filter(|l| l.method == Method::POST && l.path.ends_with("/discussions"))
        .cloned()
        .collect()
}

#[test]
fn clean_mr_gets_one_summary_and_no_threads() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let state = fake.state();
    assert!(state.threads().is_empty());
    let summaries = state.summaries();
    assert_eq!(summaries.len(), 1);
    assert!(
        summaries[0].body.contains("## ase-lint: ✅ ready"),
        "{}",
        summaries[0].body
    );
    let writes: Vec<String> = state
        .writes()
        .iter()
        .map(|l| format!("{} {}", l.method, l.path))
        .collect();
    assert_eq!(
        writes,
        [format!(
            "POST /projects/{PROJECT_ID}/merge_requests/{MR_IID}/notes"
        )]
    );
}

#[test]
fn bad_readme_row_gets_a_thread_on_that_line() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let after = [ACME, SHORT_ROW];
    readme_mr(&fake, &work, &[ACME], &after);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let posts = inline_posts(&fake);
    assert_eq!(posts.len(), 1, "{posts:?}");
    let form = &posts[0].form;
    assert_eq!(
        form.get("position[new_line]"),
        Some(&line_of(&after, SHORT_ROW).to_string())
    );
    assert_eq!(form.get("position[old_line]"), None);
    assert_eq!(
        form.get("position[new_path]").map(String::as_str),
        Some("README.md")
    );
    let body = &form["body"];
    assert!(
        body.contains("`table/cell-count`") && body.contains("**❌ error**"),
        "{body}"
    );
    assert!(
        body.contains("(https://gitlab.com/gitlab-com/support/toolbox/ase-lint/-/blob/main/docs/rules/table/cell-count.md)"),
        "{body}"
    );
    assert!(
        !body.contains("ase-lint explain"),
        "no command a browser cannot run: {body}"
    );
    assert!(body.contains("<!-- ase-lint:fp="), "{body}");
    let state = fake.state();
    assert!(
        state.summaries()[0].body.contains("❌ 1 error"),
        "{}",
        state.summaries()[0].body
    );
}

#[test]
fn rerun_with_nothing_new_makes_five_reads_and_no_writes() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    assert_eq!(run(&mut bot(&fake, &work)).status.code(), Some(1));
    fake.state().clear_log();
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    assert!(state.writes().is_empty(), "{:?}", state.writes());
    // The token (its user and expiry), the merge request (with its newest diff refs),
    // its diffs and discussions, and the target branch's `.ase-lint.yml`; the README at
    // the base is rebuilt from the diff, not read.
    assert_eq!(
        state.log.len(),
        5,
        "{:?}",
        state.log.iter().map(|l| &l.path).collect::<Vec<_>>()
    );
    assert_eq!(state.threads().len(), 1);
    assert_eq!(state.summaries().len(), 1);
}

#[test]
fn fix_pushed_resolves_the_stale_thread_and_updates_the_summary() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    assert_eq!(run(&mut bot(&fake, &work)).status.code(), Some(1));
    fake.state()
        .push_version("bbbbbbb000000000000000000000000000000002");
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let state = fake.state();
    let thread = state.threads()[0].clone();
    assert!(thread.notes.iter().all(|n| n.resolved), "{thread:?}");
    assert!(
        thread
            .notes
            .last()
            .unwrap()
            .body
            .contains("Fixed in bbbbbbb"),
        "{thread:?}"
    );
    let summaries = state.summaries();
    assert_eq!(summaries.len(), 1);
    assert!(
        summaries[0].body.contains("✅ ready"),
        "{}",
        summaries[0].body
    );
    assert!(
        state
            .log
            .iter()
            .any(|l| l.method == Method::PUT && l.path.contains("/notes/"))
    );
}

#[test]
fn finding_that_came_back_reopens_the_thread() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    run(&mut bot(&fake, &work));
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    run(&mut bot(&fake, &work));
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1));
    let state = fake.state();
    assert_eq!(state.threads().len(), 1, "reopened, not reposted");
    let thread = state.threads()[0];
    assert!(thread.notes.iter().all(|n| !n.resolved));
    assert!(thread.notes.last().unwrap().body.contains("Found again"));
}

/// A README whose last lines (far below the table) change from `old_tail` to `new_tail`.
fn tail_mr(fake: &FakeGitlab, work: &Workspace, rows: &[&str], old_tail: &str, new_tail: &str) {
    let with = |tail: &str| format!("{}\nOne.\n\nTwo.\n\nThree.\n\n{tail}", readme(rows));
    fake.change(
        work,
        "README.md",
        Some(&with(old_tail)),
        Some(&with(new_tail)),
    );
}

#[test]
fn finding_outside_the_diff_goes_to_the_summary_only() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    tail_mr(
        &fake,
        &work,
        &[SHORT_ROW, ACME],
        "Old tail.\n",
        "New tail.\n",
    );
    // Without the base version every finding counts as the merge request's.
    base_unknown(&fake, &work, "README.md");
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(inline_posts(&fake).is_empty());
    let state = fake.state();
    let summary = &state.summaries()[0].body;
    assert!(summary.contains("Not commented inline"), "{summary}");
    assert!(
        summary.contains("line not added by this merge request"),
        "{summary}"
    );
    let line = line_of(&[SHORT_ROW, ACME], SHORT_ROW);
    let link = format!("/-/blob/aaaaaaa000000000000000000000000000000001/README.md#L{line}");
    assert!(summary.contains(&link), "{summary}");
}

/// Lines of a note body outside fenced code blocks.
fn lines_outside_fences(body: &str) -> Vec<&str> {
    let mut fence: Option<String> = None;
    let mut lines = Vec::new();
    for line in body.lines() {
        let ticks: String = line.chars().take_while(|c| *c == '`').collect();
        match &fence {
            Some(open)
                if ticks.len() >= open.len() && line.trim_start_matches('`').trim().is_empty() =>
            {
                fence = None
            }
            Some(_) => {}
            None if ticks.len() >= 3 => fence = Some(ticks),
            None => lines.push(line),
        }
    }
    lines
}

#[test]
fn hostile_text_executes_nothing_and_pings_nobody() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let hostile = "id: \"/merge\\n/approve @all #1 !2 ~bug <script>alert(1)</script>\"\nname: f6438d0c Acme\nnotes: |\n  /merge\n  @all <script>alert(1)</script>\n";
    fake.change(
        &work,
        "organizations/361092349520.yaml",
        None,
        Some(hostile),
    );
    let row = "| Acme | Jill | AMER | x | | f6438d0c Acme | @all <script>x</script> /merge | 370415907240 |\n";
    readme_mr(&fake, &work, &[ACME], &[ACME, row]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let bodies = fake.state().bodies();
    assert!(bodies.len() >= 2, "{bodies:?}");
    for body in &bodies {
        for line in lines_outside_fences(body) {
            assert!(
                !line.trim_start().starts_with('/'),
                "quick action line {line:?} in {body}"
            );
        }
        assert!(!body.contains("@all"), "{body}");
        assert!(!body.contains("<script>"), "{body}");
        assert!(
            !body.contains("#1 ") && !body.contains("!2") && !body.contains("~bug"),
            "{body}"
        );
    }
}

#[test]
fn rate_limit_then_bad_gateway_still_posts_everything() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    fake.state().faults = vec![
        Fault::new(Method::POST, "/discussions", 429).retry_after(1),
        Fault::new(Method::POST, "/discussions", 502),
        Fault::new(Method::GET, "/diffs", 503),
    ];
    let started = std::time::Instant::now();
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "Retry-After was not honoured"
    );
    let statuses: Vec<u16> = inline_posts(&fake).iter().map(|l| l.status).collect();
    assert_eq!(statuses, [429, 502, 201]);
    let state = fake.state();
    assert_eq!(state.threads().len(), 1);
    assert_eq!(state.summaries().len(), 1);
}

#[test]
fn job_token_only_explains_writes_artifacts_and_exits_by_findings() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let mut command = bot(&fake, &work);
    command
        .env_remove("ASE_LINT_TOKEN")
        .env("CI_JOB_TOKEN", JOB_TOKEN)
        .args([
            "--codequality",
            "gl-code-quality-report.json",
            "--junit",
            "ase-lint.xml",
        ]);
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("CI_JOB_TOKEN") && err.contains("cannot create notes"),
        "{err}"
    );
    assert!(
        err.contains("ASE_LINT_TOKEN") && err.contains("masked") && err.contains("api"),
        "{err}"
    );
    assert!(work.file("gl-code-quality-report.json").is_file());
    assert!(work.file("ase-lint.xml").is_file());
    let quality = std::fs::read_to_string(work.file("gl-code-quality-report.json")).unwrap();
    assert!(quality.contains("table/cell-count"), "{quality}");
    assert!(fake.state().writes().is_empty());
    let mut required = bot(&fake, &work);
    required
        .env_remove("ASE_LINT_TOKEN")
        .env("CI_JOB_TOKEN", JOB_TOKEN)
        .arg("--require-token");
    assert_eq!(run(&mut required).status.code(), Some(2));
}

#[test]
fn no_token_at_all_checks_the_project_and_still_writes_artifacts() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let mut command = bot(&fake, &work);
    command
        .env_remove("ASE_LINT_TOKEN")
        .args(["--junit", "out/ase-lint.xml"]);
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ASE_LINT_TOKEN is not set"),
        "{}",
        stderr(&out)
    );
    assert!(work.file("out/ase-lint.xml").is_file());
    assert!(fake.state().writes().is_empty());
}

#[test]
fn dry_run_prints_everything_and_writes_nothing() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let after = [ACME, SHORT_ROW];
    readme_mr(&fake, &work, &[ACME], &after);
    let out = run(bot(&fake, &work).arg("--dry-run"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let line = line_of(&after, SHORT_ROW);
    assert!(
        text.contains(&format!(
            "would send: POST discussions: inline comment on README.md new_line {line}"
        )),
        "{text}"
    );
    assert!(
        text.contains("would send: POST notes: create the summary note"),
        "{text}"
    );
    assert!(text.contains("<!-- ase-lint:summary -->"), "{text}");
    let state = fake.state();
    assert!(state.writes().is_empty(), "{:?}", state.writes());
    assert!(state.discussions.is_empty());
}

#[test]
fn refused_position_goes_to_the_summary_without_retrying() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    tail_mr(
        &fake,
        &work,
        &[SHORT_ROW, ACME],
        "Old tail.\n",
        "New tail.\n",
    );
    // Without the base version every finding counts as the merge request's.
    base_unknown(&fake, &work, "README.md");
    let out = run(bot(&fake, &work).args(["--filter", "file"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let posts = inline_posts(&fake);
    assert_eq!(posts.len(), 1, "one attempt, no retry loop: {posts:?}");
    assert_eq!(posts[0].status, 400);
    let state = fake.state();
    assert!(state.threads().is_empty());
    let summary = &state.summaries()[0].body;
    assert!(
        summary.contains("GitLab did not accept a comment on this line"),
        "{summary}"
    );
}

#[test]
fn context_lines_get_old_and_new_line_with_diff_context() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let before = [SHORT_ROW, ACME];
    let after = [SHORT_ROW, ACME, BLUE];
    readme_mr(&fake, &work, &before, &after);
    base_unknown(&fake, &work, "README.md");
    let out = run(bot(&fake, &work).args(["--filter", "diff_context"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let posts = inline_posts(&fake);
    assert_eq!(posts.len(), 1);
    let line = line_of(&after, SHORT_ROW).to_string();
    assert_eq!(posts[0].form.get("position[new_line]"), Some(&line));
    assert_eq!(posts[0].form.get("position[old_line]"), Some(&line));
    assert_eq!(posts[0].status, 201);
}

#[test]
fn rotated_token_resolves_old_threads_and_posts_a_new_summary() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    run(bot(&fake, &work).env("ASE_LINT_TOKEN", OLD_BOT_TOKEN));
    assert_eq!(fake.state().threads().len(), 1);
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let state = fake.state();
    assert!(state.threads()[0].notes.iter().all(|n| n.resolved));
    let summaries = state.summaries();
    assert_eq!(summaries.len(), 2);
    assert_eq!(summaries[1].author, BOT_ID);
    assert!(
        summaries[1].body.contains("another account"),
        "{}",
        summaries[1].body
    );
}

#[test]
fn threads_started_by_people_are_never_touched() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let position = serde_json::json!({"new_path": "README.md", "new_line": 5});
    let fake_marker = "I copied this <!-- ase-lint:fp=deadbeef -->";
    fake.state()
        .add_discussion(ALICE_ID, fake_marker, Some(position), false);
    fake.state().add_discussion(
        ALICE_ID,
        "<!-- ase-lint:summary -->\nnot the bot",
        None,
        false,
    );
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let state = fake.state();
    let human = state.threads()[0];
    assert_eq!(human.notes.len(), 1);
    assert!(!human.notes[0].resolved);
    assert_eq!(state.summaries().len(), 2, "a new summary of the bot's own");
    assert!(state.writes().iter().all(|l| !l.path.contains(&human.id)));
}

#[test]
fn review_mode_publishes_drafts_at_once() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let short2 = "| Dunmore | Jill Doe | AMER | x | | 9c27e4d1 Dunmore |\n";
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW, short2]);
    let out = run(bot(&fake, &work).arg("--review"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    let drafts = state
        .log
        .iter()
        .filter(|l| l.path.ends_with("/draft_notes"))
        .count();
    let publishes = state
        .log
        .iter()
        .filter(|l| l.path.ends_with("/bulk_publish"))
        .count();
    assert_eq!((drafts, publishes), (2, 1));
    assert_eq!(state.threads().len(), 2);
}

#[test]
fn max_inline_sends_the_rest_to_the_summary() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let short2 = "| Dunmore | Jill Doe | AMER | x | | 9c27e4d1 Dunmore |\n";
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW, short2]);
    let out = run(bot(&fake, &work).args(["--max-inline", "1"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(inline_posts(&fake).len(), 1);
    let state = fake.state();
    let body = &state.summaries()[0].body;
    assert!(body.contains("over the --max-inline limit"), "{body}");
}

#[test]
fn short_pages_are_followed_to_the_end() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    for i in 0..5 {
        fake.state()
            .add_discussion(ALICE_ID, &format!("comment {i}"), None, false);
    }
    run(&mut bot(&fake, &work));
    fake.state().page_cap = Some(2);
    fake.state().link_only = true;
    fake.state().clear_log();
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    assert!(state.writes().is_empty(), "{:?}", state.writes());
    let discussion_pages = state
        .log
        .iter()
        .filter(|l| l.path.ends_with("/discussions"))
        .count();
    assert_eq!(discussion_pages, 4, "7 discussions in pages of 2");
}

#[test]
fn nothing_checked_changed_means_no_comment_or_an_updated_summary() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.change(&work, "docs/other.txt", Some("a\n"), Some("b\n"));
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fake.state().writes().is_empty());
    fake.state()
        .add_discussion(BOT_ID, "<!-- ase-lint:summary -->\nold", None, false);
    run(&mut bot(&fake, &work));
    let state = fake.state();
    assert!(
        state.summaries()[0].body.contains("nothing to check"),
        "{}",
        state.summaries()[0].body
    );
}

/// Everything the run printed, after checking that none of `secrets` is in it.
fn output_without(out: &std::process::Output, secrets: &[&str]) -> String {
    let all = format!("{}{}", stdout(out), stderr(out));
    for secret in secrets {
        assert!(!all.contains(secret), "`{secret}` leaked:\n{all}");
    }
    all
}

#[test]
fn the_token_never_appears_in_output_even_when_debugging() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let verbosities: [(&[&str], &str); 3] = [(&["-v"], "debug"), (&["-vv"], ""), (&[], "trace")];
    for (flags, rust_log) in verbosities {
        fake.state().faults = vec![Fault::new(Method::GET, "/personal_access_tokens/self", 500)];
        let out = run(bot(&fake, &work).args(flags).env("RUST_LOG", rust_log));
        let all = output_without(&out, &[BOT_TOKEN]);
        assert!(
            all.contains("private-token: [redacted]"),
            "{flags:?} {rust_log}: {all}"
        );
    }
    let mut job = bot(&fake, &work);
    job.env_remove("ASE_LINT_TOKEN")
        .env("CI_JOB_TOKEN", JOB_TOKEN)
        .arg("-v");
    let all = output_without(&run(&mut job), &[JOB_TOKEN]);
    assert!(all.contains("job-token: [redacted]"), "{all}");
}

/// A password in the API URL (`http://oauth2:…@host/api/v4`), which must never be shown.
const URL_PASSWORD: &str = "url-password-4242";

fn with_credentials(api_url: &str) -> String {
    api_url.replacen("http://", &format!("http://oauth2:{URL_PASSWORD}@"), 1)
}

#[test]
fn a_refused_token_and_a_timeout_print_neither_the_token_nor_the_url_credentials() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let revoked = "glpat-revoked-secret-5555";
    let echoed = format!(r#"{{"message":"401 Unauthorized: {revoked} is not valid"}}"#);
    let mr = format!("/merge_requests/{MR_IID}");
    fake.state().faults = vec![Fault::new(Method::GET, &mr, 401).body(&echoed)];
    let mut refused = bot_at(&with_credentials(&fake.api_url()), &work);
    refused
        .env("ASE_LINT_TOKEN", revoked)
        .env("RUST_LOG", "trace")
        .arg("-vv");
    let all = output_without(&run(&mut refused), &[revoked, URL_PASSWORD]);
    assert!(all.contains("GitLab answered 401"), "{all}");
    assert!(all.contains("http://redacted@127.0.0.1:"), "{all}");
    let silent = with_credentials(&api_url_of(silent_server()));
    let mut timeout = bot_at(&silent, &work);
    timeout
        .env("RUST_LOG", "trace")
        .args(["-vv", "--timeout", "0.2"]);
    let out = run_within(&mut timeout, std::time::Duration::from_secs(60));
    let all = output_without(&out, &[BOT_TOKEN, URL_PASSWORD]);
    assert!(all.contains("no answer within 0.2 s"), "{all}");
}

#[test]
fn a_redirect_is_followed_on_the_same_origin_only() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let same = format!("{}/personal_access_tokens/self", fake.api_url());
    fake.state().faults = vec![
        Fault::new(Method::GET, "/personal_access_tokens/self", 307).header("location", &same),
    ];
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let elsewhere = FakeGitlab::start();
    let other = format!("{}/personal_access_tokens/self", elsewhere.api_url());
    fake.state().faults = vec![
        Fault::new(Method::GET, "/personal_access_tokens/self", 302).header("location", &other),
    ];
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        elsewhere.state().log.is_empty(),
        "the token went to another host: {:?}",
        elsewhere.state().log
    );
    let err = stderr(&out);
    assert!(err.contains("GitLab answered 302"), "{err}");
    assert!(
        err.contains("does not send its token to another address"),
        "{err}"
    );
}

#[test]
fn a_reporter_token_comments_but_cannot_resolve() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    run(&mut bot(&fake, &work));
    fake.state()
        .users
        .iter_mut()
        .for_each(|u| u.developer = false);
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Developer role"), "{}", stderr(&out));
    let out = run(&mut bot(&fake, &work));
    let state = fake.state();
    let replies = state.threads()[0].notes.len();
    assert_eq!(
        replies,
        2,
        "the fixed reply is not repeated: {:?}",
        state.threads()[0]
    );
    drop(state);
    assert_eq!(out.status.code(), Some(0));
}

/// The summary note's body after one run of the bot.
fn summary_after_run(fake: &FakeGitlab, work: &Workspace) -> String {
    let out = run(&mut bot(fake, work));
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let state = fake.state();
    let summaries = state.summaries();
    assert_eq!(summaries.len(), 1);
    summaries[0].body.clone()
}

const NOTE_ASSIGNED: &str = "---\nid: 361092349520\nname: f6438d0c Acme Corporation\nnotes: |\n  This organization has an Assigned Support Engineer (ASE). Jill Doe is the AMER ASE, so all new non-emergency tickets will be assigned to her.\n";

#[test]
fn added_row_gets_an_onboarding_checklist_read_against_the_base() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let body = summary_after_run(&fake, &work);
    assert!(
        body.contains("### Onboarding checklist: Blue Harbor Logistics (new ASE account)"),
        "{body}"
    );
    assert!(body.contains("`organizations/27946339528.yaml`"), "{body}");
    assert!(body.contains("`ase-lint new-note --org-id 27946339528 --org-name '5a1f9965 Blue Harbor Logistics' --ase 'Priya Raman' --region EMEA --write`"), "{body}");
    assert!(
        body.contains("with organization id `27946339528` and user id `411273650918`"),
        "{body}"
    );
    assert_eq!(
        body.matches("### Onboarding checklist").count(),
        1,
        "{body}"
    );
    assert!(
        !body.contains("Offboarding") && !body.contains("Auto-assignment"),
        "{body}"
    );
    let state = fake.state();
    let reads: Vec<(&str, &str)> = state
        .log
        .iter()
        .filter(|l| l.path.contains("/repository/files/"))
        .filter(|l| !l.path.contains(".ase-lint.yml"))
        .map(|l| (l.path.as_str(), l.query.as_str()))
        .collect();
    assert!(
        reads.is_empty(),
        "the base is rebuilt from the diff, not read: {reads:?}"
    );
}

#[test]
fn removed_row_gets_an_offboarding_reminder_only() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME, BLUE], &[ACME]);
    let body = summary_after_run(&fake, &work);
    assert!(
        body.contains("### Offboarding: Blue Harbor Logistics (row removed)"),
        "{body}"
    );
    assert!(body.contains("\"None\" as the ASE's user id"), "{body}");
    assert!(!body.contains("Onboarding checklist"), "{body}");
}

#[test]
fn edited_rows_and_unrelated_note_edits_get_no_workflow_section() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let edited = ACME.replace("| | f6438d0c", "| Cadence call on Tuesdays | f6438d0c");
    readme_mr(&fake, &work, &[ACME, BLUE], &[&edited, BLUE]);
    let other = NOTE_ASSIGNED.replace("This organization", "This customer");
    fake.change(
        &work,
        "organizations/361092349520.yaml",
        Some(NOTE_ASSIGNED),
        Some(&other),
    );
    let body = summary_after_run(&fake, &work);
    for section in ["Onboarding checklist", "Offboarding", "Auto-assignment"] {
        assert!(!body.contains(section), "{section}: {body}");
    }
}

#[test]
fn org_note_that_changes_auto_assignment_gets_the_super_form_reminder() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let changed = NOTE_ASSIGNED.replace("will be assigned to her", "will be assigned to Kenji");
    fake.change(
        &work,
        "organizations/361092349520.yaml",
        Some(NOTE_ASSIGNED),
        Some(&changed),
    );
    let body = summary_after_run(&fake, &work);
    assert!(body.contains("### Auto-assignment changed"), "{body}");
    assert!(body.contains("`organizations/361092349520.yaml`"), "{body}");
    assert!(
        body.contains("\"Subscription: Support Services - ASE\""),
        "{body}"
    );
    assert!(
        body.contains("(1) a named ASE for the organization in Zendesk"),
        "{body}"
    );
    assert_eq!(
        body.matches("### Auto-assignment changed").count(),
        1,
        "{body}"
    );
}

#[test]
fn unreadable_base_leaves_the_reminders_out_and_still_publishes() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    base_unknown(&fake, &work, "README.md");
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot read `README.md` at the merge request's base"));
    let state = fake.state();
    assert!(!state.summaries()[0].body.contains("Onboarding checklist"));
}

/// The Organizations project of the cross-project scenarios, as it appears in URLs.
const ORGS: &str = "support%2Forganizations";

/// An org file of the Organizations project at `master`.
fn org_file(fake: &FakeGitlab, id: &str, text: &str) {
    let key = (
        ORGS.to_owned(),
        "master".to_owned(),
        format!("organizations/{id}.yaml"),
    );
    fake.state().files.insert(key, text.to_owned());
}

fn with_orgs_project(fake: &FakeGitlab, work: &Workspace) -> std::process::Command {
    let mut command = bot(fake, work);
    command.args([
        "--orgs-project",
        "support/organizations",
        "--orgs-ref",
        "master",
    ]);
    command
}

#[test]
fn readme_rows_are_checked_against_the_orgs_project_through_the_api() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.state().projects.insert(ORGS.to_owned());
    org_file(&fake, "361092349520", NOTE_ASSIGNED);
    let wrong_name =
        "---\nid: 27946339528\nname: 5a1f9965 Blue Harbour\nnotes: |\n  PS Project in Progress\n";
    org_file(&fake, "27946339528", wrong_name);
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut with_orgs_project(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    let body = &state.summaries()[0].body;
    assert!(
        body.contains("cross/org\\-name\\-mismatch") || body.contains("cross/org-name-mismatch"),
        "{body}"
    );
    assert!(
        !body.contains("org-note-missing") && !body.contains("org\\-note\\-missing"),
        "{body}"
    );
    let mut reads: Vec<String> = state
        .log
        .iter()
        .filter(|l| l.path.starts_with(&format!("/projects/{ORGS}")))
        .map(|l| format!("{} {}", l.path, l.query))
        .collect();
    reads.sort();
    assert_eq!(
        reads,
        [
            format!("/projects/{ORGS} "),
            // Only the row the merge request adds: the unchanged ACME row's org file is
            // not read.
            format!(
                "/projects/{ORGS}/repository/files/organizations%2F27946339528.yaml/raw ref=master"
            ),
        ]
    );
}

#[test]
fn a_row_without_its_org_file_in_the_orgs_project_is_reported() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    fake.state().projects.insert(ORGS.to_owned());
    org_file(&fake, "361092349520", NOTE_ASSIGNED);
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut with_orgs_project(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(
            "no org file `organizations/27946339528.yaml` in support/organizations@master"
        ),
        "{}",
        stdout(&out)
    );
}

#[test]
fn unreachable_orgs_project_is_one_warning_and_never_fails_the_job() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(&mut with_orgs_project(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warnings = stderr(&out)
        .matches("the Organizations project `support/organizations` could not be read")
        .count();
    assert_eq!(warnings, 1, "{}", stderr(&out));
    let state = fake.state();
    let body = &state.summaries()[0].body;
    assert!(body.contains("could not be read"), "{body}");
    assert!(body.contains("0 findings"), "{body}");
}

#[test]
fn org_files_are_checked_against_the_ase_projects_readme_through_the_api() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let ase = "support%2Fase";
    fake.state().projects.insert(ase.to_owned());
    fake.state().files.insert(
        (ase.to_owned(), "master".to_owned(), "README.md".to_owned()),
        readme(&[ACME]),
    );
    let renamed = NOTE_ASSIGNED.replace(
        "name: f6438d0c Acme Corporation",
        "name: f6438d0c Acme Corp",
    );
    fake.change(
        &work,
        "organizations/361092349520.yaml",
        Some(NOTE_ASSIGNED),
        Some(&renamed),
    );
    let mut command = bot(&fake, &work);
    command.args(["--ase-project", "support/ase", "--ase-ref", "master"]);
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("the ASE table names this organization `f6438d0c Acme Corporation`, not `f6438d0c Acme Corp`"),
        "{}",
        stdout(&out)
    );
    let state = fake.state();
    let readme_reads = state
        .log
        .iter()
        .filter(|l| l.path.ends_with("README.md/raw"))
        .count();
    assert_eq!(readme_reads, 1);
}

/// The `fixtures/cross/<set>` projects: the README's text and the org files by path.
fn cross_fixture(set: &str) -> (String, Vec<(String, String)>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/cross")
        .join(set);
    let readme = std::fs::read_to_string(root.join("ase-project/README.md")).unwrap();
    let mut orgs: Vec<(String, String)> =
        std::fs::read_dir(root.join("orgs-project/organizations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (
                    format!("organizations/{name}"),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
    orgs.sort();
    (readme, orgs)
}

/// The `cross/*` rules named in the bot's printed findings.
fn cross_rules_seen(out: &std::process::Output) -> Vec<String> {
    let mut rules: Vec<String> = stdout(out)
        .lines()
        .filter_map(|l| l.split_once("[cross/").map(|(_, rest)| rest))
        .filter_map(|rest| {
            rest.split_once(']')
                .map(|(rule, _)| format!("cross/{rule}"))
        })
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

#[test]
fn every_readme_side_cross_rule_fails_and_passes_through_the_fake_gitlab() {
    for (set, expected) in [
        (
            "disagree",
            vec![
                "cross/ase-mismatch",
                "cross/org-id-mismatch",
                "cross/org-name-mismatch",
                "cross/org-note-missing",
                "cross/region-mismatch",
            ],
        ),
        ("agree", vec![]),
    ] {
        let (fake, work) = (FakeGitlab::start(), Workspace::new());
        let (readme_text, orgs) = cross_fixture(set);
        fake.state().projects.insert(ORGS.to_owned());
        for (path, text) in &orgs {
            let key = (ORGS.to_owned(), "master".to_owned(), path.clone());
            fake.state().files.insert(key, text.clone());
        }
        fake.change(&work, "README.md", None, Some(&readme_text));
        let out = run(&mut with_orgs_project(&fake, &work));
        assert_eq!(cross_rules_seen(&out), expected, "{set}: {}", stdout(&out));
    }
}

#[test]
fn every_org_side_cross_rule_fails_and_passes_through_the_fake_gitlab() {
    for (set, expected) in [
        (
            "disagree",
            vec![
                "cross/ase-mismatch",
                "cross/org-id-mismatch",
                "cross/org-name-mismatch",
                "cross/region-mismatch",
                "cross/unlisted-ase-note",
            ],
        ),
        ("agree", vec![]),
    ] {
        let (fake, work) = (FakeGitlab::start(), Workspace::new());
        let (readme_text, orgs) = cross_fixture(set);
        let ase = "support%2Fase";
        fake.state().projects.insert(ase.to_owned());
        let key = (ase.to_owned(), "master".to_owned(), "README.md".to_owned());
        fake.state().files.insert(key, readme_text);
        for (path, text) in &orgs {
            fake.change(&work, path, None, Some(text));
        }
        let mut command = bot(&fake, &work);
        command.args(["--ase-project", "support/ase"]);
        let out = run(&mut command);
        assert_eq!(cross_rules_seen(&out), expected, "{set}: {}", stdout(&out));
    }
}
