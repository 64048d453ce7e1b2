//! `table/missing-column`: the ASE table's header lacks a required column.

use crate::declare_rule;
use crate::model::AseTable;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports each required column missing from the ASE table's header, on the header
    /// line. Required by default: Account, ASE, Links, Special Notes, Zendesk Org Name,
    /// Zendesk Account ID, Zendesk User (ASE) ID (Region is optional). Header matching
    /// ignores case, spacing and punctuation and accepts aliases (`columns.aliases`).
    ///
    /// ## Why is this bad?
    /// Every column is used by someone: the Zendesk ones drive ticket auto-assignment,
    /// the links lead to the customer's records. A missing column means missing facts
    /// for every account.
    ///
    /// ## Example
    /// ```markdown
    /// | Account | ASE | Links | Special Notes | Zendesk Org Name | Zendesk Account ID |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Account | ASE | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |
    /// ```
    pub MissingColumn, name = "table/missing-column", severity = Error,
    summary = "The ASE table lacks a required column"
}

impl Rule for MissingColumn {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let missing: Vec<_> = cx
            .settings
            .required_columns
            .iter()
            .copied()
            .filter(|c| table.column_index(*c).is_none())
            .collect();
        for column in missing {
            let span = table.header.span.clone();
            cx.report(span, format!("the ASE table has no `{}` column", column.title()))
                .label(format!("`{}` missing", column.title()))
                .help(format!(
                    "add a `{}` column (other accepted spellings: `columns.aliases.{}` in the configuration)",
                    column.title(),
                    column.config_key()
                ))
                .key(column.config_key());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, rules_of};

    #[test]
    fn reports_each_missing_column_on_the_header() {
        let d = lint_readme(
            "intro\n\n| Account | ASE | Links | Special Notes | Zendesk Org Name |\n|---|---|---|---|---|\n",
            true,
        );
        let found: Vec<_> = rules_of(&d)
            .into_iter()
            .filter(|r| r.0 == "table/missing-column")
            .collect();
        assert_eq!(
            found,
            vec![
                ("table/missing-column", 3, 1),
                ("table/missing-column", 3, 1)
            ]
        );
        assert!(d.iter().any(|x| x.message.contains("`Zendesk Account ID`")));
        assert!(
            d.iter()
                .any(|x| x.message.contains("`Zendesk User (ASE) ID`"))
        );
    }

    #[test]
    fn aliases_count_as_present() {
        let d = lint_readme(
            "| Account | ASE | Links | Notes | Zendesk Org Name | Zendesk Org ID | ASE Zendesk ID |\n|---|---|---|---|---|---|---|\n",
            true,
        );
        assert!(d.iter().all(|x| x.rule != "table/missing-column"), "{d:?}");
    }
}
