//! Unified diffs of a merge request: which new-file lines are added or unchanged context,
//! and the old line of each unchanged line, inside the hunks and between them.
//!
//! GitLab's `/diffs` API gives each file's hunks (`@@ -a,b +c,d @@` and their lines,
//! usually without the `---`/`+++` header). Positions of inline comments are built from
//! this map (see [`super::position`]).

use std::collections::BTreeMap;

/// What a line of the new file is in the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The line was added (`+`): a comment on it gives `new_line` only.
    Added,
    /// An unchanged line shown as context: a comment gives both `old_line` and `new_line`.
    Context { old_line: u32 },
}

/// One hunk's ranges, as in its `@@ -old_start,old_len +new_start,new_len @@` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hunk {
    pub old_start: u32,
    pub old_len: u32,
    pub new_start: u32,
    pub new_len: u32,
}

/// The line map of one file's diff.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiffLines {
    /// New-file line → its kind, for every line the hunks show on the new side.
    by_new_line: BTreeMap<u32, LineKind>,
    hunks: Vec<Hunk>,
}

/// A diff that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unreadable diff hunk header `{header}`")]
pub struct DiffError {
    pub header: String,
}

impl DiffLines {
    /// Parses a unified diff (with or without `---`/`+++` file headers).
    pub fn parse(diff: &str) -> Result<Self, DiffError> {
        let mut lines = DiffLines::default();
        let mut cursor: Option<(u32, u32)> = None;
        for line in diff.lines() {
            if line.starts_with("@@") {
                let hunk = parse_hunk_header(line).ok_or_else(|| DiffError {
                    header: line.chars().take(80).collect(),
                })?;
                cursor = Some((hunk.old_start, hunk.new_start));
                lines.hunks.push(hunk);
                continue;
            }
            let Some((old, new)) = cursor.as_mut() else {
                continue; // `diff --git`, `---`, `+++`, `index` … before the first hunk
            };
            match line.as_bytes().first() {
                Some(b'+') => {
                    lines.by_new_line.insert(*new, LineKind::Added);
                    *new += 1;
                }
                Some(b'-') => *old += 1,
                Some(b'\\') => {} // "\ No newline at end of file"
                _ => {
                    // A context line (' '), or an empty line some tools write for one.
                    lines
                        .by_new_line
                        .insert(*new, LineKind::Context { old_line: *old });
                    *old += 1;
                    *new += 1;
                }
            }
        }
        Ok(lines)
    }

    /// The kind of a new-file line shown in the diff (`None`: outside every hunk).
    pub fn kind(&self, new_line: u32) -> Option<LineKind> {
        self.by_new_line.get(&new_line).copied()
    }

    /// The old line of an unchanged new-file line outside every hunk, counted from the
    /// hunks before it. `None` for lines inside a hunk's range.
    pub fn old_line_between_hunks(&self, new_line: u32) -> Option<u32> {
        let mut shift: i64 = 0;
        for hunk in &self.hunks {
            let (new_first, new_next) = side_bounds(hunk.new_start, hunk.new_len);
            if new_line < new_first {
                break;
            }
            if new_line < new_next {
                return None;
            }
            let (_, old_next) = side_bounds(hunk.old_start, hunk.old_len);
            shift = i64::from(old_next) - i64::from(new_next);
        }
        u32::try_from(i64::from(new_line) + shift)
            .ok()
            .filter(|old| *old > 0)
    }

    /// True when the diff shows no line at all (e.g. a collapsed or empty diff).
    pub fn is_empty(&self) -> bool {
        self.by_new_line.is_empty() && self.hunks.is_empty()
    }
}

/// First line of a hunk side and the line just after it. An empty side (`+8,0`) names
/// the line *before* the change, so both are the line after it.
fn side_bounds(start: u32, len: u32) -> (u32, u32) {
    if len == 0 {
        (start.saturating_add(1), start.saturating_add(1))
    } else {
        (start, start.saturating_add(len))
    }
}

