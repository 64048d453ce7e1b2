//! The handbook's "remember to" steps a merge request calls for: README rows added
//! (onboarding) or removed (offboarding), and org notes whose auto-assignment wording
//! changed. Pure: the caller supplies the files' text before and after the change.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::config::Settings;
use crate::handbook::HandbookConfig;
use crate::model::{AseTable, Column, Row};
use crate::parse;
use crate::rules::note::questions::plain_text;
use crate::rules::util;
use crate::source::{SourceFile, Span};

/// One account of the ASE table, as the checklists name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub account: String,
    pub org_id: String,
    pub org_name: String,
    pub ase: String,
    pub region: Option<String>,
    pub user_id: String,
    /// The row mentions GitLab Dedicated.
    pub dedicated: bool,
    /// Columns whose cell carries an error finding (all of them when the row itself
    /// does): their values are not repeated in checklists or commands.
    pub flagged: Vec<Column>,
}

impl Account {
    /// True when none of `columns` carries an error finding.
    pub fn usable(&self, columns: &[Column]) -> bool {
        !columns.iter().any(|c| self.flagged.contains(c))
    }
}

/// What the summary note must remind people of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workflow {
    /// README rows the merge request adds: an onboarding checklist each.
    pub added: Vec<Account>,
    /// README rows the merge request removes: an offboarding reminder each.
    pub removed: Vec<Account>,
    /// Org files (paths) whose wording about who gets new tickets changed.
    pub assignment_changed: Vec<String>,
    /// The steps to remind of (`handbook:` in the configuration).
    pub handbook: HandbookConfig,
    /// `handbook_url`, for the `{handbook_url}` placeholder.
    pub handbook_url: String,
}

impl Default for Workflow {
    /// Nothing to remind of yet, with the built-in steps.
    fn default() -> Self {
        Self {
            added: Vec::new(),
            removed: Vec::new(),
            assignment_changed: Vec::new(),
            handbook: crate::config::Config::default_config().handbook,
            handbook_url: crate::config::DEFAULT_HANDBOOK_URL.to_owned(),
        }
    }
}

impl Workflow {
    /// Nothing to remind of yet, with the steps `settings` configure.
    pub fn new(settings: &Settings) -> Self {
        Self {
            handbook: settings.config.handbook.clone(),
            handbook_url: settings.config.handbook_url.clone(),
            ..Self::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.assignment_changed.is_empty()
    }

    /// Adds the rows added and removed between two versions of a README (`None`: the
    /// file did not exist before / does not exist any more). Rows are keyed by Zendesk
    /// Account ID; a row whose id is unchanged is not new, whatever else changed.
    /// `errors`: the spans of the error findings in `after`, whose cells are flagged.
    pub fn compare_readmes(
        &mut self,
        before: Option<&str>,
        after: Option<&str>,
        settings: &Settings,
        errors: &[Span],
    ) {
        let before = before.map(|t| accounts(t, settings)).unwrap_or_default();
        let after = after
            .map(|t| flagged_accounts(t, settings, errors))
            .unwrap_or_default();
        self.added.extend(
            after
                .iter()
                .filter(|(id, _)| !before.contains_key(*id))
                .map(|(_, a)| a.clone()),
        );
        self.removed.extend(
            before
                .iter()
                .filter(|(id, _)| !after.contains_key(*id))
                .map(|(_, a)| a.clone()),
        );
    }

    /// Records `path` when the org file's wording about who gets new non-emergency
    /// tickets was added, removed or changed between two versions of its text.
    pub fn compare_org_notes(&mut self, path: &str, before: Option<&str>, after: Option<&str>) {
        let wording = |text: Option<&str>| text.map(assignment_wording).unwrap_or_default();
        if wording(before) != wording(after) {
            self.assignment_changed.push(path.to_owned());
        }
    }
}

/// The accounts of a README's ASE table, by Zendesk Account ID (rows without one are
/// left out: they cannot be compared).
pub fn accounts(text: &str, settings: &Settings) -> BTreeMap<String, Account> {
    flagged_accounts(text, settings, &[])
}

/// [`accounts`], each with the columns an error finding (`errors`: spans in `text`) is on.
fn flagged_accounts(text: &str, settings: &Settings, errors: &[Span]) -> BTreeMap<String, Account> {
    let doc = parse::readme::parse(SourceFile::new("README.md", text), settings, false);
    let Some(table) = doc.table else {
        return BTreeMap::new();
    };
    util::aligned_rows(&table)
        .filter_map(|row| {
            let mut account = account(&table, row)?;
            account.flagged = flagged_columns(&table, row, errors);
            Some(account)
        })
        .map(|a| (a.org_id.clone(), a))
        .collect()
}

/// The columns of `row` an error span falls on; every column when one falls on the row
/// outside its cells (a missing or extra cell).
fn flagged_columns(table: &AseTable, row: &Row, errors: &[Span]) -> Vec<Column> {
    let touches = |span: &Span, error: &Span| {
        error.start < span.end.max(span.start + 1) && span.start < error.end.max(error.start + 1)
    };
    let on_row: Vec<&Span> = errors.iter().filter(|e| touches(&row.span, e)).collect();
    let mut flagged: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|&column| {
            table
                .cell(row, column)
                .is_some_and(|cell| on_row.iter().any(|e| touches(&cell.span, e)))
        })
        .collect();
    let outside_cells = on_row
        .iter()
        .any(|e| !row.cells.iter().any(|cell| touches(&cell.span, e)));
    if outside_cells {
        flagged = Column::ALL.to_vec();
    }
    flagged
}

