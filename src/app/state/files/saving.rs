//! Saving from the desk: the project is written on the file thread (a book takes longer
//! than a frame), checked against what was read so nobody else's changes are overwritten
//! unasked, with the previous version backed up first (or, asked, their changes are merged
//! in: `merging`). The review is marked saved only once the disk has it, and only as the
//! state it was in when the save began.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use crate::app::background::{Polled, Task};
use crate::app::file_dialogs::DialogPurpose;
use crate::app::state::AppState;
use crate::app::state::action::DiskChoice;
use crate::app::state::dialogs::{AfterUnsaved, Modal};
use crate::document::StateToSave;
use crate::model::Project;
use crate::open::ProjectOnDisk;
use crate::project_file::{FORMAT_VERSION, project_path_for_article};
use crate::storage::lock::{self, LockOutcome};
use crate::storage::save::{Expectation, SaveError, SaveRequest, Saved, save_project};
use crate::text::file_name;

/// A save on its way to the disk.
#[derive(Debug)]
pub(super) struct PendingSave {
    pub(super) path: PathBuf,
    pub(super) then: Option<AfterUnsaved>,
    /// Save was asked again meanwhile: once this save lands, save what changed since.
    again: bool,
    /// The review it was made for, and the state of its history it saves.
    review_serial: u64,
    state: StateToSave,
    /// The project written: once on disk, what a later merge of changes to the file starts
    /// from.
    project: Arc<Project>,
    task: Task<Result<Saved, SaveError>>,
}

impl AppState {
    /// Saves to the review's file, or asks where when it has none. `then` runs after a
    /// successful save.
    pub(in crate::app::state) fn save(&mut self, then: Option<AfterUnsaved>, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        match review.path.clone() {
            Some(path) => self.save_to(&path, then, false),
            None => self.ask_save_path(then, ctx),
        }
    }

    pub(in crate::app::state) fn ask_save_path(
        &mut self,
        then: Option<AfterUnsaved>,
        ctx: &egui::Context,
    ) {
        let Some(review) = &self.review else {
            return;
        };
        if let Some(read_only) = review.read_only.as_ref().filter(|r| !r.allows_save_as()) {
            let message = format!("Not saved: {}", read_only.explanation());
            self.dialogs.show_error(message);
            return;
        }
        let suggested = match &review.path {
            Some(path) => path.clone(),
            None => project_path_for_article(&review.beside()),
        };
        self.ask_file(DialogPurpose::SaveProject { suggested }, then, ctx);
    }

