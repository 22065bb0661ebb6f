//! Autosave and crash recovery in the desk: a moment after the last change the open review
//! goes to its recovery journal (on the file thread); at the next start, journals left by a
//! desk that crashed or was killed are offered back, saying what they would restore.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::app::background::{Polled, Task};
use crate::app::state::AppState;
use crate::app::state::dialogs::{AfterUnsaved, Modal};
use crate::app::state::review::OpenReview;
use crate::document::Document;
use crate::open::ProjectOnDisk;
use crate::project_file::FORMAT_VERSION;
use crate::storage::ContentHash;
use crate::storage::journal::{
    JournalClaim, JournalError, JournalMeta, Journals, read_journal, remove_journal,
    what_restoring_brings_back, write_journal,
};
use crate::storage::lock::{self, LockOutcome, LockOwner};

use super::Files;

/// A journal being written on the file thread.
#[derive(Debug)]
pub(super) struct JournalWrite {
    path: PathBuf,
    task: Task<Result<(), String>>,
}

/// A review a crashed or killed desk left in its journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryOffer {
    pub journal: PathBuf,
    /// The name the desk showed for the review.
    pub name: String,
    pub project_path: Option<PathBuf>,
    pub written_at: Timestamp,
    /// What restoring it would bring back, compared with the file on disk.
    pub what: Vec<String>,
}

impl RecoveryOffer {
    /// "at 10:42:13 on 2026-11-30", in this computer's time zone.
    pub fn when(&self) -> String {
        self.written_at
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("at %H:%M:%S on %Y-%m-%d")
            .to_string()
    }
}

impl Files {
    /// Writes `review` to its journal on the file thread, as this desk's; gives the review a
    /// journal (and claims it) the first time.
    fn write_journal_of(&mut self, review: &mut OpenReview, journals: &Journals) {
        let path = review
            .journal
            .path
            .get_or_insert_with(|| journals.new_journal_path())
            .clone();
        if review.journal.claim.is_none() {
            // Without a claim the journal still works; only the writer's process id then tells
            // whether it was left by a crash.
            review.journal.claim = JournalClaim::take(&path).ok();
        }
        review.journal.on_disk = true;
        let meta = JournalMeta {
            project_path: review.path.clone(),
            article_path: review.article_path.clone(),
            name: review.display_name(),
            base_hash: review.on_disk.map(|on_disk| on_disk.hash.hex()),
            base_version: review.on_disk.map(|on_disk| on_disk.version),
            writer: LockOwner::this_process(),
            written_at: Timestamp::now(),
        };
        let project = review.project().clone();
        let fs = std::sync::Arc::clone(&self.safekeeping.fs);
        let target = path.clone();
        let task = self.queue_on_file_thread(move |_| {
            write_journal(fs.as_ref(), &target, &meta, &project).map_err(|error| error.to_string())
        });
        self.journal_writes.push(JournalWrite { path, task });
    }

    /// Removes a journal on the file thread (after any write queued before), then lets go
    /// of its claim.
    fn remove_journal_later(&self, path: PathBuf, claim: Option<JournalClaim>) {
        self.on_file_thread(move || remove_journal(&path, claim));
    }
}

impl AppState {
    /// Looks for journals left by a desk that did not close normally; they are offered as
    /// soon as no other question is open. A journal that holds nothing the file does not
    /// already have is removed without asking.
    pub fn look_for_recovery(&mut self) {
        let Some(journals) = self.files.safekeeping.journals() else {
            return;
        };
        let own = self.review.as_ref().and_then(|r| r.journal.path.clone());
        let mut offers = Vec::new();
        for entry in journals.orphaned() {
            if Some(&entry.path) == own.as_ref() {
                continue;
            }
            // An unreadable journal is left where it is, for someone to look at by hand.
            let Ok((meta, project)) = read_journal(&entry.path) else {
                continue;
            };
            let what = what_restoring_brings_back(&meta, &project);
            if what.is_empty() {
                remove_journal(&entry.path, None);
                continue;
            }
            offers.push(RecoveryOffer {
                journal: entry.path,
                name: meta.name,
                project_path: meta.project_path,
                written_at: meta.written_at,
                what,
            });
        }
        self.files.recovery_offers = offers;
    }

    /// Writes the journal when it is due; returns how long until it will be, if a change is
    /// waiting (so the desk wakes up for it even when nothing else happens).
    pub fn autosave(&mut self, now: Instant) -> Option<Duration> {
        let journals = self.files.safekeeping.journals()?;
        let delay = self.files.safekeeping.journal_delay;
        let max_delay = self.files.safekeeping.journal_max_delay;
        let review = self.review.as_mut()?;
        let changes = review.document().change_count();
        if changes != review.journal.seen_change_count {
            review.journal.seen_change_count = changes;
            review.journal.changed_at(now);
        }
        let dirty = review.is_dirty();
        let journal = &mut review.journal;
        if !dirty {
            // Saved, or undone back to what is on disk: nothing to recover.
            journal.first_unjournaled = None;
            if journal.on_disk
                && let Some(path) = journal.path.clone()
            {
                journal.on_disk = false;
                let claim = journal.claim.take();
                self.files.remove_journal_later(path, claim);
            }
            return None;
        }
        let first = journal.first_unjournaled?;
        let last = journal.last_change.unwrap_or(first);
        let due = (last + delay).min(first + max_delay);
        if now < due {
            return Some(due - now);
        }
        journal.first_unjournaled = None;
        self.files.write_journal_of(review, &journals);
        None
    }

