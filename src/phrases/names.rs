//! Person names in phrases: the `{name}` placeholder's regex (candidates only) and the
//! checks that decide whether a candidate is someone's name ("Jill Smith", "@jsmith",
//! "李明", not "TBD" or "Support").

use std::borrow::Cow;
use std::ops::Range;

use regex_automata::Input;
use regex_automata::meta::Regex;

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

/// The leftmost match of a `{name}` pattern whose name is a person's name.
pub(super) fn accepted(re: &Regex, text: &str) -> Option<Range<usize>> {
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
pub(super) fn expand(pattern: &str) -> Cow<'_, str> {
    if !pattern.contains(NAME_PLACEHOLDER) {
        return Cow::Borrowed(pattern);
    }
    let any = NON_ASCII_LETTERISH;
    let word = format!(r"(?:\b[A-Z](?:['’][A-Z])?(?:[a-z]|{any})|{any})(?:[A-Za-z'’-]|{any})*");
    let group = format!(r"(?P<{NAME_GROUP}>@[\w.-]*\w|(?-i:{word}(?:[ \t]+{word}){{0,3}}))");
    Cow::Owned(pattern.replace(NAME_PLACEHOLDER, &group))
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
