//! Starting, and opening an article twice: the desk opens the review worked on last (or shows
//! the start page, from which the sample is one click away), and an article that already has
//! a review saved beside it (`NAME.copydesk.ron`) asks whether to open that review or import
//! the article as a new one — importing it unasked would start the review over.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::app::state::AppState;
use crate::app::state::action::BesideChoice;
use crate::app::state::dialogs::Modal;
use crate::app::state::review::OpenReview;
use crate::document::Document;
use crate::project_file::{is_project_path, project_path_for_article};

impl AppState {
    /// Shows the bundled sample, to try the desk on.
    pub fn open_sample(&mut self) {
        match crate::sample::sample_project(Timestamp::now()) {
            Ok(project) => {
                self.show_review(OpenReview::new(Document::new(project), None, None));
            }
            Err(error) => {
                self.dialogs
                    .show_error(format!("The bundled sample could not be opened: {error}"));
            }
        }
    }

    /// Opens the review worked on last, if there is one still on disk (otherwise the desk
    /// shows its start page). Returns whether there was one.
    pub fn open_last_review(&mut self) -> bool {
        let Some(path) = self.prefs.last_review().map(Path::to_owned) else {
            return false;
        };
        self.open_now(&path);
        true
    }

    /// Opens the file named at start, first asking about a review beside an article — unless
    /// the desk is already asking who the reviewer is, which comes first.
    pub fn open_at_start(&mut self, path: &Path) {
        match review_beside(path) {
            Some(review) if !self.dialogs.is_asking() => {
                self.dialogs.ask(Modal::ReviewBeside {
                    article: path.to_owned(),
                    review,
                });
            }
            _ => self.open_now(path),
        }
    }

    /// Opens `path` off the window's thread, first asking about a review beside an article.
    pub(in crate::app::state) fn open_asking_about_review_beside(&mut self, path: &Path) {
        match review_beside(path) {
            Some(review) => self.dialogs.ask(Modal::ReviewBeside {
                article: path.to_owned(),
                review,
            }),
            None => self.start_open(path),
        }
    }

    pub(in crate::app::state) fn answer_review_beside(&mut self, choice: BesideChoice) {
        let Some(Modal::ReviewBeside { article, review }) = self.dialogs.take_modal() else {
            return;
        };
        match choice {
            BesideChoice::OpenReview => self.start_open(&review),
            BesideChoice::ImportAnew => self.start_open(&article),
            BesideChoice::Cancel => {}
        }
    }
}

/// The review saved beside an article (`story.md` → `story.copydesk.ron`), if there is one;
/// `None` for a project or an article without one.
fn review_beside(path: &Path) -> Option<PathBuf> {
    if is_project_path(path) {
        return None;
    }
    let review = project_path_for_article(path);
    (review != path && review.is_file()).then_some(review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_with_a_review_of_its_name_beside_it_has_one() {
        let folder = tempfile::tempdir().unwrap();
        let article = folder.path().join("story.md");
        std::fs::write(&article, "# Story\n\nText.\n").unwrap();
        assert_eq!(review_beside(&article), None);
        let review = folder.path().join("story.copydesk.ron");
        std::fs::write(&review, "").unwrap();
        assert_eq!(review_beside(&article), Some(review.clone()));
        // A project is opened as it is.
        assert_eq!(review_beside(&review), None);
    }
}
