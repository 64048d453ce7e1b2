//! Is this an ASE note? A note is one when a statement says the organization has an ASE
//! now: it names the ASE, or speaks of the ASE role without denying it.
//!
//! Mentions that do not make an ASE note: denials ("no ASE", "does not have an ASE", "ASE:
//! none"), sales talk ("evaluating the ASE add-on", "asked about ASE pricing"), the past
//! ("the ASE engagement ended", "former ASE account"), refusals ("their ASE request was
//! declined"), another organization's ASE ("the parent company has an ASE"), questions
//! ("Do they have an ASE?") and "ASE" spelled out as something else ("ASE (Advanced Search
//! Engine)").

use std::sync::LazyLock;

use super::names::role_mentions;
use super::phrase::PhraseSet;
use super::statements::Statement;
use super::text::{Kind, Token};
use clause::{clause_of, without_names};

mod clause;

/// Why an ASE mention does not make an ASE note.
static NOT_THIS_ASE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            // Sales talk and the future that may not come.
            "evaluat*|consider*|interest*|pricing|price|prices|priced|quote|quotes|quoted|quoting|proposal|proposed|pitch*|upsell*|trial|demo|inquir*|enquir*|prospect*|potential*|explor*|cost|costs|budget|budgeting|opportunity|negotiat*|discuss*|trial*|pilot*|request*|wants|wanted|want|upgrade",
            "would like|love|prefer",
            "don't|doesn't|didn't|do|does|did ?not have|has|had ~1 one|any",
            "was|were ?the|their|our|an|a ase|ases",
            "asked|asks|asking|enquired|inquired|wondering|wondered|wonders ~2 about|for|regarding|if|whether",
            "not|n't|never ~2 cover|covers|covered|include|includes|included|apply|applies|extend|extends",
            "dropped|drop|drops|downgraded|downgrade|removed|lapse|lapsed",
            "moved|switched|changed|migrated|went|downgraded from",
            "would|will ~1 resume|return|rejoin|restart",
            "professional services",
            "possible|potential|proposed|floated|prospective|candidate|tentative|hypothetical|hypothetically",
            "that's|is|was|got off|cancelled|canceled",
            "fell|falls through",
            "called off",
            "nothing|not ~3 to do with",
            "no|not ~2 relation|related|connection|connected",
            "their|the|customer's|customers ~1 own|internal ~2 ase",
            "if|whether|once|when ~3 buy|buys|bought|purchase|purchases|purchased|sign|signs|signed|add|adds|renew*|upgrade*",
            "may|might|could|would|plan|plans|planning|want|wants|wanted|hope|hoping ~2 buy|purchase|add|added|adding|bought|purchased|included|sign|signed|get|have|need",
            "offer|offers|offered|offering",
            "fy2*",
            "fy",
            "thinking|think|thinks|thought ~2 about|of|over",
            "next ~1 year|fiscal|quarter",
            // The past.
            "ended|expired|expires|lapsed|terminated|cancel*|discontinued|churn*|offboard*|concluded|finished|stopped|sunset*|wound",
            "not|never|didn't|did ~1 renew*|extend*",
            "no longer",
            "used to",
            "formerly|previously|former|ex|past|outgoing|departed|departing",
            "until|till ~2 20*|january|february|march|april|may|june|july|august|september|october|november|december|last|q1|q2|q3|q4",
            // Refusals.
            "declined|rejected|denied|refused|turned|disapproved|unapproved",
            "not ~1 approved|eligible|entitled|included|part",
            // Not signed yet, not staffed yet.
            "waiting list",
            "countersign*|unsigned|signature|signatures|waitlist*",
            "not ~2 signed|countersigned|staffed",
            "until|till|once|when ~2 ase|ases|engineer ~1 is|are|gets|get|has|have ~1 been ~1 named|assigned|hired|found|confirmed|chosen|picked|appointed",
        ],
        &[],
    )
});

/// Mentions of an ASE that is not this organization's, or of "ASE" meaning something else:
/// never an ASE note, but not a denial either.
static ELSEWHERE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            // Another organization.
            "parent|sister|subsidiary|subsidiaries|affiliate|affiliated|sibling|acquired|acquirer|umbrella",
            "another|other|different|separate ~1 org|organization|organisation|account|entity|zendesk",
            "'s|s' own ~1 org|organization|organisation|account|zendesk",
            // Another meaning.
            "certif*|exam|exams|accredit*|stands|means|mean|meant|acronym|abbreviation",
        ],
        &[],
    )
});

