//! `copydesk git-setup [REPO]`: registers copydesk's merge driver in a git repository, so that
//! `git merge` and `git pull` merge reviews record by record. Two things are needed, and git
//! keeps them apart: the rule naming the driver for `*.copydesk.ron` files in `.gitattributes`
//! (committed, so it travels with the repository) and the command the driver runs in the
//! repository's config (never shared by a clone: each runs `git-setup` once). It also keeps
//! the lock files a desk leaves beside an open review out of git (`.gitignore`): committed, a
//! lock would tell every other clone the review is open elsewhere. Running it again changes
//! nothing and says so.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use thiserror::Error;

use super::CliError;
use super::output::print_then_exit;
use crate::storage::{RealFileSystem, WriteError, write_atomically};

/// The `.gitattributes` line that sends reviews to the driver named `copydesk`.
pub const ATTRIBUTES_LINE: &str = "*.copydesk.ron merge=copydesk";
/// The `.gitignore` line that keeps the desk's lock files (`.NAME.copydesk.ron.lock`, beside
/// the review it marks open) out of commits.
pub const IGNORE_LINE: &str = ".*.copydesk.ron.lock";
/// The driver's name, as `git` shows it in its messages.
const DRIVER_NAME: &str = "copydesk: merges reviews record by record";

#[derive(Debug, Error)]
pub enum GitSetupError {
    #[error("cannot run git ({source}); is git installed, and on the PATH?")]
    GitMissing {
        #[source]
        source: io::Error,
    },
    #[error("{folder}: not in a git repository ({message})")]
    NotARepository { folder: PathBuf, message: String },
    #[error("{folder}: `git {command}` failed: {message}")]
    Git {
        folder: PathBuf,
        command: String,
        message: String,
    },
    #[error("{path}: cannot read it: {source}")]
    ReadFile {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    WriteFile(#[from] WriteError),
    #[error("cannot tell where this copydesk is installed, to register it with git: {0}")]
    WhereInstalled(#[source] io::Error),
    #[error(
        "{0}: this copydesk's path is not valid UTF-8 text, so git's config cannot name it; install copydesk in a folder whose path is"
    )]
    PathNotText(PathBuf),
}

/// What became of a line `git-setup` needs in a file of the repository.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineChange {
    /// The file already has it.
    Unchanged,
    Added,
    /// The file was created, with the line.
    Created,
}

/// What became of a setting in the repository's config.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Change {
    Unchanged,
    Made,
    /// It held another value before.
    Replaced(String),
}

/// Registers the driver in the repository holding `folder` (the current folder when `None`).
pub fn run(folder: Option<&Path>) -> Result<ExitCode, CliError> {
    let folder = folder.unwrap_or(Path::new("."));
    let top = top_level(folder)?;
    // Known before anything is written, so a failure leaves the repository as it was.
    let executable = std::env::current_exe().map_err(GitSetupError::WhereInstalled)?;
    let driver = driver_command(&executable)?;
    let attributes_change = add_line(
        &top.join(".gitattributes"),
        ATTRIBUTES_LINE,
        has_driver_line,
    )?;
    let ignore_change = add_line(&top.join(".gitignore"), IGNORE_LINE, |text| {
        text.lines().any(|line| line.trim() == IGNORE_LINE)
    })?;
    let name_change = set_config(&top, "merge.copydesk.name", DRIVER_NAME)?;
    let driver_change = set_config(&top, "merge.copydesk.driver", &driver)?;

    let nothing_changed = attributes_change == LineChange::Unchanged
        && ignore_change == LineChange::Unchanged
        && name_change == Change::Unchanged
        && driver_change == Change::Unchanged;
    let mut text = if nothing_changed {
        format!(
            "Nothing to change: copydesk already merges reviews in {} (.gitattributes has “{ATTRIBUTES_LINE}”; the repository's config runs {driver}).\n",
            top.display()
        )
    } else {
        format!(
            "Set copydesk up to merge reviews in {}:\n  - .gitattributes: {}\n  - .gitignore: {}\n  - merge.copydesk.name: {}\n  - merge.copydesk.driver: {}\n",
            top.display(),
            line_described(attributes_change, ATTRIBUTES_LINE),
            line_described(ignore_change, IGNORE_LINE),
            described(&name_change, DRIVER_NAME),
            described(&driver_change, &driver),
        )
    };
    text.push_str(
        "From now on `git merge` and `git pull` merge reviews (*.copydesk.ron) record by record; \
         a conflict is kept in the review, for the desk's Conflicts tab.\n\
         Remember:\n  \
         - commit .gitattributes and .gitignore, so the rule travels with the repository and no desk's lock file is committed;\n  \
         - every clone runs `copydesk git-setup` once: git keeps the driver in each clone's own config, which a clone does not copy;\n  \
         - hosted merge buttons (GitHub's, GitLab's) ignore custom merge drivers: merge reviews locally, then push.\n",
    );
    print_then_exit(&text, ExitCode::SUCCESS)
}

