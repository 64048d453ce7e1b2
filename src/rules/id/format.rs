//! `id/format`: a Zendesk id is not a positive integer.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::id::zendesk_id::{self, IdError};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

/// The id columns this rule and `id/suspicious-length` check.
pub const ID_COLUMNS: [Column; 2] = [Column::AccountId, Column::UserId];

declare_rule! {
    /// ## What it does
    /// Checks that the Zendesk Account ID and Zendesk User (ASE) ID cells each hold one
    /// positive whole number that fits in 64 bits, written as plain digits. It says what
    /// is off: text around the number (`ID: 123`, `123 (old)`), thousands separators
    /// (`361,092,349,520`), a minus sign, zero, a leading zero, scientific notation
    /// (`3.61092E+11`, a spreadsheet's doing), more than one number, or a number too large.
    /// Where the intended id is clear, it offers a fix that leaves only the digits.
    ///
    /// Markdown around a valid id (a link `[361092349520](…)`, bold, code) is accepted:
    /// the cell's plain text is judged. Empty cells are `table/empty-cell`'s findings.
    ///
    /// ## Why is this bad?
    /// These ids are copied into the Support Super Form and read by automation that sets
    /// the organization's ASE and auto-assigns tickets. Anything but the bare id breaks
    /// that copy, or silently picks a different organization or user.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | ID: 361092349520 | 370,415,907,240 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    pub Format, name = "id/format", severity = Error,
    summary = "A Zendesk id is not a positive integer"
}

impl Rule for Format {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        for row in util::aligned_rows(table) {
            for column in ID_COLUMNS {
                if let Some(cell) = util::filled_cell(table, row, column)
                    && let Err(error) = zendesk_id::parse(&util::value(cell))
                {
                    report(table, row, column, cell, &error, cx);
                }
            }
        }
    }
}

fn report(
    table: &AseTable,
    row: &Row,
    column: Column,
    cell: &Cell,
    error: &IdError,
    cx: &mut RuleContext<'_>,
) {
    let title = column.title();
    let value = util::value(cell);
    let (problem, fix) = describe(error);
    let diagnostic = cx
        .report(
            cell.span.clone(),
            format!("the {title} `{value}` {problem}"),
        )
        .label("expected a positive whole number")
        .help(help(error))
        .key(util::cell_key(table, row, column));
    if let Some(digits) = fix {
        diagnostic.fix(cell.span.clone(), digits);
    }
}

/// What is wrong (completing "the Zendesk Account ID `…` …") and the digits to keep.
fn describe(error: &IdError) -> (String, Option<String>) {
    match error {
        IdError::NotANumber => ("is not a number".to_owned(), None),
        IdError::Negative { digits } => ("is negative".to_owned(), digits.clone()),
        IdError::Zero => ("is zero".to_owned(), None),
        IdError::LeadingZero => ("starts with a zero".to_owned(), None),
        IdError::TooLarge => (
            "is too large for a Zendesk id (a 64-bit integer)".to_owned(),
            None,
        ),
        IdError::Scientific => ("is written in scientific notation".to_owned(), None),
        IdError::Grouped { separator, digits } => (
            format!("has thousands separators (`{separator}`)"),
            digits.clone(),
        ),
        IdError::StrayText { digits } => ("has text around the number".to_owned(), digits.clone()),
        IdError::SeveralNumbers => ("holds more than one number".to_owned(), None),
    }
}

fn help(error: &IdError) -> &'static str {
    match error {
        IdError::StrayText { .. } | IdError::Grouped { .. } | IdError::Negative { .. } => {
            "write only the digits of the id; put remarks in Special Notes"
        }
        IdError::Scientific => {
            "a spreadsheet rounded the number, so its last digits are lost; copy the id again from Zendesk"
        }
        IdError::SeveralNumbers => {
            "a row holds one Zendesk organization and one ASE: keep the current id and move older ones to Special Notes"
        }
        IdError::NotANumber | IdError::Zero | IdError::LeadingZero | IdError::TooLarge => {
            "Zendesk ids are positive whole numbers that never start with 0; copy the id from the Zendesk URL (`/agent/organizations/<id>`, `/agent/users/<id>`)"
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, only};

    const HEAD: &str =
        "| Account | ASE | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|\n";

    fn found(rows: &str) -> Vec<(usize, usize, String, Option<String>)> {
        let d = lint_readme(&format!("{HEAD}{rows}"), true);
        only(&d, "id/format")
            .into_iter()
            .map(|x| {
                let fix = x.fix.as_ref().map(|f| f.replacement.clone());
                (x.start.line, x.start.column, x.message.clone(), fix)
            })
            .collect()
    }

    #[test]
    fn valid_ids_and_markdown_around_them_pass() {
        let rows = "| A | J | 361092349520 | [370415907240](https://gitlab.zendesk.com/agent/users/370415907240) |\n| B | K | `27946339528` | **9306291514524** |\n| C | L | | TBD |\n";
        assert!(found(rows).is_empty());
    }

    #[test]
    fn stray_text_gets_a_fix_with_the_digits() {
        let f = found("| A | J | ID: 361092349520 | 370,415,907,240 |\n");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].0, f[0].1), (3, 11));
        assert!(
            f[0].2
                .contains("Zendesk Account ID `ID: 361092349520` has text around the number")
        );
        assert_eq!(f[0].3.as_deref(), Some("361092349520"));
        assert!(f[1].2.contains("thousands separators (`,`)"));
        assert_eq!(f[1].3.as_deref(), Some("370415907240"));
    }

    #[test]
    fn no_fix_when_the_intended_id_is_unclear() {
        let f = found("| A | J | 123 / 456 | 0 |\n| B | K | -0012 | 99999999999999999999 |\n");
        let fixes: Vec<_> = f.iter().map(|x| x.3.clone()).collect();
        assert_eq!(fixes, vec![None, None, None, None]);
        assert!(f[0].2.contains("more than one number"));
        assert!(f[1].2.contains("is zero"));
        assert!(f[2].2.contains("is negative"));
        assert!(f[3].2.contains("too large"));
    }
}
