//! End-to-end tests of the manager's review (issue 15): the real `ase-lint ci` against the
//! fake GitLab of `tests/common`, asserting what a manager reads — the summary note's
//! per-note answers, the one thread per note for its open questions, and what the merge
//! request introduced as opposed to what was already on the target branch.
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;

use std::process::Output;

use axum::http::Method;
use common::*;

const ORG_PATH: &str = "organizations/361092349520.yaml";

const INTRO: &str = "This organization has an Assigned Support Engineer (ASE). Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).";
const ASE: &str = "Jill Doe is the AMER ASE for Acme Corporation, so all new non-emergency tickets will be assigned to her.";
const OUT_OF_HOURS: &str = "Tickets that come in outside Jill's working hours (9am-5pm ET) are answered by the engineer on shift, leaving Jill as the assignee.";
const UNAVAILABLE: &str =
    "If Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself.";
const PRE_EXISTING: &str =
    "Pre-existing tickets will keep their existing assignee and Jill will shadow.";
const EMERGENCY: &str = "The on-call engineer will continue to handle emergency tickets, which will not get assigned to Jill.";

/// An org file whose note is `statements`, one paragraph each.
fn org_file(statements: &[&str]) -> String {
    let note: Vec<String> = statements.iter().map(|s| format!("  {s}\n")).collect();
    format!(
        "id: 361092349520\nname: f6438d0c Acme Corporation\nnotes: |\n{}",
        note.join("  \n")
    )
}

fn complete_note() -> String {
    org_file(&[
        INTRO,
        ASE,
        OUT_OF_HOURS,
        UNAVAILABLE,
        PRE_EXISTING,
        EMERGENCY,
    ])
}

/// The merge request adds the org file (`text`) as a new file.
fn new_org_mr(fake: &FakeGitlab, work: &Workspace, text: &str) {
    fake.change(work, ORG_PATH, None, Some(text));
}

/// `.ase-lint.yml` on the merge request's target branch (where `ci` reads it).
fn target_branch_config(fake: &FakeGitlab, yaml: &str) {
    fake.state().files.insert(
        (
            PROJECT_ID.to_string(),
            BASE_SHA.to_owned(),
            ".ase-lint.yml".to_owned(),
        ),
        yaml.to_owned(),
    );
}

/// Runs the bot once, expecting `status`, and returns the summary's body.
fn summary_after(fake: &FakeGitlab, work: &Workspace, status: i32) -> String {
    let out = run(&mut bot(fake, work));
    assert_eq!(out.status.code(), Some(status), "{}", stderr(&out));
    let state = fake.state();
    let summaries = state.summaries();
    assert_eq!(summaries.len(), 1);
    summaries[0].body.clone()
}

#[test]
fn org_note_summary_gives_every_question_in_words_with_its_answering_quote() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    new_org_mr(&fake, &work, &complete_note());
    let body = summary_after(&fake, &work, 0);
    assert!(
        body.contains(
            "**ASE note**: “[This organization has an Assigned Support Engineer \\(ASE\\)."
        ),
        "{body}"
    );
    assert!(
        body.contains("**ASE**: Jill Doe · **Region**: AMER"),
        "{body}"
    );
    let head = fake.state().head().to_owned();
    for (asks, quote, line) in [
        (
            "Who is the Assigned Support Engineer (ASE) for this customer?",
            "Jill Doe is the AMER ASE for Acme Corporation, so all new non\\-emergency tickets will be assigned to her.",
            6,
        ),
        (
            "Which region is the ASE located in?",
            "Jill Doe is the AMER ASE",
            6,
        ),
        (
            "How to handle tickets that come in outside of the ASE's working hours?",
            "Tickets that come in outside Jill's working hours \\(9am\\-5pm ET\\)",
            8,
        ),
        (
            "What should a Support Engineer do with this customer's tickets when the ASE is not available?",
            "If Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself.",
            10,
        ),
        (
            "What to do with tickets that predate the introduction of this ASE?",
            "Pre\\-existing tickets will keep their existing assignee and Jill will shadow.",
            12,
        ),
        (
            "What to do in case the customer submits an emergency ticket?",
            "The on\\-call engineer will continue to handle emergency tickets",
            14,
        ),
    ] {
        let row = body
            .lines()
            .find(|l| l.contains(asks))
            .unwrap_or_else(|| panic!("{asks} not in {body}"));
        assert!(row.starts_with("| ✅ |"), "{row}");
        assert!(row.contains(quote), "{row}");
        let link = format!("/-/blob/{head}/{ORG_PATH}#L{line})");
        assert!(row.contains(&link), "{link} not in {row}");
    }
    assert!(
        !body.contains("note/"),
        "no rule ids for the manager: {body}"
    );
    assert!(!body.contains("ask your manager"), "{body}");
    assert!(fake.state().threads().is_empty());
    insta::assert_snapshot!("summary_clean_note", &body);
}

