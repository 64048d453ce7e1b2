//! Merge-request comments: the bot's summary note, its inline discussion bodies and
//! replies, the hidden markers that let later runs find them again, and
//! [`escape_user_text`], which makes text from the linted files safe to show in a note.
//!
//! GitLab renders note bodies as Markdown and acts on them with the bot's rights: a line
//! starting with `/merge` runs a quick action, `@all` pings everyone, `#12`/`!3`/`~x`
//! become references, raw HTML is rendered. Every piece of text that comes from a file
//! (messages quote it, paths name it) goes through [`escape_user_text`].

use std::fmt::Write as _;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;

pub use super::escape::{MAX_QUOTE_CHARS, escape_user_text};
pub use super::markers::{
    FIXED_MARKER, SUMMARY_MARKER, blob_url, fingerprint_in, fingerprint_marker, is_summary,
};

/// GitLab refuses bodies of 1,000,000 characters or more; stay well below.
pub const MAX_BODY_CHARS: usize = 990_000;
/// Rows of the findings table and of the "not inline" list before the rest is counted.
const MAX_LISTED: usize = 200;
/// Lists longer than this fold into `<details>`.
const FOLD_AFTER: usize = 10;

fn severity_badge(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
    }
}

/// The first seven characters of a commit sha (hex only).
pub fn short_sha(sha: &str) -> String {
    sha.chars()
        .filter(char::is_ascii_hexdigit)
        .take(7)
        .collect()
}

/// The body of an inline discussion for one finding.
///
/// `suggestion` is the finding's line with its fix applied (see [`suggestion_line`]).
/// `docs` is where the rule pages are read (see [`crate::report::rule_pages`]).
pub fn inline_body(d: &Diagnostic, suggestion: Option<&str>, docs: &str) -> String {
    let mut body = format!(
        "**{}** · `{}`\n\n{}\n",
        severity_badge(d.severity),
        d.rule,
        escape_user_text(&d.message, MAX_QUOTE_CHARS)
    );
    if let Some(help) = &d.help {
        let _ = write!(
            body,
            "\n**How to fix:** {}\n",
            escape_user_text(help, MAX_QUOTE_CHARS)
        );
    }
    if let Some(line) = suggestion {
        let fence = "`".repeat(longest_backtick_run(line).max(2) + 1);
        let _ = write!(body, "\n{fence}suggestion:-0+0\n{line}\n{fence}\n");
    }
    let _ = write!(
        body,
        "\n<sub>[What `{}` checks and why]({})</sub>\n\n{}",
        d.rule,
        rule_docs_url(docs, d.rule),
        fingerprint_marker(&d.fingerprint())
    );
    body
}

fn longest_backtick_run(text: &str) -> usize {
    super::escape::backtick_runs(text)
        .into_iter()
        .map(|(_, len)| len)
        .max()
        .unwrap_or(0)
}

/// The finding's line with its fix applied, for a GitLab suggestion: only for a fix
/// within that one line, and only when the line holds nothing GitLab could act on.
pub fn suggestion_line(d: &Diagnostic, source: &SourceFile) -> Option<String> {
    let fix = d.fix.as_ref()?;
    let line = source.line_span(d.start.line);
    let inside = line.start <= fix.span.start && fix.span.end <= line.end;
    if !inside || fix.span.start > fix.span.end || fix.replacement.contains(['\n', '\r']) {
        return None;
    }
    let text = &source.text;
    if !text.is_char_boundary(fix.span.start) || !text.is_char_boundary(fix.span.end) {
        return None;
    }
    let fixed = format!(
        "{}{}{}",
        &text[line.start..fix.span.start],
        fix.replacement,
        &text[fix.span.end..line.end]
    );
    let risky = fixed.contains(['<', '>', '@']) || fixed.trim_start().starts_with('/');
    (fixed != text[line.clone()] && !risky).then_some(fixed)
}

/// Reply that resolves a thread whose finding is gone.
pub fn fixed_reply(head_sha: &str) -> String {
    format!("✅ Fixed in {}.\n\n{FIXED_MARKER}", short_sha(head_sha))
}

