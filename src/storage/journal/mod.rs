//! The recovery journal: the open review, written a moment after each change to copydesk's
//! data folder, so a crash, a kill or a power cut loses at most those seconds.
//!
//! A journal is a project file with one header line in front (a RON comment holding JSON:
//! which project it belongs to, who wrote it and when), so it is read with the same care as a
//! project and can even be opened by hand. Each running desk writes its own journal; when
//! the review is saved or closed on purpose the journal is removed. A journal whose process
//! is gone was left by a crash: the next start offers it back.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::atomic::{WriteError, create_private_folder, write_privately};
use super::fs::FileSystem;
use super::lock::{Liveness, LockOwner};
use crate::model::Project;
use crate::project_file::{
    PROJECT_EXTENSION, ProjectFileError, project_from_ron, ron_from_project,
};

/// The first line of every journal, before its JSON header.
const HEADER_PREFIX: &str = "// copydesk recovery journal: ";

/// What a journal says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalMeta {
    /// The project file the review belongs to; `None` for a review not saved yet.
    pub project_path: Option<PathBuf>,
    /// The article it was imported from, for a review not saved yet.
    pub article_path: Option<PathBuf>,
    /// The name the desk showed for the review.
    pub name: String,
    /// The project file's content hash when it was opened or last saved (see `ContentHash`).
    pub base_hash: Option<String>,
    /// The format version of that file, so a restored review still keeps the original of an
    /// older file before upgrading it. Absent in journals written before it was recorded.
    #[serde(default)]
    pub base_version: Option<u32>,
    /// The desk that wrote it.
    pub writer: LockOwner,
    pub written_at: Timestamp,
}

#[derive(Debug, Error)]
pub enum JournalError {
    #[error("{path}: cannot read the recovery journal: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a copydesk recovery journal, or a damaged one")]
    NotAJournal { path: PathBuf },
    #[error(transparent)]
    Project(#[from] ProjectFileError),
    #[error("cannot write the recovery journal: {0}")]
    Serialize(String),
    #[error("{path}: another running copydesk is using this recovery journal")]
    InUse { path: PathBuf },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// A journal found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    pub path: PathBuf,
    pub meta: JournalMeta,
}

/// The journals under one data folder.
#[derive(Clone, Debug)]
pub struct Journals {
    folder: PathBuf,
}

impl Journals {
    /// Journals kept under `data_dir/recovery`.
    pub fn in_data_dir(data_dir: &Path) -> Self {
        Self {
            folder: data_dir.join("recovery"),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// A journal name no other desk uses.
    pub fn new_journal_path(&self) -> PathBuf {
        let random: String = std::iter::repeat_with(fastrand::alphanumeric)
            .take(8)
            .collect();
        self.folder.join(format!(
            "{}-{random}{PROJECT_EXTENSION}",
            std::process::id()
        ))
    }

    /// Every journal in the folder that can be read (others are skipped: a journal is a
    /// second copy, and a damaged one must not stop the desk from starting).
    pub fn all(&self) -> Vec<JournalEntry> {
        let mut journals: Vec<JournalEntry> = self
            .files()
            .into_iter()
            .filter_map(|path| {
                let meta = read_meta(&path).ok()?;
                Some(JournalEntry { path, meta })
            })
            .collect();
        journals.sort_by_key(|journal| std::cmp::Reverse(journal.meta.written_at));
        journals
    }

    /// Files in the folder named like journals that cannot be read as one: left where they
    /// are for a person to look at, and counted so they are not forgotten.
    pub fn unreadable(&self) -> Vec<PathBuf> {
        self.files()
            .into_iter()
            .filter(|path| read_meta(path).is_err())
            .collect()
    }

    fn files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.to_string_lossy().ends_with(PROJECT_EXTENSION))
            .collect()
    }

