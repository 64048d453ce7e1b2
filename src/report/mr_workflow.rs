//! The workflow sections of the bot's summary note: an onboarding checklist (GitLab task
//! list) per README row the merge request adds, an offboarding reminder per row it
//! removes, and an auto-assignment reminder per org note whose wording about who gets new
//! tickets changed. Each appears only when it applies. The steps and who each is for
//! come from the configuration (`handbook:`, see [`crate::handbook`]); values from the
//! files that fill their placeholders are escaped with [`escape_user_text`], and values of
//! cells with an error finding are never repeated.

use std::fmt::Write as _;

use crate::handbook::{self, Piece, Step};
use crate::model::Column;
use crate::report::escape::{MAX_QUOTE_CHARS, escape_user_text};
use crate::workflow::{Account, Workflow};

/// The Support Super Form choices that set or remove an organization's ASE.
const SUPER_FORM: &str = "the Support Super Form (\"Modifications to a Zendesk Global Organization\" → \"Set an Assigned Support Engineer for an organization\")";

/// Sections listed before the rest is counted.
const MAX_SECTIONS: usize = 20;

/// Appends every section `workflow` calls for (nothing when it is empty), with the steps
/// it carries (`handbook:` in the configuration).
pub fn push_workflow(body: &mut String, workflow: &Workflow) {
    for account in workflow.added.iter().take(MAX_SECTIONS) {
        push_onboarding(body, account, workflow);
    }
    if !workflow.assignment_changed.is_empty() {
        push_assignment(body, workflow);
    }
    for account in workflow.removed.iter().take(MAX_SECTIONS) {
        push_offboarding(body, account, workflow);
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

fn push_onboarding(body: &mut String, a: &Account, w: &Workflow) {
    let _ = writeln!(
        body,
        "### Onboarding checklist: {} (new ASE account)\n",
        text(&a.account)
    );
    push_account_steps(body, &w.handbook.onboarding, a, w);
    body.push('\n');
}

/// The task list of `steps` for account `a` (steps for GitLab Dedicated only when it is).
fn push_account_steps(body: &mut String, steps: &[Step], a: &Account, w: &Workflow) {
    for step in steps.iter().filter(|s| !s.dedicated || a.dedicated) {
        let _ = writeln!(body, "- [ ] {}", account_step(step, a, w));
    }
}

/// The checklist label of a step: `ASE`, `Manager`, `ASE (GitLab Dedicated)`.
fn label(step: &Step) -> String {
    if step.dedicated {
        format!("{} (GitLab Dedicated)", step.audience.label())
    } else {
        step.audience.label().to_owned()
    }
}

/// The columns a placeholder takes its value from (none: not from a single cell, or, for
/// `{account}`, the name the checklist is headed with).
fn columns_of(placeholder: &str) -> &'static [Column] {
    match placeholder {
        "org_id" | "org_note" => &[Column::AccountId],
        "org_name" => &[Column::OrgName],
        "ase" => &[Column::Ase],
        "region" => &[Column::Region],
        "user_id" => &[Column::UserId],
        _ => &[],
    }
}

/// One step for account `a`: its `until_fixed` text while a cell its text takes a value
/// from has an error, else its text; values of such cells are never repeated.
fn account_step(step: &Step, a: &Account, w: &Workflow) -> String {
    let mut used: Vec<Column> = Vec::new();
    for piece in handbook::pieces(&step.text).unwrap_or_default() {
        if let Piece::Placeholder(name) = piece {
            for &column in columns_of(name) {
                if a.flagged.contains(&column) && !used.contains(&column) {
                    used.push(column);
                }
            }
        }
    }
    let (template, fix) = match (&step.until_fixed, fix_first(a, &used)) {
        (Some(instead), Some(fix)) => (instead.as_str(), fix),
        _ => (step.text.as_str(), String::new()),
    };
    let filled = fill(template, |name| match name {
        "account" => Some(text(&a.account)),
        "org_id" => Some(cell(a, Column::AccountId, || code(&a.org_id))),
        "org_name" => Some(cell(a, Column::OrgName, || text(&a.org_name))),
        "ase" => Some(cell(a, Column::Ase, || text(&a.ase))),
        "region" => Some(cell(a, Column::Region, || {
            a.region
                .as_deref()
                .map_or_else(|| "(no region in the row)".to_owned(), text)
        })),
        "user_id" => Some(cell(a, Column::UserId, || code(&a.user_id))),
        "org_note" => Some(cell(a, Column::AccountId, || {
            code(&format!("organizations/{}.yaml", a.org_id))
        })),
        "new_note" => Some(new_note_sentence(a)),
        "fix_first" => Some(fix.clone()),
        other => common_value(other, w),
    });
    format!("{}: {filled}", label(step))
}

/// A cell's value, or what to fix when an error finding is on it.
fn cell(a: &Account, column: Column, value: impl FnOnce() -> String) -> String {
    if a.usable(&[column]) {
        value()
    } else {
        format!("({} has an error: fix this row first)", column.title())
    }
}

/// The placeholders every section may use.
fn common_value(name: &str, w: &Workflow) -> Option<String> {
    match name {
        "super_form" => Some(SUPER_FORM.to_owned()),
        "handbook_url" => Some(w.handbook_url.trim_end_matches('/').to_owned()),
        _ => None,
    }
}

/// A step's text with its placeholders filled by `value` (`None`: left as written; the
/// configuration's check makes that unreachable), on one line.
fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let Ok(pieces) = handbook::pieces(template) else {
        return one_line(template);
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&one_line(t)),
            Piece::Placeholder(name) => match value(name) {
                Some(v) => out.push_str(&v),
                None => {
                    let _ = write!(out, "{{{name}}}");
                }
            },
        }
    }
    out.trim().to_owned()
}

