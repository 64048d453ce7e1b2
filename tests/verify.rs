//! `ase-lint verify` end to end: the real binary against the fake Zendesk of
//! `tests/zendesk_fake`, one test per finding and per fault, the requests it makes (GET
//! only, 100 ids each, bounded concurrency), and the credentials never in any output.
#![cfg(feature = "bot")]

#[path = "support/loopback.rs"]
mod loopback;
mod zendesk_fake;

use std::time::{Duration, Instant};

use axum::http::Method;
use serde_json::{Value, json};
use zendesk_fake::*;

const ORG: u64 = 361092349520;
const USER: u64 = 370415907240;
const ORG_NAME: &str = "f6438d0c Acme Corporation";

/// A fake with one healthy account: the org with its ASE set and the subscription on,
/// and an active agent.
fn healthy() -> FakeZendesk {
    let fake = FakeZendesk::start();
    {
        let mut s = fake.state();
        s.org(ORG, ORG_NAME, json!(USER.to_string()), json!(true));
        s.user(USER, "Jill Doe", "agent", true, false);
    }
    fake
}

fn acme() -> String {
    row("Acme Corporation", "Jill Doe", ORG_NAME, ORG, USER)
}

/// Runs verify with `--format json` over `rows`.
fn verify_json(fake: &FakeZendesk, rows: &[String]) -> std::process::Output {
    let dir = workspace(rows);
    run(verify(fake, dir.path()).args(["--format", "json"]))
}

/// Every request was a GET with the right credentials.
fn only_authorised_gets(fake: &FakeZendesk) {
    for logged in &fake.state().log {
        assert_eq!(logged.method, Method::GET, "{logged:?}");
        assert!(logged.authorised, "{logged:?}");
    }
}

fn one(rule: &str, severity: &str, line: usize) -> Vec<(String, String, u64)> {
    vec![(rule.to_owned(), severity.to_owned(), line as u64)]
}

#[test]
fn a_table_zendesk_agrees_with_passes_in_two_requests() {
    let fake = healthy();
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
    only_authorised_gets(&fake);
    let state = fake.state();
    assert_eq!(state.log.len(), 2);
    assert_eq!(
        state.requests_to("organizations/show_many.json")[0].ids,
        [ORG]
    );
    assert_eq!(state.requests_to("users/show_many.json")[0].ids, [USER]);
    assert!(stderr(&out).contains("1 request") || stderr(&out).contains("2 request"));
}

#[test]
fn org_not_found() {
    let fake = healthy();
    fake.state().orgs.clear();
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        one("zendesk/org-not-found", "error", FIRST_ROW_LINE)
    );
    let text = stdout(&out);
    assert!(
        text.contains("has no organization with id 361092349520"),
        "{text}"
    );
}

#[test]
fn org_name_mismatch_shows_both_names() {
    let fake = healthy();
    fake.state().org(
        ORG,
        "f6438d0c Acme Corp",
        json!(USER.to_string()),
        json!(true),
    );
    let dir = workspace(&[acme()]);
    let out = run(&mut verify(&fake, dir.path()));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("error[zendesk/org-name-mismatch]"), "{text}");
    assert!(
        text.contains("`f6438d0c Acme Corp`, not `f6438d0c Acme Corporation`"),
        "{text}"
    );
    assert!(text.contains("README.md:5:"), "{text}");
}

#[test]
fn ase_not_assigned_when_empty_or_another_user() {
    let fake = healthy();
    let other_org = 27946339528;
    {
        let mut s = fake.state();
        s.org(ORG, ORG_NAME, json!(null), json!(true));
        s.org(
            other_org,
            "5a1f9965 Blue Harbor",
            json!(411273650918u64),
            json!(true),
        );
    }
    let rows = [
        acme(),
        row(
            "Blue Harbor",
            "Jill Doe",
            "5a1f9965 Blue Harbor",
            other_org,
            USER,
        ),
    ];
    let out = verify_json(&fake, &rows);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let mut expected = one("zendesk/ase-not-assigned", "error", FIRST_ROW_LINE);
    expected.extend(one("zendesk/ase-not-assigned", "error", FIRST_ROW_LINE + 1));
    assert_eq!(findings(&out), expected);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &report["diagnostics"][0];
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("`assigned_se` field is empty")
    );
    assert!(
        first["help"]
            .as_str()
            .unwrap()
            .contains("Set an Assigned Support Engineer")
    );
    let user_column = acme().find(&USER.to_string()).unwrap() + 1;
    assert_eq!(first["column"], user_column, "on the user id cell: {first}");
    let second = report["diagnostics"][1]["message"].as_str().unwrap();
    assert!(second.contains("user `411273650918`"), "{second}");
}