/// The bot's inline threads on the org file.
fn note_threads(fake: &FakeGitlab) -> Vec<FakeDiscussion> {
    fake.state().threads().into_iter().cloned().collect()
}

#[test]
fn a_note_missing_three_answers_gets_one_thread_edited_then_resolved() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    new_org_mr(&fake, &work, &org_file(&[INTRO, ASE, OUT_OF_HOURS]));
    let body = summary_after(&fake, &work, 1);
    let threads = note_threads(&fake);
    assert_eq!(threads.len(), 1, "one thread for the note: {threads:?}");
    let first = &threads[0].notes[0].body;
    assert!(
        first.starts_with("**3 of the handbook's six questions are not answered in this note**"),
        "{first}"
    );
    for asks in [
        "What should a Support Engineer do with this customer's tickets when the ASE is not available?",
        "What to do with tickets that predate the introduction of this ASE?",
        "What to do in case the customer submits an emergency ticket?",
    ] {
        assert!(
            first.contains(&format!(
                "- ❌ **{asks}** Not answered. Add a sentence such as “"
            )),
            "{asks}: {first}"
        );
    }
    assert!(
        body.contains("| ❌ | What to do in case the customer submits an emergency ticket?"),
        "{body}"
    );
    insta::assert_snapshot!("summary_incomplete_note", &body);

    fake.state()
        .push_version("bbbbbbb000000000000000000000000000000002");
    fake.state().clear_log();
    new_org_mr(
        &fake,
        &work,
        &org_file(&[INTRO, ASE, OUT_OF_HOURS, PRE_EXISTING]),
    );
    summary_after(&fake, &work, 1);
    let threads = note_threads(&fake);
    assert_eq!(threads.len(), 1, "edited, not a second thread: {threads:?}");
    assert_eq!(
        threads[0].notes.len(),
        1,
        "edited in place, no reply: {threads:?}"
    );
    let edited = &threads[0].notes[0].body;
    assert!(
        edited.starts_with("**2 of the handbook's six questions are not answered"),
        "{edited}"
    );
    assert!(!edited.contains("predate"), "{edited}");
    let state = fake.state();
    let edits: Vec<&Logged> = state
        .writes()
        .into_iter()
        .filter(|l| {
            l.method == Method::PUT
                && l.path
                    .ends_with(&format!("/notes/{}", threads[0].notes[0].id))
        })
        .collect();
    assert_eq!(edits.len(), 1, "{:?}", state.writes());
    assert!(
        !state
            .writes()
            .iter()
            .any(|l| l.method == Method::POST && l.path.ends_with("/discussions"))
    );
    drop(state);

    fake.state()
        .push_version("ccccccc000000000000000000000000000000003");
    new_org_mr(&fake, &work, &complete_note());
    summary_after(&fake, &work, 0);
    let threads = note_threads(&fake);
    assert_eq!(threads.len(), 1);
    assert!(threads[0].notes.iter().all(|n| n.resolved), "{threads:?}");
    assert!(
        threads[0]
            .notes
            .last()
            .is_some_and(|n| n.body.contains("Fixed in ccccccc")),
        "{threads:?}"
    );
}

/// `row` with every cell padded, as `ase-lint fmt` re-aligning a wider column would.
fn padded(row: &str) -> String {
    row.replace(" | ", "   |   ")
}

