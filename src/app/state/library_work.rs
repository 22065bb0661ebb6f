//! The claim library's work across the desk's groups: the Library tab's actions (search,
//! folders added and removed, an update), a check reused in a claim as one undoable edit
//! (`library::reuse_edit` through `apply`), what the library has to say in the notice, and
//! its update in the status bar.

use std::path::{Path, PathBuf};

use super::AppState;
use super::action::LibraryAction;
use super::files::{SHOW_PROGRESS_AFTER, WorkInProgress, with_thousands};
use crate::app::file_dialogs::DialogPurpose;
use crate::library::reuse_edit;
use crate::model::ClaimId;
use crate::progress::Progress;
use crate::text::{file_name, shortened};

impl AppState {
    pub(super) fn handle_library(&mut self, action: LibraryAction, ctx: &egui::Context) {
        match action {
            LibraryAction::Search(query) => self.library.search(query),
            LibraryAction::AskFolder => {
                if self.refuse_without_library() {
                    return;
                }
                self.ask_file(DialogPurpose::LibraryFolder, None, ctx);
            }
            LibraryAction::RemoveFolder(folder) => {
                self.library.remove_folder(folder.clone());
                self.dialogs.show_info(format!(
                    "{} is no longer read for the claim library: its reviews' claims are \
                     taken out.",
                    folder.display()
                ));
            }
            LibraryAction::Update => {
                if !self.refuse_without_library() {
                    self.library.update();
                }
            }
            LibraryAction::Reuse {
                claim,
                review,
                checked,
            } => self.reuse_check(&claim, &review, &checked),
        }
    }

    /// A folder chosen to read reviews from: remembered, and read at once.
    pub(super) fn add_library_folder(&mut self, folder: PathBuf) {
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        if !folder.is_dir() {
            self.dialogs.show_error(format!(
                "{} is not a folder: choose the folder the reviews are in.",
                folder.display()
            ));
            return;
        }
        self.library.add_folder(folder);
    }

    /// Says so, and returns true, when the desk keeps no library (it has no data folder).
    fn refuse_without_library(&mut self) -> bool {
        if self.library.is_kept() {
            return false;
        }
        self.dialogs.show_error(
            "The claim library needs a data folder, and this desk has none (set \
             COPYDESK_DATA_DIR, or give the desk a home folder).",
        );
        true
    }

    /// Copies the sources and verdict of the library claim `checked` (of `review`) into the
    /// open review's `claim`: one edit, one undo step.
    fn reuse_check(&mut self, claim: &ClaimId, review: &Path, checked: &ClaimId) {
        let Some(checked) = self.library.checked_claim(review, checked).cloned() else {
            self.dialogs
                .show_error("That check is no longer in the claim library: nothing was copied.");
            return;
        };
        let Some(claim) = self.project().and_then(|project| project.claim(claim)) else {
            return;
        };
        let edit = reuse_edit(
            claim,
            &checked,
            &self.prefs.reviewer(),
            jiff::Timestamp::now(),
        );
        if self.apply(edit) {
            self.dialogs.show_info(format!(
                "Copied the sources and verdict checked in “{}”: the claim is In progress until \
                 you confirm it for this draft (Ctrl+Z undoes it).",
                shortened(&checked.article, 60)
            ));
        }
    }

    /// What the library has to say: an update's outcome at once; that it cannot be used once
    /// nothing else is being said, so it never hides what the person did.
    pub(super) fn say_library_notices(&mut self) {
        if let Some(said) = self.library.take_update_notice() {
            self.dialogs.show_info(said);
        }
        if self.dialogs.notice().is_none()
            && !self.dialogs.is_asking()
            && let Some(said) = self.library.take_unusable_notice()
        {
            self.dialogs.show_error(said);
        }
    }

    /// The library's update, as the status bar shows it, once it has run long enough to.
    pub(super) fn library_work(&self) -> Option<WorkInProgress> {
        let (running_for, progress) = self.library.update_progress()?;
        (running_for >= SHOW_PROGRESS_AFTER).then(|| WorkInProgress {
            what: update_stage(progress),
            fraction: progress.fraction(),
        })
    }
}

/// "Updating the claim library: 120 of 1,000 reviews", or without the counts while the
/// reviews are not counted yet.
fn update_stage(progress: &Progress) -> String {
    match progress.counts() {
        Some((done, total)) => format!(
            "Updating the claim library: {} of {} {}",
            with_thousands(done),
            with_thousands(total),
            if total == 1 { "review" } else { "reviews" }
        ),
        None => "Updating the claim library…".to_owned(),
    }
}

/// A folder as the Library tab names it: its name, or its whole path when it has none.
pub fn folder_name(folder: &Path) -> String {
    let name = file_name(folder);
    if name.is_empty() {
        folder.display().to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::update_stage;
    use crate::progress::Progress;

    #[test]
    fn the_update_says_how_many_reviews_of_how_many() {
        let progress = Progress::new();
        assert_eq!(update_stage(&progress), "Updating the claim library…");
        progress.begin_phase(0, 1, 1_000);
        progress.advance(120);
        assert_eq!(
            update_stage(&progress),
            "Updating the claim library: 120 of 1,000 reviews"
        );
    }
}
