//! Command line: `check`, `rules`, `explain`, `config`, `verify`; exit status 0 / 1 / 2.

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

/// How `ase-lint rules` prints the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
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
pub struct QuestionsArgs {
    /// Org files, or folders holding them (default: the current directory).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format (`json`: version 1, see README).
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Configuration file (for your own phrase sets).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

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
        Command::Rules { format } => print_rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Config { default } => print_config(default),
        #[cfg(feature = "bot")]
        Command::Ci(args) => crate::gitlab::ci::run(&args),
        #[cfg(feature = "bot")]
        Command::Verify(args) => crate::zendesk::verify::run(&args),
        Command::Fmt(args) => fmt(&args),
        Command::NewNote(args) => new_note(&args),
        Command::Questions(args) => questions(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("ase-lint: error: {}", report::terminal_safe_lines(&message));
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// Loads the settings from `--config`, or `.ase-lint.yml` found upwards, or the defaults.
pub fn load_settings(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let found = match explicit {
        Some(path) => Some(path.to_path_buf()),
        None => std::env::current_dir().ok().and_then(|dir| {
            // Shown relative to the current directory when it is there (messages name it).
            let found = Config::discover(&dir)?;
            Some(
                found
                    .strip_prefix(&dir)
                    .map_or(found.clone(), Path::to_path_buf),
            )
        }),
    };
    match found {
        Some(path) => {
            let config = Config::load(&path)?;
            let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            let settings = Settings::new(config, &base, &path.display().to_string())?;
            settings.check_rule_names(crate::rules::unknown_rule_problem)?;
            Ok(settings)
        }
        None => Ok(Settings::defaults()),
    }
}

/// One error per path that does not exist (nothing is checked then).
fn missing_paths(paths: &[PathBuf]) -> Result<(), String> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|p| lint::FileError::NotFound {
            path: lint::display_path(p),
        })
        .map(|e| e.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join("\nase-lint: error: "))
    }
}

fn check(args: &CheckArgs) -> Result<u8, String> {
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

fn questions(args: &QuestionsArgs) -> Result<u8, String> {
    use crate::commands::questions;
    missing_paths(&args.paths)?;
    let settings = load_settings(args.config.as_deref()).map_err(|e| e.to_string())?;
    let (notes, errors) = questions::describe(&args.paths, &settings);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        RulesFormat::Json => questions::write_json(&mut out, notes),
        RulesFormat::Text => questions::write_text(&mut out, &notes),
    }
    .and_then(|()| out.flush())
    .map_err(|e| e.to_string())?;
    for error in &errors {
        eprintln!(
            "ase-lint: error: {}",
            report::terminal_safe(&error.to_string())
        );
    }
    Ok(if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_TROUBLE
    })
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
                "ase-lint: error: cannot write the {what} to `{}`: {}",
                crate::report::terminal_safe(&path.display().to_string()),
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

fn print_rules(format: RulesFormat) -> Result<u8, String> {
    if format == RulesFormat::Json {
        return print_rules_json();
    }
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

/// `ase-lint rules --format json`: one object per rule.
fn print_rules_json() -> Result<u8, String> {
    let all: Vec<serde_json::Value> = rules::ALL
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            serde_json::json!({
                "id": meta.name,
                "default_severity": meta.severity.as_str(),
                "summary": meta.summary,
                "docs_url": rules::docs_url(meta.name),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(EXIT_OK)
}

fn explain(name: &str) -> Result<u8, String> {
    let rule = rules::find(name).ok_or_else(|| rules::unknown_rule(name))?;
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
    crate::fsafe::write_replacing(path, |out| out.write_all(formatted.as_bytes()))
        .map_err(|e| format!("cannot write `{shown}`: {}", e.in_words()))?;
    eprintln!("{shown}: ASE table aligned");
    Ok(EXIT_OK)
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

fn new_note(args: &NewNoteArgs) -> Result<u8, String> {
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
