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

use std::ops::Range;

use super::lexicon::{
    ASE_ROLE, ASE_UNDECIDED, CUSTOMER, NAME_PARTICLES, NOT_CURRENT, NOT_NAMES, OTHER_PEOPLE,
    OTHER_ROLE, REGION_CODES, REGION_WORDS, REGION_WORDS_CAPS_ONLY,
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
        if token.kind == Kind::Word && (capitals || label && raw != "Ase") {
            mentions.push(i..i + 1);
        }
    }
    mentions.sort_by_key(|r| r.start);
    mentions
}

/// The people named in `tokens`.
pub fn people(tokens: &[Token], note: &str) -> Vec<Person> {
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
        if !is_name_word(&tokens[i]) {
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

/// The word is in [`NOT_NAMES`].
fn not_a_name(token: &Token) -> bool {
    static SET: std::sync::LazyLock<super::text::WordSet> =
        std::sync::LazyLock::new(|| super::text::WordSet::new(NOT_NAMES.iter().copied()));
    SET.has(token)
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
                .any(|c| !c.is_ascii() && c.is_alphabetic() && !c.is_lowercase()))
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
        if (is_name_word(token) || short_last_part) && !tokens[end - 1].is_punct('-') {
            end += 1;
            words += 1;
        } else if NAME_PARTICLES.contains(&token.lower.as_str())
            && !token.capitalised
            && (1..=2).any(|k| tokens.get(end + k).is_some_and(is_name_word))
        {
            let k = (1..=2)
                .find(|k| tokens.get(end + k).is_some_and(is_name_word))
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

fn name_text(tokens: &[Token], note: &str) -> String {
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

/// How a person relates to the ASE role in one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// The person is the current ASE.
    Current,
    /// The statement speaks of an ASE to come (no one named yet).
    Undecided,
}

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

/// Words that tie a name after the role to it: "ASE: X", "the ASE is X", "ASE, X".
fn links_forward(token: &Token) -> bool {
    matches!(
        token.kind,
        Kind::Punct(':' | '=' | '-' | '(' | ',' | '>' | '\u{2192}')
    ) || [
        "is",
        "are",
        "will",
        "be",
        "remains",
        "now",
        "currently",
        "here",
        "also",
        "still",
        "named",
        "called",
    ]
    .contains(&token.lower.as_str())
}

/// Words after a name that tie it to a role named later: "X is the ASE", "X (ASE)",
/// "X, our ASE", "X covers Acme as ASE".
fn links_backward(token: &Token) -> bool {
    matches!(token.kind, Kind::Punct('(' | ',' | '-' | ':'))
        || [
            "is",
            "'s",
            "was",
            "will",
            "be",
            "been",
            "as",
            "became",
            "becomes",
            "remains",
            "remain",
            "acts",
            "serves",
            "covers",
            "looks",
            "took",
            "takes",
            "steps",
            "joined",
            "joins",
            "assigned",
            "named",
            "appointed",
            "now",
            "officially",
            "the",
            "our",
            "their",
            "your",
            "new",
            "current",
            "dedicated",
            "primary",
            "main",
        ]
        .contains(&token.lower.as_str())
}

const PREPOSITIONS: &[&str] = &[
    "for",
    "at",
    "with",
    "of",
    "to",
    "from",
    "by",
    "after",
    "than",
    "about",
    "on",
    "in",
    "replacing",
    "replaced",
    "succeeding",
    "succeeded",
    "like",
    "cc",
    "ping",
    "contact",
    "inform",
    "tell",
    "notify",
    "against",
];

/// The current ASEs a statement names, and whether it speaks of an ASE not named yet.
pub fn ase_people(statement: &Statement, tokens: &[Token], note: &str) -> (Vec<Person>, bool) {
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
    let affirmed = super::ase_note::affirms_ase(statement, note);
    for role in roles.iter().filter(|_| affirmed) {
        if qualified_role(tokens, role) || modifies_noun(tokens, role) {
            continue;
        }
        let person =
            after_role(tokens, role, &persons).or_else(|| before_role(tokens, role, &persons));
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
        if let Some(first) = persons.iter().find(|p| !other_role(tokens, p, note))
            && (short || first.tokens.start == 0)
            && stands_alone(tokens, first)
            && !not_current(tokens, 0..tokens.len(), None)
        {
            found.push(first.clone());
        }
    }
    if found.is_empty() && affirmed && label_is_role(statement, note) {
        found.extend(lowercase_value(statement, note));
    }
    if found.is_empty()
        && !roles.is_empty()
        && affirmed
        && statement.form == super::statements::Form::Cell
    {
        let row_label = last_part(&statement.context);
        let label_people = people(row_label, note);
        if let Some(first) = label_people
            .iter()
            .find(|p| !other_role(row_label, p, note))
        {
            found.push(first.clone());
        }
    }
    let undecided = found.is_empty()
        && (!roles.is_empty() || ase_topic(&statement.context, note))
        && ASE_UNDECIDED.is_match(tokens);
    found.dedup();
    (found, undecided)
}

/// The statement's label is the ASE role: `ase:`, `ASE =`, `Assigned Support Engineer:`.
fn label_is_role(statement: &Statement, note: &str) -> bool {
    let words: Vec<&Token> = statement.label.iter().filter(|t| t.is_wordlike()).collect();
    !words.is_empty()
        && !role_mentions(&statement.label, note).is_empty()
        && words.iter().all(|t| {
            role_mentions(std::slice::from_ref(*t), note).len() == 1
                || WHO_WORDS.contains(&t.lower.as_str())
        })
}

/// A name written in lowercase as the value of an ASE label ("ase: raj (apac)",
/// "ase: marie-claire, cet"): the first one to three words, up to punctuation.
fn lowercase_value(statement: &Statement, note: &str) -> Option<Person> {
    let content = &statement.content;
    let end = content
        .iter()
        .position(|t| !(t.kind == Kind::Word || t.is_punct('-')))
        .unwrap_or(content.len())
        .min(5);
    let words = &content[..end];
    let name_like = |t: &Token| {
        t.kind != Kind::Word
            || (t.lower.chars().all(|c| c.is_alphabetic() || c == '\'')
                && !not_a_name(t)
                && region_of(t).is_none()
                && !REGION_CODES.contains(&t.lower.as_str()))
    };
    let count = words.iter().filter(|t| t.kind == Kind::Word).count();
    let is_name = count > 0
        && count <= 3
        && words.iter().all(name_like)
        && !super::lexicon::DEFERRAL.is_match(words);
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
fn stands_alone(tokens: &[Token], person: &Person) -> bool {
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
fn value_of_ase_topic(statement: &Statement, note: &str) -> bool {
    if !ase_topic(&statement.context, note) {
        return false;
    }
    let last = last_part(&statement.context);
    let title = last.last().is_some_and(|t| t.is_punct(':'));
    let who = last.iter().filter(|t| t.is_wordlike()).all(|t| {
        role_mentions(std::slice::from_ref(t), note).len() == 1
            || WHO_WORDS.contains(&t.lower.as_str())
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
fn ase_topic(context: &[Token], note: &str) -> bool {
    let last = last_part(context);
    !role_mentions(last, note).is_empty() && !super::ase_note::denies_ase(last)
}

/// The nearest part of a statement's inherited topic (its table row, question or title).
fn last_part(context: &[Token]) -> &[Token] {
    context
        .iter()
        .rposition(|t| t.is_punct('|'))
        .map_or(context, |p| &context[p + 1..])
}

/// "ASE customer", "ASE contract", "ASE team": the role word describes something else.
fn modifies_noun(tokens: &[Token], role: &Range<usize>) -> bool {
    tokens.get(role.end).is_some_and(|t| {
        [
            "manager",
            "managers",
            "lead",
            "team",
            "program",
            "programme",
            "service",
            "services",
            "offering",
            "contract",
            "contracts",
            "subscription",
            "customer",
            "customers",
            "account",
            "accounts",
            "org",
            "orgs",
            "organization",
            "organisation",
            "organizations",
            "client",
            "clients",
            "workflow",
            "page",
            "process",
            "onboarding",
            "engagement",
            "tickets",
            "ticket",
            "queue",
            "group",
            "role",
            "coverage",
            "status",
            "units",
            "unit",
            "add",
            "product",
            "sku",
            "entitlement",
            "hours",
            "program",
            "channel",
            "handbook",
        ]
        .contains(&t.lower.as_str())
    })
}

/// "Backup ASE", "former ASE", "previous ASE": the role is not the current ASE's.
fn qualified_role(tokens: &[Token], role: &Range<usize>) -> bool {
    let before = role.start.saturating_sub(2)..role.start;
    tokens[before].iter().any(|t| {
        [
            "backup",
            "secondary",
            "deputy",
            "alternate",
            "fallback",
            "standby",
            "substitute",
            "former",
            "previous",
            "old",
            "ex",
            "outgoing",
            "prior",
            "past",
            "future",
            "next",
            "potential",
            "prospective",
            "no",
            "not",
            "without",
        ]
        .contains(&t.lower.as_str())
    })
}

/// The person named right after the role: "ASE: X", "the ASE for Acme is X", "ASE, X".
fn after_role<'p>(
    tokens: &[Token],
    role: &Range<usize>,
    persons: &'p [Person],
) -> Option<&'p Person> {
    let mut linked = false;
    let mut i = role.end;
    while i < tokens.len() && i < role.end + 12 {
        let token = &tokens[i];
        if matches!(token.kind, Kind::Punct('.' | ';' | '!' | '?')) {
            return None;
        }
        if let Some(person) = persons.iter().find(|p| p.tokens.start == i) {
            if linked || i == role.end {
                let window = role.end..(person.tokens.end + 4).min(tokens.len());
                return (!not_current(tokens, window, Some(person))).then_some(person);
            }
            i = person.tokens.end;
            continue;
        }
        if token.is("was") || token.is("were") {
            return None;
        }
        if token.is_punct('(') && i > role.end {
            // "Ketut is the ASE here (one name only, based in Denpasar)": an aside.
            i = skip_aside(tokens, i);
            continue;
        }
        linked |= links_forward(token);
        i += 1;
    }
    None
}

/// The subject of the clause that ends in the role: "X is the AMER ASE", "X (AMER ASE)",
/// "X looks after Acme as their ASE", skipping objects ("for Acme") and former holders.
fn before_role<'p>(
    tokens: &[Token],
    role: &Range<usize>,
    persons: &'p [Person],
) -> Option<&'p Person> {
    let clause_start = tokens[..role.start]
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Punct('.' | ';' | '!' | '?')))
        .map_or(0, |p| p + 1);
    let candidates = persons
        .iter()
        .filter(|p| p.tokens.start >= clause_start && p.tokens.end <= role.start);
    for person in candidates {
        let preceded = person.tokens.start.checked_sub(1).map(|p| &tokens[p]);
        let apposition = tokens[person.tokens.end..role.start].iter().all(|t| {
            !t.is_wordlike()
                || [
                    "the",
                    "our",
                    "their",
                    "your",
                    "its",
                    "a",
                    "an",
                    "current",
                    "new",
                    "dedicated",
                    "named",
                    "primary",
                ]
                .contains(&t.lower.as_str())
                || region_of(t).is_some()
        });
        if preceded.is_some_and(|t| PREPOSITIONS.contains(&t.lower.as_str())) && !apposition {
            continue;
        }
        if tokens.get(person.tokens.end).is_some_and(|t| t.is("'s"))
            && !tokens
                .get(person.tokens.end + 1)
                .is_some_and(|t| ["our", "the", "their", "now"].contains(&t.lower.as_str()))
        {
            continue;
        }
        let between = &tokens[person.tokens.end..role.start];
        let tied = between.first().is_some_and(links_backward)
            || between.iter().any(|t| {
                [
                    "is", "as", "'s", "be", "been", "became", "remains", "was", "are",
                ]
                .contains(&t.lower.as_str())
            });
        if !tied || between.iter().filter(|t| t.is_wordlike()).count() > 10 {
            continue;
        }
        let window = clause_start..(role.end + 4).min(tokens.len());
        if not_current(tokens, window, Some(person)) {
            continue;
        }
        return Some(person);
    }
    None
}

/// True when the words around a person (other people's names cut out, with the word that
/// introduces them: "from Bob", "replacing Bob") say the role is not theirs now.
fn not_current(tokens: &[Token], window: Range<usize>, person: Option<&Person>) -> bool {
    let people_in = people(&tokens[window.clone()], "");
    let mut kept: Vec<Token> = Vec::new();
    let mut i = window.start;
    while i < window.end {
        let other = people_in
            .iter()
            .find(|p| p.tokens.start + window.start == i);
        match other {
            Some(p) if person.is_none_or(|me| me.tokens.start != i) => {
                kept.pop();
                i = p.tokens.end + window.start;
            }
            _ => {
                kept.push(tokens[i].clone());
                i += 1;
            }
        }
    }
    NOT_CURRENT.is_match(&kept)
}

/// The person is tied to another role: "Dana (CSM)", "CSM: Dana", "Dana is their TAM",
/// "Backup: Bob".
fn other_role(tokens: &[Token], person: &Person, note: &str) -> bool {
    let before = person.tokens.start.saturating_sub(4)..person.tokens.start;
    let after = person.tokens.end..(person.tokens.end + 5).min(tokens.len());
    let touches = |range: Range<usize>, from_end: bool| {
        let part = &tokens[range];
        OTHER_ROLE.find_all(part).into_iter().any(|m| {
            let gap: &[Token] = if from_end {
                &part[m.end..]
            } else {
                &part[..m.start]
            };
            gap.iter().all(|t| {
                !t.is_wordlike()
                    || ["is", "the", "our", "their", "as", "a", "an", "from", "and"]
                        .contains(&t.lower.as_str())
            }) && !role_mentions(part, note)
                .iter()
                .any(|r| r.start < m.end && m.start < r.end)
        })
    };
    touches(before, true) || touches(after, false)
}

/// People listed right after `first`: "Ingrid Johansson (Stockholm) and Tomasz Zieliński".
fn coordinated<'p>(tokens: &[Token], first: &Person, persons: &'p [Person]) -> Vec<&'p Person> {
    let mut out = Vec::new();
    let mut i = first.tokens.end;
    loop {
        i = skip_aside(tokens, i);
        let joined = tokens
            .get(i)
            .is_some_and(|t| t.is("and") || t.is("&") || t.is_punct('&') || t.is_punct('/'));
        if !joined {
            return out;
        }
        match persons.iter().find(|p| p.tokens.start == i + 1) {
            Some(next) => {
                out.push(next);
                i = next.tokens.end;
            }
            None => return out,
        }
    }
}

