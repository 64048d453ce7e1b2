//! The `note/*` question rules' shared step: read the note's [`NoteAnalysis`] (made once
//! per file, kept on the [`OrgDoc`]) and report a question the note leaves open, defers or
//! answers only implicitly.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::model::OrgDoc;
pub use crate::note::Question;
use crate::note::{NoteAnalysis, Status, analyse};
use crate::rules::RuleContext;

/// The analysis of an org file's note; `None` when the file is not valid YAML of the
/// right shape or has no text note. Made on first use, then shared by every rule.
pub fn note_analysis<'d>(doc: &'d OrgDoc, settings: &Settings) -> Option<&'d NoteAnalysis> {
    if doc.syntax_error.is_some() || doc.shape_error.is_some() {
        return None;
    }
    let note = doc.notes_text()?;
    Some(doc.analysis.get_or_init(|| analyse(note, settings)))
}

/// The analysis of an org file's note when it is an ASE note.
pub fn analysis<'d>(doc: &'d OrgDoc, settings: &Settings) -> Option<&'d NoteAnalysis> {
    note_analysis(doc, settings).filter(|a| a.ase_note)
}

/// Reports `question` when the file holds an ASE note that leaves it open (on the
/// `notes` key), defers it (a warning on the deferring statement) or answers it only
/// implicitly (a warning); returns the finding so the rule can adjust it.
pub fn report_unanswered<'c>(
    question: Question,
    doc: &OrgDoc,
    cx: &'c mut RuleContext<'_>,
) -> Option<&'c mut Diagnostic> {
    let analysis = analysis(doc, cx.settings)?;
    let answer = analysis.answer(question).clone();
    let implicit_label = match question {
        Question::Ase => format!(
            "nobody is named as the ASE; the note mentions {} most",
            analysis.ase_names.join(", ")
        ),
        _ => "only covered by the note's answer for when the ASE is unavailable".to_owned(),
    };
    let info = question.info();
    let asks = cx.settings.asks(question);
    let example = format!(
        "the handbook asks: \"{asks}\"; answer it in the note, e.g. \"{}\"",
        info.example
    );
    let diagnostic = match (answer.status, &answer.evidence) {
        (Status::Answered, _) => return None,
        (Status::Deferred, Some(evidence)) => {
            let span = doc
                .note_span_in_source(&evidence.span)
                .unwrap_or_else(|| doc.notes_anchor());
            cx.report(
                span,
                format!(
                    "{}: the note puts it off (\"{}\")",
                    info.missing, evidence.text
                ),
            )
            .downgrade()
            .label("not decided yet")
            .help(format!(
                "once it is decided with the customer, write it down; {example}"
            ))
        }
        (Status::Implicit, _) => cx
            .report(doc.notes_anchor(), info.missing)
            .downgrade()
            .label(implicit_label)
            .help(example),
        _ => cx
            .report(doc.notes_anchor(), info.missing)
            .label(format!("no answer to \"{asks}\""))
            .help(example),
    };
    Some(diagnostic.key(question.key()))
}

/// Markdown syntax that carries no words: link targets, bare URLs and paths, HTML tags,
/// reference definitions. A link keeps its text.
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?m)!?\[([^\]\n]*)\]\([^)\n]*\)|^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$|<(?:https?://|mailto:)[^>\s]*>|\bhttps?://[^\s)>\]]+|(?:^|[\s(])/[\w./%#?=&~+-]+|</?[a-zA-Z][^>\n]*>"#,
    )
    .unwrap_or_else(|e| unreachable!("built-in Markdown pattern does not compile: {e}"))
});

