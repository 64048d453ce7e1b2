//! `table/org-name-format`: zendesk Org Name is not `<8 lowercase hex> <account name>`. (STUB: not implemented yet.)

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
    pub OrgNameFormat, name = "table/org-name-format", severity = Warning,
    summary = "Zendesk Org Name is not `<8 lowercase hex> <account name>`"
}

impl Rule for OrgNameFormat {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
