//! The workflow sections of the bot's summary note: an onboarding checklist (GitLab task
//! list) per README row the merge request adds, an offboarding reminder per row it
//! removes, and an auto-assignment reminder per org note whose wording about who gets new
//! tickets changed. Each appears only when it applies. The steps and who each is for
//! come from the configuration (`handbook:`, see [`crate::handbook`]); values from the
//! files that fill their placeholders are escaped with [`escape_user_text`], and values of
//! cells with an error finding are never repeated.
//!
//! This file lays out the sections; `account_step` writes one step of an account's
//! checklist (placeholders from the row's cells, the `ase-lint new-note` command).

mod account_step;

use std::fmt::Write as _;

use crate::handbook::{self, Piece, Step};
use crate::report::escape::{MAX_QUOTE_CHARS, escape_user_text};
use crate::workflow::{Account, Workflow};
use account_step::account_step;

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

/// A section for one account: its heading and the task list of `steps`.
fn push_account_section(
    body: &mut String,
    heading: &str,
    steps: &[Step],
    a: &Account,
    w: &Workflow,
) {
    let _ = writeln!(body, "### {heading}\n");
    push_account_steps(body, steps, a, w);
    body.push('\n');
}

fn push_onboarding(body: &mut String, a: &Account, w: &Workflow) {
    let heading = format!(
        "Onboarding checklist: {} (new ASE account)",
        text(&a.account)
    );
    push_account_section(body, &heading, &w.handbook.onboarding, a, w);
}

fn push_offboarding(body: &mut String, a: &Account, w: &Workflow) {
    let heading = format!("Offboarding: {} (row removed)", text(&a.account));
    push_account_section(body, &heading, &w.handbook.offboarding, a, w);
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

#[cfg(test)]
mod tests;
