//! `table/not-found`: a README that must hold the ASE table does not.

use crate::declare_rule;
use crate::model::ReadmeDoc;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports a README that is meant to hold the ASE table (named on the command line, or
    /// `ase_readme:` in the configuration) but has no table whose header looks like it (at
    /// least three of the known columns: Account, ASE, Region, Links, Special Notes,
    /// Zendesk Org Name, Zendesk Account ID, Zendesk User (ASE) ID).
    ///
    /// In a directory walk, a `README.md` without such a table is simply not an ASE README
    /// and is skipped.
    ///
    /// ## Why is this bad?
    /// The table is the single source of truth of all active ASE accounts. If its header
    /// was mangled (or the table deleted), nothing else can be checked.
    ///
    /// ## Example
    /// ```markdown
    /// | Customer | Engineer |
    /// |---|---|
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |
    /// |---|---|---|---|---|---|---|---|
    /// ```
    pub NotFound, name = "table/not-found", severity = Error,
    summary = "A README that must hold the ASE table has none"
}

impl Rule for NotFound {
    fn check_readme(&self, doc: &ReadmeDoc, cx: &mut RuleContext<'_>) {
        if doc.required && doc.table.is_none() {
            let span = cx.source.line_span(1);
            cx.report(span, "no ASE table found in this file")
                .label("expected a table with the ASE columns")
                .help("the ASE table's header needs at least three of: Account, ASE, Region, Links, Special Notes, Zendesk Org Name, Zendesk Account ID, Zendesk User (ASE) ID");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, rules_of};

    #[test]
    fn required_readme_without_table() {
        let d = lint_readme("# Hello\n\nNo table here.\n", true);
        assert_eq!(rules_of(&d), vec![("table/not-found", 1, 1)]);
    }

    #[test]
    fn walked_readme_without_table_is_fine() {
        assert!(lint_readme("# Hello\n", false).is_empty());
    }
}
