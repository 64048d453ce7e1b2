//! Precision and recall of the org-note analysis over a labelled corpus:
//! `cargo run --release --example note-scores -- [--verbose] [FILE|DIR]...` (default
//! `fixtures/notes/corpus`). Each file is a YAML list of notes with the statuses a careful
//! support manager gave them (see `fixtures/notes/README.md`).
//!
//! Prints, per question, how many unanswered (or deferred) questions ase-lint reports and
//! how many answered questions it wrongly reports as errors, then ASE-note detection and
//! the ASE's name and region. `--verbose` lists every disagreement.

use std::path::{Path, PathBuf};

use ase_lint::config::Settings;
use ase_lint::note::{NoteAnalysis, Question, Status, analyse, entities::same_person};
use serde::Deserialize;

#[derive(Deserialize)]
struct Entry {
    id: String,
    note: String,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    ase_note: bool,
    #[serde(default)]
    ase_names: Vec<String>,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    questions: std::collections::BTreeMap<String, String>,
}

/// Counts for one question.
#[derive(Default)]
struct Score {
    /// Labelled unanswered or deferred.
    open: usize,
    /// ... and reported (any finding).
    open_reported: usize,
    /// Labelled answered.
    answered: usize,
    /// ... and reported as an error.
    answered_error: usize,
}

#[derive(Default)]
struct Totals {
    per_question: [Score; 6],
    notes: usize,
    ase_notes: usize,
    kind_right: usize,
    findings_on_non_ase: usize,
    names_right: usize,
    regions_right: usize,
    regions_labelled: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let mut paths: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with('-')).map(PathBuf::from).collect();
    if paths.is_empty() {
        paths.push(PathBuf::from("fixtures/notes/corpus"));
    }
    let settings = Settings::defaults();
    let mut totals = Totals::default();
    for entry in paths.iter().flat_map(|p| entries(p)) {
        let analysis = analyse(&entry.note, &settings);
        score(&entry, &analysis, &mut totals, verbose);
    }
    print_table(&totals);
}

fn entries(path: &Path) -> Vec<Entry> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "yaml"));
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            serde_saphyr::from_str::<Vec<Entry>>(&text).unwrap_or_else(|e| {
                eprintln!("{}: {e}", f.display());
                Vec::new()
            })
        })
        .collect()
}

/// True when the analysis reports the question (a finding of any severity).
fn reported(analysis: &NoteAnalysis, q: Question) -> bool {
    analysis.ase_note && analysis.answer(q).status != Status::Answered
}

/// True when the analysis reports the question as an error.
fn error(analysis: &NoteAnalysis, q: Question) -> bool {
    analysis.ase_note && analysis.answer(q).status == Status::Unanswered
}

fn score(entry: &Entry, analysis: &NoteAnalysis, totals: &mut Totals, verbose: bool) {
    let expect = &entry.expect;
    totals.notes += 1;
    let mut notes = Vec::new();
    if expect.ase_note == analysis.ase_note {
        totals.kind_right += 1;
    } else {
        notes.push(format!("ase_note: expected {}, got {} ({:?})", expect.ase_note, analysis.ase_note, analysis.reason.as_ref().map(|r| &r.text)));
    }
    if !expect.ase_note {
        totals.findings_on_non_ase += Question::ALL.iter().filter(|q| reported(analysis, **q)).count();
    } else {
        totals.ase_notes += 1;
        score_questions(expect, analysis, totals, &mut notes);
        score_entities(expect, analysis, totals, &mut notes);
    }
    if verbose && !notes.is_empty() {
        println!("{}:\n  {}", entry.id, notes.join("\n  "));
    }
}

fn score_questions(expect: &Expect, analysis: &NoteAnalysis, totals: &mut Totals, notes: &mut Vec<String>) {
    for q in Question::ALL {
        let label = expect.questions.get(q.key()).map_or("unanswered", String::as_str);
        let answer = analysis.answer(q);
        let got = answer.status.as_str();
        let s = &mut totals.per_question[q as usize];
        if label == "answered" {
            s.answered += 1;
            if error(analysis, q) {
                s.answered_error += 1;
            }
        } else {
            s.open += 1;
            if reported(analysis, q) {
                s.open_reported += 1;
            }
        }
        let agree = (label == "answered") == (answer.status == Status::Answered);
        if !agree {
            let evidence = answer.evidence.as_ref().map_or(String::new(), |e| format!(" — \"{}\"", e.text));
            notes.push(format!("{}: expected {label}, got {got}{evidence}", q.key()));
        }
    }
}

fn score_entities(expect: &Expect, analysis: &NoteAnalysis, totals: &mut Totals, notes: &mut Vec<String>) {
    let names_ok = expect.ase_names.len() == analysis.ase_names.len()
        && expect.ase_names.iter().all(|n| analysis.ase_names.iter().any(|g| g.eq_ignore_ascii_case(n) || (same_person(g, n) && !n.contains(' '))));
    if names_ok {
        totals.names_right += 1;
    } else {
        notes.push(format!("names: expected {:?}, got {:?}", expect.ase_names, analysis.ase_names));
    }
    if !expect.regions.is_empty() {
        totals.regions_labelled += 1;
        let mut want: Vec<&str> = expect.regions.iter().map(String::as_str).collect();
        let mut got: Vec<&str> = analysis.regions.clone();
        want.sort_unstable();
        want.dedup();
        got.sort_unstable();
        if want == got {
            totals.regions_right += 1;
        } else {
            notes.push(format!("regions: expected {want:?}, got {got:?}"));
        }
    } else if !analysis.regions.is_empty() {
        notes.push(format!("regions: expected none, got {:?}", analysis.regions));
    }
}

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".to_owned();
    }
    format!("{:.1} %", 100.0 * part as f64 / whole as f64)
}

fn print_table(t: &Totals) {
    println!("| question | open (unanswered or deferred) | reported | recall | answered | reported as error | false errors |");
    println!("|---|---|---|---|---|---|---|");
    let mut all = Score::default();
    for q in Question::ALL {
        let s = &t.per_question[q as usize];
        println!("| {} | {} | {} | {} | {} | {} | {} |", q.key(), s.open, s.open_reported, pct(s.open_reported, s.open), s.answered, s.answered_error, pct(s.answered_error, s.answered));
        all.open += s.open;
        all.open_reported += s.open_reported;
        all.answered += s.answered;
        all.answered_error += s.answered_error;
    }
    println!("| **all** | {} | {} | {} | {} | {} | {} |", all.open, all.open_reported, pct(all.open_reported, all.open), all.answered, all.answered_error, pct(all.answered_error, all.answered));
    println!();
    println!("notes: {} ({} ASE notes); ASE note or not right: {} ({}); question findings on notes without an ASE: {}", t.notes, t.ase_notes, t.kind_right, pct(t.kind_right, t.notes), t.findings_on_non_ase);
    println!("ASE's name right: {} of {} ({}); ASE's region right: {} of {} ({})", t.names_right, t.ase_notes, pct(t.names_right, t.ase_notes), t.regions_right, t.regions_labelled, pct(t.regions_right, t.regions_labelled));
}
