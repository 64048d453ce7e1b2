//! Names given as the value of an ASE topic: under "Who is the ASE?", "### ASE", a
//! `| ASE | … |` cell or a title naming the ASE(s), a `Name:` line in an ASE section, and
//! names written in lowercase after the role ("ase: mbeck", "ase … is kamal hossain").

use std::ops::Range;

use crate::note::lexicon::REGION_CODES;
use crate::note::names::{Person, name_text, not_a_name, people, region_of, role_mentions};
use crate::note::statements::Statement;
use crate::note::text::{Kind, Token};

/// The statement's label is the ASE role: `ase:`, `ASE =`, `Assigned Support Engineer:`.
pub(super) fn label_is_role(statement: &Statement, note: &str) -> bool {
    let words: Vec<&Token> = statement.label.iter().filter(|t| t.is_wordlike()).collect();
    !words.is_empty()
        && !role_mentions(&statement.label, note).is_empty()
        && words.iter().all(|t| {
            role_mentions(std::slice::from_ref(*t), note).len() == 1
                || WHO_WORDS.contains(&t.lower.as_str())
        })
}

/// One to three words that can be a name written in lowercase ("kamal hossain").
fn lowercase_name(words: &[Token]) -> bool {
    let name_like = |t: &Token| {
        t.kind != Kind::Word
            || (t.lower.chars().all(|c| c.is_alphabetic() || c == '\'')
                && !not_a_name(t)
                && region_of(t).is_none()
                && !REGION_CODES.contains(&t.lower.as_str()))
    };
    let count = words.iter().filter(|t| t.kind == Kind::Word).count();
    count > 0
        && count <= 3
        && words.iter().all(name_like)
        && !crate::note::lexicon::DEFERRAL.is_match(words)
}

/// "ase for this org is kamal hossain (dhaka, apac)": a lowercase name after "is", up to
/// the next punctuation, in a statement that opens with the role.
pub(super) fn lowercase_after_is(
    tokens: &[Token],
    roles: &[Range<usize>],
    note: &str,
) -> Option<Person> {
    let role = roles.first().filter(|r| r.start == 0)?;
    let is = (role.end..(role.end + 6).min(tokens.len())).find(|&i| tokens[i].is("is"))?;
    let start = is + 1;
    let end = tokens[start..]
        .iter()
        .position(|t| !(t.kind == Kind::Word || t.is_punct('-')))
        .map_or(tokens.len(), |p| start + p);
    let words = &tokens[start..end];
    (end > start && lowercase_name(words)).then(|| Person {
        tokens: start..end,
        name: name_text(words, note),
    })
}

/// "dana kowalski is the ase here": a lowercase name opening the statement, then "is the
/// ase" (or "is our/their ase").
pub(super) fn lowercase_before_is(
    tokens: &[Token],
    roles: &[Range<usize>],
    note: &str,
) -> Option<Person> {
    let role = roles.first()?;
    let is = tokens[..role.start].iter().rposition(|t| t.is("is"))?;
    let between_ok = tokens[is + 1..role.start]
        .iter()
        .all(|t| ["the", "our", "their", "this", "a", "an"].contains(&t.lower.as_str()));
    let words = &tokens[..is];
    let all_words = words.iter().all(|t| t.kind == Kind::Word);
    (between_ok && is > 0 && all_words && lowercase_name(words)).then(|| Person {
        tokens: 0..is,
        name: name_text(words, note),
    })
}

/// A name written in lowercase as the value of an ASE label ("ase: raj (apac)",
/// "ase: marie-claire, cet"): the first one to three words, up to punctuation.
pub(super) fn lowercase_value(statement: &Statement, note: &str) -> Option<Person> {
    let content = &statement.content;
    let end = content
        .iter()
        .position(|t| !(t.kind == Kind::Word || t.is_punct('-')))
        .unwrap_or(content.len())
        .min(5);
    let words = &content[..end];
    let is_name = lowercase_name(words);
    let offset = statement.label.len();
    // "ase: mbeck (Martina Beck)": the name in the aside is the fuller one.
    if is_name && content.get(end).is_some_and(|t| t.is_punct('(')) {
        let aside = people(&content[end + 1..], note);
        if let Some(p) = aside
            .into_iter()
            .find(|p| p.tokens.start == 0 && !p.name.starts_with('@'))
        {
            let at = offset + end + 1;
            return Some(Person {
                tokens: at..at + p.tokens.len(),
                name: p.name,
            });
        }
    }
    is_name.then(|| Person {
        tokens: offset..offset + end,
        name: name_text(words, note),
    })
}

/// A name under an ASE heading or label stands as the value: several words, a handle, or
/// one word followed by punctuation that is not the end of a sentence ("Jill (AMER)",
/// "Jill — EMEA"). "Unchanged." or "Stay with the assignee" are not names.
pub(super) fn stands_alone(tokens: &[Token], person: &Person) -> bool {
    if person.tokens.len() > 1 || person.name.starts_with('@') {
        return true;
    }
    match tokens.get(person.tokens.end) {
        None => tokens.len() == 1 || person.tokens.start > 0,
        Some(next) => {
            matches!(next.kind, Kind::Punct('(' | '-' | ',' | '/' | ':'))
                || next.kind == Kind::Handle
        }
    }
}

/// The statement is the value of an ASE topic: under "Who is the ASE?", "### ASE",
/// "| ASE | … |" or a title line naming the ASE(s), or a `Name:` line in an ASE section.
pub(super) fn value_of_ase_topic(statement: &Statement, note: &str) -> bool {
    if !ase_topic(&statement.context, note) {
        return false;
    }
    let last = last_part(&statement.context);
    let title = last.last().is_some_and(|t| t.is_punct(':'));
    // "Who is the ASE?", "Assigned SE", "ASE": the role (in one word or several) and
    // question words only.
    let roles = role_mentions(last, note);
    let who = last
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_wordlike())
        .all(|(i, t)| {
            roles.iter().any(|r| r.contains(&i)) || WHO_WORDS.contains(&t.lower.as_str())
        });
    let name_key = statement
        .label
        .iter()
        .any(|t| ["name", "who", "engineer", "person", "ase", "owner"].contains(&t.lower.as_str()));
    title || who || name_key
}

/// Words of a label or heading that asks who the ASE is.
const WHO_WORDS: &[&str] = &[
    "q",
    "question",
    "who's",
    "whos",
    "who",
    "is",
    "are",
    "the",
    "our",
    "their",
    "your",
    "this",
    "customer's",
    "'s",
    "name",
    "names",
    "named",
    "current",
    "primary",
    "assigned",
    "support",
    "engineer",
    "engineers",
    "for",
    "customer",
    "account",
    "org",
    "contact",
    "person",
    "ase",
    "ases",
    "a",
    "an",
    "of",
    "dedicated",
    "main",
];

/// The statement's context names the ASE role (an ASE heading, label or table row).
pub(crate) fn ase_topic(context: &[Token], note: &str) -> bool {
    let last = last_part(context);
    !role_mentions(last, note).is_empty() && !crate::note::ase_note::denies_ase(last)
}

/// The nearest part of a statement's inherited topic (its table row, question or title).
pub(crate) fn last_part(context: &[Token]) -> &[Token] {
    context
        .iter()
        .rposition(|t| t.is_punct('|'))
        .map_or(context, |p| &context[p + 1..])
}
