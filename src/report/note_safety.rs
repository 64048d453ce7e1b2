//! What GitLab would act on in a note body: a quick action, a live reference or mention,
//! raw HTML.
//!
//! An independent model of what GitLab does with a note the bot posts (see
//! `shared/gitlab-api-notes.md`, "Quick actions and mentions in bot bodies"), written as
//! the oracle for [`escape_user_text`](super::mr_comment::escape_user_text): its unit
//! tests, the property test in `tests/robustness.rs`, the regression tests in
//! `tests/bad_inputs.rs` and the `escape` fuzz target all judge its output with
//! [`live_markup`]. The model errs on the side of caution: what it flags may be harmless,
//! what it passes must not act.
//!
//! - **Quick action**: a line whose first character after optional whitespace is `/`,
//!   outside a fenced code block. GitLab itself only runs `/command` at column 0; leading
//!   whitespace is flagged too. Lines end at `\n`, `\r`, U+0085, U+2028 and U+2029.
//! - **Raw HTML**: any `<` that does not open one of the allowed tags (`<code>` and
//!   `</code>` for escaped text).
//! - **Reference or mention**: after removing the allowed tags (a tag ends a text node, so
//!   it separates what is on its two sides) and decoding backslash escapes and character
//!   references as CommonMark does (GitLab's reference filters read the decoded text), a
//!   sigil `@ # ! ~ % $ &` directly followed by a character that can start a reference: a
//!   letter or digit, `_`, `"`, and for `@` also `.` and `-`. Whatever comes before the
//!   sigil is ignored (GitLab would not read `a@b` as a mention; the model does).
//! - **Auto-link**: in the same decoded text, `://` or `www.` (any case) directly followed
//!   by anything but whitespace: GitLab links `scheme://…` (its pattern runs to the next
//!   whitespace or `>`, so a zero-width space *after* `://` would still be linked) and
//!   `www.…`, whatever precedes them.
//! - **Format character**: a Unicode format character (category Cf: bidi controls such
//!   as U+202E, invisible joiners, tags …) anywhere, but the zero-width space U+200B the
//!   escaper itself inserts: bidi controls make a note read differently from what it says.

use std::fmt;

/// Tags that escaped user text may contain: its code spans.
pub const ESCAPED_TEXT_TAGS: &[&str] = &["<code>", "</code>"];

/// Something in a note body that GitLab would act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveMarkup {
    /// Line `line` (1-based) starts, after optional whitespace, with `/`.
    QuickAction { line: usize, text: String },
    /// `sigil` directly followed by `next` in the decoded text.
    Reference { sigil: char, next: char },
    /// A `<` at byte `offset` that does not open an allowed tag.
    RawHtml { offset: usize },
    /// `://` or `www.` followed by `next`: a live link.
    AutoLink { marker: &'static str, next: char },
    /// A format character (category Cf) other than U+200B.
    FormatChar { c: char },
}

impl fmt::Display for LiveMarkup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::QuickAction { line, text } => {
                write!(f, "line {line} would run as a quick action: {text:?}")
            }
            Self::Reference { sigil, next } => {
                write!(f, "`{sigil}{next}` would be a live reference or mention")
            }
            Self::RawHtml { offset } => write!(f, "raw HTML at byte {offset}"),
            Self::AutoLink { marker, next } => {
                write!(f, "`{marker}{next}` would be a live link")
            }
            Self::FormatChar { c } => {
                write!(f, "format character U+{:04X}", u32::from(*c))
            }
        }
    }
}

/// The first thing in `body` that GitLab would act on, if any; `allowed_tags` are the
/// exact tags (such as `<code>`) that may appear raw.
pub fn live_markup(body: &str, allowed_tags: &[&str]) -> Option<LiveMarkup> {
    let decoded = || decode(&remove_tags(body, allowed_tags));
    quick_action(body)
        .or_else(|| raw_html(body, allowed_tags))
        .or_else(|| format_char(body))
        .or_else(|| live_reference(&decoded()))
        .or_else(|| auto_link(&decoded()))
}

