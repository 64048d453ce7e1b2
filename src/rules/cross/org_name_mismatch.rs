//! `cross/org-name-mismatch`: the org file's `name` is not the row's Zendesk Org Name.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::cross::{CrossInput, Mismatch, Pair, check_pairs, org_path, quote, yaml_text};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// For a README row of the ASE table and the org file its Zendesk Account ID names,
    /// reports when the file's `name` is not, character for character, the row's Zendesk
    /// Org Name. Checked from either project: on the row's Zendesk Org Name cell when the
    /// README is checked (`--orgs-dir`), on the file's `name` when the org file is checked
    /// (`--ase-readme`).
    ///
    /// ## Why is this bad?
    /// Both are copies of the organization's name in Zendesk. When they differ, one of them
    /// is stale or names another organization, and people searching Zendesk by the
    /// README's name do not find the org the note belongs to.
    ///
    /// ## Example
    /// README: `f6438d0c Acme Corporation`; org file: `name: f6438d0c Acme Corp`.
    /// Use instead: the name exactly as Zendesk shows it, in both places.
    pub CrossOrgNameMismatch, name = "cross/org-name-mismatch", severity = Error,
    summary = "The org file's name is not the README row's Zendesk Org Name"
}

impl Rule for CrossOrgNameMismatch {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        check_pairs(input, cx, |pair, _| compare(pair));
    }
}

fn compare(pair: &Pair<'_>) -> Option<Mismatch> {
    let field = pair.doc.name.as_ref()?;
    let name = yaml_text(field)?;
    let cell = util::filled_cell(pair.table, pair.row, Column::OrgName)?;
    let expected = util::value(cell);
    (name != expected).then(|| Mismatch {
        column: Column::OrgName,
        org_span: field.span.clone(),
        on_readme: format!(
            "`{}` names the organization `{}`, not `{}`",
            org_path(&pair.doc.file_stem),
            quote(&name, 80),
            quote(&expected, 80)
        ),
        on_org: format!(
            "the ASE table names this organization `{}`, not `{}`",
            quote(&expected, 80),
            quote(&name, 80)
        ),
        help: "copy the organization's name exactly as Zendesk shows it into both the README row and the org file".to_owned(),
    })
}
