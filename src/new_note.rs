//! `ase-lint new-note`: writes an org file whose note answers all six questions in the
//! handbook's style, ready for the org-note merge request.

use std::fmt::Write as _;

use clap::ValueEnum;

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
    let body: String = note
        .lines()
        .map(|l| {
            if l.is_empty() {
                "\n".to_owned()
            } else {
                format!("  {l}\n")
            }
        })
        .collect();
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
    fn dedicated_adds_incident_subscription() {
        let mut r = request();
        r.dedicated = true;
        assert!(render(&r).contains("GitLab Dedicated"));
    }
}
