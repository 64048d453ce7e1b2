//! Org-note understanding: is a note an ASE note, who is the ASE, in which region, and
//! which of the handbook's six questions does it answer — each with the statement that
//! shows it.
//!
//! The note's Markdown is split into statements ([`statements`]): sentences, list items,
//! table cells, headings and `Label: value` lines, each with the topic it inherits from a
//! heading, title, parent item, question or table header. [`entities`] finds people tied
//! to the ASE role and the regions said of them; [`ase_note`] decides whether the note
//! speaks of this organization's ASE now. A question is *answered* by a statement that is
//! about its topic (in its words or its inherited topic) and says what happens; one that
//! raises the topic only to put it off ("TBD", "not decided yet") makes it *deferred*.
//! [`NoteAnalysis`] is the one result the rules, the cross rules, the `questions` command
//! and the MR summary read.

pub mod ase_note;
#[cfg(feature = "corpus")]
pub mod corpus;
pub mod entities;
pub mod instruction;
pub mod lexicon;
pub mod names;
pub mod phrase;
pub mod question;
pub mod regions;
pub mod statements;
pub mod text;
mod topics;

use std::ops::Range;

pub use question::Question;
use statements::Statement;
use text::Token;
use topics::{Topics, about, own_topic, topic_answer, user_match};

/// How a note stands on one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A statement answers it.
    Answered,
    /// Not answered, but covered by another answer (working hours by the "unavailable"
    /// answer, as in the handbook's example).
    Implicit,
    /// The note raises it but puts it off ("TBD", "still being worked out").
    Deferred,
    /// Nothing in the note answers it.
    Unanswered,
}

impl Status {
    /// The status as JSON and the text report write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answered => "answered",
            Status::Implicit => "implicit",
            Status::Deferred => "deferred",
            Status::Unanswered => "unanswered",
        }
    }
}

/// A team's own wording (`questions.<key>` in the configuration), consulted beside the
/// built-in reading: `Settings` implements it; `()` has none.
pub trait UserPhrases {
    /// True when the set `key` has patterns and one matches `text`.
    fn matches(&self, key: &str, text: &str) -> bool;
}

impl UserPhrases for () {
    fn matches(&self, _key: &str, _text: &str) -> bool {
        false
    }
}

/// A statement of the note that shows something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Where the statement stands in the note text.
    pub span: Range<usize>,
    /// The statement as written, on one line.
    pub text: String,
}

/// The note's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: Status,
    /// The answering (or deferring) statement; for `implicit`, the statement it rests on.
    pub evidence: Option<Evidence>,
}

/// What a note says, with evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteAnalysis {
    /// The note speaks of this organization's ASE, now.
    pub ase_note: bool,
    /// The statement that makes it an ASE note.
    pub reason: Option<Evidence>,
    /// The current ASEs, as the note writes them (fullest form; a handle when that is all).
    pub ase_names: Vec<String>,
    /// The ASE's regions: `AMER`, `EMEA`, `APAC`.
    pub regions: Vec<&'static str>,
    answers: Vec<Answer>,
    /// The note links the ASE workflow page.
    pub workflow_link: bool,
}

impl NoteAnalysis {
    /// The note's answer to `question` (for a note that is not an ASE note: unanswered).
    pub fn answer(&self, question: Question) -> &Answer {
        &self.answers[question.index()]
    }

    /// True when `question` is answered.
    pub fn answers(&self, question: Question) -> bool {
        self.answer(question).status == Status::Answered
    }
}

/// Most characters of a statement kept as evidence.
const EVIDENCE_CHARS: usize = 200;

