//! The shared analysis behind the `note/*` question rules: is an org note an ASE note, and
//! which of the handbook's six questions does it answer?
//!
//! A note is read once per file: its Markdown is reduced to plain text ([`plain_text`]),
//! the `ase_note` phrase set decides whether it is an ASE note, and each question's phrase
//! set (`questions.<key>` in the configuration) decides whether it is answered. The result
//! is cached per thread, so the seven rules that ask share one analysis of the note.

use std::cell::RefCell;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::model::OrgDoc;
use crate::rules::Context;

/// One of the handbook's six questions an ASE note must answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Ase,
    Region,
    OutOfHours,
    Unavailable,
    PreExisting,
    Emergency,
}

impl Question {
    /// All questions, in the handbook's order.
    pub const ALL: [Question; 6] = [
        Question::Ase,
        Question::Region,
        Question::OutOfHours,
        Question::Unavailable,
        Question::PreExisting,
        Question::Emergency,
    ];

    /// The question's phrase set in the configuration (`questions.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Question::Ase => "ase",
            Question::Region => "region",
            Question::OutOfHours => "out_of_hours",
            Question::Unavailable => "unavailable",
            Question::PreExisting => "pre_existing",
            Question::Emergency => "emergency",
        }
    }

    /// The question as the handbook words it.
    pub fn asks(self) -> &'static str {
        match self {
            Question::Ase => "Who is the Assigned Support Engineer (ASE) for this customer?",
            Question::Region => "Which region is the ASE located in?",
            Question::OutOfHours => {
                "How to handle tickets that come in outside of the ASE's working hours?"
            }
            Question::Unavailable => {
                "What should a Support Engineer do with this customer's tickets when the ASE is not available?"
            }
            Question::PreExisting => {
                "What to do with tickets that predate the introduction of this ASE?"
            }
            Question::Emergency => "What to do in case the customer submits an emergency ticket?",
        }
    }

    /// The finding's message when the note leaves the question open.
    pub fn missing(self) -> &'static str {
        match self {
            Question::Ase => "the ASE note does not name the Assigned Support Engineer",
            Question::Region => "the ASE note does not give the ASE's region (AMER, EMEA or APAC)",
            Question::OutOfHours => {
                "the ASE note does not say what happens to tickets outside the ASE's working hours"
            }
            Question::Unavailable => {
                "the ASE note does not say what to do when the ASE is unavailable"
            }
            Question::PreExisting => {
                "the ASE note does not say what happens to tickets that predate the ASE"
            }
            Question::Emergency => "the ASE note does not say how emergency tickets are handled",
        }
    }

    /// A sentence in the handbook example's style that answers the question.
    pub fn example(self) -> &'static str {
        match self {
            Question::Ase | Question::Region => "Jill is the AMER ASE for Company-A.",
            Question::OutOfHours => {
                "Tickets that come in outside Jill's working hours (9am-5pm ET) are answered by the engineer on shift, leaving Jill as the assignee."
            }
            Question::Unavailable => {
                "If Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself."
            }
            Question::PreExisting => {
                "Pre-existing tickets will keep their existing assignee and Jill will shadow."
            }
            Question::Emergency => {
                "The on-call engineer will continue to handle emergency tickets; inform Jill when an emergency comes in."
            }
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What an ASE note answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NoteAnalysis {
    answered: [bool; 6],
    /// The note links the ASE workflow page (`questions.workflow_link`).
    pub workflow_link: bool,
}

impl NoteAnalysis {
    /// True when the note answers `question`.
    pub fn answers(&self, question: Question) -> bool {
        self.answered[question.index()]
    }
}

/// The phrase set that tells an ASE note from any other org note.
pub const ASE_NOTE_KEY: &str = "ase_note";

/// The phrase set that finds a link to the ASE workflow page (matched on the raw note).
pub const WORKFLOW_LINK_KEY: &str = "workflow_link";

/// The analysis of an org file's note; `None` when the file has no text note or the note
/// is not an ASE note. Cached: the rules of one file share one analysis.
pub fn analysis(doc: &OrgDoc, settings: &Settings) -> Option<NoteAnalysis> {
    if doc.syntax_error.is_some() || doc.shape_error.is_some() {
        return None;
    }
    let note = doc.notes_text()?;
    let config = settings.question(ASE_NOTE_KEY)?.id();
    CACHE.with(|cache| {
        if let Some(hit) = cache.borrow().as_ref().filter(|c| c.is(config, note)) {
            return hit.analysis;
        }
        let analysis = analyse(note, settings);
        *cache.borrow_mut() = Some(CacheEntry {
            config,
            note: note.to_owned(),
            analysis,
        });
        analysis
    })
}

/// Analyses a note's text (uncached); `None` when it is not an ASE note.
pub fn analyse(note: &str, settings: &Settings) -> Option<NoteAnalysis> {
    let text = plain_text(note);
    let holds = |key: &str, text: &str| settings.question(key).is_none_or(|m| m.is_match(text));
    if !settings.question(ASE_NOTE_KEY)?.is_match(&text) {
        return None;
    }
    let answered = Question::ALL.map(|q| holds(q.key(), &text));
    Some(NoteAnalysis {
        answered,
        workflow_link: holds(WORKFLOW_LINK_KEY, note),
    })
}

/// Reports `question` on the `notes` key when the file holds an ASE note that leaves it
/// open; returns the finding so the rule can adjust it.
pub fn report_unanswered<'c>(
    question: Question,
    doc: &OrgDoc,
    cx: &'c mut Context<'_>,
) -> Option<&'c mut Diagnostic> {
    let analysis = analysis(doc, cx.settings)?;
    if analysis.answers(question) {
        return None;
    }
    let help = format!(
        "the handbook asks: \"{}\"; answer it in the note, e.g. \"{}\"",
        question.asks(),
        question.example()
    );
    let diagnostic = cx
        .report(doc.notes_anchor(), question.missing())
        .label(format!("no answer to \"{}\"", question.asks()))
        .help(help)
        .key(question.key());
    Some(diagnostic)
}

