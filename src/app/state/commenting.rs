//! The Comments tab's work across the groups: stepping through open comments (F6) in the
//! comments view's filter and order while it is shown, else in reading order; and a Word
//! draft's tracked changes acknowledged — one, one author's or all — as one edit.

use super::AppState;
use crate::app::side_panel::SidePanel;
use crate::model::MarkId;
use crate::query::{ChangeScope, CommentQuery, acknowledge_edit, next_open_comment};
use crate::text::counted;

impl AppState {
    /// The comments view's query while the Comments tab lists comments: stepping follows it.
    fn listed_comments(&self) -> Option<&CommentQuery> {
        (self.views.side_panel() == SidePanel::Comments
            && !self.comment_views.shows_tracked_changes())
        .then(|| self.comment_views.query())
    }

    /// Shows the Comments tab, with the tracked changes or the comments.
    pub(super) fn show_tracked_changes(&mut self, show: bool) {
        self.views.show(SidePanel::Comments);
        self.comment_views.show_tracked_changes(show);
    }

    /// Selects the next (or previous) open comment, wrapping around: in the comments view's
    /// filter and order while the Comments tab is shown, otherwise in reading order (where
    /// its card opens in the Section tab).
    pub(super) fn step_open_comment(&mut self, forward: bool) {
        if self.views.side_panel() == SidePanel::Comments {
            // Stepping through comments means seeing the comments, not the changes.
            self.comment_views.show_tracked_changes(false);
        }
        let Some(project) = self.project() else {
            return;
        };
        let listed = self.listed_comments();
        let selected = match self.navigation.selected_mark() {
            Some(MarkId::Comment(id)) => Some(id),
            _ => None,
        };
        let next = next_open_comment(
            project,
            listed,
            selected,
            self.navigation.current_section(),
            forward,
        );
        let Some(id) = next else {
            let message = if listed.is_some() {
                "No open comment among the comments listed."
            } else {
                "No open comments: every comment is resolved."
            };
            self.dialogs.show_info(message);
            return;
        };
        if listed.is_none() {
            self.views.show(SidePanel::Section);
        }
        if let Some(review) = &self.review {
            self.navigation
                .show_mark(review.project(), MarkId::Comment(id));
        }
    }

    /// Acknowledges the tracked changes in `scope` that are still open: one edit, one undo.
    pub(super) fn acknowledge_changes(&mut self, scope: &ChangeScope) {
        let Some(project) = self.project() else {
            return;
        };
        let Some(edit) = acknowledge_edit(project, scope, &self.stamp()) else {
            self.dialogs
                .show_info("No tracked changes left to acknowledge.");
            return;
        };
        let count = match &edit {
            crate::edit::Edit::Batch { edits, .. } => edits.len(),
            _ => 1,
        };
        if self.apply(edit) && !matches!(scope, ChangeScope::One(_)) {
            self.dialogs.show_info(format!(
                "Acknowledged {} (Ctrl+Z undoes it).",
                counted(count, "tracked change", "tracked changes")
            ));
        }
    }
}
