//! `note/unavailable`: an ASE note does not say what to do when the ASE is unavailable.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note that does not say what to do with the customer's tickets when
    /// the ASE is not available: "if Jill is unavailable", "while Priya is on PTO", "in
    /// Ravi's absence", "when Jill is off", "if Art is out of office", "during Ravi's
    /// leave", "on annual leave", "off sick", "busy", "backup ASE: Bob", …. Traps that do
    /// not count: "available on Slack" (where to reach the ASE), "leave Jill as the
    /// assignee", "right away". Your own wording: `questions.unavailable` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ What should a Support Engineer do with this customer's tickets when the ASE is not available? — answered, line 8: "If Jill is on PTO, reply as usual and cc her."
    /// ```
    /// A mention is no answer: "Jill is on PTO 12-16 May" or "Jill is available on Slack". A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// ASEs take holidays, fall ill and have full days. Without an answer, the customer's
    /// tickets wait for someone who is not there, or are reassigned against the customer's
    /// agreement.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A. Jill is available on Slack in #company-a.
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A. If Jill is unavailable, please respond while
    ///   leaving Jill as the assignee and cc yourself.
    /// ```
    pub Unavailable, name = "note/unavailable", severity = Error,
    summary = "An ASE note does not say what to do when the ASE is unavailable",
    question = Unavailable
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{check_phrasings, one_on_the_notes_key};

    const RULE: &str = "note/unavailable";

    #[test]
    fn unavailability_answers_and_traps() {
        check_phrasings(
            RULE,
            "If Jill is unavailable",
            &[
                "While Priya is on PTO, respond and cc her.",
                "In Ravi's absence, any engineer may reply.",
                "When Jill is off, EMEA takes her tickets.",
                "If Jill is out of office, respond and cc her.",
                "During Ravi's leave, the APAC queue works his tickets.",
                "If Oliver is on annual leave or off sick, action the ticket yourself.",
                "Jill OOO: respond and cc Jill.",
                "If Jill is busy, respond and keep her assigned.",
                "If Jill cannot take the ticket, reply and cc her.",
                "Backup ASE: Bob Jones.",
                "While Jill is on holiday, the on-shift engineer responds.",
            ],
            &[
                "Jill is available on Slack in #company-a.",
                "Respond and leave Jill as the assignee.",
                "Jill will reply right away.",
                "The customer has frequent backup questions.",
            ],
            Severity::Error,
        );
    }

    #[test]
    fn reports_on_the_notes_key_with_the_question() {
        let (_, help) = one_on_the_notes_key(RULE, "Jill is the AMER ASE.");
        assert!(help.contains("when the ASE is not available?"), "{help}");
    }
}
