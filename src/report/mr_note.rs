//! The summary's section on each changed org note, written for the manager who approves
//! the merge request: whether it is an ASE note and the sentence that makes it one, the
//! ASE's name and region as ase-lint understood them, and each of the handbook's six
//! questions in words with the statement that answers it (quoted, linked to its line at
//! the head commit), the statement that puts it off, or what to add.
//!
//! [`NoteReview::of`] reads the note's analysis (`crate::note`, not changed here) into
//! plain data; [`push_note_reviews`] writes it. Every quote from the file goes through
//! [`escape_user_text`].

use std::fmt::Write as _;
use std::path::Path;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity, fingerprint_of};
use crate::model::OrgDoc;
use crate::note::{Evidence, NoteAnalysis, Question, Status};
use crate::parse;
use crate::report::escape::{MAX_QUOTE_CHARS, escape_user_text};
use crate::report::markers::{blob_url, fingerprint_marker};
use crate::rules::note::questions::note_analysis;
use crate::source::SourceFile;

/// Longest quote of a note's statement in the summary.
pub const MAX_NOTE_QUOTE_CHARS: usize = 120;
/// Org notes reviewed in the summary before the rest is counted.
const MAX_NOTES: usize = 50;

/// A statement of the note and the line it starts on in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    /// 1-based line in the file; `None` when it could not be placed.
    pub line: Option<usize>,
}

/// How the note stands on one handbook question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionReview {
    pub question: Question,
    /// The question as the configured handbook words it.
    pub asks: String,
    pub status: Status,
    /// The answering, deferring or (for implicit answers) underlying statement.
    pub quote: Option<Quote>,
}

/// What ase-lint understood of an ASE note (or that it is not one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFacts {
    pub ase_note: bool,
    /// The statement that makes it an ASE note.
    pub reason: Option<Quote>,
    pub names: Vec<String>,
    pub regions: Vec<String>,
    /// The six questions in the handbook's order (empty for a note that is not an ASE note).
    pub questions: Vec<QuestionReview>,
}

/// One changed org file as the summary reviews it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteReview {
    /// The path as GitLab shows it.
    pub path: String,
    /// `None`: the file holds no note ase-lint could read (invalid YAML, no text note).
    pub facts: Option<NoteFacts>,
}

impl NoteReview {
    /// Reviews the org file `source` (shown as `path`).
    pub fn of(path: &str, source: &SourceFile, settings: &Settings) -> Self {
        let stem = Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = parse::orgnote::parse(source.clone(), &stem);
        Self {
            path: path.to_owned(),
            facts: note_analysis(&doc, settings).map(|analysis| facts(&doc, analysis, settings)),
        }
    }

    /// The questions the note leaves unanswered (❌).
    pub fn unanswered(&self) -> impl Iterator<Item = &QuestionReview> {
        self.facts
            .iter()
            .flat_map(|f| f.questions.iter())
            .filter(|q| q.status == Status::Unanswered)
    }
}

/// What the analysis of `doc`'s note says, with each statement placed on its line.
fn facts(doc: &OrgDoc, analysis: &NoteAnalysis, settings: &Settings) -> NoteFacts {
    let quote = |evidence: &Evidence| Quote {
        text: evidence.text.clone(),
        line: doc
            .note_span_in_source(&evidence.span)
            .map(|span| doc.source.line_col(span.start).line),
    };
    let questions = Question::ALL
        .into_iter()
        .filter(|_| analysis.ase_note)
        .map(|question| {
            let answer = analysis.answer(question);
            QuestionReview {
                question,
                asks: settings.asks(question).to_owned(),
                status: answer.status,
                quote: answer.evidence.as_ref().map(quote),
            }
        })
        .collect();
    NoteFacts {
        ase_note: analysis.ase_note,
        reason: analysis.reason.as_ref().map(quote),
        names: analysis.ase_names.clone(),
        regions: analysis.regions.iter().map(|r| (*r).to_owned()).collect(),
        questions,
    }
}

/// Where the quotes link to: the project's web URL and the head commit.
#[derive(Debug, Clone, Copy)]
pub struct Links<'a> {
    pub project_url: Option<&'a str>,
    pub head_sha: &'a str,
}

