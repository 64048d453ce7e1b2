//! Scoring the note analysis against notes labelled by people: the corpus format of
//! `fixtures/notes/{corpus,holdout}/*.yaml`, per-note disagreements and per-question
//! precision and recall. Used by `cargo test` (tests/note_corpus.rs) and by
//! `cargo run --example note-scores`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::entities::same_person;
use super::{NoteAnalysis, Question, Status, UserPhrases, analyse};

/// One labelled note.
#[derive(Debug, Deserialize)]
pub struct Entry {
    pub id: String,
    #[serde(default)]
    pub voice: String,
    #[serde(default)]
    pub about: String,
    pub note: String,
    pub expect: Expect,
}

/// What a careful support manager concluded of the note.
#[derive(Debug, Deserialize)]
pub struct Expect {
    pub ase_note: bool,
    #[serde(default)]
    pub ase_names: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    /// Question key → `answered`, `deferred` or `unanswered`.
    #[serde(default)]
    pub questions: BTreeMap<String, String>,
}

/// Counts for one question.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuestionScore {
    /// Labelled unanswered or deferred.
    pub open: usize,
    /// ... and reported (a finding of any severity).
    pub open_reported: usize,
    /// Labelled answered.
    pub answered: usize,
    /// ... and reported as an error.
    pub answered_error: usize,
}

impl QuestionScore {
    fn add(&mut self, other: QuestionScore) {
        self.open += other.open;
        self.open_reported += other.open_reported;
        self.answered += other.answered;
        self.answered_error += other.answered_error;
    }

    /// Share of open questions reported (1.0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.open_reported, self.open, 1.0)
    }

    /// Share of answered questions reported as errors.
    pub fn false_errors(&self) -> f64 {
        ratio(self.answered_error, self.answered, 0.0)
    }
}

/// The scores over a set of notes, and every disagreement.
#[derive(Debug, Default)]
pub struct Scores {
    pub questions: [QuestionScore; 6],
    pub notes: usize,
    pub ase_notes: usize,
    pub kind_right: usize,
    pub findings_on_non_ase: usize,
    pub names_right: usize,
    pub regions_right: usize,
    pub regions_labelled: usize,
    /// `(id, what differs)`, in corpus order.
    pub disagreements: Vec<(String, Vec<String>)>,
}

impl Scores {
    /// All six questions together.
    pub fn all(&self) -> QuestionScore {
        let mut all = QuestionScore::default();
        for q in &self.questions {
            all.add(*q);
        }
        all
    }
}

fn ratio(part: usize, whole: usize, empty: f64) -> f64 {
    if whole == 0 {
        return empty;
    }
    part as f64 / whole as f64
}

/// Reads the entries of YAML files and folders of them (in name order).
pub fn read(paths: &[PathBuf]) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for file in paths.iter().flat_map(|p| yaml_files(p)) {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut more: Vec<Entry> =
            serde_saphyr::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        entries.append(&mut more);
    }
    Ok(entries)
}

fn yaml_files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|f| f.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

/// Scores the analysis of every entry.
pub fn score(entries: &[Entry], settings: &dyn UserPhrases) -> Scores {
    let mut scores = Scores::default();
    for entry in entries {
        let analysis = analyse(&entry.note, settings);
        let differences = score_entry(entry, &analysis, &mut scores);
        if !differences.is_empty() {
            scores.disagreements.push((entry.id.clone(), differences));
        }
    }
    scores
}

/// True when the analysis makes a finding for the question (any severity).
fn reported(analysis: &NoteAnalysis, q: Question) -> bool {
    analysis.ase_note && analysis.answer(q).status != Status::Answered
}

/// True when the analysis makes an error of the question.
fn error(analysis: &NoteAnalysis, q: Question) -> bool {
    analysis.ase_note && analysis.answer(q).status == Status::Unanswered
}

