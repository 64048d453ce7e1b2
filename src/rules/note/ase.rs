//! `note/ase`: an ASE note does not name the ASE. (STUB: not implemented yet.)

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
    pub Ase, name = "note/ase", severity = Error,
    summary = "An ASE note does not name the ASE"
}

impl Rule for Ase {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