/// Analyses a note's text.
pub fn analyse(note: &str, settings: &dyn UserPhrases) -> NoteAnalysis {
    let (statements, _) = statements::statements(note);
    let tokens: Vec<Vec<Token>> = statements.iter().map(entities::all_tokens).collect();
    let topics: Vec<Topics> = statements
        .iter()
        .zip(&tokens)
        .map(|(s, t)| Question::ALL.map(|q| about(q, s, t)))
        .collect();
    let workflow_link = settings.matches("workflow_link", note);
    // "Changelog: 2023-08 ASE assigned: Daniel": a past holder, unless "now".
    let affirmed: Vec<bool> = statements
        .iter()
        .zip(&tokens)
        .map(|(s, t)| (!s.past || says_now(t)) && ase_note::affirms_ase(s, note))
        .collect();
    let (names, name_evidence, undecided) = ase_names(&statements, &tokens, &affirmed, note);
    let reason = match ase_note::evidence_against(&statements, &affirmed, note) {
        ase_note::Against::HasNone => None,
        ase_note::Against::NotNow => name_evidence,
        ase_note::Against::Nothing => ase_note::ase_statement(&statements, &affirmed)
            .or(name_evidence)
            .or_else(|| topics::handbook_sections(&statements, &topics)),
    }
    .or_else(|| user_match(&statements, note, settings, "ase_note"));
    let Some(reason) = reason else {
        return not_an_ase_note(workflow_link);
    };
    let inferred = match (names.is_empty(), undecided) {
        (true, None) => most_mentioned(&statements, &tokens, note),
        _ => None,
    };
    let names = match &inferred {
        Some((key, _)) => vec![preferred_form_of(key, &tokens, note)],
        None => names,
    };
    let mut answers: Vec<Answer> = Question::ALL
        .into_iter()
        .map(|q| topic_answer(q, &statements, &tokens, &topics, note, settings))
        .collect();
    answers[Question::Ase.index()] = match (name_evidence, undecided) {
        (Some(s), _) if !names.is_empty() => answered(s, note),
        // Nobody is tied to the role, but one person is named again and again: most
        // likely the ASE, said only implicitly.
        (_, None) if inferred.is_some() => Answer {
            status: Status::Implicit,
            evidence: inferred.as_ref().map(|(_, s)| evidence(s, note)),
        },
        (_, Some(s)) => Answer {
            status: Status::Deferred,
            evidence: Some(evidence(s, note)),
        },
        _ => answers[Question::Ase.index()].clone(),
    };
    let (regions, region_evidence) = ase_regions(&statements, &tokens, &topics, note, &names);
    if let Some(s) = region_evidence {
        answers[Question::Region.index()] = answered(s, note);
    }
    let out_of_hours = Question::OutOfHours.index();
    if answers[out_of_hours].status == Status::Unanswered
        && answers[Question::Unavailable.index()].status == Status::Answered
    {
        answers[out_of_hours] = Answer {
            status: Status::Implicit,
            evidence: answers[Question::Unavailable.index()].evidence.clone(),
        };
    }
    NoteAnalysis {
        ase_note: true,
        reason: Some(evidence(reason, note)),
        ase_names: names,
        regions,
        answers,
        workflow_link,
    }
}

fn not_an_ase_note(workflow_link: bool) -> NoteAnalysis {
    let unanswered = Answer {
        status: Status::Unanswered,
        evidence: None,
    };
    NoteAnalysis {
        ase_note: false,
        reason: None,
        ase_names: Vec::new(),
        regions: Vec::new(),
        answers: vec![unanswered; Question::ALL.len()],
        workflow_link,
    }
}

fn answered(statement: &Statement, note: &str) -> Answer {
    Answer {
        status: Status::Answered,
        evidence: Some(evidence(statement, note)),
    }
}

fn evidence(statement: &Statement, note: &str) -> Evidence {
    let text = statement.text(note);
    let text = match text.char_indices().nth(EVIDENCE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    };
    Evidence {
        span: statement.span.clone(),
        text,
    }
}

/// The current ASEs (fullest written form), the statement that first names one, and a
/// statement speaking of an ASE not named yet.
fn ase_names<'s>(
    statements: &'s [Statement],
    tokens: &[Vec<Token>],
    affirmed: &[bool],
    note: &str,
) -> (Vec<String>, Option<&'s Statement>, Option<&'s Statement>) {
    let mut names: Vec<String> = Vec::new();
    let mut first = None;
    let mut undecided = None;
    let everyone: Vec<String> = tokens
        .iter()
        .flat_map(|t| entities::people(t, note))
        .map(|p| p.name)
        .collect();
    for ((statement, tokens), affirms) in statements.iter().zip(tokens).zip(affirmed) {
        let (people, not_yet) = entities::ase_people(statement, tokens, *affirms, note);
        if not_yet && undecided.is_none() {
            undecided = Some(statement);
        }
        for person in people {
            let name = preferred_form(&person, tokens, note, &everyone);
            first.get_or_insert(statement);
            match names.iter_mut().find(|n| entities::same_person(n, &name)) {
                Some(known) if name.len() > known.len() && !name.starts_with('@') => *known = name,
                Some(_) => {}
                None => names.push(name),
            }
        }
    }
    (names, first, undecided)
}

