//! The `allyship` binary: parse the command line, then run a plain command
//! or the full-screen reader (the library's [`allyship::cli::run`] chooses).

use allyship::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    allyship::cli::run(Cli::from_args())
}
