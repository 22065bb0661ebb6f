//! `copydesk import`: an article into a new project file, without opening the desk.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use super::output::{lines_after_saving, print_then_exit};
use super::{CliError, same_file};
use crate::import::{import_file, what_the_file_carried};
use crate::project_file::is_project_path;
use crate::storage::{Safekeeping, SaveRequest, save_keeping_backup};
use crate::text::counted;

/// Imports `article` into `output`, which must not exist unless `force` (a project it replaces
/// is kept as a backup first).
pub fn run(article: &Path, output: &Path, force: bool) -> Result<ExitCode, CliError> {
    if same_file(article, output) {
        return Err(CliError::Refused(format!(
            "{}: is the article itself; write the project to another file",
            output.display()
        )));
    }
    if output.exists() && !force {
        let what = if is_project_path(output) {
            "replace it and lose its review"
        } else {
            "replace it"
        };
        return Err(CliError::Refused(format!(
            "{}: already exists; choose another name, or add --force to {what}",
            output.display()
        )));
    }
    let project = import_file(article, Timestamp::now())?;
    let saved = save_keeping_backup(
        &Safekeeping::for_this_user(),
        SaveRequest::new(&project, output),
        Timestamp::now(),
    )?;
    let progress = project.progress();
    print_then_exit(
        &format!(
            "Imported {} into {}: {}.{}\n{}",
            article.display(),
            output.display(),
            counted(progress.sections, "section", "sections"),
            what_the_file_carried(&project),
            lines_after_saving(&saved),
        ),
        ExitCode::SUCCESS,
    )
}
