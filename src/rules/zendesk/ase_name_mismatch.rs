//! `zendesk/ase-name-mismatch`: the Zendesk user's name is not the row's ASE.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::cross::ase_mismatch::names_any;
use crate::rules::util;
use crate::rules::zendesk::{ZendeskInput, quoted};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose Zendesk User (ASE) ID is a
    /// user whose name in Zendesk matches none of the people in the ASE cell, by full
    /// name, first name or `@handle` (as `cross/ase-mismatch` matches a note). The finding
    /// is on the ASE cell.
    ///
    /// ## Why is this bad?
    /// The name is what people read, the id is who gets the tickets. When they name
    /// different people, the id was copied from another row or not updated at a handover.
    ///
    /// ## Example
    /// ASE cell `Jill Doe`, user id `370415907240`, whose Zendesk name is `Kenji Sato`.
    /// Use instead: Jill's own user id, or `Kenji Sato` if the account was handed over.
    pub AseNameMismatch, name = "zendesk/ase-name-mismatch", severity = Warning,
    summary = "The Zendesk user's name is not the row's ASE"
}

impl Rule for AseNameMismatch {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        for (checked, user_id) in input.asked_users() {
            let Some(user) = input.facts.users.get(&user_id) else {
                continue;
            };
            let Some(cell) = util::filled_cell(input.table, checked.row, Column::Ase) else {
                continue;
            };
            let ase = util::value(cell);
            if user.name.trim().is_empty() || names_any(&user.name, &ase) {
                continue;
            }
            let message = format!(
                "Zendesk user {user_id} is `{}`, not {}",
                quoted(&user.name),
                quoted(&ase)
            );
            let help = format!(
                "check the row's Zendesk User (ASE) ID ({}): it should be the ASE's own",
                input.user_url(user_id)
            );
            input.report(checked.row, Column::Ase, message, help, cx);
        }
    }
}
