//! `suppression/no-reason`: an `ase-lint: allow` comment without a reason.

use crate::declare_rule;
use crate::rules::Rule;

declare_rule! {
    /// ## What it does
    /// Reports a suppression comment in an org file that gives no reason after `--`:
    /// `# ase-lint: allow note/emergency` instead of
    /// `# ase-lint: allow note/emergency -- covered by the contract annex`. Such a comment
    /// silences nothing until it has a reason.
    ///
    /// ## Why is this bad?
    /// A manager reads the merge request. A finding silenced without a word looks like a
    /// way around the review; with the reason, the manager can agree or push back.
    ///
    /// ## Example
    /// ```yaml
    /// # ase-lint: allow note/emergency
    /// ```
    /// Use instead:
    /// ```yaml
    /// # ase-lint: allow note/emergency -- emergencies are covered by the contract annex
    /// ```
    pub NoReason, name = "suppression/no-reason", severity = Error,
    summary = "An `ase-lint: allow` comment gives no reason"
}

/// Reported by [`crate::suppress`], which reads the comments; no check of its own.
impl Rule for NoReason {}