/// A note's words without Markdown: link targets, URLs and HTML go, emphasis, heading,
/// quote and table marks become spaces, typographic apostrophes and spaces become plain.
pub fn plain_text(note: &str) -> String {
    let without_links = MARKUP.replace_all(note, |caps: &Captures<'_>| {
        caps.get(1)
            .map_or_else(|| " ".to_owned(), |text| text.as_str().to_owned())
    });
    without_links
        .chars()
        .map(|c| match c {
            '*' | '_' | '`' | '#' | '>' | '~' => ' ',
            // A table row `| ASE | Jill |` reads as the label and value it is: `: ASE : Jill :`.
            '|' => ':',
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_reduced_to_words() {
        let text = plain_text(
            "**ASE:** [Jill Smith](https://gitlab.com/jsmith) — see /handbook/x/working-on-ase-tickets/ or <https://x.y/ase>\n## Sev1\n",
        );
        assert!(text.contains("ASE:   Jill Smith"), "{text}");
        assert!(
            !text.contains("handbook") && !text.contains("https"),
            "{text}"
        );
        assert!(text.contains("  Sev1"), "{text}");
    }

    #[test]
    fn a_team_wording_of_a_question_is_what_the_finding_quotes() {
        let yaml = "questions:\n  emergency:\n    asks: \"Who takes a P1 for this customer?\"\n";
        let settings = crate::testing::settings_from(yaml).unwrap_or_else(|e| panic!("{e}"));
        let org = test_support::org_file("Jill is the AMER ASE.");
        let result = crate::lint::lint_text(
            "organizations/1.yaml",
            crate::lint::FileKind::Org,
            org.as_bytes(),
            &settings,
        );
        let emergency = result
            .diagnostics
            .iter()
            .find(|d| d.rule == "note/emergency")
            .unwrap_or_else(|| panic!("{:?}", result.diagnostics));
        assert_eq!(
            emergency.label.as_deref(),
            Some("no answer to \"Who takes a P1 for this customer?\"")
        );
        let region = settings.asks(crate::note::Question::Region);
        assert_eq!(region, "Which region is the ASE located in?");
    }

    #[test]
    fn a_deferral_is_a_warning_on_its_own_line() {
        let found = test_support::findings(
            "note/emergency",
            "Jill is the AMER ASE.\nEmergencies: TBD, we will update after the kickoff call.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start.line, found[0].start.column), (5, 3));
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
        assert!(
            found[0].message.contains("puts it off"),
            "{}",
            found[0].message
        );
    }
}

/// Helpers for the question rules' unit tests.
#[cfg(test)]
pub mod test_support {
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::testing::{lint_org, only};

    /// An org file holding `note` (indented under `notes: |`, which is on line 3).
    pub fn org_file(note: &str) -> String {
        let body: String = note.lines().map(|l| format!("  {l}\n")).collect();
        format!("id: 1\nname: 5a1f9965 Test\nnotes: |\n{body}")
    }

    /// The findings of `rule` on an org file holding `note`.
    pub fn findings(rule: &str, note: &str) -> Vec<Diagnostic> {
        only(&lint_org("1", &org_file(note)), rule)
            .into_iter()
            .cloned()
            .collect()
    }

    /// The one finding of `rule` on an org file holding `note`, asserted to stand on the
    /// `notes` key (line 3, column 1); its help holds the question.
    pub fn one_on_the_notes_key(rule: &str, note: &str) -> (Diagnostic, String) {
        let found = findings(rule, note);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start.line, found[0].start.column), (3, 1));
        let help = found[0].help.clone().unwrap_or_default();
        (found[0].clone(), help)
    }

    /// The severities `rule` reports on `note` (empty: the note passes).
    pub fn severities(rule: &str, note: &str) -> Vec<Severity> {
        findings(rule, note).iter().map(|d| d.severity).collect()
    }

    /// An ASE note that answers every question; `replace` swaps the sentence answering
    /// one of them (found by `marker`) for another.
    pub fn full_note_with(marker: &str, replacement: &str) -> String {
        FULL_NOTE
            .lines()
            .map(|line| {
                if line.contains(marker) {
                    replacement
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A complete ASE note, one question per line.
    pub const FULL_NOTE: &str = "This organization has an ASE. Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).\n\
Jill Smith is the ASE for Company-A.\n\
Jill works from AMER.\n\
Outside Jill's working hours, respond and keep Jill as the assignee.\n\
If Jill is unavailable, please respond and cc yourself.\n\
Pre-existing tickets will keep their existing assignee.\n\
The on-call engineer will continue to handle emergency tickets.";

    /// Asserts that `rule` stays quiet on each `answers` line and reports `severity` on
    /// each `misses` line, each swapped into [`FULL_NOTE`] for the line holding `marker`.
    pub fn check_phrasings(
        rule: &str,
        marker: &str,
        answers: &[&str],
        misses: &[&str],
        severity: Severity,
    ) {
        let mut wrong = Vec::new();
        for line in answers {
            let got = severities(rule, &full_note_with(marker, line));
            if !got.is_empty() {
                wrong.push(format!("fired ({got:?}) on: {line}"));
            }
        }
        for line in misses {
            let got = severities(rule, &full_note_with(marker, line));
            if got != vec![severity] {
                wrong.push(format!("missed ({got:?}): {line}"));
            }
        }
        assert!(wrong.is_empty(), "{rule}:\n{}", wrong.join("\n"));
    }
}
