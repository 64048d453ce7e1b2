//! `note/pre-existing`: an ASE note does not say what happens to tickets that predate the
//! ASE.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note that does not say what happens to tickets that were open before
    /// the ASE was introduced: "pre-existing tickets", "existing tickets", "older
    /// tickets", "tickets opened before March", "tickets created prior to 2024-04-01",
    /// "tickets that predate Kenji", "tickets from before Jill joined", "open tickets", ….
    /// Traps that do not count: "existing customer", "existing contract", "their existing
    /// assignee", and times of day ("tickets opened before 5pm" is about working hours).
    /// Your own wording: `questions.pre_existing` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ What to do with tickets that predate the introduction of this ASE? — answered, line 9: "Tickets already open when Jill started stay with their current assignee."
    /// ```
    /// A mention is no answer: "the customer has 40 open tickets", "the existing contract runs to 2027". A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// When an ASE starts, the customer already has open tickets with other engineers.
    /// Who owns them is the customer's choice; without it in the note, engineers reassign
    /// them to the ASE, or leave the ASE out, each against what was agreed.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   Company-A is an existing customer. Jill is the AMER ASE for Company-A.
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A. Pre-existing tickets will keep their existing
    ///   assignee and Jill will shadow.
    /// ```
    pub PreExisting, name = "note/pre-existing", severity = Error,
    summary = "An ASE note does not say what happens to tickets that predate the ASE",
    question = PreExisting
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{check_phrasings, one_on_the_notes_key};

    const RULE: &str = "note/pre-existing";

    #[test]
    fn predating_tickets_answers_and_traps() {
        check_phrasings(
            RULE,
            "Pre-existing tickets",
            &[
                "Tickets opened before March stay with their assignee.",
                "Existing tickets: stay with the current assignee.",
                "Older tickets keep their owner.",
                "Tickets created prior to 2024-04-01 keep their assignee.",
                "Tickets that predate Kenji's assignment keep their assignee.",
                "Tickets from before Jill joined keep their current assignee.",
                "Open tickets keep their current assignee; Jill shadows.",
                "Jill takes over all currently open tickets.",
                "Tickets opened before the ASE was assigned stay where they are.",
                "Preexisting cases stay as they are.",
            ],
            &[
                "Company-A is an existing customer with an existing contract.",
                "Tickets keep their existing assignee.",
                "Tickets opened before 5pm ET go to Jill.",
                "Customers open tickets through the portal.",
            ],
            Severity::Error,
        );
    }

    #[test]
    fn reports_on_the_notes_key_with_the_question() {
        let (_, help) = one_on_the_notes_key(RULE, "Jill is the AMER ASE.");
        assert!(
            help.contains("tickets that predate the introduction of this ASE?"),
            "{help}"
        );
    }
}
