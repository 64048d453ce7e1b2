//! rustc-style text output through annotate-snippets, and the closing summary line.

use std::borrow::Cow;
use std::io::Write;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::lint::LintRun;
use crate::report::{TextOptions, terminal_safe};
use crate::source::SourceFile;

/// Writes every diagnostic with its snippet, then `N errors, M warnings in K files`.
pub fn write(out: &mut dyn Write, run: &LintRun, options: TextOptions) -> std::io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in &run.diagnostics {
        let rendered = render(&renderer, diagnostic, run.sources.get(&diagnostic.path));
        writeln!(out, "{rendered}\n")?;
    }
    if let Some(line) = closing_line(run).filter(|_| !options.quiet) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Said instead of a summary when the paths hold no file ase-lint checks.
pub const NOTHING_TO_CHECK: &str =
    "nothing to check: no ASE README or org file among the given paths";

/// The run's last line: the summary, [`NOTHING_TO_CHECK`], or nothing when files could not
/// be read and nothing was found (the errors on stderr say it all; "no problems" would lie).
fn closing_line(run: &LintRun) -> Option<String> {
    if run.files == 0 && run.errors.is_empty() {
        Some(NOTHING_TO_CHECK.to_owned())
    } else if !run.errors.is_empty() && run.diagnostics.is_empty() {
        None
    } else {
        Some(summary_line(&Summary::of(run.files, &run.diagnostics)))
    }
}

/// Renders one diagnostic; without its source, only the title and location.
pub fn render(renderer: &Renderer, d: &Diagnostic, source: Option<&SourceFile>) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    // Paths, messages and file text may hold ESC, CR … (a job log would act on them).
    let message = terminal_safe(&d.message);
    let path = terminal_safe(&d.path);
    let label = d.label.as_deref().map(terminal_safe);
    let help = d.help.as_deref().map(terminal_safe);
    let excerpt = source.map(|source| excerpt(source, d));
    let text = excerpt.as_ref().map(|(text, _, _)| terminal_source(text));
    let title = level.primary_title(message.as_ref()).id(d.rule);
    let mut groups: Vec<Group<'_>> = Vec::new();
    let group = match (&excerpt, &text) {
        (Some((_, first_line, span)), Some(text)) => {
            let mut annotation = AnnotationKind::Primary.span(span.clone());
            if let Some(label) = &label {
                annotation = annotation.label(label.as_ref());
            }
            title.element(
                Snippet::source(text.as_ref())
                    .line_start(*first_line)
                    .path(path.as_ref())
                    .annotation(annotation),
            )
        }
        _ => title.element(
            annotate_snippets::Origin::path(path.as_ref())
                .line(d.start.line)
                .char_column(d.start.column.saturating_sub(1)),
        ),
    };
    let group = match &help {
        Some(help) => group.element(Level::HELP.message(help.as_ref())),
        None => group,
    };
    groups.push(group);
    renderer.render(&groups)
}

/// A file's text for the terminal, byte for byte the same length (so spans stay valid):
/// each control character but tab, line feed and the CR of a CRLF becomes `?` (a C1
/// control, two bytes, becomes `??`).
fn terminal_source(text: &str) -> Cow<'_, str> {
    let keep = |c: char, next: Option<char>| {
        !c.is_control() || c == '\t' || c == '\n' || (c == '\r' && next == Some('\n'))
    };
    let mut chars = text.chars().peekable();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    while let Some(c) = chars.next() {
        if keep(c, chars.peek().copied()) {
            out.push(c);
        } else {
            changed = true;
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The lines a diagnostic spans (at most a few), with the span relative to them.
fn excerpt<'s>(source: &'s SourceFile, d: &Diagnostic) -> (&'s str, usize, std::ops::Range<usize>) {
    const MAX_LINES: usize = 6;
    let first = d.start.line.max(1);
    let last = d.end.line.clamp(first, first + MAX_LINES - 1);
    let start = source.line_start(first);
    let end = source.line_span(last).end.max(start);
    let text = &source.text[start..end];
    // A span inside a character would make the renderer panic: widen it to whole ones.
    let span_start = floor_char_boundary(text, d.span.start.clamp(start, end) - start);
    let span_end = ceil_char_boundary(text, d.span.end.clamp(start, end) - start);
    let span_end = if span_end <= span_start {
        // Zero-width spans point at one character so the caret is visible.
        text[span_start..]
            .chars()
            .next()
            .map_or(span_start, |c| span_start + c.len_utf8())
    } else {
        span_end
    };
    (text, first, span_start..span_end)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// `2 errors, 1 warning in 3 files` (or `no problems in 3 files`).
pub fn summary_line(summary: &Summary) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let files = plural(summary.files, "file");
    if summary.errors == 0 && summary.warnings == 0 {
        return format!("no problems in {files}");
    }
    format!(
        "{}, {} in {files}",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "a\u{1b}[31mb\rc\r\nd\u{9b}e\t";
        let clean = terminal_source(text);
        assert_eq!(clean, "a?[31mb?c\r\nd??e\t");
        assert_eq!(clean.len(), text.len());
        let source = SourceFile::new("x\u{1b}[2J.md", "| a\u{1b}]8;;x\u{7} |\n");
        let d = Diagnostic::new(
            "table/cell-count",
            Severity::Error,
            &source,
            2..5,
            "quoted \u{1b}[31m and \r",
        );
        let out = render(&Renderer::plain(), &d, Some(&source));
        assert!(!out.contains(['\u{1b}', '\r', '\u{7}']), "{out:?}");
        assert!(out.contains("U+001B"), "{out}");
    }

    #[test]
    fn summary_line_pluralises() {
        let s = Summary {
            files: 3,
            errors: 2,
            warnings: 1,
        };
        assert_eq!(summary_line(&s), "2 errors, 1 warning in 3 files");
        let clean = Summary {
            files: 1,
            errors: 0,
            warnings: 0,
        };
        assert_eq!(summary_line(&clean), "no problems in 1 file");
    }
}
