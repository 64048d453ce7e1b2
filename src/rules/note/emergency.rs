//! `note/emergency`: an ASE note does not say how emergency tickets are handled.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note that does not say what happens when the customer submits an
    /// emergency ticket: "emergency", "Severity 1", "Sev1", "S1", "P1", "outage",
    /// "production down", "on-call", "urgent tickets", …. "Non-emergency tickets go to
    /// Jill" says nothing about emergencies, nor does "if it is not an emergency" or
    /// "all tickets except emergencies". Your own wording: `questions.emergency` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ What to do in case the customer submits an emergency ticket? — answered, line 10: "Severity 1 / production down: page the on-call engineer, then cc Jill."
    /// ```
    /// A mention is no answer: "they had a Sev1 last quarter", "non-emergency tickets go to Jill". A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// Emergencies go to the on-call engineer, who is the DRI and pings the ASE. A note
    /// that only speaks of the ASE taking tickets invites engineers to wait for the ASE
    /// while the customer is down.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A; all new non-emergency tickets are assigned
    ///   to her.
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A; all new non-emergency tickets are assigned
    ///   to her. The on-call engineer will continue to handle emergency tickets; inform
    ///   Jill when an emergency comes in.
    /// ```
    pub Emergency, name = "note/emergency", severity = Error,
    summary = "An ASE note does not say how emergency tickets are handled",
    question = Emergency
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{check_phrasings, one_on_the_notes_key};

    const RULE: &str = "note/emergency";

    #[test]
    fn emergency_answers_and_traps() {
        check_phrasings(
            RULE,
            "emergency tickets.",
            &[
                "Severity 1 / outage: the on-call engineer is the DRI.",
                "Sev1 tickets go to the regular queue; cc Jill.",
                "P1: page the CMOC.",
                "Emergencies follow the usual process.",
                "If production is down, ping the on-call engineer.",
                "Urgent tickets go to whoever is on shift.",
                "Emergencies (S1) are handled as usual.",
            ],
            &[
                "All new non-emergency tickets will be assigned to Jill.",
                "If a ticket is not an emergency, assign it to Jill.",
                "All tickets except emergencies go to Jill.",
                "Jill gives P2 tickets priority.",
            ],
            Severity::Error,
        );
    }

    #[test]
    fn reports_on_the_notes_key_with_the_question() {
        let (found, help) = one_on_the_notes_key(
            RULE,
            "Jill is the AMER ASE; non-emergency tickets go to her.",
        );
        assert_eq!(
            found.message,
            "the ASE note does not say how emergency tickets are handled"
        );
        assert!(help.contains("emergency ticket?"), "{help}");
    }
}
