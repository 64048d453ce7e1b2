//! Which findings the merge request introduced: the changed files are linted at the
//! merge request's base too, and a finding whose rule, path, offending text and key
//! (whitespace ignored, so re-aligning a table does not make its rows new) were already
//! there is *already on the target branch*: it gets no thread and, with `--fail-on new`,
//! does not fail the job.

use std::collections::HashMap;

use clap::ValueEnum;

use crate::diagnostic::{Diagnostic, Severity};

/// Which findings fail the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only error-level findings the merge request introduced.
    New,
    /// Every error-level finding in the changed files.
    All,
}

/// What identifies a finding across the base and the head: rule, path, the offending
/// text and the rule's key (which may quote the row), both without whitespace.
fn loose_key(d: &Diagnostic) -> (&'static str, &str, String, String) {
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    (
        d.rule,
        d.path.as_str(),
        squeeze(&d.content),
        squeeze(&d.key),
    )
}

/// For each finding of `head` (in order): true when `base` had it too. Each base finding
/// accounts for one head finding, so a second copy of an old problem is new.
pub fn already_on_target(head: &[Diagnostic], base: &[Diagnostic]) -> Vec<bool> {
    let mut left: HashMap<_, usize> = HashMap::new();
    for d in base {
        *left.entry(loose_key(d)).or_default() += 1;
    }
    head.iter()
        .map(|d| match left.get_mut(&loose_key(d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .collect()
}

/// True when an error-level finding fails the job under `fail_on`.
pub fn fails(head: &[Diagnostic], already: &[bool], fail_on: FailOn) -> bool {
    head.iter().enumerate().any(|(i, d)| {
        d.severity == Severity::Error
            && (fail_on == FailOn::All || !already.get(i).copied().unwrap_or(false))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn finding(text: &str, at: std::ops::Range<usize>) -> Diagnostic {
        let source = SourceFile::new("README.md", text);
        Diagnostic::new("t/x", Severity::Error, &source, at, "m")
    }

    #[test]
    fn realigned_rows_are_old_and_a_second_copy_is_new() {
        let base = [finding("| a | b |", 0..9)];
        let head = [
            finding("| a   | b     |", 0..15),
            finding("| a | b |", 0..9),
        ];
        let already = already_on_target(&head, &base);
        assert_eq!(already, [true, false]);
        assert!(fails(&head, &already, FailOn::New));
        assert!(!fails(&head[..1], &already[..1], FailOn::New));
        assert!(fails(&head[..1], &already[..1], FailOn::All));
    }
}
