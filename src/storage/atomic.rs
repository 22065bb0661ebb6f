//! Writing a file so that a crash, a full disk or a failing step never leaves less than
//! there was: the new content goes into a temporary file beside the target, is flushed to the
//! disk, takes the old file's permissions, and only then is renamed over the target (an
//! atomic replacement on every filesystem copydesk supports). The folder is synced so the
//! rename itself survives a power cut.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::fs::{FileSystem, SaveStep};

#[derive(Debug, Error)]
pub enum WriteError {
    #[error("{path}: cannot save: the folder {folder} does not exist")]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{path}: cannot save there: it is not a regular file")]
    NotAFile { path: PathBuf },
    #[error(
        "{path}: cannot save: the file is read-only; save under another name, or make it writable"
    )]
    ReadOnly { path: PathBuf },
    #[error("{path}: cannot save: {}", problem_from_io(.source))]
    Io {
        path: PathBuf,
        /// The step that failed.
        step: SaveStep,
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    /// Whether the disk (or the user's quota) was full.
    pub fn is_disk_full(&self) -> bool {
        matches!(self, Self::Io { source, .. }
            if matches!(source.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded))
    }
}

/// What went wrong, in words a reviewer can act on.
fn problem_from_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            format!("the disk is full ({error}); free some space and save again")
        }
        io::ErrorKind::PermissionDenied => {
            format!("permission denied ({error}); save under another name")
        }
        _ => error.to_string(),
    }
}

/// Replaces `path` with `bytes` through `fs`, or leaves it exactly as it was.
///
/// Saving through a symbolic link writes the file it points to; an existing file keeps its
/// permissions; a new file gets those of any new file (0666 less the umask). On failure the
/// temporary file is removed.
pub fn write_atomically(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with_mode(fs, path, bytes, 0o666)
}

/// Like [`write_atomically`], but a new file is readable by its owner only (0600): copies of
/// a review kept on the user's behalf (backups, recovery journals) must not be more open than
/// the project they copy.
pub fn write_privately(fs: &dyn FileSystem, path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically_with_mode(fs, path, bytes, 0o600)
}

/// Creates `folder` and its parents, readable by their owner only where they are new.
pub fn create_private_folder(folder: &Path) -> Result<(), WriteError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(folder).map_err(|source| WriteError::Io {
        path: folder.to_owned(),
        step: SaveStep::CreateTemporary,
        source,
    })
}

fn write_atomically_with_mode(
    fs: &dyn FileSystem,
    path: &Path,
    bytes: &[u8],
    new_file_mode: u32,
) -> Result<(), WriteError> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_owned(),
            folder,
        });
    }
    // Renaming over a device or a folder would destroy it; over a read-only file, would
    // ignore what its owner asked for.
    let existing = std::fs::metadata(&target).ok();
    if let Some(metadata) = &existing {
        if !metadata.is_file() {
            return Err(WriteError::NotAFile {
                path: path.to_owned(),
            });
        }
        if metadata.permissions().readonly() {
            return Err(WriteError::ReadOnly {
                path: path.to_owned(),
            });
        }
    }
    let failed = |step, source| WriteError::Io {
        path: path.to_owned(),
        step,
        source,
    };
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new file gets what any new file gets; a replacement starts private and takes the old
    // file's permissions just before the rename.
    let mode = if existing.is_some() {
        0o600
    } else {
        new_file_mode
    };
    let (temporary, mut file) = create_temporary(fs, &folder, &file_name, mode)
        .map_err(|error| failed(SaveStep::CreateTemporary, error))?;
    let written = (|| {
        fs.write_all(&mut file, bytes)
            .map_err(|error| (SaveStep::Write, error))?;
        fs.flush(&file).map_err(|error| (SaveStep::Flush, error))?;
        drop(file);
        if let Some(metadata) = &existing {
            fs.set_permissions(&temporary, metadata.permissions())
                .map_err(|error| (SaveStep::KeepPermissions, error))?;
        }
        fs.rename(&temporary, &target)
            .map_err(|error| (SaveStep::Rename, error))
    })();
    if let Err((step, error)) = written {
        // The target was never touched; only the temporary file has to go.
        let _ = fs.remove_file(&temporary);
        return Err(failed(step, error));
    }
    match fs.sync_folder(&folder) {
        Ok(()) => Ok(()),
        // Some filesystems cannot sync a folder at all; that is not a failed save.
        Err(error)
            if matches!(
                error.kind(),
                io::ErrorKind::Unsupported | io::ErrorKind::InvalidInput
            ) =>
        {
            Ok(())
        }
        Err(error) => Err(failed(SaveStep::SyncFolder, error)),
    }
}

/// Creates `.NAME.RANDOM.tmp` in `folder`, a name no other save is using.
fn create_temporary(
    fs: &dyn FileSystem,
    folder: &Path,
    file_name: &str,
    mode: u32,
) -> io::Result<(PathBuf, std::fs::File)> {
    let mut last_error = None;
    for _ in 0..16 {
        let random: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(8)
            .collect();
        let temporary = folder.join(format!(".{file_name}.{random}.tmp"));
        match fs.create_new(&temporary, Some(mode)) {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                last_error = Some(error);
            }
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::fs::{Fault, FaultyFileSystem, RealFileSystem};

    fn files_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_old_file_or_the_new_one_and_no_temporary() {
        for step in SaveStep::ALL {
            for fault in [
                Fault::Error(io::ErrorKind::Other),
                Fault::DiskFull { bytes_written: 5 },
            ] {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("review.copydesk.ron");
                std::fs::write(&path, "old content").unwrap();
                let fs = FaultyFileSystem::failing(step, fault);
                let result = write_atomically(&fs, &path, b"new content, longer");
                let error = result.expect_err("the injected fault is reported");
                let on_disk = std::fs::read_to_string(&path).unwrap();
                let expected = if step == SaveStep::SyncFolder {
                    "new content, longer"
                } else {
                    "old content"
                };
                assert_eq!(on_disk, expected, "{step:?} {fault:?}");
                assert_eq!(files_in(dir.path()), ["review.copydesk.ron"], "{step:?}");
                assert!(error.to_string().contains("review.copydesk.ron"), "{error}");
                if matches!(fault, Fault::DiskFull { .. }) {
                    assert!(error.is_disk_full());
                    assert!(error.to_string().contains("disk is full"), "{error}");
                }
            }
        }
    }

    #[test]
    fn a_name_taken_by_a_leftover_temporary_file_is_not_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write_atomically(&RealFileSystem, &path, b"one").unwrap();
        write_atomically(&RealFileSystem, &path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(files_in(dir.path()), ["a.txt"]);
    }
}