/// A line's change, in words.
fn line_described(change: LineChange, line: &str) -> String {
    match change {
        LineChange::Unchanged => format!("already has “{line}”"),
        LineChange::Added => format!("“{line}” added"),
        LineChange::Created => format!("created, with “{line}”"),
    }
}

/// A setting's change, in words.
fn described(change: &Change, value: &str) -> String {
    match change {
        Change::Unchanged => "already set".to_owned(),
        Change::Made => format!("set to {value}"),
        Change::Replaced(before) => format!("set to {value} (it was {before})"),
    }
}

/// The top folder of the work tree holding `folder`.
fn top_level(folder: &Path) -> Result<PathBuf, GitSetupError> {
    let output = git(folder, &["rev-parse", "--show-toplevel"])?;
    if !output.status.success() {
        return Err(GitSetupError::NotARepository {
            folder: folder.to_owned(),
            message: said(&output.stderr),
        });
    }
    Ok(PathBuf::from(said(&output.stdout)))
}

/// Adds `line` to the file at `path` (created if needed) unless `has_it` finds it there.
fn add_line(
    path: &Path,
    line: &str,
    has_it: impl Fn(&str) -> bool,
) -> Result<LineChange, GitSetupError> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(GitSetupError::ReadFile {
                path: path.to_owned(),
                source,
            });
        }
    };
    let Some(text) = existing else {
        write_atomically(&RealFileSystem, path, format!("{line}\n").as_bytes())?;
        return Ok(LineChange::Created);
    };
    if has_it(&text) {
        return Ok(LineChange::Unchanged);
    }
    let separator = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let new_text = format!("{text}{separator}{line}\n");
    write_atomically(&RealFileSystem, path, new_text.as_bytes())?;
    Ok(LineChange::Added)
}

/// Whether `attributes` has a line sending `*.copydesk.ron` to the driver (with any other
/// attributes beside it), not overridden by a later line for the same pattern.
fn has_driver_line(attributes: &str) -> bool {
    let mut merged_by_copydesk = false;
    for line in attributes.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("*.copydesk.ron") {
            continue;
        }
        for attribute in words {
            if attribute == "merge=copydesk" {
                merged_by_copydesk = true;
            } else if attribute.starts_with("merge=")
                || attribute == "-merge"
                || attribute == "merge"
                || attribute == "!merge"
            {
                merged_by_copydesk = false;
            }
        }
    }
    merged_by_copydesk
}

/// The command git runs to merge a review: this executable, quoted for the shell git runs it
/// with, then the placeholders of the files git hands over.
fn driver_command(executable: &Path) -> Result<String, GitSetupError> {
    let path = executable
        .to_str()
        .ok_or_else(|| GitSetupError::PathNotText(executable.to_owned()))?;
    Ok(format!(
        "{} merge-driver %O %A %B %P",
        shell_quoted(&path.replace('%', "%%"))
    ))
}

/// `text` as one word for a POSIX shell: in single quotes, each single quote written as `'\''`.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// Sets `key` to `value` in the repository's own config, unless it is already.
fn set_config(top: &Path, key: &str, value: &str) -> Result<Change, GitSetupError> {
    let current = git(top, &["config", "--local", "--get", key])?;
    // `git config --get` exits 1 when the key is not set.
    let before = current
        .status
        .success()
        .then(|| said(&current.stdout))
        .filter(|before| !before.is_empty());
    if before.as_deref() == Some(value) {
        return Ok(Change::Unchanged);
    }
    let output = git(top, &["config", "--local", key, value])?;
    if !output.status.success() {
        return Err(GitSetupError::Git {
            folder: top.to_owned(),
            command: format!("config {key}"),
            message: said(&output.stderr),
        });
    }
    Ok(before.map_or(Change::Made, Change::Replaced))
}

/// Runs `git -C folder ARGS` to the end.
fn git(folder: &Path, args: &[&str]) -> Result<std::process::Output, GitSetupError> {
    Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(args)
        .output()
        .map_err(|source| GitSetupError::GitMissing { source })
}

/// What git printed, as one trimmed line of text.
fn said(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_line_is_found_among_other_attributes_and_overrides() {
        assert!(has_driver_line("*.copydesk.ron merge=copydesk\n"));
        assert!(has_driver_line(
            "*.png binary\n*.copydesk.ron  -text   merge=copydesk\n"
        ));
        assert!(!has_driver_line(""));
        assert!(!has_driver_line("*.ron merge=copydesk\n"));
        assert!(!has_driver_line("# *.copydesk.ron merge=copydesk\n"));
        assert!(!has_driver_line(
            "*.copydesk.ron merge=copydesk\n*.copydesk.ron -merge\n"
        ));
    }

    #[test]
    fn the_command_quotes_the_executable_for_the_shell_and_git() {
        assert_eq!(
            driver_command(Path::new("/opt/copy desk/it's/100%/copydesk")).unwrap(),
            r"'/opt/copy desk/it'\''s/100%%/copydesk' merge-driver %O %A %B %P"
        );
    }
}
