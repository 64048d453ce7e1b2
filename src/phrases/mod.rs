//! Phrase matching for org-note questions: compiled once per run, shared by all files.
//!
//! A question is answered when one of its patterns matches the note text after every
//! guard's matches were blanked out (so "non-emergency" never counts as "emergency").
//!
//! Patterns may use the placeholder `{name}` (at most once each): a person's name, i.e. one
//! to four capitalised words ("Jill", "Jill Smith", "O'Neil", "Jean-Luc") or a GitLab
//! handle (`@jsmith`). A pattern with `{name}` only counts where the name passes
//! [`is_person_name`]: "the ASE is unavailable" names nobody, nor does "ASE: TBD".
//!
//! `names` decides what a `{name}` is; `lazy_regex` turns patterns into regexes compiled on
//! first use.

mod lazy_regex;
mod names;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use lazy_regex::{LazyRegex, ascii_classes, build_regex};
pub use names::{NAME_PLACEHOLDER, is_name_word, is_person_name};
use names::{accepted, expand};

/// Gives every compiled matcher a distinct id (see [`PhraseMatcher::id`]).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Why a phrase pattern was refused (the regex engine's message, which points at the
/// offending part of the pattern).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct PhraseError(Box<regex_automata::meta::BuildError>);

/// A compiled phrase set for one question.
///
/// Regexes are compiled on first use: a run that never reads a question (a README-only
/// run, or notes that are not ASE notes) never pays for it. Patterns that are not known to
/// compile (the user's own) are checked up front so a bad one is a configuration error.
///
/// Compiling dominates a one-file run (about 1 ms a pattern, most of it parsing and
/// case-folding), so every pattern is compiled once: the patterns without `{name}` in one
/// multi-pattern regex, the guards in another, and each `{name}` pattern on its own (its
/// name capture must be checked).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    id: u64,
    /// Patterns without `{name}`: any match answers.
    plain: LazyRegex,
    /// Patterns with `{name}`: a match answers when its name is a person's name.
    named: Vec<LazyRegex>,
    /// All guards: every match is blanked out (one leftmost-first scan, so where two
    /// guards overlap, the one that starts first, or is listed first, wins).
    guards: LazyRegex,
}

/// Where a phrase matched, in the note text (byte offsets) and the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl PhraseMatcher {
    /// Compiles case-insensitive patterns and guards (with `{name}` expanded) now; an
    /// invalid pattern is returned as an error naming it.
    pub fn compile(patterns: &[String], guards: &[String]) -> Result<Self, PhraseError> {
        let matcher = Self::compile_lazily(patterns, guards, |_| false)?;
        matcher.plain.compile_now()?;
        matcher.guards.compile_now()?;
        for named in &matcher.named {
            named.compile_now()?;
        }
        Ok(matcher)
    }

    /// Like [`PhraseMatcher::compile`], but compiles on first use. Patterns for which
    /// `known_good` does not hold (the user's own) are checked now, one by one, so the
    /// error names the bad one.
    pub fn compile_lazily(
        patterns: &[String],
        guards: &[String],
        known_good: impl Fn(&str) -> bool,
    ) -> Result<Self, PhraseError> {
        for unknown in patterns.iter().chain(guards).filter(|p| !known_good(p)) {
            build_regex(&[ascii_classes(&expand(unknown))])?;
        }
        let (named, plain): (Vec<&String>, Vec<&String>) =
            patterns.iter().partition(|p| p.contains(NAME_PLACEHOLDER));
        Ok(Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            plain: LazyRegex::new(plain),
            named: named.into_iter().map(|p| LazyRegex::new([p])).collect(),
            guards: LazyRegex::new(guards),
        })
    }

    /// True when the set has no patterns (it can never match).
    pub fn is_empty(&self) -> bool {
        self.plain.expanded.is_empty() && self.named.is_empty()
    }

    /// A number no other matcher compiled in this process has (clones share it): lets a
    /// cache tell results of different configurations apart.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// False when no pattern matches even the unmasked text: guards only blank text out,
    /// so the note cannot answer the question and the guards need not run. Most notes
    /// are not ASE notes, and this spares them every guard of the ASE-note set.
    fn may_match(&self, text: &str) -> bool {
        self.plain.is_match(text) || self.named.iter().any(|p| p.is_match(text))
    }

    /// Replaces what the guards match with spaces (byte offsets are kept).
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let Some(guards) = self.guards.get() else {
            return Cow::Borrowed(text);
        };
        let mut matches = guards.find_iter(text).map(|m| m.range()).peekable();
        if matches.peek().is_none() {
            return Cow::Borrowed(text);
        }
        let mut masked = text.to_owned();
        for range in matches {
            let blank = " ".repeat(range.len());
            masked.replace_range(range, &blank);
        }
        Cow::Owned(masked)
    }

    /// True when the (guard-masked) text answers the question.
    pub fn is_match(&self, text: &str) -> bool {
        if !self.may_match(text) {
            return false;
        }
        let masked = self.mask(text);
        self.plain.is_match(&masked) || self.named_matches(&masked).next().is_some()
    }

    /// The leftmost match of each `{name}` pattern whose name is a person's name.
    fn named_matches<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.named
            .iter()
            .filter_map(|p| p.get().and_then(|re| accepted(re, text)))
    }

    /// The first (leftmost) match in the guard-masked text, if any.
    pub fn find(&self, text: &str) -> Option<PhraseMatch> {
        if !self.may_match(text) {
            return None;
        }
        let masked = self.mask(text);
        let plain = self.plain.get().and_then(|re| re.find(masked.as_ref()));
        plain
            .map(|m| m.range())
            .into_iter()
            .chain(self.named_matches(&masked))
            .min_by_key(|m| m.start)
            .map(|m| PhraseMatch {
                start: m.start,
                end: m.end,
                text: text[m].to_owned(),
            })
    }
}

#[cfg(test)]
mod tests;
