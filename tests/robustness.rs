//! Property tests: arbitrary bytes and near-valid text through both parsers and every rule
//! never panic, and every diagnostic's position lies inside its file; text escaped for the
//! bot's MR comments never holds anything GitLab would act on (the same oracle as the
//! `escape` fuzz target: `ase_lint::report::note_safety`). Org notes made of the words and
//! marks the note analysis reads (roles, names, asides, arrows, lists, tables) always finish
//! being read: a watchdog fails the test instead of letting it hang.

use std::sync::LazyLock;
use std::sync::mpsc;
use std::time::Duration;

use ase_lint::config::Settings;
use ase_lint::lint::{FileKind, lint_text};
use ase_lint::report::mr_comment::{MAX_QUOTE_CHARS, escape_user_text};
use ase_lint::report::note_safety::{ESCAPED_TEXT_TAGS, live_markup};
use proptest::prelude::*;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::defaults);

fn check_all_kinds(bytes: &[u8]) {
    for kind in [FileKind::Readme { required: true }, FileKind::Org] {
        let result = lint_text("organizations/123.yaml", kind, bytes, &SETTINGS);
        let lines = result.source.line_count().max(1);
        for d in &result.diagnostics {
            assert!(d.start.line >= 1 && d.start.line <= lines + 1, "{d:?}");
            assert!(d.start <= d.end, "{d:?}");
            assert!(d.span.end <= result.source.text.len(), "{d:?}");
        }
    }
}

/// Lints `note` as an org file's note on another thread, and fails when that has not
/// finished within 20 seconds (far beyond the milliseconds it takes): a loop in the note
/// analysis is a failed test, not a hung one.
fn assert_note_analysis_finishes(note: String) {
    let (done, finished) = mpsc::channel();
    let yaml = format!(
        "id: 1\nname: x\nnotes: |\n  {}\n",
        note.replace('\n', "\n  ")
    );
    std::thread::spawn(move || {
        check_all_kinds(yaml.as_bytes());
        let _ = done.send(());
    });
    if finished.recv_timeout(Duration::from_secs(20)).is_err() {
        panic!("reading this note did not finish: {note:?}");
    }
}

/// The words and marks the note analysis looks at, to build notes from.
fn note_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "ASE",
        "ASE:",
        "Assigned Support Engineer",
        "interim",
        "former",
        "backup",
        "CSM",
        "Bao Tran",
        "Siobhán Ní Bhriain",
        "@btran",
        "van der",
        "Dr.",
        "A.",
        "is",
        "was",
        "the",
        "and",
        "&",
        "/",
        "to",
        "from",
        "until",
        "not",
        "(",
        ")",
        "(est.",
        "Q3)",
        "est.",
        "e.g.",
        "...",
        ".",
        ",",
        ";",
        ":",
        "?",
        "!",
        "—",
        "-",
        "->",
        "→",
        "=",
        "|",
        "\n",
        "\n- ",
        "\n1. ",
        "\n### ",
        "\n| a | b |\n|---|---|\n| ",
        "**",
        "`",
        "<p>",
        "EMEA",
        "APAC",
        "AMER",
        "Sydney",
        "UTC+10",
        "CET",
        "out of hours",
        "unavailable",
        "PTO",
        "emergency",
        "Sev1",
        "pre-existing",
        "tickets",
        "assign",
        "cc",
        "TBD",
        " ",
    ])
    .prop_map(str::to_owned)
}

/// Escapes `text` as the bot does and asserts the `escape` fuzz target's property: one
/// line, bounded, and nothing GitLab would act on.
fn assert_escaped_is_inert(text: &str) {
    let out = escape_user_text(text, MAX_QUOTE_CHARS);
    assert!(!out.contains(['\n', '\r']), "{text:?} -> {out:?}");
    assert!(out.chars().count() <= MAX_QUOTE_CHARS * 8 + 32, "{text:?}");
    if let Some(live) = live_markup(&out, ESCAPED_TEXT_TAGS) {
        panic!("{text:?} -> {out:?}: {live}");
    }
}

/// What GitLab acts on, and what an escaper could trip over, to build hostile text from.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "/merge",
            "/approve",
            "@all",
            "@.x",
            "#12",
            "!3",
            "~bug",
            "~\"a b\"",
            "%\"v1\"",
            "$7",
            "&8",
            "<script>",
            "<code>",
            "</code>",
            "<!--",
            "&#64;",
            "&amp;",
            "&lt;",
            "\\",
            "`",
            "``",
            "```",
            "\n",
            "\r\n",
            "\r",
            "\u{85}",
            "\u{2028}",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{3000}",
            "\u{200b}",
            "\u{feff}",
            "|",
            "*",
            "_",
            "[x](y)",
            "> ",
            "- ",
            "1. ",
            "https://",
            "://",
            "www.",
            "WwW.",
            "\u{202e}",
            "\u{2066}",
            "\u{200f}",
            "\u{ad}",
            "\u{e0041}",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,6}",
    ]
}

/// Table- and YAML-shaped fragments, so generated inputs reach deep into the parsers.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("| Account | ASE | Region | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n".to_owned()),
        Just("|---|---|---|---|---|---|---|---|\n".to_owned()),
        Just("| Acme | Jill | AMER | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW) | | f6438d0c Acme | 361092349520 | 370415907240 |\n".to_owned()),
        Just("id: 123\n".to_owned()),
        Just("name: f6438d0c Acme\n".to_owned()),
        Just("notes: |\n  This organization has an ASE.\n".to_owned()),
        Just("\\|".to_owned()),
        Just("`".to_owned()),
        Just("&a [*a]\n".to_owned()),
        "[ -~\\n|\\\\`é\u{feff}\r]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        check_all_kinds(&bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,300}") {
        check_all_kinds(text.as_bytes());
    }

    #[test]
    fn shaped_documents_never_panic(parts in proptest::collection::vec(fragment(), 0..24)) {
        check_all_kinds(parts.concat().as_bytes());
    }

    #[test]
    fn escaped_text_never_acts(text in "\\PC{0,400}") {
        assert_escaped_is_inert(&text);
    }

    #[test]
    fn escaped_hostile_text_never_acts(parts in proptest::collection::vec(hostile_piece(), 0..16)) {
        assert_escaped_is_inert(&parts.concat());
    }
}

proptest! {
    // No shrinking: a case that hangs leaves its thread spinning, and shrinking would start
    // many more; the whole note is shown instead.
    #![proptest_config(ProptestConfig { cases: 512, max_shrink_iters: 0, .. ProptestConfig::default() })]

    #[test]
    fn note_shaped_text_is_always_read_to_the_end(
        pieces in proptest::collection::vec(note_piece(), 0..48)
    ) {
        assert_note_analysis_finishes(pieces.join(" "));
    }
}
