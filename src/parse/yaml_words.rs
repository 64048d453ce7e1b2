//! serde-saphyr's errors in words: what a person must change, not what the parser or
//! the deserialiser expected. Syntax errors get the YAML rule broken and the fix;
//! errors of a valid document's shape become a [`Problem`] the caller words with the key
//! path it knows.

use serde_saphyr::Error;

use crate::words::{one_of, visible_controls};

/// Where a problem is: 1-based line and column (`None`: nowhere in particular).
pub type Position = Option<(u64, u64)>;

/// What is wrong with a YAML document.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The text is not YAML: the message says which rule is broken and how to fix it.
    Syntax(String),
    /// A value of the wrong kind: what is allowed there ("a list", "text").
    Expected(String),
    /// A key that is not allowed, and the keys that are.
    UnknownKey {
        key: String,
        allowed: Vec<&'static str>,
    },
    /// A value that is not one of the allowed ones.
    UnknownValue {
        value: String,
        allowed: Vec<&'static str>,
    },
    /// A required key is missing.
    MissingKey(&'static str),
    /// Valid YAML that still cannot be read, in words.
    Other(String),
}

/// What is wrong, and where, in words. `text` is the document (for the fixes the
/// syntax messages suggest, which quote the offending line).
pub fn describe(err: &Error, text: &str) -> (Position, Problem) {
    // Where it was found (an alias's use, not its anchor), and why.
    let position = err
        .location()
        .or_else(|| innermost(err).location())
        .filter(|l| l.line() > 0)
        .map(|l| (l.line(), l.column()));
    let err = innermost(err);
    let problem = match err {
        Error::ExternalMessage { msg, .. } => return syntax(msg, position, text),
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => Problem::Syntax(TOO_BIG.to_owned()),
        // YAML requires unique keys: a file with a key twice is not valid YAML.
        Error::DuplicateMappingKey { .. } => Problem::Syntax(other_words(err)),
        other => shape(other),
    };
    (position, problem)
}

