//! PLACEHOLDER: the store helper writes this module (SQLite with FTS5 in the data folder).
//! The public items below are the contract.

use std::path::{Path, PathBuf};

use super::matching::Matcher;
use super::record::LibraryClaim;
use super::scan::UpdateReport;
use crate::model::Project;
use crate::progress::Progress;

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("the claim library {path} cannot be used: {reason}")]
    Unusable { path: PathBuf, reason: String },
}

/// How much the library holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryStats {
    pub folders: Vec<PathBuf>,
    pub reviews: usize,
    pub claims: usize,
    /// Claims by status key (`verified`, `incorrect`, `unverifiable`, `in_progress`).
    pub by_status: Vec<(String, usize)>,
    /// The index's size on disk, in bytes.
    pub index_bytes: u64,
}

/// The claim library in the data folder.
#[derive(Debug)]
pub struct Library {
    path: PathBuf,
}

impl Library {
    /// The library of the data folder (`DATA/library/`), created if there is none; a damaged
    /// index is rebuilt empty (the next `update` reads the files again).
    pub fn open_in(data_folder: &Path) -> Result<Self, LibraryError> {
        Self::open(&data_folder.join("library").join("claims.sqlite"))
    }

    pub fn open(path: &Path) -> Result<Self, LibraryError> {
        Ok(Self {
            path: path.to_path_buf(),
        })
    }

    /// The folders the library reads reviews from.
    pub fn folders(&self) -> Result<Vec<PathBuf>, LibraryError> {
        Err(self.unusable())
    }

    /// Remembers a folder to read reviews from (made absolute); `update` reads it.
    pub fn add_folder(&mut self, _folder: &Path) -> Result<(), LibraryError> {
        Err(self.unusable())
    }

    pub fn remove_folder(&mut self, _folder: &Path) -> Result<(), LibraryError> {
        Err(self.unusable())
    }

    /// Reads every review (`*.copydesk.ron`, `*.ron` that is a project) in the folders, only
    /// those whose content hash changed since last time, counting into `progress` and
    /// stopping early once it is cancelled.
    pub fn update(&mut self, _progress: &Progress) -> Result<UpdateReport, LibraryError> {
        Err(self.unusable())
    }

    /// Adds (or replaces) the claims of a review the user opened or saved.
    pub fn add_review(&mut self, _path: &Path, _project: &Project) -> Result<(), LibraryError> {
        Err(self.unusable())
    }

    /// The claims whose words match `text` (full-text search), best first.
    pub fn search(&self, _text: &str, _limit: usize) -> Result<Vec<LibraryClaim>, LibraryError> {
        Err(self.unusable())
    }

    /// Every claim, by article then position.
    pub fn list(&self) -> Result<Vec<LibraryClaim>, LibraryError> {
        Err(self.unusable())
    }

    pub fn stats(&self) -> Result<LibraryStats, LibraryError> {
        Err(self.unusable())
    }

    /// Every claim loaded for matching.
    pub fn matcher(&self) -> Result<Matcher, LibraryError> {
        Ok(Matcher::new(self.list()?))
    }

    fn unusable(&self) -> LibraryError {
        LibraryError::Unusable {
            path: self.path.clone(),
            reason: "not written yet".to_owned(),
        }
    }
}