/// The index after a parenthesised aside starting at `i` (or `i`).
fn skip_aside(tokens: &[Token], i: usize) -> usize {
    if !tokens.get(i).is_some_and(|t| t.is_punct('(')) {
        return i;
    }
    tokens[i..]
        .iter()
        .position(|t| t.is_punct(')'))
        .map_or(i, |p| i + p + 1)
}

/// Who a region word in a statement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Ase,
    Other,
}

/// The regions a statement gives the ASE: `(region, token index)`.
pub fn ase_regions(
    statement: &Statement,
    tokens: &[Token],
    note: &str,
    ase_names: &[String],
    topical: bool,
) -> Vec<&'static str> {
    let persons = people(tokens, note);
    let roles = role_mentions(tokens, note);
    let mut out = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        let Some(region) = region_word(tokens, k) else {
            continue;
        };
        if persons
            .iter()
            .any(|p| p.tokens.contains(&k) && p.tokens.len() > 1)
            && !after_location_word(tokens, k)
        {
            continue;
        }
        let _ = token;
        if undecided_place(tokens, k) {
            continue;
        }
        let owned = if topical {
            modified_noun(tokens, k, note) == Some(Owner::Ase)
        } else {
            owner(statement, tokens, k, &persons, &roles, ase_names, note) == Owner::Ase
        };
        if owned {
            out.push(region);
        }
    }
    out
}

