//! `zendesk/user-not-found`: Zendesk has no user with the row's Zendesk User (ASE) ID.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::zendesk::ZendeskInput;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose Zendesk User (ASE) ID is not
    /// the id of any user in Zendesk. The finding is on the Zendesk User (ASE) ID cell.
    ///
    /// ## Why is this bad?
    /// The user id is who Zendesk assigns the customer's tickets to. An id of nobody (a
    /// typo, a deleted user, an organization id in the wrong column) routes them nowhere.
    ///
    /// ## Example
    /// `| Acme | Jill Doe | … | 361092349520 | 370415907204 |` where Jill's user is
    /// `370415907240`. Use instead: the id from the user's address in Zendesk,
    /// `https://gitlab.zendesk.com/agent/users/370415907240`.
    pub UserNotFound, name = "zendesk/user-not-found", severity = Error,
    summary = "Zendesk has no user with the row's Zendesk User (ASE) ID"
}

impl Rule for UserNotFound {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        for (checked, user_id) in input.asked_users() {
            if input.facts.users.contains_key(&user_id) {
                continue;
            }
            let message = format!(
                "Zendesk ({}) has no user with id {user_id}",
                input.facts.instance
            );
            let help =
                "copy the ASE's id from their address in Zendesk (…/agent/users/<id>)".to_owned();
            input.report(checked.row, Column::UserId, message, help, cx);
        }
    }
}
