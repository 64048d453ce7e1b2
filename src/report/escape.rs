//! Text from the linted files, made safe inside a GitLab note: shown as written, never
//! acting (no quick action, mention, reference, link, HTML or bidi trick). Security
//! critical: every renderer of MR comments goes through [`escape_user_text`], and
//! [`super::note_safety`] is its oracle in tests and fuzzing.

/// Longest quote of a file's text in a comment.
pub const MAX_QUOTE_CHARS: usize = 300;

pub(crate) const ZWSP: char = '\u{200B}';

/// Makes text from a linted file (or a rule message quoting it) safe inside a note.
///
/// The result is one line of Markdown that shows the text as written but cannot act:
/// no line break (so no line can start a quick action such as `/merge`), nothing that
/// starts a block (heading, list, quote, table) at its start, no raw HTML (`<`, `>`, `&`
/// are entities), no `@mention`, `#issue`, `!mr`, `~label`, `%milestone`, `$snippet` or
/// `&epic` reference (a zero-width space follows the sigil), no link, image or emphasis
/// (Markdown punctuation is backslash-escaped), no table cell break (`|`), no auto-link
/// (a zero-width space goes *inside* `://` and `www.`: GitLab's link pattern runs to the
/// next whitespace, so one after them would still be linked), no Unicode format
/// character (category Cf: bidi controls and other invisible characters are dropped).
/// A `` `code` `` span in the text is kept as code (`<code>`), escaped the same way. Text
/// longer than `max_chars` characters is cut and ends with `…`.
pub fn escape_user_text(text: &str, max_chars: usize) -> String {
    let visible: String = text
        .chars()
        .filter(|&c| !crate::report::note_safety::is_format_char(c))
        .collect();
    let truncated = truncate_chars(&visible, max_chars);
    let mut out = String::with_capacity(truncated.len() + 16);
    for piece in split_code_spans(&truncated) {
        match piece {
            Piece::Prose(prose) => escape_prose(prose, &mut out),
            Piece::Code(code) => {
                out.push_str("<code>");
                escape_prose(code, &mut out);
                out.push_str("</code>");
            }
        }
    }
    guard_line_start(break_auto_links(out))
}

/// A zero-width space inside every `://` and `www.` (any case), so no URL is linked.
fn break_auto_links(text: String) -> String {
    if !text.contains("://") && !text.to_ascii_lowercase().contains("www.") {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("://") {
            out.push(':');
            out.push(ZWSP);
            out.push_str("//");
            rest = &rest[3..];
        } else if rest
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        {
            out.push_str(&rest[..3]);
            out.push(ZWSP);
            out.push('.');
            rest = &rest[4..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn truncate_chars(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

enum Piece<'a> {
    Prose(&'a str),
    Code(&'a str),
}

/// Splits text into prose and code spans as CommonMark pairs backtick runs: a run opens a
/// span closed by the next run of the same length; an unmatched run is prose.
fn split_code_spans(text: &str) -> Vec<Piece<'_>> {
    let runs = backtick_runs(text);
    let mut pieces = Vec::new();
    let mut prose_start = 0;
    let mut i = 0;
    while i < runs.len() {
        let (start, len) = runs[i];
        if start < prose_start {
            i += 1;
            continue;
        }
        let closing = runs[i + 1..].iter().position(|&(_, l)| l == len);
        match closing {
            Some(offset) => {
                let (close_start, _) = runs[i + 1 + offset];
                pieces.push(Piece::Prose(&text[prose_start..start]));
                pieces.push(Piece::Code(&text[start + len..close_start]));
                prose_start = close_start + len;
                i += offset + 2;
            }
            None => i += 1,
        }
    }
    pieces.push(Piece::Prose(&text[prose_start..]));
    pieces
}

/// (byte offset, length) of each maximal run of backticks.
pub(crate) fn backtick_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while i < bytes.len() && bytes[i] == b'`' {
                i += 1;
            }
            runs.push((start, i - start));
        } else {
            i += 1;
        }
    }
    runs
}

fn escape_prose(text: &str, out: &mut String) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push_str(" ⏎ "),
            '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '`' => out.push_str("\\`"),
            c if c.is_control() => out.push('\u{FFFD}'),
            '\\' | '*' | '_' | '[' | ']' | '(' | ')' | '{' | '}' | '^' | '=' | '+' | '-' => {
                out.push('\\');
                out.push(c);
            }
            '@' | '#' | '!' | '~' | '%' | '$' => {
                if matches!(c, '!' | '~' | '$') {
                    out.push('\\');
                }
                out.push(c);
                if chars.peek().is_some_and(|next| !next.is_whitespace()) {
                    out.push(ZWSP);
                }
            }
            c => out.push(c),
        }
        if c == '&' && chars.peek().is_some_and(|next| !next.is_whitespace()) {
            out.push(ZWSP);
        }
    }
}

/// Keeps the text from starting a block or a quick action when a caller puts it at the
/// start of a line: a zero-width space goes first when its first character after any
/// leading whitespace (spaces, no-break spaces) is `/`, `#`, a digit or `:` (`>`, `-`,
/// `+`, `=` are already escaped).
fn guard_line_start(text: String) -> String {
    match text.trim_start().chars().next() {
        Some(c) if c == '/' || c == '#' || c == ':' || c.is_ascii_digit() => {
            format!("{ZWSP}{text}")
        }
        _ => text,
    }
}
