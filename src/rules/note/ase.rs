//! `note/ase`: an ASE note does not name the ASE.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note (a note that says the organization has an Assigned Support
    /// Engineer) that does not say who the ASE is: a person's name or GitLab handle tied to
    /// the ASE role, as in "Jill is the AMER ASE", "ASE: Jill Smith (@jsmith)", "Assigned
    /// Support Engineer - Jane Doe", "the customer's ASE Kenji (APAC)" or "Jill (ASE)".
    /// A name must be capitalised and not a common word: "the ASE is unavailable" and
    /// "ASE: TBD" name nobody, and a person named as CSM, TAM or account manager is not the
    /// ASE. Your own wording: `questions.ase` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ Who is the Assigned Support Engineer (ASE) for this customer? — answered, line 5: "Siobhán Ní Bhriain looks after Contoso as their Assigned Support Engineer."
    /// ```
    /// A name the note only mentions ("If Jill is away, cc Jill") without tying it to the role is taken as the ASE with a warning; a former ASE ("was their ASE until March"), a backup or a CSM is never the ASE. A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// The note is what engineers see on every ticket of the organization. Without a name
    /// they cannot assign the ticket, ask the ASE, or leave the ASE as the assignee, which
    /// is the point of the ASE service.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   This organization has an Assigned Support Engineer (ASE). If the ASE is
    ///   unavailable, please respond and cc yourself.
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   This organization has an Assigned Support Engineer (ASE).
    ///   Jill is the AMER ASE for Company-A. If Jill is unavailable, please respond
    ///   while leaving Jill as the assignee and cc yourself.
    /// ```
    pub Ase, name = "note/ase", severity = Error,
    summary = "An ASE note does not name the ASE",
    question = Ase
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{check_phrasings, findings, severities};

    const RULE: &str = "note/ase";

    #[test]
    fn names_in_many_styles() {
        check_phrasings(
            RULE,
            "is the ASE for",
            &[
                "Jill is the AMER ASE for Company-A.",
                "Our ASE: Jill Smith (@jsmith)",
                "Assigned Support Engineer - Jane Doe",
                "**ASE:** [Jill Smith](https://gitlab.com/jsmith)",
                "The ASE for this organization is Jill.",
                "the customer's ASE Kenji (APAC) takes new tickets.",
                "Acme has an Assigned Support Engineer (ASE), Ravi Kumar, in APAC.",
                "Jill Smith (AMER ASE) takes new tickets.",
                "All tickets go to Jill, our ASE, as of March.",
                "Jill Park is Hooli's ASE.",
                "Jill has been assigned as the ASE for this customer.",
                "Mike Wazowski (PST) is the ASE.",
                "ASE: @mgarcia",
                "ASEs: Jill Smith (AMER) and Kenji Sato (APAC)",
                "Siobhán O'Neil will be their Assigned Support Engineer.",
            ],
            &[
                "If the ASE is unavailable, respond.",
                "ASE: TBD",
                "ASE - Please see the workflow.",
                "Dana Scully is the CSM; the account manager is Fox Mulder.",
                "CSM: Dana Lee. Escalate to the ASE manager.",
                "Dana is not the ASE.",
                "The ASE team handles this org.",
                "She is the ASE.",
                "Assigned Support Engineer (ASE) in EMEA.",
            ],
            // The rest of the note names Jill again and again ("If Jill is unavailable"),
            // so she is most likely the ASE: a warning, not an error.
            Severity::Warning,
        );
    }

    #[test]
    fn reports_on_the_notes_key_with_the_question() {
        let found = findings(RULE, "This customer has an ASE in EMEA.");
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            (d.start.line, d.start.column, d.severity),
            (3, 1, Severity::Error)
        );
        assert_eq!(
            d.message,
            "the ASE note does not name the Assigned Support Engineer"
        );
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.contains("Who is the Assigned Support Engineer (ASE) for this customer?"));
        assert!(help.contains("Jill is the AMER ASE for Company-A."));
    }

    #[test]
    fn other_notes_are_not_checked() {
        for note in ["PS Project in Progress", "No ASE; CSM is Dana"] {
            assert_eq!(severities(RULE, note), vec![], "{note}");
        }
    }
}
