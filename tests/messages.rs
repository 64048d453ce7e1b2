//! Every message a user can trigger, in words a support engineer understands: each bad
//! input in `fixtures/bad`, wrongly shaped org files, every configuration error and every
//! misuse of the command line. The test fails when any output holds a parser's or Rust's
//! words, and snapshots every transcript (`tests/snapshots/messages__*.snap`) so that
//! reviewers read the messages in the diff.

use std::path::Path;

use assert_cmd::Command;

/// Words that mean a message leaked an implementation's internals.
const FORBIDDEN: [&str; 8] = [
    "deserialize",
    "variant",
    "Option<",
    "os error",
    "expected mapping start",
    "expected sequence start",
    "invalid digit",
    "\\u{",
];

/// One run: files to create (relative to a fresh folder), then the arguments.
struct Case {
    files: &'static [(&'static str, &'static str)],
    args: &'static [&'static str],
}

/// Runs `ase-lint` in `dir` and returns the transcript: command, exit status, output.
fn transcript(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("ase-lint")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "$ ase-lint {}\n[exit {}]\n{}{}",
        args.join(" "),
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_in_words(&text);
    text
}

/// Fails when `text` holds any [`FORBIDDEN`] word.
fn assert_in_words(text: &str) {
    for word in FORBIDDEN {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
    assert!(!text.contains("panicked"), "{text}");
}

/// Every case run in its own folder, the transcripts joined.
fn run_cases(cases: &[Case]) -> String {
    cases
        .iter()
        .map(|case| {
            let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
            for (path, text) in case.files {
                let full = dir.path().join(path);
                if let Some(parent) = full.parent() {
                    std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
                }
                std::fs::write(full, text).unwrap_or_else(|e| panic!("{e}"));
            }
            transcript(dir.path(), case.args)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The files of a folder under the crate root, sorted, relative to the root.
fn files_under(folder: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut pending = vec![root.join(folder)];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn bad_inputs_are_reported_in_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all: Vec<String> = files_under("fixtures/bad")
        .iter()
        .map(|file| transcript(root, &["check", "--color", "never", file]))
        .collect();
    insta::assert_snapshot!("bad_inputs", all.join("\n"));
}

const ORG_TEXT: &str = "id: 1\nname: f6438d0c Acme\nnotes: |\n  PS project\n";

#[test]
fn org_files_of_the_wrong_shape_or_syntax_are_reported_in_words() {
    let org = |text: &'static str| Case {
        files: Box::leak(Box::new([("organizations/1.yaml", text)])),
        args: &["check", "--color", "never", "organizations/1.yaml"],
    };
    let cases = [
        org("- id: 1\n- name: x\n"),
        org("just a sentence\n"),
        org("42\n"),
        org("id: 1\nname:\nnotes: |\n  PS project\n"),
        org("id:\nname: f6438d0c Acme\nnotes: |\n  PS project\n"),
        org("id: 1\nname: f6438d0c Acme\nnotes:\n"),
        org("id: \"1\"\nname: [a, b]\nnotes: {a: 1}\n"),
        org("id: 1\nname: true\nnotes: 1.5\n"),
        org("id: 1\nname: PP: Foo\nnotes: |\n  PS project\n"),
        org("id: 1\nname: x\n  notes: y\n"),
        org("id: 1\n\tname: x\n"),
        org("id: 1\nname: f6438d0c Acme\nnotes: |\n  PS project\n\tmore\n"),
        org("id: 1\nname: [unclosed\nnotes: x\n"),
        org("id: 1\nname: \"unclosed\nnotes: x\n"),
        org("id: 1\nname: !!binary gIGC\nnotes: x\n"),
        org("id: 1\nname: x\nnotes: !!int abc\n"),
        org("id: 1\nname: x\x01y\nnotes: y\n"),
        org("id: 1\nname: x\nname: y\nnotes: z\n"),
        org("id: 1\nname: x\nnotes: *nowhere\n"),
        org("id: 1\nname: x\nnotes: \"a\\qb\"\n"),
        org("id: 1\n---\nid: 2\n"),
        org("id: 1\nname: @handle\n"),
    ];
    insta::assert_snapshot!("org_files", run_cases(&cases));
}

/// A `check` run with `.ase-lint.yml` holding `config`.
fn config(text: &'static str) -> Case {
    Case {
        files: Box::leak(Box::new([
            (".ase-lint.yml", text),
            ("organizations/1.yaml", ORG_TEXT),
        ])),
        args: &["check", "--color", "never", "organizations/1.yaml"],
    }
}

#[test]
fn configuration_errors_name_the_key_what_is_allowed_and_the_closest() {
    let cases = [
        config("rules:\n  note/emergency: of\n"),
        config("rules:\n  note/emergency: 1\n"),
        config("rules:\n  note/emergncy: off\n"),
        config("rules: [note/emergency]\n"),
        config("rule:\n  note/emergency: off\n"),
        config("- rules\n"),
        config("ids: 3\n"),
        config("ids:\n  min_digit: 3\n"),
        config("ids:\n  min_digits: eight\n"),
        config("ids:\n  min_digits: -1\n"),
        config("columns:\n  required: account\n"),
        config("columns:\n  required: [account, ~]\n"),
        config("columns:\n  required: [acount]\n"),
        config("columns:\n  may_be_empty: [regin]\n"),
        config("columns:\n  aliases:\n    zendesk_acount_id: [ZD Org ID]\n"),
        config("columns:\n  aliases:\n    zendesk_account_id: ZD Org ID\n"),
        config("links:\n  salesforce_hosts: {a: 1}\n"),
        config("links:\n  orgs_project: x\n"),
        config("questions:\n  emergncy:\n    patterns: [P1]\n"),
        config("questions:\n  emergency:\n    patterns: ['(P1']\n"),
        config("questions:\n  emergency:\n    guards: ['a{name']\n"),
        config("questions:\n  emergency:\n    pattern: [P1]\n"),
        config("questions:\n  emergency:\n    replace: maybe\n"),
        config("cross:\n  orgs: ../x\n"),
        config("handbook_url: [a]\n"),
        config("handbook:\n  onboarding:\n    - for: boss\n      text: x\n"),
        config("handbook:\n  offboarding:\n    - for: manager\n      txt: x\n"),
        config(
            "handbook:\n  offboarding:\n    - for: manager\n      text: \"file the form for {acount}\"\n",
        ),
        config(
            "handbook:\n  onboarding:\n    - for: manager\n      text: \"add {ase} to the team\"\n      until_fixed: \"once {ase is right\"\n",
        ),
        config(
            "handbook:\n  auto_assignment:\n    - for: manager\n      text: \"check {org_id}\"\n",
        ),
        config("handbook:\n  onbording: []\n"),
        config("rules:\n  note/emergency: of: x\n"),
        config("ids:\n\tmin_digits: 3\n"),
        config("ids: {min_digits: 3\n"),
        config("rules:\n  note/emergency: off\n  note/emergency: error\n"),
        config("ids:\n  min_digits: 99999999999999999999999\n"),
        config("ids:\n  min_digits: \"\u{0}\"\n"),
    ];
    insta::assert_snapshot!("configuration", run_cases(&cases));
}

#[test]
fn command_line_misuse_is_answered_in_words() {
    let org = &[("organizations/1.yaml", ORG_TEXT)];
    let plain = |args: &'static [&'static str]| Case { files: org, args };
    let cases = [
        plain(&["check", "nonexist/"]),
        plain(&["check", "organizations/1.yaml", "nonexist.yaml", "gone/"]),
        Case {
            files: &[("notes.txt", "hello\n")],
            args: &["check", "notes.txt"],
        },
        Case {
            files: &[("notes.txt", "hello\n")],
            args: &["check"],
        },
        plain(&["check", "--config", "missing.yml"]),
        plain(&["check", "--format", "yaml"]),
        plain(&["check", "--colour", "never"]),
        plain(&["check", "--ase-readme", "missing.md", "organizations"]),
        plain(&["check", "--orgs-dir", "missing", "organizations"]),
        plain(&[
            "check",
            "--junit",
            "organizations/1.yaml/x.xml",
            "organizations",
        ]),
        plain(&["explain", "note/emergncy"]),
        plain(&["explain", "nothing-like-a-rule"]),
        plain(&["explain"]),
        plain(&["config"]),
        plain(&["fmt", "missing.md"]),
        plain(&["fmt", "--config", "missing.yml", "README.md"]),
        plain(&["frobnicate"]),
        plain(&[
            "new-note",
            "--org-id",
            "12a",
            "--org-name",
            "f6438d0c Acme",
            "--ase",
            "Jill Doe",
            "--region",
            "AMER",
        ]),
        plain(&[
            "new-note",
            "--org-id",
            "0",
            "--org-name",
            "f6438d0c Acme",
            "--ase",
            "Jill Doe",
            "--region",
            "AMER",
        ]),
        plain(&[
            "new-note",
            "--org-id",
            "1",
            "--org-name",
            "f6438d0c Acme",
            "--ase",
            "Jill Doe",
            "--region",
            "LATAM",
        ]),
        Case {
            files: &[("organizations/361092349520.yaml", ORG_TEXT)],
            args: &[
                "new-note",
                "--org-id",
                "361092349520",
                "--org-name",
                "f6438d0c Acme",
                "--ase",
                "Jill Doe",
                "--region",
                "AMER",
                "--write",
            ],
        },
        plain(&[
            "new-note",
            "--org-id",
            "27",
            "--org-name",
            "Acme",
            "--ase",
            "tbd",
            "--region",
            "amer",
        ]),
    ];
    insta::assert_snapshot!("command_line", run_cases(&cases));
}

#[test]
fn rules_are_listed_as_json_with_their_docs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = Command::cargo_bin("ase-lint")
        .unwrap_or_else(|e| panic!("{e}"))
        .current_dir(dir.path())
        .args(["rules", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let rules = json.as_array().cloned().unwrap_or_default();
    assert!(rules.len() > 20, "{json}");
    for rule in &rules {
        for key in ["id", "default_severity", "summary", "docs_url"] {
            assert!(rule[key].as_str().is_some_and(|v| !v.is_empty()), "{rule}");
        }
    }
    let first = &rules[0];
    assert_eq!(first["id"], "table/not-found");
    assert_eq!(first["default_severity"], "error");
}

#[test]
fn handbook_links_are_absolute_and_follow_the_configuration() {
    let cases = [
        Case {
            files: &[],
            args: &[
                "new-note",
                "--org-id",
                "361092349520",
                "--org-name",
                "f6438d0c Acme",
                "--ase",
                "Jill Doe",
                "--region",
                "AMER",
            ],
        },
        Case {
            files: &[(
                ".ase-lint.yml",
                "handbook_url: https://handbook.example.com/\n",
            )],
            args: &[
                "new-note",
                "--org-id",
                "361092349520",
                "--org-name",
                "f6438d0c Acme",
                "--ase",
                "Jill Doe",
                "--region",
                "AMER",
            ],
        },
    ];
    let text = run_cases(&cases);
    assert!(text.contains("(https://handbook.gitlab.com/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/)"), "{text}");
    assert!(text.contains("(https://handbook.example.com/handbook/support/workflows/assigned-support-engineer/working-on-ase-tickets/)"), "{text}");
}
