//! `id/ase-conflict`: one ASE with two user ids, or one user id with two ASEs. (STUB: not implemented yet.)

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
    pub AseConflict, name = "id/ase-conflict", severity = Error,
    summary = "One ASE with two user ids, or one user id with two ASEs"
}

impl Rule for AseConflict {
    crate::rule_meta!();

    fn check_table(&self, _table: &AseTable, _cx: &mut Context<'_>) {}
}
