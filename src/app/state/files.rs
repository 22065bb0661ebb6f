//! The file side of the desk: opening, importing and saving, the questions asked before
//! unsaved changes would be lost, and the file dialogs' answers.
//!
//! A file dialog runs on its own thread while the desk stays usable, so its answer may come
//! back to a different desk than the one that asked: a save answer is dropped if another
//! review was opened meanwhile, and an open answer asks about unsaved changes again.

use std::path::{Path, PathBuf};

use super::{AfterUnsaved, AppState, ElsewhereChoice, Modal, OpenReview, ReadOnly, UnsavedChoice};
use crate::app::file_dialogs::{DialogPurpose, PendingDialog};
use crate::document::Document;
use crate::model::Project;
use crate::open::{OpenError, Opened, ProjectOnDisk, open_path};
use crate::project_file::{FORMAT_VERSION, PROJECT_EXTENSION, project_path_for_article};
use crate::storage::lock::{self, LockOutcome, ProjectLock};

/// A project read from its file and waiting for the person to decide how to open it (it is
/// open elsewhere).
#[derive(Debug)]
pub(super) struct PendingOpen {
    path: PathBuf,
    project: Project,
    on_disk: ProjectOnDisk,
}

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
            AfterUnsaved::Open(path) => self.start_open(&path),
            AfterUnsaved::AskImport => self.ask(DialogPurpose::ImportArticle, None, ctx),
            AfterUnsaved::AskOpen => self.ask(DialogPurpose::OpenProject, None, ctx),
            AfterUnsaved::Restore(journal) => self.restore_now(&journal),
        }
    }

    pub(super) fn answer_unsaved(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(Modal::UnsavedChanges { then }) = self.modal.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => {
                // Given up on purpose: nothing to offer back after a restart. Only for
                // quitting: opening something else may yet fail or be cancelled, leaving this
                // review open (the journal goes when another review replaces it).
                if then == AfterUnsaved::Quit {
                    self.discard_journal();
                }
                self.continue_with(then, ctx);
            }
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
                    self.start_revise(&path);
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
                self.save_to(&path, asked.after_save, false);
            }
        }
    }

    /// Opens a project or imports an article before returning (the desk itself reads files
    /// on a worker thread: [`Self::start_open`]); on failure the open review stays as it
    /// was. A project someone else has open (by its lock file) is not shown until the person
    /// says how to open it.
    pub fn open_now(&mut self, path: &Path) {
        if self.refuse_while_busy() {
            return;
        }
        let opened = open_path(path);
        self.show_opened(path, opened);
    }

    /// Shows what opening `path` gave ([`open_path`], here or on a worker thread): the review,
    /// the question about a project open elsewhere, or the error naming the file.
    pub(super) fn show_opened(&mut self, path: &Path, opened: Result<Opened, OpenError>) {
        let opened = match opened {
            Ok(opened) => opened,
            Err(error) => {
                if !path.exists() {
                    self.prefs.forget_recent(path);
                }
                self.show_error(error.to_string());
                return;
            }
        };
        let Some(on_disk) = opened.file else {
            self.show_imported(path, opened.project);
            return;
        };
        if on_disk.is_newer_version() {
            let read_only = ReadOnly::NewerVersion {
                version: on_disk.version,
            };
            self.show_project(path, opened.project, on_disk, None, Some(read_only), "");
            return;
        }
        match lock::acquire(path) {
            LockOutcome::Locked(lock) => {
                self.show_project(path, opened.project, on_disk, Some(lock), None, "");
            }
            LockOutcome::TookOverStale { lock, stale } => {
                let note = format!(
                    " It was still marked open for {}, which is no longer running.",
                    stale.describe()
                );
                self.show_project(path, opened.project, on_disk, Some(lock), None, &note);
            }
            LockOutcome::HeldElsewhere(owner) => {
                self.pending_open = Some(PendingOpen {
                    path: path.to_owned(),
                    project: opened.project,
                    on_disk,
                });
                self.modal = Some(Modal::OpenElsewhere {
                    path: path.to_owned(),
                    owner: owner.describe(),
                });
            }
            // A read-only folder, say: the review opens; nobody can be warned through it.
            LockOutcome::Unavailable(_) => {
                self.show_project(path, opened.project, on_disk, None, None, "");
            }
        }
    }

    pub(super) fn answer_open_elsewhere(&mut self, choice: ElsewhereChoice) {
        let Some(Modal::OpenElsewhere { owner, .. }) = self.modal.take() else {
            return;
        };
        let Some(pending) = self.pending_open.take() else {
            return;
        };
        let PendingOpen {
            path,
            project,
            on_disk,
        } = pending;
        match choice {
            ElsewhereChoice::Cancel => {}
            ElsewhereChoice::ReadOnly => {
                let read_only = ReadOnly::OpenElsewhere { owner };
                self.show_project(&path, project, on_disk, None, Some(read_only), "");
            }
            ElsewhereChoice::OpenAnyway => {
                let lock = match lock::take_over(&path) {
                    LockOutcome::Locked(lock) => Some(lock),
                    _ => None,
                };
                let note = format!(" {owner} was told nothing: agree who saves.");
                self.show_project(&path, project, on_disk, lock, None, &note);
            }
        }
    }

    fn show_project(
        &mut self,
        path: &Path,
        project: Project,
        on_disk: ProjectOnDisk,
        lock: Option<ProjectLock>,
        read_only: Option<ReadOnly>,
        note: &str,
    ) {
        let mut review = OpenReview::new(Document::new(project), Some(path.to_owned()), None);
        review.on_disk = Some(on_disk);
        review.lock = lock;
        let read_only_note = read_only
            .as_ref()
            .map(|read_only| format!(" Read-only: {}.", read_only.explanation()))
            .unwrap_or_default();
        review.read_only = read_only;
        self.show_review(review);
        self.prefs.remember_recent(path);
        let upgrade = if on_disk.is_older_version() {
            format!(
                " It was written by an older copydesk (format version {}); saving writes version {FORMAT_VERSION}, and the original is kept in the backups first.",
                on_disk.version
            )
        } else {
            String::new()
        };
        let message = format!("Opened {}.{upgrade}{read_only_note}{note}", file_name(path));
        if self.review.as_ref().is_some_and(|r| r.read_only.is_some()) {
            self.show_error(message);
        } else {
            self.show_info(message);
        }
    }

    fn show_imported(&mut self, path: &Path, project: Project) {
        let sections = project.sections.len();
        self.show_review(OpenReview::new(
            Document::new(project),
            None,
            Some(path.to_owned()),
        ));
        self.prefs.remember_recent(path);
        let carried = self
            .project()
            .map(crate::import::what_the_file_carried)
            .unwrap_or_default();
        self.show_info(format!(
            "Imported {}: {}.{carried} Save to keep the review.",
            file_name(path),
            crate::text::counted(sections, "section", "sections")
        ));
    }

    /// Saves to the review's file, or asks where when it has none. `then` runs after a
    /// successful save.
    pub(super) fn save(&mut self, then: Option<AfterUnsaved>, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        match review.path.clone() {
            Some(path) => self.save_to(&path, then, false),
            None => self.ask_save_path(then, ctx),
        }
    }

    pub(super) fn ask_save_path(&mut self, then: Option<AfterUnsaved>, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        if let Some(read_only) = review.read_only.as_ref().filter(|r| !r.allows_save_as()) {
            let message = format!("Not saved: {}", read_only.explanation());
            self.show_error(message);
            return;
        }
        let suggested = match (&review.path, &review.article_path) {
            (Some(path), _) => path.clone(),
            (None, Some(article)) => project_path_for_article(article),
            (None, None) => project_path_for_article(Path::new(&review.project().draft.file_name)),
        };
        self.ask(DialogPurpose::SaveProject { suggested }, then, ctx);
    }
}

/// A path's file name as shown to people (the whole path when it has none).
pub fn file_name(path: &Path) -> String {
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
