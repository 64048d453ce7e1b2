//! `link/org-note`: the Links cell lacks a Zendesk Org Note link for the row's org id. (STUB: not implemented yet.)

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
    pub OrgNote, name = "link/org-note", severity = Error,
    summary = "The Links cell lacks a Zendesk Org Note link for the row's org id"
}

impl Rule for OrgNote {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
