//! `table/duplicate-account`: two rows have the same Zendesk Account ID or Zendesk Org Name. (STUB: not implemented yet.)

use crate::declare_rule;
use crate::model::AseTable;
use crate::rules::{Context, Rule};

declare_rule! {
    /// ## What it does
    /// TODO
    ///
    /// ## Why is this bad?
    /// TODO
    ///
    /// ## Example
    /// TODO
    pub DuplicateAccount, name = "table/duplicate-account", severity = Error,
    summary = "Two rows have the same Zendesk Account ID or Zendesk Org Name"
}

impl Rule for DuplicateAccount {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
