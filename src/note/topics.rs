//! Which statements answer a question: a statement is about a question's topic in its own
//! words, its label or what it inherits (a heading, title, question or table header), and
//! answers it when it says what happens; one that puts the topic off defers it.

use std::ops::Range;

use super::question::Question;
use super::statements::{Form, Statement};
use super::text::Token;
use super::{Answer, Status, UserPhrases, answered, evidence, instruction, lexicon};

/// A question's answer from the statements about its topic.
pub(super) fn topic_answer(
    question: Question,
    statements: &[Statement],
    tokens: &[Vec<Token>],
    topics: &[Topics],
    note: &str,
    settings: &dyn UserPhrases,
) -> Answer {
    let mut deferred = None;
    for ((statement, tokens), topics) in statements.iter().zip(tokens).zip(topics) {
        if user_answers(question, statement, note, settings) {
            return answered(statement, note);
        }
        let Some(topic) = topics[question.index()] else {
            continue;
        };
        if statement.asks
            || statement.form == Form::Heading
            || has_placeholder(statement, note)
            || statement.past
        {
            continue;
        }
        if defers(tokens) || leads_with_deferral(&statement.content) || statement.leaves_unknown() {
            deferred.get_or_insert(statement);
            continue;
        }
        if says_what_happens(statement, topic, note) {
            return answered(statement, note);
        }
    }
    match deferred {
        Some(s) => Answer {
            status: Status::Deferred,
            evidence: Some(evidence(s, note)),
        },
        None => Answer {
            status: Status::Unanswered,
            evidence: None,
        },
    }
}

/// A note laid out as the handbook's questions without naming the role ("## Who",
/// "## Outside hours", "## When Ólafur is away", "## Emergencies"): headings or labels for
/// at least three of the four ticket questions. The first of them is the reason.
pub(super) fn handbook_sections<'s>(
    statements: &'s [Statement],
    topics: &[Topics],
) -> Option<&'s Statement> {
    let mut first = None;
    let mut seen = [false; 6];
    for (statement, topics) in statements.iter().zip(topics) {
        for (i, topic) in topics.iter().enumerate() {
            // A heading about the topic, or a statement under one (or under a label).
            let titled =
                statement.form == Form::Heading && topic.is_some() || *topic == Some(Topic::Label);
            if titled && !seen[i] {
                seen[i] = true;
                first.get_or_insert(statement);
            }
        }
    }
    (seen.iter().filter(|s| **s).count() >= 3)
        .then_some(first)
        .flatten()
}

/// True when the statement's own words (not its heading or title) are about working
/// hours, absence, older tickets or emergencies.
pub(super) fn own_topic(topics: &Topics, statement: &Statement, tokens: &[Token]) -> bool {
    let own = Statement {
        context: Vec::new(),
        ..statement.clone()
    };
    topics.iter().any(Option::is_some)
        && Question::ALL
            .into_iter()
            .any(|q| about(q, &own, tokens).is_some())
}

/// Per question, whether and how a statement is about it.
pub(super) type Topics = [Option<Topic>; 6];

/// Where a statement's topic comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Topic {
    /// The statement's content ("Emergencies go to the on-call engineer").
    Content,
    /// The statement's label ("Emergencies: on-call"), or a heading, title, parent item,
    /// question or table header above it: the content is the answer.
    Label,
}

