//! The workflow sections of the bot's summary note: an onboarding checklist (GitLab task
//! list) per README row the merge request adds, an offboarding reminder per row it
//! removes, and an auto-assignment reminder per org note whose wording about who gets new
//! tickets changed. Each appears only when it applies. Text from the files is escaped
//! with [`escape_user_text`].

use std::fmt::Write as _;

use crate::model::Column;
use crate::report::escape::{MAX_QUOTE_CHARS, escape_user_text};
use crate::workflow::{Account, Workflow};

/// The Support Super Form choices that set or remove an organization's ASE.
const SUPER_FORM: &str = "the Support Super Form (\"Modifications to a Zendesk Global Organization\" → \"Set an Assigned Support Engineer for an organization\")";

/// Sections listed before the rest is counted.
const MAX_SECTIONS: usize = 20;

/// Appends every section `workflow` calls for (nothing when it is empty).
pub fn push_workflow(body: &mut String, workflow: &Workflow) {
    for account in workflow.added.iter().take(MAX_SECTIONS) {
        push_onboarding(body, account);
    }
    if !workflow.assignment_changed.is_empty() {
        push_assignment(body, &workflow.assignment_changed);
    }
    for account in workflow.removed.iter().take(MAX_SECTIONS) {
        push_offboarding(body, account);
    }
    let left_out = workflow.added.len().saturating_sub(MAX_SECTIONS)
        + workflow.removed.len().saturating_sub(MAX_SECTIONS);
    if left_out > 0 {
        let _ = writeln!(body, "… and {left_out} more accounts added or removed.\n");
    }
}

fn text(value: &str) -> String {
    escape_user_text(value, MAX_QUOTE_CHARS)
}

/// Text from the files as a code span, copyable as written, when it holds only letters,
/// digits and plain punctuation (nothing that could close the span, break the line,
/// mention, reference or render); escaped prose otherwise.
fn code(value: &str) -> String {
    let safe = value
        .chars()
        .all(|c| c.is_alphanumeric() || " -_./:'\",()|".contains(c));
    if safe && value.chars().count() <= MAX_QUOTE_CHARS {
        format!("`{value}`")
    } else {
        text(value)
    }
}

fn push_onboarding(body: &mut String, a: &Account) {
    let _ = writeln!(
        body,
        "### Onboarding checklist: {} (new ASE account)\n",
        text(&a.account)
    );
    let mut items = vec![
        format!("ASE: introduce yourself to {} as the customer's ASE.", text(&a.account)),
        "ASE: agree a weekly or every-other-week cadence call with the customer: review the work done since the last call, and agree the work and its priorities until the next one.".to_owned(),
        org_note_step(a),
        super_form_step(a),
        "ASE: set up the SupportLogic notification for new tickets from this customer.".to_owned(),
    ];
    if a.dedicated {
        items.extend(DEDICATED_STEPS.map(str::to_owned));
    }
    for item in &items {
        let _ = writeln!(body, "- [ ] {item}");
    }
    body.push('\n');
}

/// The columns a step's values come from, and what to say when one carries an error.
fn fix_first(a: &Account, columns: &[Column]) -> Option<String> {
    let bad: Vec<&str> = columns
        .iter()
        .filter(|c| a.flagged.contains(c))
        .map(|c| c.title())
        .collect();
    (!bad.is_empty()).then(|| {
        format!(
            "fix this row first: {} {} an error (see the findings above)",
            bad.join(", "),
            if bad.len() == 1 { "has" } else { "have" }
        )
    })
}

/// The new-note command's columns.
const NEW_NOTE_COLUMNS: [Column; 4] = [
    Column::AccountId,
    Column::OrgName,
    Column::Ase,
    Column::Region,
];

fn org_note_step(a: &Account) -> String {
    let open = "ASE: open the org-note merge request in the Organizations project";
    if let Some(fix) = fix_first(a, &[Column::AccountId]) {
        return format!("{open} and assign it to your manager ({fix}).");
    }
    let path = format!("organizations/{}.yaml", a.org_id);
    let command = match fix_first(a, &NEW_NOTE_COLUMNS) {
        Some(fix) => format!("Before `ase-lint new-note` can write it, {fix}."),
        None if a.region.is_none() => String::new(),
        None => format!("{} writes it.", code(&new_note_command(a))),
    };
    format!(
        "{open} for {} and assign it to your manager. {command}",
        code(&path)
    )
    .trim_end()
    .to_owned()
}

fn super_form_step(a: &Account) -> String {
    match fix_first(a, &[Column::AccountId, Column::UserId]) {
        Some(fix) => format!("Manager: file {SUPER_FORM} once the ids are right ({fix})."),
        None => format!(
            "Manager: file {SUPER_FORM} with organization id {} and user id {}.",
            code(&a.org_id),
            code(&a.user_id)
        ),
    }
}

/// The extra steps for GitLab Dedicated customers (fixed text: the code spans keep
/// `@dedicated-ase` from mentioning anyone).
const DEDICATED_STEPS: [&str; 2] = [
    "ASE (GitLab Dedicated): add an Incident.io auto-subscribe rule on the customer's `internal_reference` or `tenant_id` (Switchboard shows them as \"Internal reference\" and \"Identifier\").",
    "ASE (GitLab Dedicated): request access to the `@dedicated-ase` Slack group (an access request with the Slack Request template, approved by your manager).",
];

fn new_note_command(a: &Account) -> String {
    let mut cmd = format!(
        "ase-lint new-note --org-id {} --org-name {} --ase {} --region {}",
        shell_word(&a.org_id),
        shell_word(&a.org_name),
        shell_word(&a.ase),
        a.region
            .as_deref()
            .map_or_else(|| "AMER|EMEA|APAC".to_owned(), shell_word)
    );
    if a.dedicated {
        cmd.push_str(" --dedicated");
    }
    cmd.push_str(" --write");
    cmd
}

/// A word for a POSIX shell: as is when plain, else single-quoted.
fn shell_word(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@".contains(c));
    if plain {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', r"'\''"))
    }
}

fn push_assignment(body: &mut String, paths: &[String]) {
    let listed: Vec<String> = paths.iter().take(MAX_SECTIONS).map(|p| code(p)).collect();
    let _ = writeln!(
        body,
        "### Auto-assignment changed\n\n\
         This merge request changes who gets the customer's new non-emergency tickets in {}.\n\n\
         - [ ] Manager: change the assignment in Zendesk through {SUPER_FORM}.\n\
         - [ ] Manager: verify that the \"Subscription: Support Services - ASE\" box is checked for the account's product charge (if not, contact Sales Ops).\n\n\
         Auto-assignment needs both: (1) a named ASE for the organization in Zendesk, and \
         (2) an ASE-related product charge in the subscription in Salesforce.\n",
        listed.join(", ")
    );
}

fn push_offboarding(body: &mut String, a: &Account) {
    let _ = writeln!(
        body,
        "### Offboarding: {} (row removed)\n\n\
         - [ ] ASE: update the org note {} so it no longer says the organization has an ASE.\n\
         - [ ] Manager: file {SUPER_FORM} with organization id {} and \"None\" as the ASE's user id, to remove the ASE.\n",
        text(&a.account),
        code(&format!("organizations/{}.yaml", a.org_id)),
        code(&a.org_id)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(
            body.contains("with organization id `361092349520` and \"None\" as the ASE's user id")
        );
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
}
