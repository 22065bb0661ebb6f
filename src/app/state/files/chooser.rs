//! copydesk's own file chooser, for desktops where no system dialog can appear (no portal and
//! no zenity: i3, sway, minimal installs, X forwarding), or for a person who prefers it.
//!
//! Asking it is asking a file dialog like any other: the request waits here with the sending
//! end of the answer's channel, the chooser (`file_chooser_ui`) shows it, and the person's
//! answer goes back through that channel to `poll_dialog`, so every caller — open, import,
//! revised draft, save as, export, merge, the quit question's Save — works unchanged.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::time::Instant;

use crate::app::file_dialogs::{DialogPurpose, PendingDialog};
use crate::app::state::AppState;
use crate::app::state::dialogs::AfterUnsaved;
use crate::text::file_name;

use super::AskedDialog;

/// What copydesk's own chooser is asked, while it is open.
#[derive(Debug)]
pub struct ChooserRequest {
    /// Tells requests apart, so the chooser starts afresh for each.
    serial: u64,
    purpose: DialogPurpose,
    /// Where it starts.
    folder: PathBuf,
    places: Vec<Place>,
    answer: Sender<Option<PathBuf>>,
}

/// A folder offered with one click: the review's, the article's, recent ones, home.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub label: String,
    pub folder: PathBuf,
}

impl ChooserRequest {
    pub fn serial(&self) -> u64 {
        self.serial
    }

    pub fn purpose(&self) -> &DialogPurpose {
        &self.purpose
    }

    /// The folder it starts in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }
}

impl AppState {
    /// The folder a file dialog starts in: the review's, else its article's, else that of
    /// the most recent file, else the home folder — never merely where copydesk was started.
    pub(in crate::app::state) fn dialog_folder(&self) -> Option<PathBuf> {
        let review = self.review.as_ref();
        let beside = review.and_then(|r| r.path.as_ref().or(r.article_path.as_ref()));
        beside
            .and_then(|path| folder_of(path))
            .or_else(|| self.prefs.recent_files.iter().find_map(|p| folder_of(p)))
            .or_else(|| std::env::home_dir().filter(|home| home.is_dir()))
    }

    /// The folders the chooser offers with one click, each once.
    fn places(&self) -> Vec<Place> {
        let review = self.review.as_ref();
        let mut places: Vec<Place> = Vec::new();
        let mut offer = |label: String, folder: Option<PathBuf>| {
            if let Some(folder) = folder
                && !places.iter().any(|place| place.folder == folder)
            {
                places.push(Place { label, folder });
            }
        };
        let review_folder = review.and_then(|r| r.path.as_deref()).and_then(folder_of);
        offer("The review's folder".to_owned(), review_folder);
        let article_folder = review
            .and_then(|r| r.article_path.as_deref())
            .and_then(folder_of);
        offer("The article's folder".to_owned(), article_folder);
        for recent in &self.prefs.recent_files {
            let folder = folder_of(recent);
            let label = folder.as_deref().map(file_name).unwrap_or_default();
            offer(label, folder);
        }
        offer(
            "Home".to_owned(),
            std::env::home_dir().filter(|home| home.is_dir()),
        );
        places
    }

    /// Opens copydesk's own chooser for `purpose`; its answer comes back as a dialog's does.
    pub(super) fn ask_own_chooser(
        &mut self,
        purpose: DialogPurpose,
        folder: Option<PathBuf>,
        after_save: Option<AfterUnsaved>,
    ) {
        static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);
        let (sender, answer) = channel();
        let places = self.places();
        let start = folder
            .clone()
            .or_else(|| places.first().map(|place| place.folder.clone()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.files.chooser = Some(ChooserRequest {
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
            purpose: purpose.clone(),
            folder: start,
            places,
            answer: sender,
        });
        self.files.asked_dialog = Some(AskedDialog {
            dialog: PendingDialog { purpose, answer },
            review_serial: self.review.as_ref().map(|r| r.serial()),
            after_save,
            folder,
            asked_at: Instant::now(),
            own: true,
        });
    }

    /// The person answered copydesk's own chooser: a path, or `None` for Cancel.
    pub(in crate::app::state) fn answer_chooser(
        &mut self,
        answer: Option<PathBuf>,
        ctx: &egui::Context,
    ) {
        if let Some(request) = self.files.chooser.take() {
            let _ = request.answer.send(answer);
        }
        self.poll_dialog(ctx);
    }
}

/// The folder a file is in, as an absolute path, if it exists.
fn folder_of(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    path.parent()
        .filter(|folder| folder.is_dir())
        .map(Path::to_owned)
}
