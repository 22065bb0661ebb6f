//! `copydesk export`: the review as a file to send on (a report, the annotated article, the
//! JSON report, a Word document), replaced only once it is complete and never over a project;
//! of the whole review, or of one reviewer's comments and claims.

use std::path::Path;
use std::process::ExitCode;

use super::output::print_then_exit;
use super::{CliError, marks_shown, same_file};
use crate::export::{ExportFormat, export_bytes_of_part};
use crate::project_file::{is_project_path, load_project};
use crate::storage::{RealFileSystem, write_atomically};

/// Exports the project at `project_path` (with `reviewer`, that reviewer's marks) to `output`.
pub fn run(
    project_path: &Path,
    format: ExportFormat,
    output: &Path,
    reviewer: Option<&str>,
) -> Result<ExitCode, CliError> {
    if same_file(project_path, output) || is_project_path(output) {
        return Err(CliError::Refused(format!(
            "{}: an export never replaces a project; write it to another file",
            output.display()
        )));
    }
    let project = load_project(project_path)?;
    let part = marks_shown(project_path, &project, reviewer)?;
    let bytes =
        export_bytes_of_part(&part, &project, format).map_err(|source| CliError::Export {
            path: output.to_owned(),
            source,
        })?;
    write_atomically(&RealFileSystem, output, &bytes)?;
    print_then_exit(
        &format!(
            "Exported {} to {}: {}.\n",
            project_path.display(),
            output.display(),
            format.label()
        ),
        ExitCode::SUCCESS,
    )
}
