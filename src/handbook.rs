//! The handbook's "remember to" steps as configured (`handbook:` in `.ase-lint.yml`, the
//! defaults in `src/default-config.yml`): the onboarding, auto-assignment and offboarding
//! steps the review note lists, who each is for, and the `{placeholders}` their texts may
//! use. Pure: [`crate::report::mr_workflow`] fills the placeholders; the configuration
//! checks them at load ([`check`]) so an unknown one is an error with its line and column.

use serde::Deserialize;

use crate::words::{did_you_mean, one_of};

/// Who a step is for: its label in the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Ase,
    Manager,
}

impl Audience {
    /// The checklist label: `ASE` or `Manager`.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Ase => "ASE",
            Audience::Manager => "Manager",
        }
    }
}

/// One step of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Who does it (`for: ase` or `for: manager`).
    #[serde(rename = "for")]
    pub audience: Audience,
    /// What to do, in Markdown, with `{placeholders}` (see [`ACCOUNT_PLACEHOLDERS`]).
    pub text: String,
    /// Only for accounts whose README row mentions GitLab Dedicated.
    #[serde(default)]
    pub dedicated: bool,
    /// Said instead of `text` while a cell `text` takes a value from has an error
    /// (`{fix_first}` says which); without it, such values read "fix this row first".
    #[serde(default)]
    pub until_fixed: Option<String>,
}

/// `handbook:`: the steps per situation. A list a user's file gives replaces the default
/// list. Not deserialized itself: the YAML is read as a [`UserHandbook`] (the defaults too,
/// then completed with `HandbookConfig::complete`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandbookConfig {
    /// Per README row added.
    pub onboarding: Vec<Step>,
    /// Per merge request that changes who gets an organization's new tickets.
    pub auto_assignment: Vec<Step>,
    /// The sentence before the auto-assignment steps (empty: none).
    pub auto_assignment_intro: String,
    /// The paragraph after the auto-assignment steps (empty: none).
    pub auto_assignment_closing: String,
    /// Per README row removed.
    pub offboarding: Vec<Step>,
}

/// `handbook:` as a configuration file gives it: every list optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserHandbook {
    onboarding: Option<Vec<Step>>,
    auto_assignment: Option<Vec<Step>>,
    auto_assignment_intro: Option<String>,
    auto_assignment_closing: Option<String>,
    offboarding: Option<Vec<Step>>,
}

impl HandbookConfig {
    /// The full `handbook:` from the built-in defaults: every key given, or the first one
    /// left out.
    pub(crate) fn complete(given: UserHandbook) -> Result<Self, crate::config::Missing> {
        Ok(Self {
            onboarding: given.onboarding.ok_or("handbook.onboarding")?,
            auto_assignment: given.auto_assignment.ok_or("handbook.auto_assignment")?,
            auto_assignment_intro: given
                .auto_assignment_intro
                .ok_or("handbook.auto_assignment_intro")?,
            auto_assignment_closing: given
                .auto_assignment_closing
                .ok_or("handbook.auto_assignment_closing")?,
            offboarding: given.offboarding.ok_or("handbook.offboarding")?,
        })
    }

    /// Replaces the lists `user` gives.
    pub fn merge(&mut self, user: UserHandbook) {
        if let Some(steps) = user.onboarding {
            self.onboarding = steps;
        }
        if let Some(steps) = user.auto_assignment {
            self.auto_assignment = steps;
        }
        if let Some(steps) = user.offboarding {
            self.offboarding = steps;
        }
        if let Some(text) = user.auto_assignment_intro {
            self.auto_assignment_intro = text;
        }
        if let Some(text) = user.auto_assignment_closing {
            self.auto_assignment_closing = text;
        }
    }

