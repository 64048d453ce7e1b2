//! Word patterns over tokens: the vocabulary of the note analysis, compiled once.
//!
//! A pattern is slots separated by spaces. A slot is alternatives separated by `|`; an
//! alternative is a word (`hours`), a prefix (`emergenc*`), `#` (a word starting with a
//! digit: `1`, `5pm`, `24`) or `@` (a handle). `?slot` is optional and `~N` skips up to N
//! words. Matching ignores case and the soft punctuation inside phrases (`-`, `'`, `/`,
//! `*`, `"`, parentheses), but never crosses `.`, `,`, `;`, `:`, `!`, `?` or a context
//! boundary (`|`), so "outside, hours" is not "outside hours".

use std::ops::Range;

use super::text::{Kind, Token, WordSet};

/// One alternative of a slot.
#[derive(Debug, Clone)]
enum Word {
    Prefix(String),
    Number,
    /// A time of day: `5pm`, `9am`, `17:00`, `5 pm`.
    Time,
    Handle,
}

#[derive(Debug, Clone)]
enum Slot {
    Words { words: Alternatives, optional: bool },
    Gap(usize),
}

/// A slot's alternatives: exact words in a set (most of them), the rest in a list.
#[derive(Debug, Clone, Default)]
struct Alternatives {
    exact: Vec<String>,
    set: WordSet,
    other: Vec<Word>,
}

impl Alternatives {
    fn matches(&self, tokens: &[Token], at: usize) -> bool {
        self.set.has(&tokens[at]) || self.other.iter().any(|w| w.matches(tokens, at))
    }
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    slots: Vec<Slot>,
}

impl Pattern {
    /// Compiles a pattern written in the syntax above.
    pub fn new(source: &str) -> Self {
        let slots = source.split_whitespace().map(slot).collect();
        Self { slots }
    }

    /// Every match in `tokens`, as token index ranges (leftmost-first, not overlapping).
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if let Some(Slot::Words {
            words,
            optional: false,
        }) = self.slots.first()
            && words.other.is_empty()
            && !tokens.iter().any(|t| words.set.has(t))
        {
            // No token can start a match (most patterns, most statements).
            return out;
        }
        let mut start = 0;
        while start < tokens.len() {
            match (tokens[start].is_wordlike())
                .then(|| self.match_at(tokens, start, 0))
                .flatten()
            {
                Some(end) => {
                    out.push(start..end);
                    start = end.max(start + 1);
                }
                None => start += 1,
            }
        }
        out
    }

    /// Matches slots `slot..` at token `at`; returns the end of the match.
    fn match_at(&self, tokens: &[Token], at: usize, slot: usize) -> Option<usize> {
        let Some(current) = self.slots.get(slot) else {
            return Some(at);
        };
        match current {
            Slot::Words { words, optional } => {
                let next = next_word(tokens, at, slot == 0);
                let here = next.filter(|&i| words.matches(tokens, i));
                if let Some(i) = here
                    && let Some(end) = self.match_at(tokens, i + 1, slot + 1)
                {
                    return Some(end);
                }
                optional
                    .then(|| self.match_at(tokens, at, slot + 1))
                    .flatten()
            }
            Slot::Gap(n) => {
                let mut pos = at;
                for _ in 0..=*n {
                    if let Some(end) = self.match_at(tokens, pos, slot + 1) {
                        return Some(end);
                    }
                    pos = next_word(tokens, pos, false)? + 1;
                }
                None
            }
        }
    }
}

/// The index of the next word at or after `at`, skipping soft punctuation; `None` at a hard
/// boundary or the end.
fn next_word(tokens: &[Token], at: usize, first: bool) -> Option<usize> {
    let mut i = at;
    loop {
        let token = tokens.get(i)?;
        match token.kind {
            Kind::Word | Kind::Handle => return Some(i),
            Kind::Punct('-' | '\'' | '/' | '*' | '"' | '(' | ')' | '\u{201c}' | '\u{201d}') => {
                i += 1
            }
            Kind::Punct(_) if first => return None,
            Kind::Punct(_) => return None,
        }
    }
}

impl Word {
    fn matches(&self, tokens: &[Token], at: usize) -> bool {
        let token = &tokens[at];
        match self {
            Word::Time => is_time(tokens, at),
            Word::Prefix(p) => token.kind == Kind::Word && token.lower.starts_with(p.as_str()),
            Word::Number => {
                token.kind == Kind::Word && token.lower.starts_with(|c: char| c.is_ascii_digit())
            }
            Word::Handle => token.kind == Kind::Handle,
        }
    }
}