#[test]
fn a_reformatted_table_with_old_errors_and_one_good_new_row_gets_no_thread_and_passes() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let before = readme(&[ACME, SHORT_ROW]);
    let after = format!(
        "# Assigned Support Engineers\n\n{}{}{}{BLUE}",
        padded(HEADER),
        padded(ACME),
        padded(SHORT_ROW)
    );
    fake.change(&work, "README.md", Some(&before), Some(&after));
    let out = run(&mut bot(&fake, &work));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{:?}",
        stderr(&out),
        fake.state().bodies()
    );
    assert!(
        stderr(&out).contains("already on the target branch"),
        "{}",
        stderr(&out)
    );
    let state = fake.state();
    assert!(state.threads().is_empty(), "{:?}", state.threads());
    let body = state.summaries()[0].body.clone();
    drop(state);
    assert!(body.contains("## ase-lint: ✅ ready"), "{body}");
    let folded = body
        .split("<details><summary>Already on the target branch (")
        .nth(1)
        .unwrap_or_else(|| panic!("no folded section: {body}"));
    assert!(folded.contains("table/cell-count"), "{folded}");
    assert!(
        body.contains("### Onboarding checklist: Blue Harbor Logistics"),
        "{body}"
    );
    insta::assert_snapshot!("summary_new_readme_row", &body);
}

#[test]
fn fail_on_all_fails_on_old_findings_but_still_posts_no_thread() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME, SHORT_ROW], &[ACME, SHORT_ROW, BLUE]);
    let out = run(bot(&fake, &work).args(["--fail-on", "all"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(fake.state().threads().is_empty());
}

#[test]
fn a_row_with_a_malformed_id_gets_no_command_or_form_values_built_from_it() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let bad = BLUE
        .replace("| 27946339528 |", "| 27,946,339,528 |")
        .replace("| EMEA |", "| emea |");
    readme_mr(&fake, &work, &[ACME], &[ACME, &bad]);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let body = fake.state().summaries()[0].body.clone();
    assert!(
        body.contains("### Onboarding checklist: Blue Harbor Logistics"),
        "{body}"
    );
    assert!(!body.contains("organizations/27,946"), "{body}");
    assert!(!body.contains("ase-lint new-note --"), "{body}");
    assert!(!body.contains("--region"), "{body}");
    assert!(
        body.contains("fix this row first: Zendesk Account ID has an error"),
        "{body}"
    );
}

/// `days` from today (UTC) as `YYYY-MM-DD`.
fn date_in(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = i64::try_from(now / 86_400).unwrap_or(0) + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[test]
fn a_token_expiring_within_two_weeks_is_warned_about_in_the_log_and_the_footer() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let expires = date_in(5);
    fake.state().token_expires_at = Some(expires.clone());
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = format!("expires in 5 days ({expires})");
    assert!(stderr(&out).contains(&said), "{}", stderr(&out));
    let body = fake.state().summaries()[0].body.clone();
    let footer = body
        .lines()
        .find(|l| l.starts_with("<sub>⚠️"))
        .unwrap_or_else(|| panic!("no footer warning: {body}"));
    assert!(footer.contains("expires in 5 days"), "{footer}");

    fake.state().token_expires_at = Some(date_in(60));
    let out = run(&mut bot(&fake, &work));
    assert!(!stderr(&out).contains("expires"), "{}", stderr(&out));
    assert!(!fake.state().summaries()[0].body.contains("<sub>⚠️"));
}

/// `ase-lint ci --token-check --require-token` as a scheduled pipeline runs it: no merge
/// request, the bot's token replaced by `token` (`None`: unset).
fn scheduled_token_check(fake: &FakeGitlab, work: &Workspace, token: Option<&str>) -> Output {
    let mut command = bot(fake, work);
    command
        .env_remove("CI_MERGE_REQUEST_IID")
        .env_remove("CI_MERGE_REQUEST_PROJECT_ID")
        .env_remove("ASE_LINT_TOKEN")
        .args(["--token-check", "--require-token"]);
    if let Some(token) = token {
        command.env("ASE_LINT_TOKEN", token);
    }
    run(&mut command)
}

#[test]
fn the_scheduled_token_check_fails_two_weeks_before_expiry_and_without_a_token() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let later = date_in(60);
    fake.state().token_expires_at = Some(later.clone());
    let out = scheduled_token_check(&fake, &work, Some(BOT_TOKEN));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "GitLab accepts ASE_LINT_TOKEN; it expires on {later}."
        )),
        "{}",
        stdout(&out)
    );

    fake.state().token_expires_at = Some(date_in(3));
    let out = scheduled_token_check(&fake, &work, Some(BOT_TOKEN));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("expires in 3 days"),
        "{}",
        stderr(&out)
    );

    let out = scheduled_token_check(&fake, &work, None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ASE_LINT_TOKEN is not set"),
        "{}",
        stderr(&out)
    );

    let out = scheduled_token_check(&fake, &work, Some("glpat-revoked-0000000000"));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("GitLab refused ASE_LINT_TOKEN"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("glpat-revoked"), "{}", stderr(&out));
    assert!(fake.state().writes().is_empty());
}

