//! People in a note's words: names of every shape, handles, and where the ASE role is
//! mentioned.
//!
//! A person is a run of capitalised words with particles, apostrophes, hyphens, diacritics
//! and middle initials ("Maria van der Berg", "D'Arcy Whitlock", "Trần Thị Hoa", "Laura M.
//! Castillo"), or a GitLab handle. A lone place name ("Sydney") is a place.

use std::ops::Range;

use super::lexicon::{
    ASE_ROLE, NAME_PARTICLES, NOT_NAMES, ORGANIZATION_WORDS, REGION_CODES, REGION_WORDS,
    REGION_WORDS_CAPS_ONLY,
};
use super::statements::Statement;
use super::text::{Kind, Token};

/// A person named in a statement: token indexes into the statement's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub tokens: Range<usize>,
    /// The name as written (a handle keeps its `@`).
    pub name: String,
}

/// The statement's tokens, label first.
pub fn all_tokens(statement: &Statement) -> Vec<Token> {
    statement.tokens().cloned().collect()
}

/// Where the ASE role is mentioned: "ASE" in capitals, "Assigned Support Engineer",
/// "assigned engineer".
pub fn role_mentions(tokens: &[Token], note: &str) -> Vec<Range<usize>> {
    let mut mentions = ASE_ROLE.find_all(tokens);
    for (i, token) in tokens.iter().enumerate() {
        let raw = token.raw(note);
        let capitals = matches!(raw, "ASE" | "ASEs" | "ASES");
        // `ase: @mbeck` — a lowercase label is still the role.
        let label = token.lower == "ase"
            && i == 0
            && tokens.get(1).is_some_and(|t| {
                matches!(t.kind, Kind::Punct(':' | '=')) || t.is_wordlike() && tokens.len() > 1
            });
        // "dana kowalski is the ase here": lowercase after a determiner.
        let determined = token.lower == "ase"
            && raw == "ase"
            && i > 0
            && [
                "the", "our", "their", "your", "an", "a", "its", "her", "his",
            ]
            .contains(&tokens[i - 1].lower.as_str());
        if token.kind == Kind::Word && (capitals || determined || label && raw != "Ase") {
            mentions.push(i..i + 1);
        }
    }
    mentions.sort_by_key(|r| r.start);
    mentions
}

/// The people named in `tokens`.
pub fn people(tokens: &[Token], note: &str) -> Vec<Person> {
    let mut names = proper_names(tokens, note);
    // "Okafor Pharma" is the customer.
    names.retain(|p| {
        p.tokens.len() < 2 || !ORGANIZATION_WORDS.contains(&tokens[p.tokens.end - 1].lower.as_str())
    });
    names
}

/// Runs of capitalised words and handles that name someone or something: people and
/// organizations ("Okafor Pharma").
pub fn proper_names(tokens: &[Token], note: &str) -> Vec<Person> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind == Kind::Handle {
            out.push(Person {
                tokens: i..i + 1,
                name: tokens[i].raw(note).to_owned(),
            });
            i += 1;
            continue;
        }
        if !is_name_word(&tokens[i]) && !family_name_in_capitals(tokens, i) {
            i += 1;
            continue;
        }
        let end = name_end(tokens, i);
        // A lone place name ("Sydney", "London") is a place, not a person.
        if end > i + 1 || region_of(&tokens[i]).is_none() {
            let name = name_text(&tokens[i..end], note);
            out.push(Person {
                tokens: i..end,
                name,
            });
        }
        i = end;
    }
    out
}

/// A quoted name word followed by the rest of the name: `"Bobby" Kowalczyk`.
fn nickname_at(tokens: &[Token], at: usize) -> bool {
    let quote = |t: &Token| t.is_punct('"') || t.is_punct('\u{201c}') || t.is_punct('\u{201d}');
    tokens.get(at).is_some_and(quote)
        && tokens.get(at + 1).is_some_and(is_name_word)
        && tokens.get(at + 2).is_some_and(quote)
        && tokens.get(at + 3).is_some_and(is_name_word)
}

