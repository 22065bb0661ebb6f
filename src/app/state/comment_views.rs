//! The Comments tab's state: the comments view's filters and order, and whether the tab
//! shows the comments or the tracked changes a Word draft brought.

use crate::model::ReviewerId;
use crate::query::CommentQuery;

/// What the Comments tab shows and how.
#[derive(Debug, Default)]
pub struct CommentViews {
    query: CommentQuery,
    tracked_changes: bool,
}

impl CommentViews {
    pub fn query(&self) -> &CommentQuery {
        &self.query
    }

    /// Whether the tab shows the tracked changes rather than the comments.
    pub fn shows_tracked_changes(&self) -> bool {
        self.tracked_changes
    }

    pub(super) fn set_query(&mut self, query: CommentQuery) {
        self.query = query;
    }

    pub(super) fn show_tracked_changes(&mut self, show: bool) {
        self.tracked_changes = show;
    }

    /// "Marks by" chose a reviewer (or everyone): the comments view lists theirs, as the
    /// claims view does.
    pub(super) fn follow_marks_by(&mut self, reviewer: Option<ReviewerId>) {
        self.query.by = reviewer;
    }

    /// A review was shown: its comments are listed as at first.
    pub(super) fn start_on(&mut self) {
        *self = Self::default();
    }
}
