//! `note/workflow-link`: an ASE note does not link the ASE workflow page.

use crate::declare_rule;
use crate::model::OrgDoc;
use crate::rules::note::questions::analysis;
use crate::rules::{Rule, RuleContext};

/// Where the ASE workflow page lives, as the handbook example links it.
pub const WORKFLOW_PATH: &str =
    "/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/";

declare_rule! {
    /// ## What it does
    /// Reports an ASE note without a link to the handbook page "Working on ASE tickets"
    /// (`working-on-ase-tickets`), as a site path
    /// (`/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/`) or a
    /// full `https://handbook.gitlab.com/...` URL, bare or in a Markdown link. Mentioning
    /// the page's title without a link does not count. Phrasings:
    /// `questions.workflow_link` in the configuration.
    ///
    /// ## Why is this bad?
    /// The note answers this customer's questions; the workflow page explains how ASE
    /// tickets work in general (assignment, shadowing, hand-over). Engineers who rarely
    /// meet an ASE customer need both.
    ///
    /// ## Example
    /// ```yaml
    /// notes: |
    ///   This organization has an Assigned Support Engineer (ASE).
    /// ```
    /// Use instead:
    /// ```yaml
    /// notes: |
    ///   This organization has an Assigned Support Engineer (ASE). Please [review the
    ///   workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).
    /// ```
    pub WorkflowLink, name = "note/workflow-link", severity = Warning,
    summary = "An ASE note does not link the ASE workflow page"
}

impl Rule for WorkflowLink {
    fn check_org(&self, doc: &OrgDoc, cx: &mut RuleContext<'_>) {
        if analysis(doc, cx.settings).is_some_and(|a| !a.workflow_link) {
            let link = crate::config::workflow_url(&cx.settings.config.handbook_url);
            cx.report(
                doc.notes_anchor(),
                "the ASE note does not link the ASE workflow page",
            )
            .label("no link to \"Working on ASE tickets\"")
            .help(format!("add: Please [review the workflow to use]({link})."))
            .key("workflow_link");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::note::questions::test_support::{one_on_the_notes_key, severities};

    const RULE: &str = "note/workflow-link";

    #[test]
    fn links_in_any_form() {
        for link in [
            "Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).",
            "Workflow: https://handbook.gitlab.com/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/",
            "See <https://handbook.gitlab.com/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets>",
            "[workflow][w]\n\n[w]: /handbook/support/workflows/working-on-ase-tickets.html",
        ] {
            let note = format!("Jill is the AMER ASE. {link}");
            assert_eq!(severities(RULE, &note), vec![], "{link}");
        }
    }

    #[test]
    fn a_title_is_not_a_link() {
        let (d, help) = one_on_the_notes_key(
            RULE,
            "Jill is the AMER ASE. See the Working on ASE tickets page.",
        );
        assert_eq!(d.severity, Severity::Warning);
        assert!(help.contains("working-on-ase-tickets"));
    }

    #[test]
    fn other_notes_need_no_link() {
        assert_eq!(severities(RULE, "PS Project in Progress"), vec![]);
    }
}
