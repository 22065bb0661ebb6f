//! The file side of the desk: opening, importing and saving, the questions asked before
//! unsaved changes would be lost, and the file dialogs' answers.
//!
//! A file dialog runs on its own thread while the desk stays usable, so its answer may come
//! back to a different desk than the one that asked: a save answer is dropped if another
//! review was opened meanwhile, and an open answer asks about unsaved changes again.

use std::path::{Path, PathBuf};

use super::{AfterUnsaved, AppState, Modal, OpenReview, UnsavedChoice};
use crate::app::file_dialogs::{DialogPurpose, PendingDialog};
use crate::document::Document;
use crate::open::project_from_path;
use crate::project_file::{
    PROJECT_EXTENSION, is_project_path, project_path_for_article, save_project,
};

/// A file dialog that has not answered yet, and what it was asked for.
#[derive(Debug)]
pub(super) struct AskedDialog {
    pub(super) dialog: PendingDialog,
    /// The review that was open when the dialog was asked for.
    pub(super) review_serial: Option<u64>,
    /// What to do after a successful save.
    pub(super) after_save: Option<AfterUnsaved>,
}

impl AppState {
    /// Runs `then` now, or first asks what to do with unsaved changes.
    pub(super) fn unless_unsaved(&mut self, then: AfterUnsaved, ctx: &egui::Context) {
        if self.is_dirty() {
            self.modal = Some(Modal::UnsavedChanges { then });
        } else {
            self.continue_with(then, ctx);
        }
    }

    pub(super) fn continue_with(&mut self, then: AfterUnsaved, ctx: &egui::Context) {
        match then {
            AfterUnsaved::Quit => {
                self.quit_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterUnsaved::Open(path) => self.open_now(&path),
            AfterUnsaved::AskImport => self.ask(DialogPurpose::ImportArticle, None, ctx),
            AfterUnsaved::AskOpen => self.ask(DialogPurpose::OpenProject, None, ctx),
        }
    }

    pub(super) fn answer_unsaved(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(Modal::UnsavedChanges { then }) = self.modal.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => self.continue_with(then, ctx),
            UnsavedChoice::Save => self.save(Some(then), ctx),
        }
    }

    /// Opens a file dialog, unless one is already open (it would answer for a desk that has
    /// moved on).
    pub(super) fn ask(
        &mut self,
        purpose: DialogPurpose,
        after_save: Option<AfterUnsaved>,
        ctx: &egui::Context,
    ) {
        if self.asked_dialog.is_some() {
            self.show_info("A file dialog is already open: answer it first.");
            return;
        }
        self.asked_dialog = Some(AskedDialog {
            dialog: self.dialogs.ask(purpose, ctx),
            review_serial: self.review.as_ref().map(|r| r.serial),
            after_save,
        });
    }

    /// Picks up the answer of a file dialog, if it has come.
    pub fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(asked) = &self.asked_dialog else {
            return;
        };
        let answer = match asked.dialog.answer.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        let Some(asked) = self.asked_dialog.take() else {
            return;
        };
        let Some(path) = answer else {
            return;
        };
        match asked.dialog.purpose {
            // The desk may have changed while the dialog was open: ask about it again.
            DialogPurpose::ImportArticle | DialogPurpose::OpenProject => {
                self.unless_unsaved(AfterUnsaved::Open(path), ctx);
            }
            DialogPurpose::ImportRevision => {
                if self.review.as_ref().map(|r| r.serial) == asked.review_serial {
                    self.revise_now(&path);
                } else {
                    self.show_error(
                        "Another review was opened while the dialog was open; the revised draft was not imported.",
                    );
                }
            }
            DialogPurpose::Export { format, .. } => {
                if self.review.as_ref().map(|r| r.serial) == asked.review_serial {
                    self.export_now(format, path);
                } else {
                    self.show_error(
                        "Another review was opened while the export dialog was open; nothing was exported.",
                    );
                }
            }
            DialogPurpose::SaveProject { .. } => {
                if self.review.as_ref().map(|r| r.serial) != asked.review_serial {
                    self.show_error(
                        "Another review was opened while the save dialog was open; nothing was saved.",
                    );
                    return;
                }
                let path = with_project_extension(path);
                if self.save_to(&path)
                    && let Some(then) = asked.after_save
                {
                    self.continue_with(then, ctx);
                }
            }
        }
    }

    /// Opens a project or imports an article; on failure the open review stays as it was.
    pub fn open_now(&mut self, path: &Path) {
        match project_from_path(path) {
            Ok(project) => {
                let is_project = is_project_path(path);
                let document = Document::new(project);
                let sections = document.project().sections.len();
                self.show_review(OpenReview::new(
                    document,
                    is_project.then(|| path.to_owned()),
                    (!is_project).then(|| path.to_owned()),
                ));
                self.prefs.remember_recent(path);
                if is_project {
                    self.show_info(format!("Opened {}.", file_name(path)));
                } else {
                    let carried = self
                        .project()
                        .map(crate::import::what_the_file_carried)
                        .unwrap_or_default();
                    self.show_info(format!(
                        "Imported {}: {}.{carried} Save to keep the review.",
                        file_name(path),
                        crate::report::counted(sections, "section", "sections")
                    ));
                }
            }
            Err(error) => {
                if !path.exists() {
                    self.prefs.forget_recent(path);
                }
                self.show_error(error.to_string());
            }
        }
    }

    /// Saves to the review's file, or asks where when it has none. `then` runs after a
    /// successful save.
    pub(super) fn save(&mut self, then: Option<AfterUnsaved>, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        match review.path.clone() {
            Some(path) => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.continue_with(then, ctx);
                }
            }
            None => self.ask_save_path(then, ctx),
        }
    }

    pub(super) fn ask_save_path(&mut self, then: Option<AfterUnsaved>, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        let suggested = match (&review.path, &review.article_path) {
            (Some(path), _) => path.clone(),
            (None, Some(article)) => project_path_for_article(article),
            (None, None) => project_path_for_article(Path::new(&review.project().draft.file_name)),
        };
        self.ask(DialogPurpose::SaveProject { suggested }, then, ctx);
    }

    /// Writes the review to `path`; reports the outcome. The review stays unsaved on failure.
    fn save_to(&mut self, path: &Path) -> bool {
        let Some(review) = &mut self.review else {
            return false;
        };
        match save_project(review.document.project(), path) {
            Ok(()) => {
                review.document.mark_saved();
                review.path = Some(path.to_owned());
                self.prefs.remember_recent(path);
                self.show_info(format!("Saved {}.", file_name(path)));
                true
            }
            Err(error) => {
                self.show_error(format!("{error}. Your review is still open and unsaved."));
                false
            }
        }
    }
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// `review` → `review.copydesk.ron`; names that already end in `.ron` are kept.
fn with_project_extension(path: PathBuf) -> PathBuf {
    let name = file_name(&path);
    if name.to_lowercase().ends_with(".ron") {
        path
    } else {
        path.with_file_name(format!("{name}{PROJECT_EXTENSION}"))
    }
}