/// Configured text on one line (a line break would end the task list item).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// What to say when one of `columns` carries an error (`None`: none does).
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

/// `{new_note}`: the command that writes the org file, as a sentence; what to fix before
/// it can be built; nothing when the row has no region.
fn new_note_sentence(a: &Account) -> String {
    match fix_first(a, &NEW_NOTE_COLUMNS) {
        Some(fix) => format!("Before `ase-lint new-note` can write it, {fix}."),
        None if a.region.is_none() => String::new(),
        None => format!("{} writes it.", code(&new_note_command(a))),
    }
}

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

fn push_assignment(body: &mut String, w: &Workflow) {
    let paths = &w.assignment_changed;
    let listed: Vec<String> = paths.iter().take(MAX_SECTIONS).map(|p| code(p)).collect();
    let files = listed.join(", ");
    let filled = |template: &str| {
        fill(template, |name| match name {
            "files" => Some(files.clone()),
            other => common_value(other, w),
        })
    };
    body.push_str("### Auto-assignment changed\n\n");
    push_paragraph(body, &filled(&w.handbook.auto_assignment_intro));
    for step in &w.handbook.auto_assignment {
        let _ = writeln!(body, "- [ ] {}: {}", label(step), filled(&step.text));
    }
    body.push('\n');
    push_paragraph(body, &filled(&w.handbook.auto_assignment_closing));
}

/// `text` and an empty line after it; nothing when `text` is empty.
fn push_paragraph(body: &mut String, text: &str) {
    if !text.is_empty() {
        let _ = writeln!(body, "{text}\n");
    }
}

fn push_offboarding(body: &mut String, a: &Account, w: &Workflow) {
    let _ = writeln!(
        body,
        "### Offboarding: {} (row removed)\n",
        text(&a.account)
    );
    push_account_steps(body, &w.handbook.offboarding, a, w);
    body.push('\n');
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
            err.starts_with(".ase-lint.yml:2:28: `handbook.auto_assignment_closing`: unknown placeholder `{acount}`"),
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
}
