//! Opening a file the user named, whichever kind it is: a project, or an article to import.

use std::path::Path;

use jiff::Timestamp;

use crate::import::{ImportError, import_file};
use crate::model::Project;
use crate::project_file::{
    FORMAT_VERSION, ProjectFileError, is_project_path, load_project, project_file_bytes,
    read_project_bytes,
};
use crate::storage::ContentHash;

/// Either way a file can fail to open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Project(#[from] ProjectFileError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// A file opened for the desk.
#[derive(Clone, Debug)]
pub struct Opened {
    pub project: Project,
    /// `None` for an imported article.
    pub file: Option<ProjectOnDisk>,
}

/// What was read from a project file, to check it has not changed when saving over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProjectOnDisk {
    pub hash: ContentHash,
    /// The format version it was written in.
    pub version: u32,
}

impl ProjectOnDisk {
    pub fn is_older_version(&self) -> bool {
        self.version < FORMAT_VERSION
    }

    pub fn is_newer_version(&self) -> bool {
        self.version > FORMAT_VERSION
    }
}

/// Reads a project file, or imports an article, judging by the file.
pub fn project_from_path(path: &Path) -> Result<Project, OpenError> {
    if is_project_path(path) {
        Ok(load_project(path)?)
    } else {
        Ok(import_file(path, Timestamp::now())?)
    }
}

/// Like [`project_from_path`], and for a project also what its file held. A project from a
/// newer copydesk is read as far as this version understands it (see
/// [`ProjectOnDisk::is_newer_version`]): it must be opened read-only.
pub fn open_path(path: &Path) -> Result<Opened, OpenError> {
    if !is_project_path(path) {
        return Ok(Opened {
            project: import_file(path, Timestamp::now())?,
            file: None,
        });
    }
    let bytes = project_file_bytes(path)?;
    // The hash (what "changed on disk" is judged by) is computed while the text is parsed:
    // for a book that is ~10 of the ~100 ms opening takes.
    let (read, hash) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| ContentHash::of(&bytes));
        let read = read_project_bytes(path, &bytes);
        let hash = hashing.join().unwrap_or_else(|_| ContentHash::of(&bytes));
        (read, hash)
    });
    let read = read?;
    Ok(Opened {
        project: read.project,
        file: Some(ProjectOnDisk {
            hash,
            version: read.version,
        }),
    })
}
