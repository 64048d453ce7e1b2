//! Phrase matching for org-note questions: compiled once per run, shared by all files.
//!
//! A question is answered when one of its patterns matches the note text after every
//! guard's matches were blanked out (so "non-emergency" never counts as "emergency").
//!
//! Patterns may use the placeholder `{name}` (at most once each): a person's name, i.e. one
//! to four capitalised words ("Jill", "Jill Smith", "O'Neil", "Jean-Luc") or a GitLab
//! handle (`@jsmith`). A pattern with `{name}` only counts where the name passes
//! [`is_person_name`]: "the ASE is unavailable" names nobody, nor does "ASE: TBD".

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use regex_automata::Input;
use regex_automata::meta::Regex;
use regex_automata::util::syntax;

/// The placeholder for a person's name in a phrase pattern.
pub const NAME_PLACEHOLDER: &str = "{name}";

/// The capture group `{name}` becomes.
const NAME_GROUP: &str = "name";

/// Any character that can be part of a non-ASCII name: everything outside ASCII except
/// Latin-1 punctuation, general punctuation, arrows, symbols, CJK punctuation, variation
/// selectors and emoji. A cheap class on purpose (see [`is_name_word`]).
const NON_ASCII_LETTERISH: &str = r"[^\x00-\x7F\u{80}-\u{BF}\u{D7}\u{F7}\u{2000}-\u{2BFF}\u{3000}-\u{303F}\u{FE00}-\u{FE0F}\u{1F000}-\u{1FFFF}]";

/// How many rejected `{name}` candidates one pattern may try in one note before giving up
/// (keeps pathological notes linear).
const MAX_NAME_CANDIDATES: usize = 64;

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

/// One regex over one or more patterns, compiled the first time a note needs it.
#[derive(Debug, Clone)]
struct LazyRegex {
    /// The patterns with `{name}` expanded and ASCII classes, as they are compiled.
    expanded: Vec<String>,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    fn new<'p>(patterns: impl IntoIterator<Item = &'p String>) -> Self {
        LazyRegex {
            expanded: patterns
                .into_iter()
                .map(|p| ascii_classes(&expand(p)))
                .collect(),
            compiled: OnceLock::new(),
        }
    }

    /// Compiles now; the error names the engine's complaint.
    fn compile_now(&self) -> Result<(), PhraseError> {
        let regex = build_regex(&self.expanded)?;
        let _ = self.compiled.set(regex);
        Ok(())
    }

    /// The compiled regex; `None` when there are no patterns, or for known-good patterns
    /// that failed after all (the built-in ones are all compiled by a unit test), which
    /// then match nothing.
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| build_regex(&self.expanded).ok().flatten())
            .as_ref()
    }

    fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|re| re.is_match(text))
    }
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
        self.plain.is_match(&masked) || self.named.iter().any(|p| accepted(p, &masked).is_some())
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
            .chain(self.named.iter().filter_map(|p| accepted(p, &masked)))
            .min_by_key(|m| m.start)
            .map(|m| PhraseMatch {
                start: m.start,
                end: m.end,
                text: text[m].to_owned(),
            })
    }
}

/// The leftmost match of a `{name}` pattern whose name is a person's name.
fn accepted(pattern: &LazyRegex, text: &str) -> Option<Range<usize>> {
    let re = pattern.get()?;
    let mut caps = re.create_captures();
    let mut at = 0;
    for _ in 0..MAX_NAME_CANDIDATES {
        if at > text.len() {
            return None;
        }
        re.search_captures(&Input::new(text).range(at..), &mut caps);
        let whole = caps.get_match()?;
        match caps.get_group_by_name(NAME_GROUP) {
            Some(name) if !is_name_at(text, name.range()) => {
                at = next_char(text, whole.start());
            }
            _ => return Some(whole.range()),
        }
    }
    None
}

/// True when `text[name]`, a `{name}` capture, is a person's name: a handle, or words of
/// the right shape (see [`is_name_word`]) that do not start inside another word and pass
/// [`is_person_name`].
fn is_name_at(text: &str, name: Range<usize>) -> bool {
    let candidate = &text[name.clone()];
    if candidate.starts_with('@') {
        return is_person_name(candidate);
    }
    let inside_word = text[..name.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    !inside_word
        && candidate
            .split([' ', '\t'])
            .filter(|w| !w.is_empty())
            .all(is_name_word)
        && is_person_name(candidate)
}

/// One word of a name: a capital, an optional apostrophe and capital ("O'Neil"), then a
/// lowercase letter and any letters, marks, apostrophes or hyphens ("Jean-Luc", "Zoë");
/// or a word of a script without case ("李明"). The regex only finds candidates (cheap
/// ASCII-plus-any-non-ASCII classes, since Unicode letter classes made start-up slow);
/// this decides.
pub fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_caseless_letter(first) {
        return chars.all(|c| is_caseless_letter(c) || is_mark(c));
    }
    if !first.is_uppercase() {
        return false;
    }
    if chars.next_if(|&c| c == '\'' || c == '’').is_some()
        && chars.next_if(|c| c.is_uppercase()).is_none()
    {
        return false;
    }
    chars.next().is_some_and(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || is_mark(c) || matches!(c, '\'' | '’' | '-'))
}

