//! `cross/org-id-mismatch`: the org file a README row names holds another id.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::cross::{CrossInput, Mismatch, Pair, check_pairs, org_path, row_id, yaml_text};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// For a README row of the ASE table, reads the org file its Zendesk Account ID names
    /// (`organizations/<id>.yaml` in the Organizations project) and reports when the
    /// file's `id` is not that Zendesk Account ID. Checked from either project: on the
    /// row's Zendesk Account ID cell when the README is checked (`--orgs-dir`), on the
    /// file's `id` when the org file is checked (`--ase-readme`).
    ///
    /// ## Why is this bad?
    /// Zendesk applies the note to the organization with the file's `id`. When it is not
    /// the row's organization, the note lands on another customer's tickets and the ASE's
    /// customer gets none; auto-assignment set up from the README targets the wrong org.
    ///
    /// ## Example
    /// README row `| Acme | Jill Doe | … | 361092349520 | … |` and
    /// `organizations/361092349520.yaml` holding `id: 361092349521`.
    /// Use instead: `id: 361092349520`, the row's Zendesk Account ID.
    pub OrgIdMismatch, name = "cross/org-id-mismatch", severity = Error,
    summary = "The org file of a README row has another id"
}

impl Rule for OrgIdMismatch {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        check_pairs(input, cx, |pair, _| compare(pair));
    }
}

fn compare(pair: &Pair<'_>) -> Option<Mismatch> {
    let field = pair.doc.id.as_ref()?;
    let id = yaml_text(field)?;
    let expected = row_id(pair.table, pair.row)?;
    (id != expected).then(|| Mismatch {
        column: Column::AccountId,
        org_span: field.span.clone(),
        on_readme: format!(
            "`{}` has id {id}, not this row's Zendesk Account ID {expected}",
            org_path(&expected)
        ),
        on_org: format!(
            "this file's id {id} is not {expected}, the Zendesk Account ID of its row in the ASE table"
        ),
        help: "the org file's `id`, its file name and the row's Zendesk Account ID must be the same Zendesk organization id".to_owned(),
    })
}