/// Reply that resolves a thread whose file is no longer part of the merge request.
pub fn no_longer_changed_reply(head_sha: &str) -> String {
    format!(
        "✅ The file is no longer changed by this merge request (as of {}).\n\n{FIXED_MARKER}",
        short_sha(head_sha)
    )
}

/// Reply that resolves a thread another pipeline posted on a finding that already had
/// one (two pipelines ran at once).
pub fn duplicate_reply() -> String {
    "This thread repeats an earlier one on the same finding (two pipelines ran at once); \
     the earlier thread stays open, so this one is resolved."
        .to_owned()
}

/// Reply that comes with reopening a thread whose finding came back.
pub fn reopened_reply(head_sha: &str) -> String {
    format!("❌ Found again in {}.", short_sha(head_sha))
}

/// One finding as the summary shows it.
#[derive(Debug, Clone)]
pub struct SummaryFinding<'a> {
    pub diagnostic: &'a Diagnostic,
    /// `None`: it has an inline discussion. `Some(why)`: it is only in the summary.
    pub not_inline: Option<&'a str>,
}

/// Everything the summary note shows.
#[derive(Debug, Clone, Default)]
pub struct SummaryInput<'a> {
    /// Every finding in the checked files, in report order.
    pub findings: Vec<SummaryFinding<'a>>,
    /// Number of files checked.
    pub checked_files: usize,
    /// Changed org notes: each gets the handbook's questions with their answers.
    pub notes: &'a [crate::report::mr_note::NoteReview],
    /// Project web URL (`https://host/group/project`), for links to lines.
    pub project_url: Option<&'a str>,
    pub head_sha: &'a str,
    /// Plain sentences about the run (e.g. an earlier summary that could not be edited).
    pub notices: Vec<String>,
    /// The handbook's steps the merge request calls for (onboarding, offboarding,
    /// auto-assignment); `None`: not known.
    pub workflow: Option<&'a crate::workflow::Workflow>,
    /// The merge request changes `.ase-lint.yml`: what that would change after merge.
    pub config_change: Option<&'a ConfigChange>,
    /// Findings the changed files already had on the target branch (not in `findings`):
    /// listed folded, without threads.
    pub already_on_target: Vec<&'a Diagnostic>,
    /// A warning for the footer (the bot's token expires soon).
    pub token_warning: Option<&'a str>,
    /// Where rule pages and the review guide are read (`None`: ase-lint's own docs).
    pub docs_url: Option<&'a str>,
}

/// What a merge request's new `.ase-lint.yml` would change once merged (the review uses
/// the target branch's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigChange {
    /// Rules whose severity would change.
    pub changes: Vec<SeverityChange>,
    /// Why the new file would not load, if it would not.
    pub problem: Option<String>,
}

/// One rule's severity now and after merge (`None`: off).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityChange {
    pub rule: &'static str,
    pub before: Option<Severity>,
    pub after: Option<Severity>,
}

/// The summary note's body.
pub fn summary_body(input: &SummaryInput<'_>) -> String {
    let mut body = format!("{SUMMARY_MARKER}\n## ase-lint: {}\n\n", status_line(input));
    let inline = input
        .findings
        .iter()
        .filter(|f| f.not_inline.is_none())
        .count();
    let _ = writeln!(
        body,
        "Checked {} file{} at {}: {} finding{} introduced by this merge request, {} commented inline{}.\n",
        input.checked_files,
        plural(input.checked_files),
        short_sha(input.head_sha),
        input.findings.len(),
        plural(input.findings.len()),
        inline,
        match input.already_on_target.len() {
            0 => String::new(),
            n => format!("; {n} more already on the target branch"),
        }
    );
    for notice in &input.notices {
        let _ = writeln!(body, "> {}\n", escape_user_text(notice, MAX_QUOTE_CHARS));
    }
    if let Some(change) = input.config_change {
        push_config_change(&mut body, change);
    }
    if !input.findings.is_empty() {
        push_findings_table(&mut body, input);
    }
    crate::report::mr_note::push_note_reviews(
        &mut body,
        input.notes,
        crate::report::mr_note::Links {
            project_url: input.project_url,
            head_sha: input.head_sha,
        },
    );
    if let Some(workflow) = input.workflow {
        crate::report::mr_workflow::push_workflow(&mut body, workflow);
    }
    push_not_inline(&mut body, input);
    push_already_on_target(&mut body, input);
    if let Some(warning) = input.token_warning {
        let _ = writeln!(
            body,
            "<sub>⚠️ {}</sub>\n",
            escape_user_text(&sentence_case(warning), MAX_QUOTE_CHARS)
        );
    }
    let _ = writeln!(
        body,
        "<sub>ase-lint updates this note on every pipeline. \
         [How to read this review]({}/reading-the-review.md)</sub>",
        docs_base(input)
    );
    cap_body(body)
}