/// Unicode's format characters (general category Cf, Unicode 15.1).
pub fn is_format_char(c: char) -> bool {
    matches!(
        u32::from(c),
        0xAD | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

fn format_char(body: &str) -> Option<LiveMarkup> {
    body.chars()
        .find(|&c| c != '\u{200B}' && is_format_char(c))
        .map(|c| LiveMarkup::FormatChar { c })
}

fn auto_link(decoded: &str) -> Option<LiveMarkup> {
    let lower = decoded.to_lowercase();
    ["://", "www."].into_iter().find_map(|marker| {
        lower.match_indices(marker).find_map(|(at, _)| {
            let next = lower[at + marker.len()..].chars().next()?;
            (!next.is_whitespace()).then_some(LiveMarkup::AutoLink { marker, next })
        })
    })
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A fence opener or closer: up to three spaces, then three or more backticks or tildes.
fn fence(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let marker = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.chars().take_while(|&c| c == marker).count();
    (len >= 3).then_some((marker, len))
}

fn quick_action(body: &str) -> Option<LiveMarkup> {
    let mut open_fence: Option<(char, usize)> = None;
    for (index, line) in body.split(is_line_break).enumerate() {
        match (open_fence, fence(line)) {
            (Some((marker, len)), Some((m, l))) if m == marker && l >= len => {
                let after = line.trim_start_matches(' ').trim_start_matches(marker);
                if after.trim().is_empty() {
                    open_fence = None;
                }
                continue;
            }
            (Some(_), _) => continue,
            (None, Some(opened)) => {
                open_fence = Some(opened);
                continue;
            }
            (None, None) => {}
        }
        if line.trim_start().starts_with('/') {
            return Some(LiveMarkup::QuickAction {
                line: index + 1,
                text: line.to_owned(),
            });
        }
    }
    None
}

fn raw_html(body: &str, allowed_tags: &[&str]) -> Option<LiveMarkup> {
    body.match_indices('<')
        .find(|(offset, _)| !allowed_tags.iter().any(|t| body[*offset..].starts_with(t)))
        .map(|(offset, _)| LiveMarkup::RawHtml { offset })
}

/// `body` with each allowed tag replaced by a space: a tag ends the text node before it.
fn remove_tags(body: &str, allowed_tags: &[&str]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    'outer: while let Some(c) = rest.chars().next() {
        if c == '<' {
            for tag in allowed_tags {
                if let Some(after) = rest.strip_prefix(tag) {
                    out.push(' ');
                    rest = after;
                    continue 'outer;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Backslash escapes and character references decoded in one pass, as CommonMark does.
/// Only the named references `amp lt gt quot apos nbsp` are known; any other stays as
/// written (so its `&` is then looked at as a sigil: cautious).
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\'
            && let Some(p) = rest[1..].chars().next().filter(char::is_ascii_punctuation)
        {
            out.push(p);
            rest = &rest[2..];
            continue;
        }
        if c == '&'
            && let Some((decoded, len)) = character_reference(rest)
        {
            out.push(decoded);
            rest = &rest[len..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The character and byte length of the character reference `text` starts with.
fn character_reference(text: &str) -> Option<(char, usize)> {
    let (end, _) = text.char_indices().take(40).find(|&(_, c)| c == ';')?;
    let name = &text[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let (digits, radix, max_len) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16, 6),
                None => (number, 10, 7),
            };
            if digits.is_empty()
                || digits.len() > max_len
                || !digits.chars().all(|c| c.is_digit(radix))
            {
                return None;
            }
            match u32::from_str_radix(digits, radix)
                .ok()
                .and_then(char::from_u32)
            {
                Some('\0') | None => '\u{FFFD}',
                Some(c) => c,
            }
        }
    };
    Some((decoded, end + 1))
}

fn starts_reference(sigil: char, next: char) -> bool {
    next.is_alphanumeric()
        || next == '_'
        || next == '"'
        || (sigil == '@' && matches!(next, '.' | '-'))
}

fn live_reference(decoded: &str) -> Option<LiveMarkup> {
    let mut chars = decoded.chars().peekable();
    while let Some(sigil) = chars.next() {
        if !matches!(sigil, '@' | '#' | '!' | '~' | '%' | '$' | '&') {
            continue;
        }
        if let Some(&next) = chars.peek()
            && starts_reference(sigil, next)
        {
            return Some(LiveMarkup::Reference { sigil, next });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn live(body: &str) -> Option<LiveMarkup> {
        live_markup(body, ESCAPED_TEXT_TAGS)
    }

    #[test]
    fn quick_actions_are_found_at_line_starts_outside_fences() {
        assert!(matches!(
            live("/merge"),
            Some(LiveMarkup::QuickAction { line: 1, .. })
        ));
        assert!(matches!(
            live("ok\n  /approve"),
            Some(LiveMarkup::QuickAction { line: 2, .. })
        ));
        assert!(matches!(
            live("a\r/close"),
            Some(LiveMarkup::QuickAction { .. })
        ));
        assert!(matches!(
            live("a\u{2028}/close"),
            Some(LiveMarkup::QuickAction { .. })
        ));
        assert!(matches!(
            live("\u{A0}/close"),
            Some(LiveMarkup::QuickAction { .. })
        ));
        assert_eq!(live("a /merge"), None);
        assert_eq!(live("\u{200B}/merge"), None);
        assert_eq!(live("```\n/merge\n```\nok"), None);
        assert_eq!(live("~~~~\n/merge\n~~~\n/x\n~~~~"), None);
        assert!(matches!(
            live("```\n```\n/merge"),
            Some(LiveMarkup::QuickAction { line: 3, .. })
        ));
    }

    #[test]
    fn references_count_after_decoding_and_tags_separate() {
        for body in [
            "@all",
            "#12",
            "\\!3",
            "~bug",
            "~\"a b\"",
            "%v1",
            "$7",
            "&12",
            "&#64;all",
            "&amp;1",
            "@.x",
            "<code>x</code>@y",
        ] {
            assert!(
                matches!(live(body), Some(LiveMarkup::Reference { .. })),
                "{body}"
            );
        }
        for body in [
            "@\u{200B}all",
            "# 12",
            "\\!\u{200B}3",
            "&#124;",
            "@<code>all</code>",
            "50 % off",
            "&amp;\u{200B}lt;",
            "a&#x7c;b",
        ] {
            assert_eq!(live(body), None, "{body}");
        }
    }

    #[test]
    fn auto_links_and_format_characters_are_live() {
        for body in [
            "https://evil.example/login",
            "see WWW.evil.example",
            "x&#58;//y",
        ] {
            assert!(
                matches!(live(body), Some(LiveMarkup::AutoLink { .. })),
                "{body}"
            );
        }
        for body in ["a\u{202E}b", "\u{2066}x", "\u{feff}", "\u{E0041}"] {
            assert!(
                matches!(live(body), Some(LiveMarkup::FormatChar { .. })),
                "{body:?}"
            );
        }
        for body in [
            "https:\u{200B}//evil.example",
            "www\u{200B}.evil",
            "www. x",
            "a\u{200B}b",
        ] {
            assert_eq!(live(body), None, "{body:?}");
        }
    }

    #[test]
    fn raw_html_is_any_lt_but_the_allowed_tags() {
        assert_eq!(live("<code>x</code>"), None);
        assert_eq!(live("&lt;b&gt;"), None);
        assert_eq!(live("a <b>"), Some(LiveMarkup::RawHtml { offset: 2 }));
        assert_eq!(live("<!-- x -->"), Some(LiveMarkup::RawHtml { offset: 0 }));
        assert_eq!(live_markup("<details>", &["<details>"]), None);
    }

    #[test]
    fn character_references_are_decoded_only_when_complete() {
        assert_eq!(
            decode("&lt;&#65;&#x42;&#X43;&bogus;&#;&#xZ;\\*\\a"),
            "<ABC&bogus;&#;&#xZ;*\\a"
        );
        assert_eq!(decode("&#0;&#1114112;"), "\u{FFFD}\u{FFFD}");
    }
}
