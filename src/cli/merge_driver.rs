//! `copydesk merge-driver %O %A %B %P`: git's custom merge driver contract, so `git merge` and
//! `git pull` merge reviews record by record instead of line by line. Git hands over three
//! temporary files (the common version, ours, theirs) and expects the result written over
//! ours, and the exit status to say whether it is clean. What is left in ours is always a
//! review that opens in the desk — the merged one, or ours untouched when an input cannot be
//! used — never a file cut up by conflict markers.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::Timestamp;
use thiserror::Error;

use super::{CliError, EXIT_OPEN};
use crate::merge::{MergeError, MergeInput, merge_reviews};
use crate::model::Project;
use crate::project_file::{
    FORMAT_VERSION, ProjectFileError, project_file_bytes, read_project_bytes,
};
use crate::storage::{RealFileSystem, SaveError, SaveRequest, save_project};
use crate::text::counted;

/// How conflicts name the two sides, in git's sense: "ours" is the branch checked out (the
/// one merged into), "theirs" the one merged in. (During a rebase git swaps them: ours is the
/// branch rebased onto.)
const OURS: &str = "our branch";
const THEIRS: &str = "the branch merged in";

/// The three versions, as errors name them.
const OURS_IN_ERRORS: &str = "our branch's version (ours)";
const THEIRS_IN_ERRORS: &str = "the version of the branch merged in (theirs)";
const BASE_IN_ERRORS: &str = "the version both branches started from";

/// Why the merge driver left ours as it was. Each message names the review by its path in the
/// repository (git's `%P`), never by git's temporary file names.
#[derive(Debug, Error)]
pub enum MergeDriverError {
    #[error(
        "{path}: not merged: {side} cannot be used: {source}; the file is left as our branch has it, and git reports a conflict"
    )]
    Unusable {
        path: PathBuf,
        side: &'static str,
        /// Boxed: the largest of the errors, and the rarest.
        #[source]
        source: Box<ProjectFileError>,
    },
    #[error(
        "{path}: not merged: {source}; the file is left as our branch has it, and git reports a conflict"
    )]
    Merge {
        path: PathBuf,
        #[source]
        source: MergeError,
    },
    #[error(
        "{path}: not merged: the merged review could not be written for git ({source}); the file is left as our branch has it, and git reports a conflict"
    )]
    Save {
        path: PathBuf,
        #[source]
        source: SaveError,
    },
}

/// Merges `theirs` into `ours` (with `base`, the version both started from), writing the
/// result over `ours`; `path` is the review's path in the repository, for messages. Exit 0
/// when clean, [`EXIT_OPEN`] when the merged review holds conflicts (one a line on stderr).
pub fn run(base: &Path, ours: &Path, theirs: &Path, path: &Path) -> Result<ExitCode, CliError> {
    let base_project = read_base(base, path)?;
    let ours_project = read_side(ours, path, OURS_IN_ERRORS)?;
    let theirs_project = read_side(theirs, path, THEIRS_IN_ERRORS)?;
    let now = Timestamp::now();
    let merged = merge_reviews(MergeInput {
        base: base_project.as_ref(),
        ours: &ours_project,
        theirs: &theirs_project,
        ours_from: OURS.to_owned(),
        theirs_from: THEIRS.to_owned(),
        now,
    })
    .map_err(|source| MergeDriverError::Merge {
        path: path.to_owned(),
        source,
    })?;
    save_project(
        &RealFileSystem,
        SaveRequest::new(&merged.project, ours),
        now,
    )
    .map_err(|source| MergeDriverError::Save {
        path: path.to_owned(),
        source,
    })?;
    let conflicts = &merged.project.conflicts;
    let mut text = format!("copydesk merged {}: {}\n", path.display(), merged.summary);
    if !conflicts.is_empty() {
        text.push_str(&format!(
            "{} kept in the review (open it in the desk: Conflicts tab; save, then git add it):\n",
            counted(conflicts.len(), "conflict", "conflicts"),
        ));
        for conflict in conflicts {
            text.push_str(&format!("  - {}\n", conflict.describe(&merged.project)));
        }
    }
    // Git shows what its driver says on the terminal, beside its own "Auto-merging" lines;
    // stdout is left to git. A message that cannot be shown changes nothing of the merge.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    Ok(if conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_OPEN)
    })
}

/// The common version, or `None` when there is none: a review both branches added on their
/// own, which git hands over as an empty file. The merge then goes without a base.
fn read_base(file: &Path, path: &Path) -> Result<Option<Project>, MergeDriverError> {
    let is_empty = std::fs::metadata(file).is_ok_and(|metadata| metadata.len() == 0);
    if is_empty {
        return Ok(None);
    }
    read_side(file, path, BASE_IN_ERRORS).map(Some)
}

/// One of git's temporary files, read as a project whose errors name `path`, the review's
/// path in the repository (git's temporary names mean nothing to the person). A file from a
/// newer copydesk is refused: the merged review would lose what this version does not know.
fn read_side(file: &Path, path: &Path, side: &'static str) -> Result<Project, MergeDriverError> {
    let unusable = |source| MergeDriverError::Unusable {
        path: path.to_owned(),
        side,
        source: Box::new(source),
    };
    let bytes = project_file_bytes(file).map_err(|error| unusable(named(error, path)))?;
    let read = read_project_bytes(path, &bytes).map_err(unusable)?;
    if read.is_from_newer_version() {
        return Err(unusable(ProjectFileError::NewerVersion {
            path: path.to_owned(),
            found: read.version,
            supported: FORMAT_VERSION,
        }));
    }
    Ok(read.project)
}

/// `error` about a temporary file, naming the review's `path` instead.
fn named(error: ProjectFileError, path: &Path) -> ProjectFileError {
    match error {
        ProjectFileError::Read { source, .. } => ProjectFileError::Read {
            path: path.to_owned(),
            source,
        },
        ProjectFileError::TooLarge { size, .. } => ProjectFileError::TooLarge {
            path: path.to_owned(),
            size,
        },
        other => other,
    }
}