    /// Journals left behind by a desk that is no longer running: a crash or a kill. A
    /// running desk holds its journal's claim (see [`JournalClaim`]); a journal without one
    /// counts as left behind only when its writer is known to be gone.
    pub fn orphaned(&self) -> Vec<JournalEntry> {
        self.all()
            .into_iter()
            .filter(|journal| match is_claimed(&journal.path) {
                Some(claimed) => !claimed,
                None => journal.meta.writer.liveness() == Liveness::Gone,
            })
            .collect()
    }
}

/// A running desk's hold on its journal: an operating-system lock on `NAME.alive` beside it.
/// The system releases it when the process ends, however it ends (a crash, `kill -9`), so
/// a journal whose claim can be taken was left by a desk that is gone — on any platform, and
/// without trusting process ids.
#[derive(Debug)]
pub struct JournalClaim {
    _file: std::fs::File,
}

impl JournalClaim {
    /// Claims `journal` for this desk; fails if another running desk holds it.
    pub fn take(journal: &Path) -> Result<Self, JournalError> {
        let alive = alive_path(journal);
        if let Some(folder) = alive.parent() {
            create_private_folder(folder)?;
        }
        let io_error = |source| JournalError::Read {
            path: alive.clone(),
            source,
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&alive)
            .map_err(io_error)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(JournalError::InUse {
                path: journal.to_owned(),
            }),
            Err(std::fs::TryLockError::Error(source)) => Err(io_error(source)),
        }
    }
}

/// The claim file of a journal.
fn alive_path(journal: &Path) -> PathBuf {
    journal.with_extension("alive")
}

/// Whether a running desk holds `journal`'s claim; `None` when it has no claim file or the
/// lock cannot be tried (then the writer's process id is the only clue).
fn is_claimed(journal: &Path) -> Option<bool> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(alive_path(journal))
        .ok()?;
    match file.try_lock() {
        // Taken only to look: released when `file` is dropped.
        Ok(()) => Some(false),
        Err(std::fs::TryLockError::WouldBlock) => Some(true),
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}

/// Removes a journal and its claim file (the claim, if held, is released after).
pub fn remove_journal(journal: &Path, claim: Option<JournalClaim>) {
    let _ = std::fs::remove_file(journal);
    let _ = std::fs::remove_file(alive_path(journal));
    drop(claim);
}

/// A journal's bytes: the header line, then the project file.
pub fn journal_bytes(meta: &JournalMeta, project: &Project) -> Result<Vec<u8>, JournalError> {
    let header = serde_json::to_string(meta).map_err(|e| JournalError::Serialize(e.to_string()))?;
    let body = ron_from_project(project).map_err(|e| JournalError::Serialize(e.to_string()))?;
    Ok(format!("{HEADER_PREFIX}{header}\n{body}").into_bytes())
}

/// Writes a journal atomically (it is the only copy of the last changes).
pub fn write_journal(
    fs: &dyn FileSystem,
    path: &Path,
    meta: &JournalMeta,
    project: &Project,
) -> Result<(), JournalError> {
    let bytes = journal_bytes(meta, project)?;
    if let Some(folder) = path.parent() {
        create_private_folder(folder)?;
    }
    write_privately(fs, path, &bytes)?;
    Ok(())
}

/// Reads only a journal's header line (at most 64 KiB of it: a header is a few hundred bytes).
pub fn read_meta(path: &Path) -> Result<JournalMeta, JournalError> {
    use std::io::Read as _;
    let read_error = |source| JournalError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut head = Vec::new();
    file.take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(read_error)?;
    let line = head.split(|byte| *byte == b'\n').next().unwrap_or_default();
    std::str::from_utf8(line)
        .ok()
        .and_then(meta_from_line)
        .ok_or_else(|| JournalError::NotAJournal {
            path: path.to_owned(),
        })
}

fn meta_from_line(line: &str) -> Option<JournalMeta> {
    serde_json::from_str(line.strip_prefix(HEADER_PREFIX)?.trim_end()).ok()
}

/// Reads a whole journal: its header and the review it holds.
pub fn read_journal(path: &Path) -> Result<(JournalMeta, Project), JournalError> {
    let bytes = std::fs::read(path).map_err(|source| JournalError::Read {
        path: path.to_owned(),
        source,
    })?;
    let not_a_journal = || JournalError::NotAJournal {
        path: path.to_owned(),
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| not_a_journal())?;
    let (header, body) = text.split_once('\n').ok_or_else(not_a_journal)?;
    let meta = meta_from_line(header).ok_or_else(not_a_journal)?;
    let project = project_from_ron(path, body)?;
    Ok((meta, project))
}