/// Parses `@@ -12,3 +12,4 @@ optional section`; a missing length means 1.
fn parse_hunk_header(line: &str) -> Option<Hunk> {
    let inner = line.strip_prefix("@@ ")?;
    let end = inner.find(" @@")?;
    let mut parts = inner[..end].split_whitespace();
    let (old_start, old_len) = parse_range(parts.next()?.strip_prefix('-')?)?;
    let (new_start, new_len) = parse_range(parts.next()?.strip_prefix('+')?)?;
    Some(Hunk {
        old_start,
        old_len,
        new_start,
        new_len,
    })
}

fn parse_range(text: &str) -> Option<(u32, u32)> {
    match text.split_once(',') {
        Some((start, len)) => Some((start.parse().ok()?, len.parse().ok()?)),
        None => Some((text.parse().ok()?, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "@@ -2,4 +2,5 @@ header\n a\n-b\n+B\n+C\n c\n d\n@@ -20,2 +21,3 @@\n x\n+y\n z\n\\ No newline at end of file\n";

    #[test]
    fn added_and_context_lines_are_mapped() {
        let lines = DiffLines::parse(DIFF).unwrap();
        assert_eq!(lines.kind(2), Some(LineKind::Context { old_line: 2 }));
        assert_eq!(lines.kind(3), Some(LineKind::Added));
        assert_eq!(lines.kind(4), Some(LineKind::Added));
        assert_eq!(lines.kind(5), Some(LineKind::Context { old_line: 4 }));
        assert_eq!(lines.kind(6), Some(LineKind::Context { old_line: 5 }));
        assert_eq!(lines.kind(21), Some(LineKind::Context { old_line: 20 }));
        assert_eq!(lines.kind(22), Some(LineKind::Added));
        assert_eq!(lines.kind(23), Some(LineKind::Context { old_line: 21 }));
        assert_eq!(lines.kind(7), None);
    }

    #[test]
    fn lines_between_hunks_are_shifted_by_earlier_hunks() {
        let lines = DiffLines::parse(DIFF).unwrap();
        assert_eq!(lines.old_line_between_hunks(1), Some(1));
        assert_eq!(lines.old_line_between_hunks(3), None);
        // First hunk: old 2..6, new 2..7; one line more on the new side.
        assert_eq!(lines.old_line_between_hunks(7), Some(6));
        assert_eq!(lines.old_line_between_hunks(20), Some(19));
        assert_eq!(lines.old_line_between_hunks(22), None);
        // After the second hunk (old 20..22, new 21..24): two lines more.
        assert_eq!(lines.old_line_between_hunks(30), Some(28));
    }

    #[test]
    fn new_file_is_all_added_and_file_headers_are_skipped() {
        let diff = "--- /dev/null\n+++ b/x.yaml\n@@ -0,0 +1,2 @@\n+id: 1\n+name: a\n";
        let lines = DiffLines::parse(diff).unwrap();
        assert_eq!(lines.kind(1), Some(LineKind::Added));
        assert_eq!(lines.kind(2), Some(LineKind::Added));
        assert_eq!(lines.kind(3), None);
    }

    #[test]
    fn short_ranges_and_pure_deletions() {
        let lines = DiffLines::parse("@@ -5 +5 @@\n-a\n+b\n@@ -9,2 +8,0 @@\n-x\n-y\n").unwrap();
        assert_eq!(lines.kind(5), Some(LineKind::Added));
        assert_eq!(lines.old_line_between_hunks(8), Some(8));
        assert_eq!(lines.old_line_between_hunks(9), Some(11));
        let added = DiffLines::parse("@@ -8,0 +9,2 @@\n+a\n+b\n").unwrap();
        assert_eq!(added.old_line_between_hunks(10), None);
        assert_eq!(added.old_line_between_hunks(11), Some(9));
    }

    #[test]
    fn a_bad_header_is_an_error_not_a_panic() {
        let err = DiffLines::parse("@@ -x +1 @@\n+a\n").unwrap_err();
        assert!(err.to_string().contains("@@ -x +1 @@"));
        assert!(DiffLines::parse("").unwrap().is_empty());
    }
}