/// Whether `statement` is about `question`'s topic, and how.
pub(super) fn about(question: Question, statement: &Statement, tokens: &[Token]) -> Option<Topic> {
    let set = match question {
        Question::OutOfHours => &*lexicon::OUT_OF_HOURS,
        Question::Unavailable => &*lexicon::UNAVAILABLE,
        Question::PreExisting => &*lexicon::PRE_EXISTING,
        Question::Emergency => &*lexicon::EMERGENCY,
        Question::Ase | Question::Region => return None,
    };
    // "Contacts: - Secondary: Priyanka Nair": the customer's people, not the ASE's cover
    // ("Backup ASE: Léa" under "Contacts" is).
    if question == Question::Unavailable && among_contacts(statement) && !speaks_of_ase(tokens) {
        return None;
    }
    let counts = |tokens: &[Token]| {
        let hits = set.find_all(tokens);
        !(hits.is_empty() || question == Question::Emergency && only_on_call(tokens, &hits))
    };
    if counts(&statement.label)
        || question == Question::Unavailable && short_absence(&statement.label)
        || question == Question::PreExisting && short_legacy(&statement.label)
    {
        return Some(Topic::Label);
    }
    if counts(tokens) {
        return Some(Topic::Content);
    }
    let nearest = statement
        .context
        .iter()
        .rposition(|t| t.is_punct('|'))
        .map_or(&statement.context[..], |p| &statement.context[p + 1..]);
    (counts(&statement.context)
        || question == Question::Unavailable && short_absence(nearest)
        || question == Question::PreExisting && asked_or_titled(nearest) && short_legacy(nearest))
    .then_some(Topic::Label)
}

/// The statement is listed under the customer's contacts ("Contacts", "Key contacts:",
/// "Stakeholders").
fn among_contacts(statement: &Statement) -> bool {
    statement
        .context
        .iter()
        .any(|t| ["contacts", "stakeholders", "admins", "requesters"].contains(&t.lower.as_str()))
}

/// The words name the ASE role or the engineer: "Backup ASE", "cover engineer".
fn speaks_of_ase(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| ["ase", "ases", "engineer", "engineers", "se"].contains(&t.lower.as_str()))
}

/// A question or title over the statement ("**Backlog?** …", "Older:"), not a heading
/// such as "### History".
fn asked_or_titled(part: &[Token]) -> bool {
    part.last()
        .is_some_and(|t| t.is_punct('?') || t.is_punct(':'))
}

/// A short label naming old tickets: "Legacy:", "Backlog:", "Older:".
fn short_legacy(label: &[Token]) -> bool {
    let words: Vec<&str> = label
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.lower.as_str())
        .collect();
    words.len() <= 2
        && words.iter().any(|w| {
            [
                "legacy",
                "backlog",
                "older",
                "old",
                "historic",
                "historical",
                "history",
                "prior",
                "preexisting",
                "previous",
                "existing",
                "inherited",
            ]
            .contains(w)
        })
}

/// A short label saying someone is away: "ASE away", "Rhiannon away?", "Jill out",
/// "Leave".
fn short_absence(label: &[Token]) -> bool {
    let words: Vec<&str> = label
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.lower.as_str())
        .collect();
    let away = words
        .iter()
        .any(|w| ["away", "gone", "absent", "missing", "ooo", "leave"].contains(w));
    let out_last = words.last().is_some_and(|w| ["out", "off"].contains(w));
    words.len() <= 4 && (away || out_last)
}

/// "The on-call engineer takes tickets after hours": on-call alone, in a statement about
/// working hours, is not about emergencies.
fn only_on_call(tokens: &[Token], hits: &[Range<usize>]) -> bool {
    let on_call = |r: &Range<usize>| {
        tokens[r.clone()]
            .iter()
            .any(|t| t.is("call") || t.is("oncall"))
    };
    hits.iter().all(on_call) && lexicon::OUT_OF_HOURS.is_match(tokens)
}

/// The statement puts the decision off.
fn defers(content: &[Token]) -> bool {
    if lexicon::DEFERRAL.is_match(content) {
        return true;
    }
    let words: Vec<&str> = content
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.lower.as_str())
        .collect();
    let punct_only = !content.is_empty() && words.is_empty();
    punct_only
        || (words.len() <= 3
            && words.iter().any(|w| {
                [
                    "later", "pending", "none", "unknown", "tbd", "tbc", "na", "open",
                ]
                .contains(w)
            })
            || will_update(&words))
}

/// "pending — Legal is reviewing the contract", "TBD: waiting on the CSM": a deferral
/// word as the value, whatever the reason given after it.
fn leads_with_deferral(content: &[Token]) -> bool {
    let mut rest = content.iter().skip_while(|t| !t.is_wordlike());
    rest.next().is_some_and(|first| {
        [
            "pending",
            "tbd",
            "tbc",
            "tba",
            "undecided",
            "unknown",
            "unclear",
            "open",
        ]
        .contains(&first.lower.as_str())
    }) && rest.next().is_none_or(|next| !next.is_wordlike())
}

