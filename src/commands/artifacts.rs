//! The report artifacts a command writes beside its output: `--codequality` and `--junit`
//! (`check`, `ci`, `verify`), whatever the findings, never through a symlink.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::lint;
use crate::report;

/// `--codequality PATH` and `--junit PATH`, shared by the commands that write them.
#[derive(Debug, Clone, Default, Args)]
pub struct ReportFiles {
    /// Also write a GitLab Code Quality report (`artifacts:reports:codequality`) to PATH.
    #[arg(long, value_name = "PATH")]
    pub codequality: Option<PathBuf>,
    /// Also write a JUnit XML report (`artifacts:reports:junit`) to PATH.
    #[arg(long, value_name = "PATH")]
    pub junit: Option<PathBuf>,
}

impl ReportFiles {
    /// Writes the files asked for (see [`write_artifact_files`]); false when one failed.
    pub fn write(&self, run: &lint::LintRun) -> bool {
        write_artifact_files(self.codequality.as_deref(), self.junit.as_deref(), run)
    }
}

/// A reporter that writes a whole run, as the report modules' `write` functions do.
type Reporter = fn(&mut dyn Write, &lint::LintRun) -> std::io::Result<()>;

/// Writes the `--codequality` and `--junit` files asked for (`check`, `ci`, `verify`),
/// whatever the findings; prints an error naming the file for each that cannot be
/// written and then returns false.
pub fn write_artifact_files(
    codequality: Option<&Path>,
    junit: Option<&Path>,
    run: &lint::LintRun,
) -> bool {
    let wanted: [(Option<&Path>, &str, Reporter); 2] = [
        (
            codequality,
            "Code Quality report",
            report::codequality::write,
        ),
        (junit, "JUnit report", report::junit::write),
    ];
    let mut all_written = true;
    for (path, what, reporter) in wanted {
        if let Some(path) = path
            && let Err(err) = write_report_file(path, run, reporter)
        {
            eprintln!(
                "ase-lint: error: cannot write the {what} to `{}`: {}",
                report::terminal_safe(&path.display().to_string()),
                err.in_words()
            );
            all_written = false;
        }
    }
    all_written
}

/// Writes one report to `path`, creating its parent directories; never through a symlink
/// (see [`crate::fsafe::write_replacing`]).
fn write_report_file(
    path: &Path,
    run: &lint::LintRun,
    reporter: Reporter,
) -> Result<(), crate::fsafe::WriteError> {
    crate::fsafe::write_replacing(path, |out| reporter(out, run))
}
