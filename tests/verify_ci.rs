//! `ase-lint ci` with a Zendesk URL: the README rows the merge request adds or changes are
//! verified against the fake Zendesk of `tests/zendesk_fake` (and only those), and the
//! findings join the review; without a URL Zendesk is never asked.
#![cfg(feature = "bot")]

mod common;
#[path = "support/loopback.rs"]
mod loopback;
mod zendesk_fake;

use axum::http::Method;
use common::*;
use serde_json::json;
use zendesk_fake::{API_TOKEN, EMAIL, FakeZendesk};

const ACME_ORG: u64 = 361092349520;
const BLUE_ORG: u64 = 27946339528;
const JILL: u64 = 370415907240;
const PRIYA: u64 = 411273650918;

/// Zendesk knows both accounts; Blue Harbor's ASE is not set.
fn zendesk() -> FakeZendesk {
    let zd = FakeZendesk::start();
    {
        let mut s = zd.state();
        s.org(
            ACME_ORG,
            "f6438d0c Acme Corporation",
            json!(null),
            json!(true),
        );
        s.org(
            BLUE_ORG,
            "5a1f9965 Blue Harbor Logistics",
            json!(null),
            json!(true),
        );
        s.user(JILL, "Jill Doe", "agent", true, false);
        s.user(PRIYA, "Priya Raman", "agent", true, false);
    }
    zd
}

#[test]
fn the_rows_a_merge_request_adds_are_verified_and_commented() {
    let (fake, work, zd) = (FakeGitlab::start(), Workspace::new(), zendesk());
    let after = [ACME, BLUE];
    readme_mr(&fake, &work, &[ACME], &after);
    let out = run(bot(&fake, &work)
        .args(["--zendesk-url", &zd.url()])
        .env("ZENDESK_EMAIL", EMAIL)
        .env("ZENDESK_API_TOKEN", API_TOKEN));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let zd_state = zd.state();
    assert!(zd_state.log.iter().all(|l| l.method == Method::GET));
    let orgs = zd_state.requests_to("organizations/show_many.json");
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].ids, [BLUE_ORG], "only the added row");
    let posts: Vec<Logged> = fake
        .state()
        .writes()
        .into_iter()
        .filter(|l| l.method == Method::POST && l.path.ends_with("/discussions"))
        .cloned()
        .collect();
    assert_eq!(posts.len(), 1, "{posts:?}");
    let body = posts[0].form.get("body").cloned().unwrap_or_default();
    assert!(body.contains("zendesk/ase-not-assigned"), "{body}");
    assert_eq!(
        posts[0].form.get("position[new_line]"),
        Some(&line_of(&after, BLUE).to_string())
    );
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!all.contains(API_TOKEN), "{all}");
}

#[test]
fn without_a_zendesk_url_zendesk_is_never_asked() {
    let (fake, work, zd) = (FakeGitlab::start(), Workspace::new(), zendesk());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(bot(&fake, &work)
        .env("ZENDESK_EMAIL", EMAIL)
        .env("ZENDESK_API_TOKEN", API_TOKEN));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(zd.state().log.is_empty());
}

#[test]
fn missing_zendesk_credentials_are_a_warning_not_a_failed_review() {
    let (fake, work, zd) = (FakeGitlab::start(), Workspace::new(), zendesk());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let out = run(bot(&fake, &work).args(["--zendesk-url", &zd.url()]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "warning: the changed rows were not verified against Zendesk: no Zendesk credentials"
        ),
        "{err}"
    );
    assert!(zd.state().log.is_empty());
}

#[test]
fn zendesk_not_answering_is_a_warning_and_the_review_is_posted() {
    let (fake, work) = (FakeGitlab::start(), Workspace::new());
    readme_mr(&fake, &work, &[ACME], &[ACME, BLUE]);
    let silent = format!("http://{}", silent_server());
    let out = run_within(
        bot(&fake, &work)
            .args(["--zendesk-url", &silent, "--timeout", "0.2"])
            .env("ZENDESK_EMAIL", EMAIL)
            .env("ZENDESK_API_TOKEN", API_TOKEN),
        std::time::Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("not verified against Zendesk"), "{err}");
    assert!(err.contains("no answer within 0.2 s"), "{err}");
    assert_eq!(fake.state().summaries().len(), 1);
}
