//! The ASE's region: region words (codes, cities, countries, timezones) and whose they are.
//!
//! A region word belongs to the ASE when the statement says so ("the AMER ASE", "Jill
//! works from Lisbon", "Region: EMEA", "Priya (APAC)"), to someone else when the customer
//! or another team is its subject ("an EMEA-based customer", "their team works CET", "the
//! EMEA queue answers").

mod modifies;
mod words;

use std::ops::Range;

use super::entities::{ase_topic, last_part};
use super::lexicon::{CUSTOMER, OTHER_PEOPLE};
use super::names::{Person, lowercase_region_of, people, region_of, role_mentions, same_person};
use super::statements::Statement;
use super::text::{Kind, Token};
use modifies::modified_noun;
use words::region_word;

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
    // A statement written without capitals names its places in lowercase too.
    let uncapitalised = tokens.iter().skip(1).all(|t| !t.capitalised);
    for (k, token) in tokens.iter().enumerate() {
        let lowercase = || uncapitalised.then(|| lowercase_region_of(token)).flatten();
        let Some(region) = region_word(tokens, k).or_else(lowercase) else {
            continue;
        };
        if persons
            .iter()
            .any(|p| p.tokens.contains(&k) && p.tokens.len() > 1)
            && !after_location_word(tokens, k)
        {
            continue;
        }
        if undecided_place(tokens, k) {
            continue;
        }
        let owned = if topical {
            // In a sentence about hours, absence or emergencies, only a region said of the
            // ASE in a clause where no other team acts ("Inês works 08:00-16:00 Lisbon time").
            modified_noun(tokens, k, note) == Some(Owner::Ase)
                || owner(statement, tokens, k, &persons, &roles, ase_names, note) == Owner::Ase
                    && !others_act(tokens, k)
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

/// Someone else acts in the clause of token `k`: "EMEA/APAC answer", "the AMER queue
/// picks it up", "on-call handles".
fn others_act(tokens: &[Token], k: usize) -> bool {
    let clause = &tokens[clause_around(tokens, k)];
    OTHER_PEOPLE.is_match(clause)
        || clause.iter().any(|t| {
            [
                "on",
                "oncall",
                "duty",
                "region",
                "regions",
                "whoever",
                "anyone",
                "shift",
                "by",
                "handled",
                "covered",
                "answered",
                "then",
                "backup",
                "secondary",
                "deputy",
            ]
            .contains(&t.lower.as_str())
        })
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
    // The aside must follow the ASE's name or the role: "Priya (APAC)", "ASE (EMEA)".
    let after_ase = enclosing.and_then(|o| o.checked_sub(1)).is_some_and(|b| {
        let ase_cue_ends_at = |b: usize| {
            cues.iter().any(|(i, o)| {
                *o == Owner::Ase
                    && (*i == b
                        || persons
                            .iter()
                            .any(|p| p.tokens.start == *i && p.tokens.end == b + 1))
            })
        };
        // …or the ASE's place: "works from São Paulo (AMER team)", "Órla, EMEA (Cork)".
        let place_of_ase = (region_of(&tokens[b]).is_some() || tokens[b].capitalised)
            && cues
                .iter()
                .rev()
                .find(|(i, _)| *i < b)
                .is_some_and(|(_, o)| *o == Owner::Ase)
            && !CUSTOMER.is_match(&tokens[clause_around(tokens, b)]);
        // "Tomás is the ASE for Halcyon Media (LATAM)": the assignment's region.
        let ase_for = persons
            .iter()
            .find(|p| p.tokens.end == b + 1)
            .is_some_and(|p| {
                p.tokens.start >= 2
                    && tokens[p.tokens.start - 1].is("for")
                    && cues
                        .iter()
                        .any(|(i, o)| *o == Owner::Ase && *i + 1 == p.tokens.start - 1)
            });
        ase_cue_ends_at(b) || place_of_ase || ase_for
    });
    if let Some(aside) = aside
        && after_ase
        && !CUSTOMER.is_match(aside)
        && names_only_places(aside, note)
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
        // The nearest cue that is a subject ("Aoife … is a member of the EMEA team", not
        // "this customer and is a member …").
        let subject_before = cues
            .iter()
            .rev()
            .find(|(i, _)| *i < k && is_subject(tokens, *i, k));
        subject_before.or_else(|| {
            in_clause
                .iter()
                .rev()
                .find(|(i, _)| *i < k)
                .copied()
                .or(subject)
        })
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
    // "APAC/SG", "Cape Town" alone on a line of an ASE note: the ASE's place.
    let nearest = last_part(&statement.context);
    let bare_place = cues.is_empty()
        && tokens.iter().filter(|t| t.is_wordlike()).count() <= 4
        && tokens.iter().filter(|t| t.is_wordlike()).all(|t| {
            region_of(t).is_some()
                || t.capitalised
                || ["and", "or", "shift", "team", "time", "hours", "based", "sg"]
                    .contains(&t.lower.as_str())
        })
        && !CUSTOMER.is_match(tokens)
        && !CUSTOMER.is_match(nearest)
        && !super::lexicon::OTHER_ROLE.is_match(nearest);
    if bare_place {
        return Owner::Ase;
    }
    let describes_someone = tokens[..k]
        .iter()
        .any(|t| DESCRIBING.contains(&t.lower.as_str()));
    if cues.is_empty() && (describes_someone || ase_topic(&statement.context, note)) {
        return Owner::Ase;
    }
    cues.first().map_or(Owner::Other, |(_, o)| *o)
}

/// The capitalised runs of an aside are places ("Ho Chi Minh City, ICT"), not people.
fn names_only_places(aside: &[Token], note: &str) -> bool {
    people(aside, note).iter().all(|p| {
        p.tokens.clone().any(|i| region_word(aside, i).is_some())
            || aside.get(p.tokens.end).is_some_and(|t| t.is("city"))
    })
}

/// Verbs that place a person: a subjectless "Works Pacific time" in an ASE note.
const DESCRIBING: &[&str] = &[
    "works", "working", "based", "located", "sits", "sitting", "lives", "living", "resides",
    "covers", "member", "part",
];

/// True when the cue at `i` is followed, before `k` and within four words, by a verb
/// that makes it the subject of where someone is.
fn is_subject(tokens: &[Token], i: usize, k: usize) -> bool {
    // The cue's own words (a name's surname, "the customer's") come first.
    let mut rest = tokens[i + 1..k]
        .iter()
        .filter(|t| t.is_wordlike())
        .skip_while(|t| t.capitalised || t.is("'s"));
    rest.next()
        .is_some_and(|t| SUBJECT_VERBS.contains(&t.lower.as_str()))
}

const SUBJECT_VERBS: &[&str] = &[
    "is", "are", "'s", "was", "were", "works", "working", "sits", "sitting", "lives", "living",
    "based", "located", "covers", "joined", "who", "will", "sit", "live", "work", "resides",
    "stays", "operates",
];

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
        // "Santiago de Chile", "Ciudad de México": a place named with a particle.
        let place_with_particle = p.tokens.len() > 2
            && tokens[p.tokens.clone()]
                .iter()
                .any(|t| ["de", "del", "da", "do", "la"].contains(&t.lower.as_str()))
            && region_of(&tokens[p.tokens.end - 1]).is_some();
        touches(p.tokens.end)
            || p.tokens.start.checked_sub(1).is_some_and(touches)
            || tokens.get(p.tokens.end).is_some_and(|t| t.is("city"))
            || place_with_particle
    };
    // "@praman" in "Priya Raman (@praman)", "田中 春樹" in "TANAKA Haruki (田中 春樹)": the
    // person before the aside, not someone else (kept when it is the ASE's name as the
    // note writes it: "@mgarcia (Maria Garcia)").
    let aside_handle = |p: &Person| {
        let in_aside = p.tokens.start >= 2
            && tokens[p.tokens.start - 1].is_punct('(')
            && tokens.get(p.tokens.end).is_some_and(|t| t.is_punct(')'));
        let after_person = persons.iter().any(|o| o.tokens.end + 1 == p.tokens.start);
        in_aside && (p.name.starts_with('@') || after_person)
    };
    for person in persons.iter().filter(|p| !near_place(p)) {
        let is_ase = ase_names.iter().any(|n| same_person(n, &person.name));
        if aside_handle(person) && !is_ase {
            continue;
        }
        cues.push((
            person.tokens.start,
            if is_ase { Owner::Ase } else { Owner::Other },
        ));
    }
    for role in roles {
        cues.push((role.start, Owner::Ase));
    }
    for (i, t) in tokens.iter().enumerate() {
        let pronoun = [
            "she", "he", "her", "his", "him", "i", "i'm", "me", "my", "she's", "he's", "shes",
            "hes",
        ];
        if pronoun.contains(&t.lower.as_str()) {
            cues.push((i, Owner::Ase));
        }
    }
    for m in CUSTOMER.find_all(tokens) {
        cues.push((m.start, Owner::Other));
    }
    cues.sort_by_key(|(i, _)| *i);
    cues
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
    let words: Vec<&Token> = last.iter().filter(|t| t.is_wordlike()).collect();
    let topic = words.iter().enumerate().any(|(i, t)| {
        // "Note for the team:" addresses the team; it does not place anyone.
        let addressed = words[..i].iter().any(|w| w.is("for") || w.is("to"));
        [
            "region", "regions", "location", "located", "based", "base", "home", "timezone", "tz",
            "geo", "where", "zone", "team", "office", "city", "country", "shift", "hub", "lives",
            "sits",
        ]
        .contains(&t.lower.as_str())
            && !addressed
    });
    // "Hours: Mon–Fri 9–17 CET" in an ASE note: the ASE's hours (not "Out of hours").
    let hours_only = !last.is_empty()
        && last.iter().filter(|t| t.is_wordlike()).all(|t| {
            [
                "hours",
                "working",
                "schedule",
                "availability",
                "time",
                "times",
                "zone",
                "timezone",
                "her",
                "his",
                "their",
                "ase's",
                "'s",
                "ase",
            ]
            .contains(&t.lower.as_str())
        })
        && last
            .iter()
            .any(|t| ["hours", "schedule", "availability"].contains(&t.lower.as_str()));
    (topic || hours_only) && !CUSTOMER.is_match(last)
}
