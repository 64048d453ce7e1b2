//! `note/out-of-hours`: an ASE note does not say what happens outside the ASE's working
//! hours.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note that does not say what happens to tickets that come in outside
    /// the ASE's working hours: "outside Jill's working hours", "after hours", "out of
    /// hours", "outside 9am-5pm CET", "after 5pm ET", "on weekends", "outside Ravi's
    /// region", "when Jill is offline", "the next business day", …. Response times are not
    /// working hours: "within 24 hours" or "in 4 business hours" do not count.
    ///
    /// When the note has no such answer but does say what to do when the ASE is
    /// unavailable, the finding is a warning, not an error: the handbook's own example
    /// covers working hours that way ("If Jill is unavailable, …"). Your own wording: `questions.out_of_hours` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ How to handle tickets that come in outside of the ASE's working hours? — answered, line 7: "After Jill has signed off for the day, the AMER queue replies and keeps her assigned."
    /// ```
    /// A mention is no answer: "Jill works 9-5 CET" or "the customer is 24/7 critical" says nothing about what to do. A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// An ASE works one region's hours; the customer files tickets around the clock. An
    /// engineer who sees a ticket at 3am the ASE's time must know whether to answer it,
    /// leave it for the ASE, or reassign it.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A; all new tickets are assigned to her.
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A; all new tickets are assigned to her.
    ///   Tickets that come in outside Jill's working hours (9am-5pm ET) are answered by
    ///   the engineer on shift, leaving Jill as the assignee.
    /// ```
    pub OutOfHours, name = "note/out-of-hours", severity = Error,
    summary = "An ASE note does not say what happens outside the ASE's working hours",
    question = OutOfHours
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{
        check_phrasings, full_note_with, one_on_the_notes_key, severities,
    };

    const RULE: &str = "note/out-of-hours";

    #[test]
    fn working_hours_answers_and_traps() {
        check_phrasings(
            RULE,
            "Outside Jill's working hours",
            &[
                "Outside of Jill's working hours, respond and keep her assigned.",
                "After hours: any engineer may respond.",
                "Off-hours tickets wait for Jill.",
                "Out of hours tickets are handled by EMEA.",
                "Tickets that arrive outside 9am–5pm CET go to the regional queue.",
                "Tickets created after 5pm ET go to APAC.",
                "Tickets outside Ravi's region are still assigned to Ravi.",
                "Tickets received outside these hours are picked up the next business day.",
                "On weekends the on-shift engineer responds.",
                "When Jill is offline, respond and keep her assigned.",
                "Tickets are assigned to Jill regardless of time zone.",
                "Tickets from other time zones are answered by the local team.",
            ],
            &[
                "Jill responds within 24 hours.",
                "Follow-ups are answered within 4 business hours.",
                "Jill is in the CET timezone.",
            ],
            Severity::Warning,
        );
    }

    #[test]
    fn an_error_when_unavailability_is_not_answered_either() {
        let note = full_note_with("If Jill is unavailable", "");
        let note = note.replace(
            "Outside Jill's working hours, respond and keep Jill as the assignee.",
            "",
        );
        assert_eq!(severities(RULE, &note), vec![Severity::Error]);
    }

    #[test]
    fn the_warning_explains_itself() {
        let note = full_note_with("Outside Jill's working hours", "");
        let (d, help) = one_on_the_notes_key(RULE, &note);
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            d.label
                .as_deref()
                .unwrap_or_default()
                .contains("unavailable")
        );
        assert!(
            help.contains("outside of the ASE's working hours?"),
            "{help}"
        );
    }
}