    /// Starts saving the review to `path`; `then` runs once it is on disk.
    pub(super) fn save_to(&mut self, path: &Path, then: Option<AfterUnsaved>, overwrite: bool) {
        if let Some(pending) = &mut self.files.saving {
            // Nothing asked for is dropped: the same file is saved again once this save has
            // landed, and what was to follow it still follows.
            if pending.path == path {
                pending.again = true;
                if then.is_some() {
                    pending.then = then;
                }
            } else {
                self.dialogs
                    .show_info("The review is being saved: a moment, please.");
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
                file_name(path),
                owner.describe()
            );
            self.dialogs.show_error(message);
            return;
        }
        if let Some(read_only) = &review.read_only
            && (same_file || !read_only.allows_save_as())
        {
            let message = format!("Not saved: {}", read_only.explanation());
            self.dialogs.show_error(message);
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
        let state = review.document_mut().state_to_save();
        let project = Arc::new(review.project().clone());
        let written = Arc::clone(&project);
        let target = path.to_owned();
        let safekeeping = self.files.safekeeping.clone();
        let task = self.files.queue_on_file_thread(move |_| {
            let backups = safekeeping.backups();
            save_project(
                safekeeping.fs.as_ref(),
                SaveRequest {
                    project: &written,
                    path: &target,
                    expect,
                    backups: backups.as_ref(),
                    upgrading_from,
                },
                Timestamp::now(),
            )
        });
        self.files.saving = Some(PendingSave {
            path: path.to_owned(),
            then,
            again: false,
            review_serial: review.serial(),
            state,
            project,
            task,
        });
    }

    /// Picks up what the file thread has done: a save, journal writes.
    pub fn poll_files(&mut self, ctx: &egui::Context) {
        self.poll_journal_writes();
        let Some(pending) = &self.files.saving else {
            return;
        };
        let outcome = match pending.task.poll() {
            Polled::Running => return,
            Polled::Done(outcome) => Some(outcome),
            Polled::Lost => None,
        };
        let Some(pending) = self.files.saving.take() else {
            return;
        };
        // A save for a review that was replaced meanwhile has nothing to report to.
        if self.review.as_ref().map(|r| r.serial()) != Some(pending.review_serial) {
            return;
        }
        match outcome {
            Some(outcome) => self.save_landed(outcome, pending, ctx),
            None => self.dialogs.show_error(format!(
                "{}: the save stopped before it was done. Your review is still open and unsaved.",
                file_name(&pending.path)
            )),
        }
    }

    /// A save of the open review came back from the file thread.
    fn save_landed(
        &mut self,
        outcome: Result<Saved, SaveError>,
        pending: PendingSave,
        ctx: &egui::Context,
    ) {
        let PendingSave {
            path,
            then,
            again,
            state,
            project,
            ..
        } = pending;
        let Some(review) = &mut self.review else {
            return;
        };
        let saved = match outcome {
            Ok(saved) => saved,
            Err(SaveError::ChangedOnDisk { path }) => {
                self.dialogs.ask(Modal::ChangedOnDisk { path, then });
                return;
            }
            Err(error @ SaveError::NotConfirmed { hash, .. }) => {
                // The file holds this save now: the next save must compare with it, or it
                // would take its own write for someone else's change.
                if review.path.as_deref() == Some(path.as_path()) {
                    review.on_disk = Some(ProjectOnDisk {
                        hash,
                        version: FORMAT_VERSION,
                    });
                }
                self.dialogs.show_error(format!(
                    "{error}. Your review is still open and unsaved: save again."
                ));
                return;
            }
            Err(error) => {
                self.dialogs
                    .show_error(format!("{error}. Your review is still open and unsaved."));
                return;
            }
        };
        review.document_mut().mark_saved_as(state);
        let moved = review.path.as_deref() != Some(path.as_path());
        review.path = Some(path.clone());
        review.on_disk = Some(ProjectOnDisk {
            hash: saved.hash,
            version: FORMAT_VERSION,
        });
        // The claims as saved go into the library (on its own worker).
        self.library.add_review(&path, Arc::clone(&project));
        review.base = Some(project);
        let mut notes = Vec::new();
        if moved {
            review.read_only = None;
        }
        // A new file, or one written back after it was deleted: it is this desk's to lock now.
        if moved || review.lock.is_none() {
            review.lock = match lock::acquire(&path) {
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
        if review.is_dirty() {
            // Changed while it was written: the journal must catch up (and name the file as
            // it is now).
            review.journal.changed_at(std::time::Instant::now());
        }
        self.forget_journal_if_saved();
        self.prefs.remember_recent(&path);
        self.dialogs
            .show_info(format!("Saved {}.{}", file_name(&path), notes.concat()));
        if again && self.is_dirty() {
            self.save_to(&path, then, false);
        } else if let Some(then) = then {
            self.continue_with(then, ctx);
        }
    }

    pub(in crate::app::state) fn answer_changed_on_disk(
        &mut self,
        choice: DiskChoice,
        ctx: &egui::Context,
    ) {
        let Some(Modal::ChangedOnDisk { path, then }) = self.dialogs.take_modal() else {
            return;
        };
        match choice {
            DiskChoice::Cancel => {}
            DiskChoice::Overwrite => self.save_to(&path, then, true),
            DiskChoice::SaveAs => self.ask_save_path(then, ctx),
            // Whatever was to follow the save waits: the merged review is to be looked at,
            // and saved, first.
            DiskChoice::Merge => self.start_merge(&path),
            // This window's changes go once the file has been opened in their place.
            DiskChoice::Reload => self.start_open(&path),
        }
    }
}