/// "(most likely someone from EMEA, TBC)": the region itself is not decided yet. The scope
/// is the parenthesis around the region, else its clause.
fn undecided_place(tokens: &[Token], k: usize) -> bool {
    let open = tokens[..k]
        .iter()
        .rposition(|t| t.is_punct('(') || t.is_punct(')'));
    let scope = match open {
        Some(o) if tokens[o].is_punct('(') => {
            let close = tokens[k..]
                .iter()
                .position(|t| t.is_punct(')'))
                .map_or(tokens.len(), |p| k + p);
            o + 1..close
        }
        _ => clause_around(tokens, k),
    };
    let part = &tokens[scope];
    super::lexicon::DEFERRAL.is_match(part)
        || part.iter().any(|t| {
            [
                "likely",
                "probably",
                "possibly",
                "maybe",
                "perhaps",
                "tentatively",
                "hopefully",
                "ideally",
                "prefer",
                "preferably",
            ]
            .contains(&t.lower.as_str())
        })
}

/// The region of token `k`, reading two-word names ("Pacific time" is AMER, "Middle East"
/// and "South Africa" EMEA, "New Zealand" APAC).
fn region_word(tokens: &[Token], k: usize) -> Option<&'static str> {
    let token = &tokens[k];
    let next = tokens.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
    let prev = k
        .checked_sub(1)
        .map(|p| tokens[p].lower.as_str())
        .unwrap_or("");
    if token.is("pacific")
        && ["time", "standard", "daylight", "coast", "northwest", "tz"].contains(&next)
    {
        return Some("AMER");
    }
    if ["eastern", "central", "mountain"].contains(&token.lower.as_str())
        && token.capitalised
        && ["time", "standard", "tz"].contains(&next)
    {
        return Some("AMER");
    }
    if token.is("east") && prev == "middle" {
        return Some("EMEA");
    }
    region_of(token)
}

