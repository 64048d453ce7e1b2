//! The rules: one file per rule under `rules/<group>/`, all listed in [`ALL`].
//!
//! A rule is its identity (name, default severity, summary, docs, written once by
//! [`declare_rule!`], which implements [`RuleIdentity`]) plus a pure check over a parsed
//! document ([`Rule`]). Rules never do I/O. Adding a rule = one file
//! (`rules/<group>/<rule>.rs`) + one line in [`ALL`] + fixtures in
//! `fixtures/rules/<group>/<rule>/` (README "Adding a rule").

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{AseTable, OrgDoc, ReadmeDoc};
use crate::source::{SourceFile, Span};

pub mod cross;
pub mod file;
pub mod id;
pub mod link;
pub mod note;
pub mod suppression;
pub mod table;
pub mod util;
pub mod yaml;
pub mod zendesk;

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, user-facing name: `group/rule`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line, shown by `ase-lint rules`.
    pub summary: &'static str,
    /// Markdown docs (`## What it does`, `## Why is this bad?`, `## Example`), shown by
    /// `ase-lint explain`.
    pub docs: &'static str,
    /// The file that declares the rule (`src/rules/note/pre_existing.rs`), recorded by
    /// [`declare_rule!`]; a test checks it matches [`RuleMeta::name`].
    pub file: &'static str,
}

/// Who a rule is: implemented by [`declare_rule!`] for the struct it declares, never by
/// hand, so a rule's identity is written once.
pub trait RuleIdentity {
    /// Name, default severity, summary and docs.
    fn meta(&self) -> &'static RuleMeta;

    /// The rule's struct as [`std::any::type_name`] gives it
    /// (`ase_lint::rules::note::region::NoteRegion`); a test checks no two rules share a
    /// struct name.
    fn type_name(&self) -> &'static str {
        std::any::type_name::<Self>()
    }
}