/// The statement says the customer has none: "tell them they don't have one".
static HAS_NONE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "don't|doesn't|dont|doesnt|didn't ~1 have|has ~1 one|any|an|a",
            "do|does|did not have|has ~1 one|any|an|a",
            "don't|doesn't|dont|doesnt|didn't ~1 have|has ?the ?gitlab ase|ases|service|add-on|addon",
            "do|does|did not have|has ?the ?gitlab ase|ases|service|add-on|addon",
            "no longer ~1 have|has|had|an|a",
            "never had|have|has",
            "there is|are|'s no ~1 ase|ases|assigned",
            "this|that org|organization|organisation|account ~4 without|no ~2 ase|ases",
        ],
        &[],
    )
});

/// Words that deny the role right before it: "no ASE", "not an ASE customer", "without an
/// ASE", "does not have an ASE", "never had an ASE".
static DENIED: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "no|not|without|never|none|neither|nor",
            "doesn't|don't|didn't|isn't|aren't|hasn't|haven't|won't|cannot|can't",
            "lacks|lack|lacking",
        ],
        &[],
    )
});

/// The words say the ASE is not this organization's now (sales talk, the past, a refusal,
/// another organization), whatever role word they use.
pub fn denies_ase(tokens: &[Token]) -> bool {
    NOT_THIS_ASE.is_match(tokens)
        || ELSEWHERE.is_match(tokens)
        || DENIED.is_match(&tokens[..tokens.len().min(3)])
}

/// Why a note is an ASE note: the statement that makes it one.
/// `affirmed[i]` is [`affirms_ase`] of `statements[i]`, computed once per note.
pub fn ase_statement<'s>(statements: &'s [Statement], affirmed: &[bool]) -> Option<&'s Statement> {
    let affirming = |heading: bool| {
        statements
            .iter()
            .zip(affirmed)
            .find(|(s, affirms)| {
                **affirms && (s.form == super::statements::Form::Heading) == heading
            })
            .map(|(s, _)| s)
    };
    affirming(false).or_else(|| affirming(true))
}

/// The statement speaks of this organization's ASE, now.
pub fn affirms_ase(statement: &Statement, note: &str) -> bool {
    if statement.asks {
        return false;
    }
    let tokens: Vec<Token> = statement.tokens().cloned().collect();
    let mentions = role_mentions(&tokens, note);
    if mentions.is_empty() {
        return false;
    }
    // A Professional Services engineer is "assigned" too: "Assigned engineer: X (PS, EMEA)".
    let professional_services = tokens.iter().any(|t| t.raw(note) == "PS");
    if expands_otherwise(&tokens) || has_none(&tokens) || professional_services {
        return false;
    }
    mentions.iter().any(|m| {
        // A surname is not sales talk: "Maeve O'Connell-Price" says nothing of pricing.
        let clause: Vec<Token> = without_names(&clause_of(&tokens, m), note);
        !NOT_THIS_ASE.is_match(&clause)
            && !ELSEWHERE.is_match(&clause)
            && !denied(&tokens, m, note)
            && !spelled_otherwise(&tokens, m, note)
    })
}

/// What the note's other statements say against it being an ASE note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// Nothing.
    Nothing,
    /// The ASE is spoken of as past, refused, for sale or not staffed yet ("ASE engagement:
    /// ENDED", "their ASE request was declined", "ASE order form not countersigned"), or
    /// "ASE" is spelled out as something else: a mention of the role with nobody named as
    /// the ASE no longer makes an ASE note.
    NotNow,
    /// The organization is said to have no ASE ("this org has NO ASE", "no ASE has been
    /// assigned", "does not have the ASE service"): not an ASE note, whoever else is named.
    HasNone,
}

