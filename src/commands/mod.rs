//! The commands: each reads its inputs, calls the library and writes what the user asked
//! for; [`crate::cli`] only parses the command line and hands over. Here too what every
//! command shares: the exit statuses, [`load_settings`], the lint options and the report
//! artifacts. (`ci` and `verify` live with their clients, [`crate::gitlab::ci`] and
//! [`crate::zendesk::verify`], and use these.)

pub mod artifacts;
pub mod check;
pub mod fmt;
pub mod new_note;
pub mod options;
pub mod questions;
#[cfg(feature = "bot")]
pub mod requests;
pub mod rules;
pub mod settings;

pub use artifacts::{ReportFiles, write_artifact_files};
pub use options::{ColorChoice, LintOptions, RulesFormat};
#[cfg(feature = "bot")]
pub use requests::RequestArgs;
pub use settings::load_settings;

use crate::diagnostic::Severity;
use crate::lint;

/// Exit status: no error-level finding.
pub const EXIT_OK: u8 = 0;
/// Exit status: at least one error-level finding.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error, bad configuration or unreadable file.
pub const EXIT_TROUBLE: u8 = 2;

/// 2 when a file could not be read, else 1 when an error-level diagnostic exists, else 0.
pub fn exit_code(run: &lint::LintRun) -> u8 {
    if !run.errors.is_empty() {
        EXIT_TROUBLE
    } else if run
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
