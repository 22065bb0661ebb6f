//! Opening and importing in the desk: the question asked before unsaved changes would be
//! lost, what an open gave (a review, the question about a project open elsewhere, an error
//! naming the file), and the project's lock.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::file_dialogs::DialogPurpose;
use crate::app::state::AppState;
use crate::app::state::action::{ElsewhereChoice, UnsavedChoice};
use crate::app::state::dialogs::{AfterUnsaved, Modal};
use crate::app::state::review::{OpenReview, ReadOnly};
use crate::document::Document;
use crate::model::Project;
use crate::open::{OpenError, Opened, ProjectOnDisk, open_path};
use crate::project_file::FORMAT_VERSION;
use crate::storage::lock::{self, LockOutcome, ProjectLock};
use crate::text::counted;
use crate::text::file_name;

/// A project read from its file and waiting for the person to decide how to open it (it is
/// open elsewhere).
#[derive(Debug)]
pub(super) struct PendingOpen {
    path: PathBuf,
    project: Project,
    on_disk: ProjectOnDisk,
}

impl AppState {
    /// Runs `then` now, or first asks what to do with unsaved changes.
    pub(in crate::app::state) fn unless_unsaved(
        &mut self,
        then: AfterUnsaved,
        ctx: &egui::Context,
    ) {
        if self.is_dirty() {
            self.dialogs.ask(Modal::UnsavedChanges { then });
        } else {
            self.continue_with(then, ctx);
        }
    }

    pub(in crate::app::state) fn continue_with(&mut self, then: AfterUnsaved, ctx: &egui::Context) {
        match then {
            AfterUnsaved::Quit => {
                self.dialogs.confirm_quit();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            AfterUnsaved::Open(path) => self.open_asking_about_review_beside(&path),
            AfterUnsaved::AskImport => self.ask_file(DialogPurpose::ImportArticle, None, ctx),
            AfterUnsaved::AskOpen => self.ask_file(DialogPurpose::OpenProject, None, ctx),
            AfterUnsaved::AskAddress(address) => self.dialogs.ask(Modal::WebAddress { address }),
            AfterUnsaved::Restore(journal) => self.restore_now(&journal),
        }
    }

    pub(in crate::app::state) fn answer_unsaved(
        &mut self,
        choice: UnsavedChoice,
        ctx: &egui::Context,
    ) {
        let Some(Modal::UnsavedChanges { then }) = self.dialogs.take_modal() else {
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

    /// Opens a project or imports an article before returning (the desk itself reads files
    /// off the window's thread: [`Self::start_open`]); on failure the open review stays as
    /// it was. A project someone else has open (by its lock file) is not shown until the
    /// person says how to open it.
    pub fn open_now(&mut self, path: &Path) {
        if self.refuse_while_busy() {
            return;
        }
        let opened = open_path(path);
        self.show_opened(path, opened);
    }

    /// Shows what opening `path` gave ([`open_path`], here or off the window's thread): the
    /// review, the question about a project open elsewhere, or the error naming the file.
    pub(super) fn show_opened(&mut self, path: &Path, opened: Result<Opened, OpenError>) {
        let opened = match opened {
            Ok(opened) => opened,
            Err(error) => {
                if !path.exists() {
                    self.prefs.forget_recent(path);
                }
                self.dialogs.show_error(error.to_string());
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
                self.files.pending_open = Some(PendingOpen {
                    path: path.to_owned(),
                    project: opened.project,
                    on_disk,
                });
                self.dialogs.ask(Modal::OpenElsewhere {
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

    pub(in crate::app::state) fn answer_open_elsewhere(&mut self, choice: ElsewhereChoice) {
        let Some(Modal::OpenElsewhere { owner, .. }) = self.dialogs.take_modal() else {
            return;
        };
        let Some(PendingOpen {
            path,
            project,
            on_disk,
        }) = self.files.pending_open.take()
        else {
            return;
        };
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
        // Kept as read: what a later merge of someone else's changes to the file starts from.
        let base = Arc::new(project.clone());
        let mut review = OpenReview::new(Document::new(project), Some(path.to_owned()), None);
        review.on_disk = Some(on_disk);
        review.base = Some(base);
        review.lock = lock;
        let read_only_note = read_only
            .as_ref()
            .map(|read_only| format!(" Read-only: {}.", read_only.explanation()))
            .unwrap_or_default();
        let is_read_only = read_only.is_some();
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
        let conflicts = match self.project().map_or(0, |p| p.conflicts.len()) {
            0 => String::new(),
            count => format!(
                " It has {} to settle: see the Conflicts tab.",
                counted(count, "conflict", "conflicts")
            ),
        };
        let message = format!(
            "Opened {}.{upgrade}{conflicts}{read_only_note}{note}",
            file_name(path)
        );
        if is_read_only {
            self.dialogs.show_error(message);
        } else {
            self.dialogs.show_info(message);
        }
    }

    fn show_imported(&mut self, path: &Path, project: Project) {
        let sections = project.sections.len();
        let mut carried = crate::import::what_the_file_carried(&project);
        if crate::query::unreviewed_changes(&project) > 0 {
            carried.push_str(" The Comments tab (Ctrl+6) lists them under Tracked changes.");
        }
        self.show_review(OpenReview::new(
            Document::new(project),
            None,
            Some(path.to_owned()),
        ));
        self.prefs.remember_recent(path);
        self.dialogs.show_info(format!(
            "Imported {}: {}.{carried} Save to keep the review.",
            file_name(path),
            counted(sections, "section", "sections")
        ));
    }
}
