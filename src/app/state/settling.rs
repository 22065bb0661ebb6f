//! Settling the conflicts a merge left: a pick becomes one undoable edit (the core's
//! `resolution_edit`), and a conflict's title goes to what it is about.

use super::conflict_index::conflict_mark;
use super::{AppState, OpenReview};
use crate::merge::{Pick, resolution_edit};
use crate::model::{ConflictId, ConflictTarget};
use crate::text::counted;

impl AppState {
    /// Keeps one side of a conflict (or, for a text, both), as one step Ctrl+Z takes back.
    pub(super) fn resolve_conflict(&mut self, id: &ConflictId, pick: Pick) {
        let Some(project) = self.project() else {
            return;
        };
        let Some(conflict) = project.conflicts.iter().find(|c| &c.id == id) else {
            return;
        };
        let what = conflict.target.describe(project);
        let kept = match pick {
            Pick::Ours => conflict.ours.from.clone(),
            Pick::Theirs => conflict.theirs.from.clone(),
            Pick::Both => "both".to_owned(),
        };
        let Some(edit) = resolution_edit(project, id, pick) else {
            self.dialogs.show_error(format!(
                "The conflict on {what} could not be settled that way: what it is about has changed. Pick another side."
            ));
            return;
        };
        if !self.apply(edit) {
            return;
        }
        let Some(project) = self.review.as_ref().map(OpenReview::project) else {
            return;
        };
        self.navigation.forget_missing_marks(project);
        let left = match project.conflicts.len() {
            0 => "No conflicts left.".to_owned(),
            left => format!("{} to settle.", counted(left, "conflict", "conflicts")),
        };
        self.dialogs.show_info(format!(
            "Kept {kept} for {what}. {left} (Ctrl+Z brings it back.)"
        ));
    }

    /// Shows what a conflict is about: its mark, card and passage, or its section.
    pub(super) fn go_to_conflict(&mut self, id: &ConflictId) {
        let Some(project) = self.review.as_ref().map(OpenReview::project) else {
            return;
        };
        let Some(conflict) = project.conflicts.iter().find(|c| &c.id == id) else {
            return;
        };
        let mark =
            conflict_mark(&conflict.target).filter(|mark| project.section_of_mark(mark).is_some());
        match (mark, &conflict.target) {
            (Some(mark), _) => self.navigation.show_mark(project, mark),
            (None, ConflictTarget::SectionStatus(section)) => {
                self.navigation.go_to_section(section.clone());
            }
            // What it is about is gone (it was deleted meanwhile): nothing to show.
            (None, _) => {}
        }
    }
}