/// A lint rule: declared with [`declare_rule!`] (its [`RuleIdentity`]), then implement the
/// check(s) for the document kinds it reads.
pub trait Rule: RuleIdentity + Sync {
    /// Checks a README that was looked at for the ASE table.
    fn check_readme(&self, _doc: &ReadmeDoc, _cx: &mut RuleContext<'_>) {}

    /// Checks the ASE table (called only when a README has one).
    fn check_table(&self, _table: &AseTable, _cx: &mut RuleContext<'_>) {}

    /// Checks an org file.
    fn check_org(&self, _doc: &OrgDoc, _cx: &mut RuleContext<'_>) {}

    /// Checks a file of one project against the other project's files (`cross/*`); runs
    /// after the per-file checks, only when the other project is at hand.
    fn check_cross(&self, _input: &cross::CrossInput<'_>, _cx: &mut RuleContext<'_>) {}

    /// Reports a file whose content was not read (a symlink, a special file, too large).
    fn check_file(&self, _problem: &file::FileProblem, _cx: &mut RuleContext<'_>) {}

    /// Checks what a change did to an org file, against its version at the merge
    /// request's base (run by `ase-lint ci`).
    fn check_org_change(&self, _head: &OrgDoc, _base: &OrgDoc, _cx: &mut RuleContext<'_>) {}

    /// Checks the ASE table against what was read from Zendesk (`zendesk/*`, run by
    /// `ase-lint verify`).
    fn check_zendesk(&self, _input: &zendesk::ZendeskInput<'_>, _cx: &mut RuleContext<'_>) {}
}

/// Declares a rule's unit struct, its [`RuleMeta`] (as the associated const `META`) and
/// its [`RuleIdentity`]; the `///` docs become `explain`'s text. The rule's file then has
/// only `impl Rule for X { ... }` with its checks.
///
/// A question rule (`note/*`, one of the handbook's six questions) ends with
/// `question = <Question variant>`: the macro then also implements [`Rule`], reporting the
/// question when an ASE note leaves it open
/// ([`note::questions::report_unanswered`]), so the rule's file holds only its identity
/// and docs.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $ident:ident, name = $name:literal, severity = $severity:ident,
        summary = $summary:literal, question = $question:ident $(,)?
    ) => {
        $crate::declare_rule! {
            $(#[doc = $doc])*
            pub $ident, name = $name, severity = $severity, summary = $summary
        }

        impl $crate::rules::Rule for $ident {
            fn check_org(&self, doc: &$crate::model::OrgDoc, cx: &mut $crate::rules::RuleContext<'_>) {
                $crate::rules::note::questions::report_unanswered(
                    $crate::note::Question::$question,
                    doc,
                    cx,
                );
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub $ident:ident, name = $name:literal, severity = $severity:ident,
        summary = $summary:literal $(,)?
    ) => {
        $(#[doc = $doc])*
        pub struct $ident;

        impl $ident {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                name: $name,
                severity: $crate::diagnostic::Severity::$severity,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                file: file!(),
            };
        }

        impl $crate::rules::RuleIdentity for $ident {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}

/// Every rule, in the order `ase-lint rules` lists them.
pub static ALL: &[&dyn Rule] = &[
    &table::not_found::NotFound,
    &table::missing_column::MissingColumn,
    &table::cell_count::CellCount,
    &table::empty_cell::EmptyCell,
    &table::duplicate_account::DuplicateAccount,
    &table::org_name_format::OrgNameFormat,
    &table::region::TableRegion,
    &table::ase_capacity::AseCapacity,
    &id::format::Format,
    &id::suspicious_length::SuspiciousLength,
    &id::ase_conflict::AseConflict,
    &link::salesforce::Salesforce,
    &link::org_note::OrgNote,
    &yaml::syntax::Syntax,
    &note::schema::Schema,
    &note::missing::Missing,
    &note::ase::Ase,
    &note::region::NoteRegion,
    &note::out_of_hours::OutOfHours,
    &note::unavailable::Unavailable,
    &note::pre_existing::PreExisting,
    &note::emergency::Emergency,
    &note::workflow_link::WorkflowLink,
    &cross::org_note_missing::OrgNoteMissing,
    &cross::org_id_mismatch::OrgIdMismatch,
    &cross::org_name_mismatch::CrossOrgNameMismatch,
    &cross::ase_mismatch::AseMismatch,
    &cross::region_mismatch::RegionMismatch,
    &cross::unlisted_ase_note::UnlistedAseNote,
    &file::not_regular::NotRegular,
    &file::too_large::TooLarge,
    &suppression::no_reason::NoReason,
    &suppression::unused::Unused,
    &zendesk::org_not_found::OrgNotFound,
    &zendesk::org_name_mismatch::ZendeskOrgNameMismatch,
    &zendesk::ase_not_assigned::AseNotAssigned,
    &zendesk::user_not_found::UserNotFound,
    &zendesk::user_not_agent::UserNotAgent,
    &zendesk::ase_name_mismatch::AseNameMismatch,
    &zendesk::ase_subscription::AseSubscription,
];

/// Looks a rule up by name.
pub fn find(name: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.meta().name == name)
}

/// Where a rule's documentation is read on the web: the file that declares it (its docs
/// are beside the check; `ase-lint explain` prints the same text).
pub fn docs_url(name: &str) -> String {
    format!(
        "https://gitlab.com/gitlab-com/support/toolbox/ase-lint/-/blob/main/src/rules/{}.rs",
        name.replace('-', "_")
    )
}

/// Why `name` is not a rule (with the closest rule), or `None` when it is one: what
/// [`Settings::check_rule_names`] needs.
pub fn unknown_rule_problem(name: &str) -> Option<String> {
    find(name)
        .is_none()
        .then(|| unknown_rule(&crate::words::visible_controls(name)))
}

/// "unknown rule `x`", with the closest rule name when there is one.
pub fn unknown_rule(name: &str) -> String {
    let names = ALL.iter().map(|r| r.meta().name);
    match crate::words::closest(name, names) {
        Some(close) => format!(
            "unknown rule `{name}`; did you mean `{close}`? (`ase-lint rules` lists them all)"
        ),
        None => format!("unknown rule `{name}`; `ase-lint rules` lists them all"),
    }
}

/// What a rule sees while it runs: the settings, the file, and where findings go.
pub struct RuleContext<'a> {
    pub settings: &'a Settings,
    pub source: &'a SourceFile,
    meta: &'static RuleMeta,
    severity: Severity,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    pub fn new(
        settings: &'a Settings,
        source: &'a SourceFile,
        meta: &'static RuleMeta,
        severity: Severity,
        out: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            settings,
            source,
            meta,
            severity,
            out,
        }
    }

    /// Reports a finding of the running rule at `span`; chain `.help(..)`, `.label(..)`.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = Diagnostic::new(self.meta.name, self.severity, self.source, span, message);
        self.out.push(diagnostic);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}

/// Runs every enabled rule over a README.
pub fn check_readme(doc: &ReadmeDoc, settings: &Settings, out: &mut Vec<Diagnostic>) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, &doc.source, rule.meta(), severity, out);
        rule.check_readme(doc, &mut cx);
        if let Some(table) = &doc.table {
            rule.check_table(table, &mut cx);
        }
    });
}

/// Runs every enabled rule over an org file.
pub fn check_org(doc: &OrgDoc, settings: &Settings, out: &mut Vec<Diagnostic>) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, &doc.source, rule.meta(), severity, out);
        rule.check_org(doc, &mut cx);
    });
}

