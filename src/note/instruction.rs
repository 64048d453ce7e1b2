//! Does a statement tell engineers what to do? The difference between an answer and a
//! mention: "Sev1 tickets go to the on-call engineer" instructs, "they had a Sev1 last
//! quarter" describes; "if Jill is on PTO, reply and cc her" instructs, "Jill is on PTO
//! 12–16 May" describes.
//!
//! An instruction is one of: an imperative at the start of a clause ("Reply and keep Jill
//! assigned"), a modal with an action ("should reply", "can answer", "must not be
//! reassigned"), tickets routed ("go to", "stay with", "are handled by"), a handler acting
//! ("the on-call engineer handles", "AMER answers", "Bob covers"), an arrow to a handler
//! ("Sev1 → on-call"), a rule of no change ("as usual", "unchanged", "no reassignment"), or
//! a prohibition ("do not reassign"). The value of a topic label ("Emergencies: on-call")
//! answers when it names a handler or says one of the above.

use std::sync::LazyLock;

use super::lexicon::IMPERATIVE;
use super::phrase::PhraseSet;
use super::text::{Kind, Token, WordSet};

/// People and teams who handle tickets.
static HANDLERS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "on ?- call",
            "oncall",
            "queue|queues|team|teams|region|regions|rotation|rota|shift|duty|engineer|engineers|ses|se|tse|tses|whoever|anyone|someone|everyone|anybody|somebody|colleague|colleagues|peer|peers|group|manager|managers|cmoc|ceoc|dri|pod|assignee|assignees|owner|owners|pager|pagerduty|ase|ases|backup|deputy|cover|responder|agent|agents|staff|lead|sme|support|amer|emea|apac|americas|europe|asia|other|others|whichever",
            "@",
        ],
        &[
            "ase|ases project|projects|readme|account|accounts|contract|contracts|engagement|service|program|programme|customer|customers|add-on|addon",
            "customer's|customers|their|client's ~1 backup|deputy|team|teams|manager|managers|engineer|engineers|admin|admins|queue|rota|rotation|pagerduty|pager|on-call|oncall|staff|sre|sres|ops",
        ],
    )
});

/// Modals that instruct when followed by an action ("can reply", "should be handled").
static MODAL_ACTION: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "should|must|shall|can|could|will|'ll|may|might|needs|need|have|has|are|is ?not|n't|also|still|then|just|always|only|never|kindly|please|to ~1 be ?re ~1 handled|assigned|routed|answered|worked|picked|covered|taken|owned|left|kept|moved|reassigned|sent|escalated|transferred|shadowed|managed|processed|followed|triaged|prioritised|prioritized|informed|notified|paged|cc'd|copied|redirected|forwarded|dealt|attended|treated|routed",
            "should|must|shall|can|could|will|'ll|may|might|kindly|please|to ?not|n't|also|still|then|just|always|only|never ~1 reply|respond|answer|assign|reassign|leave|keep|ping|page|notify|inform|tell|cc|escalate|follow|treat|route|transfer|hand|contact|reach|tag|mention|loop|post|raise|wait|queue|check|ask|let|use|call|message|email|send|forward|add|update|do|work|handle|take|pick|move|proceed|continue|apply|flag|shadow|put|give|help|look|triage|prioritise|prioritize|process|manage|cover|own|get|open|create|mark|copy|write|stay|remain|go|land|fall|sit|attend|provide|step|finish|complete|close|end|resolve|continue|carry",
        ],
        &["may|june|july|march|april ~1 #"],
    )
});

