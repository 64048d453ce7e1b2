//! `zendesk/ase-subscription`: the organization's ASE subscription box is not checked.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::zendesk::ZendeskInput;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose organization in Zendesk does
    /// not have the checkbox "Subscription: Support Services - ASE" (`sub_ss_ase`, key in
    /// `zendesk.fields.ase_subscription`) checked. The finding is on the Zendesk Account
    /// ID cell.
    ///
    /// ## Why is this bad?
    /// Auto-assignment needs two things: a named ASE on the organization and the ASE
    /// product on the customer's Salesforce subscription, synced into this box. Without
    /// it, tickets are not auto-assigned to the ASE even when `assigned_se` is right.
    ///
    /// ## Example
    /// The organization of row `| Acme | Jill Doe | … | 361092349520 | … |` has
    /// `sub_ss_ase: false`. Fix: contact Sales Operations to add the ASE product charge
    /// to the Salesforce subscription (the box is synced from it, not set by hand).
    pub AseSubscription, name = "zendesk/ase-subscription", severity = Warning,
    summary = "The organization's \"Subscription: Support Services - ASE\" box is not checked"
}

impl Rule for AseSubscription {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        let field = cx.settings.config.zendesk.fields.ase_subscription.clone();
        for (checked, org) in input.found_orgs() {
            if org.ase_subscription == Some(true) {
                continue;
            }
            let state = match org.ase_subscription {
                Some(_) => "not checked",
                None => "not set",
            };
            let message = format!(
                "organization {}'s \"Subscription: Support Services - ASE\" box (`{field}`) is \
                 {state} in Zendesk: tickets will not be auto-assigned to the ASE",
                checked.org_id
            );
            let help = "contact Sales Operations: the ASE product charge must be on the \
                        customer's Salesforce subscription (the box is synced from it)"
                .to_owned();
            input.report(checked.row, Column::AccountId, message, help, cx);
        }
    }
}
