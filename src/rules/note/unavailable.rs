//! `note/unavailable`: an ASE note does not say what to do when the ASE is unavailable. (STUB: not implemented yet.)

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
    pub Unavailable, name = "note/unavailable", severity = Error,
    summary = "An ASE note does not say what to do when the ASE is unavailable"
}

impl Rule for Unavailable {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
