//! Command-line options shared by several commands: [`LintOptions`] (configuration file,
//! colour, quiet) for every command that lints, and the text-or-JSON choice of `rules`
//! and `questions`.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// How `ase-lint rules` prints the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

/// Options shared by commands that lint.
#[derive(Debug, Args)]
pub struct LintOptions {
    /// Configuration file (default: `.ase-lint.yml` in the current directory or an ancestor).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print diagnostics only, no summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to stdout (`auto` honours `NO_COLOR` and terminals).
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}