/// The strongest statement of the note against this organization having an ASE now. A
/// statement about a former holder by name ("Former ASE: Rosa") is a handover, not a
/// denial: it says nothing against a current ASE. `affirmed` as for [`ase_statement`].
pub fn evidence_against(statements: &[Statement], affirmed: &[bool], note: &str) -> Against {
    let mut against = Against::Nothing;
    let mut previous_mentions = false;
    for (statement, affirms) in statements.iter().zip(affirmed) {
        let tokens: Vec<Token> = statement.tokens().cloned().collect();
        let mentions = role_mentions(&tokens, note);
        let after_mention = std::mem::replace(&mut previous_mentions, !mentions.is_empty());
        if statement.asks || *affirms {
            continue;
        }
        if mentions.is_empty() {
            // "Sister company X has an ASE; Kōgen Europe (this org) does not.", "Norrland
            // has its own ASE arrangement; Greyfield never did."
            if elliptic_denial(&tokens, after_mention) {
                return Against::HasNone;
            }
            continue;
        }
        if has_none(&tokens) || mentions.iter().any(|m| denies_role(&tokens, m)) {
            return Against::HasNone;
        }
        let names_someone = super::names::people(&tokens, note)
            .iter()
            .any(|p| p.tokens.len() > 1 || p.name.starts_with('@'));
        // "the cluster they call \"ASE\" (Advanced Search Elastic)": later mentions
        // mean that too.
        let other_meaning = expands_otherwise(&tokens)
            || mentions.iter().any(|m| spelled_otherwise(&tokens, m, note));
        let not_now = mentions.iter().any(|m| {
            let clause = without_names(&clause_of(&tokens, m), note);
            NOT_THIS_ASE.is_match(&clause)
        });
        if other_meaning || not_now && !names_someone {
            against = Against::NotNow;
        }
    }
    against
}

/// The words say the organization has no ASE ("there is no ASE", "they don't have one"),
/// not that the ASE has no cover ("there is no ASE backup").
fn has_none(tokens: &[Token]) -> bool {
    // "does not have ASE coverage" is no ASE; "no ASE coverage on weekends" is no cover.
    let has = |m: &std::ops::Range<usize>| {
        tokens[m.clone()]
            .iter()
            .any(|t| t.is("have") || t.is("has"))
    };
    HAS_NONE
        .find_all(tokens)
        .iter()
        .any(|m| has(m) || !names_cover(tokens, m.end))
        || elliptic_denial(tokens, false)
}

/// "This org doesn't.", "Kōgen Europe (this org) does not.": a denial whose verb stands
/// for the sentence before, said of this organization; right after a statement about an
/// ASE (`after_mention`), said of any name ("Greyfield never did.").
fn elliptic_denial(tokens: &[Token], after_mention: bool) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let denies = ["doesn't", "didn't", "isn't", "hasn't"].contains(&t.lower.as_str())
            || t.is("not") && i > 0 && (tokens[i - 1].is("does") || tokens[i - 1].is("did"))
            || t.is("did") && i > 0 && tokens[i - 1].is("never");
        let ends = tokens.get(i + 1).is_none_or(|n| !n.is_wordlike());
        let this_org = tokens[i.saturating_sub(6)..i].windows(2).any(|w| {
            w[0].is("this")
                && [
                    "org",
                    "organization",
                    "organisation",
                    "account",
                    "one",
                    "customer",
                ]
                .contains(&w[1].lower.as_str())
        });
        let named = after_mention
            && tokens[..i]
                .iter()
                .rev()
                .find(|t| !t.is("never") && !t.is("does") && !t.is("did"))
                .is_some_and(|t| t.capitalised && t.kind == Kind::Word && !t.is("i"));
        denies && ends && (this_org || named)
    })
}

/// The word at `at` is the ASE's cover or hours: "no ASE backup", "no ASE coverage".
fn names_cover(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_some_and(|t| {
        [
            "backup", "back-up", "cover", "coverage", "support", "hours", "shift", "overlap",
        ]
        .contains(&t.lower.as_str())
    })
}