/// A letter of a script without case (`\p{Lo}`, near enough).
fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase() && !c.is_ascii()
}

/// A combining mark that `char::is_alphabetic` does not already cover (diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True when `candidate` can be a person: an `@handle`, or words whose first is
/// capitalised with lowercase letters after (not an acronym such as `TBD` or `CSM`) and is
/// not a common word ("The", "Please", "Unavailable", "Support", …).
pub fn is_person_name(candidate: &str) -> bool {
    let candidate = candidate.trim();
    if let Some(handle) = candidate.strip_prefix('@') {
        return handle.chars().any(char::is_alphanumeric);
    }
    let Some(first) = candidate.split_whitespace().next() else {
        return false;
    };
    let word = first
        .strip_suffix("'s")
        .or_else(|| first.strip_suffix("’s"))
        .unwrap_or(first)
        .trim_end_matches(['\'', '’', '-', '.', ',']);
    let mut chars = word.chars();
    let shaped = match (chars.next(), chars.next()) {
        (Some(c), Some(next)) if c.is_uppercase() => next.is_lowercase() || "'’".contains(next),
        (Some(c), _) => c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase(),
        (None, _) => false,
    };
    shaped && !is_common_word(word)
}

/// Capitalised words that start sentences, labels and headings but are nobody's name
/// (the note analysis's list, [`crate::note::lexicon::NOT_NAMES`]).
fn is_common_word(word: &str) -> bool {
    static SET: std::sync::LazyLock<crate::note::text::WordSet> = std::sync::LazyLock::new(|| {
        crate::note::text::WordSet::new(crate::note::lexicon::NOT_NAMES.iter().copied())
    });
    SET.has_word(&word.to_lowercase())
}

/// Expands `{name}` into the name capture group: a handle, or one to four words that
/// start with a capital (and a lowercase letter, so not "TBD") or with a non-ASCII
/// character, to be confirmed by [`is_name_at`]. Case-sensitive even though the rest of a
/// pattern is not.
fn expand(pattern: &str) -> Cow<'_, str> {
    if !pattern.contains(NAME_PLACEHOLDER) {
        return Cow::Borrowed(pattern);
    }
    let any = NON_ASCII_LETTERISH;
    let word = format!(r"(?:\b[A-Z](?:['’][A-Z])?(?:[a-z]|{any})|{any})(?:[A-Za-z'’-]|{any})*");
    let group = format!(r"(?P<{NAME_GROUP}>@[\w.-]*\w|(?-i:{word}(?:[ \t]+{word}){{0,3}}))");
    Cow::Owned(pattern.replace(NAME_PLACEHOLDER, &group))
}

