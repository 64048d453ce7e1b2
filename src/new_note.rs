//! `ase-lint new-note`: writes an org file whose note answers all six questions in the
//! handbook's style, ready for the org-note merge request.

use std::fmt::Write as _;

use clap::ValueEnum;

use crate::config::Settings;
use crate::note::Question;
use crate::rules::note::questions::note_analysis;
use crate::source::SourceFile;

/// The ASE's support region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum Region {
    Amer,
    Emea,
    Apac,
}

impl Region {
    pub fn code(self) -> &'static str {
        match self {
            Region::Amer => "AMER",
            Region::Emea => "EMEA",
            Region::Apac => "APAC",
        }
    }
}

/// What the new note is about.
#[derive(Debug, Clone)]
pub struct NoteRequest {
    pub org_id: u64,
    /// The Zendesk org name, `<8 hex> <account name>`.
    pub org_name: String,
    /// The ASE's full name.
    pub ase: String,
    pub region: Region,
    /// The customer is on GitLab Dedicated.
    pub dedicated: bool,
    /// The handbook's address (`handbook_url` in the configuration).
    pub handbook_url: String,
}

/// Checks a request before a note is written from it, as the linter would check the
/// result: the org id's length (`ids.min_digits`..`ids.max_digits`), the org name's
/// `<8 hex> <account name>` shape, and an ASE name that `note/ase` recognises in the note.
/// Every problem is named, one per line.
pub fn validate(request: &NoteRequest, settings: &Settings) -> Result<(), String> {
    let mut problems = Vec::new();
    let digits = request.org_id.to_string().len();
    let ids = &settings.config.ids;
    if digits < ids.min_digits || digits > ids.max_digits {
        problems.push(format!(
            "`--org-id` {} has {digits} digits; Zendesk organization ids have {} to {} (copy the whole id from Zendesk)",
            request.org_id, ids.min_digits, ids.max_digits
        ));
    }
    if !is_org_name(&request.org_name) {
        problems.push(format!(
            "`--org-name` must be the Zendesk org name, `<8 lowercase hex> <account name>` (e.g. `f6438d0c Acme Corporation`), found `{}`",
            crate::words::visible_controls(&request.org_name)
        ));
    }
    if !names_the_ase(request, settings) {
        problems.push(format!(
            "`--ase` must be the ASE's name as people write it (e.g. `Jill Smith`); ase-lint does not read `{}` as a person's name",
            crate::words::visible_controls(&request.ase)
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// `<8 lowercase hex> <account name>`.
fn is_org_name(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(prefix, rest)| {
        prefix.len() == 8
            && prefix
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
            && !rest.trim().is_empty()
            && !name.contains(['\n', '\r'])
    })
}

/// True when the note written for `request` names its ASE, as `note/ase` reads it.
fn names_the_ase(request: &NoteRequest, settings: &Settings) -> bool {
    if request.ase.trim().is_empty() || request.ase.contains(['\n', '\r']) {
        return false;
    }
    let source = SourceFile::new(org_file_path(request.org_id), render(request));
    let doc = crate::parse::orgnote::parse(source, &request.org_id.to_string());
    note_analysis(&doc, settings)
        .is_some_and(|a| a.answers(Question::Ase) && !a.ase_names.is_empty())
}

/// Text as the body of a YAML block scalar (`notes: |`): each line indented by two spaces,
/// empty lines left empty.
pub fn block_scalar(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("  {l}\n")
            }
        })
        .collect()
}

/// The org file's path in the Organizations project.
pub fn org_file_path(org_id: u64) -> String {
    format!("organizations/{org_id}.yaml")
}

