//! `suppression/unused`: an `ase-lint: allow` that silences nothing.

use crate::declare_rule;
use crate::rules::Rule;

declare_rule! {
    /// ## What it does
    /// Reports a suppression that silences no finding: in an org file, a
    /// `# ase-lint: allow <rule> -- <reason>` comment whose rule reports nothing in that
    /// file (or that names no rule); in `.ase-lint.yml`, an `allow` entry whose rule reports
    /// nothing on the README row of its `account`.
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real problem of that kind: once the note answers
    /// the question, the comment would silence a later edit that breaks it again.
    ///
    /// ## Example
    /// A note that now says what to do with emergencies still carries
    /// `# ase-lint: allow note/emergency -- covered by the contract annex`.
    /// Use instead: delete the comment.
    pub Unused, name = "suppression/unused", severity = Warning,
    summary = "An `ase-lint: allow` silences nothing"
}

/// Reported by [`crate::suppress`], which reads the comments; no check of its own.
impl Rule for Unused {}
