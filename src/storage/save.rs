//! Saving a project, the one way every save is made (the desk's file thread, the command
//! line, tests): never over a file someone else changed since it was read (compared by
//! content, so an edit that keeps the size and the time is still seen), the previous version
//! kept as a backup first, then the atomic write.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use thiserror::Error;

use super::ContentHash;
use super::atomic::{WriteError, write_atomically};
use super::backups::Backups;
use super::fs::{FileSystem, RealFileSystem, SaveStep};
use super::lock::{Liveness, LockOwner, lock_path, read_owner};
use super::safekeeping::Safekeeping;
use crate::model::Project;
use crate::project_file::{is_project_path, ron_from_project};

/// What the file on disk must be for the save to go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expectation {
    /// Whatever is there is replaced (a new file, or the person said to overwrite).
    Overwrite,
    /// The file must still hold what was read or saved last (or be gone).
    Unchanged(ContentHash),
}

/// A save to make.
#[derive(Clone, Copy, Debug)]
pub struct SaveRequest<'a> {
    pub project: &'a Project,
    pub path: &'a Path,
    pub expect: Expectation,
    /// Where previous versions go; `None` keeps none.
    pub backups: Option<&'a Backups>,
    /// The format version the file was read in, when older than this copydesk's: the file is
    /// kept as it was before its first upgrade.
    pub upgrading_from: Option<u32>,
}

impl<'a> SaveRequest<'a> {
    /// A save of `project` to `path` that replaces whatever is there and keeps no backup;
    /// a caller that knows more sets the other fields with `..SaveRequest::new(project, path)`.
    pub fn new(project: &'a Project, path: &'a Path) -> Self {
        Self {
            project,
            path,
            expect: Expectation::Overwrite,
            backups: None,
            upgrading_from: None,
        }
    }

    /// Makes the save on the real filesystem, now: [`save_project`] for callers with nothing
    /// to inject (a new file, a test).
    pub fn save(self) -> Result<Saved, SaveError> {
        save_project(&RealFileSystem, self, Timestamp::now())
    }
}

/// A save that went through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The content now on disk, to compare with at the next save.
    pub hash: ContentHash,
    /// The backup of the version it replaced, if one was made.
    pub backup: Option<PathBuf>,
    /// Set when the file was saved but its previous version could not be backed up.
    pub backup_problem: Option<String>,
}

#[derive(Debug, Error)]
pub enum SaveError {
    #[error(
        "{path}: the file was changed on disk since you opened it (by another program or person); it was not overwritten"
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("{path}: cannot save: the project could not be written out ({message})")]
    Serialize { path: PathBuf, message: String },
    #[error("{path}: cannot save: the file on disk cannot be read to check it ({source})")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The new file is in place, but the folder could not be synced, so it is not known to
    /// survive a power cut. The file on disk now has `hash`.
    #[error("{source} (the new version is in place but may not survive a power cut)")]
    NotConfirmed {
        hash: ContentHash,
        #[source]
        source: WriteError,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Saves `request.project` to `request.path` through `fs`; `now` names the backup.
pub fn save_project(
    fs: &dyn FileSystem,
    request: SaveRequest<'_>,
    now: Timestamp,
) -> Result<Saved, SaveError> {
    let path = request.path;
    let text = ron_from_project(request.project).map_err(|error| SaveError::Serialize {
        path: path.to_owned(),
        message: error.to_string(),
    })?;
    let bytes = text.into_bytes();
    let hash = ContentHash::of(&bytes);
    let current = match std::fs::read(path) {
        Ok(current) => Some(current),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        // A folder or a device is refused by the write itself, with its own message.
        Err(_) if path.exists() && !path.is_file() => None,
        Err(source) => {
            return Err(SaveError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    if let (Expectation::Unchanged(expected), Some(current)) = (request.expect, &current)
        && ContentHash::of(current) != expected
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_owned(),
        });
    }
    let mut backup = None;
    let mut backup_problem = None;
    if let (Some(backups), Some(current)) = (request.backups, &current)
        && ContentHash::of(current) != hash
    {
        let kept = match request.upgrading_from {
            Some(version) => backups
                .keep_original(fs, path, current, version)
                .and_then(|_| backups.keep(fs, path, current, now)),
            None => backups.keep(fs, path, current, now),
        };
        match kept {
            Ok(kept) => backup = Some(kept),
            Err(error) => backup_problem = Some(error.to_string()),
        }
    }
    match write_atomically(fs, path, &bytes) {
        Ok(()) => {}
        Err(
            source @ WriteError::Io {
                step: SaveStep::SyncFolder,
                ..
            },
        ) => return Err(SaveError::NotConfirmed { hash, source }),
        Err(error) => return Err(error.into()),
    }
    Ok(Saved {
        hash,
        backup,
        backup_problem,
    })
}

/// A save made without a desk (from the command line), and what the person who asked for it
/// should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedWithoutDesk {
    /// The save, with the backup it kept or why it could not.
    pub saved: Saved,
    /// Who has the file open in a desk that still runs: that desk will ask before saving over
    /// this save.
    pub open_in_desk: Option<LockOwner>,
}

