//! `ase-lint check PATH...`: lint README tables and org files, print the report in the
//! format asked for, write the report artifacts; exit 0 / 1 by the findings, 2 when a file
//! could not be read or an artifact written.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::settings::{load_settings, missing_paths};
use super::{EXIT_TROUBLE, LintOptions, exit_code};
use crate::lint;
use crate::report::{self, Format, TextOptions};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub reports: crate::commands::ReportFiles,
    /// The ASE project's README: org files are also checked against its table (`cross/*`).
    #[arg(long, value_name = "PATH")]
    pub ase_readme: Option<PathBuf>,
    /// A checkout of the Organizations project (the folder holding `organizations/`, or
    /// that folder): READMEs are also checked against its org files (`cross/*`).
    #[arg(long, value_name = "PATH")]
    pub orgs_dir: Option<PathBuf>,
    #[command(flatten)]
    pub options: LintOptions,
}

/// Runs `ase-lint check`.
pub fn run(args: &CheckArgs) -> Result<u8, String> {
    missing_paths(&args.paths)?;
    let settings = load_settings(args.options.config.as_deref()).map_err(|e| e.to_string())?;
    let ase_readme = args
        .ase_readme
        .as_ref()
        .or(settings.cross_ase_readme.as_ref());
    let orgs_dir = args.orgs_dir.as_ref().or(settings.cross_orgs_dir.as_ref());
    let cross = crate::cross::CrossContext::load_local(
        ase_readme.map(PathBuf::as_path),
        orgs_dir.map(PathBuf::as_path),
        &settings,
    )
    .map_err(|e| e.to_string())?;
    let run = lint::lint_paths_with(&args.paths, &settings, &cross);
    let artifacts_written = write_artifacts(args, &run);
    let text = TextOptions {
        color: args.options.color.enabled(),
        quiet: args.options.quiet,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    report::write(&mut out, args.format, &run, text).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    for error in &run.errors {
        eprintln!(
            "ase-lint: error: {}",
            report::terminal_safe(&error.to_string())
        );
    }
    if !artifacts_written {
        return Ok(EXIT_TROUBLE);
    }
    Ok(exit_code(&run))
}

/// Writes the `--codequality` and `--junit` files asked for, whatever the findings;
/// prints an error naming the file for each that cannot be written and then returns
/// false.
fn write_artifacts(args: &CheckArgs, run: &lint::LintRun) -> bool {
    args.reports.write(run)
}
