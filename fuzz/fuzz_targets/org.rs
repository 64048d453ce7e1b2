//! Fuzz target `org`: arbitrary bytes as an org file `organizations/<id>.yaml`, through
//! the YAML parser (with its budgets) and every note rule, the six-question matcher
//! included, then the reporters.

#![no_main]

use ase_lint::lint::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ase_lint_fuzz::check("organizations/361092349520.yaml", FileKind::Org, data);
});
