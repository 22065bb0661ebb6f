//! PLACEHOLDER: the store helper writes this module (folders walked, files read and indexed
//! by content hash). The public items below are the contract.

use std::path::PathBuf;

/// A review file the library could not read: named, with why, and skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedReview {
    pub path: PathBuf,
    pub reason: String,
}

/// What bringing the library up to date did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateReport {
    /// Review files read and indexed (new or changed since last time).
    pub indexed: usize,
    /// Review files whose content hash had not changed: not read again.
    pub unchanged: usize,
    /// Review files gone from their folders since last time: their claims dropped.
    pub removed: usize,
    /// Claims the library holds after the update.
    pub claims: usize,
    /// Files that could not be read, named with why.
    pub skipped: Vec<SkippedReview>,
    /// The index was damaged and was rebuilt from the files.
    pub rebuilt: bool,
}