fn account(table: &AseTable, row: &Row) -> Option<Account> {
    let cell = |column| {
        table
            .cell(row, column)
            .filter(|c| !util::is_blank(c))
            .map(util::value)
    };
    let raw_row: String = row
        .cells
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Account {
        org_id: cell(Column::AccountId)?,
        account: cell(Column::Account).unwrap_or_default(),
        org_name: cell(Column::OrgName).unwrap_or_default(),
        ase: cell(Column::Ase).unwrap_or_default(),
        region: cell(Column::Region),
        user_id: cell(Column::UserId).unwrap_or_default(),
        dedicated: mentions_dedicated(&raw_row),
        flagged: Vec::new(),
    })
}

static DEDICATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:\bgitlab\s+dedicated\b)|\bDedicated\b")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// True when the text mentions GitLab Dedicated.
pub fn mentions_dedicated(text: &str) -> bool {
    DEDICATED.is_match(text)
}

/// Sentences about assigning the customer's (new, non-emergency) tickets.
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(auto-?assign\w*|automatic(ally)?\s+assign\w*|(new\s+)?(non-emergency\s+)?tickets?\b[^.\n]{0,80}?\b(will\s+be\s+|are\s+|get\s+)?(auto-?)?assigned\s+to)\b",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// The sentences of an org file's note that say who gets new tickets, whitespace
/// normalised (the comparison ignores rewrapping). A file that is not a valid org file is
/// read as plain text.
pub fn assignment_wording(text: &str) -> BTreeSet<String> {
    let doc = parse::orgnote::parse(SourceFile::new("org.yaml", text), "org");
    let note = plain_text(doc.notes_text().unwrap_or(text));
    note.split("\n\n")
        .flat_map(|paragraph| paragraph.split(['.', '!', '?']))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| ASSIGNMENT.is_match(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "| Account | ASE | Region | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|\n";
    const ACME: &str =
        "| Acme | Jill Doe | AMER | | f6438d0c Acme | 361092349520 | 370415907240 |\n";
    const BLUE: &str = "| Blue | Priya Raman | EMEA | GitLab Dedicated | 5a1f9965 Blue | 27946339528 | 411273650918 |\n";

    #[test]
    fn rows_are_added_and_removed_by_account_id() {
        let before = format!("{HEAD}{ACME}");
        let after = format!("{HEAD}{}{BLUE}", ACME.replace("Jill Doe", "Jill Smith"));
        let mut w = Workflow::default();
        w.compare_readmes(Some(&before), Some(&after), &Settings::defaults(), &[]);
        assert_eq!(w.added.len(), 1);
        let blue = &w.added[0];
        assert_eq!(
            (
                blue.account.as_str(),
                blue.org_id.as_str(),
                blue.user_id.as_str(),
                blue.dedicated
            ),
            ("Blue", "27946339528", "411273650918", true)
        );
        assert!(w.removed.is_empty());
        let mut w = Workflow::default();
        w.compare_readmes(Some(&after), Some(&before), &Settings::defaults(), &[]);
        assert_eq!((w.added.len(), w.removed.len()), (0, 1));
    }

    #[test]
    fn cells_with_error_findings_are_flagged() {
        let before = format!("{HEAD}{ACME}");
        let bad = BLUE.replace("27946339528", "27,946,339,528");
        let after = format!("{HEAD}{ACME}{bad}");
        let id = after.find("27,946").unwrap_or_default();
        let mut w = Workflow::default();
        w.compare_readmes(
            Some(&before),
            Some(&after),
            &Settings::defaults(),
            &[Span {
                start: id,
                end: id + 14,
            }],
        );
        assert_eq!(w.added[0].flagged, [Column::AccountId]);
        assert!(!w.added[0].usable(&[Column::AccountId]));
        assert!(w.added[0].usable(&[Column::UserId]));
        let row_end = after.len() - 2;
        let mut w = Workflow::default();
        w.compare_readmes(
            Some(&before),
            Some(&after),
            &Settings::defaults(),
            &[Span {
                start: row_end,
                end: row_end,
            }],
        );
        assert_eq!(w.added[0].flagged, Column::ALL);
    }

    #[test]
    fn assignment_wording_changes_are_found_and_rewrapping_is_not() {
        let old = "notes: |\n  Jill is the ASE, so all new non-emergency tickets\n  will be assigned to her. If Jill is away, cc yourself.\n";
        let rewrapped = "notes: |\n  Jill is the ASE, so all new non-emergency tickets will be assigned to her.\n  If Jill is away, cc yourself.\n";
        let changed = old.replace("to her", "to Kenji");
        let other = old.replace("cc yourself", "cc the team");
        let mut w = Workflow::default();
        w.compare_org_notes("a.yaml", Some(old), Some(rewrapped));
        w.compare_org_notes("b.yaml", Some(old), Some(&other));
        assert!(w.is_empty(), "{w:?}");
        w.compare_org_notes("c.yaml", Some(old), Some(&changed));
        w.compare_org_notes("d.yaml", None, Some(old));
        w.compare_org_notes("e.yaml", Some(old), Some("notes: PS project\n"));
        assert_eq!(w.assignment_changed, ["c.yaml", "d.yaml", "e.yaml"]);
    }
}
