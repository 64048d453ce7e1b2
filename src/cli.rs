//! Command line: `check`, `rules`, `explain`, `config`; exit status 0 / 1 / 2.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Config, ConfigError, DEFAULT_CONFIG_YAML, Settings};
use crate::diagnostic::Severity;
use crate::lint;
use crate::report::{self, Format, TextOptions};
use crate::rules;

/// Exit status: no error-level finding.
pub const EXIT_OK: u8 = 0;
/// Exit status: at least one error-level finding.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error, bad configuration or unreadable file.
pub const EXIT_TROUBLE: u8 = 2;

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
    Rules,
    /// Print a rule's documentation: what it checks, why, an example.
    Explain {
        /// Rule name, e.g. `note/emergency`.
        rule: String,
    },
    /// Print configuration.
    Config {
        /// Print the complete default configuration.
        #[arg(long)]
        default: bool,
    },
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

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub options: LintOptions,
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

/// Runs the command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Check(args) => check(&args),
        Command::Rules => print_rules(),
        Command::Explain { rule } => explain(&rule),
        Command::Config { default } => print_config(default),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("ase-lint: error: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Loads the settings from `--config`, or `.ase-lint.yml` found upwards, or the defaults.
pub fn load_settings(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let found = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| Config::discover(&dir)),
    };
    match found {
        Some(path) => {
            let config = Config::load(&path)?;
            let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            Settings::new(config, &base, &path.display().to_string())
        }
        None => Ok(Settings::defaults()),
    }
}

fn check(args: &CheckArgs) -> Result<u8, String> {
    let settings = load_settings(args.options.config.as_deref()).map_err(|e| e.to_string())?;
    let run = lint::lint_paths(&args.paths, &settings);
    let text = TextOptions {
        color: args.options.color.enabled(),
        quiet: args.options.quiet,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    report::write(&mut out, args.format, &run, text).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    for error in &run.errors {
        eprintln!("ase-lint: error: {error}");
    }
    Ok(exit_code(&run))
}

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

fn print_rules() -> Result<u8, String> {
    let width = rules::ALL
        .iter()
        .map(|r| r.meta().name.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for rule in rules::ALL {
        let meta = rule.meta();
        out.push_str(&format!(
            "{:<width$}  {:<7}  {}\n",
            meta.name,
            meta.severity.as_str(),
            meta.summary
        ));
    }
    print!("{out}");
    Ok(EXIT_OK)
}

fn explain(name: &str) -> Result<u8, String> {
    let rule = rules::find(name)
        .ok_or_else(|| format!("unknown rule `{name}`; `ase-lint rules` lists them"))?;
    let meta = rule.meta();
    println!(
        "# {}\n\nDefault severity: {}\n\n{}",
        meta.name,
        meta.severity,
        rules::docs_text(meta).trim_end()
    );
    Ok(EXIT_OK)
}

fn print_config(default: bool) -> Result<u8, String> {
    if !default {
        return Err("use `ase-lint config --default` to print the default configuration".into());
    }
    print!("{DEFAULT_CONFIG_YAML}");
    Ok(EXIT_OK)
}
