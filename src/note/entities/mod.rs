//! People, roles and regions in a note's statements.
//!
//! A person is a run of capitalised words (with particles, apostrophes, hyphens and
//! diacritics: "Maria van der Berg", "D'Arcy Whitlock", "Trần Thị Hoa") or a GitLab handle.
//! The ASE is a person the statement ties to the ASE role ("X is our ASE", "ASE: X", "the
//! ASE, X, …", "X (ASE)", "X looks after Acme as their ASE", or a name under an ASE heading,
//! label or table row), and not a former, backup or other role (CSM, TAM, AE, …). A region
//! word belongs to the ASE when the statement says so ("the AMER ASE", "Jill works from
//! Lisbon", "Region: EMEA"), to the customer when the customer is its subject ("an
//! EMEA-based customer", "their team works CET").

mod linking;
mod values;

use super::lexicon::ASE_UNDECIDED;
pub use super::names::{Person, all_tokens, people, role_mentions, same_person};
use super::statements::Statement;
use super::text::Token;
use linking::{
    after_role, before_role, coordinated, modifies_noun, not_current, other_role, qualified_role,
    successor,
};
pub(crate) use values::{ase_topic, last_part};
use values::{
    label_is_role, lowercase_after_is, lowercase_before_is, lowercase_value, stands_alone,
    value_of_ase_topic,
};

/// The people a statement names who are not tied to another role or the past: candidates
/// for the ASE when no statement ties anyone to the role.
pub fn plain_people(tokens: &[Token], note: &str) -> Vec<Person> {
    people(tokens, note)
        .into_iter()
        .filter(|p| {
            !other_role(tokens, p, note)
                && !not_current(
                    tokens,
                    p.tokens.start.saturating_sub(3)..(p.tokens.end + 3).min(tokens.len()),
                    Some(p),
                )
        })
        .collect()
}

/// The current ASEs a statement names, and whether it speaks of an ASE not named yet.
/// `affirmed`: the statement speaks of this organization's ASE, now
/// ([`super::ase_note::affirms_ase`]).
pub fn ase_people(
    statement: &Statement,
    tokens: &[Token],
    affirmed: bool,
    note: &str,
) -> (Vec<Person>, bool) {
    let label_key = statement
        .label
        .last()
        .is_some_and(|t| t.is_punct(':') || t.is_punct('='))
        && statement.label.iter().filter(|t| t.is_wordlike()).count() <= 3;
    let mut persons = people(tokens, note);
    if label_key {
        // `Location: Vienna`: a label is a key, not a person.
        persons.retain(|p| p.tokens.start >= statement.label.len() || p.name.starts_with('@'));
    }
    let mut found = Vec::new();
    let roles = role_mentions(tokens, note);
    for role in roles.iter().filter(|_| affirmed) {
        if qualified_role(tokens, role) || modifies_noun(tokens, role) {
            continue;
        }
        let person = after_role(tokens, role, &persons)
            .or_else(|| before_role(tokens, role, &persons))
            .map(|p| successor(tokens, p, &persons));
        if let Some(person) = person.filter(|p| !other_role(tokens, p, note)) {
            found.push(person.clone());
            found.extend(
                coordinated(tokens, person, &persons)
                    .into_iter()
                    .filter(|p| !other_role(tokens, p, note))
                    .cloned(),
            );
        }
    }
    if found.is_empty()
        && roles.is_empty()
        && value_of_ase_topic(statement, note)
        && !super::ase_note::denies_ase(tokens)
    {
        let short = tokens.iter().filter(|t| t.is_wordlike()).count() <= 8;
        // "- GitLab.com group `acme`: Lars-Erik Holmberg — EMEA, Oslo" under "Two ASEs:".
        let label_value =
            |p: &Person| p.tokens.start == statement.label.len() && p.tokens.len() > 1;
        if let Some(first) = persons.iter().find(|p| !other_role(tokens, p, note))
            && (short || first.tokens.start == 0 || label_value(first))
            && stands_alone(tokens, first)
            && !not_current(tokens, 0..tokens.len(), None)
        {
            found.push(first.clone());
        }
    }
    if found.is_empty() && affirmed && label_is_role(statement, note) {
        found.extend(lowercase_value(statement, note));
    }
    if found.is_empty() && affirmed {
        found.extend(
            lowercase_after_is(tokens, &roles, note)
                .or_else(|| lowercase_before_is(tokens, &roles, note)),
        );
    }
    if found.is_empty()
        && !roles.is_empty()
        && affirmed
        && statement.form == super::statements::Form::Cell
    {
        // The row's label: the nearest part of the context, or the one before it in a
        // table read down its columns (`| Name | Role |` over `| Arjun | primary ASE |`).
        let parts: Vec<&[Token]> = statement
            .context
            .split(|t| t.is_punct('|'))
            .filter(|part| !part.is_empty())
            .collect();
        for row_label in parts.iter().rev().take(2) {
            let label_people = people(row_label, note);
            if let Some(first) = label_people
                .iter()
                .find(|p| !other_role(row_label, p, note))
            {
                found.push(first.clone());
                break;
            }
        }
    }
    let undecided = found.is_empty()
        && (!roles.is_empty() || ase_topic(&statement.context, note))
        && ASE_UNDECIDED.is_match(tokens);
    found.dedup();
    (found, undecided)
}
