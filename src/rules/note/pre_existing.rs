//! `note/pre-existing`: an ASE note does not say what happens to tickets that predate the ASE. (STUB: not implemented yet.)

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
    pub PreExisting, name = "note/pre-existing", severity = Error,
    summary = "An ASE note does not say what happens to tickets that predate the ASE"
}

impl Rule for PreExisting {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
