//! The command line: the clap definition of `ase-lint` and its commands, and the dispatch
//! to [`crate::commands`] (`check`, `rules`, `explain`, `config`, `fmt`, `new-note`,
//! `questions`), [`crate::gitlab::ci`] (`ci`) and [`crate::zendesk::verify`] (`verify`).
//! Exit status 0 / 1 / 2 ([`crate::commands::EXIT_OK`] and its siblings).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::check::CheckArgs;
use crate::commands::fmt::FmtArgs;
use crate::commands::new_note::NewNoteArgs;
use crate::commands::questions::QuestionsArgs;
use crate::commands::{self, EXIT_TROUBLE, RulesFormat};
use crate::report;

/// Lints the Assigned Support Engineers README table and Zendesk org notes.
#[derive(Debug, Parser)]
#[command(name = "ase-lint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check README tables and org files (default: the current directory).
    Check(CheckArgs),
    /// List every rule with its default severity and summary.
    Rules {
        /// Output format (`json`: id, default severity, summary and docs URL of each rule).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print a rule's documentation: what it checks, why, an example.
    Explain {
        /// Rule name, e.g. `note/emergency`.
        rule: String,
    },
    /// Review a GitLab merge request: one summary note, inline discussions on changed
    /// lines, stale threads resolved (see docs/bot.md).
    #[cfg(feature = "bot")]
    Ci(Box<crate::gitlab::CiArgs>),
    /// Check the ASE table against Zendesk itself, read-only: organizations, their names,
    /// ASE and subscription, and the ASEs' users (see docs/verify.md).
    #[cfg(feature = "bot")]
    Verify(Box<crate::zendesk::VerifyArgs>),
    /// Align the ASE table of a README (pipes and padding; cell contents untouched).
    Fmt(FmtArgs),
    /// Write a new org file whose note answers all six questions.
    NewNote(NewNoteArgs),
    /// Show what ase-lint understood of org notes: ASE note or not and why, the ASE's
    /// name and region, each handbook question's status with the statement that shows it.
    Questions(QuestionsArgs),
    /// Print configuration.
    Config {
        /// Print the complete default configuration.
        #[arg(long)]
        default: bool,
    },
}

/// Runs the command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => commands::check::run(&args),
        Command::Rules { format } => commands::rules::print_rules(format),
        Command::Explain { rule } => commands::rules::explain(&rule),
        Command::Config { default } => commands::rules::print_config(default),
        #[cfg(feature = "bot")]
        Command::Ci(args) => crate::gitlab::ci::run(&args),
        #[cfg(feature = "bot")]
        Command::Verify(args) => crate::zendesk::verify::run(&args),
        Command::Fmt(args) => commands::fmt::run(&args),
        Command::NewNote(args) => commands::new_note::run(&args),
        Command::Questions(args) => commands::questions::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("ase-lint: error: {}", report::terminal_safe_lines(&message));
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}
