//! `copydesk merge`: two copies of a review (and, when known, the version both started from)
//! merged into a new file, the conflicts listed one a line. Nothing is written when an input
//! cannot be used, and never over one of the inputs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::Timestamp;

use super::output::{lines_after_saving, print_then_exit};
use super::{CliError, EXIT_OPEN, same_file};
use crate::merge::{MergeInput, merge_reviews};
use crate::project_file::load_project;
use crate::storage::{Safekeeping, SaveRequest, save_keeping_backup};
use crate::text::{counted, file_name};

/// Merges `files` (OURS THEIRS, or BASE OURS THEIRS) into `output`, which must not exist
/// unless `force` (then the file it replaces is kept as a backup first).
pub fn run(files: &[PathBuf], output: &Path, force: bool) -> Result<ExitCode, CliError> {
    let (base, ours, theirs) = match files {
        [ours, theirs] => (None, ours, theirs),
        [base, ours, theirs] => (Some(base), ours, theirs),
        _ => {
            return Err(CliError::Refused(
                "merge takes two reviews (OURS THEIRS), or the version both started from first (BASE OURS THEIRS)".to_owned(),
            ));
        }
    };
    if files.iter().any(|input| same_file(input, output)) {
        return Err(CliError::Refused(format!(
            "{}: is one of the reviews being merged; write the merged review to another file",
            output.display()
        )));
    }
    if output.exists() && !force {
        return Err(CliError::Refused(format!(
            "{}: already exists; choose another name, or add --force to replace it (its previous version is kept as a backup)",
            output.display()
        )));
    }
    let base_project = base.map(|path| load_project(path)).transpose()?;
    let ours_project = load_project(ours)?;
    let theirs_project = load_project(theirs)?;
    let now = Timestamp::now();
    let merged = merge_reviews(MergeInput {
        base: base_project.as_ref(),
        ours: &ours_project,
        theirs: &theirs_project,
        ours_from: file_name(ours),
        theirs_from: file_name(theirs),
        now,
    })
    .map_err(|source| CliError::Merge {
        files: match base {
            Some(base) => format!(
                "{} and {} (from {})",
                ours.display(),
                theirs.display(),
                base.display()
            ),
            None => format!("{} and {}", ours.display(), theirs.display()),
        },
        source,
    })?;
    let saved = save_keeping_backup(
        &Safekeeping::for_this_user(),
        SaveRequest::new(&merged.project, output),
        now,
    )?;
    let mut text = format!(
        "{}\nWrote {}.\n{}",
        merged.summary,
        output.display(),
        lines_after_saving(&saved)
    );
    let conflicts = &merged.project.conflicts;
    if conflicts.is_empty() {
        return print_then_exit(&text, ExitCode::SUCCESS);
    }
    text.push_str(&format!(
        "{} to settle (open {} in the desk: Conflicts tab):\n",
        counted(conflicts.len(), "conflict", "conflicts"),
        output.display()
    ));
    for conflict in conflicts {
        text.push_str(&format!("  - {}\n", conflict.describe(&merged.project)));
    }
    print_then_exit(&text, ExitCode::from(EXIT_OPEN))
}
