//! `id/suspicious-length`: a Zendesk id has an unusual number of digits.

use crate::declare_rule;
use crate::model::AseTable;
use crate::rules::id::format::ID_COLUMNS;
use crate::rules::id::zendesk_id;
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Warns about a Zendesk Account ID or Zendesk User (ASE) ID with fewer digits than
    /// `ids.min_digits` (default 8) or more than `ids.max_digits` (default 16). GitLab's
    /// real Zendesk ids have 11 to 14 digits. Only ids that pass `id/format` are checked.
    ///
    /// ## Why is this bad?
    /// A well-formed number of the wrong length is usually a truncated copy, two ids run
    /// together, or a different number altogether (a ticket number, a Salesforce figure).
    /// It looks plausible, so nobody notices until auto-assignment fails.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092 | 370415907240 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    pub SuspiciousLength, name = "id/suspicious-length", severity = Warning,
    summary = "A Zendesk id has an unusual number of digits"
}

impl Rule for SuspiciousLength {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let ids = &cx.settings.config.ids;
        let (min, max) = (ids.min_digits, ids.max_digits);
        for row in util::aligned_rows(table) {
            for column in ID_COLUMNS {
                let Some(cell) = table.cell(row, column) else {
                    continue;
                };
                let Some(id) = zendesk_id::cell_id(cell) else {
                    continue;
                };
                let bound = if id.digits < min {
                    format!("fewer than the {min}")
                } else if id.digits > max {
                    format!("more than the {max}")
                } else {
                    continue;
                };
                cx.report(
                    cell.span.clone(),
                    format!(
                        "the {} {} has {} digits, {bound} a Zendesk id is expected to have",
                        column.title(),
                        id.value,
                        id.digits
                    ),
                )
                .label(format!("{} digits", id.digits))
                .help("GitLab's Zendesk ids have 11 to 14 digits; check that the whole id was copied from Zendesk (the limits are `ids.min_digits` and `ids.max_digits` in the configuration)")
                .key(util::cell_key(table, row, column));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, only};

    #[test]
    fn short_and_long_ids_warn_valid_lengths_do_not() {
        let text = "| Account | ASE | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|\n| A | J | 1234567 | 12345678 |\n| B | K | 1234567890123456 | 12345678901234567 |\n| C | L | 12x | 0 |\n";
        let d = lint_readme(text, true);
        let found: Vec<_> = only(&d, "id/suspicious-length")
            .into_iter()
            .map(|x| (x.start.line, x.start.column, x.message.clone()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (3, 11));
        assert!(
            found[0]
                .2
                .contains("1234567 has 7 digits, fewer than the 8")
        );
        assert_eq!(found[1].0, 4);
        assert!(found[1].2.contains("has 17 digits, more than the 16"));
    }
}
