//! `note/workflow-link`: an ASE note does not link the ASE workflow page. (STUB: not implemented yet.)

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
    pub WorkflowLink, name = "note/workflow-link", severity = Warning,
    summary = "An ASE note does not link the ASE workflow page"
}

impl Rule for WorkflowLink {
    crate::rule_meta!();

    fn check_org(&self, _doc: &OrgDoc, _cx: &mut Context<'_>) {}
}
