//! Source text of one linted file and its line index.
//!
//! Everything downstream speaks in byte ranges into [`SourceFile::text`]; this module turns
//! them into the 1-based line and *character* column that users and the JSON contract see.

use std::ops::Range;

/// A byte range into a [`SourceFile`]'s text.
pub type Span = Range<usize>;

/// A 1-based line and 1-based column counted in characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One file's text as linted, with the path shown to users.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as given on the command line (or relative to it), always with `/`.
    pub path: String,
    /// The text, with a leading UTF-8 byte-order mark removed.
    pub text: String,
    line_starts: Vec<usize>,
}

/// Offsets just after each line break: `\n`, `\r\n`, or a lone `\r` (as CommonMark and
/// YAML read them).
fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, &b)| {
        let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        (b == b'\n' || lone_cr).then_some(i + 1)
    })
}

impl SourceFile {
    /// Builds a source from text; a leading BOM is dropped (columns count from after it).
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let line_starts = std::iter::once(0).chain(line_breaks(&text)).collect();
        Self {
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// Builds a source from raw bytes; invalid UTF-8 is replaced (U+FFFD) and reported by
    /// the caller through [`SourceFile::from_bytes`]'s second return value.
    pub fn from_bytes(path: impl Into<String>, bytes: &[u8]) -> (Self, Option<usize>) {
        match std::str::from_utf8(bytes) {
            Ok(text) => (Self::new(path, text), None),
            Err(err) => {
                let lossy = String::from_utf8_lossy(bytes).into_owned();
                (Self::new(path, lossy), Some(err.valid_up_to()))
            }
        }
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// Line and character column of a byte offset (clamped to the text, snapped to a char).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.line_starts[line_index];
        let column = self.text[line_start..offset].chars().count() + 1;
        LineCol {
            line: line_index + 1,
            column,
        }
    }

    /// Byte offset where the 1-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Byte range of a 1-based line, without its line ending (`\n` or `\r\n`).
    pub fn line_span(&self, line: usize) -> Span {
        let start = self.line_start(line);
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let end = end.max(start);
        let end = if self.text[start..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end
    }

    /// Text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.line_span(line)]
    }

    /// The text of a span, clamped to valid char boundaries.
    pub fn slice(&self, span: &Span) -> &str {
        let start = self.floor_char_boundary(span.start.min(self.text.len()));
        let end = self
            .floor_char_boundary(span.end.min(self.text.len()))
            .max(start);
        &self.text[start..end]
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// A path as shown to users: as given, `/`-separated, without a leading `./`.
pub fn display_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut rest = text.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    if rest.is_empty() {
        ".".to_owned()
    } else {
        rest.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let source = SourceFile::new("a.md", "one\rtwo\r\nthree\nfour");
        let lines: Vec<&str> = (1..=4).map(|l| &source.text[source.line_span(l)]).collect();
        assert_eq!(lines, ["one", "two", "three", "four"]);
        assert_eq!(source.line_col(4).line, 2);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = SourceFile::new("a.md", "héllo\nwörld x\n");
        let x = src.text.find('x').unwrap_or_default();
        assert_eq!(src.line_col(x), LineCol { line: 2, column: 7 });
    }

    #[test]
    fn bom_is_dropped_and_crlf_is_not_part_of_a_line() {
        let src = SourceFile::new("a.md", "\u{feff}a\r\nb");
        assert_eq!(src.line_text(1), "a");
        assert_eq!(src.line_text(2), "b");
        assert_eq!(src.line_count(), 2);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let src = SourceFile::new("a.md", "ab\n");
        assert_eq!(src.line_col(99), LineCol { line: 2, column: 1 });
        assert_eq!(src.line_count(), 1);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let (src, bad) = SourceFile::from_bytes("a.md", b"ok\xff");
        assert_eq!(bad, Some(2));
        assert!(src.text.starts_with("ok"));
    }
}
