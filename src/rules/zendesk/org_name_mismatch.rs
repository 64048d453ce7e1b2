//! `zendesk/org-name-mismatch`: the organization's name in Zendesk is not the row's
//! Zendesk Org Name.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::util;
use crate::rules::zendesk::{ZendeskInput, quoted};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose Zendesk Org Name is not,
    /// character for character, the name Zendesk has for the organization with the row's
    /// Zendesk Account ID. The message shows both. The finding is on the Zendesk Org Name
    /// cell.
    ///
    /// ## Why is this bad?
    /// The name is how people find the organization in Zendesk. A different name means the
    /// organization was renamed (the README is stale) or the id names another customer's
    /// organization (the ASE would get someone else's tickets).
    ///
    /// ## Example
    /// README: `f6438d0c Acme Corp`; Zendesk: `f6438d0c Acme Corporation`.
    /// Use instead: the name exactly as Zendesk shows it.
    pub ZendeskOrgNameMismatch, name = "zendesk/org-name-mismatch", severity = Error,
    summary = "The organization's name in Zendesk is not the row's Zendesk Org Name"
}

impl Rule for ZendeskOrgNameMismatch {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        for (checked, org) in input.found_orgs() {
            let Some(cell) = util::filled_cell(input.table, checked.row, Column::OrgName) else {
                continue;
            };
            let written = util::value(cell);
            if written == org.name.trim() {
                continue;
            }
            let message = format!(
                "Zendesk names organization {} `{}`, not `{}`",
                checked.org_id,
                quoted(&org.name),
                quoted(&written)
            );
            let help = format!(
                "write the name exactly as Zendesk shows it, or check that the Zendesk Account \
                 ID is this customer's ({})",
                input.org_url(checked.org_id)
            );
            input.report(checked.row, Column::OrgName, message, help, cx);
        }
    }
}
