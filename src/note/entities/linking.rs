//! How a person is tied to the role in a statement: named right after it ("ASE: X", "the
//! ASE is X") or as the subject of the clause that ends in it ("X is our ASE"), handed to
//! ("Greg → Aroha"), listed with others ("X and Y"), and not a former holder or another
//! role (CSM, TAM, backup).

use std::ops::Range;

use crate::note::lexicon::{NOT_CURRENT, OTHER_ROLE};
use crate::note::names::{Person, people, region_of, role_mentions};
use crate::note::text::{Kind, Token};

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

/// "ASE customer", "ASE contract", "ASE team": the role word describes something else.
pub(super) fn modifies_noun(tokens: &[Token], role: &Range<usize>) -> bool {
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
pub(super) fn qualified_role(tokens: &[Token], role: &Range<usize>) -> bool {
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
pub(super) fn after_role<'p>(
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
pub(super) fn before_role<'p>(
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
                    // "Hi, I'm Thandiwe Dlamini and I'm the ASE for …"
                    "i'm", "am",
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
pub(super) fn not_current(tokens: &[Token], window: Range<usize>, person: Option<&Person>) -> bool {
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
pub(super) fn other_role(tokens: &[Token], person: &Person, note: &str) -> bool {
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
pub(super) fn successor<'p>(
    tokens: &[Token],
    person: &'p Person,
    persons: &'p [Person],
) -> &'p Person {
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
pub(super) fn coordinated<'p>(
    tokens: &[Token],
    first: &Person,
    persons: &'p [Person],
) -> Vec<&'p Person> {
    let mut out = Vec::new();
    let mut i = first.tokens.end;
    loop {
        i = skip_place(tokens, skip_aside(tokens, i));
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

/// The index after a place said of the person before it ("in Vienna", "from São Paulo"),
/// or `i` when none starts there: "Lukas Oberhuber in Vienna and Mei-Ling Chua".
fn skip_place(tokens: &[Token], i: usize) -> usize {
    let located = tokens
        .get(i)
        .is_some_and(|t| ["in", "from", "at"].contains(&t.lower.as_str()));
    if !located {
        return i;
    }
    let place = tokens[i + 1..]
        .iter()
        .take_while(|t| t.kind == Kind::Word && t.capitalised)
        .count();
    if place == 0 { i } else { i + 1 + place }
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
