//! Finding and reading the review files the library is built from: the folders walked for
//! `.ron` files, each file read with the project loader's size limit, hashed, and parsed only
//! when its content hash changed since the library last read it.
//!
//! Reading and parsing is the heavy part of an update (a review is a whole article), so it
//! runs on two threads while the caller, on its own thread, writes what they read into the
//! index: the index needs one writer, and the files need not wait for it.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::record::{LibraryClaim, claims_of_project};
use crate::progress::Progress;
use crate::project_file::{project_file_bytes, read_project_bytes};
use crate::storage::ContentHash;

/// How many files are read at once: the machines copydesk targets have two cores.
const READING_THREADS: usize = 2;

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

/// The review files found under the library's folders.
#[derive(Debug, Default)]
pub struct FoundFiles {
    /// Every `.ron` file, sorted.
    pub files: Vec<PathBuf>,
    /// Folders that could not be listed (gone, unmounted, not readable), with why: the reviews
    /// the library had from them are kept, since nothing says they were deleted.
    pub unreadable_folders: Vec<SkippedReview>,
}

impl FoundFiles {
    /// Whether `path` lies in a folder that could not be listed this time.
    pub fn is_in_unreadable_folder(&self, path: &Path) -> bool {
        self.unreadable_folders
            .iter()
            .any(|folder| path.starts_with(&folder.path))
    }
}

/// Whether a file name is a review's: `.ron` (`.copydesk.ron` is the usual ending; a `.ron`
/// that is not a project is named as skipped by the loader), not hidden (lock files, editors'
/// temporary copies).
pub fn is_review_file_name(name: &str) -> bool {
    !name.starts_with('.') && name.to_lowercase().ends_with(".ron")
}

/// The review files under `folders`, walked recursively: hidden folders (`.git`, …) skipped,
/// symbolic links followed but each real folder walked once, so a link back up the tree
/// never loops.
pub fn review_files_in(folders: &[PathBuf]) -> FoundFiles {
    let mut found = FoundFiles::default();
    let mut walked: HashSet<PathBuf> = HashSet::new();
    let mut pending: Vec<PathBuf> = folders.iter().rev().cloned().collect();
    while let Some(folder) = pending.pop() {
        let real = std::fs::canonicalize(&folder).unwrap_or_else(|_| folder.clone());
        if !walked.insert(real) {
            continue;
        }
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) => {
                found.unreadable_folders.push(SkippedReview {
                    path: folder.clone(),
                    reason: format!("the folder cannot be read: {error}"),
                });
                continue;
            }
        };
        let mut subfolders = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            // `metadata` follows a symbolic link; a broken link is nothing to read.
            let Ok(metadata) = std::fs::metadata(&path) else {
                continue;
            };
            if metadata.is_dir() {
                if !name.starts_with('.') {
                    subfolders.push(path);
                }
            } else if metadata.is_file() && is_review_file_name(&name) {
                found.files.push(path);
            }
        }
        subfolders.sort();
        pending.extend(subfolders.into_iter().rev());
    }
    found.files.sort();
    found.files.dedup();
    found
}

/// What reading one review file gave.
#[derive(Debug)]
pub enum ReadReview {
    /// Its content hash is the one the library has: not parsed.
    Unchanged { path: PathBuf },
    /// Parsed: its claims, ready to index.
    Read(ReviewRead),
    /// It could not be read or parsed; `reason` is the loader's message.
    Unreadable { path: PathBuf, reason: String },
}

/// A review file read and parsed.
#[derive(Debug)]
pub struct ReviewRead {
    pub path: PathBuf,
    pub hash: ContentHash,
    /// The file's size in bytes.
    pub size: u64,
    /// The review's title.
    pub article: String,
    pub claims: Vec<LibraryClaim>,
    /// The format version the file was written in: a file from a newer copydesk is indexed
    /// as far as this version understands it, like the desk opens it read-only.
    pub version: u32,
}

/// Reads `files` on two threads, handing each result to `take` on the calling thread, in
/// no particular order, and counting one unit of `progress` per file. Files whose hash is
/// the one in `known` are not parsed. Stops early once `progress` is cancelled or `take`
/// breaks; the files not handed over yet are left unread.
pub fn read_reviews(
    files: &[PathBuf],
    known: &HashMap<PathBuf, ContentHash>,
    progress: &Progress,
    mut take: impl FnMut(ReadReview) -> ControlFlow<()>,
) {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // A few results may wait for the writer; the rest wait unread, so memory stays small.
        let (sender, receiver) = mpsc::sync_channel::<ReadReview>(8);
        for _ in 0..READING_THREADS {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) && !progress.is_cancelled() {
                    let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    if sender.send(read_review(path, known.get(path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for read in &receiver {
            progress.advance(1);
            if progress.is_cancelled() || take(read).is_break() {
                stop.store(true, Ordering::Relaxed);
                break;
            }
        }
        // Unblocks a reader waiting to send, so the scope can end.
        drop(receiver);
    });
}

/// Reads one review file, unless its hash is `known`.
pub fn read_review(path: &Path, known: Option<&ContentHash>) -> ReadReview {
    let unreadable = |error: &dyn std::fmt::Display| ReadReview::Unreadable {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let bytes = match project_file_bytes(path) {
        Ok(bytes) => bytes,
        Err(error) => return unreadable(&error),
    };
    let hash = ContentHash::of(&bytes);
    if known == Some(&hash) {
        return ReadReview::Unchanged {
            path: path.to_owned(),
        };
    }
    match read_project_bytes(path, &bytes) {
        Ok(read) => ReadReview::Read(ReviewRead {
            path: path.to_owned(),
            hash,
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            article: read.project.title.clone(),
            claims: claims_of_project(&read.project, path),
            version: read.version,
        }),
        Err(error) => unreadable(&error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_files_are_found_in_subfolders_but_not_in_hidden_ones() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        std::fs::create_dir_all(root.join("desk/2026")).unwrap();
        std::fs::create_dir_all(root.join(".git/objects")).unwrap();
        for name in [
            "a.copydesk.ron",
            "desk/2026/b.RON",
            "desk/notes.txt",
            ".git/objects/c.copydesk.ron",
            "desk/.a.copydesk.ron.lock",
            "desk/.hidden.ron",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let found = review_files_in(&[root.to_path_buf()]);
        assert_eq!(
            found.files,
            vec![root.join("a.copydesk.ron"), root.join("desk/2026/b.RON")]
        );
        assert!(found.unreadable_folders.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_the_tree_is_walked_once() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.copydesk.ron"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let found = review_files_in(&[root.to_path_buf()]);
        assert_eq!(found.files, vec![root.join("sub/a.copydesk.ron")]);
    }

    #[test]
    fn a_missing_folder_is_named_and_its_reviews_kept() {
        let folder = tempfile::tempdir().unwrap();
        let gone = folder.path().join("gone");
        let found = review_files_in(std::slice::from_ref(&gone));
        assert_eq!(found.unreadable_folders.len(), 1);
        assert!(found.is_in_unreadable_folder(&gone.join("a.copydesk.ron")));
    }

    #[test]
    fn an_unreadable_file_is_named_with_the_loaders_reason() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("broken.copydesk.ron");
        std::fs::write(&path, "(format: \"copydesk-project\", version: 6, title: ").unwrap();
        let ReadReview::Unreadable { reason, .. } = read_review(&path, None) else {
            panic!("a broken file was read");
        };
        assert!(reason.contains("damaged"), "{reason}");
    }
}
