//! Exporting from the desk: the reviewer picks what to export, then where, and the file is
//! written off the window's thread (a book's report takes longer than a frame), replaced
//! only once it is complete. With a reviewer chosen in the side panel, only their marks are
//! exported.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::app::background::{Polled, Task};
use crate::app::file_dialogs::DialogPurpose;
use crate::app::state::AppState;
use crate::app::state::dialogs::Modal;
use crate::export::{ExportFormat, export_bytes, export_bytes_of_part};
use crate::project_file::{PROJECT_EXTENSION, is_project_path};
use crate::query::marks_by as marks_by_reviewer;
use crate::storage::{RealFileSystem, write_atomically};
use crate::text::file_name;

use super::Files;

/// An export being written off the window's thread.
#[derive(Debug)]
pub(super) struct RunningExport {
    path: PathBuf,
    format: ExportFormat,
    /// The reviewer whose marks alone are exported, by name.
    only_by: Option<String>,
    task: Task<Result<(), String>>,
}

impl Files {
    /// Where an export is being written, and for how long it has been.
    pub(super) fn export_under_way(&self) -> Option<(&Path, Duration)> {
        self.export
            .as_ref()
            .map(|running| (running.path.as_path(), running.task.running_for()))
    }
}

impl AppState {
    /// Shows the choice of what to export.
    pub(in crate::app::state) fn ask_export_format(&mut self) {
        if self.review.is_none() {
            self.dialogs
                .show_error("Open a review first: there is nothing to export.");
            return;
        }
        self.dialogs.ask(Modal::Export {
            format: self.files.export_format,
        });
    }

    /// The reviewer chose a format: ask where to write it.
    pub(in crate::app::state) fn ask_export_path(
        &mut self,
        format: ExportFormat,
        ctx: &egui::Context,
    ) {
        let Some(review) = &self.review else {
            return;
        };
        self.dialogs.take_modal();
        self.files.export_format = format;
        let beside = review.beside();
        // "story.copydesk.ron" and "story.docx" both give "story".
        let name = file_name(&beside);
        let stem = name.strip_suffix(PROJECT_EXTENSION).map_or_else(
            || crate::import::title_from_file_name(&beside),
            str::to_owned,
        );
        let suggested = beside.with_file_name(format.default_file_name(&stem));
        self.ask_file(DialogPurpose::Export { format, suggested }, None, ctx);
    }

    /// Writes the export off the window's thread; [`Self::poll_export`] reports how it went.
    pub(super) fn export_now(&mut self, format: ExportFormat, path: PathBuf) {
        let Some(review) = &self.review else {
            return;
        };
        if self.files.export.is_some() {
            self.dialogs
                .show_info("An export is still being written: wait for it to finish.");
            return;
        }
        if is_project_path(&path) {
            self.dialogs.show_error(format!(
                "{}: an export never replaces a project; choose another name.",
                file_name(&path)
            ));
            return;
        }
        let project = review.project().clone();
        // With a reviewer chosen, only their marks go out.
        let marks_by = self.views.marks_by().cloned();
        let only_by = marks_by
            .as_ref()
            .map(|reviewer| reviewer_name(review.project(), reviewer));
        let target = path.clone();
        let task = Task::spawn("export", Some(review.key()), move |_| {
            // The suggestions still undecided are judged on the whole review.
            match &marks_by {
                Some(reviewer) => {
                    export_bytes_of_part(&marks_by_reviewer(&project, reviewer), &project, format)
                }
                None => export_bytes(&project, format),
            }
            .map_err(|error| format!("{}: {error}", target.display()))
            .and_then(|bytes| {
                write_atomically(&RealFileSystem, &target, &bytes)
                    .map_err(|error| error.to_string())
            })
        });
        self.dialogs
            .show_info(format!("Exporting to {}…", file_name(&path)));
        self.files.export = Some(RunningExport {
            path,
            format,
            only_by,
            task,
        });
    }

    /// Picks up the outcome of an export, if it has come.
    pub fn poll_export(&mut self) {
        let Some(running) = &self.files.export else {
            return;
        };
        let outcome = match running.task.poll() {
            Polled::Running => return,
            Polled::Done(outcome) => outcome,
            Polled::Lost => Err("the export stopped before it was written".to_owned()),
        };
        let Some(running) = self.files.export.take() else {
            return;
        };
        match outcome {
            Ok(()) => self.dialogs.show_info(format!(
                "Exported {} to {}{}.",
                running.format.label().to_lowercase(),
                file_name(&running.path),
                running
                    .only_by
                    .map_or_else(String::new, |name| format!(" (only {name}'s marks)"))
            )),
            Err(error) => self
                .dialogs
                .show_error(format!("{error}. Nothing was exported.")),
        }
    }
}

/// A reviewer's name as the review knows it (or as their records give it).
fn reviewer_name(project: &crate::model::Project, reviewer: &crate::model::ReviewerId) -> String {
    crate::query::reviewers_in(project)
        .into_iter()
        .find(|r| &r.id == reviewer)
        .map_or_else(|| reviewer.to_string(), |r| r.name)
}
