//! What a region word modifies: "AMER ASE" (the ASE's), "EMEA-based customer", "EMEA
//! engineers" (someone else's), "the EMEA day" (a time, nobody's place).

use super::Owner;
use crate::note::lexicon::{CUSTOMER, OTHER_PEOPLE};
use crate::note::names::{region_of, role_mentions};
use crate::note::text::{Kind, Token};

/// The noun a region word modifies: "AMER ASE" (the ASE's), "EMEA-based customer",
/// "EMEA engineers" (someone else's).
pub(super) fn modified_noun(tokens: &[Token], k: usize, note: &str) -> Option<Owner> {
    if regions_time(tokens, k) {
        return Some(Owner::Other);
    }
    let mut j = k + 1;
    while tokens.get(j).is_some_and(|t| {
        t.is_punct('-')
            || t.is_punct('/')
            || t.is_punct('&')
            || t.is("based")
            || t.is("region")
            || t.is("time")
            || t.is("timezone")
            || (t.kind == Kind::Word && region_of(t).is_some())
    }) {
        j += 1;
    }
    let next = tokens.get(j)?;
    if role_mentions(&tokens[j..(j + 3).min(tokens.len())], note)
        .first()
        .is_some_and(|r| r.start == 0)
    {
        return Some(Owner::Ase);
    }
    let rest = &tokens[j..(j + 1).min(tokens.len())];
    if CUSTOMER.is_match(rest) && !next.is("their") && !next.is("they") && !next.is("it") {
        return Some(Owner::Other);
    }
    if OTHER_PEOPLE.is_match(rest) {
        return Some(Owner::Other);
    }
    None
}

/// A region's working day as a time, not anyone's place: "tickets created in the EMEA
/// day", "before EMEA starts", "during AMER business hours". Not "works EMEA hours".
fn regions_time(tokens: &[Token], k: usize) -> bool {
    let mut j = k + 1;
    while tokens
        .get(j)
        .is_some_and(|t| t.is_punct('/') || t.is_punct('&') || region_of(t).is_some())
    {
        j += 1;
    }
    let time = tokens.get(j).is_some_and(|t| {
        [
            "day",
            "daytime",
            "days",
            "morning",
            "mornings",
            "afternoon",
            "evening",
            "night",
            "business",
            "starts",
            "start",
            "opens",
            "wakes",
            "ends",
            "closes",
        ]
        .contains(&t.lower.as_str())
    });
    // The word before the group of regions ("in the EMEA/AMER day").
    let before = tokens[..k]
        .iter()
        .rev()
        .find(|t| !(t.is("the") || t.is_punct('/') || t.is_punct('&') || region_of(t).is_some()));
    let when = before.is_some_and(|t| {
        [
            "in", "during", "before", "after", "until", "till", "when", "while", "once", "outside",
            "by", "as",
        ]
        .contains(&t.lower.as_str())
    });
    time && when
}
