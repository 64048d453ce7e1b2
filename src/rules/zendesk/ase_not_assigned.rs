//! `zendesk/ase-not-assigned`: the organization's `assigned_se` in Zendesk is empty or
//! another user than the row's Zendesk User (ASE) ID.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::zendesk::{ZendeskInput, quoted};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose organization in Zendesk does
    /// not have the row's ASE set: its `assigned_se` field (`zendesk.fields.assigned_se`)
    /// is empty, or holds another user id than the row's Zendesk User (ASE) ID. The
    /// finding is on the Zendesk User (ASE) ID cell.
    ///
    /// ## Why is this bad?
    /// Zendesk assigns the customer's new tickets to the user in `assigned_se`. Empty, the
    /// Support Super Form request that sets it was never done (or was undone): tickets go
    /// to the general queue. Another id: they go to someone else.
    ///
    /// ## Example
    /// README row with user id `370415907240`; the organization's `assigned_se` is empty.
    /// Fix: the manager submits the Support Super Form, "Modifications to a Zendesk Global
    /// Organization" → "Set an Assigned Support Engineer for an organization", with the
    /// organization id and `370415907240`.
    pub AseNotAssigned, name = "zendesk/ase-not-assigned", severity = Error,
    summary = "The organization's ASE in Zendesk is not set to the row's Zendesk User (ASE) ID"
}

impl Rule for AseNotAssigned {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        let field = &cx.settings.config.zendesk.fields.assigned_se;
        let field = field.clone();
        for (checked, org) in input.found_orgs() {
            let Some(user_id) = checked.user_id else {
                continue;
            };
            let assigned = org.assigned_se.as_deref().map(str::trim).unwrap_or("");
            if assigned == user_id.to_string() {
                continue;
            }
            let message = if assigned.is_empty() {
                format!(
                    "no ASE is set on organization {} in Zendesk (its `{field}` field is empty)",
                    checked.org_id
                )
            } else {
                format!(
                    "organization {}'s ASE in Zendesk is user `{}` (its `{field}` field), not {user_id}",
                    checked.org_id,
                    quoted(assigned)
                )
            };
            let help = format!(
                "ask your manager to submit the Support Super Form: \"Modifications to a Zendesk \
                 Global Organization\" → \"Set an Assigned Support Engineer for an organization\", \
                 with organization {} and user {user_id}",
                checked.org_id
            );
            input.report(checked.row, Column::UserId, message, help, cx);
        }
    }
}