/// The findings the changed files already had on the target branch, always folded: they
/// are not the merge request's doing, get no thread and do not fail the job.
fn push_already_on_target(body: &mut String, input: &SummaryInput<'_>) {
    if input.already_on_target.is_empty() {
        return;
    }
    let mut list = String::from(
        "These were there before this merge request; they get no thread and do not fail the job.\n\n",
    );
    for d in input.already_on_target.iter().take(MAX_LISTED) {
        let [badge, rule, place, message] = finding_parts(input, d);
        let _ = writeln!(list, "- {badge} {rule} {place}: {message}");
    }
    push_more(&mut list, input.already_on_target.len());
    let _ = write!(
        body,
        "<details><summary>Already on the target branch ({})</summary>\n\n{list}\n</details>\n\n",
        input.already_on_target.len()
    );
}

/// `text` with its first letter capitalised.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The web page of a rule's documentation (`docs/rules/<group>/<rule>.md`).
pub fn rule_docs_url(docs: &str, rule: &str) -> String {
    crate::report::rule_pages::page_url_at(docs, rule)
}

/// Where the summary's links to the docs go.
fn docs_base<'a>(input: &SummaryInput<'a>) -> &'a str {
    input
        .docs_url
        .unwrap_or(crate::report::rule_pages::DOCS_BASE)
        .trim_end_matches('/')
}

/// `` [`rule`](its page) ``.
pub fn rule_link(docs: &str, rule: &str) -> String {
    format!("[`{rule}`]({})", rule_docs_url(docs, rule))
}

/// The summary when the merge request no longer changes anything ase-lint checks.
pub fn nothing_to_check_body(head_sha: &str) -> String {
    format!(
        "{SUMMARY_MARKER}\n## ase-lint: nothing to check\n\n\
         As of {}, this merge request changes no file ase-lint checks \
         (README tables and org notes).\n",
        short_sha(head_sha)
    )
}

fn status_line(input: &SummaryInput<'_>) -> String {
    let errors = input
        .findings
        .iter()
        .filter(|f| f.diagnostic.severity == Severity::Error)
        .count();
    let warnings = input.findings.len() - errors;
    match (errors, warnings) {
        (0, 0) => "✅ ready".to_owned(),
        (0, w) => format!("✅ ready ({w} warning{})", plural(w)),
        (e, w) => format!("❌ {e} error{}, {w} warning{}", plural(e), plural(w)),
    }
}