fn score_entry(entry: &Entry, analysis: &NoteAnalysis, scores: &mut Scores) -> Vec<String> {
    let expect = &entry.expect;
    let mut differences = Vec::new();
    scores.notes += 1;
    if expect.ase_note == analysis.ase_note {
        scores.kind_right += 1;
    } else {
        let why = analysis
            .reason
            .as_ref()
            .map_or(String::new(), |r| format!(" — \"{}\"", r.text));
        differences.push(format!(
            "ase_note: expected {}, got {}{why}",
            expect.ase_note, analysis.ase_note
        ));
    }
    if !expect.ase_note {
        scores.findings_on_non_ase += Question::ALL
            .iter()
            .filter(|q| reported(analysis, **q))
            .count();
        return differences;
    }
    scores.ase_notes += 1;
    score_questions(expect, analysis, scores, &mut differences);
    score_entities(expect, analysis, scores, &mut differences);
    differences
}

fn score_questions(
    expect: &Expect,
    analysis: &NoteAnalysis,
    scores: &mut Scores,
    differences: &mut Vec<String>,
) {
    for q in Question::ALL {
        let label = expect
            .questions
            .get(q.key())
            .map_or("unanswered", String::as_str);
        let answer = analysis.answer(q);
        let s = &mut scores.questions[q.index()];
        if label == "answered" {
            s.answered += 1;
            s.answered_error += usize::from(error(analysis, q));
        } else {
            s.open += 1;
            s.open_reported += usize::from(reported(analysis, q));
        }
        if (label == "answered") != (answer.status == Status::Answered) {
            let evidence = answer
                .evidence
                .as_ref()
                .map_or(String::new(), |e| format!(" — \"{}\"", e.text));
            differences.push(format!(
                "{}: expected {label}, got {}{evidence}",
                q.key(),
                answer.status.as_str()
            ));
        }
    }
}

fn score_entities(
    expect: &Expect,
    analysis: &NoteAnalysis,
    scores: &mut Scores,
    differences: &mut Vec<String>,
) {
    let found = |want: &String| {
        analysis.ase_names.iter().any(|got| {
            got.eq_ignore_ascii_case(want) || (!want.contains(' ') && same_person(got, want))
        })
    };
    if expect.ase_names.len() == analysis.ase_names.len() && expect.ase_names.iter().all(found) {
        scores.names_right += 1;
    } else {
        differences.push(format!(
            "names: expected {:?}, got {:?}",
            expect.ase_names, analysis.ase_names
        ));
    }
    let mut want: Vec<&str> = expect.regions.iter().map(String::as_str).collect();
    let mut got: Vec<&str> = analysis.regions.clone();
    want.sort_unstable();
    want.dedup();
    got.sort_unstable();
    if !want.is_empty() {
        scores.regions_labelled += 1;
        scores.regions_right += usize::from(want == got);
    }
    if want != got {
        differences.push(format!("regions: expected {want:?}, got {got:?}"));
    }
}

fn pct(value: f64) -> String {
    format!("{:.1} %", 100.0 * value)
}

/// The per-question table (Markdown) and the summary lines.
pub fn table(scores: &Scores) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| question | open (unanswered or deferred) | reported | recall | answered | reported as error | false errors |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    let row = |out: &mut String, name: &str, s: &QuestionScore| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {} | {} |",
            s.open,
            s.open_reported,
            pct(s.recall()),
            s.answered,
            s.answered_error,
            pct(s.false_errors())
        );
    };
    for q in Question::ALL {
        row(&mut out, q.key(), &scores.questions[q.index()]);
    }
    row(&mut out, "**all**", &scores.all());
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "notes: {} ({} ASE notes); ASE note or not right: {} ({}); question findings on notes without an ASE: {}",
        scores.notes,
        scores.ase_notes,
        scores.kind_right,
        pct(ratio(scores.kind_right, scores.notes, 1.0)),
        scores.findings_on_non_ase
    );
    let _ = writeln!(
        out,
        "ASE's name right: {} of {} ({}); ASE's region right: {} of {} ({})",
        scores.names_right,
        scores.ase_notes,
        pct(ratio(scores.names_right, scores.ase_notes, 1.0)),
        scores.regions_right,
        scores.regions_labelled,
        pct(ratio(scores.regions_right, scores.regions_labelled, 1.0))
    );
    out
}

/// Every disagreement, one note a block.
pub fn disagreements(scores: &Scores) -> String {
    let mut out = String::new();
    for (id, differences) in &scores.disagreements {
        let _ = writeln!(out, "{id}:");
        for d in differences {
            let _ = writeln!(out, "  {d}");
        }
    }
    out
}
