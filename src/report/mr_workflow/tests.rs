//! Unit tests of the workflow sections: onboarding, offboarding and auto-assignment, a
//! team's own handbook steps, values with error findings, hostile row text.

use super::*;
use crate::model::Column;

fn acme(dedicated: bool) -> Account {
    Account {
        account: "Acme Corporation".into(),
        org_id: "361092349520".into(),
        org_name: "f6438d0c Acme Corporation".into(),
        ase: "Jill Doe".into(),
        region: Some("AMER".into()),
        user_id: "370415907240".into(),
        dedicated,
        flagged: Vec::new(),
    }
}

fn render(workflow: &Workflow) -> String {
    let mut body = String::new();
    push_workflow(&mut body, workflow);
    body
}

#[test]
fn an_added_row_gets_the_onboarding_checklist_with_its_ids_and_command() {
    let body = render(&Workflow {
        added: vec![acme(false)],
        ..Workflow::default()
    });
    let expected = [
        "### Onboarding checklist: Acme Corporation (new ASE account)",
        "- [ ] ASE: introduce yourself to Acme Corporation as the customer's ASE.",
        "- [ ] ASE: agree a weekly or every-other-week cadence call",
        "- [ ] ASE: open the org-note merge request in the Organizations project for `organizations/361092349520.yaml` and assign it to your manager. `ase-lint new-note --org-id 361092349520 --org-name 'f6438d0c Acme Corporation' --ase 'Jill Doe' --region AMER --write` writes it.",
        "- [ ] Manager: file the Support Super Form (\"Modifications to a Zendesk Global Organization\" → \"Set an Assigned Support Engineer for an organization\") with organization id `361092349520` and user id `370415907240`.",
        "- [ ] ASE: set up the SupportLogic notification for new tickets from this customer.",
    ];
    for line in expected {
        assert!(body.contains(line), "{line}\n---\n{body}");
    }
    assert_eq!(body.matches("- [ ]").count(), 5, "{body}");
    assert!(
        !body.contains("Incident.io") && !body.contains("dedicated-ase"),
        "{body}"
    );
    assert!(
        !body.contains("Offboarding") && !body.contains("Auto-assignment"),
        "{body}"
    );
}

#[test]
fn dedicated_accounts_get_the_two_dedicated_steps() {
    let body = render(&Workflow {
        added: vec![acme(true)],
        ..Workflow::default()
    });
    assert_eq!(body.matches("- [ ]").count(), 7, "{body}");
    assert!(body.contains(
        "Incident.io auto-subscribe rule on the customer's `internal_reference` or `tenant_id`"
    ));
    assert!(body.contains("access to the `@dedicated-ase` Slack group"));
    assert!(body.contains("--region AMER --dedicated --write`"));
}

#[test]
fn assignment_changes_get_the_super_form_reminder_and_both_prerequisites() {
    let body = render(&Workflow {
        assignment_changed: vec!["organizations/361092349520.yaml".into()],
        ..Workflow::default()
    });
    for line in [
        "### Auto-assignment changed",
        "new non-emergency tickets in `organizations/361092349520.yaml`",
        "- [ ] Manager: change the assignment in Zendesk through the Support Super Form",
        "- [ ] Manager: verify that the \"Subscription: Support Services - ASE\" box is checked",
        "(1) a named ASE for the organization in Zendesk, and (2) an ASE-related product charge in the subscription in Salesforce",
    ] {
        assert!(body.contains(line), "{line}\n---\n{body}");
    }
    assert!(!body.contains("Onboarding"), "{body}");
}

#[test]
fn a_removed_row_gets_the_offboarding_reminder() {
    let body = render(&Workflow {
        removed: vec![acme(false)],
        ..Workflow::default()
    });
    assert!(
        body.contains("### Offboarding: Acme Corporation (row removed)"),
        "{body}"
    );
    assert!(body.contains("- [ ] ASE: update the org note `organizations/361092349520.yaml`"));
    assert!(body.contains("with organization id `361092349520` and \"None\" as the ASE's user id"));
    assert!(!body.contains("Onboarding"), "{body}");
}

#[test]
fn values_with_error_findings_are_not_repeated() {
    let mut a = acme(false);
    a.org_id = "27,946,339,528".into();
    a.region = Some("amer".into());
    a.flagged = vec![Column::AccountId, Column::Region];
    let body = render(&Workflow {
        added: vec![a],
        ..Workflow::default()
    });
    assert!(!body.contains("27,946"), "{body}");
    assert!(!body.contains("new-note --"), "{body}");
    assert!(!body.contains("amer"), "{body}");
    assert!(
        body.contains(
            "(fix this row first: Zendesk Account ID has an error (see the findings above))"
        ),
        "{body}"
    );
    assert!(
        body.contains("Manager: file the Support Super Form"),
        "{body}"
    );
    assert!(!body.to_lowercase().contains("ask your manager"), "{body}");
}