/// Runs every enabled rule's check of a change to an org file (`head` against `base`).
pub fn check_org_change(
    head: &OrgDoc,
    base: &OrgDoc,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, &head.source, rule.meta(), severity, out);
        rule.check_org_change(head, base, &mut cx);
    });
}

/// Runs every enabled rule's cross-project check on the file being checked (`source`).
pub fn check_cross(
    input: &cross::CrossInput<'_>,
    source: &SourceFile,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, source, rule.meta(), severity, out);
        rule.check_cross(input, &mut cx);
    });
}

/// Runs every enabled rule's file check on a file that was not read (`source` is empty).
pub fn check_file(
    problem: &file::FileProblem,
    source: &SourceFile,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, source, rule.meta(), severity, out);
        rule.check_file(problem, &mut cx);
    });
}

/// Runs every enabled rule's Zendesk check on a README's ASE table (`source`).
pub fn check_zendesk(
    input: &zendesk::ZendeskInput<'_>,
    source: &SourceFile,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    for_each_enabled(settings, |rule, severity| {
        let mut cx = RuleContext::new(settings, source, rule.meta(), severity, out);
        rule.check_zendesk(input, &mut cx);
    });
}

fn for_each_enabled(settings: &Settings, mut run: impl FnMut(&dyn Rule, Severity)) {
    for rule in ALL {
        let meta = rule.meta();
        if let Some(severity) = settings.severity(meta.name, meta.severity) {
            run(*rule, severity);
        }
    }
}

/// A rule's docs as `explain` prints them: one leading space stripped from each line.
pub fn docs_text(meta: &RuleMeta) -> String {
    meta.docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_rule_has_a_docs_file() {
        for rule in ALL {
            let url = docs_url(rule.meta().name);
            let path = url.split("/-/blob/main/").nth(1).unwrap_or_default();
            let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
            assert!(file.is_file(), "{} has no {path}", rule.meta().name);
        }
    }

    #[test]
    fn a_misspelt_rule_gets_a_suggestion() {
        assert!(unknown_rule("note/emergncy").contains("did you mean `note/emergency`?"));
        assert!(!unknown_rule("zzz").contains("did you mean"));
    }
    use super::*;

    #[test]
    fn names_are_unique_and_grouped() {
        let mut names: Vec<_> = ALL.iter().map(|r| r.meta().name).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate rule names");
        for name in names {
            assert_eq!(name.split('/').count(), 2, "{name} is not group/rule");
        }
    }

    #[test]
    fn each_rule_is_declared_in_the_file_its_name_gives() {
        for rule in ALL {
            let meta = rule.meta();
            let expected = format!("src/rules/{}.rs", meta.name.replace('-', "_"));
            assert_eq!(meta.file.replace('\\', "/"), expected, "{}", meta.name);
            let module = format!(
                "::rules::{}::",
                meta.name.replace('-', "_").replace('/', "::")
            );
            assert!(
                rule.type_name().contains(&module),
                "{} is {}",
                meta.name,
                rule.type_name()
            );
        }
    }

    #[test]
    fn no_two_rules_share_a_struct_name() {
        let mut seen = std::collections::HashMap::new();
        for rule in ALL {
            let ident = rule.type_name().rsplit("::").next().unwrap_or_default();
            if let Some(other) = seen.insert(ident, rule.meta().name) {
                panic!(
                    "`{ident}` is the struct of both {other} and {}",
                    rule.meta().name
                );
            }
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in ALL {
            let meta = rule.meta();
            let docs = docs_text(meta);
            for heading in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(docs.contains(heading), "{} lacks `{heading}`", meta.name);
            }
            assert!(!meta.summary.is_empty(), "{} has no summary", meta.name);
        }
    }
}
