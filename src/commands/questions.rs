//! `ase-lint questions PATH...`: what ase-lint understood of each org note — whether it is
//! an ASE note and why, the ASE's name and region, and for each of the handbook's six
//! questions its status with the statement that shows it (text, or JSON version 1).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::settings::{load_settings, missing_paths};
use super::{EXIT_OK, EXIT_TROUBLE, RulesFormat};

use crate::config::Settings;
use crate::lint::{self, FileKind, Target};
use crate::model::OrgDoc;
use crate::note::{Evidence, NoteAnalysis, Question, Status};
use crate::parse;
use crate::report::{self, terminal_safe};
use crate::rules::note::questions::note_analysis;
use crate::source::SourceFile;

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

/// Runs `ase-lint questions`.
pub fn run(args: &QuestionsArgs) -> Result<u8, String> {
    missing_paths(&args.paths)?;
    let settings = load_settings(args.config.as_deref()).map_err(|e| e.to_string())?;
    let (notes, errors) = describe(&args.paths, &settings);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        RulesFormat::Json => write_json(&mut out, notes),
        RulesFormat::Text => write_text(&mut out, &notes),
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

/// Most characters of a statement in the output.
const QUOTE_CHARS: usize = 200;

/// The JSON document (`--format json`), version 1.
#[derive(Debug, Serialize)]
pub struct QuestionsJson {
    pub version: u32,
    pub notes: Vec<NoteJson>,
}

/// One org file's note.
#[derive(Debug, Serialize)]
pub struct NoteJson {
    pub path: String,
    pub ase_note: bool,
    /// The statement that makes it an ASE note.
    pub reason: Option<StatementJson>,
    pub ase_names: Vec<String>,
    pub regions: Vec<&'static str>,
    /// The six questions (empty for a note that is not an ASE note).
    pub questions: Vec<QuestionJson>,
}

/// A statement of the note, located in the file.
#[derive(Debug, Serialize)]
pub struct StatementJson {
    pub line: usize,
    pub text: String,
}

/// One question's status and evidence.
#[derive(Debug, Serialize)]
pub struct QuestionJson {
    pub key: &'static str,
    pub question: String,
    pub status: &'static str,
    pub line: Option<usize>,
    pub text: Option<String>,
}

/// Reads the org files among `paths` and describes each note.
pub fn describe(paths: &[PathBuf], settings: &Settings) -> (Vec<NoteJson>, Vec<lint::FileError>) {
    let (targets, mut errors) = lint::discover(paths, settings);
    let mut notes = Vec::new();
    for target in targets.iter().filter(|t| t.kind == FileKind::Org) {
        match read_org(target, settings) {
            Ok(Some(doc)) => notes.push(describe_doc(&doc, settings)),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    (notes, errors)
}

fn read_org(target: &Target, settings: &Settings) -> Result<Option<OrgDoc>, lint::FileError> {
    let Ok(bytes) = lint::read_target(&target.path, &target.display, settings)? else {
        return Ok(None);
    };
    let (source, _) = SourceFile::from_bytes(target.display.clone(), &bytes);
    let stem = std::path::Path::new(&target.display)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(parse::orgnote::parse(source, &stem)))
}

/// What the analysis says of one org file.
pub fn describe_doc(doc: &OrgDoc, settings: &Settings) -> NoteJson {
    let analysis = note_analysis(doc, settings);
    let ase_note = analysis.is_some_and(|a| a.ase_note);
    NoteJson {
        path: doc.source.path.clone(),
        ase_note,
        reason: analysis
            .and_then(|a| a.reason.as_ref())
            .map(|e| located(doc, e)),
        ase_names: analysis.map(|a| a.ase_names.clone()).unwrap_or_default(),
        regions: analysis.map(|a| a.regions.clone()).unwrap_or_default(),
        questions: analysis
            .filter(|a| a.ase_note)
            .map(|a| questions(doc, a, settings))
            .unwrap_or_default(),
    }
}

fn questions(doc: &OrgDoc, analysis: &NoteAnalysis, settings: &Settings) -> Vec<QuestionJson> {
    Question::ALL
        .into_iter()
        .map(|q| {
            let answer = analysis.answer(q);
            let evidence = answer.evidence.as_ref().map(|e| located(doc, e));
            QuestionJson {
                key: q.key(),
                question: settings.asks(q).to_owned(),
                status: answer.status.as_str(),
                line: evidence.as_ref().map(|e| e.line),
                text: evidence.map(|e| e.text),
            }
        })
        .collect()
}

/// A statement with the file line it starts on (the `notes` key's line when it cannot be
/// found in the file).
fn located(doc: &OrgDoc, evidence: &Evidence) -> StatementJson {
    let span = doc
        .note_span_in_source(&evidence.span)
        .unwrap_or_else(|| doc.notes_anchor());
    StatementJson {
        line: doc.source.line_col(span.start).line,
        text: shortened(&evidence.text),
    }
}

fn shortened(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Writes the notes as JSON (version 1).
pub fn write_json(out: &mut dyn Write, notes: Vec<NoteJson>) -> std::io::Result<()> {
    let doc = QuestionsJson { version: 1, notes };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Writes the notes for people: one block per file.
pub fn write_text(out: &mut dyn Write, notes: &[NoteJson]) -> std::io::Result<()> {
    for note in notes {
        write_note(out, note)?;
    }
    if notes.is_empty() {
        writeln!(out, "no org file among the given paths")?;
    }
    Ok(())
}

fn write_note(out: &mut dyn Write, note: &NoteJson) -> std::io::Result<()> {
    let path = terminal_safe(&note.path);
    let Some(reason) = note.reason.as_ref().filter(|_| note.ase_note) else {
        return writeln!(
            out,
            "{path}: not an ASE note (the six questions do not apply)\n"
        );
    };
    writeln!(
        out,
        "{path}: ASE note (line {}: \"{}\")",
        reason.line,
        terminal_safe(&reason.text)
    )?;
    let names = if note.ase_names.is_empty() {
        "not named".to_owned()
    } else {
        note.ase_names.join(", ")
    };
    let regions = if note.regions.is_empty() {
        "not given".to_owned()
    } else {
        note.regions.join(", ")
    };
    writeln!(
        out,
        "  ASE: {} · region: {}",
        terminal_safe(&names),
        regions
    )?;
    for q in &note.questions {
        let mark = match q.status {
            "answered" => "✓",
            "unanswered" => "✗",
            _ => "⚠",
        };
        write!(out, "  {mark} {} — {}", q.question, q.status)?;
        match (q.line, &q.text) {
            (Some(line), Some(text)) => {
                writeln!(out, ", line {line}: \"{}\"", terminal_safe(text))?
            }
            _ => writeln!(out)?,
        }
    }
    writeln!(out)
}

/// The status of one question as a mark for summaries.
pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Answered => "✓",
        Status::Unanswered => "✗",
        Status::Implicit | Status::Deferred => "⚠",
    }
}
