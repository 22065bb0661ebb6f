//! File dialogs, always off the UI thread, behind a trait so tests can answer them.
//!
//! rfd talks to the desktop portal (or zenity), which can take seconds or block; running it
//! on the UI thread would freeze the window. Each request runs on its own thread and sends
//! the answer back over a channel; the desk polls for it every frame.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

/// The extensions offered when picking an article to import.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text", "docx", "html", "htm"];

/// What a dialog is for; decides its title, filters and default name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogPurpose {
    ImportArticle,
    /// The writer's next draft of the open review.
    ImportRevision,
    OpenProject,
    /// Another reviewer's copy of the open review, to merge into it.
    MergeReview,
    SaveProject {
        suggested: PathBuf,
    },
    Export {
        format: crate::export::ExportFormat,
        suggested: PathBuf,
    },
}

/// A dialog that was started and has not answered yet.
#[derive(Debug)]
pub struct PendingDialog {
    pub purpose: DialogPurpose,
    /// `None` means the user cancelled.
    pub answer: Receiver<Option<PathBuf>>,
}

pub trait FileDialogs {
    fn ask(&mut self, purpose: DialogPurpose, ctx: &egui::Context) -> PendingDialog;
}

/// Native dialogs through rfd.
#[derive(Debug, Default)]
pub struct NativeFileDialogs;

impl FileDialogs for NativeFileDialogs {
    fn ask(&mut self, purpose: DialogPurpose, ctx: &egui::Context) -> PendingDialog {
        let (sender, answer) = channel();
        let ctx = ctx.clone();
        let request = purpose.clone();
        // If no thread can be started, the sender is dropped and the desk reads a cancel.
        let _ = std::thread::Builder::new()
            .name("file dialog".to_owned())
            .spawn(move || {
                let dialog = rfd::FileDialog::new();
                let path = match request {
                    DialogPurpose::ImportArticle => dialog
                        .set_title("Import article")
                        .add_filter("Articles", ARTICLE_EXTENSIONS)
                        .add_filter("All files", &["*"])
                        .pick_file(),
                    DialogPurpose::ImportRevision => dialog
                        .set_title("Import revised draft")
                        .add_filter("Articles", ARTICLE_EXTENSIONS)
                        .add_filter("All files", &["*"])
                        .pick_file(),
                    DialogPurpose::OpenProject => dialog
                        .set_title("Open project")
                        .add_filter("copydesk projects", &["ron"])
                        .pick_file(),
                    DialogPurpose::MergeReview => dialog
                        .set_title("Merge another review")
                        .add_filter("copydesk projects", &["ron"])
                        .pick_file(),
                    DialogPurpose::SaveProject { suggested } => {
                        let mut dialog = dialog
                            .set_title("Save review")
                            .add_filter("copydesk projects", &["ron"]);
                        if let Some(folder) = suggested.parent().filter(|f| f.is_dir()) {
                            dialog = dialog.set_directory(folder);
                        }
                        if let Some(name) = suggested.file_name() {
                            dialog = dialog.set_file_name(name.to_string_lossy());
                        }
                        dialog.save_file()
                    }
                    DialogPurpose::Export { format, suggested } => {
                        let mut dialog = dialog
                            .set_title(format!("Export: {}", format.label()))
                            .add_filter(format.label(), &[format.extension()]);
                        if let Some(folder) = suggested.parent().filter(|f| f.is_dir()) {
                            dialog = dialog.set_directory(folder);
                        }
                        if let Some(name) = suggested.file_name() {
                            dialog = dialog.set_file_name(name.to_string_lossy());
                        }
                        dialog.save_file()
                    }
                };
                let _ = sender.send(path);
                ctx.request_repaint();
            });
        PendingDialog { purpose, answer }
    }
}

/// A dialog's answer: the chosen path, or `None` for Cancel.
type Answer = Option<PathBuf>;

/// Dialogs answered from a script, for tests: clone it, hand one copy to the desk and push
/// answers through the other.
#[derive(Clone, Debug, Default)]
pub struct ScriptedFileDialogs {
    answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    asked: Arc<Mutex<Vec<DialogPurpose>>>,
    /// When set, dialogs wait for [`Self::release`] before answering, like a person who
    /// takes their time while the desk goes on.
    held: Arc<Mutex<Option<Vec<Sender<Answer>>>>>,
}

impl ScriptedFileDialogs {
    /// Dialogs that answer only when released.
    pub fn held() -> Self {
        let dialogs = Self::default();
        if let Ok(mut held) = dialogs.held.lock() {
            *held = Some(Vec::new());
        }
        dialogs
    }

    /// The next dialog will answer `path` (`None`: the user cancels).
    pub fn answer_next(&self, path: Option<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(path);
        }
    }

    /// Lets every held dialog answer.
    pub fn release(&self) {
        let waiting = self
            .held
            .lock()
            .ok()
            .and_then(|mut held| held.as_mut().map(std::mem::take))
            .unwrap_or_default();
        for sender in waiting {
            let _ = sender.send(self.next_answer());
        }
    }

    /// Every dialog the desk has opened so far.
    pub fn asked(&self) -> Vec<DialogPurpose> {
        self.asked.lock().map(|a| a.clone()).unwrap_or_default()
    }

    fn next_answer(&self) -> Option<PathBuf> {
        self.answers
            .lock()
            .ok()
            .and_then(|mut answers| answers.pop_front())
            .flatten()
    }
}

impl FileDialogs for ScriptedFileDialogs {
    fn ask(&mut self, purpose: DialogPurpose, _ctx: &egui::Context) -> PendingDialog {
        let (sender, answer) = channel();
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(purpose.clone());
        }
        let held = self
            .held
            .lock()
            .ok()
            .and_then(|mut held| held.as_mut().map(|waiting| waiting.push(sender.clone())));
        if held.is_none() {
            let _ = sender.send(self.next_answer());
        }
        PendingDialog { purpose, answer }
    }
}
