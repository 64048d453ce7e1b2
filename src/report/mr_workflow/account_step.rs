//! One step of an account's checklist: its placeholders filled from the README row's
//! cells (never repeating a value that has an error finding: the step says what to fix
//! instead), and `{new_note}`, the `ase-lint new-note` command that writes the org file.

use super::{code, common_value, fill, label, text};
use crate::handbook::{self, Piece, Step};
use crate::model::Column;
use crate::workflow::{Account, Workflow};

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
pub(super) fn account_step(step: &Step, a: &Account, w: &Workflow) -> String {
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
