//! `zendesk/org-not-found`: Zendesk has no organization with the row's Zendesk Account ID.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::zendesk::ZendeskInput;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose Zendesk Account ID is not the
    /// id of any organization in Zendesk (`zendesk.url`). The finding is on the Zendesk
    /// Account ID cell.
    ///
    /// ## Why is this bad?
    /// Auto-assignment, the org note and every link of the row hang on this id. An id that
    /// names no organization (a typo, a deleted or merged organization, an id from the
    /// other Zendesk instance) means the customer's tickets are not routed to the ASE.
    ///
    /// ## Example
    /// `| Acme | Jill Doe | … | 361092349502 | … |` where Zendesk's organization is
    /// `361092349520`. Use instead: the id from the organization's URL in Zendesk,
    /// `https://gitlab.zendesk.com/agent/organizations/361092349520`.
    pub OrgNotFound, name = "zendesk/org-not-found", severity = Error,
    summary = "Zendesk has no organization with the row's Zendesk Account ID"
}

impl Rule for OrgNotFound {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        for checked in input.rows() {
            if input.facts.orgs.contains_key(&checked.org_id) {
                continue;
            }
            let message = format!(
                "Zendesk ({}) has no organization with id {}",
                input.facts.instance, checked.org_id
            );
            let help = "copy the id from the organization's address in Zendesk \
                        (…/agent/organizations/<id>); if the organization was merged or \
                        deleted, update or remove the row"
                .to_owned();
            input.report(checked.row, Column::AccountId, message, help, cx);
        }
    }
}
