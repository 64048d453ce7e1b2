//! JUnit XML report (`artifacts:reports:junit`), which GitLab's MR test summary shows.
//!
//! One `<testsuite name="ase-lint">` (inside `<testsuites>`, which GitLab and most CI
//! tools accept) with one `<testcase>` per checked file, named by its path: a clean file
//! passes; each finding of a file is a `<failure message="severity: message"
//! type="rule">` whose body is `path:line:col: severity[rule]: message` and the help.
//! GitLab keys test cases by name and ignores the second case of a name, so one case per
//! finding would hide findings; it joins the bodies of a case's failures, so one case
//! per file shows them all.
//!
//! Warnings are not failures: a file with warnings only is a passing case, its warnings
//! in the case's `<system-out>` (one `path:line:col: warning[rule]: message` each), so
//! the MR test summary does not show a clean job as failing tests. Errors are
//! `<failure>`s; a file with both has its warnings in `<system-out>` beside them.
//!
//! Written by hand: the document is four elements deep and the only subtle part is
//! escaping, which [`escape`] does for all text from users' files (`& < > " '`,
//! line breaks and tabs in attributes, and characters XML 1.0 forbids replaced by
//! U+FFFD). An XML crate would add a dependency for no gain; the tests parse the output
//! with quick-xml.

use std::collections::BTreeMap;
use std::io::Write;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::LintRun;

/// Writes the run as a JUnit XML report.
pub fn write(out: &mut dyn Write, run: &LintRun) -> std::io::Result<()> {
    let cases = cases(run);
    let tests = cases.len();
    let failures = cases
        .values()
        .filter(|found| found.iter().any(|d| d.severity == Severity::Error))
        .count();
    let counts = format!(r#"tests="{tests}" failures="{failures}" errors="0""#);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="ase-lint" {counts}>"#)?;
    writeln!(
        out,
        r#"  <testsuite name="ase-lint" {counts} skipped="0" time="0">"#
    )?;
    for (path, found) in &cases {
        write_case(out, path, found)?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Every checked file (plus any file that only appears in diagnostics, for runs built
/// without [`LintRun::checked`]) with its diagnostics, by path.
fn cases(run: &LintRun) -> BTreeMap<&str, Vec<&Diagnostic>> {
    let mut cases: BTreeMap<&str, Vec<&Diagnostic>> = run
        .checked
        .iter()
        .map(|path| (path.as_str(), Vec::new()))
        .collect();
    for d in &run.diagnostics {
        cases.entry(d.path.as_str()).or_default().push(d);
    }
    cases
}

fn write_case(out: &mut dyn Write, path: &str, found: &[&Diagnostic]) -> std::io::Result<()> {
    let path = escape(path, Context::Attribute);
    let open =
        format!(r#"    <testcase name="{path}" classname="ase-lint" file="{path}" time="0""#);
    if found.is_empty() {
        return writeln!(out, "{open}/>");
    }
    writeln!(out, "{open}>")?;
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        found.iter().partition(|d| d.severity == Severity::Error);
    for d in errors {
        writeln!(
            out,
            r#"      <failure message="{}" type="{}">{}</failure>"#,
            escape(
                &format!("{}: {}", d.severity, d.message),
                Context::Attribute
            ),
            escape(d.rule, Context::Attribute),
            escape(&body(d), Context::Text),
        )?;
    }
    if !warnings.is_empty() {
        let lines: Vec<String> = warnings.iter().map(|d| body(d)).collect();
        writeln!(
            out,
            "      <system-out>{}</system-out>",
            escape(&lines.join("\n"), Context::Text)
        )?;
    }
    writeln!(out, "    </testcase>")
}

/// `path:line:col: severity[rule]: message`, then `help: ...` when there is help.
fn body(d: &Diagnostic) -> String {
    let mut body = format!(
        "{}:{}:{}: {}[{}]: {}",
        d.path, d.start.line, d.start.column, d.severity, d.rule, d.message
    );
    if let Some(help) = &d.help {
        body.push_str("\nhelp: ");
        body.push_str(help);
    }
    body
}

/// Where escaped text goes: attribute values must also keep their line breaks and tabs,
/// which XML would otherwise normalise to spaces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Attribute,
    Text,
}

/// Escapes `text` for XML 1.0: markup characters as entities, characters XML 1.0 does
/// not allow (control characters other than tab and line breaks, U+FFFE, U+FFFF) as
/// U+FFFD.
fn escape(text: &str, context: Context) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\r' => escaped.push_str("&#13;"),
            '\n' if context == Context::Attribute => escaped.push_str("&#10;"),
            '\t' if context == Context::Attribute => escaped.push_str("&#9;"),
            '\n' | '\t' => escaped.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => escaped.push('\u{fffd}'),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">&'</a>", Context::Text),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        assert_eq!(
            escape("a\u{1}b\u{ffff}", Context::Text),
            "a\u{fffd}b\u{fffd}"
        );
    }

    #[test]
    fn line_breaks_survive_in_attributes_and_stay_readable_in_text() {
        assert_eq!(escape("a\nb\tc\r", Context::Attribute), "a&#10;b&#9;c&#13;");
        assert_eq!(escape("a\nb\tc", Context::Text), "a\nb\tc");
    }
}