/// The section saying that the merge request changes `.ase-lint.yml`, and what for.
fn push_config_change(body: &mut String, change: &ConfigChange) {
    body.push_str(
        "### This merge request changes `.ase-lint.yml`\n\n\
         This review uses the target branch's configuration; the new settings apply after merge.\n\n",
    );
    if let Some(problem) = &change.problem {
        let _ = writeln!(
            body,
            "The new file would not load: {}\n",
            escape_user_text(problem, MAX_QUOTE_CHARS)
        );
        return;
    }
    if change.changes.is_empty() {
        body.push_str("No rule's severity would change.\n\n");
        return;
    }
    body.push_str(
        "Rules whose severity would change:\n\n| Rule | Now | After merge |\n| --- | --- | --- |\n",
    );
    let level = |s: Option<Severity>| s.map_or("off", Severity::as_str);
    for c in &change.changes {
        let _ = writeln!(
            body,
            "| `{}` | {} | {} |",
            c.rule,
            level(c.before),
            level(c.after)
        );
    }
    body.push('\n');
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn push_findings_table(body: &mut String, input: &SummaryInput<'_>) {
    let mut table =
        String::from("| Severity | Rule | Where | Finding |\n| --- | --- | --- | --- |\n");
    for finding in input.findings.iter().take(MAX_LISTED) {
        let d = finding.diagnostic;
        let [badge, rule, place, message] = finding_parts(input, d);
        let _ = writeln!(table, "| {badge} | {rule} | {place} | {message} |");
    }
    push_more(&mut table, input.findings.len());
    push_folded(body, "Findings", input.findings.len(), &table);
}

/// What a listed finding shows: its severity badge, rule link, location link and escaped
/// message.
fn finding_parts(input: &SummaryInput<'_>, d: &Diagnostic) -> [String; 4] {
    [
        severity_badge(d.severity).to_owned(),
        rule_link(docs_base(input), d.rule),
        location_link(input, d),
        escape_user_text(&d.message, MAX_QUOTE_CHARS),
    ]
}

fn push_more(list: &mut String, total: usize) {
    if total > MAX_LISTED {
        let _ = writeln!(
            list,
            "\n… and {} more (see the job log or the Code Quality report).",
            total - MAX_LISTED
        );
    }
}

/// Writes `content` under a heading, folded into `<details>` when it lists many items.
fn push_folded(body: &mut String, title: &str, count: usize, content: &str) {
    if count > FOLD_AFTER {
        let _ = write!(
            body,
            "<details><summary>{title} ({count})</summary>\n\n{content}\n</details>\n\n"
        );
    } else {
        let _ = write!(body, "### {title}\n\n{content}\n");
    }
}

/// `[`path:line`](project/-/blob/sha/path#Lline)`, or the escaped text without a link.
fn location_link(input: &SummaryInput<'_>, d: &Diagnostic) -> String {
    let text = escape_user_text(&format!("{}:{}", d.path, d.start.line), MAX_QUOTE_CHARS);
    match blob_url(input.project_url, input.head_sha, &d.path, d.start.line) {
        Some(url) => format!("[{text}]({url})"),
        None => text,
    }
}

fn push_not_inline(body: &mut String, input: &SummaryInput<'_>) {
    let outside: Vec<&SummaryFinding<'_>> = input
        .findings
        .iter()
        .filter(|f| f.not_inline.is_some())
        .collect();
    if outside.is_empty() {
        return;
    }
    let mut list = String::new();
    for finding in outside.iter().take(MAX_LISTED) {
        let d = finding.diagnostic;
        let _ = writeln!(
            list,
            "- {} {} {}: {} <sub>({})</sub>",
            severity_badge(d.severity),
            rule_link(docs_base(input), d.rule),
            location_link(input, d),
            escape_user_text(&d.message, MAX_QUOTE_CHARS),
            // The reason is ase-lint's own fixed text, not the file's.
            finding.not_inline.unwrap_or_default()
        );
        if let Some(help) = &d.help {
            let _ = writeln!(
                list,
                "  - How to fix: {}",
                escape_user_text(help, MAX_QUOTE_CHARS)
            );
        }
    }
    push_more(&mut list, outside.len());
    push_folded(body, "Not commented inline", outside.len(), &list);
}

/// Cuts a body that would exceed [`MAX_BODY_CHARS`] (never expected with the list caps).
fn cap_body(body: String) -> String {
    match body.char_indices().nth(MAX_BODY_CHARS) {
        Some((cut, _)) => format!(
            "{}\n\n… (cut: the note reached GitLab's size limit)\n",
            &body[..cut]
        ),
        None => body,
    }
}

#[cfg(test)]
mod tests;
