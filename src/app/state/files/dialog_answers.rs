//! File dialogs' answers. A dialog runs on its own thread while the desk stays usable, so its
//! answer may come back to a different desk than the one that asked: a save, export,
//! revised-draft or merge answer is dropped if another review was opened meanwhile, and an open
//! answer asks about unsaved changes again.
//!
//! Every dialog starts in the review's folder (or its article's), not wherever copydesk was
//! started from. A system dialog that answers Cancel sooner than a person could never
//! appeared (no portal, no zenity, or one that failed): the desk then asks again with its own
//! chooser, and uses that for the rest of the session.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::app::file_dialogs::DialogPurpose;
use crate::app::state::AppState;
use crate::app::state::dialogs::AfterUnsaved;

use super::AskedDialog;

/// Faster than anyone can read a dialog and press Cancel.
const FASTER_THAN_A_PERSON: Duration = Duration::from_millis(300);

/// Why the desk stopped asking the system for dialogs after one answered at once.
const SYSTEM_DIALOG_FAILED: &str = "The system file dialog closed as soon as it was asked for \
     (no desktop portal or zenity showed it): using copydesk's own for the rest of this session.";

impl AppState {
    /// Opens a file dialog, unless one is already open (it would answer for a desk that has
    /// moved on).
    pub(in crate::app::state) fn ask_file(
        &mut self,
        purpose: DialogPurpose,
        after_save: Option<AfterUnsaved>,
        ctx: &egui::Context,
    ) {
        if self.files.asked_dialog.is_some() {
            self.dialogs
                .show_info("A file dialog is already open: answer it first.");
            return;
        }
        let folder = self.dialog_folder();
        let purpose = match &folder {
            Some(folder) => purpose.placed_in(folder),
            None => purpose,
        };
        // A file to write starts where the name offered for it is.
        let folder = purpose
            .suggested()
            .and_then(Path::parent)
            .filter(|parent| parent.is_dir())
            .map(Path::to_owned)
            .or(folder);
        if self.prefs.own_file_chooser || self.files.system_dialogs_fail.is_some() {
            self.say_why_own_chooser();
            self.ask_own_chooser(purpose, folder, after_save);
            return;
        }
        self.files.asked_dialog = Some(AskedDialog {
            dialog: self.files.dialogs.ask(purpose, folder.as_deref(), ctx),
            review_serial: self.review.as_ref().map(|r| r.serial()),
            after_save,
            folder,
            asked_at: Instant::now(),
            own: false,
        });
    }

    /// Says once why copydesk's own chooser is used rather than the system's.
    fn say_why_own_chooser(&mut self) {
        if self.files.said_why_own_chooser {
            return;
        }
        if let Some(reason) = &self.files.system_dialogs_fail {
            self.dialogs.show_info(reason.clone());
            self.files.said_why_own_chooser = true;
        }
    }

    /// Picks up the answer of a file dialog, if it has come.
    pub fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(asked) = &self.files.asked_dialog else {
            return;
        };
        let answer = match asked.dialog.answer.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        let Some(asked) = self.files.asked_dialog.take() else {
            return;
        };
        let never_appeared = !asked.own
            && asked.asked_at.elapsed() < FASTER_THAN_A_PERSON
            && self.files.dialogs.quick_cancel_means_failure();
        let Some(path) = answer else {
            if never_appeared {
                self.files.system_dialogs_fail = Some(SYSTEM_DIALOG_FAILED.to_owned());
                self.say_why_own_chooser();
                self.ask_own_chooser(asked.dialog.purpose, asked.folder, asked.after_save);
            }
            return;
        };
        let same_review = self.review.as_ref().map(|r| r.serial()) == asked.review_serial;
        let purpose = &asked.dialog.purpose;
        match purpose {
            // The desk may have changed while the dialog was open: ask about it again.
            DialogPurpose::ImportArticle | DialogPurpose::OpenProject => {
                self.unless_unsaved(AfterUnsaved::Open(path), ctx);
            }
            DialogPurpose::ImportRevision if same_review => self.start_revise(&path),
            DialogPurpose::ImportRevision => self.dialogs.show_error(
                "Another review was opened while the dialog was open; the revised draft was not imported.",
            ),
            DialogPurpose::MergeReview if same_review => self.start_merge(&path),
            DialogPurpose::MergeReview => self.dialogs.show_error(
                "Another review was opened while the dialog was open; nothing was merged.",
            ),
            DialogPurpose::Export { format, .. } if same_review => self.export_now(*format, path),
            DialogPurpose::Export { .. } => self.dialogs.show_error(
                "Another review was opened while the export dialog was open; nothing was exported.",
            ),
            DialogPurpose::SaveProject { .. } if same_review => {
                let path = purpose.file_to_write(path);
                self.save_to(&path, asked.after_save, false);
            }
            DialogPurpose::SaveProject { .. } => self.dialogs.show_error(
                "Another review was opened while the save dialog was open; nothing was saved.",
            ),
            // The library is the desk's, not the review's: any review may be open.
            DialogPurpose::LibraryFolder => self.add_library_folder(path),
        }
    }
}
