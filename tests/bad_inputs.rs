//! The bad-input corpus (`fixtures/bad/`, plus inputs too big to commit, generated here):
//! whatever users paste from Salesforce, Zendesk and Slack, `ase-lint check` answers with
//! located diagnostics or a clear file-level error, the right exit status, no panic, and
//! promptly (budgets stop alias bombs and deep nesting). Inputs the fuzz targets found
//! (`fixtures/fuzz-regressions/`) are replayed here too.

use std::path::Path;
use std::process::Output;

use ase_lint::report::mr_comment::{MAX_QUOTE_CHARS, escape_user_text};
use ase_lint::report::note_safety::{ESCAPED_TEXT_TAGS, live_markup};
use assert_cmd::Command;
use serde_json::Value;

/// Runs `ase-lint check --format json PATH ARGS…` from the crate root.
fn check_with(path: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("ase-lint")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .arg(path)
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `"rule line:column"` of every diagnostic, after asserting no panic and the exit status.
fn findings(path: &Path, status: i32) -> Vec<String> {
    findings_with(path, status, &[])
}

/// [`findings`] of `check` with more arguments.
fn findings_with(path: &Path, status: i32, args: &[&str]) -> Vec<String> {
    let out = check_with(path, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
    assert_eq!(
        out.status.code(),
        Some(status),
        "{}: {stderr}",
        path.display()
    );
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {stderr}", path.display()));
    json["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|d| {
                    format!(
                        "{} {}:{}",
                        d["rule"].as_str().unwrap_or("?"),
                        d["line"],
                        d["column"]
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn bad(name: &str) -> std::path::PathBuf {
    Path::new("fixtures/bad").join(name)
}

/// Asserts the exact findings of one committed bad input.
fn assert_findings(name: &str, status: i32, expected: &[&str]) {
    assert_eq!(findings(&bad(name), status), expected, "{name}");
}

#[test]
fn a_byte_order_mark_is_ignored_and_columns_count_from_after_it() {
    assert_findings("bom.md", 0, &[]);
    assert_findings("organizations/100000000004.yaml", 0, &[]);
}

#[test]
fn crlf_lines_are_located_like_lf_lines() {
    assert_findings(
        "crlf.md",
        1,
        &[
            "table/empty-cell 6:9",
            "link/org-note 6:19",
            "link/salesforce 6:19",
        ],
    );
}

#[test]
fn mixed_line_endings_including_a_lone_cr_are_all_line_breaks() {
    assert_findings(
        "mixed-endings.md",
        1,
        &[
            "table/empty-cell 6:9",
            "link/org-note 6:19",
            "link/salesforce 6:19",
        ],
    );
}

#[test]
fn invalid_utf8_is_replaced_in_a_readme_and_an_error_in_an_org_file() {
    assert_findings(
        "invalid-utf8.md",
        1,
        &[
            "table/empty-cell 5:17",
            "link/org-note 5:27",
            "link/salesforce 5:27",
        ],
    );
    assert_findings("organizations/100000000005.yaml", 1, &["yaml/syntax 2:21"]);
}

#[test]
fn nul_bytes_and_tabs_do_not_shift_columns() {
    assert_findings(
        "nul.md",
        1,
        &[
            "table/empty-cell 5:14",
            "link/org-note 5:24",
            "link/salesforce 5:24",
        ],
    );
    assert_findings(
        "tabs.md",
        1,
        &[
            "table/empty-cell 5:9",
            "link/org-note 5:20",
            "link/salesforce 5:20",
        ],
    );
    assert_findings("organizations/100000000008.yaml", 1, &["yaml/syntax 1:17"]);
    assert_findings("organizations/100000000006.yaml", 1, &["yaml/syntax 4:1"]);
}

#[test]
fn empty_files_are_located_at_their_start() {
    assert_findings("empty.md", 1, &["table/not-found 1:1"]);
    assert_findings(
        "organizations/100000000007.yaml",
        1,
        &["note/schema 1:1", "note/schema 1:1"],
    );
}

#[test]
fn tables_markdown_does_not_recognise_are_not_the_ase_table() {
    // No separator row: not a table at all. An HTML table is not read either.
    assert_findings("no-separator.md", 1, &["table/not-found 1:1"]);
    assert_findings("html-table.md", 1, &["table/not-found 1:1"]);
}

#[test]
fn pipes_in_code_spans_split_cells_as_gfm_does_but_escaped_pipes_do_not() {
    assert_findings(
        "code-pipes.md",
        1,
        &["table/empty-cell 5:38", "table/cell-count 5:72"],
    );
}

#[test]
fn a_header_only_table_and_a_second_table_are_fine() {
    // Only the first ASE table is the source of truth; a second one (archived accounts,
    // say) is documentation and is not checked.
    assert_findings("header-only.md", 0, &[]);
    assert_findings("two-tables.md", 0, &[]);
}

#[test]
fn yaml_bombs_duplicate_keys_and_wrong_shapes_are_located() {
    // The alias bomb stops where 20,000 events (orgnote's `MAX_YAML_EVENTS`) are reached.
    assert_findings("organizations/100000000001.yaml", 1, &["yaml/syntax 7:11"]);
    assert_findings("organizations/100000000002.yaml", 1, &["yaml/syntax 3:1"]);
    assert_findings("organizations/100000000003.yaml", 1, &["note/schema 3:8"]);
}

#[test]
fn ten_thousand_levels_of_nesting_fail_fast() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("organizations").join("1.yaml");
    std::fs::create_dir_all(path.parent().unwrap_or(dir.path())).unwrap_or_else(|e| panic!("{e}"));
    let nested = format!(
        "id: 1\nname: x\nnotes: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(&path, nested).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(findings(&path, 1), ["yaml/syntax 3:263"]);
}

#[test]
fn a_very_long_line_and_a_50_mb_readme_finish() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let table = std::fs::read_to_string(bad("crlf.md")).unwrap_or_else(|e| panic!("{e}"));
    let long_cell = format!("| {} | |\n", "x".repeat(1_000_000));
    let path = dir.path().join("long-line.md");
    std::fs::write(&path, format!("{}{long_cell}", table.replace("\r\n", "\n")))
        .unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&path, 1);
    assert!(
        found.contains(&"table/cell-count 7:1000006".to_owned()),
        "{found:?}"
    );

    let paragraph = "Prose around the table, pasted from a wiki. ".repeat(20);
    // A blank line ends the table (GFM reads a line right below it as one more row).
    let mut big = table.replace("\r\n", "\n") + "\n";
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&paragraph);
        big.push_str("\n\n");
    }
    let path = dir.path().join("big.md");
    std::fs::write(&path, big).unwrap_or_else(|e| panic!("{e}"));
    // Above the default `limits.max_file_bytes` (1 MiB): not read at all.
    assert_eq!(findings(&path, 1), ["file/too-large 1:1"]);
    let config = dir.path().join("big-files.yml");
    std::fs::write(&config, "limits:\n  max_file_bytes: 67108864\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let config = config.to_string_lossy().into_owned();
    assert_eq!(
        findings_with(&path, 1, &["--config", &config]),
        [
            "table/empty-cell 6:9",
            "link/org-note 6:19",
            "link/salesforce 6:19"
        ]
    );
}

/// The committed inputs of one fuzz target: `fixtures/fuzz-regressions/<target>-*`.
fn fuzz_regressions(target: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz-regressions");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(&format!("{target}-")))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn escaped_text_found_by_the_fuzzer_cannot_act() {
    // ` /` escaped to ` /`: a command after leading whitespace (the guard looked only at
    // the first character). The same check as the `escape` target and the proptest.
    let inputs = fuzz_regressions("escape");
    assert!(!inputs.is_empty());
    for path in inputs {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let out = escape_user_text(&text, MAX_QUOTE_CHARS);
        if let Some(live) = live_markup(&out, ESCAPED_TEXT_TAGS) {
            panic!("{}: {text:?} -> {out:?}: {live}", path.display());
        }
    }
}

#[test]
fn a_short_row_ending_in_a_multibyte_character_is_rendered() {
    // Found by the `readme` fuzz target: `table/cell-count` pointed at the row's last byte,
    // inside `é` (or the U+FFFD of a byte that is not UTF-8), and the text report panicked.
    for path in fuzz_regressions("readme") {
        let out = Command::cargo_bin("ase-lint")
            .unwrap_or_else(|e| panic!("{e}"))
            .arg("check")
            .arg(&path)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
    }
    assert_eq!(
        findings(
            Path::new("fixtures/fuzz-regressions/readme-multibyte-row-end.md"),
            1
        ),
        ["table/cell-count 5:18"]
    );
}