fn after_location_word(tokens: &[Token], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|p| {
        ["in", "from", "near", "of", "based", "located", "at"].contains(&tokens[p].lower.as_str())
    })
}

/// Decides whose region token `k` is.
fn owner(
    statement: &Statement,
    tokens: &[Token],
    k: usize,
    persons: &[Person],
    roles: &[Range<usize>],
    ase_names: &[String],
    note: &str,
) -> Owner {
    let cues = cues(tokens, k, persons, roles, ase_names);
    let enclosing = tokens[..k]
        .iter()
        .rposition(|t| t.is_punct('(') || t.is_punct(')'))
        .filter(|&o| tokens[o].is_punct('('));
    let aside = enclosing.map(|o| {
        let close = tokens[k..]
            .iter()
            .position(|t| t.is_punct(')'))
            .map_or(tokens.len(), |p| k + p);
        &tokens[o + 1..close]
    });
    if let Some(aside) = aside
        && cues.iter().any(|(_, o)| *o == Owner::Ase)
        && !CUSTOMER.is_match(aside)
        && people(aside, note).is_empty()
    {
        // "Tomás is the ASE for Halcyon Media (LATAM)", "Priya is the ASE here (APAC)".
        return Owner::Ase;
    }
    if let Some(owner) = modified_noun(tokens, k, note) {
        return owner;
    }
    let value_of_region_label =
        region_topic(&statement.label, note) || region_topic(last_part(&statement.context), note);
    if value_of_region_label {
        let customer =
            cues.iter().any(|(_, o)| *o == Owner::Other) && CUSTOMER.is_match(&statement.content);
        return if customer { Owner::Other } else { Owner::Ase };
    }
    let before = tokens[..k].iter().rev().find(|t| {
        ![
            "north", "south", "latin", "central", "western", "eastern", "northern", "southern",
            "the", "-",
        ]
        .contains(&t.lower.as_str())
    });
    let located = before.is_some_and(|t| {
        ["in", "from", "of", "within", "at", "near", "out", "on"].contains(&t.lower.as_str())
    });
    let clause = clause_around(tokens, k);
    let in_clause: Vec<&(usize, Owner)> = cues.iter().filter(|(i, _)| clause.contains(i)).collect();
    let nearest_before = cues.iter().rev().find(|(i, _)| *i < k);
    let pick = if located {
        // "works from Lisbon", "based in Sydney": the clause's subject.
        // A relative clause ("…, who is based in Sydney") is about the noun before it;
        // a bare phrase (", from AMER") about the sentence's subject.
        let relative = tokens.get(clause.start).is_some_and(|t| {
            ["who", "which", "that", "whose", "and", "so"].contains(&t.lower.as_str())
        });
        // Without a subject of its own, a place belongs to the ASE when the sentence
        // speaks of the ASE before it ("Jill covers Contoso, an EMEA customer, from AMER").
        let ase_before = cues.iter().find(|(i, o)| *i < k && *o == Owner::Ase);
        let subject = if relative {
            nearest_before
        } else {
            ase_before.or_else(|| cues.iter().find(|(i, _)| *i < k))
        };
        in_clause
            .iter()
            .rev()
            .find(|(i, _)| *i < k)
            .copied()
            .or(subject)
    } else {
        in_clause
            .iter()
            .rev()
            .find(|(i, _)| *i < k)
            .copied()
            .or_else(|| in_clause.iter().find(|(i, _)| *i > k).copied())
            .or(nearest_before)
    };
    if let Some((_, owner)) = pick {
        return *owner;
    }
    let describes_someone = tokens[..k]
        .iter()
        .any(|t| DESCRIBING.contains(&t.lower.as_str()));
    if cues.is_empty() && (describes_someone || ase_topic(&statement.context, note)) {
        return Owner::Ase;
    }
    cues.first().map_or(Owner::Other, |(_, o)| *o)
}

