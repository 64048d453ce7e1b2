//! `table/empty-cell`: a required cell of the ASE table is empty. (STUB: not implemented yet.)

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
    pub EmptyCell, name = "table/empty-cell", severity = Error,
    summary = "A required cell of the ASE table is empty"
}

impl Rule for EmptyCell {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