/// "no ASE", "without an ASE", "not a GitLab ASE customer", "ASE: none" — but not "no ASE
/// backup" (the ASE's cover), "never the ASE" (said of a person), "do not assign to ASE"
/// (the negation governs the verb) or "pre-ASE: no change".
fn denies_role(tokens: &[Token], mention: &std::ops::Range<usize>) -> bool {
    if names_cover(tokens, mention.end) {
        return false;
    }
    let filler = [
        "a",
        "an",
        "any",
        "gitlab",
        "current",
        "dedicated",
        "assigned",
        "named",
        "active",
    ];
    let negation = tokens[..mention.start]
        .iter()
        .rev()
        .take(3)
        .find(|t| !filler.contains(&t.lower.as_str()));
    let negated = negation.is_some_and(|t| DENIED.is_match(std::slice::from_ref(t)));
    let says_none = {
        let after = &tokens[mention.end..(mention.end + 5).min(tokens.len())];
        let value: Vec<&Token> = after
            .iter()
            .skip_while(|t| matches!(t.kind, Kind::Punct(':' | '=' | '-' | '>')) || t.is("is"))
            .collect();
        // The value is the whole of it: "ASE: none", "ASE — no.", not "ASE: no change".
        let alone = |n: usize| value.get(n).is_none_or(|t| !t.is_wordlike());
        match value.first().map(|t| t.lower.as_str()) {
            Some("none" | "nobody" | "no" | "n/a") => alone(1),
            Some("n") => value.get(1).is_some_and(|t| t.is_punct('/')),
            _ => false,
        }
    };
    negated || says_none
}

fn denied(tokens: &[Token], mention: &std::ops::Range<usize>, note: &str) -> bool {
    let before = &tokens[mention.start.saturating_sub(4)..mention.start];
    if DENIED.is_match(before) || quoted(tokens, mention, note) {
        return true;
    }
    states_none(tokens, mention)
}

/// A quoted "ASE" ("our ASE", `"ASE device offline"`, "assigned to ASE") is someone's
/// word for something, not the role: the mention stands inside quotes opened earlier on
/// its line.
fn quoted(tokens: &[Token], mention: &std::ops::Range<usize>, note: &str) -> bool {
    let start = tokens[mention.start].span.start;
    let line_start = note
        .get(..start)
        .and_then(|text| text.rfind('\n'))
        .map_or(0, |i| i + 1);
    let Some(before) = note.get(line_start..start) else {
        return false;
    };
    let straight = before.matches(['"', '`']).count();
    let opened = before.matches('\u{201c}').count();
    let closed = before.matches('\u{201d}').count();
    straight % 2 == 1 || opened > closed
}

/// "ASE: none", "ASE — n/a", "ASE is not applicable".
fn states_none(tokens: &[Token], mention: &std::ops::Range<usize>) -> bool {
    let after = &tokens[mention.end..(mention.end + 4).min(tokens.len())];
    let value: Vec<&str> = after
        .iter()
        .skip_while(|t| matches!(t.kind, Kind::Punct(':' | '=' | '-' | '>')) || t.is("is"))
        .map(|t| t.lower.as_str())
        .collect();
    matches!(
        value.as_slice(),
        ["none" | "no" | "nobody" | "n", ..] | ["not", "applicable", ..]
    ) || value.starts_with(&["n", "/", "a"])
}

/// "ASE" followed by a parenthesised expansion that is not Assigned Support Engineer, or
/// preceded by one: "Application Security Engineering (ASE)".
fn spelled_otherwise(tokens: &[Token], mention: &std::ops::Range<usize>, note: &str) -> bool {
    if !tokens[mention.clone()]
        .iter()
        .all(|t| t.raw(note).starts_with("ASE"))
    {
        return false;
    }
    let after = tokens
        .get(mention.end)
        .is_some_and(|t| t.is_punct('(') || t.is_punct('='))
        && expands_otherwise(&tokens[mention.end + 1..(mention.end + 5).min(tokens.len())]);
    let before = mention.start >= 1
        && tokens[mention.start - 1].is_punct('(')
        && expands_otherwise(&tokens[..mention.start - 1]);
    after || before
}

/// The statement spells out another ASE: three words with the initials A, S, E that are
/// not "assigned support engineer" ("Azure Staging Environment", "Application Security
/// Engineering", "Air-gapped Secure Environment").
fn expands_otherwise(tokens: &[Token]) -> bool {
    let mut words: Vec<&Token> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let joined = i > 1
            && tokens[i - 1].is_punct('-')
            && tokens[i - 2].span.end == tokens[i - 1].span.start;
        if t.kind == Kind::Word && !joined {
            words.push(t);
        }
    }
    words.windows(3).any(|w| {
        let initials = w
            .iter()
            .map(|t| t.lower.chars().next().unwrap_or(' '))
            .collect::<String>();
        initials == "ase" && w.iter().all(|t| t.capitalised && !t.all_caps) && !w[0].is("assigned")
    })
}
