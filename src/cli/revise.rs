//! `copydesk revise`: a review carried over to the writer's next draft, written over the
//! project (kept as a backup first) or to a new file, with the marks a person must still
//! place listed. The draft the project already holds, given again, changes nothing and is no
//! error.

use std::path::Path;
use std::process::ExitCode;

use jiff::Timestamp;

use super::output::{lines_after_saving, print_then_exit};
use super::{CliError, same_file};
use crate::model::Project;
use crate::open::open_path;
use crate::progress::Progress;
use crate::project_file::{FORMAT_VERSION, ProjectFileError};
use crate::revise::{NextDraft, read_next_draft, unsettled_marks};
use crate::storage::{Expectation, Safekeeping, SaveRequest, save_keeping_backup};
use crate::text::counted;

/// Carries the review in `project_path` over to `article`, writing it to `output` (by default
/// over `project_path`).
pub fn run(
    project_path: &Path,
    article: &Path,
    output: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let output = output.unwrap_or(project_path);
    // The project given as the article is refused by the import, with its own message.
    if same_file(article, output) && !same_file(article, project_path) {
        return Err(CliError::Refused(format!(
            "{}: is the article itself; write the project to another file",
            output.display()
        )));
    }
    if output != project_path && output.exists() && !same_file(project_path, output) {
        return Err(CliError::Refused(format!(
            "{}: already exists; choose another name, or leave out -o to update {}",
            output.display(),
            project_path.display()
        )));
    }
    let opened = open_path(project_path)?;
    let Some(on_disk) = opened.file else {
        return Err(CliError::Refused(format!(
            "{}: not a copydesk project; import the article first",
            project_path.display()
        )));
    };
    if on_disk.is_newer_version() {
        // Writing it back would drop what this version does not understand.
        return Err(ProjectFileError::NewerVersion {
            path: project_path.to_owned(),
            found: on_disk.version,
            supported: FORMAT_VERSION,
        }
        .into());
    }
    let revised = match read_next_draft(&opened.project, article, &Progress::new())? {
        NextDraft::Revised(revised) => *revised,
        NextDraft::AlreadyOpen { .. } => {
            return same_draft_again(&opened.project, project_path, article, output);
        }
    };
    let mut request = SaveRequest::new(&revised.project, output);
    // Over the project it read, the file must still hold what was read.
    if same_file(project_path, output) {
        request.expect = Expectation::Unchanged(on_disk.hash);
        request.upgrading_from = on_disk.is_older_version().then_some(on_disk.version);
    }
    let saved = save_keeping_backup(&Safekeeping::for_this_user(), request, Timestamp::now())?;
    let mut text = format!(
        "{}\nWrote {}.\n{}",
        revised.summary,
        output.display(),
        lines_after_saving(&saved)
    );
    let unsettled = unsettled_marks(&revised.project);
    if !unsettled.is_empty() {
        text.push_str(&format!(
            "{} to look at in the desk (Revision tab):\n",
            counted(unsettled.len(), "mark", "marks")
        ));
        for line in unsettled {
            text.push_str(&format!("  - {line}\n"));
        }
    }
    print_then_exit(&text, ExitCode::SUCCESS)
}

/// The draft the project already holds, given again (a pipeline re-running its steps): not an
/// error. Nothing changed, so the project is not rewritten; an output named with -o still gets
/// the review, as it is, so the next step finds it where it looks.
fn same_draft_again(
    project: &Project,
    project_path: &Path,
    article: &Path,
    output: &Path,
) -> Result<ExitCode, CliError> {
    let mut text = format!(
        "{}: is the draft the project already holds (the same content); nothing changed.\n",
        article.display()
    );
    if same_file(project_path, output) {
        text.push_str(&format!("{} is left as it was.\n", project_path.display()));
    } else {
        let request = SaveRequest::new(project, output);
        let saved = save_keeping_backup(&Safekeeping::for_this_user(), request, Timestamp::now())?;
        text.push_str(&format!(
            "Wrote {} (the review as it was).\n{}",
            output.display(),
            lines_after_saving(&saved)
        ));
    }
    print_then_exit(&text, ExitCode::SUCCESS)
}