/// The error under snippets and alias wrappers.
fn innermost(err: &Error) -> &Error {
    match err.without_snippet() {
        Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// A valid document's problem.
fn shape(err: &Error) -> Problem {
    match err {
        Error::Unexpected { expected, .. } => Problem::Expected(expected_words(expected)),
        Error::NullIntoString { .. } => Problem::Expected("text".to_owned()),
        Error::InvalidScalar { ty, .. } => Problem::Expected(expected_words(ty)),
        Error::SerdeInvalidType { expected, .. } | Error::SerdeInvalidValue { expected, .. } => {
            Problem::Expected(expected_words(expected))
        }
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Problem::UnknownValue {
            value: visible_controls(variant),
            allowed: expected.clone(),
        },
        Error::SerdeUnknownField {
            field, expected, ..
        } => Problem::UnknownKey {
            key: visible_controls(field),
            allowed: expected.clone(),
        },
        Error::SerdeMissingField { field, .. } => Problem::MissingKey(field),
        other => Problem::Other(other_words(other)),
    }
}

/// What the deserialiser expected, as a person says it.
fn expected_words(expected: &str) -> String {
    let words = match expected.trim_start_matches("a ").trim_start_matches("an ") {
        "mapping start" | "map" | "mapping" => "a mapping (`key: value` lines)",
        "sequence start" | "sequence" => "a list",
        "string scalar" | "string" | "str" | "char" => "text",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number (0 or more)",
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number",
        "f32" | "f64" | "float" => "a number",
        "bool" | "boolean" => "`true` or `false`",
        other if other.starts_with("struct ") => "a mapping (`key: value` lines)",
        _ => "a different kind of value",
    };
    words.to_owned()
}

/// Every other error of a valid document, in words.
fn other_words(err: &Error) -> String {
    match err {
        Error::DuplicateMappingKey { key, .. } => match key {
            Some(key) => format!(
                "the key `{}` appears twice; keep one of them",
                visible_controls(key)
            ),
            None => "a key appears twice in the same mapping; keep one of them".to_owned(),
        },
        Error::BinaryNotUtf8 { .. } | Error::TaggedScalarCannotDeserializeIntoString { .. } => {
            "this value is tagged `!!binary` and its bytes are not text; write the text itself, without the tag".to_owned()
        }
        Error::InvalidBinaryBase64 { .. } => {
            "this value is tagged `!!binary` but is not base64; write the text itself, without the tag".to_owned()
        }
        Error::MultipleDocuments { .. } => {
            "the file holds more than one YAML document (a second `---` line); keep one".to_owned()
        }
        Error::UnknownAnchor { .. } => {
            "this alias (`*name`) refers to no anchor (`&name`) defined before it".to_owned()
        }
        Error::Eof { .. } => "the file ends where a value was still expected".to_owned(),
        Error::InvalidUtf8Input => "the file is not valid UTF-8 text".to_owned(),
        other => fallback_words(other),
    }
}

/// Said when a document goes beyond the parser's budgets.
pub const TOO_BIG: &str = "the file is too big or too deeply nested for ase-lint (YAML aliases or \
                           nesting beyond its limits); a configuration or org file needs neither";

/// The parser's own message, without its location and programmers' advice.
fn fallback_words(err: &Error) -> String {
    let text = err.without_snippet().to_string();
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    let located = first.find(" at line ").map_or(first, |i| &first[..i]);
    let message = located.split(". If you").next().unwrap_or(located);
    let message = message.split(", set ").next().unwrap_or(message);
    format!(
        "this YAML cannot be read: {}",
        visible_controls(&unescape_chars(message))
    )
}

/// `\u{0}` (Rust's escape, as the parser prints characters) back to the character.
fn unescape_chars(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find("\\u{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        let decoded = after.find('}').and_then(|end| {
            let c = u32::from_str_radix(&after[..end], 16)
                .ok()
                .and_then(char::from_u32)?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("\\u{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A syntax error: the YAML rule broken, in words, at the place to fix.
fn syntax(msg: &str, position: Position, text: &str) -> (Position, Problem) {
    if let Some(tab) = indenting_tab(msg, position, text) {
        return (Some(tab), Problem::Syntax(TABS.to_owned()));
    }
    let line = position.and_then(|(l, _)| line_text(text, l));
    let words = match msg {
        "mapping values are not allowed in this context" => colon_words(line, position),
        m if m.starts_with("unexpected character") => unexpected_char(m),
        "unclosed quote" => "this quote is never closed; end the text with the same quote mark (`\"` or `'`)".to_owned(),
        m if m.starts_with("unclosed bracket") => format!(
            "this `{}` is never closed: in YAML a value starting with `[` or `{{` is a list or a mapping; close it, or put the whole value in quotes",
            m.trim_start_matches("unclosed bracket ").trim_matches('\'')
        ),
        "while parsing a block mapping, did not find expected key" | "invalid indentation" => {
            "this line is not indented like the lines around it; keys of the same mapping start in the same column, and a value's lines are indented under its key".to_owned()
        }
        "wrongly indented line in block scalar" => {
            "this line of the text is indented less than its first line; indent every line of the text by at least as much".to_owned()
        }
        "block sequence entries are not allowed in this context" => {
            "a `- ` list item cannot follow a value on the same key; put the list on its own lines under the key, or quote the value".to_owned()
        }
        m if m.contains("did not find expected node content") => {
            "a value is missing or starts with a character YAML reserves (`@`, `` ` ``, `%`); put the value in quotes".to_owned()
        }
        m if m.starts_with("unexpected EOF") || m == "unexpected eof" => {
            "the file ends in the middle of a value; close what was opened (a quote, `[` or `{`)".to_owned()
        }
        m if m.contains("found unknown escape character") => {
            "a backslash in double quotes starts an escape (`\\n`, `\\\"`); write `\\\\` for a backslash, or use single quotes".to_owned()
        }
        m => format!(
            "this is not valid YAML ({}); if the value is text, put it in quotes",
            visible_controls(&unescape_chars(m))
        ),
    };
    (position, Problem::Syntax(words))
}

/// The one rule about tabs.
const TABS: &str = "tabs cannot indent YAML; use spaces";

/// Where a tab indents a line, when the error is about one (the parser may report it on
/// the line before, where the block it breaks begins).
fn indenting_tab(msg: &str, position: Position, text: &str) -> Position {
    let (line, _) = position?;
    let candidates = [line, line + 1];
    let found = candidates.iter().find_map(|&n| {
        let body = line_text(text, n)?;
        let indent = body.len() - body.trim_start_matches([' ', '\t']).len();
        let column = body[..indent].find('\t')?;
        Some((n, column as u64 + 1))
    });
    let about_tabs = msg.contains("tab");
    let starts_with_tab = found.is_some_and(|(_, column)| column == 1);
    found.filter(|_| about_tabs || starts_with_tab)
}

/// Line `n` (1-based) of `text`, without its line break.
fn line_text(text: &str, n: u64) -> Option<&str> {
    let index = usize::try_from(n.checked_sub(1)?).ok()?;
    text.lines().nth(index)
}

/// "mapping values are not allowed": a `: ` inside a value (quote it) or a key indented
/// under another key's value.
fn colon_words(line: Option<&str>, position: Position) -> String {
    let Some(line) = line else {
        return "a `:` followed by a space starts a mapping here; put the value in quotes"
            .to_owned();
    };
    let indent = line.len() - line.trim_start().len();
    match line.trim_start().split_once(": ") {
        Some((key, value)) if !key.is_empty() && past_first_colon(line, position) => {
            let quoted = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
            format!(
                "a `:` inside a value needs quotes: `{}{key}: \"{quoted}\"`",
                " ".repeat(indent)
            )
        }
        _ if indent > 0 => "this key is indented as if it belonged to the value above it; start it in the same column as the other keys".to_owned(),
        _ => "a `:` followed by a space starts a mapping here; put the value in quotes".to_owned(),
    }
}

/// Whether the error column is after the line's first `: ` (a colon inside the value).
fn past_first_colon(line: &str, position: Position) -> bool {
    let column = position.map_or(0, |(_, c)| c);
    let first = line
        .find(": ")
        .map_or(usize::MAX, |i| line[..i].chars().count() + 1);
    usize::try_from(column).is_ok_and(|c| c > first)
}

/// "unexpected character: `\u{0}'" → the character's name and the fix.
fn unexpected_char(msg: &str) -> String {
    let raw = msg
        .trim_start_matches("unexpected character:")
        .trim()
        .trim_start_matches('`')
        .trim_end_matches('\'');
    let unescaped = unescape_chars(raw);
    let mut chars = unescaped.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_control() => format!(
            "the control character {} is not allowed in YAML; delete it (it is invisible in most editors)",
            crate::words::codepoint(c)
        ),
        (Some(c), None) => format!("`{c}` cannot start a value in YAML; put the value in quotes"),
        _ => format!(
            "a character YAML does not allow here ({}); put the value in quotes",
            visible_controls(&unescaped)
        ),
    }
}

/// "`a`, `b` or `c`" for a problem's allowed values.
pub fn allowed_words(allowed: &[&str]) -> String {
    one_of(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> (Position, Problem) {
        let err = serde_saphyr::from_str::<serde::de::IgnoredAny>(text).err();
        let err = err.unwrap_or_else(|| panic!("{text:?} parses"));
        describe(&err, text)
    }

    #[test]
    fn a_colon_in_a_value_needs_quotes() {
        let (at, p) = problem("id: 1\nname: PP: Foo\n");
        assert_eq!(at.map(|p| p.0), Some(2));
        assert_eq!(
            p,
            Problem::Syntax("a `:` inside a value needs quotes: `name: \"PP: Foo\"`".into())
        );
    }

    #[test]
    fn tabs_are_reported_on_their_own_line() {
        let (at, p) = problem("id: 1\nnotes: |\n\tTabbed note.\n");
        assert_eq!(at, Some((3, 1)));
        assert_eq!(p, Problem::Syntax(TABS.into()));
    }

    #[test]
    fn control_characters_are_named() {
        let (_, p) = problem("id: 1\u{0}\n");
        let Problem::Syntax(words) = p else {
            panic!("{p:?}")
        };
        assert!(words.contains("U+0000"), "{words}");
    }
}
