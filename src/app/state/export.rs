//! Exporting from the desk: the reviewer picks what to export, then where, and the file is
//! written on a worker thread (a book's report takes longer than a frame), replaced only
//! once it is complete.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::{AppState, Modal};
use crate::app::file_dialogs::DialogPurpose;
use crate::export::{ExportFormat, export_bytes};
use crate::storage::{RealFileSystem, write_atomically};

/// An export being written on its worker thread.
#[derive(Debug)]
pub(super) struct RunningExport {
    path: PathBuf,
    format: ExportFormat,
    started: Instant,
    outcome: Receiver<Result<(), String>>,
}

impl AppState {
    /// Shows the choice of what to export.
    pub(super) fn ask_export_format(&mut self) {
        if self.review.is_none() {
            self.show_error("Open a review first: there is nothing to export.");
            return;
        }
        self.modal = Some(Modal::Export {
            format: self.export_format,
        });
    }

    /// The reviewer chose a format: ask where to write it.
    pub(super) fn ask_export_path(&mut self, format: ExportFormat, ctx: &egui::Context) {
        let Some(review) = &self.review else {
            return;
        };
        self.modal = None;
        self.export_format = format;
        let beside = review
            .path
            .clone()
            .or_else(|| review.article_path.clone())
            .unwrap_or_else(|| PathBuf::from(&review.project().draft.file_name));
        // "story.copydesk.ron" and "story.docx" both give "story".
        let name = super::file_name(&beside);
        let stem = name
            .strip_suffix(crate::project_file::PROJECT_EXTENSION)
            .map_or_else(
                || crate::import::title_from_file_name(&beside),
                str::to_owned,
            );
        let suggested = beside.with_file_name(format.default_file_name(&stem));
        self.ask(DialogPurpose::Export { format, suggested }, None, ctx);
    }

    /// Writes the export on a worker thread; [`Self::poll_export`] reports how it went.
    pub(super) fn export_now(&mut self, format: ExportFormat, path: PathBuf) {
        let Some(review) = &self.review else {
            return;
        };
        if self.running_export.is_some() {
            self.show_info("An export is still being written: wait for it to finish.");
            return;
        }
        if crate::project_file::is_project_path(&path) {
            self.show_error(format!(
                "{}: an export never replaces a project; choose another name.",
                super::file_name(&path)
            ));
            return;
        }
        let project = review.project().clone();
        let (sender, outcome) = channel();
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let written = export_bytes(&project, format)
                    .map_err(|error| format!("{}: {error}", target.display()))
                    .and_then(|bytes| {
                        write_atomically(&RealFileSystem, &target, &bytes)
                            .map_err(|error| error.to_string())
                    });
                let _ = sender.send(written);
            });
        match spawned {
            Ok(_) => {
                self.show_info(format!("Exporting to {}…", super::file_name(&path)));
                self.running_export = Some(RunningExport {
                    path,
                    format,
                    started: Instant::now(),
                    outcome,
                });
            }
            Err(error) => self.show_error(format!("Cannot start the export: {error}.")),
        }
    }

    /// Whether an export is being written (the desk keeps repainting until it is done).
    pub fn is_exporting(&self) -> bool {
        self.running_export.is_some()
    }

    /// Where an export is being written, and for how long it has been.
    pub(super) fn export_under_way(&self) -> Option<(&Path, Duration)> {
        self.running_export
            .as_ref()
            .map(|running| (running.path.as_path(), running.started.elapsed()))
    }

    /// Picks up the outcome of an export, if it has come.
    pub fn poll_export(&mut self) {
        let Some(running) = &self.running_export else {
            return;
        };
        let outcome = match running.outcome.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                Err("the export stopped before it was written".to_owned())
            }
        };
        let Some(running) = self.running_export.take() else {
            return;
        };
        match outcome {
            Ok(()) => self.show_info(format!(
                "Exported {} to {}.",
                running.format.label().to_lowercase(),
                super::file_name(&running.path)
            )),
            Err(error) => self.show_error(format!("{error}. Nothing was exported.")),
        }
    }
}