/// Tickets routed: "go to", "stay with", "are handled by", "land with".
static ROUTED: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "go|goes|going|went|gone|land|lands|landing|fall|falls|move|moves|moved|get|gets|sent|routed|reassigned|assigned|assign|assigns|transferred|redirected|forwarded|escalated|passed|handed ~1 to|into|back|with|on|through|via",
            "passed|handed|hand|hands|handing over",
            "stay|stays|stayed|staying|remain|remains|remained|sit|sits|rest|rests|stick|sticks|kept|keep|keeps|left ~2 with|w|to|assigned|unassigned|put|as|untouched|where|in|on|unchanged|intact|open|by",
            "keep|keeps|kept|retain|retains|retained|maintain|maintains ~2 assignee|assignees|owner|owners|engineer|engineers|assignment|assignments|se|ses|agent|agents",
            "is|are|were|was|be|been|being|get|gets|got ?not|n't|never handled|assigned|routed|answered|worked|picked|covered|taken|owned|left|kept|moved|reassigned|sent|escalated|transferred|shadowed|managed|processed|followed|triaged|prioritised|prioritized|informed|notified|paged|redirected|forwarded|dealt|attended|treated|re-assigned|closed|split|shared",
            "handled|owned|answered|covered|worked|taken|picked|managed|processed|triaged|led ~1 by|up|on",
            "wait|waits|waiting ~1 for|until|till",
            // "pre-ASE tickets stay.": where they are.
            "tickets|ticket|tix|cases|ones|them|they ~1 stay|stays|remain|remains",
        ],
        &[],
    )
});

/// A handler acting: "on-call handles", "AMER answers", "the queue picks it up".
static HANDLER_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new([
        "handles",
        "handle",
        "owns",
        "own",
        "takes",
        "take",
        "picks",
        "pick",
        "covers",
        "cover",
        "answers",
        "answer",
        "replies",
        "reply",
        "responds",
        "respond",
        "follows",
        "follow",
        "pages",
        "pings",
        "informs",
        "notifies",
        "triages",
        "manages",
        "looks",
        "leads",
        "lead",
        "assigns",
        "reassigns",
        "deals",
        "steps",
        "jumps",
        "helps",
        "gets",
        "keeps",
        "shadows",
        "catches",
        "checks",
        "treats",
        "escalates",
        "routes",
        "decides",
        "tells",
        "continues",
        "processes",
        "attends",
        "monitors",
        "watches",
        "receives",
        "gives",
        "provides",
        "contacts",
        "reaches",
        "can",
        "should",
        "will",
        "may",
        "must",
    ])
});

/// "As usual", "unchanged", "no reassignment": do nothing special.
static NO_CHANGE: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "as ~1 usual|normal|normally|standard|always|per|before|today|agreed|any|other|regular|is|are",
            "usual|normal|standard|regular|global|default|existing ~1 process|processes|workflow|workflows|procedure|procedures|way|flow|route|routing|handling|rotation|path|runbook|playbook|rules|queue",
            "unchanged|untouched|intact|same|as-is|nothing",
            "no ~1 change|changes|reassign|reassignment|reassignments|reassigning|action|special|difference",
            "stay|stays put",
            "do|does|did not|n't|never ~1 reassign|assign|route|page|ping|escalate|change|move|transfer|touch|take|wait",
            "don't|dont|never|not ~1 reassign|assign|route|page|ping|escalate|change|move|transfer|touch|take|wait",
        ],
        &[
            "same ?- day|week|time|hour|hours|night",
            "per|as per ~3 contract|contracts|order|form|agreement|agreements|definition|definitions|sla|slas|msa|terms",
        ],
    )
});

/// A named stand-in: "the backup ASE is Connor", "Deepa covers".
static STAND_IN: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "backup|back-up|deputy|substitute|stand-in|standin|cover|covering|covers|secondary|alternate|fallback",
        ],
        &[],
    )
});

/// Handlers whose mere mention says who takes the ticket ("For emergencies, the on-call
/// engineer is the DRI").
static STRONG_HANDLERS: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "on ?- call",
            "oncall|dri|cmoc|ceoc|pagerduty|pager|rota|rotation|whoever|anyone|anybody|queue",
        ],
        &[
            "on ?- call ~1 alert|alerts|history|report|reports|notes",
            "customer's|customers|their|client's ~2 pagerduty|pager|on|oncall|rota|rotation|queue|monitoring",
        ],
    )
});

