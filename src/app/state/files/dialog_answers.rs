//! File dialogs' answers. A dialog runs on its own thread while the desk stays usable, so its
//! answer may come back to a different desk than the one that asked: a save, export,
//! revised-draft or merge answer is dropped if another review was opened meanwhile, and an open
//! answer asks about unsaved changes again.

use crate::app::file_dialogs::DialogPurpose;
use crate::app::state::AppState;
use crate::app::state::dialogs::AfterUnsaved;

use super::{AskedDialog, with_project_extension};

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
        self.files.asked_dialog = Some(AskedDialog {
            dialog: self.files.dialogs.ask(purpose, ctx),
            review_serial: self.review.as_ref().map(|r| r.serial()),
            after_save,
        });
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
        let Some(path) = answer else {
            return;
        };
        let same_review = self.review.as_ref().map(|r| r.serial()) == asked.review_serial;
        match asked.dialog.purpose {
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
            DialogPurpose::Export { format, .. } if same_review => self.export_now(format, path),
            DialogPurpose::Export { .. } => self.dialogs.show_error(
                "Another review was opened while the export dialog was open; nothing was exported.",
            ),
            DialogPurpose::SaveProject { .. } if same_review => {
                let path = with_project_extension(path);
                self.save_to(&path, asked.after_save, false);
            }
            DialogPurpose::SaveProject { .. } => self.dialogs.show_error(
                "Another review was opened while the save dialog was open; nothing was saved.",
            ),
        }
    }
}