/// Renders the org file (YAML) for a request.
pub fn render(request: &NoteRequest) -> String {
    let ase = request.ase.trim();
    let first = ase.split_whitespace().next().unwrap_or(ase);
    let account = account_name(&request.org_name);
    let region = request.region.code();
    let link = crate::config::workflow_url(&request.handbook_url);
    let mut note = String::new();
    let _ = writeln!(
        note,
        "This organization has an Assigned Support Engineer (ASE). Please [review the workflow to use]({link})."
    );
    let _ = writeln!(
        note,
        "\n{ase} is the {region} ASE for {account} so at this time, all new non-emergency tickets will be assigned to {first}. Pre-existing tickets will keep their existing assignee and {first} will shadow."
    );
    let _ = writeln!(
        note,
        "\nTickets that come in outside {first}'s working hours stay assigned to {first}; if the customer needs an answer before {first} is back, respond while leaving {first} as the assignee."
    );
    let _ = writeln!(
        note,
        "\nIf {first} is unavailable (PTO, sick or busy), please respond while leaving {first} as the assignee and cc yourself."
    );
    let _ = writeln!(
        note,
        "\nThe on-call engineer will continue to handle emergency tickets, which will not get assigned to {first}. However, inform {first} when an emergency comes in so they can assist if available."
    );
    if request.dedicated {
        let _ = writeln!(
            note,
            "\nThis customer is on GitLab Dedicated: {first} is subscribed to the customer's Dedicated incidents in Incident.io."
        );
    }
    let body = block_scalar(&note);
    format!(
        "---\nid: {}\nname: {}\nnotes: |\n{body}",
        request.org_id,
        yaml_scalar(&request.org_name)
    )
}

/// The account name of a Zendesk org name (`f6438d0c Acme Corp` → `Acme Corp`).
fn account_name(org_name: &str) -> &str {
    let trimmed = org_name.trim();
    match trimmed.split_once(' ') {
        Some((prefix, rest))
            if prefix.len() == 8 && prefix.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            rest.trim()
        }
        _ => trimmed,
    }
}

/// A YAML scalar for `text`: plain when safe, double-quoted (escaped) otherwise.
fn yaml_scalar(text: &str) -> String {
    let plain_safe = !text.is_empty()
        && text == text.trim()
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !text.ends_with(':')
        && text.chars().all(|c| !c.is_control());
    if plain_safe {
        return text.to_owned();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> NoteRequest {
        NoteRequest {
            org_id: 361092349520,
            org_name: "f6438d0c Acme Corp".into(),
            ase: "Jill Smith".into(),
            region: Region::Amer,
            dedicated: false,
            handbook_url: crate::config::DEFAULT_HANDBOOK_URL.into(),
        }
    }

    #[test]
    fn renders_the_handbook_shape() {
        let text = render(&request());
        assert!(text.starts_with("---\nid: 361092349520\nname: f6438d0c Acme Corp\nnotes: |\n  This organization has an Assigned Support Engineer (ASE)."));
        assert!(text.contains("Jill Smith is the AMER ASE for Acme Corp"));
        assert!(text.contains("(https://handbook.gitlab.com/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/)"));
    }

    #[test]
    fn awkward_names_are_quoted() {
        assert_eq!(
            yaml_scalar("f6438d0c Acme: The Sequel"),
            "\"f6438d0c Acme: The Sequel\""
        );
        assert_eq!(yaml_scalar("f6438d0c \"Q\" Co"), "f6438d0c \"Q\" Co");
        assert_eq!(yaml_scalar("#hash"), "\"#hash\"");
    }

    #[test]
    fn inputs_are_validated_like_the_linter_would() {
        let settings = Settings::defaults();
        assert_eq!(validate(&request(), &settings), Ok(()));
        let mut bad = request();
        bad.org_id = 27;
        bad.org_name = "Acme Corp".into();
        bad.ase = "tbd".into();
        let problems = validate(&bad, &settings).err().unwrap_or_default();
        assert!(
            problems.contains("`--org-id` 27 has 2 digits"),
            "{problems}"
        );
        assert!(problems.contains("`--org-name` must be"), "{problems}");
        assert!(problems.contains("`--ase` must be"), "{problems}");
        assert_eq!(problems.lines().count(), 3, "{problems}");
    }

    #[test]
    fn dedicated_adds_incident_subscription() {
        let mut r = request();
        r.dedicated = true;
        assert!(render(&r).contains("GitLab Dedicated"));
    }
}
