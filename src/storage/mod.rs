//! Keeping a review safe on disk: the promises of docs/RELIABILITY.md.
//!
//! - [`fs`]: the filesystem seam every write goes through, and a faulty one for tests;
//! - [`atomic`]: replacing a file so a failure leaves the old version or the new one (a
//!   project, an export);
//! - [`save`]: the one way to save a project ([`save_project`]): refusing to overwrite a file
//!   someone else changed, keeping the previous version as a backup first; and, for a save
//!   made without a desk, which backup was kept and who has the file open
//!   ([`save_keeping_backup`]);
//! - [`backups`]: a few rotating previous versions per project, in the data folder;
//! - [`lock`]: a lock file that says who has a project open;
//! - [`journal`]: the recovery journal written a moment after each change;
//! - [`safekeeping`]: the data folder those live in, and the filesystem writes go through.
//!
//! Nothing here knows about the desk: the desk and the command line decide when to call it and
//! which folder to use.

pub mod atomic;
pub mod backups;
pub mod fs;
pub mod journal;
pub mod lock;
pub mod safekeeping;
pub mod save;

use sha2::{Digest as _, Sha256};

pub use atomic::{WriteError, write_atomically};
pub use safekeeping::{Safekeeping, data_folder_for_this_user};
pub use save::{
    Expectation, SaveError, SaveRequest, Saved, SavedWithoutDesk, save_keeping_backup, save_project,
};

use std::path::{Path, PathBuf};

/// A file's full path through symbolic links, even before the file exists: what a lock, a
/// backup folder or a comparison must be keyed on, so a link and its file are one project.
pub fn resolved_path(file: &Path) -> PathBuf {
    if let Ok(full) = std::fs::canonicalize(file) {
        return full;
    }
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.map_or_else(|| PathBuf::from("."), Path::to_owned);
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    match file.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}
pub use fs::{Fault, FaultyFileSystem, FileSystem, RealFileSystem, SaveStep};

/// The SHA-256 of a file's bytes: a change that keeps the size and the time still changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// The hash as 64 hexadecimal digits.
    pub fn hex(&self) -> String {
        self.0.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    /// Reads a hash written by [`ContentHash::hex`].
    pub fn from_hex(hex: &str) -> Option<Self> {
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut bytes = [0; 32];
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&hex[index * 2..index * 2 + 2], 16).ok()?;
        }
        Some(Self(bytes))
    }
}

impl std::fmt::Display for ContentHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_reads_back_from_its_hex() {
        let hash = ContentHash::of(b"review");
        assert_eq!(ContentHash::from_hex(&hash.hex()), Some(hash));
        assert_ne!(ContentHash::of(b"reviex"), hash);
        assert_eq!(ContentHash::from_hex("zz"), None);
    }
}
