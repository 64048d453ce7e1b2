//! `zendesk/user-not-agent`: the row's ASE is not an active agent in Zendesk (an end-user,
//! suspended, or inactive).

use crate::declare_rule;
use crate::model::Column;
use crate::rules::zendesk::{ZendeskInput, ZendeskUser, quoted};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Run by `ase-lint verify`: reports a README row whose Zendesk User (ASE) ID is a
    /// user who cannot work tickets: role `end-user`, suspended, or inactive (deleted).
    /// The finding is on the Zendesk User (ASE) ID cell.
    ///
    /// ## Why is this bad?
    /// Tickets assigned to such a user sit unworked: an end-user id is usually the
    /// customer's contact pasted into the wrong column, and a suspended or inactive agent
    /// has left Support. The account needs a new ASE.
    ///
    /// ## Example
    /// User `370415907240` is suspended. Fix: hand the account over to another ASE (README
    /// row, org note, and the Super Form request for the new user id).
    pub UserNotAgent, name = "zendesk/user-not-agent", severity = Error,
    summary = "The row's ASE is not an active agent in Zendesk (end-user, suspended or inactive)"
}

impl Rule for UserNotAgent {
    fn check_zendesk(&self, input: &ZendeskInput<'_>, cx: &mut RuleContext<'_>) {
        for (checked, user_id) in input.asked_users() {
            let Some(user) = input.facts.users.get(&user_id) else {
                continue;
            };
            let Some(why) = why_not_agent(user) else {
                continue;
            };
            let message = format!(
                "Zendesk user {user_id} (`{}`) cannot work tickets: {why}",
                quoted(&user.name)
            );
            let help = format!(
                "check the id ({}); if the ASE left Support or changed role, hand the account \
                 over to another ASE",
                input.user_url(user_id)
            );
            input.report(checked.row, Column::UserId, message, help, cx);
        }
    }
}

/// Why `user` is not an active agent, in words.
fn why_not_agent(user: &ZendeskUser) -> Option<String> {
    let mut why = Vec::new();
    if !matches!(user.role.as_str(), "agent" | "admin") {
        why.push(format!("role `{}`, not agent", quoted(&user.role)));
    }
    if user.suspended {
        why.push("suspended".to_owned());
    }
    if !user.active {
        why.push("inactive (deleted)".to_owned());
    }
    (!why.is_empty()).then(|| why.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents_and_admins_who_are_active_pass() {
        let agent = ZendeskUser {
            name: "Jill".into(),
            role: "agent".into(),
            active: true,
            suspended: false,
        };
        assert_eq!(why_not_agent(&agent), None);
        let admin = ZendeskUser {
            role: "admin".into(),
            ..agent.clone()
        };
        assert_eq!(why_not_agent(&admin), None);
        let gone = ZendeskUser {
            role: "end-user".into(),
            suspended: true,
            active: false,
            ..agent
        };
        assert_eq!(
            why_not_agent(&gone).as_deref(),
            Some("role `end-user`, not agent, suspended, inactive (deleted)")
        );
    }
}
