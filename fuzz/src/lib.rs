//! What the ase-lint fuzz targets share: one file checked as `ase-lint check` checks it,
//! then every diagnostic's position checked and the diagnostics rendered as `check` and
//! the MR bot render them (where a wrong span would panic).

use std::sync::LazyLock;

use ase_lint::config::Settings;
use ase_lint::lint::{FileKind, LintRun, lint_text};
use ase_lint::report::{self, Format, TextOptions, mr_comment};

/// The default configuration, built once (its phrase sets are compiled on first use).
static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

/// Checks `bytes` as the file `display` of `kind`, asserts that every diagnostic lies
/// inside the file, and renders the run as text, JSON and MR comments.
pub fn check(display: &str, kind: FileKind, bytes: &[u8]) {
    let file = lint_text(display, kind, bytes, &SETTINGS);
    let text = &file.source.text;
    let lines = file.source.line_count().max(1);
    for d in &file.diagnostics {
        assert!(d.span.start <= d.span.end, "span reversed: {d:?}");
        assert!(d.span.end <= text.len(), "span past the end: {d:?}");
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "span not on character boundaries: {d:?}"
        );
        assert!(d.start <= d.end, "positions reversed: {d:?}");
        assert!(
            d.start.line >= 1 && d.end.line <= lines + 1 && d.start.column >= 1,
            "position outside the file ({lines} lines): {d:?}"
        );
        // What the bot posts for each finding.
        let suggestion = mr_comment::suggestion_line(d, &file.source);
        let _ = mr_comment::inline_body(d, suggestion.as_deref());
    }
    let run = LintRun::from_files([file]);
    let options = TextOptions {
        color: false,
        quiet: false,
    };
    for format in [Format::Text, Format::Json] {
        let mut out = Vec::new();
        let written = report::write(&mut out, format, &run, options);
        assert!(written.is_ok(), "{format:?} report failed: {written:?}");
    }
}
