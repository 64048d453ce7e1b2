//! `note/region`: an ASE note does not give the ASE's region. (STUB: not implemented yet.)

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
    pub Region, name = "note/region", severity = Error,
    summary = "An ASE note does not give the ASE's region"
}

impl Rule for Region {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
