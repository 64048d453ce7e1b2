//! Fuzz target `readme`: arbitrary bytes as a `README.md` named on the command line
//! (it must hold the ASE table), through the table parser and every table, id and link
//! rule, then the reporters.

#![no_main]

use ase_lint::lint::FileKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ase_lint_fuzz::check("README.md", FileKind::Readme { required: true }, data);
});
