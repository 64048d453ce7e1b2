//! Words of a note: Markdown reduced to its visible text (byte offsets kept) and split into
//! tokens.
//!
//! [`visible_text`] blanks what a reader does not see as words (link targets, HTML, URLs,
//! emphasis marks) with spaces, so every byte offset of the result is an offset into the
//! note. [`tokenize`] turns a stretch of that text into [`Token`]s: words (with their case),
//! `@handles`, numbers and punctuation, each with its span in the note.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes (`don't`, `O'Neil`).
    Word,
    /// A GitLab handle: `@` and what follows (`@hoa.tran`).
    Handle,
    /// One punctuation character.
    Punct(char),
}

/// One token of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// The token in lowercase, typographic apostrophes made plain.
    pub lower: String,
    /// [`word_key`] of `lower`: word lists compare these instead of strings.
    pub key: u64,
    /// Where the token stands in the note.
    pub span: Range<usize>,
    /// The first character is an uppercase letter, or a letter of a script without case.
    pub capitalised: bool,
    /// Every letter is uppercase and there are at least two (`ASE`, `EMEA`).
    pub all_caps: bool,
}

/// A 64-bit FNV-1a hash of a lowercase word: the key word lists look words up by.
pub fn word_key(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A sorted set of word keys, for lists looked up on every token.
#[derive(Debug, Clone, Default)]
pub struct WordSet(Vec<u64>);

impl WordSet {
    /// The set of `words` (lowercase).
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut keys: Vec<u64> = words.into_iter().map(word_key).collect();
        keys.sort_unstable();
        keys.dedup();
        WordSet(keys)
    }

    /// True when the token is one of the words.
    pub fn has(&self, token: &Token) -> bool {
        token.kind == Kind::Word && self.0.binary_search(&token.key).is_ok()
    }

    /// True when `word` (lowercase) is one of the words.
    pub fn has_word(&self, word: &str) -> bool {
        self.0.binary_search(&word_key(word)).is_ok()
    }

    /// True when the set has no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Token {
    /// A punctuation token (also used for the `|` that separates context parts).
    pub fn punct(c: char, span: Range<usize>) -> Token {
        let lower = c.to_string();
        Token {
            kind: Kind::Punct(c),
            key: word_key(&lower),
            lower,
            span,
            capitalised: false,
            all_caps: false,
        }
    }

    /// True for a word token equal to `word` (lowercase).
    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.lower == word
    }

    /// True for the punctuation `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for a word or handle.
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Handle)
    }

    /// The token's original text.
    pub fn raw<'n>(&self, note: &'n str) -> &'n str {
        note.get(self.span.clone()).unwrap_or("")
    }
}