mod what_it_holds;

pub use what_it_holds::{what_restoring_brings_back, what_would_be_restored};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::fs::RealFileSystem;

    fn sample() -> Project {
        crate::sample::sample_project(Timestamp::now()).unwrap()
    }

    fn meta(pid: u32) -> JournalMeta {
        JournalMeta {
            project_path: Some(PathBuf::from("/reviews/story.copydesk.ron")),
            article_path: None,
            name: "story.copydesk.ron".to_owned(),
            base_hash: None,
            base_version: None,
            writer: LockOwner {
                pid,
                ..LockOwner::this_process()
            },
            written_at: Timestamp::now(),
        }
    }

    #[test]
    fn a_journal_reads_back_as_written() {
        let data = tempfile::tempdir().unwrap();
        let journals = Journals::in_data_dir(data.path());
        let path = journals.new_journal_path();
        let project = sample();
        let written = meta(std::process::id());
        write_journal(&RealFileSystem, &path, &written, &project).unwrap();
        let (read_meta, read_project) = read_journal(&path).unwrap();
        assert_eq!(read_meta, written);
        assert_eq!(read_project, project);
        assert_eq!(journals.all().len(), 1);
        assert!(journals.orphaned().is_empty(), "this process is running");
    }

    #[test]
    fn a_journal_of_a_process_that_is_gone_is_orphaned() {
        let data = tempfile::tempdir().unwrap();
        let journals = Journals::in_data_dir(data.path());
        let mut child = std::process::Command::new("true").spawn().unwrap();
        child.wait().unwrap();
        let path = journals.new_journal_path();
        write_journal(&RealFileSystem, &path, &meta(child.id()), &sample()).unwrap();
        std::fs::write(journals.folder().join("junk.copydesk.ron"), "not a journal").unwrap();
        let orphaned = journals.orphaned();
        assert_eq!(orphaned.len(), 1, "the damaged file is skipped");
        assert_eq!(
            journals.unreadable(),
            [journals.folder().join("junk.copydesk.ron")]
        );
        assert_eq!(orphaned[0].path, path);
    }

    #[test]
    fn a_claimed_journal_is_not_orphaned_whatever_its_header_says() {
        let data = tempfile::tempdir().unwrap();
        let journals = Journals::in_data_dir(data.path());
        let path = journals.new_journal_path();
        let claim = JournalClaim::take(&path).unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        child.wait().unwrap();
        write_journal(&RealFileSystem, &path, &meta(child.id()), &sample()).unwrap();
        assert!(journals.orphaned().is_empty(), "a running desk holds it");
        assert!(matches!(
            JournalClaim::take(&path),
            Err(JournalError::InUse { .. })
        ));
        drop(claim);
        assert_eq!(journals.orphaned().len(), 1, "its desk is gone");
        remove_journal(&path, None);
        assert!(journals.all().is_empty());
        assert_eq!(std::fs::read_dir(journals.folder()).unwrap().count(), 0);
    }

    #[test]
    fn what_would_be_restored_names_the_differences() {
        let saved = sample();
        let mut journal = saved.clone();
        journal.comments.pop();
        journal.claims[0].note = "Checked with the city.".to_owned();
        journal.sections[0].status = crate::model::ReviewStatus::Approved;
        let lines = what_would_be_restored(Some(&saved), &journal);
        let text = lines.join("\n");
        assert!(text.contains("1 comment removed"), "{text}");
        assert!(text.contains("1 claim changed"), "{text}");
        assert!(text.contains("approved (was"), "{text}");
        assert!(what_would_be_restored(Some(&saved), &saved).is_empty());
        let mut commented = saved.clone();
        let mut comment = saved.comments[0].clone();
        comment.id = crate::model::CommentId::random();
        comment.body = "Source for the 4,000 figure? The city report says 3,800, and the mayor's office says fewer.".to_owned();
        commented.comments.push(comment);
        let lines = what_would_be_restored(Some(&saved), &commented);
        assert_eq!(lines[0], "1 comment added.");
        assert_eq!(
            lines[1],
            "New comment: “Source for the 4,000 figure? The city report says 3,800, and…”"
        );
        assert!(what_would_be_restored(None, &saved)[0].contains("never saved"));
    }
}
