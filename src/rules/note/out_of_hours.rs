//! `note/out-of-hours`: an ASE note does not say what happens outside the ASE's working hours. (STUB: not implemented yet.)

use crate::declare_rule;
use crate::model::OrgDoc;
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
    pub OutOfHours, name = "note/out-of-hours", severity = Error,
    summary = "An ASE note does not say what happens outside the ASE's working hours"
}

impl Rule for OutOfHours {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
