//! `id/suspicious-length`: a Zendesk id has an unusual number of digits. (STUB: not implemented yet.)

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
    pub SuspiciousLength, name = "id/suspicious-length", severity = Warning,
    summary = "A Zendesk id has an unusual number of digits"
}

impl Rule for SuspiciousLength {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
