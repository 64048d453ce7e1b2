//! `table/duplicate-account`: two rows have the same Zendesk Account ID or Zendesk Org
//! Name.

use std::collections::HashMap;

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::id::zendesk_id;
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a row whose Zendesk Account ID or Zendesk Org Name already appears on an
    /// earlier row. Ids are compared as numbers, org names ignoring case and spacing. The
    /// finding is on the later row's cell and names the earlier row's line; a row that
    /// repeats both the id and the name of the same earlier row is reported once.
    ///
    /// ## Why is this bad?
    /// Each Zendesk organization has one ASE. Two rows for one organization either name
    /// two ASEs for it (and auto-assignment picks one at random), or one of them is a
    /// stale copy that nobody will update.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// | Acme EU | Ben Roe | EMEA | … | | f6438d0c Acme Corp | 361092349520 | 370415907241 |
    /// ```
    /// Use instead: one row per Zendesk organization; put the second engineer in Special
    /// Notes, or list the EU subsidiary with its own Zendesk organization:
    /// ```markdown
    /// | Acme EU | Ben Roe | EMEA | … | | 0b3c51aa Acme EU GmbH | 27946339528 | 370415907241 |
    /// ```
    pub DuplicateAccount, name = "table/duplicate-account", severity = Error,
    summary = "Two rows have the same Zendesk Account ID or Zendesk Org Name"
}

impl Rule for DuplicateAccount {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        for row in util::aligned_rows(table) {
            let id = seen_before(table, row, Column::AccountId, id_key, &mut ids);
            let name = seen_before(table, row, Column::OrgName, name_key, &mut names);
            match (id, name) {
                (Some((cell, a)), Some((_, b))) if a == b => {
                    report_copy(table, row, cell, a, cx);
                }
                (id, name) => {
                    for (cell, earlier, column) in [
                        id.map(|(c, l)| (c, l, Column::AccountId)),
                        name.map(|(c, l)| (c, l, Column::OrgName)),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        report(table, row, column, cell, earlier, cx);
                    }
                }
            }
        }
    }
}

/// Records the row's value of `column` and returns its cell and the first line that had
/// the same value, if any.
fn seen_before<'a>(
    table: &AseTable,
    row: &'a Row,
    column: Column,
    key_of: fn(&Cell) -> String,
    seen: &mut HashMap<String, usize>,
) -> Option<(&'a Cell, usize)> {
    let cell = util::filled_cell(table, row, column)?;
    let first = *seen.entry(key_of(cell)).or_insert(row.line);
    (first != row.line).then_some((cell, first))
}

fn id_key(cell: &Cell) -> String {
    zendesk_id::cell_id(cell).map_or_else(
        || util::normalize_name(&cell.text),
        |id| id.value.to_string(),
    )
}

fn name_key(cell: &Cell) -> String {
    util::normalize_name(&cell.text)
}

fn report(
    table: &AseTable,
    row: &Row,
    column: Column,
    cell: &Cell,
    earlier: usize,
    cx: &mut RuleContext<'_>,
) {
    let title = column.title();
    cx.report(
        cell.span.clone(),
        format!("{title} `{}` is also on line {earlier}", cell.text),
    )
    .label(format!("duplicate of line {earlier}"))
    .help("each Zendesk organization has one row; merge the two rows or correct the one that is wrong")
    .key(util::cell_key(table, row, column));
}

fn report_copy(table: &AseTable, row: &Row, cell: &Cell, earlier: usize, cx: &mut RuleContext<'_>) {
    cx.report(
        cell.span.clone(),
        format!(
            "this row repeats the Zendesk organization of line {earlier} (same Zendesk Account ID and Zendesk Org Name)"
        ),
    )
    .label(format!("same organization as line {earlier}"))
    .help("each Zendesk organization has one row; remove the copy or merge the two rows")
    .key(util::cell_key(table, row, Column::AccountId));
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, only};

    const HEAD: &str =
        "| Account | ASE | Zendesk Org Name | Zendesk Account ID |\n|---|---|---|---|\n";

    fn found(rows: &str) -> Vec<(usize, usize, String)> {
        let d = lint_readme(&format!("{HEAD}{rows}"), true);
        only(&d, "table/duplicate-account")
            .into_iter()
            .map(|x| (x.start.line, x.start.column, x.message.clone()))
            .collect()
    }

    #[test]
    fn same_id_or_same_name_on_a_later_row() {
        let rows = "| A | J | f6438d0c Acme | 361092349520 |\n| B | K | 0b3c51aa Beta | 361092349520 |\n| C | L | F6438D0C  acme | 27946339528 |\n";
        let f = found(rows);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (4, 27));
        assert!(
            f[0].2
                .contains("Zendesk Account ID `361092349520` is also on line 3")
        );
        assert_eq!((f[1].0, f[1].1), (5, 11));
        assert!(
            f[1].2
                .contains("Zendesk Org Name `F6438D0C  acme` is also on line 3")
        );
    }

    #[test]
    fn a_copied_row_is_reported_once_and_empty_cells_are_not_duplicates() {
        let rows = "| A | J | f6438d0c Acme | 361092349520 |\n| A | J | f6438d0c Acme | 361092349520 |\n| B | K | | |\n| C | L | | |\n";
        let f = found(rows);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].2
                .contains("repeats the Zendesk organization of line 3")
        );
    }
}
