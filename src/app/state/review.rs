//! The review open in the desk: its document (the project and its history), where it lives
//! on disk, whether it may be changed here, and what the desk keeps beside it (its lock, its
//! recovery journal, the index of its marks and of its conflicts).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::conflict_index::ConflictIndex;
use super::files::journal_state::JournalState;
use crate::app::background::ReviewKey;
use crate::document::Document;
use crate::model::{MarkIndex, Project};
use crate::open::ProjectOnDisk;
use crate::project_file::FORMAT_VERSION;
use crate::storage::lock::ProjectLock;
use crate::text::file_name;

/// A review open in the desk.
#[derive(Debug)]
pub struct OpenReview {
    /// Tells reviews apart, so views drop what they cached for the previous one.
    serial: u64,
    document: Document,
    /// The project file, once the review has been saved or was opened from one.
    pub(super) path: Option<PathBuf>,
    /// The article it was imported from, if it was imported in this session.
    pub(super) article_path: Option<PathBuf>,
    /// What the project file held when it was opened or last saved.
    pub(super) on_disk: Option<ProjectOnDisk>,
    /// The project as the desk last read or saved it: the version both sides started from
    /// when someone else's changes to the file are merged in. Shared with the save that
    /// wrote it, not copied again.
    pub(super) base: Option<Arc<Project>>,
    /// Set when the review cannot be changed in this window, and why.
    pub(super) read_only: Option<ReadOnly>,
    /// The project's lock file, while this window holds it.
    pub(super) lock: Option<ProjectLock>,
    pub(super) journal: JournalState,
    /// The marks and the conflicts by section, as of `marks_change_count` of the document.
    marks: MarkIndex,
    conflicts: ConflictIndex,
    marks_change_count: Option<u64>,
}

/// Why a review is open read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Someone else has it open (their lock file says who).
    OpenElsewhere { owner: String },
    /// It was saved by a newer copydesk, in this format version.
    NewerVersion { version: u32 },
}

impl OpenReview {
    pub fn new(document: Document, path: Option<PathBuf>, article_path: Option<PathBuf>) -> Self {
        static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);
        let journal = JournalState::new(document.change_count());
        let marks = MarkIndex::of(document.project());
        let conflicts = ConflictIndex::of(document.project());
        let marks_change_count = Some(document.structure_change_count());
        Self {
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
            document,
            path,
            article_path,
            on_disk: None,
            base: None,
            read_only: None,
            lock: None,
            journal,
            marks,
            conflicts,
            marks_change_count,
        }
    }

    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The review as it is now: what a task started for it must find to land.
    pub fn key(&self) -> ReviewKey {
        ReviewKey {
            serial: self.serial,
            change_count: self.document.change_count(),
        }
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The document, to change: only the desk's state does (`AppState::apply`, undo, saving).
    pub(super) fn document_mut(&mut self) -> &mut Document {
        &mut self.document
    }

    pub fn project(&self) -> &Project {
        self.document.project()
    }

    /// The project file, once the review has been saved or was opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Why the review cannot be changed here, if it cannot.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    pub fn is_dirty(&self) -> bool {
        self.document.is_dirty()
    }

    /// The project's marks by section, as of the last `AppState::refresh` (every frame,
    /// before anything is drawn).
    pub fn marks(&self) -> &MarkIndex {
        &self.marks
    }

    /// The conflicts a merge left, by section, as of the last `AppState::refresh`.
    pub fn conflicts(&self) -> &ConflictIndex {
        &self.conflicts
    }

    pub(super) fn refresh_marks(&mut self) {
        let changes = self.document.structure_change_count();
        if self.marks_change_count != Some(changes) {
            self.marks = MarkIndex::of(self.document.project());
            self.conflicts = ConflictIndex::of(self.document.project());
            self.marks_change_count = Some(changes);
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => file_name(path),
            None => self.project().draft.file_name.clone(),
        }
    }

    /// The file a new project file, an export or a dialog should sit beside: the project
    /// file, else the article it was imported from, else the draft's name.
    pub(super) fn beside(&self) -> PathBuf {
        self.path
            .clone()
            .or_else(|| self.article_path.clone())
            .unwrap_or_else(|| PathBuf::from(&self.project().draft.file_name))
    }
}

impl ReadOnly {
    /// Why the review cannot be changed, and what to do.
    pub fn explanation(&self) -> String {
        match self {
            Self::OpenElsewhere { owner } => format!(
                "this review is open for {owner}, so it is read-only here; use Save as… to keep a copy of your own"
            ),
            Self::NewerVersion { version } => format!(
                "this review was saved by a newer copydesk (format version {version}; this one writes version {FORMAT_VERSION}), so it is read-only here; update copydesk to change it"
            ),
        }
    }

    /// Whether saving a copy under another name is allowed (it cannot harm the original).
    /// Not for a newer file: the copy would silently lose what this version does not know.
    pub fn allows_save_as(&self) -> bool {
        matches!(self, Self::OpenElsewhere { .. })
    }
}
