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

use super::lexicon::REGION_CODES;
use super::lexicon::{ASE_UNDECIDED, NOT_CURRENT, OTHER_ROLE};
pub use super::names::{Person, all_tokens, people, role_mentions, same_person};
use super::names::{name_text, not_a_name, region_of};
use super::statements::Statement;
use super::text::{Kind, Token};

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
        found.extend(lowercase_after_is(tokens, &roles, note));
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
        && !super::lexicon::DEFERRAL.is_match(words)
}

/// "ase for this org is kamal hossain (dhaka, apac)": a lowercase name after "is", up to
/// the next punctuation, in a statement that opens with the role.
fn lowercase_after_is(tokens: &[Token], roles: &[Range<usize>], note: &str) -> Option<Person> {
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

fn lowercase_value(statement: &Statement, note: &str) -> Option<Person> {
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
pub(crate) fn ase_topic(context: &[Token], note: &str) -> bool {
    let last = last_part(context);
    !role_mentions(last, note).is_empty() && !super::ase_note::denies_ase(last)
}

/// The nearest part of a statement's inherited topic (its table row, question or title).
pub(crate) fn last_part(context: &[Token]) -> &[Token] {
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
    // "ASE .......... Robert": dotted leaders are a label's separator.
    let dots = tokens[i..].iter().take_while(|t| t.is_punct('.')).count();
    if dots >= 2 {
        i += dots;
        linked = true;
    }
    let limit = i + 12;
    while i < tokens.len() && i < limit {
        let token = &tokens[i];
        if matches!(token.kind, Kind::Punct(';' | '!' | '?')) || ends_sentence(tokens, i) {
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
    let clause_start = (0..role.start)
        .rev()
        .find(|&i| {
            matches!(tokens[i].kind, Kind::Punct(';' | '!' | '?')) || ends_sentence(tokens, i)
        })
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

/// True when the `.` at `i` ends a sentence: not after an initial ("Anna K. Lindqvist") or
/// a title ("Ms. Chen Wei", "Dr. Patel").
fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    tokens[i].is_punct('.')
        && !i.checked_sub(1).is_some_and(|p| {
            let before = &tokens[p];
            before.kind == Kind::Word
                && (before.lower.chars().count() == 1 && before.capitalised
                    || ["mr", "mrs", "ms", "dr", "prof", "st", "mx"]
                        .contains(&before.lower.as_str()))
        })
}

/// "ASE change: Greg Olsen → Aroha Ngata", "from Greg to Aroha": the person handed to.
fn successor<'p>(tokens: &[Token], person: &'p Person, persons: &'p [Person]) -> &'p Person {
    let mut i = person.tokens.end;
    while tokens.get(i).is_some_and(|t| {
        t.is_punct('-')
            || t.is_punct('>')
            || t.is_punct('=')
            || t.is_punct('\u{2192}')
            || t.is("to")
    }) {
        i += 1;
    }
    let between = &tokens[person.tokens.end..i];
    let arrow = between.iter().any(|t| !t.is_punct('-')) || between.len() > 1;
    match persons.iter().find(|p| p.tokens.start == i) {
        Some(next) if arrow => next,
        _ => person,
    }
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

/// The index after a parenthesised aside starting at `i` (or `i` when none starts there).
/// An aside never closed ("hired (est. Q3" split at the dot) ends after its `(`, so a
/// caller's loop always moves on.
fn skip_aside(tokens: &[Token], i: usize) -> usize {
    if !tokens.get(i).is_some_and(|t| t.is_punct('(')) {
        return i;
    }
    tokens[i..]
        .iter()
        .position(|t| t.is_punct(')'))
        .map_or(i + 1, |p| i + p + 1)
}