/// Verbs that place a person: a subjectless "Works Pacific time" in an ASE note.
const DESCRIBING: &[&str] = &[
    "works", "working", "based", "located", "sits", "sitting", "lives", "living", "resides",
    "covers", "member", "part",
];

/// The noun a region word modifies: "AMER ASE" (the ASE's), "EMEA-based customer",
/// "EMEA engineers" (someone else's).
fn modified_noun(tokens: &[Token], k: usize, note: &str) -> Option<Owner> {
    let mut j = k + 1;
    while tokens.get(j).is_some_and(|t| {
        t.is_punct('-')
            || t.is("based")
            || t.is("region")
            || t.is("time")
            || t.is("timezone")
            || (t.kind == Kind::Word && region_of(t).is_some())
    }) {
        j += 1;
    }
    let next = tokens.get(j)?;
    if !role_mentions(&tokens[j..(j + 3).min(tokens.len())], note)
        .first()
        .is_none_or(|r| r.start != 0)
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

/// Who the statement speaks of, in order: ASE names, the ASE role, she/he (the ASE) and
/// the customer's words; other named people count as someone else.
fn cues(
    tokens: &[Token],
    k: usize,
    persons: &[Person],
    roles: &[Range<usize>],
    ase_names: &[String],
) -> Vec<(usize, Owner)> {
    let mut cues = Vec::new();
    // "São Paulo", "Ho Chi Minh City": capitalised words beside a place are the place.
    let near_place = |p: &Person| {
        let touches = |i: usize| tokens.get(i).is_some_and(|t| region_of(t).is_some()) || i == k;
        touches(p.tokens.end)
            || p.tokens.start.checked_sub(1).is_some_and(touches)
            || tokens.get(p.tokens.end).is_some_and(|t| t.is("city"))
    };
    // "@praman" in "Priya Raman (@praman)" is Priya, not someone else.
    let aside_handle = |p: &Person| {
        p.name.starts_with('@') && p.tokens.start >= 2 && tokens[p.tokens.start - 1].is_punct('(')
    };
    for person in persons
        .iter()
        .filter(|p| !near_place(p) && !aside_handle(p))
    {
        let is_ase = ase_names.iter().any(|n| same_person(n, &person.name));
        cues.push((
            person.tokens.start,
            if is_ase { Owner::Ase } else { Owner::Other },
        ));
    }
    for role in roles {
        cues.push((role.start, Owner::Ase));
    }
    for (i, t) in tokens.iter().enumerate() {
        if ["she", "he", "her", "his", "him", "i", "i'm", "me", "my"].contains(&t.lower.as_str()) {
            cues.push((i, Owner::Ase));
        }
    }
    for m in CUSTOMER.find_all(tokens) {
        cues.push((m.start, Owner::Other));
    }
    cues.sort_by_key(|(i, _)| *i);
    cues
}

/// True when two written names are the same person: equal, or one is the other's first
/// name or handle.
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let first = |s: &str| s.split_whitespace().next().unwrap_or("").to_owned();
    a == b
        || first(&a) == b
        || first(&b) == a
        || (first(&a) == first(&b) && !first(&a).starts_with('@'))
}

fn clause_around(tokens: &[Token], k: usize) -> Range<usize> {
    let stop = |t: &Token| matches!(t.kind, Kind::Punct('.' | ';' | '!' | '?' | ','));
    let start = tokens[..k].iter().rposition(stop).map_or(0, |p| p + 1);
    let end = tokens[k..]
        .iter()
        .position(stop)
        .map_or(tokens.len(), |p| k + p);
    start..end
}

/// The words name the ASE's region or location ("Region", "Location", "Based in", "Time
/// zone") and not the customer's.
fn region_topic(tokens: &[Token], _note: &str) -> bool {
    let last = last_part(tokens);
    let topic = last.iter().any(|t| {
        [
            "region", "regions", "location", "located", "based", "base", "home", "timezone", "tz",
            "geo", "where", "zone", "team", "office", "city", "country", "shift", "hub", "lives",
            "sits",
        ]
        .contains(&t.lower.as_str())
    });
    topic && !CUSTOMER.is_match(last)
}