/// The statement says it is the present: "ASE now Yusuf", "current ASE", "New ASE: Dmitri",
/// "have had an ASE since Q3".
fn says_now(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        [
            "now",
            "current",
            "currently",
            "today",
            "new",
            "since",
            "still",
        ]
        .contains(&t.lower.as_str())
    })
}

/// The person an ASE note mentions most (at least twice), and where first: the ASE, in a
/// note that never ties anyone to the role in so many words ("👤 Zanele Khumalo — EMEA",
/// then "Zanele travelling: …", "CC Zanele").
fn most_mentioned<'s>(
    statements: &'s [Statement],
    tokens: &[Vec<Token>],
    note: &str,
) -> Option<(String, &'s Statement)> {
    let mut counts: Vec<(String, usize, &'s Statement)> = Vec::new();
    for (statement, tokens) in statements.iter().zip(tokens) {
        for person in entities::plain_people(tokens, note) {
            // Each word of a name counts: "Bùi Thị Hoa", later "Hoa".
            let lower = person.name.to_lowercase();
            for key in lower.split_whitespace().filter(|w| w.chars().count() > 1) {
                match counts.iter_mut().find(|(k, _, _)| k == key) {
                    Some(entry) => entry.1 += 1,
                    None => counts.push((key.to_owned(), 1, statement)),
                }
            }
        }
    }
    let (key, count, statement) = counts
        .into_iter()
        .reduce(|best, next| if next.1 > best.1 { next } else { best })?;
    (count >= 2).then_some((key, statement))
}

/// The fullest written form of a first name or handle.
fn preferred_form_of(key: &str, tokens: &[Vec<Token>], note: &str) -> String {
    let everyone: Vec<String> = tokens
        .iter()
        .flat_map(|t| entities::people(t, note))
        .map(|p| p.name)
        .collect();
    everyone
        .iter()
        .filter(|n| n.to_lowercase().split_whitespace().any(|w| w == key))
        .max_by_key(|n| n.len())
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// A person's name as the note writes it most fully: the name in parentheses after a
/// handle (`@jdoe (Jane Doe)`), or the longest name elsewhere in the note that starts with
/// this one ("Jill" → "Jill Smith").
fn preferred_form(
    person: &entities::Person,
    tokens: &[Token],
    note: &str,
    everyone: &[String],
) -> String {
    if person.name.starts_with('@') {
        let after = &tokens[person.tokens.end..];
        if after.first().is_some_and(|t| t.is_punct('('))
            && let Some(p) = entities::people(after, note)
                .into_iter()
                .find(|p| p.tokens.start == 1 && !p.name.starts_with('@'))
        {
            return p.name;
        }
        let before = &tokens[..person.tokens.start];
        if before.last().is_some_and(|t| t.is_punct('('))
            && let Some(p) = entities::people(before, note)
                .into_iter()
                .rev()
                .find(|p| p.tokens.end + 1 == before.len())
        {
            return p.name;
        }
        return person.name.clone();
    }
    let lower = person.name.to_lowercase();
    everyone
        .iter()
        .filter(|n| {
            let n = n.to_lowercase();
            n.len() > lower.len() && n.starts_with(&lower) && n[lower.len()..].starts_with(' ')
        })
        .max_by_key(|n| n.len())
        .cloned()
        .unwrap_or_else(|| person.name.clone())
}

/// The ASE's regions, in the order the note gives them, and the statement that first does.
fn ase_regions<'s>(
    statements: &'s [Statement],
    tokens: &[Vec<Token>],
    topics: &[Topics],
    note: &str,
    names: &[String],
) -> (Vec<&'static str>, Option<&'s Statement>) {
    let mut regions = Vec::new();
    let mut first = None;
    for ((statement, tokens), topics_of) in statements.iter().zip(tokens).zip(topics) {
        if statement.asks {
            continue;
        }
        // In a sentence about working hours, absence or emergencies, regions are the
        // other teams ("EMEA/APAC answer"), unless it says "the AMER ASE".
        let topical = own_topic(topics_of, statement, tokens);
        for region in regions::ase_regions(statement, tokens, note, names, topical) {
            first.get_or_insert(statement);
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
    }
    (regions, first)
}

#[cfg(test)]
mod tests;
