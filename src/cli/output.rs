//! What the commands print on stdout: written so a reader that stopped early is no error, and
//! the lines that follow a save (the backup kept, a desk that has the file open).

use std::io::Write as _;
use std::process::ExitCode;

use super::CliError;
use crate::storage::SavedWithoutDesk;

/// Prints `text`, then gives `code` back as the status to exit with — without panicking when
/// stdout is gone. A reader that stopped early (`copydesk check p | grep -q ready`,
/// `report | head`) is no error; a write that fails otherwise (a full disk) is.
pub fn print_then_exit(text: &str, code: ExitCode) -> Result<ExitCode, CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(code),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(error) => Err(CliError::Output(error)),
    }
}

/// What to tell the person after a save: where the previous version is kept (or why it could
/// not be), and that a desk has the file open. One line each, or nothing.
pub fn lines_after_saving(saved: &SavedWithoutDesk) -> String {
    let mut text = String::new();
    if let Some(backup) = &saved.saved.backup {
        text.push_str(&format!(
            "The previous version is kept in {}.\n",
            backup.display()
        ));
    }
    if let Some(problem) = &saved.saved.backup_problem {
        text.push_str(&format!(
            "The previous version could not be backed up: {problem}.\n"
        ));
    }
    if let Some(owner) = &saved.open_in_desk {
        text.push_str(&format!(
            "Note: it is open in a desk for {}; that desk will ask before saving over this.\n",
            owner.describe()
        ));
    }
    text
}
