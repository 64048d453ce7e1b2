//! The `ase-lint` binary: parses the command line and hands over to [`ase_lint::cli`].

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    ase_lint::cli::run(ase_lint::cli::Cli::parse())
}
