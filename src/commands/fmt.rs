//! `ase-lint fmt README...`: align the ASE table of each README (pipes and padding; cell
//! contents untouched), or with `--check` only say which would change.

use std::path::{Path, PathBuf};

use clap::Args;

use super::load_settings;
use super::{EXIT_FINDINGS, EXIT_OK};
use crate::config::Settings;
use crate::lint;
use crate::report;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// READMEs holding the ASE table.
    #[arg(default_value = "README.md")]
    pub paths: Vec<PathBuf>,
    /// Change nothing; exit 1 when the file would change.
    #[arg(long)]
    pub check: bool,
    /// Configuration file (for column aliases).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Runs `ase-lint fmt`.
pub fn run(args: &FmtArgs) -> Result<u8, String> {
    let settings = load_settings(args.config.as_deref()).map_err(|e| e.to_string())?;
    let mut status = EXIT_OK;
    for path in &args.paths {
        status = status.max(fmt_file(path, args.check, &settings)?);
    }
    Ok(status)
}

fn fmt_file(path: &Path, check: bool, settings: &Settings) -> Result<u8, String> {
    let shown = report::terminal_safe(&lint::display_path(path)).into_owned();
    // Never through a symlink or from a special file; never more than the size cap.
    let bytes =
        crate::fsafe::read_regular(path, settings.max_file_bytes()).map_err(|e| match e {
            crate::fsafe::ReadProblem::NotRegular { what } => {
                format!("{shown}: cannot align: it is {what}, not a regular file")
            }
            crate::fsafe::ReadProblem::TooLarge { limit, .. } => {
                format!("{shown}: cannot align: larger than {limit} bytes (limits.max_file_bytes)")
            }
            crate::fsafe::ReadProblem::Io(e) => {
                format!("cannot read `{shown}`: {}", crate::words::io_problem(&e))
            }
        })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("cannot read `{shown}`: it is not UTF-8 text"))?;
    let Some(formatted) = crate::table_format::format_readme(&text, settings) else {
        eprintln!("{shown}: no ASE table found; nothing to align");
        return Ok(EXIT_OK);
    };
    if formatted == text {
        return Ok(EXIT_OK);
    }
    if check {
        eprintln!("{shown}: the ASE table is not aligned; run `ase-lint fmt {shown}`");
        return Ok(EXIT_FINDINGS);
    }
    crate::fsafe::write_replacing(path, |out| out.write_all(formatted.as_bytes()))
        .map_err(|e| format!("cannot write `{shown}`: {}", e.in_words()))?;
    eprintln!("{shown}: ASE table aligned");
    Ok(EXIT_OK)
}
