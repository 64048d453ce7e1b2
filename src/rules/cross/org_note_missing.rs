//! `cross/org-note-missing`: a README row has no org file in the Organizations project.

use crate::declare_rule;
use crate::model::Column;
use crate::rules::cross::{CrossInput, org_path, row_id};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// When the README is checked with the Organizations project at hand (`--orgs-dir`, or
    /// `--orgs-project` in CI), reports each row of the ASE table whose
    /// `organizations/<Zendesk Account ID>.yaml` does not exist, on the row's Zendesk
    /// Account ID cell. When org files are checked there is no file to report on: run the
    /// check in the ASE project to see these.
    ///
    /// ## Why is this bad?
    /// The org note is what engineers see on every ticket of the customer. Without it
    /// nobody outside the ASE knows the customer has one, who it is, or what to do with
    /// tickets when the ASE is away or the ticket is an emergency.
    ///
    /// ## Example
    /// README row `| Acme | Jill Doe | … | 361092349520 | … |` and no
    /// `organizations/361092349520.yaml`.
    /// Use instead: open the org-note merge request in the Organizations project
    /// (`ase-lint new-note --org-id 361092349520 …` writes a complete file).
    pub OrgNoteMissing, name = "cross/org-note-missing", severity = Error,
    summary = "A README row has no org file in the Organizations project"
}

impl Rule for OrgNoteMissing {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        let CrossInput::Readme { table, orgs } = *input else {
            return;
        };
        for row in util::aligned_rows(table) {
            let (Some(id), Some(cell)) = (row_id(table, row), table.cell(row, Column::AccountId))
            else {
                continue;
            };
            let missing = if orgs.complete {
                !orgs.docs.contains_key(&id)
            } else {
                orgs.absent.contains(&id)
            };
            if missing {
                cx.report(
                    cell.span.clone(),
                    format!("no org file `{}` in {}", org_path(&id), orgs.origin),
                )
                .label("no org note for this account")
                .help(format!(
                    "open the org-note merge request in the Organizations project; `ase-lint new-note --org-id {id} --org-name … --ase … --region …` writes a complete file"
                ))
                .key(util::cell_key(table, row, Column::AccountId));
            }
        }
    }
}