/// `5pm`, `9am`, `17:00`, `5 pm`, `17h`.
fn is_time(tokens: &[Token], at: usize) -> bool {
    let token = &tokens[at];
    if token.kind != Kind::Word || !token.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let digits = token.lower.trim_start_matches(|c: char| c.is_ascii_digit());
    if ["am", "pm", "h", "hrs", "a.m", "p.m"].contains(&digits) {
        return true;
    }
    let next = tokens.get(at + 1);
    let colon = next.is_some_and(|n| n.is_punct(':') && n.span.start == token.span.end)
        && tokens
            .get(at + 2)
            .is_some_and(|m| m.lower.starts_with(|c: char| c.is_ascii_digit()));
    colon || next.is_some_and(|n| n.is("am") || n.is("pm"))
}

fn slot(source: &str) -> Slot {
    if let Some(n) = source.strip_prefix('~') {
        return Slot::Gap(n.parse().unwrap_or(1));
    }
    let (optional, body) = match source.strip_prefix('?') {
        Some(rest) => (true, rest),
        None => (false, source),
    };
    let mut words = Alternatives::default();
    for w in body.split('|') {
        match w {
            "#" => words.other.push(Word::Number),
            "#time" => words.other.push(Word::Time),
            "@" => words.other.push(Word::Handle),
            w => match w.strip_suffix('*') {
                Some(prefix) => words.other.push(Word::Prefix(prefix.to_owned())),
                None => words.exact.push(w.to_owned()),
            },
        }
    }
    words.set = WordSet::new(words.exact.iter().map(String::as_str));
    Slot::Words { words, optional }
}

/// Patterns that answer one kind of mention, with guards whose matches cancel overlapping
/// ones ("non-emergency" is not "emergency").
#[derive(Debug, Clone)]
pub struct PhraseSet {
    patterns: Vec<Pattern>,
    guards: Vec<Pattern>,
    /// Every word a pattern can start with, when all patterns start with exact words: a
    /// statement without any of them cannot match (the common case).
    starts: Option<WordSet>,
}

impl PhraseSet {
    pub fn new(patterns: &[&str], guards: &[&str]) -> Self {
        let patterns: Vec<Pattern> = patterns.iter().map(|p| Pattern::new(p)).collect();
        let starts = patterns
            .iter()
            .map(|p| match p.slots.first() {
                Some(Slot::Words {
                    words,
                    optional: false,
                }) if words.other.is_empty() => Some(words.exact.iter().map(String::as_str)),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|firsts| WordSet::new(firsts.into_iter().flatten()));
        Self {
            patterns,
            guards: guards.iter().map(|p| Pattern::new(p)).collect(),
            starts,
        }
    }

    /// The matches in `tokens` that no guard match overlaps.
    pub fn find_all(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        if self
            .starts
            .as_ref()
            .is_some_and(|s| !tokens.iter().any(|t| s.has(t)))
        {
            return Vec::new();
        }
        let guarded: Vec<Range<usize>> = self
            .guards
            .iter()
            .flat_map(|g| g.find_all(tokens))
            .collect();
        let mut hits: Vec<Range<usize>> = self
            .patterns
            .iter()
            .flat_map(|p| p.find_all(tokens))
            .filter(|m| !guarded.iter().any(|g| g.start < m.end && m.start < g.end))
            .collect();
        hits.sort_by_key(|r| (r.start, r.end));
        hits
    }

    /// True when some pattern matches and no guard covers it.
    pub fn is_match(&self, tokens: &[Token]) -> bool {
        !self.find_all(tokens).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::note::text::tokenize;

    fn hits(pattern: &str, text: &str) -> usize {
        Pattern::new(pattern)
            .find_all(&tokenize(text, 0..text.len()))
            .len()
    }

    #[test]
    fn slots_gaps_and_options() {
        assert_eq!(
            hits("outside ?of ~3 hours", "outside of Jill's working hours"),
            1
        );
        assert_eq!(hits("outside ?of ~3 hours", "outside hours"), 1);
        assert_eq!(
            hits("outside ?of ~1 hours", "outside of Jill's working hours"),
            0
        );
        assert_eq!(hits("pre existing", "pre-existing tickets"), 1);
        assert_eq!(hits("sev|severity ?- #", "Sev 1 and severity-1"), 2);
        assert_eq!(hits("emergenc*", "Emergencies"), 1);
        assert_eq!(
            hits(
                "after #time",
                "after 5pm, after 17:00, after 5 pm, after 5 tickets"
            ),
            3
        );
    }

    #[test]
    fn hard_punctuation_stops_a_match() {
        assert_eq!(hits("outside ~3 hours", "outside. Hours"), 0);
        assert_eq!(hits("outside ~3 hours", "outside, during hours"), 0);
    }

    #[test]
    fn guards_cancel_overlapping_matches() {
        let set = PhraseSet::new(&["emergenc*"], &["non emergenc*"]);
        let text = "non-emergency tickets; emergencies go to on-call";
        assert_eq!(set.find_all(&tokenize(text, 0..text.len())).len(), 1);
    }
}