/// The last note analysed on this thread, keyed by configuration and note text.
struct CacheEntry {
    config: u64,
    note: String,
    analysis: Option<NoteAnalysis>,
}

impl CacheEntry {
    fn is(&self, config: u64, note: &str) -> bool {
        self.config == config && self.note == note
    }
}

thread_local! {
    static CACHE: RefCell<Option<CacheEntry>> = const { RefCell::new(None) };
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
    use crate::testing::DEFAULTS;

    fn analysed(note: &str) -> Option<NoteAnalysis> {
        analyse(note, &DEFAULTS)
    }

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
    fn words_in_urls_do_not_make_an_ase_note() {
        assert_eq!(
            analysed("See https://example.com/assigned-support-engineer/ASE-emergency"),
            None
        );
    }

    #[test]
    fn non_ase_notes_are_not_analysed() {
        for note in [
            "PS Project in Progress",
            "Customer is on a legacy plan",
            "No ASE; CSM is Dana",
            "This customer does not have an Assigned Support Engineer (ASE).",
            "Former ASE account; the ASE contract ended in 2023.",
            "Customer is evaluating the ASE offering. Do not promise an ASE.",
            "ASE: none",
        ] {
            assert_eq!(analysed(note), None, "{note}");
        }
    }

    #[test]
    fn the_handbook_example_answers_all_but_working_hours() {
        let note = "This organization has an Assigned Support Engineer (ASE). Please [review the workflow to use](/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/).\n\nJill is the AMER ASE for Company-A so at this time, all new non-emergency tickets will be assigned to her. Pre-existing tickets will keep their existing assignee and Jill will shadow.\n\nIf Jill is unavailable, please respond while leaving Jill as the assignee and cc yourself.\n\nThe on-call engineer will continue to handle emergency tickets, which will not get assigned to Jill. However, inform her when an emergency comes in so she can assist if available.\n";
        let found = analysed(note).unwrap_or_default();
        let open: Vec<_> = Question::ALL
            .into_iter()
            .filter(|q| !found.answers(*q))
            .collect();
        assert_eq!(open, vec![Question::OutOfHours]);
        assert!(found.workflow_link);
    }

    #[test]
    fn the_cache_tells_notes_apart() {
        let doc = |note: &str| {
            crate::parse::orgnote::parse(
                crate::source::SourceFile::new(
                    "organizations/1.yaml",
                    format!("id: 1\nname: x\nnotes: {note}\n"),
                ),
                "1",
            )
        };
        let ase = doc("ASE is Jill");
        let other = doc("PS project");
        assert!(analysis(&ase, &DEFAULTS).is_some());
        assert!(analysis(&other, &DEFAULTS).is_none());
        assert!(analysis(&ase, &DEFAULTS).is_some());
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
        for line in answers {
            let note = full_note_with(marker, line);
            assert_eq!(severities(rule, &note), vec![], "{rule} fired on: {line}");
        }
        for line in misses {
            let note = full_note_with(marker, line);
            assert_eq!(
                severities(rule, &note),
                vec![severity],
                "{rule} missed: {line}"
            );
        }
    }
}
