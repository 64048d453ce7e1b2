//! `ase-lint new-note`: print (or with `--write` create) an org file whose note answers the
//! six questions, from the org's id and name, the ASE and the region
//! ([`crate::new_note`] writes the text).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::EXIT_OK;
use super::load_settings;

#[derive(Debug, Args)]
pub struct NewNoteArgs {
    /// Zendesk organization id (digits only).
    #[arg(long)]
    pub org_id: String,
    /// Zendesk org name, `<8 hex> <account name>`.
    #[arg(long)]
    pub org_name: String,
    /// The ASE's full name.
    #[arg(long)]
    pub ase: String,
    /// The ASE's region (any case).
    #[arg(long, value_enum, ignore_case = true)]
    pub region: crate::new_note::Region,
    /// The customer is on GitLab Dedicated.
    #[arg(long)]
    pub dedicated: bool,
    /// Write `organizations/<id>.yaml` (refuses to overwrite) instead of printing.
    #[arg(long)]
    pub write: bool,
    /// Configuration file (for `handbook_url`).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The `--org-id` value as a number, or what is wrong with it.
fn org_id(text: &str) -> Result<u64, String> {
    let digits_only = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<u64>() {
        Ok(id) if digits_only && id > 0 => Ok(id),
        _ if digits_only => Err(format!(
            "`--org-id` must be the Zendesk organization id: a number from 1 to {}, found `{text}`",
            u64::MAX
        )),
        _ => Err(format!(
            "`--org-id` must be the Zendesk organization id: digits only, found `{}`",
            crate::words::visible_controls(text)
        )),
    }
}

/// Runs `ase-lint new-note`.
pub fn run(args: &NewNoteArgs) -> Result<u8, String> {
    let org_id = org_id(&args.org_id)?;
    let settings = load_settings(args.config.as_deref()).map_err(|e| e.to_string())?;
    let request = crate::new_note::NoteRequest {
        org_id,
        handbook_url: settings.config.handbook_url.clone(),
        org_name: args.org_name.clone(),
        ase: args.ase.clone(),
        region: args.region,
        dedicated: args.dedicated,
    };
    crate::new_note::validate(&request, &settings)?;
    let text = crate::new_note::render(&request);
    let path = crate::new_note::org_file_path(org_id);
    if !args.write {
        print!("{text}");
        return Ok(EXIT_OK);
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{path} already exists; not overwriting it")
            }
            _ => format!(
                "cannot create `{path}`: {} (run it from the Organizations project's root)",
                crate::words::io_problem(&e)
            ),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write `{path}`: {}", crate::words::io_problem(&e)))?;
    eprintln!("wrote {path}; check it with `ase-lint check {path}`");
    Ok(EXIT_OK)
}