    /// Picks up the journal writes the file thread finished; a failure is said once, until
    /// a write succeeds again.
    pub(super) fn poll_journal_writes(&mut self) {
        while let Some(write) = self.files.journal_writes.first() {
            let outcome = match write.task.poll() {
                Polled::Running => return,
                Polled::Done(outcome) => outcome,
                Polled::Lost => Err("the file thread stopped".to_owned()),
            };
            let write = self.files.journal_writes.remove(0);
            let Some(review) = self
                .review
                .as_mut()
                .filter(|review| review.journal.path.as_deref() == Some(write.path.as_path()))
            else {
                continue;
            };
            match outcome {
                Ok(()) => review.journal.failed = false,
                Err(error) => {
                    if !std::mem::replace(&mut review.journal.failed, true) {
                        self.dialogs.show_error(format!(
                            "Autosave failed ({error}): your latest changes are only in this window until you save."
                        ));
                    }
                }
            }
        }
    }

    /// After a save: the journal goes if the review is now what is on disk.
    pub(super) fn forget_journal_if_saved(&mut self) {
        if self.review.as_ref().is_some_and(|r| !r.is_dirty()) {
            self.discard_journal();
        }
    }

    /// Removes the open review's journal (saved, or its changes discarded on purpose).
    pub(in crate::app::state) fn discard_journal(&mut self) {
        let Some(review) = &mut self.review else {
            return;
        };
        review.journal.first_unjournaled = None;
        review.journal.seen_change_count = review.document().change_count();
        if std::mem::take(&mut review.journal.on_disk)
            && let Some(path) = review.journal.path.clone()
        {
            let claim = review.journal.claim.take();
            self.files.remove_journal_later(path, claim);
        }
    }

    pub(in crate::app::state) fn ask_restore(&mut self, journal: PathBuf, ctx: &egui::Context) {
        self.dialogs.take_modal();
        self.unless_unsaved(AfterUnsaved::Restore(journal), ctx);
    }

    /// Opens the review a journal holds, unsaved, in place of the one open.
    pub(super) fn restore_now(&mut self, journal: &Path) {
        // Another desk may have restored it meanwhile: then it is that desk's now.
        let claim = match JournalClaim::take(journal) {
            Ok(claim) => claim,
            Err(error) => {
                self.files.recovery_offers.retain(|o| o.journal != journal);
                self.dialogs
                    .show_error(format!("Could not restore: {error}."));
                return;
            }
        };
        let (meta, project) = match read_journal(journal) {
            Ok(read) => read,
            Err(error) => {
                self.dialogs
                    .show_error(format!("Could not restore: {error}."));
                return;
            }
        };
        let mut review = OpenReview::new(
            Document::with_unsaved_changes(project),
            meta.project_path.clone(),
            meta.article_path.clone(),
        );
        let mut note = String::new();
        if let Some(path) = meta.project_path.as_deref().filter(|path| path.exists()) {
            review.on_disk = meta
                .base_hash
                .as_deref()
                .and_then(ContentHash::from_hex)
                .map(|hash| ProjectOnDisk {
                    hash,
                    version: meta.base_version.unwrap_or(FORMAT_VERSION),
                });
            match lock::acquire(path) {
                LockOutcome::Locked(lock) | LockOutcome::TookOverStale { lock, .. } => {
                    review.lock = Some(lock);
                }
                LockOutcome::HeldElsewhere(owner) => {
                    note = format!(" Careful: the file is also open for {}.", owner.describe());
                }
                LockOutcome::Unavailable(_) => {}
            }
        }
        review.journal.path = Some(journal.to_owned());
        review.journal.on_disk = true;
        review.journal.claim = Some(claim);
        let when = self
            .files
            .recovery_offers
            .iter()
            .find(|o| o.journal == journal)
            .map(RecoveryOffer::when)
            .unwrap_or_default();
        self.files.recovery_offers.retain(|o| o.journal != journal);
        self.show_review(review);
        // The journal names the desk that died until it is written again: write it now, as
        // this desk's, so no other desk offers it as a crash's.
        if let (Some(journals), Some(review)) =
            (self.files.safekeeping.journals(), self.review.as_mut())
        {
            self.files.write_journal_of(review, &journals);
        }
        self.dialogs.show_info(format!(
            "Restored the unsaved changes to {} autosaved {when}. Save to keep them.{note}",
            meta.name
        ));
    }

    /// Throws a journal away: the person does not want it back.
    pub(in crate::app::state) fn discard_recovery(&mut self, journal: &Path) {
        match JournalClaim::take(journal) {
            Ok(claim) => remove_journal(journal, Some(claim)),
            Err(error @ JournalError::InUse { .. }) => {
                self.dialogs.show_error(format!("Not discarded: {error}."));
            }
            Err(_) => remove_journal(journal, None),
        }
        self.files.recovery_offers.retain(|o| o.journal != journal);
        if self.files.recovery_offers.is_empty() {
            self.dialogs.close_if(&Modal::Recover);
        }
    }
}