#[test]
fn without_the_token_endpoint_the_user_is_read_instead() {
    for status in [403, 404] {
        let (fake, work) = (FakeGitlab::start(), Workspace::new());
        readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
        fake.state().token_self_status = Some(status);
        let out = run(&mut bot(&fake, &work));
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let state = fake.state();
        assert!(state.log.iter().any(|l| l.path == "/user"), "{status}");
        assert_eq!(state.threads().len(), 1);
        assert_eq!(state.summaries().len(), 1);
    }
}

/// The open bot threads per fingerprint marker, and the summaries.
fn open_threads_and_summaries(fake: &FakeGitlab) -> (Vec<String>, usize) {
    let state = fake.state();
    let mut markers: Vec<String> = state
        .threads()
        .iter()
        .filter(|d| d.notes.iter().any(|n| !n.resolved))
        .filter_map(|d| {
            let body = &d.notes[0].body;
            body.find("<!-- ase-lint:fp=").map(|i| body[i..].to_owned())
        })
        .collect();
    markers.sort();
    (markers, state.summaries().len())
}

#[test]
fn three_runs_at_once_then_one_more_leave_one_summary_and_no_duplicate_open_thread() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    new_org_mr(&fake, &work, &org_file(&[INTRO, ASE, OUT_OF_HOURS]));
    let children: Vec<std::process::Child> = (0..3)
        .map(|_| {
            bot(&fake, &work)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    for mut child in children {
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status.code(), Some(1));
    }
    let (open, summaries) = open_threads_and_summaries(&fake);
    let mut unique = open.clone();
    unique.dedup();
    assert_eq!(
        open, unique,
        "duplicate open threads after three runs at once"
    );
    assert_eq!(summaries, 1);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(open_threads_and_summaries(&fake), (unique, 1));
}

#[test]
fn duplicates_another_pipeline_left_are_deleted_or_resolved_with_a_reply() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    assert_eq!(run(&mut bot(&fake, &work)).status.code(), Some(1));
    let (thread, summary) = {
        let state = fake.state();
        let thread = state.threads()[0].clone();
        let summary = state.summaries()[0].body.clone();
        (thread, summary)
    };
    let position = thread.notes[0].position.clone();
    // What two more pipelines running at once would have left: the same thread twice
    // (one with a person's reply) and a second summary.
    let mut state = fake.state();
    let quiet = state.add_discussion(BOT_ID, &thread.notes[0].body, position.clone(), false);
    let replied = state.add_discussion(BOT_ID, &thread.notes[0].body, position, false);
    if let Some(d) = state.discussions.iter_mut().find(|d| d.id == replied) {
        let mut reply = d.notes[0].clone();
        reply.id = 99_999;
        reply.author = ALICE_ID;
        reply.body = "Looking into it.".into();
        d.notes.push(reply);
    }
    state.add_discussion(BOT_ID, &summary, None, false);
    drop(state);
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    assert!(!state.discussions.iter().any(|d| d.id == quiet), "deleted");
    let kept = state
        .discussions
        .iter()
        .find(|d| d.id == replied)
        .unwrap_or_else(|| panic!("a thread someone replied to is not deleted"));
    assert!(kept.notes.iter().all(|n| n.resolved), "{kept:?}");
    assert!(
        kept.notes
            .last()
            .is_some_and(|n| n.body.contains("repeats an earlier one")),
        "{kept:?}"
    );
    assert_eq!(state.summaries().len(), 1);
    let open: Vec<_> = state
        .threads()
        .into_iter()
        .filter(|d| d.notes.iter().any(|n| !n.resolved))
        .collect();
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].id, thread.id, "the oldest thread stays");
}