/// The word is in [`NOT_NAMES`].
pub(crate) fn not_a_name(token: &Token) -> bool {
    static SET: std::sync::LazyLock<super::text::WordSet> =
        std::sync::LazyLock::new(|| super::text::WordSet::new(NOT_NAMES.iter().copied()));
    SET.has(token)
}

/// A word after a particle: a name word, or a place name used as a surname ("Fernández
/// de Córdoba").
fn surname_word(token: &Token) -> bool {
    is_name_word(token) || token.capitalised && !token.all_caps && region_of(token).is_some()
}

/// "TANAKA Hiroshi": a family name in capitals before a given name.
fn family_name_in_capitals(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    token.kind == Kind::Word
        && token.all_caps
        && token.lower.chars().count() >= 3
        && token.lower.chars().all(char::is_alphabetic)
        && !not_a_name(token)
        && region_of(token).is_none()
        && !matches!(
            token.lower.as_str(),
            "ase"
                | "ases"
                | "csm"
                | "tam"
                | "sev"
                | "pto"
                | "ooo"
                | "cet"
                | "utc"
                | "gmt"
                | "api"
                | "sla"
                | "sre"
                | "fyi"
                | "tbd"
                | "tbc"
                | "n/a"
                | "url"
        )
        && tokens
            .get(i + 1)
            .is_some_and(|t| is_name_word(t) && t.span.start.saturating_sub(token.span.end) <= 1)
}

/// A capitalised word that can be part of a name.
fn is_name_word(token: &Token) -> bool {
    token.kind == Kind::Word
        && token.capitalised
        && !token.all_caps
        && !token.lower.starts_with(|c: char| c.is_ascii_digit())
        && !not_a_name(token)
        && region_of(token).is_none()
        && !(token.lower.chars().any(|c| c.is_ascii_alphabetic())
            && token
                .lower
                .chars()
                .any(|c| u32::from(c) >= 0x2E80 && c.is_alphabetic()))
}

/// Short words never part of a name, even at the end of one.
const NOT_NAMES_EVER: &[&str] = &[
    "the", "and", "for", "is", "are", "was", "our", "its", "has", "not", "but", "who", "via",
    "per", "any", "all", "see", "ase", "cc", "to", "in", "on", "at", "by", "or", "if", "as", "so",
    "we", "he", "she", "it", "of",
];

/// Honorifics joined to a name by a hyphen ("Hoa-san"): not part of it.
const HONORIFICS: &[&str] = &[
    "san", "sama", "kun", "chan", "sensei", "ji", "ssi", "nim", "sahib",
];

/// Where the name starting at `start` ends: more capitalised words, hyphenated parts and
/// particles between them, five words at most.
fn name_end(tokens: &[Token], start: usize) -> usize {
    let mut end = start + 1;
    let mut words = 1;
    while end < tokens.len() && words < 5 {
        let token = &tokens[end];
        let adjacent = tokens[end - 1].span.end == token.span.start;
        if token.is_punct('-') && adjacent {
            match tokens.get(end + 1) {
                Some(next)
                    if next.kind == Kind::Word
                        && next.span.start == token.span.end
                        && next.lower.chars().all(char::is_alphabetic)
                        && !HONORIFICS.contains(&next.lower.as_str()) =>
                {
                    end += 2;
                    words += 1;
                    continue;
                }
                _ => break,
            }
        }
        // `Robert "Bobby" Kowalczyk`: a nickname in quotes between the parts of a name.
        if nickname_at(tokens, end) {
            end += 4;
            words += 2;
            continue;
        }
        // "Laura M. Castillo": a middle initial with its dot.
        let initial = token.kind == Kind::Word
            && token.capitalised
            && token.lower.chars().count() == 1
            && tokens.get(end + 1).is_some_and(|t| t.is_punct('.'))
            && tokens.get(end + 2).is_some_and(is_name_word);
        if initial {
            end += 3;
            words += 2;
            continue;
        }
        let short_last_part = token.kind == Kind::Word
            && token.capitalised
            && !token.all_caps
            && !NOT_NAMES_EVER.contains(&token.lower.as_str())
            && token.lower.chars().count() <= 3
            && adjacent_to_previous(tokens, end)
            && tokens.get(end + 1).is_none_or(|t| !t.is_wordlike());
        // "Đặng Thu Hà": a word that is nobody's name alone ("Thu") inside a name.
        let inside_name = token.kind == Kind::Word
            && token.capitalised
            && !token.all_caps
            && not_a_name(token)
            && adjacent_to_previous(tokens, end)
            && tokens
                .get(end + 1)
                .is_some_and(|t| is_name_word(t) && adjacent_to_previous(tokens, end + 1));
        if (is_name_word(token) || short_last_part || inside_name) && !tokens[end - 1].is_punct('-')
        {
            end += 1;
            words += 1;
        } else if NAME_PARTICLES.contains(&token.lower.as_str())
            && !token.capitalised
            && (1..=2).any(|k| tokens.get(end + k).is_some_and(surname_word))
        {
            let k = (1..=2)
                .find(|k| tokens.get(end + k).is_some_and(surname_word))
                .unwrap_or(1);
            if !tokens[end..end + k]
                .iter()
                .all(|t| NAME_PARTICLES.contains(&t.lower.as_str()) || t.is_punct('-'))
            {
                break;
            }
            end += k + 1;
            words += 1;
        } else {
            break;
        }
    }
    end
}