/// Makes `\w`, `\s`, `\d` and `\b` ASCII-only (a user's `\p{..}` stays Unicode). Case-insensitive Unicode `\w` costs tens of milliseconds to compile per
/// pattern, which made every run start ~1 s late; phrases are English words, so ASCII
/// classes match the same text.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e @ ('w' | 's' | 'd')) if in_class => out.push_str(match e {
                    'w' => "0-9A-Za-z_",
                    's' => " \\t\\n\\r\\x0B\\x0C",
                    _ => "0-9",
                }),
                Some(e @ ('w' | 's' | 'd' | 'b')) => {
                    out.push_str("(?-u:\\");
                    out.push(e);
                    out.push(')');
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is a literal.
                let rest = chars.as_str();
                let literal = if rest.starts_with("^]") {
                    2
                } else {
                    usize::from(rest.starts_with(']'))
                };
                for _ in 0..literal {
                    if let Some(l) = chars.next() {
                        out.push(l);
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// Compiles case-insensitive patterns (already expanded) into one regex; `None` when
/// there are none. No literal prefilter: for these long case-insensitive alternations it
/// cost milliseconds per pattern to build (every case variant of every word), far more
/// than it saves on notes of a few kilobytes, which the lazy DFA scans at once.
fn build_regex(expanded: &[String]) -> Result<Option<Regex>, PhraseError> {
    if expanded.is_empty() {
        return Ok(None);
    }
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            Regex::config()
                .auto_prefilter(false)
                .nfa_size_limit(Some(1 << 24)),
        )
        .build_many(expanded)
        .map(Some)
        .map_err(|e| PhraseError(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_rewrites_perl_classes_inside_and_outside_brackets() {
        assert_eq!(
            ascii_classes(r"\bASE\s+[\w.-]+"),
            r"(?-u:\b)ASE(?-u:\s)+[0-9A-Za-z_.-]+"
        );
        assert_eq!(
            ascii_classes(r"[^)\n]{1,4}\p{Lu}\.\\w"),
            r"[^)\n]{1,4}\p{Lu}\.\\w"
        );
        assert_eq!(ascii_classes(r"[]\d]"), r"[]0-9]");
    }

    fn matcher(p: &[&str], g: &[&str]) -> PhraseMatcher {
        let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
        let g: Vec<String> = g.iter().map(|s| s.to_string()).collect();
        PhraseMatcher::compile(&p, &g).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn guards_blank_out_traps() {
        let m = matcher(&[r"\bemergenc(y|ies)\b"], &[r"\bnon-emergenc(y|ies)\b"]);
        assert!(!m.is_match("all new non-emergency tickets go to Jill"));
        assert!(m.is_match("non-emergency to Jill; emergency tickets to on-call"));
    }

    #[test]
    fn every_guard_blanks_its_matches_and_overlaps_go_to_the_first() {
        let m = matcher(
            &[],
            &["non-emergency", "within 24 hours", "emergency tickets"],
        );
        assert_eq!(
            m.mask("non-emergency tickets within 24 hours"),
            "              tickets                "
        );
        assert_eq!(m.mask("no guard here"), "no guard here");
    }

    #[test]
    fn a_set_with_named_and_plain_patterns_finds_either() {
        let m = matcher(&["{name} is the ASE", r"\bon-call\b"], &[]);
        assert!(m.is_match("Ask on-call."));
        assert!(m.is_match("Jill Smith is the ASE."));
        assert!(!m.is_match("The ASE is the ASE."));
        let found = m.find("Jill is the ASE; else on-call").map(|f| f.text);
        assert_eq!(found.as_deref(), Some("Jill is the ASE"));
    }

    #[test]
    fn find_reports_the_leftmost_match_in_original_text() {
        let m = matcher(&["on-call", "EMERGENCY"], &[]);
        let found = m.find("The Emergency goes on-call");
        assert_eq!(found.map(|f| f.text), Some("Emergency".to_owned()));
    }

    #[test]
    fn name_placeholder_needs_a_capitalised_name() {
        let m = matcher(&[r"\bASE\s+is\s+{name}"], &[]);
        assert!(m.is_match("The ASE is Jill Smith."));
        assert!(m.is_match("the ASE is @jsmith"));
        assert!(m.is_match("the ASE is O'Neil"));
        assert!(!m.is_match("If the ASE is unavailable, reply."));
        assert!(!m.is_match("If the ASE is Unavailable, reply."));
        assert!(!m.is_match("the ASE is TBD"));
        assert!(!m.is_match("the ASE is None"));
    }

    #[test]
    fn a_rejected_name_does_not_hide_a_later_one() {
        let m = matcher(&[r"{name}\s+is\s+the\s+ASE"], &[]);
        let found = m.find("Note Jill Smith is the ASE");
        assert_eq!(
            found.map(|f| f.text),
            Some("Jill Smith is the ASE".to_owned())
        );
        assert!(!m.is_match("Support Team is the ASE"));
    }

    #[test]
    fn names_do_not_start_inside_words() {
        let m = matcher(&[r"{name}\s+is\s+the\s+ASE"], &[]);
        assert!(!m.is_match("theJill is the ASE"));
    }

    #[test]
    fn names_in_other_scripts_and_with_accents_are_names() {
        let m = matcher(&[r"\bASE\s+is\s+{name}\s+from"], &[]);
        for name in [
            "Zoë Dubois",
            "Łukasz Nowak",
            "Émile",
            "李明",
            "O'Neil",
            "Jean-Luc Picard",
        ] {
            assert!(
                m.is_match(&format!("The ASE is {name} from EMEA.")),
                "{name}"
            );
        }
        for not_a_name in ["über", "TBD", "— someone", "🎉"] {
            assert!(
                !m.is_match(&format!("The ASE is {not_a_name} from EMEA.")),
                "{not_a_name}"
            );
        }
    }

    #[test]
    fn name_words_have_a_name_shape() {
        for word in [
            "Jill", "O'Neil", "Zoë", "Łukasz", "McDonald", "Jean-Luc", "李明", "Ng",
        ] {
            assert!(is_name_word(word), "{word}");
        }
        for word in ["jill", "TBD", "O'", "J", "über", "—", "", "Jill…"] {
            assert!(!is_name_word(word), "{word}");
        }
    }

    #[test]
    fn person_names() {
        for name in [
            "Jill",
            "Jill Smith",
            "Jean-Luc",
            "McDonald",
            "@jsmith",
            "李明",
            "Ng",
        ] {
            assert!(is_person_name(name), "{name}");
        }
        for name in [
            "TBD",
            "CSM",
            "EMEA-based",
            "the",
            "Please",
            "Support Engineer",
            "@",
            "",
        ] {
            assert!(!is_person_name(name), "{name}");
        }
    }

    #[test]
    fn ids_differ_per_compilation() {
        let a = matcher(&["x"], &[]);
        let b = matcher(&["x"], &[]);
        assert_ne!(a.id(), b.id());
        assert_eq!(a.clone().id(), a.id());
    }
}