/// A team whose handbook has the manager add the ASE to the Salesforce Account Team
/// instead of filing the Super Form.
const SALESFORCE_TEAM: &str = "handbook:\n  onboarding:\n    - for: ase\n      text: \"open the org-note merge request for {org_note}. {new_note}\"\n    - for: manager\n      text: \"add {ase} to the Salesforce Account Team of {account} with the role Assigned Support Engineer.\"\n";

fn team_workflow(yaml: &str) -> Workflow {
    let settings = crate::testing::settings_from(yaml).unwrap_or_else(|e| panic!("{e}"));
    Workflow::new(&settings)
}

#[test]
fn the_auto_assignment_texts_follow_the_configuration() {
    let yaml = "handbook:\n  auto_assignment_intro: \"Assignment moves for {files}.\"\n  auto_assignment_closing: \"\"\n";
    let mut w = team_workflow(yaml);
    w.assignment_changed = vec!["organizations/1.yaml".into()];
    let body = render(&w);
    assert!(
        body.contains("### Auto-assignment changed\n\nAssignment moves for `organizations/1.yaml`.\n\n- [ ] Manager: change the assignment"),
        "{body}"
    );
    assert!(!body.contains("Auto-assignment needs both"), "{body}");
}

#[test]
fn an_unknown_placeholder_in_an_auto_assignment_text_is_located() {
    let yaml = "handbook:\n  auto_assignment_closing: \"see {acount}\"\n";
    let err = crate::testing::settings_from(yaml)
        .err()
        .unwrap_or_default();
    assert!(
        err.starts_with(
            ".ase-lint.yml:2:28: `handbook.auto_assignment_closing`: unknown placeholder `{acount}`"
        ),
        "{err}"
    );
}

#[test]
fn a_team_handbook_replaces_the_super_form_step_with_its_own() {
    let mut w = team_workflow(SALESFORCE_TEAM);
    w.added = vec![acme(false)];
    let body = render(&w);
    assert!(
        body.contains("- [ ] Manager: add Jill Doe to the Salesforce Account Team of Acme Corporation with the role Assigned Support Engineer.\n"),
        "{body}"
    );
    assert!(
        body.contains("- [ ] ASE: open the org-note merge request for `organizations/361092349520.yaml`. `ase-lint new-note --org-id 361092349520"),
        "{body}"
    );
    assert!(!body.contains("Super Form"), "{body}");
    assert_eq!(body.matches("- [ ]").count(), 2, "{body}");
    // The lists it does not give keep their defaults.
    w.added.clear();
    w.removed = vec![acme(false)];
    assert!(
        render(&w).contains("- [ ] Manager: file the Support Super Form"),
        "{}",
        render(&w)
    );
}

#[test]
fn a_value_with_an_error_is_not_repeated_in_a_team_step() {
    let mut w = team_workflow(SALESFORCE_TEAM);
    let mut a = acme(false);
    a.ase = "Jill Doe, Kenji".into();
    a.flagged = vec![Column::Ase];
    w.added = vec![a];
    let body = render(&w);
    assert!(
        body.contains("- [ ] Manager: add (ASE has an error: fix this row first) to the Salesforce Account Team of Acme Corporation"),
        "{body}"
    );
    assert!(!body.contains("Kenji"), "{body}");
    assert!(
        body.contains(
            "Before `ase-lint new-note` can write it, fix this row first: ASE has an error"
        ),
        "{body}"
    );
}

#[test]
fn labels_and_line_breaks_of_configured_steps() {
    let mut w = team_workflow(
        "handbook:\n  offboarding:\n    - for: manager\n      dedicated: true\n      text: |\n        remove {account}\n        /close from the Switchboard tenant list ({{see the runbook}}).\n",
    );
    w.removed = vec![acme(false)];
    assert_eq!(
        render(&w),
        "### Offboarding: Acme Corporation (row removed)\n\n\n"
    );
    w.removed = vec![acme(true)];
    let body = render(&w);
    assert!(
        body.contains("- [ ] Manager (GitLab Dedicated): remove Acme Corporation /close from the Switchboard tenant list ({see the runbook}).\n"),
        "{body}"
    );
    assert!(body.lines().all(|l| !l.starts_with('/')), "{body}");
}

#[test]
fn nothing_to_remember_adds_nothing() {
    assert_eq!(render(&Workflow::default()), "");
}

#[test]
fn hostile_row_text_cannot_act_or_ping() {
    let mut a = acme(false);
    a.account = "Evil\n/merge @all".into();
    a.ase = "`x` @all".into();
    let body = render(&Workflow {
        added: vec![a],
        ..Workflow::default()
    });
    assert!(body.lines().all(|l| !l.starts_with('/')), "{body}");
    assert!(!body.contains("@all"), "{body}");
}
