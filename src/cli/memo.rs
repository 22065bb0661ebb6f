//! `copydesk memo` (alias `report`): the fact-check memo in Markdown, or the JSON report for
//! tools.

use std::path::Path;
use std::process::ExitCode;

use super::output::print_then_exit;
use super::{CliError, MemoFormat};
use crate::export::json_report;
use crate::memo::markdown_memo;
use crate::open::project_from_path;
use crate::suggest::{detect_in_project, undecided};

/// Prints the memo of the project (or article) at `path`.
pub fn run(path: &Path, format: MemoFormat) -> Result<ExitCode, CliError> {
    let project = project_from_path(path)?;
    let suggestions = detect_in_project(&project);
    let undecided = undecided(&suggestions, &project);
    let report = match format {
        MemoFormat::Markdown => markdown_memo(&project, &undecided),
        MemoFormat::Json => json_report(&project, &undecided),
    };
    print_then_exit(&report, ExitCode::SUCCESS)
}
