//! The revised-draft side of the desk: bringing in the writer's next draft, and the
//! reviewer's decisions about marks the revision could not place for certain.

use std::path::Path;

use jiff::Timestamp;

use super::{AppState, SidePanel};
use crate::edit::Edit;
use crate::import::import_file;
use crate::model::MarkId;
use crate::model::Passage;
use crate::revise::{
    ReviseOptions, confirm_edit, reattach_edit, reject_edit, resolve_orphan_edit, revise,
};

impl AppState {
    /// Imports `path` as the next draft of the open review, carrying every mark over. One
    /// undo step; on failure the review stays as it was.
    pub fn revise_now(&mut self, path: &Path) {
        let Some(project) = self.project() else {
            self.show_error("Open a review first: a revised draft continues an existing review.");
            return;
        };
        let new_draft = match import_file(path, Timestamp::now()) {
            Ok(new_draft) => new_draft,
            Err(error) => {
                self.show_error(error.to_string());
                return;
            }
        };
        if new_draft.draft.sha256 == project.draft.sha256 {
            self.show_info(format!(
                "{} is the draft already open (the same file content): there is nothing to carry over.",
                new_draft.draft.file_name
            ));
            return;
        }
        let revised = revise(project, new_draft, ReviseOptions::default());
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