#[test]
fn comments_link_to_the_rule_pages_at_the_configured_docs_address() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, SHORT_ROW]);
    let out = run(bot(&fake, &work).args(["--docs-url", "https://docs.example/ase-lint/"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let state = fake.state();
    let thread = &state.threads()[0].notes[0].body;
    assert!(
        thread.contains("(https://docs.example/ase-lint/rules/table/cell-count.md)"),
        "{thread}"
    );
    let summary = &state.summaries()[0].body;
    assert!(
        summary.contains("(https://docs.example/ase-lint/reading-the-review.md)"),
        "{summary}"
    );
    drop(state);
    let out = run(bot(&fake, &work).args(["--docs-url", "https://x.example/a)b"]));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--docs-url"), "{}", stderr(&out));
}

#[test]
fn a_team_handbook_step_replaces_the_super_form_in_the_onboarding_checklist() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let handbook = "handbook:\n  onboarding:\n    - for: ase\n      text: \"open the org-note merge request for {org_note} and assign it to your manager. {new_note}\"\n    - for: manager\n      text: \"add {ase} to the Salesforce Account Team of {account} with the role Assigned Support Engineer.\"\n";
    target_branch_config(&fake, handbook);
    let body = summary_after(&fake, &work, 0);
    let checklist = body
        .split("### Onboarding checklist: Blue Harbor Logistics (new ASE account)\n\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no checklist: {body}"));
    let items: Vec<&str> = checklist
        .lines()
        .take_while(|l| l.starts_with("- [ ] "))
        .collect();
    assert_eq!(
        items,
        [
            "- [ ] ASE: open the org-note merge request for `organizations/27946339528.yaml` and assign it to your manager. `ase-lint new-note --org-id 27946339528 --org-name '5a1f9965 Blue Harbor Logistics' --ase 'Priya Raman' --region EMEA --write` writes it.",
            "- [ ] Manager: add Priya Raman to the Salesforce Account Team of Blue Harbor Logistics with the role Assigned Support Engineer.",
        ],
        "{body}"
    );
    assert!(!body.contains("Super Form"), "{body}");
}

#[test]
fn emptying_an_ase_note_is_an_error_the_manager_sees() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let emptied = "id: 361092349520\nname: f6438d0c Acme Corporation\nnotes: \"\"\n";
    fake.change(&work, ORG_PATH, Some(&complete_note()), Some(emptied));
    let out = run(&mut bot(&fake, &work));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed
            .contains("error[note/missing]: this merge request empties the note of an ASE account")
            && printed.contains(&format!("--> {ORG_PATH}:3:1")),
        "{printed}"
    );
    let bodies = fake.state().bodies().join("\n");
    assert!(
        bodies.contains("this merge request empties the note of an ASE account"),
        "{bodies}"
    );
}

#[test]
fn emptying_an_ase_note_while_renaming_its_file_is_an_error_too() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let emptied = "id: 361092349520\nname: f6438d0c Acme Corporation\nnotes: \"\"\n";
    let old_path = "organizations/old-361092349520.yaml";
    fake.rename(
        &work,
        old_path,
        ORG_PATH,
        Some(&complete_note()),
        Some(emptied),
    );
    let out = run(&mut bot(&fake, &work));
    assert!(
        stdout(&out).contains("this merge request empties the note of an ASE account"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn emptying_a_note_that_was_not_an_ase_note_is_fine() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    let before =
        "id: 361092349520\nname: f6438d0c Acme Corporation\nnotes: |\n  Customer prefers email.\n";
    let emptied = "id: 361092349520\nname: f6438d0c Acme Corporation\nnotes: \"\"\n";
    fake.change(&work, ORG_PATH, Some(before), Some(emptied));
    let out = run(&mut bot(&fake, &work));
    assert!(!stdout(&out).contains("note/missing"), "{}", stdout(&out));
}

#[test]
fn the_summary_asks_each_question_in_the_target_branchs_wording() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    new_org_mr(&fake, &work, &complete_note());
    let config = "questions:\n  emergency:\n    asks: \"Who takes a P1 for this customer?\"\n";
    target_branch_config(&fake, config);
    let body = summary_after(&fake, &work, 0);
    assert!(
        body.contains("| Who takes a P1 for this customer? |"),
        "{body}"
    );
    assert!(
        !body.contains("What to do in case the customer submits an emergency ticket?"),
        "{body}"
    );
    assert!(
        body.contains("| Which region is the ASE located in? |"),
        "{body}"
    );
}
