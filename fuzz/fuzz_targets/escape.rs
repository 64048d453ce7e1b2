//! Fuzz target `escape`: arbitrary UTF-8 through `escape_user_text`, the escaping of
//! file text in the bot's MR comments. Property (the same oracle as the proptest in
//! `tests/robustness.rs`): the output is one line, bounded in length, and holds nothing
//! GitLab would act on (no quick action, no live `@mention`, `#123`, `!12` or other
//! reference, no raw HTML); see `ase_lint::report::note_safety`.

#![no_main]

use ase_lint::report::mr_comment::{MAX_QUOTE_CHARS, escape_user_text};
use ase_lint::report::note_safety::{ESCAPED_TEXT_TAGS, live_markup};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let out = escape_user_text(text, MAX_QUOTE_CHARS);
    assert!(
        !out.contains(['\n', '\r']),
        "{text:?} -> {out:?}: more than one line"
    );
    assert!(
        out.chars().count() <= MAX_QUOTE_CHARS * 8 + 32,
        "{text:?} -> {out:?}: too long"
    );
    if let Some(live) = live_markup(&out, ESCAPED_TEXT_TAGS) {
        panic!("{text:?} -> {out:?}: {live}");
    }
});
