//! The clause around a mention of the role: what the words next to "ASE" say of it.
//! Commas, semicolons and sentence ends bound it (not the dots of "K.K."); an aside in
//! parentheses is one clause; a clause that opens with its verb takes in its subject
//! across an apposition.

use crate::note::text::{Kind, Token};

/// The tokens with people's names left out.
pub(super) fn without_names(tokens: &[Token], note: &str) -> Vec<Token> {
    // Only full names: a lone capitalised word ("Proposed ASE") may be the very word.
    // Organizations' too: "Umbrella Corp" says nothing of an umbrella organization.
    let people: Vec<_> = crate::note::names::proper_names(tokens, note)
        .into_iter()
        .filter(|p| p.tokens.len() > 1)
        .collect();
    tokens
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !people
                .iter()
                .any(|p| p.tokens.contains(i) && !p.name.starts_with('@'))
        })
        .map(|(_, t)| t.clone())
        .collect()
}

/// "The parent organization, Larkspur Holdings, has an ASE": a clause that opens with its
/// verb has its subject before the commas of an apposition; take in up to two
/// comma-separated parts before it.
pub(super) fn subject_across_apposition(tokens: &[Token], start: usize) -> usize {
    const VERBS: &[&str] = &[
        "has", "have", "had", "is", "are", "was", "were", "gets", "got",
    ];
    let opens_with_verb = tokens
        .get(start)
        .is_some_and(|t| VERBS.contains(&t.lower.as_str()));
    if !opens_with_verb || start == 0 || !tokens[start - 1].is_punct(',') {
        return start;
    }
    let mut at = start - 1;
    for _ in 0..2 {
        let part_start = tokens[..at]
            .iter()
            .rposition(|t| matches!(t.kind, Kind::Punct(',' | ';' | '.' | '!' | '?' | ':')))
            .map_or(0, |p| p + 1);
        at = part_start;
        if at == 0 || !tokens[at - 1].is_punct(',') {
            break;
        }
        at -= 1;
    }
    at
}

/// The clause around a mention: up to the nearest `,`, `;` or sentence end, with
/// parenthesised asides left out; a mention inside parentheses has the aside as its clause.
pub(super) fn clause_of(tokens: &[Token], mention: &std::ops::Range<usize>) -> Vec<Token> {
    // "(different org, has an ASE)": an aside is one clause, commas and all.
    if let Some(aside) = aside_around(tokens, mention) {
        return tokens[aside].to_vec();
    }
    // An arrow ends a clause too: "customer asked → ASE is Hana". The dots of "K.K.",
    // "B.V." do not.
    let stop = |at: usize| {
        let abbreviation = at > 0 && tokens[at].is_punct('.') && {
            let before = &tokens[at - 1];
            before.kind == Kind::Word && before.lower.chars().count() == 1
        };
        matches!(
            tokens[at].kind,
            Kind::Punct(',' | ';' | '.' | '!' | '?' | '\u{2192}' | '>')
        ) && !abbreviation
    };
    let mut start = mention.start;
    let mut depth = 0usize;
    while start > 0 {
        let t = &tokens[start - 1];
        if t.is_punct(')') {
            depth += 1;
        } else if t.is_punct('(') {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && stop(start - 1) {
            break;
        }
        start -= 1;
    }
    let start = subject_across_apposition(tokens, start);
    let mut end = mention.end;
    depth = 0;
    while end < tokens.len() {
        let t = &tokens[end];
        // "ASE: Giulia (EMEA) — formerly Bogdan": a spaced dash after the value ends it.
        let spaced_dash =
            t.is_punct('-') && end > mention.end + 1 && tokens[end - 1].span.end < t.span.start;
        if depth == 0 && spaced_dash {
            break;
        }
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            if depth == 0 {
                break;
            }
            depth -= 1;
        } else if depth == 0 && stop(end) {
            break;
        }
        end += 1;
    }
    let mut clause = Vec::new();
    depth = 0;
    for (i, t) in tokens[start..end].iter().enumerate() {
        // Asides before the mention describe its subject ("Aurelius (separate org) has an
        // ASE"); asides after it are about someone else ("Jill is the ASE (Bob was …)").
        let after_mention = start + i >= mention.end;
        if t.is_punct('(') && after_mention {
            depth += 1;
        }
        if depth == 0 {
            clause.push(t.clone());
        }
        if t.is_punct(')') && depth > 0 {
            depth -= 1;
        }
    }
    clause
}

/// The inside of the parentheses around a mention, if it stands in some.
fn aside_around(
    tokens: &[Token],
    mention: &std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let mut depth = 0usize;
    let open = (0..mention.start).rev().find(|&i| {
        if tokens[i].is_punct(')') {
            depth += 1;
        } else if tokens[i].is_punct('(') {
            if depth == 0 {
                return true;
            }
            depth -= 1;
        }
        false
    })?;
    let close = tokens[mention.end..]
        .iter()
        .position(|t| t.is_punct(')'))
        .map_or(tokens.len(), |p| mention.end + p);
    Some(open + 1..close)
}
