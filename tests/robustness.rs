//! Property tests: arbitrary bytes and near-valid text through both parsers and every rule
//! never panic, and every diagnostic's position lies inside its file.

use std::sync::LazyLock;

use ase_lint::config::Settings;
use ase_lint::lint::{FileKind, lint_text};
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
}
