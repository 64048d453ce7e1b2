//! `note/missing`: an org file has no note, or an empty one.

use crate::declare_rule;
use crate::model::OrgDoc;
use crate::rules::{Context, Rule};

declare_rule! {
    /// ## What it does
    /// Reports an org file without `notes`, or whose note is empty or only whitespace.
    ///
    /// ## Why is this bad?
    /// The note is what engineers see on every ticket of the organization; an org file
    /// without one has no reason to exist and usually means the note was lost in an edit.
    ///
    /// ## Example
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
    summary = "An org file has no note, or an empty one"
}

impl Rule for Missing {
    crate::rule_meta!();

    fn check_org(&self, doc: &OrgDoc, cx: &mut Context<'_>) {
        if doc.syntax_error.is_some() || doc.shape_error.is_some() {
            return;
        }
        match (&doc.notes, doc.notes_text()) {
            (None, _) => {
                cx.report(0..0, "the org file has no `notes`")
                    .help("add `notes: |` followed by the note, indented by two spaces");
            }
            (Some(notes), Some(text)) if text.trim().is_empty() => {
                cx.report(notes.key_span.clone(), "the note is empty")
                    .label("empty note")
                    .help("write the note below `notes: |`, indented by two spaces");
            }
            _ => {}
        }
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
    fn no_notes_and_blank_notes() {
        assert_eq!(missing("id: 1\nname: a\n"), vec![("note/missing", 1, 1)]);
        assert_eq!(
            missing("id: 1\nname: a\nnotes: \"  \"\n"),
            vec![("note/missing", 3, 1)]
        );
        assert!(missing("id: 1\nname: a\nnotes: |\n  hi\n").is_empty());
    }
}
