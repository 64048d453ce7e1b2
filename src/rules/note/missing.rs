//! `note/missing`: the org file of an ASE account (a row of the ASE table) has no note, or
//! an empty one.

use crate::declare_rule;
use crate::model::{OrgDoc, YamlField, YamlValue};
use crate::rules::cross::{CrossInput, row_for};
use crate::rules::note::questions::note_analysis;
use crate::rules::{Rule, RuleContext};

declare_rule! {
    /// ## What it does
    /// Reports an org file of an ASE account (its id has a row in the ASE table) whose note
    /// is empty or absent (`notes: ""`, `notes:` with nothing after it, no `notes` key).
    /// Checked where the ASE table is at hand: `check --ase-readme` (or `cross.ase_readme`
    /// in the configuration) and `ci` in the Organizations project with `--ase-project`.
    /// In `ci`, a merge request that empties the note of an org file whose note was an ASE
    /// note at the base is reported too, with or without the ASE table at hand. Org files of
    /// other organizations may have no note: the ticket processor creates a file for every
    /// organization, and most have none.
    ///
    /// ## Why is this bad?
    /// The note is what engineers see on every ticket of the organization. An ASE account
    /// without one looks like any other customer: tickets are not routed to the ASE, and
    /// nobody knows whom to tell in an emergency. An empty note on an ASE account usually
    /// means the note was lost in an edit.
    ///
    /// ## Example
    /// The ASE table has a row with Zendesk Account ID 361092349520, and
    /// `organizations/361092349520.yaml` says:
    /// ```yaml
    /// id: 361092349520
    /// name: f6438d0c Acme Corp
    /// notes: ""
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   This organization has an Assigned Support Engineer (ASE). ...
    /// ```
    pub Missing, name = "note/missing", severity = Error,
    summary = "An ASE account's org file has no note, or an empty one"
}

impl Rule for Missing {
    fn check_org_change(&self, head: &OrgDoc, base: &OrgDoc, cx: &mut RuleContext<'_>) {
        if head.syntax_error.is_some() || head.shape_error.is_some() {
            return;
        }
        let was_ase_note = note_analysis(base, cx.settings).is_some_and(|a| a.ase_note);
        let emptied = head.notes_text().is_none_or(|text| text.trim().is_empty());
        if was_ase_note
            && emptied
            && !matches!(
                head.notes,
                Some(YamlField {
                    value: YamlValue::Other(_),
                    ..
                })
            )
        {
            cx.report(head.notes_anchor(), "this merge request empties the note of an ASE account")
                .label("the note was an ASE note on the target branch")
                .help("keep the ASE note (who the ASE is and what to do with the customer's tickets); if the ASE service ended, say so in the note and remove the account's row from the ASE table");
        }
    }

    fn check_cross(&self, input: &CrossInput<'_>, cx: &mut RuleContext<'_>) {
        let CrossInput::Org { doc, table, readme } = *input else {
            return;
        };
        if doc.syntax_error.is_some() || doc.shape_error.is_some() {
            return;
        }
        let Some(row) = row_for(table, &doc.file_stem) else {
            return;
        };
        let (span, message) = match (&doc.notes, doc.notes_text()) {
            (None, _) => (
                0..0,
                "the org file has no `notes`, but it is an ASE account",
            ),
            (Some(notes), Some(text)) if text.trim().is_empty() => (
                notes.key_span.clone(),
                "the note is empty, but it is an ASE account",
            ),
            _ => return,
        };
        cx.report(span, message)
            .label(format!("ASE account (row on line {} of {readme})", row.line))
            .help("write the ASE note below `notes: |`, indented by two spaces (`ase-lint new-note` writes one that answers the handbook's six questions)");
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_org, rules_of};

    fn missing(text: &str) -> Vec<(&'static str, usize, usize)> {
        rules_of(&lint_org("1", text))
            .into_iter()
            .filter(|r| r.0 == "note/missing")
            .collect()
    }

    #[test]
    fn emptying_an_ase_note_is_reported_against_the_base() {
        let base = "id: 1\nname: a\nnotes: |\n  Jill is the AMER ASE. Emergencies go to on-call.\n";
        let settings = &crate::testing::DEFAULTS;
        let change = |head: &str| {
            crate::lint::lint_org_change(
                "organizations/1.yaml",
                head.as_bytes(),
                base.as_bytes(),
                settings,
            )
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.start.line, d.message.clone()))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            change("id: 1\nname: a\nnotes: \"\"\n"),
            vec![(
                "note/missing",
                3,
                "this merge request empties the note of an ASE account".to_owned()
            )]
        );
        assert_eq!(change("id: 1\nname: a\n").len(), 1);
        assert!(change("id: 1\nname: a\nnotes: |\n  PS project\n").is_empty());
        let plain = "id: 1\nname: a\nnotes: PS project\n";
        let from_plain = crate::lint::lint_org_change(
            "organizations/1.yaml",
            b"id: 1\nname: a\n",
            plain.as_bytes(),
            settings,
        );
        assert!(from_plain.diagnostics.is_empty());
    }

    #[test]
    fn an_org_without_a_row_may_have_no_note() {
        assert!(missing("id: 1\nname: a\n").is_empty());
        assert!(missing("id: 1\nname: a\nnotes: \"  \"\n").is_empty());
        assert!(missing("id: 1\nname: a\nnotes:\n").is_empty());
    }
}
