//! Find across the desk: a match shown where it is — in the text as the selection (so Comment
//! and Flag claim work on it), in a heading, or in a comment's or claim's card, opened and
//! scrolled to in the side panel.

use std::time::Instant;

use super::navigation::TextSelection;
use super::{AppState, OpenReview};
use crate::app::side_panel::SidePanel;
use crate::model::MarkId;
use crate::query::{FindAnchor, FindPlace, FindQuery};

impl AppState {
    /// Ctrl+F: opens the find bar with the keyboard in it.
    pub(super) fn open_find(&mut self) {
        self.find.open();
        self.refresh_find_at_once();
    }

    /// F3 / Shift+F3 (Enter / Shift+Enter in the bar): the next or previous match.
    pub(super) fn step_match(&mut self, forward: bool) {
        if !self.find.is_open() {
            self.open_find();
        }
        self.refresh_find_at_once();
        let from = self.reading_anchor();
        self.find.step(forward, &from);
        self.show_current_match();
    }

    pub(super) fn set_find_query(&mut self, query: FindQuery) {
        self.refresh_find_at_once();
        let from = self.reading_anchor();
        self.find.set_query(query, from);
        self.show_current_match();
    }

    /// Closes the bar; a match selected in the text stays selected, to comment on.
    pub(super) fn close_find(&mut self) {
        self.find.close();
    }

    /// Keeps find's texts in step with the review (words typed in a card once typing pauses).
    pub(super) fn refresh_find(&mut self) {
        let now = Instant::now();
        let marks_by = self.views.marks_by();
        self.find
            .refresh(self.review.as_ref(), marks_by, now, false);
    }

    /// Brings find's texts up to date now: find is being used.
    fn refresh_find_at_once(&mut self) {
        let now = Instant::now();
        let marks_by = self.views.marks_by();
        self.find.refresh(self.review.as_ref(), marks_by, now, true);
    }

    /// Where finding starts when no match is current: the start of the current section.
    fn reading_anchor(&self) -> FindAnchor {
        let index = self
            .project()
            .zip(self.navigation.current_section())
            .and_then(|(project, section)| project.section_index(section))
            .unwrap_or(0);
        FindAnchor::section_start(index)
    }

    /// Brings the current match into view: selected in the text, or its card opened.
    fn show_current_match(&mut self) {
        let found = self.find.current_match();
        let selection = match &found {
            Some(found) => match &found.place {
                FindPlace::Text(section) => Some(TextSelection {
                    section: section.clone(),
                    range: found.range.clone(),
                }),
                _ => None,
            },
            None => None,
        };
        // The selection the last match made goes, unless the reviewer has made another.
        if let Some(made) = self.find.replace_selection_made(selection.clone())
            && self.navigation.text_selection() == Some(&made)
            && selection.as_ref() != Some(&made)
        {
            self.navigation.set_text_selection(None);
        }
        let Some(found) = found else {
            return;
        };
        if let Some(selection) = selection {
            self.navigation.show_text(selection);
            return;
        }
        if let FindPlace::Heading(section) = found.place {
            self.navigation.go_to_section(section);
            return;
        }
        let (Some(review), Some(mark)) = (&self.review, found.place.mark()) else {
            return;
        };
        self.navigation.show_mark(review.project(), mark.clone());
        if !self.shows_card_in_place(review, &mark) {
            self.views.show(SidePanel::Section);
        }
    }

    /// Whether the side panel as it is shows `mark`'s card: the claims view lists it.
    fn shows_card_in_place(&self, review: &OpenReview, mark: &MarkId) -> bool {
        match (self.views.side_panel(), mark) {
            (SidePanel::Section, _) => true,
            (SidePanel::Claims, MarkId::Claim(id)) => self
                .views
                .claims_view()
                .claims(review.project())
                .iter()
                .any(|claim| &claim.id == id),
            _ => false,
        }
    }
}