/// Only one space between this token and the one before (a name's words are not split by
/// punctuation).
fn adjacent_to_previous(tokens: &[Token], at: usize) -> bool {
    at > 0
        && tokens[at]
            .span
            .start
            .saturating_sub(tokens[at - 1].span.end)
            <= 1
}

pub(crate) fn name_text(tokens: &[Token], note: &str) -> String {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return String::new();
    };
    let raw = note.get(first.span.start..last.span.end).unwrap_or("");
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The region of a word, by its key (a sorted index of [`REGION_WORDS`]).
fn region_index(key: u64) -> Option<&'static str> {
    static INDEX: std::sync::LazyLock<Vec<(u64, &'static str)>> = std::sync::LazyLock::new(|| {
        let mut index: Vec<(u64, &'static str)> = REGION_WORDS
            .iter()
            .map(|(w, r)| (super::text::word_key(w), *r))
            .collect();
        index.sort_unstable_by_key(|(k, _)| *k);
        index
    });
    let at = INDEX.binary_search_by_key(&key, |(k, _)| *k).ok()?;
    Some(INDEX[at].1)
}

/// The region a lowercase place names in text written without capitals ("he's apac /
/// singapore", "jakarta, wib"): any region word but those that are other words in
/// lowercase ("us", "west", "pt").
pub fn lowercase_region_of(token: &Token) -> Option<&'static str> {
    let lowercase_word = token.kind == Kind::Word && !token.capitalised;
    if !lowercase_word || REGION_WORDS_CAPS_ONLY.contains(&token.lower.as_str()) {
        return None;
    }
    region_index(token.key)
}

/// The region a word names (AMER, EMEA or APAC), if any.
pub fn region_of(token: &Token) -> Option<&'static str> {
    if token.kind != Kind::Word {
        return None;
    }
    let region = region_index(token.key)?;
    if REGION_CODES.contains(&token.lower.as_str()) {
        let titlecase = token.capitalised && !token.all_caps;
        return (!titlecase || token.lower != "amer").then_some(region);
    }
    let caps_only = REGION_WORDS_CAPS_ONLY.contains(&token.lower.as_str());
    if caps_only && !token.all_caps {
        return None;
    }
    if !caps_only && !token.capitalised {
        return None;
    }
    Some(region)
}

/// True when two written names are the same person: equal, or one is the other's first
/// name or handle.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let first = |s: &str| s.split_whitespace().next().unwrap_or("").to_owned();
    // A one-word name is any word of a longer one: "Sai" in "Venkata Sai Lakshmi
    // Narayanan (goes by Sai)".
    let word_of = |one: &str, full: &str| {
        !one.contains(' ') && !one.starts_with('@') && full.split_whitespace().any(|w| w == one)
    };
    a == b
        || first(&a) == b
        || first(&b) == a
        || (first(&a) == first(&b) && !first(&a).starts_with('@'))
        || word_of(&a, &b)
        || word_of(&b, &a)
}