/// True when the statement's words instruct engineers.
pub fn instructs(tokens: &[Token], note: &str) -> bool {
    // A handler named in a clause that tells the past ("both resolved by on-call at the
    // time") says nothing of now; in another clause it still does ("on-call, as it was
    // before").
    let told = present_clauses(tokens).any(|clause| {
        STRONG_HANDLERS.is_match(clause)
            || STAND_IN.is_match(clause) && names_someone(clause, note, 0)
            || handler_acts(clause, note)
    });
    told || imperative(tokens)
        || engineers_modal(tokens)
        || ROUTED.is_match(tokens) && !PAST_TIME.is_match(tokens)
        || NO_CHANGE.is_match(tokens)
        || arrow_to_handler(tokens, note)
}

/// Words of the past: "was", "resolved by on-call at the time", "last quarter".
static HISTORY: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &["was|were|resolved|happened|occurred|ago|history|went"],
        &[],
    )
});

/// A time in the past: a routing said with one is what happened then, not an instruction
/// ("Last October a Sev1 was worked by on-call over a weekend").
static PAST_TIME: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        &[
            "ago",
            "at the time",
            "last|previous|past week|month|quarter|year|summer|winter|spring|autumn|fall|january|february|march|april|may|june|july|august|september|october|november|december|weekend",
        ],
        &[],
    )
});

/// The words tell what happened: who handled it then is not who handles it now
/// ("escalation DRI was Owen", "two Sev 1s, both resolved by on-call at the time").
fn tells_history(tokens: &[Token]) -> bool {
    HISTORY.is_match(tokens) || PAST_TIME.is_match(tokens)
}

/// The clauses of a statement (split at `,`, `;` and parentheses) that do not tell the
/// past.
fn present_clauses(tokens: &[Token]) -> impl Iterator<Item = &[Token]> {
    tokens
        .split(|t| matches!(t.kind, Kind::Punct(',' | ';' | '(' | ')')))
        .filter(|clause| !clause.is_empty() && !tells_history(clause))
}

/// True when the value of a topic label answers it: a handler, or an instruction.
pub fn answers_label(label: &[Token], content: &[Token], note: &str) -> bool {
    instructs(content, note)
        || !tells_history(label)
            && present_clauses(content)
                .any(|clause| HANDLERS.is_match(clause) || names_someone(clause, note, 0))
}

/// A modal with an action, unless the customer is the one who acts ("the customer may open
/// tickets at any time and can flag an emergency").
fn engineers_modal(tokens: &[Token]) -> bool {
    MODAL_ACTION.find_all(tokens).into_iter().any(|m| {
        let before = &tokens[..m.start];
        let customer = before.iter().any(|t| {
            [
                "customer",
                "customers",
                "client",
                "clients",
                "they",
                "users",
                "user",
                "they're",
                "they've",
                "they'd",
            ]
            .contains(&t.lower.as_str())
        });
        !customer || HANDLERS.is_match(before) || before.iter().any(|t| t.is("you") || t.is("we"))
    })
}

/// A clause opens with an imperative verb: at the start, or after `:`, `;`, `,`, `-`,
/// `→`, `(`, "and", "then", "otherwise", "else".
fn imperative(tokens: &[Token]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        // "Manually assign …", "Quickly reply …": an adverb before the verb.
        let adverb = i > 0 && tokens[i - 1].lower.ends_with("ly") && opens_clause(tokens, i - 1);
        (opens_clause(tokens, i) || adverb) && IMPERATIVE.has(t) && !capitalised_month(t)
    })
}

/// True when the token at `i` starts a clause.
fn opens_clause(tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let before = &tokens[i - 1];
    // A hyphen inside a word ("auto-reply") opens nothing.
    let hyphen = before.is_punct('-') && before.span.end == tokens[i].span.start;
    !hyphen
        && matches!(
            before.kind,
            Kind::Punct(':' | ';' | ',' | '-' | '\u{2192}' | '>' | '(' | '.')
        )
        || [
            "and",
            "then",
            "otherwise",
            "else",
            "just",
            "simply",
            "please",
            "kindly",
            "so",
        ]
        .contains(&before.lower.as_str())
}