/// The status mark of a question.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Answered => "✅",
        Status::Implicit | Status::Deferred => "⚠️",
        Status::Unanswered => "❌",
    }
}

/// Appends the review of every changed org note (nothing when there is none).
pub fn push_note_reviews(body: &mut String, reviews: &[NoteReview], links: Links<'_>) {
    for review in reviews.iter().take(MAX_NOTES) {
        push_review(body, review, links);
    }
    if reviews.len() > MAX_NOTES {
        let _ = writeln!(
            body,
            "… and {} more org notes.\n",
            reviews.len() - MAX_NOTES
        );
    }
}

fn push_review(body: &mut String, review: &NoteReview, links: Links<'_>) {
    let _ = writeln!(
        body,
        "### Org note {}\n",
        escape_user_text(&review.path, MAX_QUOTE_CHARS)
    );
    let Some(facts) = &review.facts else {
        body.push_str(
            "The file holds no note ase-lint could read (see the findings above), so the \
             handbook's questions could not be checked.\n\n",
        );
        return;
    };
    if !facts.ase_note {
        body.push_str(
            "**Not an ASE note**: nothing in it says the organization has an Assigned Support \
             Engineer now, so the handbook's six questions do not apply.\n\n",
        );
        return;
    }
    let reason = facts.reason.as_ref().map_or_else(String::new, |q| {
        format!(": {}", quoted(q, &review.path, links))
    });
    let _ = writeln!(body, "**ASE note**{reason}\n");
    let _ = writeln!(
        body,
        "**ASE**: {} · **Region**: {}\n",
        names(&facts.names),
        if facts.regions.is_empty() {
            "not given".to_owned()
        } else {
            facts.regions.join(", ")
        }
    );
    body.push_str("| | The handbook asks | The note says |\n| --- | --- | --- |\n");
    for q in &facts.questions {
        let _ = writeln!(
            body,
            "| {} | {} | {} |",
            status_mark(q.status),
            q.asks,
            answer_text(q, &review.path, links)
        );
    }
    body.push('\n');
}

