//! The revised-draft side of the desk: bringing in the writer's next draft, and the
//! reviewer's decisions about marks the revision could not place for certain.
//!
//! Reading the draft and placing the marks ([`read_next_draft`], in the core) is kept apart
//! from applying the result, so the desk can do the slow part on a worker thread.

use std::path::Path;

use jiff::Timestamp;

use super::{AppState, SidePanel};
use crate::edit::Edit;
use crate::import::ImportError;
use crate::model::{MarkId, Passage};
use crate::progress::Progress;
use crate::revise::{
    NextDraft, confirm_edit, read_next_draft, reattach_edit, reject_edit, resolve_orphan_edit,
};

impl AppState {
    /// Imports `path` as the next draft of the open review, carrying every mark over, before
    /// returning (the desk itself does it on a worker thread: [`Self::start_revise`]). One
    /// undo step; on failure the review stays as it was.
    pub fn revise_now(&mut self, path: &Path) {
        if self.refuse_while_busy() || !self.can_take_a_revision() {
            return;
        }
        let Some(project) = self.project() else {
            return;
        };
        let next = read_next_draft(project, path, &Progress::new());
        self.bring_in_next_draft(next);
    }

    /// Whether a revised draft can come in: a review is open and may be changed; says why
    /// not otherwise.
    pub(super) fn can_take_a_revision(&mut self) -> bool {
        let Some(review) = &self.review else {
            self.show_error("Open a review first: a revised draft continues an existing review.");
            return false;
        };
        if let Some(read_only) = &review.read_only {
            let message = format!("That change was not made: {}.", read_only.explanation());
            self.show_error(message);
            return false;
        }
        true
    }

    /// Applies a revised draft read by [`read_next_draft`] to the open review (the one it
    /// was read for) as one undo step, and says what happened to the marks.
    pub(super) fn bring_in_next_draft(&mut self, next: Result<NextDraft, ImportError>) {
        let revised = match next {
            Ok(NextDraft::Revised(revised)) => *revised,
            Ok(NextDraft::AlreadyOpen { file_name }) => {
                self.show_info(format!(
                    "{file_name} is the draft already open (the same file content): there is nothing to carry over."
                ));
                return;
            }
            Err(error) => {
                self.show_error(error.to_string());
                return;
            }
        };
        let needs_attention = revised.project.marks_needing_attention();
        let summary = revised.summary.to_string();
        if self.apply(Edit::Revise {
            project: Box::new(revised.project),
        }) {
            self.forget_missing_marks();
            self.selected_mark = None;
            self.text_selection = None;
            self.side_panel = SidePanel::Revision;
            let next = if needs_attention > 0 {
                " Confirm or re-attach the marks in the Revision tab."
            } else {
                ""
            };
            self.show_info(format!("{summary}.{next}"));
        }
    }

    pub(super) fn confirm_placement(&mut self, mark: &MarkId) {
        let edit = self
            .project()
            .and_then(|p| confirm_edit(p, mark, &self.reviewer(), Timestamp::now()));
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    pub(super) fn reject_placement(&mut self, mark: &MarkId) {
        let edit = self
            .project()
            .and_then(|p| reject_edit(p, mark, &self.reviewer(), Timestamp::now()));
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    pub(super) fn resolve_orphan(&mut self, mark: &MarkId) {
        let edit = self
            .project()
            .and_then(|p| resolve_orphan_edit(p, mark, &self.reviewer(), Timestamp::now()));
        if let Some(edit) = edit {
            self.apply(edit);
        }
    }

    /// Attaches a fuzzy or orphaned mark to the text the reviewer selected.
    pub(super) fn reattach_to_selection(&mut self, mark: &MarkId) {
        let Some(project) = self.project() else {
            return;
        };
        let Some(selection) = self.text_selection.clone() else {
            self.show_error(
                "Select the words in the text first, then press Re-attach to selection.",
            );
            return;
        };
        let Some(section) = project.section(&selection.section) else {
            return;
        };
        let passage = match Passage::from_section_text(&section.text, selection.range.clone()) {
            Ok(passage) => passage,
            Err(error) => {
                self.show_error(format!("That selection cannot hold a mark: {error}."));
                return;
            }
        };
        let edit = reattach_edit(
            project,
            mark,
            selection.section.clone(),
            passage,
            &self.reviewer(),
            Timestamp::now(),
        );
        if let Some(edit) = edit
            && self.apply(edit)
        {
            self.text_selection = None;
            self.select_mark(mark.clone(), false);
        }
    }
}
