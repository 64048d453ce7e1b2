//! Sentences and labels: where a block's tokens split into statements, and where a
//! `Label:` prefix ends.

use std::ops::Range;

use crate::note::lexicon::IMPERATIVE;
use crate::note::text::{Kind, Token};

/// A token list's words, lowercase, joined by spaces.
pub(super) fn words(tokens: &[Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn push_part(context: &mut Vec<Token>, part: &[Token]) {
    if part.is_empty() {
        return;
    }
    let at = part[0].span.start;
    context.push(Token::punct('|', at..at));
    context.extend(part.iter().cloned());
}

pub(super) fn span_of(tokens: &[Token]) -> Option<Range<usize>> {
    Some(tokens.first()?.span.start..tokens.last()?.span.end)
}

/// Question marks as a value after a separator ("PTO -> ??", "cover: ?"): not a
/// question, an answer not known yet.
pub(crate) fn unknown_value(tokens: &[Token]) -> bool {
    let marks = tokens.iter().rev().take_while(|t| t.is_punct('?')).count();
    marks > 0
        && tokens.len() > marks
        && matches!(
            tokens[tokens.len() - marks - 1].kind,
            Kind::Punct(':' | '=' | '-' | '>' | '\u{2192}')
        )
}

/// A short line ending in `:` with nothing after it: `Emergencies:`, `**Out of hours**:`.
pub(super) fn is_title(tokens: &[Token]) -> bool {
    tokens.len() <= 24 && tokens.last().is_some_and(|t| t.is_punct(':'))
}

/// Words that abbreviate and end in a dot without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "e", "i", "g", "etc", "vs", "approx", "incl", "dr", "mr", "ms", "mrs", "st", "no", "cf", "am",
    "pm",
];

/// Splits a block's tokens into sentences: at `.`, `!`, `?`, `;` and at line breaks that
/// end a line (after punctuation, before a `Label:` line, or after a short line).
pub(super) fn sentences(text: &str, tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        if let Some(prev) = current.last()
            && line_break_between(text, prev, token)
            && ends_line(text, &current, &tokens[i..])
        {
            out.push(std::mem::take(&mut current));
        }
        current.push(token.clone());
        let ends = match token.kind {
            // "30 tickets were open before she started; those stay with their owners": the
            // clause after the semicolon speaks of the one before it.
            // "When I'm on PTO I'll post the cover in #support; assign to them": so does
            // an instruction without a subject of its own.
            Kind::Punct(';') => next.is_none_or(|n| !refers_back(n) && !IMPERATIVE.has(n)),
            Kind::Punct('!' | '?' | '|' | '\u{b7}' | '\u{2022}') => true,
            Kind::Punct('.')
                if next.is_some_and(|n| n.is_punct('.'))
                    || i > 0 && tokens[i - 1].is_punct('.') =>
            {
                false
            }
            Kind::Punct('.') => {
                let prev = i.checked_sub(1).map(|p| &tokens[p]);
                let abbreviation = prev.is_some_and(|p| {
                    p.kind == Kind::Word
                        && (ABBREVIATIONS.contains(&p.lower.as_str())
                            || p.lower.chars().count() == 1)
                });
                let decimal = next.is_some_and(|n| n.span.start == token.span.end);
                !abbreviation && !decimal
            }
            _ => false,
        };
        if ends && next.is_none_or(|n| !n.is_punct(')') && !n.is_punct('?')) {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|s| s.iter().any(Token::is_wordlike));
    out
}

/// A word that opens a clause about what the clause before it named.
fn refers_back(token: &Token) -> bool {
    ["those", "these", "they", "them", "such", "which"].contains(&token.lower.as_str())
}

fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|gap| gap.contains('\n'))
}