/// The note with everything that is not readable text blanked by spaces (same length, same
/// offsets). Line breaks are kept.
pub fn visible_text(note: &str, keep: &[Range<usize>]) -> String {
    let mut out = vec![b' '; note.len()];
    for (i, b) in note.bytes().enumerate() {
        if b == b'\n' || b == b'\r' {
            out[i] = b;
        }
    }
    for range in keep {
        if let Some(part) = note.get(range.clone()) {
            out[range.clone()].copy_from_slice(part.as_bytes());
        }
    }
    blank_urls(&mut out);
    blank_html_entities(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Blanks bare URLs (`https://…`, `www.…`) and site paths (`/handbook/…`): they carry no
/// sentence words and their path segments ("ase-emergency") would read as words.
fn blank_urls(text: &mut [u8]) {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let at_word_start = i == 0 || !text[i - 1].is_ascii_alphanumeric();
        let url = rest.starts_with(b"http://")
            || rest.starts_with(b"https://")
            || rest.starts_with(b"www.")
            || rest.starts_with(b"mailto:");
        let path = rest.first() == Some(&b'/')
            && rest.get(1).is_some_and(u8::is_ascii_alphabetic)
            && (i == 0 || text[i - 1].is_ascii_whitespace() || text[i - 1] == b'(');
        if at_word_start && (url || path) {
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b')' | b'>' | b']'))
                .map_or(text.len(), |p| i + p);
            for b in &mut text[i..end] {
                if b.is_ascii() {
                    *b = b' ';
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Blanks HTML entities (`&mdash;`, `&amp;`, `&#8212;`) left by rich-text editors.
fn blank_html_entities(text: &mut [u8]) {
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'&' {
            let name = text[i + 1..]
                .iter()
                .take(9)
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'));
            if let Some(len) = name.filter(|&n| n > 1 && text.get(i + 1 + n) == Some(&b';')) {
                for b in &mut text[i..=i + 1 + len] {
                    *b = b' ';
                }
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
}

/// True when the `_` at byte `i` joins two words (`out_of_hours`).
fn snake_case_joint(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// The tokens of `text[range]` (offsets are into `text`, which is [`visible_text`]'s output).
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut tokens = Vec::new();
    let mut chars = part.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let start = range.start + i;
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric()
                    || is_combining(d)
                    || is_apostrophe(d) && inner_apostrophe(part, j, d)
                {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push_word(&mut tokens, &part[i..end], start);
        } else if c == '@' && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric()) {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                let inner = matches!(d, '.' | '-' | '_')
                    && part[j + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || d == '_' || inner {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let lower = part[i..end].to_lowercase();
            tokens.push(Token {
                kind: Kind::Handle,
                key: word_key(&lower),
                lower,
                span: start..range.start + end,
                capitalised: false,
                all_caps: false,
            });
        } else if c == '_' && snake_case_joint(part, i) {
            // `out_of_hours: …`, `ase_region`: the words of a snake_case key.
            continue;
        } else if !c.is_whitespace() {
            let c = if is_apostrophe(c) { '\'' } else { c };
            let mut token = Token::punct(dash_or(c), start..start + c.len_utf8().max(1));
            token.lower = c.to_string();
            token.key = word_key(&token.lower);
            tokens.push(token);
        }
    }
    tokens
}

fn word(raw: &str, span: Range<usize>) -> Token {
    let lower: String = raw
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    // "d'Almeida", "l'Estrange": the capital after the elided article counts.
    let elided = raw.chars().nth(1).is_some_and(is_apostrophe)
        && raw.chars().nth(2).is_some_and(char::is_uppercase);
    let first = if elided {
        raw.chars().nth(2).unwrap_or(' ')
    } else {
        raw.chars().next().unwrap_or(' ')
    };
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    let caseless = first.is_alphabetic() && !first.is_lowercase() && !first.is_uppercase();
    Token {
        kind: Kind::Word,
        key: word_key(&lower),
        lower,
        span,
        capitalised: first.is_uppercase() || caseless,
        all_caps: letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()),
    }
}

/// Pushes a word, with a possessive ending as a token of its own (`Jill's` → `Jill`, `'s`).
fn push_word(tokens: &mut Vec<Token>, raw: &str, start: usize) {
    let possessive = raw
        .char_indices()
        .rev()
        .nth(1)
        .filter(|&(at, c)| {
            at > 0 && is_apostrophe(c) && raw[at + c.len_utf8()..].eq_ignore_ascii_case("s")
        })
        .map(|(at, _)| at);
    match possessive {
        Some(at) if !CONTRACTIONS.contains(&word(raw, 0..0).lower.as_str()) => {
            tokens.push(word(&raw[..at], start..start + at));
            tokens.push(word("'s", start + at..start + raw.len()));
        }
        _ => tokens.push(word(raw, start..start + raw.len())),
    }
}

const CONTRACTIONS: &[&str] = &[
    "it's", "that's", "there's", "here's", "what's", "who's", "let's", "he's", "she's",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}')
}

/// An apostrophe inside a word (`don't`, `O'Neil`, `Jill's`) rather than a closing quote.
fn inner_apostrophe(part: &str, at: usize, apostrophe: char) -> bool {
    part[at + apostrophe.len_utf8()..]
        .chars()
        .next()
        .is_some_and(char::is_alphabetic)
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Dashes of every width read as one: `-`.
fn dash_or(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn names_keep_apostrophes_hyphens_and_diacritics() {
        assert_eq!(
            words("D’Arcy Whitlock, Jean-Paul and Trần Thị Hoa (@hoa.tran)."),
            [
                "d'arcy",
                "whitlock",
                ",",
                "jean",
                "-",
                "paul",
                "and",
                "trần",
                "thị",
                "hoa",
                "(",
                "@hoa.tran",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn possessives_are_split_and_contractions_kept() {
        assert_eq!(
            words("Jill's hours; don't"),
            ["jill", "'s", "hours", ";", "don't"]
        );
        assert_eq!(words("Jill’s"), ["jill", "'s"]);
    }

    #[test]
    fn urls_and_paths_are_blanked() {
        let note = "see https://x.y/ase-emergency and /handbook/ase or www.x.y now";
        let text = visible_text(note, std::slice::from_ref(&(0..note.len())));
        assert_eq!(words(&text), ["see", "and", "or", "now"]);
        assert_eq!(text.len(), note.len());
    }

    #[test]
    fn case_is_recorded() {
        let t = tokenize("ASE Jill 李明 amer", 0..17);
        assert!(t[0].all_caps && t[1].capitalised && !t[1].all_caps);
        assert!(t[2].capitalised);
        assert!(!t[3].capitalised);
    }
}