#[test]
fn user_not_found() {
    let fake = healthy();
    fake.state().users.clear();
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        one("zendesk/user-not-found", "error", FIRST_ROW_LINE)
    );
}

#[test]
fn user_not_agent_when_end_user_suspended_or_inactive() {
    let fake = healthy();
    let mut rows = Vec::new();
    for (i, (role, active, suspended)) in [
        ("end-user", true, false),
        ("agent", true, true),
        ("agent", false, false),
    ]
    .into_iter()
    .enumerate()
    {
        let (org, user) = (ORG + 1 + i as u64, USER + 1 + i as u64);
        let name = format!("0000000{i} Org {i}");
        let mut s = fake.state();
        s.org(org, &name, json!(user.to_string()), json!(true));
        s.user(user, "Jill Doe", role, active, suspended);
        rows.push(row(&format!("Org {i}"), "Jill Doe", &name, org, user));
    }
    let out = verify_json(&fake, &rows);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<u64> = findings(&out)
        .into_iter()
        .inspect(|(rule, ..)| assert_eq!(rule, "zendesk/user-not-agent"))
        .map(|(.., line)| line)
        .collect();
    assert_eq!(lines, [5, 6, 7]);
    let text = String::from_utf8_lossy(&out.stdout);
    for why in ["role `end-user`", "suspended", "inactive"] {
        assert!(text.contains(why), "{why}: {text}");
    }
}

#[test]
fn ase_name_mismatch_is_a_warning() {
    let fake = healthy();
    fake.state().user(USER, "Kenji Sato", "agent", true, false);
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        one("zendesk/ase-name-mismatch", "warning", FIRST_ROW_LINE)
    );
    // First name or handle is enough.
    fake.state()
        .user(USER, "Jill Doe-Smith", "agent", true, false);
    let out = verify_json(
        &fake,
        &[row("Acme Corporation", "Jill", ORG_NAME, ORG, USER)],
    );
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn ase_subscription_is_a_warning_that_names_sales_ops() {
    let fake = healthy();
    fake.state()
        .org(ORG, ORG_NAME, json!(USER.to_string()), json!(false));
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        one("zendesk/ase-subscription", "warning", FIRST_ROW_LINE)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let help = report["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.contains("Sales Operations"), "{help}");
}

#[test]
fn field_keys_and_the_url_come_from_the_configuration() {
    let fake = FakeZendesk::start();
    fake.state().orgs.insert(
        ORG,
        json!({"id": ORG, "name": ORG_NAME,
               "organization_fields": {"ase_user": USER, "ase_box": true}}),
    );
    fake.state().user(USER, "Jill Doe", "admin", true, false);
    let dir = workspace(&[acme()]);
    let config = format!(
        "zendesk:\n  url: {}\n  fields:\n    assigned_se: ase_user\n    ase_subscription: ase_box\n",
        fake.url()
    );
    std::fs::write(dir.path().join(".ase-lint.yml"), config).unwrap();
    // No --zendesk-url: the configuration's.
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ase-lint"));
    command
        .args(["verify", "--format", "json"])
        .env_clear()
        .env("ZENDESK_OAUTH_TOKEN", OAUTH_TOKEN)
        .current_dir(dir.path());
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
    only_authorised_gets(&fake);
}

#[test]
fn findings_reach_every_output_format_and_artifact() {
    let fake = healthy();
    fake.state().orgs.clear();
    let dir = workspace(&[acme()]);
    for format in ["text", "json", "sarif"] {
        let out = run(verify(&fake, dir.path()).args([
            "--format",
            format,
            "--codequality",
            "cq.json",
            "--junit",
            "reports/verify.xml",
        ]));
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(stdout(&out).contains("zendesk/org-not-found"), "{format}");
    }
    let cq = std::fs::read_to_string(dir.path().join("cq.json")).unwrap();
    assert!(
        cq.contains("zendesk/org-not-found") && cq.contains("README.md"),
        "{cq}"
    );
    let junit = std::fs::read_to_string(dir.path().join("reports/verify.xml")).unwrap();
    assert!(junit.contains("zendesk/org-not-found"), "{junit}");
}

#[test]
fn a_429_waits_retry_after_then_succeeds() {
    let fake = healthy();
    fake.state()
        .faults
        .push(Fault::status("organizations/show_many.json", 429).retry_after(1));
    let started = Instant::now();
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(started.elapsed() >= Duration::from_secs(1));
    let state = fake.state();
    let statuses: Vec<u16> = state
        .requests_to("organizations/show_many.json")
        .iter()
        .map(|l| l.status)
        .collect();
    assert_eq!(statuses, [429, 200]);
}

#[test]
fn a_500_is_retried_and_a_lasting_one_ends_with_status_2() {
    let fake = healthy();
    fake.state()
        .faults
        .push(Fault::status("users/show_many.json", 500));
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fake.state().requests_to("users/show_many.json").len(), 2);

    let fake = healthy();
    for _ in 0..6 {
        fake.state()
            .faults
            .push(Fault::status("users/show_many.json", 500));
    }
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("reading users: Zendesk answered 500"), "{err}");
    assert!(out.stdout.is_empty(), "no report without Zendesk's answers");
}

