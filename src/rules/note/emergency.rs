//! `note/emergency`: an ASE note does not say how emergency tickets are handled. (STUB: not implemented yet.)

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
    pub Emergency, name = "note/emergency", severity = Error,
    summary = "An ASE note does not say how emergency tickets are handled"
}

impl Rule for Emergency {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
