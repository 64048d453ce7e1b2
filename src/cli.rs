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
    /// Review a GitLab merge request: one summary note, inline discussions on changed
    /// lines, stale threads resolved (see docs/bot.md).
    #[cfg(feature = "bot")]
    Ci(Box<crate::gitlab::CiArgs>),
    /// Align the ASE table of a README (pipes and padding; cell contents untouched).
    Fmt(FmtArgs),
    /// Write a new org file whose note answers all six questions.
    NewNote(NewNoteArgs),
    /// Print configuration.
    Config {
        /// Print the complete default configuration.
        #[arg(long)]
        default: bool,
    },
}

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

#[derive(Debug, Args)]
pub struct NewNoteArgs {
    /// Zendesk organization id.
    #[arg(long)]
    pub org_id: u64,
    /// Zendesk org name, `<8 hex> <account name>`.
    #[arg(long)]
    pub org_name: String,
    /// The ASE's full name.
    #[arg(long)]
    pub ase: String,
    /// The ASE's region.
    #[arg(long, value_enum)]
    pub region: crate::new_note::Region,
    /// The customer is on GitLab Dedicated.
    #[arg(long)]
    pub dedicated: bool,
    /// Write `organizations/<id>.yaml` (refuses to overwrite) instead of printing.
    #[arg(long)]
    pub write: bool,
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
    /// Also write a GitLab Code Quality report (`artifacts:reports:codequality`) to PATH.
    #[arg(long, value_name = "PATH")]
    pub codequality: Option<PathBuf>,
    /// Also write a JUnit XML report (`artifacts:reports:junit`) to PATH.
    #[arg(long, value_name = "PATH")]
    pub junit: Option<PathBuf>,
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
        #[cfg(feature = "bot")]
        Command::Ci(args) => crate::gitlab::ci::run(&args),
        Command::Fmt(args) => fmt(&args),
        Command::NewNote(args) => new_note(&args),
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
        eprintln!("ase-lint: error: {error}");
    }
    if !artifacts_written {
        return Ok(EXIT_TROUBLE);
    }
    Ok(exit_code(&run))
}

/// A reporter that writes a whole run, as the report modules' `write` functions do.
type Reporter = fn(&mut dyn Write, &lint::LintRun) -> std::io::Result<()>;

/// Writes the `--codequality` and `--junit` files asked for, whatever the findings;
/// prints an error naming the file for each that cannot be written and then returns
/// false.
fn write_artifacts(args: &CheckArgs, run: &lint::LintRun) -> bool {
    write_artifact_files(args.codequality.as_deref(), args.junit.as_deref(), run)
}

/// Writes the Code Quality and JUnit files asked for (also used by `ase-lint ci`); see
/// [`write_artifacts`].
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
                "ase-lint: error: cannot write the {what} to `{}`: {err}",
                path.display()
            );
            all_written = false;
        }
    }
    all_written
}

/// Writes one report to `path`, creating its parent directories.
fn write_report_file(path: &Path, run: &lint::LintRun, reporter: Reporter) -> std::io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    reporter(&mut out, run)?;
    out.flush()
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

fn fmt(args: &FmtArgs) -> Result<u8, String> {
    let settings = load_settings(args.config.as_deref()).map_err(|e| e.to_string())?;
    let mut status = EXIT_OK;
    for path in &args.paths {
        status = status.max(fmt_file(path, args.check, &settings)?);
    }
    Ok(status)
}

fn fmt_file(path: &Path, check: bool, settings: &Settings) -> Result<u8, String> {
    let shown = lint::display_path(path);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let Some(formatted) = crate::fmt::format_readme(&text, settings) else {
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
    std::fs::write(path, formatted).map_err(|e| format!("{shown}: cannot write: {e}"))?;
    eprintln!("{shown}: ASE table aligned");
    Ok(EXIT_OK)
}

fn new_note(args: &NewNoteArgs) -> Result<u8, String> {
    let request = crate::new_note::NoteRequest {
        org_id: args.org_id,
        org_name: args.org_name.clone(),
        ase: args.ase.clone(),
        region: args.region,
        dedicated: args.dedicated,
    };
    let text = crate::new_note::render(&request);
    let path = crate::new_note::org_file_path(args.org_id);
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
            _ => {
                format!("{path}: cannot create: {e} (run it from the Organizations project's root)")
            }
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("{path}: cannot write: {e}"))?;
    eprintln!("wrote {path}; check it with `ase-lint check {path}`");
    Ok(EXIT_OK)
}
