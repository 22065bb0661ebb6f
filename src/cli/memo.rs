//! `copydesk memo` (alias `report`): the fact-check memo in Markdown, or the JSON report for
//! tools; of the whole review, or of one reviewer's comments and claims.

use std::path::Path;
use std::process::ExitCode;

use super::output::print_then_exit;
use super::{CliError, MemoFormat, marks_shown};
use crate::export::json_report;
use crate::memo::markdown_memo;
use crate::open::project_from_path;
use crate::suggest::{detect_in_project, undecided};

/// Prints the memo of the project (or article) at `path`; with `reviewer`, of that reviewer's
/// marks only.
pub fn run(path: &Path, format: MemoFormat, reviewer: Option<&str>) -> Result<ExitCode, CliError> {
    let project = project_from_path(path)?;
    let shown = marks_shown(path, &project, reviewer)?;
    // Suggestions are the article's: one another reviewer made a claim of is decided.
    let suggestions = detect_in_project(&project);
    let undecided = undecided(&suggestions, &project);
    let report = match format {
        MemoFormat::Markdown => markdown_memo(&shown, &undecided),
        MemoFormat::Json => json_report(&shown, &undecided),
    };
    print_then_exit(&report, ExitCode::SUCCESS)
}