fn names(names: &[String]) -> String {
    if names.is_empty() {
        return "not named".to_owned();
    }
    names
        .iter()
        .map(|n| escape_user_text(n, MAX_NOTE_QUOTE_CHARS))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the table's last column says of one question.
fn answer_text(q: &QuestionReview, path: &str, links: Links<'_>) -> String {
    let quote = q.quote.as_ref().map(|quote| quoted(quote, path, links));
    match (q.status, quote) {
        (Status::Answered, Some(quote)) => quote,
        (Status::Answered, None) => "answered".to_owned(),
        (Status::Implicit, quote) => format!(
            "Only implied by the answer for when the ASE is unavailable{}. Say it outright, e.g. \
             “{}”",
            quote.map_or_else(String::new, |q| format!(": {q}")),
            example(q.question)
        ),
        (Status::Deferred, quote) => format!(
            "Put off{}. Write the answer once it is decided.",
            quote.map_or_else(String::new, |q| format!(": {q}"))
        ),
        (Status::Unanswered, _) => what_to_add(q.question),
    }
}

/// "Not answered. Add a sentence such as “…”".
pub fn what_to_add(question: Question) -> String {
    format!(
        "Not answered. Add a sentence such as “{}”",
        example(question)
    )
}

fn example(question: Question) -> String {
    escape_user_text(question.info().example, MAX_QUOTE_CHARS)
}

/// “quote”, linked to its line at the head commit when it can be.
pub fn quoted(quote: &Quote, path: &str, links: Links<'_>) -> String {
    let text = escape_user_text(&quote.text, MAX_NOTE_QUOTE_CHARS);
    let url = quote
        .line
        .and_then(|line| blob_url(links.project_url, links.head_sha, path, line));
    match url {
        Some(url) => format!("“[{text}]({url})”"),
        None => format!("“{text}”"),
    }
}

/// True for a finding of one of the six question rules (grouped into one thread per line
/// of a note, see [`questions_thread_body`]).
pub fn is_question_finding(d: &Diagnostic) -> bool {
    Question::from_rule(d.rule).is_some()
}

/// The fingerprint of the thread holding the question findings on one line of a note:
/// the path and the line's text (`notes: |`), not which questions are open, so the one
/// thread is kept and edited as answers come and go.
pub fn questions_thread_fingerprint(path: &str, line_text: &str) -> String {
    fingerprint_of(&["note-questions", path, line_text.trim()])
}

/// The body of the one thread listing a note's open questions (`findings`: the question
/// findings on one line), each in words with what to add; `review` supplies the statuses
/// and quotes when the note was reviewed.
pub fn questions_thread_body(
    findings: &[&Diagnostic],
    review: Option<&NoteReview>,
    links: Links<'_>,
    fingerprint: &str,
) -> String {
    let path = findings.first().map_or("", |d| d.path.as_str());
    let mut questions: Vec<QuestionReview> = findings
        .iter()
        .filter_map(|d| {
            let question = Question::from_rule(d.rule)?;
            let reviewed = review
                .and_then(|r| r.facts.as_ref())
                .and_then(|f| f.questions.iter().find(|q| q.question == question));
            Some(reviewed.cloned().unwrap_or(QuestionReview {
                question,
                asks: question.asks().to_owned(),
                status: match d.severity {
                    Severity::Error => Status::Unanswered,
                    Severity::Warning => Status::Implicit,
                },
                quote: None,
            }))
        })
        .collect();
    questions.sort_by_key(|q| q.question);
    questions.dedup_by_key(|q| q.question);
    let open = questions
        .iter()
        .filter(|q| q.status != Status::Answered)
        .count();
    let mut body = format!(
        "**{} of the handbook's six questions {} not answered in this note**\n\n",
        open,
        if open == 1 { "is" } else { "are" }
    );
    for q in &questions {
        let _ = writeln!(
            body,
            "- {} **{}** {}",
            status_mark(q.status),
            q.asks,
            answer_text(q, path, links)
        );
    }
    let _ = write!(
        body,
        "\nThis thread is updated as answers are added, and resolved when every question is \
         answered.\n\n{}",
        fingerprint_marker(fingerprint)
    );
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINKS: Links<'static> = Links {
        project_url: Some("https://gitlab.example/g/p"),
        head_sha: "0123456789abcdef",
    };

    fn review(note: &str) -> NoteReview {
        let body: String = note.lines().map(|l| format!("  {l}\n")).collect();
        let text = format!("id: 1\nname: 5a1f9965 Test\nnotes: |\n{body}");
        let source = SourceFile::new("organizations/1.yaml", text);
        NoteReview::of("organizations/1.yaml", &source, &Settings::defaults())
    }

    fn render(review: &NoteReview) -> String {
        let mut body = String::new();
        push_note_reviews(&mut body, std::slice::from_ref(review), LINKS);
        body
    }

    #[test]
    fn an_answered_question_quotes_its_statement_linked_to_its_line() {
        let body = render(&review(
            "This organization has an Assigned Support Engineer (ASE).\n\nJill Doe is the AMER ASE.",
        ));
        assert!(
            body.contains("**ASE note**: “[This organization has"),
            "{body}"
        );
        assert!(
            body.contains("**ASE**: Jill Doe · **Region**: AMER"),
            "{body}"
        );
        assert!(
            body.contains("| ✅ | Who is the Assigned Support Engineer (ASE) for this customer? | “[Jill Doe is the AMER ASE.](https://gitlab.example/g/p/-/blob/0123456789abcdef/organizations/1.yaml#L6)” |"),
            "{body}"
        );
        assert!(
            body.contains("| ❌ | What to do in case the customer submits an emergency ticket? | Not answered. Add a sentence such as “"),
            "{body}"
        );
    }

    #[test]
    fn a_note_without_an_ase_says_the_questions_do_not_apply() {
        let body = render(&review(
            "Professional services customer; no special handling.",
        ));
        assert!(body.contains("**Not an ASE note**"), "{body}");
        assert!(
            body.contains("the handbook's six questions do not apply"),
            "{body}"
        );
        assert!(!body.contains("| ❌"), "{body}");
    }

    #[test]
    fn quotes_are_escaped_and_cut() {
        let quote = Quote {
            text: format!("@all /merge {}", "x".repeat(300)),
            line: Some(3),
        };
        let text = quoted(&quote, "organizations/1.yaml", LINKS);
        assert!(!text.contains("@all") && text.contains('…'), "{text}");
        assert!(text.chars().count() < 300, "{text}");
    }
}
