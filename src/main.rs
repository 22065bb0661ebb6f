//! The `copydesk` binary, the one place the command line and the desk meet: the arguments are
//! read by the command line; a command runs there, and without one the desk opens. Neither
//! knows the other, so the command line stays part of the core and the desk parses nothing.

use std::process::ExitCode;

use copydesk::cli::{self, CliError};

fn main() -> ExitCode {
    let arguments = match cli::parse() {
        Ok(arguments) => arguments,
        Err(exit) => return exit,
    };
    let outcome = match arguments.command {
        Some(command) => cli::run(command),
        None => copydesk::app::run_desk(arguments.file)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|error| CliError::Desk(error.into())),
    };
    cli::finish(outcome)
}
