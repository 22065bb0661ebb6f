//! The command line: headless commands for scripts and publishing pipelines, one file each,
//! shaped like ripgrep's: [`parse`] reads the arguments, [`run`] hands a command to its file,
//! whose `run` returns an exit status or a [`CliError`], and [`finish`] is the one place an
//! error is shown (`copydesk: …` on stderr, status [`EXIT_ERROR`]). Nothing here panics on
//! bad input, and no command prints its own error.
//!
//! The desk is not started from here: the binary (`src/main.rs`) opens it when no command is
//! given, so the command line stays part of the core.

mod args;
mod check;
mod error;
mod evaluate;
mod export;
mod git_setup;
mod import;
mod library;
mod memo;
mod merge;
mod merge_driver;
mod output;
mod recover;
mod revise;
mod sample;
mod suggest;

use std::borrow::Cow;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;

pub use args::{
    Cli, Command, ExportChoice, LibraryCommand, LibraryFormat, MemoFormat, SuggestFormat,
};
pub use error::CliError;
pub use git_setup::GitSetupError;
pub use merge_driver::MergeDriverError;

use crate::model::Project;
use crate::query::{marks_by, reviewer_named};
use crate::suggest::evaluate::report::ReportOptions;

/// Exit status of `check` when something is still open.
pub const EXIT_OPEN: u8 = 1;
/// Exit status for unreadable input and other errors.
pub const EXIT_ERROR: u8 = 2;

/// The arguments of this process; `Err` is the status to exit with at once, clap having
/// printed the help or the version (status 0, stdout) or what is wrong with the arguments
/// (status 2, stderr).
pub fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|error| {
        let _ = error.print();
        if error.use_stderr() {
            ExitCode::from(EXIT_ERROR)
        } else {
            ExitCode::SUCCESS
        }
    })
}

/// Runs one command.
pub fn run(command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Import {
            article,
            output,
            force,
        } => import::run(&article, &output, force),
        Command::Revise {
            project,
            new_article,
            output,
        } => revise::run(&project, &new_article, output.as_deref()),
        Command::Memo {
            project,
            format,
            reviewer,
        } => memo::run(&project, format, reviewer.as_deref()),
        Command::Check { project } => check::run(&project),
        Command::Suggest {
            file,
            format,
            library,
        } => suggest::run(&file, format, library),
        Command::Library { command } => library::run(command),
        Command::Evaluate {
            article,
            labels,
            errors,
            by_kind,
            format,
        } => evaluate::run(&article, &labels, ReportOptions { by_kind, errors }, format),
        Command::Export {
            project,
            format,
            output,
            reviewer,
        } => export::run(&project, format.format(), &output, reviewer.as_deref()),
        Command::Merge {
            files,
            output,
            force,
        } => merge::run(&files, &output, force),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => merge_driver::run(&base, &ours, &theirs, &path),
        Command::GitSetup { repository } => git_setup::run(repository.as_deref()),
        Command::Recover { number, output } => recover::run(number, output.as_deref()),
        Command::Sample { output } => sample::run(&output),
    }
}

/// The status to exit with; an error is shown here, and only here.
pub fn finish(outcome: Result<ExitCode, CliError>) -> ExitCode {
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("copydesk: {error}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The review to show: all of `project`, or with `reviewer` (a name or an id) that reviewer's
/// comments and claims only; `path` names the project in the error.
fn marks_shown<'a>(
    path: &Path,
    project: &'a Project,
    reviewer: Option<&str>,
) -> Result<Cow<'a, Project>, CliError> {
    let Some(name_or_id) = reviewer else {
        return Ok(Cow::Borrowed(project));
    };
    let id = reviewer_named(project, name_or_id).map_err(|source| CliError::Reviewer {
        path: path.to_owned(),
        source,
    })?;
    Ok(Cow::Owned(marks_by(project, &id)))
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