/// A handler followed, within two words, by an action verb: "the on-call engineer
/// handles", "AMER/APAC answer", "Bob covers", "anyone can reply".
fn handler_acts(tokens: &[Token], note: &str) -> bool {
    let acts = |end: usize, team: bool| {
        let words: Vec<&Token> = tokens[end..(end + 4).min(tokens.len())]
            .iter()
            .filter(|t| t.is_wordlike())
            .collect();
        words.iter().take(2).enumerate().any(|(i, t)| {
            // "Siobhán will be on leave": a modal before "be" or "have" describes.
            let modal = ["can", "should", "will", "may", "must"].contains(&t.lower.as_str());
            let describes = modal && words.get(i + 1).is_some_and(|n| n.is("be") || n.is("have"));
            (HANDLER_VERBS.has(t) || team && (t.is("works") || t.is("work"))) && !describes
        })
    };
    HANDLERS
        .find_all(tokens)
        .into_iter()
        .any(|r| acts(r.end, true))
        || super::names::people(tokens, note)
            .into_iter()
            .any(|p| acts(p.tokens.end, false))
}

/// "Sev1 → on-call", "OOO -> Deepa covers", "PTO => queue".
fn arrow_to_handler(tokens: &[Token], note: &str) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        let arrow = t.is_punct('\u{2192}')
            || t.is_punct('>')
                && i > 0
                && (tokens[i - 1].is_punct('-') || tokens[i - 1].is_punct('='));
        arrow && {
            let rest = &tokens[i + 1..];
            HANDLERS.is_match(rest) || instructs_plain(rest) || names_someone(rest, note, 0)
        }
    })
}

/// [`instructs`] without arrows (no recursion through them).
fn instructs_plain(tokens: &[Token]) -> bool {
    imperative(tokens)
        || engineers_modal(tokens)
        || ROUTED.is_match(tokens)
        || NO_CHANGE.is_match(tokens)
}

fn names_someone(tokens: &[Token], note: &str, from: usize) -> bool {
    super::names::people(tokens, note)
        .iter()
        .any(|p| p.tokens.start >= from)
}

/// A capitalised month name ("May 2025"), never the modal or a verb.
fn capitalised_month(token: &Token) -> bool {
    token.capitalised && ["may", "march", "june"].contains(&token.lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::text::tokenize;

    fn says(text: &str) -> bool {
        instructs(&tokenize(text, 0..text.len()), text)
    }

    #[test]
    fn instructions_and_descriptions() {
        for yes in [
            "Sev1 tickets go to the on-call engineer.",
            "If Jill is on PTO, reply and cc her.",
            "The on-call engineer handles them.",
            "EMEA/AMER answer.",
            "Anyone can reply; keep Jill assigned.",
            "Pre-existing tickets stay with their current assignee.",
            "Emergencies follow the standard process.",
            "Tickets are handled by the queue.",
            "Do not reassign.",
            "Sev1 -> on-call",
            "Leave it with its current owner.",
            "Manually assign new tickets to Farhan, even outside his hours.",
            "New tickets auto-assign to Çağrı, including outside his hours.",
            "Whoever had them keeps them.",
            "Please reply and keep Jill assigned.",
            "Priya covers, she knows the history.",
            "The on-call engineer, as it was before Bob.",
        ] {
            assert!(says(yes), "{yes}");
        }
        for no in [
            "This customer has had two production outages this year.",
            "Chioma is on PTO 12–16 May 2025.",
            "The customer currently has about 40 open tickets.",
            "Severity definitions are in the order form.",
            "Ravi is available on Slack outside hours too and is happy to be pinged.",
            "They page a lot.",
            "Oluwaseun works 10:00–18:00 UK time.",
            "The escalation DRI was Support Manager Owen Hughes.",
            "Two Sev 1s last month, both resolved by on-call at the time.",
            "They're nervous and tend to open tickets late in the evening.",
            "Heads-up: Siobhán will be on leave 3–21 August.",
            "The customer is very sensitive about emergencies, please be careful.",
        ] {
            assert!(!says(no), "{no}");
        }
    }
}