    /// The texts around a checklist by key (their placeholders are the auto-assignment
    /// steps').
    pub fn texts(&self) -> [(&'static str, &str); 2] {
        [
            ("auto_assignment_intro", &self.auto_assignment_intro),
            ("auto_assignment_closing", &self.auto_assignment_closing),
        ]
    }

    /// The lists by key, in the order of the file.
    pub fn sections(&self) -> [(&'static str, &[Step]); 3] {
        [
            ("onboarding", &self.onboarding),
            ("auto_assignment", &self.auto_assignment),
            ("offboarding", &self.offboarding),
        ]
    }
}

/// The placeholders of onboarding and offboarding steps: one README row's values.
pub const ACCOUNT_PLACEHOLDERS: [&str; 10] = [
    "account",
    "org_id",
    "org_name",
    "ase",
    "region",
    "user_id",
    "org_note",
    "new_note",
    "super_form",
    "handbook_url",
];

/// The placeholders of auto-assignment steps.
pub const ASSIGNMENT_PLACEHOLDERS: [&str; 3] = ["files", "super_form", "handbook_url"];

/// The extra placeholder of `until_fixed`: what to fix first.
pub const FIX_FIRST: &str = "fix_first";

/// The placeholders a field of a step in `section` may use.
pub fn allowed(section: &str, field: &str) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = if section.starts_with("auto_assignment") {
        ASSIGNMENT_PLACEHOLDERS.to_vec()
    } else {
        ACCOUNT_PLACEHOLDERS.to_vec()
    };
    if field == "until_fixed" {
        names.push(FIX_FIRST);
    }
    names
}

/// A piece of a step's text: as written, or a placeholder's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// The pieces of `text`: `{name}` is a placeholder, `{{` and `}}` are braces. An
/// unclosed `{` or one around something that is not a name is an error, in words.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}").or_else(|| tail.strip_prefix('}')) {
            out.push(Piece::Text("}"));
            rest = after;
        } else {
            let Some(end) = tail.find('}') else {
                return Err("a `{` without its `}` (write `{{` for a brace)".to_owned());
            };
            let name = &tail[1..end];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                return Err(format!(
                    "`{}` is no placeholder (a placeholder is a name in braces, like `{{account}}`; write `{{{{` for a brace)",
                    crate::words::visible_controls(&tail[..=end])
                ));
            }
            out.push(Piece::Placeholder(name));
            rest = &tail[end + 1..];
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// A step's text that cannot be used: where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `onboarding`, `auto_assignment`, `offboarding`, or a text's key
    /// (`auto_assignment_intro`).
    pub section: &'static str,
    /// The step's index in its list; `None` for a text outside the lists.
    pub index: Option<usize>,
    /// `text` or `until_fixed`.
    pub field: &'static str,
    /// What is wrong, in words.
    pub message: String,
}

/// The first text of `handbook` that uses an unknown placeholder or has a stray brace,
/// or step text that is empty.
pub fn check(handbook: &HandbookConfig) -> Result<(), Problem> {
    for (section, steps) in handbook.sections() {
        for (index, step) in steps.iter().enumerate() {
            let fields = [
                ("text", Some(&step.text)),
                ("until_fixed", step.until_fixed.as_ref()),
            ];
            for (field, value) in fields {
                let Some(value) = value else { continue };
                let problem = |message: String| Problem {
                    section,
                    index: Some(index),
                    field,
                    message,
                };
                if value.trim().is_empty() {
                    return Err(problem("the text is empty: say what to do".to_owned()));
                }
                check_placeholders(value, &allowed(section, field)).map_err(problem)?;
            }
        }
    }
    for (section, value) in handbook.texts() {
        check_placeholders(value, &allowed(section, "text")).map_err(|message| Problem {
            section,
            index: None,
            field: "text",
            message,
        })?;
    }
    Ok(())
}

/// Whether `value` uses only the placeholders in `allowed`, in words when not.
fn check_placeholders(value: &str, allowed: &[&str]) -> Result<(), String> {
    for piece in pieces(value)? {
        if let Piece::Placeholder(name) = piece
            && !allowed.contains(&name)
        {
            let braced: Vec<String> = allowed.iter().map(|n| format!("{{{n}}}")).collect();
            let braced: Vec<&str> = braced.iter().map(String::as_str).collect();
            return Err(format!(
                "unknown placeholder `{{{name}}}`; allowed here: {}{}",
                one_of(&braced),
                did_you_mean(&format!("{{{name}}}"), braced.iter().copied())
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_placeholders_and_keep_doubled_braces() {
        assert_eq!(
            pieces("file {super_form} for {org_id} {{x}}").unwrap_or_default(),
            [
                Piece::Text("file "),
                Piece::Placeholder("super_form"),
                Piece::Text(" for "),
                Piece::Placeholder("org_id"),
                Piece::Text(" "),
                Piece::Text("{"),
                Piece::Text("x"),
                Piece::Text("}"),
            ]
        );
        assert!(pieces("a {org id}").is_err());
        assert!(pieces("a {org_id").is_err());
    }
}