#[test]
fn a_401_names_the_variable_to_fix_and_ends_with_status_2() {
    let fake = healthy();
    let dir = workspace(&[acme()]);
    let out = run(verify(&fake, dir.path()).env("ZENDESK_API_TOKEN", "zd-wrong-token-000000"));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Zendesk refused the credentials (401)"),
        "{err}"
    );
    assert!(
        err.contains("check ZENDESK_API_TOKEN (and ZENDESK_EMAIL)"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    assert_eq!(fake.state().log.len(), 1, "a 401 is not retried");

    let out = run(verify(&fake, dir.path())
        .env_remove("ZENDESK_API_TOKEN")
        .env("ZENDESK_OAUTH_TOKEN", "zd-wrong-oauth-0000000"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("check ZENDESK_OAUTH_TOKEN"),
        "{}",
        stderr(&out)
    );

    let fake = healthy();
    fake.state()
        .faults
        .push(Fault::status("organizations/show_many.json", 403));
    let out = run(&mut verify(&fake, dir.path()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("refused the credentials (403)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_credentials_send_nothing() {
    let fake = healthy();
    let dir = workspace(&[acme()]);
    let out = run(verify(&fake, dir.path()).env_remove("ZENDESK_API_TOKEN"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ZENDESK_EMAIL is set but ZENDESK_API_TOKEN is not"),
        "{}",
        stderr(&out)
    );
    assert!(fake.state().log.is_empty());
}

#[test]
fn a_slow_answer_is_retried_after_the_timeout() {
    let fake = healthy();
    fake.state().faults.push(Fault::slow(
        "organizations/show_many.json",
        Duration::from_secs(3),
    ));
    let dir = workspace(&[acme()]);
    let out = run(verify(&fake, dir.path()).args(["--timeout", "0.5", "--format", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty());
    assert_eq!(
        fake.state()
            .requests_to("organizations/show_many.json")
            .len(),
        2
    );
}

#[test]
fn a_malformed_body_ends_with_status_2() {
    let fake = healthy();
    fake.state()
        .faults
        .push(Fault::status("organizations/show_many.json", 200).body("<html>Sign in</html>"));
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("unexpected answer from Zendesk"), "{err}");

    let fake = healthy();
    fake.state()
        .faults
        .push(Fault::status("users/show_many.json", 200).body(r#"{"users": [{"name": "no id"}]}"#));
    let out = verify_json(&fake, &[acme()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_250_row_table_takes_three_org_requests_and_one_user_request() {
    let fake = FakeZendesk::start();
    let mut rows = Vec::new();
    for i in 0..250u64 {
        let (org, user) = (10_000_000_000 + i, 20_000_000_000 + i % 50);
        let name = format!("{:08x} Account {i}", i);
        let mut s = fake.state();
        s.org(org, &name, json!(user.to_string()), json!(true));
        s.user(
            user,
            &format!("Engineer{} Doe", i % 50),
            "agent",
            true,
            false,
        );
        rows.push(row(
            &format!("Account {i}"),
            &format!("Engineer{} Doe", i % 50),
            &name,
            org,
            user,
        ));
    }
    fake.state().delay_all = Duration::from_millis(100);
    let dir = workspace(&rows);
    let out = run(verify(&fake, dir.path()).args(["--format", "json", "--concurrency", "2"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
    only_authorised_gets(&fake);
    let state = fake.state();
    let orgs = state.requests_to("organizations/show_many.json");
    assert_eq!(orgs.len(), 3);
    let sizes: Vec<usize> = orgs.iter().map(|l| l.ids.len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 250);
    assert!(sizes.iter().all(|&n| n <= 100), "{sizes:?}");
    assert_eq!(state.requests_to("users/show_many.json").len(), 1);
    assert_eq!(state.log.len(), 4);
    assert_eq!(state.max_in_flight, 2, "bounded by --concurrency");
    assert!(stderr(&out).contains("4 request(s)"), "{}", stderr(&out));
}

#[test]
fn the_credentials_never_reach_any_output() {
    let fake = healthy();
    fake.state().echo_auth = true;
    let dir = workspace(&[acme()]);
    let secrets = [API_TOKEN.to_owned(), basic_value(), OAUTH_TOKEN.to_owned()];
    let check = |out: &std::process::Output| {
        let all = format!("{}{}", stdout(out), stderr(out));
        for secret in &secrets {
            assert!(!all.contains(secret.as_str()), "{secret} leaked: {all}");
            assert!(
                !all.contains(&secret[..12]),
                "part of {secret} leaked: {all}"
            );
        }
    };
    // A verbose, successful run.
    let out = run(verify(&fake, dir.path()).args(["-v", "--codequality", "cq.json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("authorization: [redacted]"),
        "{}",
        stderr(&out)
    );
    check(&out);
    // A server that echoes the credentials in its 401 body.
    fake.state().users.clear();
    let wrong = format!("{API_TOKEN}-but-revoked");
    let out = run(verify(&fake, dir.path())
        .arg("-v")
        .env("ZENDESK_API_TOKEN", &wrong));
    assert_eq!(out.status.code(), Some(2));
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!all.contains(&wrong), "{all}");
    assert!(
        !all.contains(&base64(format!("{EMAIL}/token:{wrong}").as_bytes())),
        "{all}"
    );
    check(&out);
    // OAuth, echoed too.
    let out = run(verify(&fake, dir.path())
        .arg("-v")
        .env_remove("ZENDESK_API_TOKEN")
        .env("ZENDESK_OAUTH_TOKEN", format!("{OAUTH_TOKEN}x")));
    assert_eq!(out.status.code(), Some(2));
    check(&out);
    let cq = std::fs::read_to_string(dir.path().join("cq.json")).unwrap();
    assert!(!cq.contains(API_TOKEN));
}

#[test]
fn plain_http_to_another_host_is_refused_before_any_request() {
    let dir = workspace(&[acme()]);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ase-lint"));
    command
        .args(["verify", "--zendesk-url", "http://gitlab.zendesk.com"])
        .env("ZENDESK_OAUTH_TOKEN", OAUTH_TOKEN)
        .current_dir(dir.path());
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not an https URL"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_readme_without_the_table_is_an_error() {
    let fake = healthy();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "# Nothing here\n").unwrap();
    let out = run(&mut verify(&fake, dir.path()));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("holds no ASE table"),
        "{}",
        stderr(&out)
    );
    assert!(fake.state().log.is_empty());
}

#[test]
fn check_warns_when_an_ase_has_more_accounts_than_the_limit() {
    let rows: Vec<String> = (0..6u64)
        .map(|i| {
            let name = format!("{:08x} Account {i}", i + 1);
            row(&format!("Account {i}"), "Jill Doe", &name, ORG + i, USER)
        })
        .collect();
    let dir = workspace(&rows);
    let check = |extra: &[&str]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ase-lint"));
        command
            .args(["check", "README.md", "--format", "json"])
            .args(extra)
            .current_dir(dir.path());
        let out = run(&mut command);
        findings(&out)
            .into_iter()
            .filter(|(rule, ..)| rule == "table/ase-capacity")
            .collect::<Vec<_>>()
    };
    assert_eq!(
        check(&[]),
        one("table/ase-capacity", "warning", FIRST_ROW_LINE + 5)
    );
    std::fs::write(
        dir.path().join("six.yml"),
        "limits:\n  max_accounts_per_ase: 6\n",
    )
    .unwrap();
    assert!(check(&["--config", "six.yml"]).is_empty());
}

#[test]
fn allow_entries_silence_zendesk_findings_in_verify_not_in_check() {
    let fake = healthy();
    fake.state()
        .org(ORG, ORG_NAME, json!(USER.to_string()), json!(false));
    let dir = workspace(&[acme()]);
    let allow = format!(
        "allow:\n  - rule: zendesk/ase-subscription\n    account: {ORG}\n    reason: Sales Ops ticket 123 open\n"
    );
    std::fs::write(dir.path().join(".ase-lint.yml"), allow).unwrap();
    let out = run(verify(&fake, dir.path()).args(["--format", "json"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
    // `check` makes no zendesk/* finding: the entry is not reported unused there.
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_ase-lint"));
    command
        .args(["check", "README.md", "--format", "json"])
        .current_dir(dir.path());
    let out = run(&mut command);
    let rules: Vec<String> = findings(&out).into_iter().map(|(rule, ..)| rule).collect();
    assert!(
        !rules.iter().any(|r| r.starts_with("suppression/")),
        "{rules:?}"
    );
    // With Zendesk fixed, verify reports the entry as unused.
    fake.state()
        .org(ORG, ORG_NAME, json!(USER.to_string()), json!(true));
    let out = run(verify(&fake, dir.path()).args(["--format", "json"]));
    let rules: Vec<String> = findings(&out).into_iter().map(|(rule, ..)| rule).collect();
    assert_eq!(rules, ["suppression/unused"], "{}", stdout(&out));
}
