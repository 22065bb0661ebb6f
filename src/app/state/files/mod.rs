//! Files, saving and long work: what the desk reads and writes, and the work it does off the
//! window's thread while doing so.
//!
//! [`Files`] owns the file dialogs, the file thread (saves and recovery journals, in order),
//! the long job (an open or a revision), the export being written, and the reviews a crashed
//! desk left. Each flow is a file of its own: `opening`, `dialog_answers` (and `chooser`,
//! copydesk's own file chooser where no system dialog can appear), `saving`, `recovery`,
//! `export`, `long_work`, `merging`, `starting` (the last review, an article with a review
//! beside it); `landing` decides when a finished job's result may land.

mod chooser;
mod dialog_answers;
mod export;
mod fetching;
pub(super) mod journal_state;
mod landing;
mod long_work;
mod merging;
mod opening;
mod recovery;
mod saving;
mod starting;

use std::path::PathBuf;
use std::time::Instant;

pub use chooser::{ChooserRequest, Place};
pub(crate) use long_work::with_thousands;
pub use long_work::{SHOW_PROGRESS_AFTER, WorkInProgress};
pub use recovery::RecoveryOffer;

use crate::app::background::{SerialWorker, Task};
use crate::app::file_dialogs::{FileDialogs, PendingDialog};
use crate::export::ExportFormat;
use crate::storage::Safekeeping;

use super::dialogs::AfterUnsaved;

/// A file dialog that has not answered yet, and what it was asked for.
#[derive(Debug)]
struct AskedDialog {
    dialog: PendingDialog,
    /// The review that was open when the dialog was asked for.
    review_serial: Option<u64>,
    /// What to do after a successful save.
    after_save: Option<AfterUnsaved>,
    /// The folder it was asked to show first.
    folder: Option<PathBuf>,
    /// When it was asked for: a system dialog that answers Cancel sooner than a person could
    /// never appeared.
    asked_at: Instant,
    /// Whether it is copydesk's own chooser rather than the system's.
    own: bool,
}

/// The desk's files and the work it does on them.
pub struct Files {
    dialogs: Box<dyn FileDialogs>,
    asked_dialog: Option<AskedDialog>,
    /// copydesk's own file chooser, while it is open.
    chooser: Option<ChooserRequest>,
    /// Why the system's dialogs are not used (none can appear here, or one failed): set, the
    /// desk's own chooser is used for the rest of the session.
    system_dialogs_fail: Option<String>,
    /// Whether the person was told why.
    said_why_own_chooser: bool,
    safekeeping: Safekeeping,
    /// Saves and journal writes and removals, one after another.
    file_thread: SerialWorker,
    saving: Option<saving::PendingSave>,
    /// Journal writes on the file thread, oldest first.
    journal_writes: Vec<recovery::JournalWrite>,
    /// A project read but not shown yet: it is open elsewhere and the person decides.
    pending_open: Option<opening::PendingOpen>,
    /// An open, a revision or a merge running off the window's thread.
    job: Option<long_work::RunningJob>,
    export: Option<export::RunningExport>,
    /// What was exported last, offered first next time.
    export_format: ExportFormat,
    /// Reviews a crashed desk left in recovery journals, not yet restored or discarded.
    recovery_offers: Vec<RecoveryOffer>,
    /// Set when the person chose to decide about them later.
    recovery_postponed: bool,
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files")
            .field("saving", &self.saving_to())
            .field("job", &self.job)
            .finish_non_exhaustive()
    }
}

impl Files {
    pub(super) fn new(dialogs: Box<dyn FileDialogs>, safekeeping: Safekeeping) -> Self {
        Self {
            system_dialogs_fail: dialogs.unavailable_because(),
            dialogs,
            asked_dialog: None,
            chooser: None,
            said_why_own_chooser: false,
            safekeeping,
            file_thread: SerialWorker::start("files"),
            saving: None,
            journal_writes: Vec::new(),
            pending_open: None,
            job: None,
            export: None,
            export_format: ExportFormat::Html,
            recovery_offers: Vec::new(),
            recovery_postponed: false,
        }
    }

    /// copydesk's own file chooser, while it is open.
    pub fn chooser(&self) -> Option<&ChooserRequest> {
        self.chooser.as_ref()
    }

    /// Why the system's file dialogs are not used, when they are not.
    pub fn system_dialogs_fail(&self) -> Option<&str> {
        self.system_dialogs_fail.as_deref()
    }

    /// The file a save is on its way to, if one is.
    pub fn saving_to(&self) -> Option<&std::path::Path> {
        self.saving.as_ref().map(|saving| saving.path.as_path())
    }

    /// Whether the file thread has work whose outcome the desk is waiting for.
    pub fn is_writing_files(&self) -> bool {
        self.saving.is_some() || !self.journal_writes.is_empty()
    }

    /// Whether an open or a revision is running (the desk keeps repainting until it is done).
    pub fn is_opening_or_revising(&self) -> bool {
        self.job.is_some()
    }

    /// Whether an export is being written (the desk keeps repainting until it is done).
    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Whether anything runs off the window's thread that the desk must poll for.
    pub fn is_busy(&self) -> bool {
        self.is_writing_files() || self.is_opening_or_revising() || self.is_exporting()
    }

    /// Reviews a crashed desk left, not yet restored or discarded.
    pub fn recovery_offers(&self) -> &[RecoveryOffer] {
        &self.recovery_offers
    }

    /// Whether recovery should be offered now (there is some, and it was not put off).
    pub(super) fn recovery_waits(&self) -> bool {
        !self.recovery_offers.is_empty() && !self.recovery_postponed
    }

    pub(super) fn postpone_recovery(&mut self) {
        self.recovery_postponed = true;
    }

    /// Whether a save that carries on with something (quitting, opening another file) is
    /// being written: finished long work waits for it.
    fn saving_then_more(&self) -> bool {
        self.saving.as_ref().is_some_and(|save| save.then.is_some())
    }

    /// Work queued for the file thread, with no result to wait for.
    fn on_file_thread(&self, job: impl FnOnce() + Send + 'static) {
        self.file_thread.run(Box::new(job));
    }

    fn queue_on_file_thread<T: Send + 'static>(
        &self,
        work: impl FnOnce(&crate::progress::Progress) -> T + Send + 'static,
    ) -> Task<T> {
        Task::queue(&self.file_thread, None, work)
    }
}
