//! `copydesk recover`: the reviews a crashed or killed desk left in its recovery journals,
//! listed with what each would bring back, and written to a project file on request: for
//! when the desk itself cannot be started, or from a script.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CliError;
use super::output::print_then_exit;
use crate::project_file::is_project_path;
use crate::storage::journal::{
    JournalClaim, JournalEntry, read_journal, remove_journal, what_restoring_brings_back,
};
use crate::storage::{Safekeeping, SaveRequest};

/// Lists the journals, or restores number `choice` (from 1, as listed) to `output`.
pub fn run(choice: Option<usize>, output: Option<&Path>) -> Result<ExitCode, CliError> {
    let Some(journals) = Safekeeping::for_this_user().journals() else {
        return Err(CliError::Refused(
            "this system has no folder for copydesk's data, so nothing was autosaved".to_owned(),
        ));
    };
    let orphaned = journals.orphaned();
    match (choice, output) {
        (None, None) => list(&orphaned, &journals.unreadable(), journals.folder()),
        (Some(choice), Some(output)) => {
            let Some(entry) = choice.checked_sub(1).and_then(|index| orphaned.get(index)) else {
                return Err(CliError::Refused(format!(
                    "there is no autosaved review number {choice} (run `copydesk recover` to list them)"
                )));
            };
            restore(entry, output)
        }
        _ => Err(CliError::Refused(
            "give both the number of the review to restore and -o FILE, or neither to list them"
                .to_owned(),
        )),
    }
}

fn list(
    orphaned: &[JournalEntry],
    unreadable: &[PathBuf],
    folder: &Path,
) -> Result<ExitCode, CliError> {
    let mut text = String::new();
    for path in unreadable {
        text.push_str(&format!(
            "{}: cannot be read as a recovery journal; left as it is\n",
            path.display()
        ));
    }
    if orphaned.is_empty() {
        text.push_str(&format!(
            "Nothing to recover: no autosaved review was left by a desk that stopped ({}).\n",
            folder.display()
        ));
        return print_then_exit(&text, ExitCode::SUCCESS);
    }
    for (index, entry) in orphaned.iter().enumerate() {
        let place = entry
            .meta
            .project_path
            .as_ref()
            .map_or_else(|| "not saved yet".to_owned(), |p| p.display().to_string());
        text.push_str(&format!(
            "{}. {} ({place}), autosaved {}\n",
            index + 1,
            entry.meta.name,
            entry.meta.written_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        ));
        match read_journal(&entry.path) {
            Ok((meta, project)) => {
                let what = what_restoring_brings_back(&meta, &project);
                if what.is_empty() {
                    text.push_str("   nothing the saved file does not already have\n");
                }
                for line in what {
                    text.push_str(&format!("   {line}\n"));
                }
            }
            Err(error) => text.push_str(&format!("   cannot be read: {error}\n")),
        }
    }
    text.push_str("\nTo restore one: copydesk recover N -o FILE (the desk also offers them at its next start).\n");
    print_then_exit(&text, ExitCode::SUCCESS)
}

fn restore(entry: &JournalEntry, output: &Path) -> Result<ExitCode, CliError> {
    if output.exists() {
        return Err(CliError::Refused(format!(
            "{}: already exists; restore to a new file, then compare",
            output.display()
        )));
    }
    if !is_project_path(output) {
        return Err(CliError::Refused(format!(
            "{}: a project file name ends in .copydesk.ron",
            output.display()
        )));
    }
    // A desk restoring it at the same moment would make it its own.
    let claim = JournalClaim::take(&entry.path)?;
    let (meta, project) = read_journal(&entry.path)?;
    SaveRequest::new(&project, output).save()?;
    // Only now that the review is safely in its own file does the journal go.
    remove_journal(&entry.path, Some(claim));
    print_then_exit(
        &format!(
            "Restored {} (autosaved {}) to {}.\n",
            meta.name,
            meta.written_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            output.display()
        ),
        ExitCode::SUCCESS,
    )
}