/// True when a line break after `current` ends the statement.
fn ends_line(text: &str, current: &[Token], rest: &[Token]) -> bool {
    let after_punct = current
        .last()
        .is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?' | ':' | ';' | ')')));
    let line_len =
        current.last().map_or(0, |t| t.span.end) - current.first().map_or(0, |t| t.span.start);
    let next_starts_upper = rest
        .first()
        .is_some_and(|t| t.capitalised || t.kind == Kind::Handle || !t.is_wordlike());
    let _ = text;
    // "Leave/PTO ... Samuel covers" over "Old tickets . TBD": a line that opens with a label
    // is one statement, whatever its length.
    let label_line =
        label_end(current).is_some() && (next_starts_upper || !ends_mid_phrase(current));
    after_punct || label_end(rest).is_some() || (next_starts_upper && line_len < 50) || label_line
}

/// The line stops on a word that needs more after it ("page on-call and", "tell the").
fn ends_mid_phrase(current: &[Token]) -> bool {
    current.last().is_some_and(|t| {
        [
            "and", "or", "but", "to", "the", "a", "an", "with", "for", "of", "in", "on", "at",
            "by", "from", "if", "when", "then", "so", "as", "their", "her", "his", "your", "our",
            "is", "are", "be", "will", "should", "can", "must", "please",
        ]
        .contains(&t.lower.as_str())
    })
}

/// Where a `Label:` prefix ends (the separator's index), if the statement has one: a short
/// run of words, then `:`, `=`, `→`, `->` or a spaced dash, then more words.
fn label_end(tokens: &[Token]) -> Option<usize> {
    // Bullets and emoji before the label ("🏖️ away: …") are not part of it.
    let lead = tokens.iter().take_while(|t| !t.is_wordlike()).count();
    for (i, token) in tokens.iter().enumerate().skip(lead).take(14) {
        let separator = match token.kind {
            Kind::Punct(':' | '=' | '\u{2192}' | '>') => true,
            Kind::Punct('.') if tokens.get(i + 1).is_some_and(|n| n.is_punct('.')) => true,
            Kind::Punct('-') => {
                let spaced_before = i > 0 && tokens[i - 1].span.end < token.span.start;
                let spaced_after = tokens
                    .get(i + 1)
                    .is_some_and(|n| n.span.start > token.span.end);
                spaced_before && spaced_after
            }
            Kind::Punct('(' | ')' | '\'' | '/' | '&' | '*' | '`') => continue,
            // A dot inside a host name ("gitlab.example.com: Yara"), not a sentence's end.
            Kind::Punct('.') if inside_word(tokens, i) => continue,
            Kind::Punct(_) => return None,
            _ => continue,
        };
        let words_before = tokens[lead..i].iter().filter(|t| t.is_wordlike()).count();
        let words_after = tokens[i + 1..].iter().any(Token::is_wordlike);
        // A dash ends a label only after a few words ("Jill Smith — EMEA"); in a sentence
        // it is an aside ("keep them with their engineers — we don't want …").
        let short_enough = !token.is_punct('-') || words_before <= 6;
        if separator && words_before > 0 && words_after && short_enough {
            // `->` is two tokens: skip the dash.
            return Some(i);
        }
        if separator {
            return None;
        }
    }
    None
}

/// True when the token at `i` touches the tokens on both sides (`gitlab.example`).
fn inside_word(tokens: &[Token], i: usize) -> bool {
    i > 0
        && tokens[i - 1].span.end == tokens[i].span.start
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.span.start == tokens[i].span.end)
}

/// Splits `Label: content`; without a label, all tokens are content.
pub(super) fn split_label(tokens: Vec<Token>) -> (Vec<Token>, Vec<Token>) {
    let Some(at) = label_end(&tokens) else {
        let content = tokens
            .into_iter()
            .skip_while(|t| !t.is_wordlike())
            .collect();
        return (Vec::new(), content);
    };
    // The separator stays with the label, so label and content never read as one run of
    // words ("Ahmad Faris bin Yusof — Kuala Lumpur" is a name, then a place).
    let mut label = tokens;
    let rest = label.split_off(at);
    let separators = rest.iter().take_while(|t| !t.is_wordlike()).count();
    let mut rest = rest.into_iter();
    label.extend(rest.by_ref().take(separators));
    (label, rest.collect())
}
