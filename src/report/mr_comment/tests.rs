//! Tests of [`super`]: the inline, reply and summary bodies, and that escaped user text
//! cannot act as markup.

use super::*;
use crate::report::escape::ZWSP;
use proptest::prelude::*;

use crate::report::note_safety::{ESCAPED_TEXT_TAGS, live_markup};
use crate::testing::lint_readme;

proptest! {
    #[test]
    fn escaped_text_cannot_act(text in "\\PC*|[/@#!~<>&`|\\n a-z0-9]*|[/:.wW@#<&`a-z \u{202E}\u{2066}\u{200B}\u{FEFF}\u{AD}]*") {
        let out = escape_user_text(&text, 500);
        prop_assert!(!out.contains(['\n', '\r']));
        let live = live_markup(&out, ESCAPED_TEXT_TAGS);
        prop_assert!(live.is_none(), "{text:?} -> {out:?}: {live:?}");
    }

    #[test]
    fn escaped_text_is_bounded(text in "\\PC{0,2000}") {
        let out = escape_user_text(&text, 100);
        prop_assert!(out.chars().count() <= 100 * 8 + 32);
    }
}

#[test]
fn hostile_text_is_neutralised() {
    let out = escape_user_text("/merge\n/approve @all #12 !3 ~bug <script>x</script>", 300);
    assert!(!out.contains("@all"));
    assert!(!out.contains("<script>"));
    assert!(!out.contains('\n'));
    assert!(out.contains("&lt;script&gt;"));
    assert!(!out.starts_with('/'));
    // Found by the `escape` fuzz target: whitespace before the `/` hid it from the guard.
    for text in [" /merge", "\t/merge", "\u{a0}/approve", "  #12"] {
        assert!(escape_user_text(text, 300).starts_with(ZWSP), "{text:?}");
    }
}

#[test]
fn code_spans_stay_code_and_long_text_is_cut() {
    assert_eq!(escape_user_text("is `x`", 50), "is <code>x</code>");
    assert_eq!(
        escape_user_text("a ``b ` c`` d", 50),
        "a <code>b \\` c</code> d"
    );
    assert_eq!(escape_user_text("unpaired ` tick", 50), "unpaired \\` tick");
    assert_eq!(escape_user_text("abcdef", 3), "abc…");
}

#[test]
fn markers_round_trip() {
    let body = format!("text\n{}", fingerprint_marker("ab12"));
    assert_eq!(fingerprint_in(&body), Some("ab12"));
    assert_eq!(fingerprint_in("<!-- ase-lint:fp=a b -->"), None);
    assert!(is_summary(&nothing_to_check_body("abcdef1234")));
}

#[test]
fn inline_body_has_severity_message_help_explain_and_fingerprint() {
    let diagnostics = lint_readme("| Account |\n| --- |\n| a |\n", true);
    let d = &diagnostics[0];
    let body = inline_body(d, None, crate::report::rule_pages::DOCS_BASE);
    assert!(body.starts_with("**❌ error** · `"), "{body}");
    assert!(
        body.contains(&rule_docs_url(crate::report::rule_pages::DOCS_BASE, d.rule)),
        "{body}"
    );
    assert!(!body.contains("ase-lint explain"), "{body}");
    assert_eq!(fingerprint_in(&body), Some(d.fingerprint().as_str()));
}

#[test]
fn suggestions_apply_the_fix_to_the_line_and_fence_safely() {
    let source = SourceFile::new("a.yaml", "id: 12 x`y\n");
    let mut d = Diagnostic::new("t/x", Severity::Error, &source, 4..10, "m");
    d.fix(6..10, "");
    assert_eq!(suggestion_line(&d, &source).as_deref(), Some("id: 12"));
    let body = inline_body(&d, Some("a ``` b"), "https://docs.example");
    assert!(
        body.contains("````suggestion:-0+0\na ``` b\n````"),
        "{body}"
    );
    d.fix(6..10, " @all");
    assert_eq!(suggestion_line(&d, &source), None);
}

fn summary_of(findings: &[Diagnostic]) -> String {
    let input = SummaryInput {
        findings: findings
            .iter()
            .map(|diagnostic| SummaryFinding {
                diagnostic,
                not_inline: Some("line outside the diff"),
            })
            .collect(),
        checked_files: 1,
        notes: &[],
        project_url: Some("https://gitlab.example/g/p"),
        head_sha: "0123456789abcdef",
        notices: Vec::new(),
        config_change: None,
        workflow: None,
        already_on_target: Vec::new(),
        token_warning: None,
        docs_url: None,
    };
    summary_body(&input)
}

#[test]
fn summary_shows_status_table_links_and_not_inline_list() {
    let findings = lint_readme("| Account |\n| --- |\n| a |\n", true);
    let body = summary_of(&findings);
    assert!(body.starts_with(SUMMARY_MARKER));
    assert!(body.contains("## ase-lint: ❌"), "{body}");
    assert!(body.contains("https://gitlab.example/g/p/-/blob/0123456789abcdef/README.md#L1"));
    assert!(body.contains("### Not commented inline"));
    assert!(summary_of(&[]).contains("## ase-lint: ✅ ready"));
}

#[test]
fn workflow_sections_appear_once_and_only_when_given() {
    let plain = summary_of(&[]);
    for section in [
        "Onboarding checklist",
        "Offboarding",
        "Auto-assignment",
        "- [ ]",
    ] {
        assert!(!plain.contains(section), "{section}: {plain}");
    }
    let workflow = crate::workflow::Workflow {
        assignment_changed: vec!["organizations/1.yaml".into()],
        ..Default::default()
    };
    let input = SummaryInput {
        checked_files: 1,
        head_sha: "0123456789abcdef",
        workflow: Some(&workflow),
        ..Default::default()
    };
    let body = summary_body(&input);
    assert_eq!(
        body.matches("### Auto-assignment changed").count(),
        1,
        "{body}"
    );
    assert!(!body.contains("Onboarding checklist"), "{body}");
}

#[test]
fn huge_runs_stay_under_the_limit() {
    let source = SourceFile::new("README.md", "x".repeat(10_000));
    let one = Diagnostic::new(
        "t/x",
        Severity::Error,
        &source,
        0..10_000,
        "m".repeat(5_000),
    );
    let findings = vec![one; 5_000];
    let body = summary_of(&findings);
    assert!(body.chars().count() < MAX_BODY_CHARS);
    assert!(body.contains("… and 4800 more"));
}
