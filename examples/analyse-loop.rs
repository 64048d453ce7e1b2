//! Profiling aid: analyses the labelled corpus N times (`cargo run --release --example
//! analyse-loop -- 20`), to run under a profiler.

use std::path::PathBuf;

use ase_lint::config::Settings;
use ase_lint::note::{analyse, corpus};

fn main() {
    let times: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let entries = corpus::read(&[PathBuf::from("fixtures/notes/corpus")]).unwrap_or_default();
    let settings = Settings::defaults();
    let mut answered = 0;
    for _ in 0..times {
        for entry in &entries {
            answered += usize::from(analyse(&entry.note, &settings).ase_note);
        }
    }
    println!("{answered}");
}
