//! `note/region`: an ASE note does not give the ASE's region.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports an ASE note that does not name the ASE's region: AMER, EMEA or APAC (also
    /// LATAM, NORAM, NCSA), or spelled out ("the Americas", "Europe", "Asia Pacific",
    /// "North America", …), as a word of its own: "Amerigo" is not AMER, and `AMER` counts
    /// only in capitals because Amer is a name. A sentence about where the *customer* is
    /// ("the customer is based in EMEA") does not count, nor do timezones or countries.
    /// Your own wording: `questions.region` in the configuration.
    ///
    /// ## Evidence
    /// `ase-lint questions` and the review note quote the statement that answers:
    /// ```text
    /// ✓ Which region is the ASE located in? — answered, line 5: "Jill works from Lisbon (EMEA) and is part of the EMEA support team."
    /// ```
    /// The customer's location is no answer: "an EMEA-based customer", "their team works CET". A statement that puts the answer off ("TBD", "still being worked out") is a
    /// warning on its own line.
    ///
    /// ## Why is this bad?
    /// Support works in regions. The region tells an engineer in another one whether the
    /// ASE is online now, and which team covers the customer while the ASE is asleep.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   Jill is the ASE for Company-A (9am-5pm).
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   Jill is the AMER ASE for Company-A (9am-5pm ET).
    /// ```
    pub NoteRegion, name = "note/region", severity = Error,
    summary = "An ASE note does not give the ASE's region",
    question = Region
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{check_phrasings, one_on_the_notes_key};

    const RULE: &str = "note/region";

    #[test]
    fn regions_as_words() {
        check_phrasings(
            RULE,
            "works from AMER",
            &[
                "Jill works from EMEA.",
                "Region: APAC",
                "Jill is APAC-based.",
                "Jill is based in North America.",
                "Jill is our European ASE.",
                "Jill works in the Asia Pacific region.",
                "Jill (Emea) works 9-5.",
                // The ASE's own city or timezone tells the region.
                "Jill works 9am-5pm PST.",
                "Jill is based in Germany.",
                "Jill works from Lisbon.",
                "Jill is part of the Americas team.",
                "Jill is based in Sydney, APAC shift.",
            ],
            &[
                "Jill's colleague is Amerigo.",
                "Contoso is an EMEA-based customer.",
                "Their team works CET.",
                "The customer is based in EMEA.",
                "Customer region: APAC.",
                "Jill's manager is Amer Khan.",
                "Jill reads the Pacific Times.",
            ],
            Severity::Error,
        );
    }

    #[test]
    fn reports_on_the_notes_key_with_the_question() {
        let note =
            "Jill is the ASE. Working hours, PTO, pre-existing tickets and emergencies: see below.";
        let (_, help) = one_on_the_notes_key(RULE, note);
        assert!(
            help.contains("Which region is the ASE located in?"),
            "{help}"
        );
    }
}
