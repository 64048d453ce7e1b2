//! `table/empty-cell`: a required cell of the ASE table is empty.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an empty cell in a column of the ASE table that must be filled in: every
    /// known column present in the header, except those listed under
    /// `columns.may_be_empty` (by default Special Notes and Region). A cell that holds
    /// only a placeholder (`TBD`, `N/A`, `-`, `?`, `none`, …) or only HTML such as `<br>`
    /// counts as empty.
    ///
    /// A row with fewer cells than the header is `table/cell-count`'s finding and is not
    /// reported again here.
    ///
    /// ## Why is this bad?
    /// The table is the single source of truth of ASE accounts. A row without its Zendesk
    /// ids cannot drive ticket auto-assignment; a row without its links or org name sends
    /// people searching Salesforce and Zendesk by hand.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | [Salesforce](…) \| [Org Note](…) | | f6438d0c Acme Corp | TBD | 370415907240 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | AMER | [Salesforce](…) \| [Org Note](…) | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    pub EmptyCell, name = "table/empty-cell", severity = Error,
    summary = "A required cell of the ASE table is empty"
}

impl Rule for EmptyCell {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let width = table.header.raw_cell_count;
        for row in table.rows.iter().filter(|r| r.raw_cell_count >= width) {
            for (column, cell) in util::known_cells(table, row) {
                if !cx.settings.may_be_empty.contains(&column) && util::is_blank(cell) {
                    report(table, row, column, cell, cx);
                }
            }
        }
    }
}

fn report(table: &AseTable, row: &Row, column: Column, cell: &Cell, cx: &mut RuleContext<'_>) {
    let title = column.title();
    let message = match util::placeholder(cell) {
        Some(placeholder) => {
            format!("the `{title}` cell holds only the placeholder `{placeholder}`")
        }
        None => format!("the `{title}` cell is empty"),
    };
    cx.report(cell.span.clone(), message)
        .label(format!("`{title}` required"))
        .help(help(column))
        .key(util::cell_key(table, row, column));
}

fn help(column: Column) -> String {
    let what = match column {
        Column::Account => "the customer's account name, as in Salesforce",
        Column::Ase => "the Assigned Support Engineer's name",
        Column::Region => "the ASE's region: AMER, EMEA or APAC",
        Column::Links => "the Salesforce account link and the Zendesk org note link",
        Column::SpecialNotes => "anything special about the account",
        Column::OrgName => "the Zendesk organization's name, `<8 hex> <account name>`",
        Column::AccountId => {
            "the Zendesk organization id (your manager finds it through the Support Super Form)"
        }
        Column::UserId => {
            "the ASE's Zendesk user id (your manager finds it through the Support Super Form)"
        }
    };
    format!(
        "fill in {what}; `columns.may_be_empty` in the configuration lists the columns that may stay empty"
    )
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, only, rules_of};

    const HEAD: &str = "| Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|---|\n";
    const LINKS: &str = "[Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) \\| [Org Note](https://gitlab.zendesk.com/agent/organizations/361092349520)";

    fn empty_cells(rows: &str) -> Vec<(&'static str, usize, usize, String)> {
        let d = lint_readme(&format!("{HEAD}{rows}"), true);
        only(&d, "table/empty-cell")
            .into_iter()
            .map(|x| (x.rule, x.start.line, x.start.column, x.message.clone()))
            .collect()
    }

    #[test]
    fn optional_columns_may_be_empty() {
        let row = format!(
            "| Acme | Jill | | {LINKS} | | f6438d0c Acme | 361092349520 | 370415907240 |\n"
        );
        assert!(empty_cells(&row).is_empty());
    }

    #[test]
    fn empty_and_placeholder_cells_are_reported_on_the_cell() {
        let row = format!("| Acme |  | AMER | {LINKS} | | f6438d0c Acme | TBD | <br> |\n");
        let found = empty_cells(&row);
        let positions: Vec<_> = found.iter().map(|f| (f.1, f.2)).collect();
        let user_col = row.find("<br>").map_or(0, |i| i + 1);
        let tbd_col = row.find("TBD").map_or(0, |i| i + 1);
        assert_eq!(positions, vec![(3, 9), (3, tbd_col), (3, user_col)]);
        assert!(found[0].3.contains("`ASE` cell is empty"));
        assert!(found[1].3.contains("placeholder `TBD`"));
    }

    #[test]
    fn short_rows_are_left_to_cell_count() {
        let d = lint_readme(&format!("{HEAD}| Acme | Jill |\n"), true);
        assert_eq!(rules_of(&d), vec![("table/cell-count", 3, 15)]);
    }
}