/// Saves as the desk does, for a save made without one: a project file the save replaces is
/// kept first among `safekeeping`'s backups (the same folder the desk uses), through its
/// filesystem. `request.backups` is ignored: a file that is not a project (an article
/// overwritten on request) gets no backup.
pub fn save_keeping_backup(
    safekeeping: &Safekeeping,
    request: SaveRequest<'_>,
    now: Timestamp,
) -> Result<SavedWithoutDesk, SaveError> {
    let replaces_project = request.path.exists() && is_project_path(request.path);
    let backups = safekeeping.backups().filter(|_| replaces_project);
    let saved = save_project(
        safekeeping.fs.as_ref(),
        SaveRequest {
            backups: backups.as_ref(),
            ..request
        },
        now,
    )?;
    let open_in_desk =
        read_owner(&lock_path(request.path)).filter(|owner| owner.liveness() != Liveness::Gone);
    Ok(SavedWithoutDesk {
        saved,
        open_in_desk,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::sample::sample_project(Timestamp::now()).unwrap()
    }

    fn request<'a>(project: &'a Project, path: &'a Path, expect: Expectation) -> SaveRequest<'a> {
        SaveRequest {
            expect,
            ..SaveRequest::new(project, path)
        }
    }

    #[test]
    fn a_same_size_change_on_disk_stops_the_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.copydesk.ron");
        let project = sample();
        let saved = save_project(
            &RealFileSystem,
            request(&project, &path, Expectation::Overwrite),
            Timestamp::now(),
        )
        .unwrap();
        // Someone changes one letter: same size, and the time is put back as it was.
        let original = std::fs::read(&path).unwrap();
        let modified_at = std::fs::metadata(&path).unwrap().modified().unwrap();
        let mut changed = original;
        let at = changed.iter().rposition(|b| *b == b'a').unwrap();
        changed[at] = b'e';
        std::fs::write(&path, &changed).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified_at)
            .unwrap();
        let error = save_project(
            &RealFileSystem,
            request(&project, &path, Expectation::Unchanged(saved.hash)),
            Timestamp::now(),
        )
        .unwrap_err();
        assert!(matches!(error, SaveError::ChangedOnDisk { .. }), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), changed, "not overwritten");
    }

    #[test]
    fn a_save_keeps_the_previous_version_as_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let backups = Backups::in_data_dir(&dir.path().join("data"));
        let path = dir.path().join("review.copydesk.ron");
        std::fs::write(&path, "the previous version").unwrap();
        let project = sample();
        let saved = save_project(
            &RealFileSystem,
            SaveRequest {
                backups: Some(&backups),
                upgrading_from: Some(2),
                ..request(&project, &path, Expectation::Overwrite)
            },
            Timestamp::now(),
        )
        .unwrap();
        let backup = saved.backup.unwrap();
        assert_eq!(
            std::fs::read_to_string(&backup).unwrap(),
            "the previous version"
        );
        let original = backups
            .folder_for(&path)
            .join("review.format-v2-original.copydesk.ron");
        assert_eq!(
            std::fs::read_to_string(original).unwrap(),
            "the previous version"
        );
        assert_eq!(ContentHash::of(&std::fs::read(&path).unwrap()), saved.hash);
    }

    #[test]
    fn a_file_deleted_meanwhile_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.copydesk.ron");
        let project = sample();
        save_project(
            &RealFileSystem,
            request(
                &project,
                &path,
                Expectation::Unchanged(ContentHash::of(b"x")),
            ),
            Timestamp::now(),
        )
        .unwrap();
        assert!(path.exists());
    }

    #[test]
    fn a_save_without_a_desk_backs_up_only_a_project_and_names_the_desk_that_has_it_open() {
        let dir = tempfile::tempdir().unwrap();
        let safekeeping = Safekeeping::in_data_dir(Some(dir.path().join("data")));
        let project = sample();
        let article = dir.path().join("draft.txt");
        std::fs::write(&article, "an article, overwritten on request").unwrap();
        let over_article = save_keeping_backup(
            &safekeeping,
            SaveRequest::new(&project, &article),
            Timestamp::now(),
        )
        .unwrap();
        assert_eq!(over_article.saved.backup, None);
        assert_eq!(over_article.open_in_desk, None);

        let path = dir.path().join("review.copydesk.ron");
        std::fs::write(&path, "the previous version").unwrap();
        let crate::storage::lock::LockOutcome::Locked(lock) = crate::storage::lock::acquire(&path)
        else {
            panic!("the project could not be locked");
        };
        let over_project = save_keeping_backup(
            &safekeeping,
            SaveRequest::new(&project, &path),
            Timestamp::now(),
        )
        .unwrap();
        let backup = over_project.saved.backup.unwrap();
        assert_eq!(
            std::fs::read_to_string(backup).unwrap(),
            "the previous version"
        );
        assert_eq!(over_project.open_in_desk.as_ref(), Some(lock.owner()));
    }
}
