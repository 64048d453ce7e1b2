//! Criterion benchmarks of the three hot paths, over a fixed corpus built from the
//! committed fixtures (no generated files, so numbers compare across commits):
//!
//! - `readme/parse`: the ASE table of `fixtures/ase-project/README.md`, its data rows
//!   repeated to 1,000 rows (parse only, then parse + every README rule);
//! - `org/parse`: the 49 org files of `fixtures/notes` (YAML parse with spans);
//! - `questions/analyse`: the note analysis over the same 49 notes, and over the labelled
//!   corpus of `fixtures/notes/corpus` (throughput in notes, so criterion prints the time
//!   per note), and `questions/cold-start`: building the settings and analysing one ASE
//!   note, the cost a one-file pre-commit run pays.
//!
//! Run with `cargo bench --bench engine`; docs/performance.md has the numbers.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use ase_lint::config::Settings;
use ase_lint::lint::{FileKind, lint_text};
use ase_lint::note::{Question, analyse, corpus};
use ase_lint::parse;
use ase_lint::source::SourceFile;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

/// The fixture README with its table's data rows repeated to `rows` rows.
fn readme_with_rows(rows: usize) -> String {
    let text = fs::read_to_string(Path::new(FIXTURES).join("ase-project/README.md"))
        .unwrap_or_else(|e| panic!("fixture README: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    let table: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with('|'))
        .collect();
    let (header_end, last) = (table[1], table[table.len() - 1]);
    let data = &lines[header_end + 1..=last];
    let mut out: Vec<&str> = lines[..=header_end].to_vec();
    out.extend(data.iter().cycle().take(rows));
    out.extend(&lines[last + 1..]);
    out.join("\n")
}

/// The 49 org files of the note fixtures: (file name, text).
fn org_files() -> Vec<(String, String)> {
    let dir = Path::new(FIXTURES).join("notes/organizations");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let text = fs::read_to_string(entry.path()).unwrap_or_default();
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn readme(c: &mut Criterion) {
    let settings = Settings::defaults();
    let text = readme_with_rows(1_000);
    let mut group = c.benchmark_group("readme");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse/1000-rows", |b| {
        b.iter(|| {
            let source = SourceFile::new("README.md", text.as_str());
            black_box(parse::readme::parse(source, &settings, true))
        })
    });
    group.bench_function("lint/1000-rows", |b| {
        let kind = FileKind::Readme { required: true };
        b.iter(|| black_box(lint_text("README.md", kind, text.as_bytes(), &settings)))
    });
    group.finish();
}

fn org(c: &mut Criterion) {
    let files = org_files();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("org");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse/49-files", |b| {
        b.iter(|| {
            for (name, text) in &files {
                let stem = name.trim_end_matches(".yaml");
                let source = SourceFile::new(format!("organizations/{name}"), text.as_str());
                black_box(parse::orgnote::parse(source, stem));
            }
        })
    });
    group.finish();
}

fn notes(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter_map(|(name, text)| {
            let source = SourceFile::new(name.as_str(), text.as_str());
            let doc = parse::orgnote::parse(source, name.trim_end_matches(".yaml"));
            doc.notes_text().map(str::to_owned)
        })
        .collect()
}

fn matcher(c: &mut Criterion) {
    let notes = notes(&org_files());
    let settings = Settings::defaults();
    let answer_all = |settings: &Settings, notes: &[String]| {
        for note in notes {
            black_box(analyse(note, settings));
        }
    };
    let bytes: usize = notes.iter().map(String::len).sum();
    let mut group = c.benchmark_group("questions");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("analyse/49-notes", |b| {
        b.iter(|| answer_all(&settings, &notes))
    });
    let labelled: Vec<String> = corpus::read(&[Path::new(FIXTURES).join("notes/corpus")])
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|e| e.note)
        .collect();
    group.throughput(Throughput::Elements(labelled.len() as u64));
    group.bench_function("analyse/corpus-per-note", |b| {
        b.iter(|| answer_all(&settings, &labelled))
    });
    // The note that answers the most questions.
    let ase_note = notes
        .iter()
        .max_by_key(|note| {
            let a = analyse(note, &settings);
            Question::ALL.iter().filter(|q| a.answers(**q)).count()
        })
        .unwrap_or_else(|| panic!("no org notes under {FIXTURES}/notes"));
    group.throughput(Throughput::Elements(1));
    group.bench_function("cold-start/one-ase-note", |b| {
        b.iter(|| black_box(analyse(ase_note, &Settings::defaults())))
    });
    group.finish();
}

criterion_group!(benches, readme, org, matcher);
criterion_main!(benches);
