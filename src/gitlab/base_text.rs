//! A changed file's text at the merge request's base, rebuilt from its text in the
//! checkout and GitLab's diff of it (the diff applied backwards), so a re-run needs no
//! request to read it. Every line the diff shows on the new side is checked against the
//! checkout; any disagreement (a checkout of another commit, a diff GitLab cut) gives
//! `None`, and the caller reads the file through the API instead.

/// The old text of a file whose new text is `new` and whose unified diff is `diff`.
pub fn old_text(new: &str, diff: &str) -> Option<String> {
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut old = String::with_capacity(new.len());
    let mut next = 0usize; // new lines consumed
    let mut old_count = 0usize;
    let mut last: Option<u8> = None;
    let mut in_hunk = false;
    for line in diff.lines() {
        if line.starts_with("@@") {
            let (old_start, old_len, new_start, new_len) = header(line)?;
            let copy_to = if new_len == 0 {
                new_start
            } else {
                new_start.checked_sub(1)?
            };
            let old_at = if old_len == 0 {
                old_start
            } else {
                old_start.checked_sub(1)?
            };
            while next < copy_to {
                old.push_str(new_lines.get(next)?);
                next += 1;
                old_count += 1;
            }
            if next != copy_to || old_count != old_at {
                return None;
            }
            in_hunk = true;
            last = None;
            continue;
        }
        if !in_hunk {
            continue; // `diff --git`, `---`, `+++` … before the first hunk
        }
        match line.as_bytes().first() {
            Some(b'+') => {
                same(new_lines.get(next)?, &line[1..])?;
                next += 1;
                last = Some(b'+');
            }
            Some(b'-') => {
                old.push_str(&line[1..]);
                old.push('\n');
                old_count += 1;
                last = Some(b'-');
            }
            Some(b'\\') => {
                if matches!(last, Some(b'-' | b' ')) && old.ends_with('\n') {
                    old.pop();
                }
            }
            _ => {
                let text = line.strip_prefix(' ').unwrap_or(line);
                let current = new_lines.get(next)?;
                same(current, text)?;
                old.push_str(current);
                next += 1;
                old_count += 1;
                last = Some(b' ');
            }
        }
    }
    for line in new_lines.get(next..)? {
        old.push_str(line);
    }
    Some(old)
}

/// `Some(())` when a new-file line (with its line break) holds `text`.
fn same(line: &str, text: &str) -> Option<()> {
    let bare = line.strip_suffix('\n').unwrap_or(line);
    let bare = bare.strip_suffix('\r').unwrap_or(bare);
    (bare == text).then_some(())
}

/// `@@ -a,b +c,d @@` → (a, b, c, d); a missing length is 1.
fn header(line: &str) -> Option<(usize, usize, usize, usize)> {
    let mut parts = line.split_whitespace().skip(1);
    let range = |part: &str, sign: char| -> Option<(usize, usize)> {
        let part = part.strip_prefix(sign)?;
        match part.split_once(',') {
            Some((start, len)) => Some((start.parse().ok()?, len.parse().ok()?)),
            None => Some((part.parse().ok()?, 1)),
        }
    };
    let (old_start, old_len) = range(parts.next()?, '-')?;
    let (new_start, new_len) = range(parts.next()?, '+')?;
    Some((old_start, old_len, new_start, new_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -6,2 +6,3 @@\n f\n g\n+h\n";

    #[test]
    fn the_diff_applied_backwards_gives_the_old_text() {
        let new = "a\nB\nc\nd\ne\nf\ng\nh\n";
        assert_eq!(
            old_text(new, DIFF).as_deref(),
            Some("a\nb\nc\nd\ne\nf\ng\n")
        );
    }

    #[test]
    fn deletions_at_the_end_and_missing_newlines_are_kept() {
        let diff = "@@ -1,3 +1,1 @@\n a\n-b\n-c\n\\ No newline at end of file\n";
        assert_eq!(old_text("a\n", diff).as_deref(), Some("a\nb\nc"));
        let all_new = "@@ -0,0 +1,2 @@\n+x\n+y\n";
        assert_eq!(old_text("x\ny\n", all_new).as_deref(), Some(""));
    }

    #[test]
    fn a_checkout_that_disagrees_with_the_diff_gives_nothing() {
        assert_eq!(old_text("a\nX\nc\nd\ne\nf\ng\nh\n", DIFF), None);
        assert_eq!(old_text("a\n", DIFF), None);
        assert_eq!(old_text("a\n", "@@ nonsense @@\n"), None);
    }
}
