//! What the bot writes into its notes to find them again, and links to lines: the summary
//! and fixed markers, a finding's fingerprint marker, a blob URL at a commit.

use std::fmt::Write as _;

/// Starts the bot's summary note; later runs find the note by it.
pub const SUMMARY_MARKER: &str = "<!-- ase-lint:summary -->";
/// Ends the bot's "fixed" replies; a resolved thread ending with it may be reopened.
pub const FIXED_MARKER: &str = "<!-- ase-lint:fixed -->";
const FINGERPRINT_PREFIX: &str = "<!-- ase-lint:fp=";

/// The hidden marker carrying a finding's fingerprint.
pub fn fingerprint_marker(fingerprint: &str) -> String {
    let clean: String = fingerprint
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    format!("{FINGERPRINT_PREFIX}{clean} -->")
}

/// The fingerprint in a body written by [`inline_body`], if any.
pub fn fingerprint_in(body: &str) -> Option<&str> {
    let start = body.find(FINGERPRINT_PREFIX)? + FINGERPRINT_PREFIX.len();
    let rest = &body[start..];
    let end = rest.find(" -->")?;
    let fingerprint = &rest[..end];
    (!fingerprint.is_empty() && fingerprint.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(fingerprint)
}

/// True for a body written by [`super::mr_comment::summary_body`] or [`super::mr_comment::nothing_to_check_body`].
pub fn is_summary(body: &str) -> bool {
    body.starts_with(SUMMARY_MARKER)
}

/// The URL of a line at a commit; `None` unless the project URL looks like one.
pub fn blob_url(project_url: Option<&str>, sha: &str, path: &str, line: usize) -> Option<String> {
    let project = project_url?.trim_end_matches('/');
    let plain = project.starts_with("https://") || project.starts_with("http://");
    let safe = project
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '(' | ')' | '<' | '>' | '"' | '\'' | '`'));
    let sha_ok = !sha.is_empty() && sha.chars().all(|c| c.is_ascii_hexdigit());
    (plain && safe && sha_ok).then(|| {
        format!(
            "{project}/-/blob/{sha}/{}#L{line}",
            percent_encode_path(path)
        )
    })
}

fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}
