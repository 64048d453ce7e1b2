//! `cross/unlisted-ase-note`: an ASE note whose organization has no row in the ASE table.

use crate::declare_rule;
use crate::model::OrgDoc;
use crate::rules::cross::{CrossInput, is_ase_note, org_path, row_for};
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an org file whose note says the organization has an Assigned Support
    /// Engineer while the ASE table of the README has no row with its id. Only when the
    /// whole README is at hand: on the `notes` key when the org file is checked
    /// (`--ase-readme`), and on the table's header when the README is checked with the
    /// whole Organizations project (`--orgs-dir`; not in CI, where only the rows' files
    /// are read).
    ///
    /// ## Why is this bad?
    /// The README is the single source of truth of active ASE accounts. A note that
    /// promises an ASE nobody lists is either stale (the service ended and the note was
    /// not updated) or an account that was never added: its tickets are not
    /// auto-assigned and managers do not count it.
    ///
    /// ## Example
    /// `organizations/1102938475610.yaml` says "Jill is the AMER ASE" and no README row
    /// has `1102938475610`.
    /// Use instead: add the README row, or rewrite the note when the ASE service ended.
    pub UnlistedAseNote, name = "cross/unlisted-ase-note", severity = Warning,
    summary = "An ASE note's organization is not in the README table"
}

impl Rule for UnlistedAseNote {
    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        let table = input.table();
        if table
            .column_index(crate::model::Column::AccountId)
            .is_none()
        {
            return;
        }
        let settings = cx.settings;
        let unlisted =
            |doc: &OrgDoc| is_ase_note(doc, settings) && row_for(table, &doc.file_stem).is_none();
        match *input {
            CrossInput::Org { doc, readme, .. } => {
                if unlisted(doc) {
                    cx.report(
                        doc.notes_anchor(),
                        format!(
                            "this note says the organization has an ASE, but the ASE table in {readme} has no row with id {}",
                            doc.file_stem
                        ),
                    )
                    .help(HELP)
                    .key(doc.file_stem.clone());
                }
            }
            CrossInput::Readme { orgs, .. } if orgs.complete => {
                let found: Vec<&OrgDoc> = orgs.docs.values().filter(|d| unlisted(d)).collect();
                for doc in found {
                    cx.report(
                        table.header.span.clone(),
                        format!(
                            "`{}` says the organization has an ASE, but no row of this table has its id",
                            org_path(&doc.file_stem)
                        ),
                    )
                    .help(HELP)
                    .key(doc.file_stem.clone());
                }
            }
            CrossInput::Readme { .. } => {}
        }
    }
}

const HELP: &str = "add the account's row to the ASE table, or rewrite the note if the ASE service ended (and ask your manager to remove the ASE in Zendesk with the Super Form)";
