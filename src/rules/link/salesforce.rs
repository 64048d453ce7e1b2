//! `link/salesforce`: the Links cell lacks a valid Salesforce account link. (STUB: not implemented yet.)

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
    pub Salesforce, name = "link/salesforce", severity = Error,
    summary = "The Links cell lacks a valid Salesforce account link"
}

impl Rule for Salesforce {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