/// "Will update.", "We'll confirm." — a promise to fill the answer in, on its own.
fn will_update(words: &[&str]) -> bool {
    matches!(
        words,
        ["will" | "we'll" | "i'll", "update" | "confirm" | "follow"]
            | ["will" | "we'll" | "i'll", "follow", "up"]
            | ["we" | "i", "will", "update" | "confirm"]
    )
}

/// The statement says what happens: the value of a topic label, or a sentence about the
/// topic that says who handles, where tickets go or what to do.
fn says_what_happens(statement: &Statement, topic: Topic, note: &str) -> bool {
    let content = &statement.content;
    if !content.iter().any(Token::is_wordlike) {
        return false;
    }
    match topic {
        Topic::Label => instruction::answers_label(&statement.label, content, note),
        // With a label that ends in an arrow: "Everything else → Thandiwe, even during her
        // night".
        Topic::Content => {
            instruction::instructs(content, note)
                || statement
                    .label
                    .iter()
                    .any(|t| t.is_punct('\u{2192}') || t.is_punct('>'))
                    && instruction::instructs(
                        &statement.tokens().cloned().collect::<Vec<_>>(),
                        note,
                    )
        }
    }
}

/// A user pattern (`questions.<key>.patterns`) matches the statement's text.
fn user_answers(
    question: Question,
    statement: &Statement,
    note: &str,
    settings: &dyn UserPhrases,
) -> bool {
    statement.form != Form::Heading
        && !statement.asks
        && settings.matches(question.key(), &statement.text(note))
}

pub(super) fn user_match<'s>(
    statements: &'s [Statement],
    note: &str,
    settings: &dyn UserPhrases,
    key: &str,
) -> Option<&'s Statement> {
    statements
        .iter()
        .find(|s| settings.matches(key, &s.text(note)))
}

/// The statement still holds a template's blank where its instruction goes: `<what to
/// do>`, `[insert process]`, `{action}`, `XXX`. A template copied and not filled in answers
/// nothing.
fn has_placeholder(statement: &Statement, note: &str) -> bool {
    let line = line_around(note, &statement.span);
    bracketed_blank(line, '<', '>')
        || bracketed_blank(line, '[', ']')
        || bracketed_blank(line, '{', '}')
        || line
            .split_whitespace()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "XXX")
}

/// The whole line (or lines) of the note a span stands on.
fn line_around<'n>(note: &'n str, span: &Range<usize>) -> &'n str {
    let start = note
        .get(..span.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = note
        .get(span.end..)
        .and_then(|after| after.find('\n'))
        .map_or(note.len(), |i| span.end + i);
    note.get(start..end).unwrap_or("")
}

/// A bracketed run of words that is a blank for an instruction, not markup: `<what to do>`,
/// `[insert process]`; not `<br>`, `<p>`, a Markdown link `[text](url)` or a blank name.
fn bracketed_blank(line: &str, open: char, close: char) -> bool {
    let mut rest = line;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len_utf8()..];
        let Some(end) = after.find(close) else {
            return false;
        };
        let inside = &after[..end];
        let next = after[end + close.len_utf8()..].chars().next();
        let link = open == '[' && next == Some('(');
        let words: Vec<&str> = inside.split_whitespace().collect();
        // A blank where the instruction goes; a blank name or region ("<ASE name> is the
        // AMER ASE …") leaves the rest of the sentence an answer.
        let action_words = [
            "what",
            "do",
            "action",
            "actions",
            "instruction",
            "instructions",
            "insert",
            "fill",
            "tbd",
            "steps",
            "process",
            "handling",
        ];
        let blank = !link
            && !words.is_empty()
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '_')
            })
            && words
                .iter()
                .any(|w| action_words.contains(&w.to_lowercase().as_str()));
        if blank {
            return true;
        }
        rest = &after[end + close.len_utf8()..];
    }
    false
}
