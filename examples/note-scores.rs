//! Precision and recall of the org-note analysis over a labelled corpus:
//! `cargo run --release --example note-scores -- [--verbose] [FILE|DIR]...` (default
//! `fixtures/notes/corpus`). Each file is a YAML list of notes with the statuses a careful
//! support manager gave them (see `fixtures/notes/README.md`).
//!
//! Prints, per question, how many unanswered (or deferred) questions ase-lint reports and
//! how many answered questions it wrongly reports as errors, then ASE-note detection and
//! the ASE's name and region. `--verbose` lists every disagreement first.

use std::path::PathBuf;
use std::process::ExitCode;

use ase_lint::config::Settings;
use ase_lint::note::corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let mut paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(PathBuf::from("fixtures/notes/corpus"));
    }
    let entries = match corpus::read(&paths) {
        Ok(entries) => entries,
        Err(message) => {
            eprintln!("note-scores: {message}");
            return ExitCode::from(2);
        }
    };
    let scores = corpus::score(&entries, &Settings::defaults());
    if verbose {
        print!("{}", corpus::disagreements(&scores));
    }
    print!("{}", corpus::table(&scores));
    ExitCode::SUCCESS
}
