//! Saving from the desk: the project is written on the file thread (a book takes longer
//! than a frame), checked against what was read so nobody else's changes are overwritten
//! unasked, with the previous version backed up first. The review is marked saved only once
//! the disk has it, and only as the state it was in when the save began.

use std::path::{Path, PathBuf};

use super::file_worker::{FileDone, FileJob};
use super::{AfterUnsaved, AppState, Modal, ReadOnly};
use crate::document::StateToSave;
use crate::open::ProjectOnDisk;
use crate::project_file::FORMAT_VERSION;
use crate::storage::lock::{self, LockOutcome};
use crate::storage::save::{Expectation, SaveError, Saved};

/// A save on its way to the disk.
#[derive(Debug)]
pub(super) struct PendingSave {
    pub(super) path: PathBuf,
    pub(super) then: Option<AfterUnsaved>,
    /// Save was asked again meanwhile: once this save lands, save what changed since.
    again: bool,
}

/// What to do about a project file that changed on disk since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Open the file as it is now; this window's changes are dropped.
    Reload,
    /// Save over it anyway.
    Overwrite,
    /// Save this review under another name.
    SaveAs,
    Cancel,
}

impl AppState {
    /// Starts saving the review to `path`; `then` runs once it is on disk.
    pub(super) fn save_to(&mut self, path: &Path, then: Option<AfterUnsaved>, overwrite: bool) {
        if let Some(pending) = &mut self.saving {
            // Nothing asked for is dropped: the same file is saved again once this save has
            // landed, and what was to follow it still follows.
            if pending.path == path {
                pending.again = true;
                if then.is_some() {
                    pending.then = then;
                }
            } else {
                self.show_info("The review is being saved: a moment, please.");
            }
            return;
        }
        let Some(review) = &mut self.review else {
            return;
        };
        let same_file = review.path.as_deref() == Some(path);
        if !same_file
            && let Some(owner) = lock::read_owner(&lock::lock_path(path)).filter(|owner| {
                owner.liveness() != lock::Liveness::Gone && !owner.is_this_process()
            })
        {
            let message = format!(
                "Not saved: {} is open for {}; save under another name.",
                super::file_name(path),
                owner.describe()
            );
            self.show_error(message);
            return;
        }
        if let Some(read_only) = &review.read_only
            && (same_file || !read_only.allows_save_as())
        {
            let message = format!("Not saved: {}", read_only.explanation());
            self.show_error(message);
            return;
        }
        let expect = match (&review.on_disk, same_file, overwrite) {
            (Some(on_disk), true, false) => Expectation::Unchanged(on_disk.hash),
            _ => Expectation::Overwrite,
        };
        let upgrading_from = review
            .on_disk
            .filter(|on_disk| same_file && on_disk.is_older_version())
            .map(|on_disk| on_disk.version);
        let state = review.document.state_to_save();
        let job = FileJob::Save {
            review_serial: review.serial,
            state,
            project: review.project().clone(),
            path: path.to_owned(),
            expect,
            upgrading_from,
        };
        self.files.send(job);
        self.saving = Some(PendingSave {
            path: path.to_owned(),
            then,
            again: false,
        });
    }

    /// The file a save is on its way to, if one is.
    pub fn saving_to(&self) -> Option<&Path> {
        self.saving.as_ref().map(|saving| saving.path.as_path())
    }

    /// Whether the file thread has work whose outcome the desk is waiting for.
    pub fn is_writing_files(&self) -> bool {
        self.files.is_busy()
    }

    /// Picks up what the file thread has done.
    pub fn poll_files(&mut self, ctx: &egui::Context) {
        while let Some(done) = self.files.poll() {
            match done {
                FileDone::Saved {
                    review_serial,
                    state,
                    path,
                    outcome,
                } => {
                    let pending = self.saving.take();
                    // A save for a review that was replaced meanwhile has nothing to report to.
                    if self.review.as_ref().map(|r| r.serial) == Some(review_serial) {
                        self.save_landed(state, &path, outcome, pending, ctx);
                    }
                }
                FileDone::Journaled { path, outcome } => self.journaled(&path, outcome),
            }
        }
    }

    /// A save of the open review came back from the file thread.
    fn save_landed(
        &mut self,
        state: StateToSave,
        path: &Path,
        outcome: Result<Saved, SaveError>,
        pending: Option<PendingSave>,
        ctx: &egui::Context,
    ) {
        let again = pending.as_ref().is_some_and(|p| p.again);
        let then = pending.and_then(|p| p.then);
        let Some(review) = &mut self.review else {
            return;
        };
        let saved = match outcome {
            Ok(saved) => saved,
            Err(SaveError::ChangedOnDisk { path }) => {
                self.modal = Some(Modal::ChangedOnDisk { path, then });
                return;
            }
            Err(error @ SaveError::NotConfirmed { hash, .. }) => {
                // The file holds this save now: the next save must compare with it, or it
                // would take its own write for someone else's change.
                if review.path.as_deref() == Some(path) {
                    review.on_disk = Some(ProjectOnDisk {
                        hash,
                        version: FORMAT_VERSION,
                    });
                }
                self.show_error(format!(
                    "{error}. Your review is still open and unsaved: save again."
                ));
                return;
            }
            Err(error) => {
                self.show_error(format!("{error}. Your review is still open and unsaved."));
                return;
            }
        };
        review.document.mark_saved_as(state);
        let moved = review.path.as_deref() != Some(path);
        review.path = Some(path.to_owned());
        review.on_disk = Some(ProjectOnDisk {
            hash: saved.hash,
            version: FORMAT_VERSION,
        });
        let mut notes = Vec::new();
        if moved {
            review.read_only = None;
        }
        // A new file, or one written back after it was deleted: it is this desk's to lock now.
        if moved || review.lock.is_none() {
            review.lock = match lock::acquire(path) {
                LockOutcome::Locked(lock) | LockOutcome::TookOverStale { lock, .. } => Some(lock),
                LockOutcome::HeldElsewhere(owner) => {
                    notes.push(format!(
                        " Careful: it is also open for {}.",
                        owner.describe()
                    ));
                    None
                }
                LockOutcome::Unavailable(_) => None,
            };
        }
        if let Some(problem) = saved.backup_problem {
            notes.push(format!(
                " The previous version could not be backed up: {problem}."
            ));
        }
        if review.document.is_dirty() {
            // Changed while it was written: the journal must catch up (and name the file as
            // it is now).
            let now = std::time::Instant::now();
            review.journal.first_unjournaled.get_or_insert(now);
            review.journal.last_change = Some(now);
        }
        self.forget_journal_if_saved();
        self.prefs.remember_recent(path);
        self.show_info(format!(
            "Saved {}.{}",
            super::file_name(path),
            notes.concat()
        ));
        if again && self.is_dirty() {
            self.save_to(path, then, false);
        } else if let Some(then) = then {
            self.continue_with(then, ctx);
        }
    }

    pub(super) fn answer_changed_on_disk(&mut self, choice: DiskChoice, ctx: &egui::Context) {
        let Some(Modal::ChangedOnDisk { path, then }) = self.modal.take() else {
            return;
        };
        match choice {
            DiskChoice::Cancel => {}
            DiskChoice::Overwrite => self.save_to(&path, then, true),
            DiskChoice::SaveAs => self.ask_save_path(then, ctx),
            // This window's changes go once the file has been opened in their place.
            DiskChoice::Reload => self.start_open(&path),
        }
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
