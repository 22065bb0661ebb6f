//! Where the reviewer is and what they have in hand: the current section, the selected mark
//! or suggestion, the caret and the text selected (with the mouse or from the caret), replies
//! being written, a comment just made and not written in yet, and what the views should bring
//! into view on their next frame.

use std::collections::HashMap;
use std::ops::Range;

use crate::document::HistoryPoint;
use crate::model::{CommentId, MarkId, Project, SectionId};
use crate::suggest::SuggestionKey;

/// Text the reviewer has selected (with the mouse, or with Shift and the arrow keys), in one
/// section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub section: SectionId,
    /// Character offsets into the section text.
    pub range: Range<usize>,
}

/// Where the keyboard is in the article's text: a place between two characters of a section.
/// A click puts it there, and so does going to a passage; the arrow keys move it, and with
/// Shift it extends the text selection (the caret is then the end that moves).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Caret {
    pub section: SectionId,
    /// A character offset into the section text.
    pub offset: usize,
}

/// The selection once the caret has moved from `caret` to `to`: with `extend`, from where it
/// started (the selection's other end when the caret is at one of its ends, or else where the
/// caret was) to `to`, within one section; otherwise none.
pub fn selection_after_moving(
    caret: Option<&Caret>,
    selection: Option<&TextSelection>,
    to: &Caret,
    extend: bool,
) -> Option<TextSelection> {
    let caret = caret.filter(|caret| extend && caret.section == to.section)?;
    let anchor = match selection {
        Some(selection) if selection.section == caret.section => {
            if caret.offset == selection.range.start {
                selection.range.end
            } else if caret.offset == selection.range.end {
                selection.range.start
            } else {
                caret.offset
            }
        }
        _ => caret.offset,
    };
    (anchor != to.offset).then(|| TextSelection {
        section: to.section.clone(),
        range: anchor.min(to.offset)..anchor.max(to.offset),
    })
}

/// Where the article view should scroll to on its next frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScrollTarget {
    pub section: SectionId,
    /// A character of the section text to bring into view, or the section's top.
    pub char_offset: Option<usize>,
}

/// What the side panel should do on its next frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardRequests {
    /// Scroll this card into view.
    pub reveal: Option<MarkId>,
    /// Put the keyboard in this card's main text field.
    pub focus: Option<MarkId>,
    /// Scroll this suggestion into view in the suggestions list.
    pub reveal_suggestion: Option<SuggestionKey>,
    /// Put the keyboard in the Library tab's search field (the tab was just asked for).
    pub focus_library_search: bool,
}

/// The one thing selected: a mark's card, or a suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Selected {
    Mark(MarkId),
    Suggestion(SuggestionKey),
}

/// Where the reviewer is in the review, and what they have selected.
#[derive(Debug, Default)]
pub struct Navigation {
    current_section: Option<SectionId>,
    selected: Option<Selected>,
    text_selection: Option<TextSelection>,
    caret: Option<Caret>,
    reply_drafts: HashMap<CommentId, String>,
    /// A comment just made, whose card has the keyboard, and where the history stood before
    /// it was made: left empty, it is taken back to there.
    unwritten: Option<(CommentId, HistoryPoint)>,
    scroll_to: Option<ScrollTarget>,
    requests: CardRequests,
}

impl Navigation {
    pub fn current_section(&self) -> Option<&SectionId> {
        self.current_section.as_ref()
    }

    pub fn selected_mark(&self) -> Option<&MarkId> {
        match &self.selected {
            Some(Selected::Mark(mark)) => Some(mark),
            _ => None,
        }
    }

    pub fn selected_suggestion(&self) -> Option<&SuggestionKey> {
        match &self.selected {
            Some(Selected::Suggestion(key)) => Some(key),
            _ => None,
        }
    }

    pub fn text_selection(&self) -> Option<&TextSelection> {
        self.text_selection.as_ref()
    }

    pub fn caret(&self) -> Option<&Caret> {
        self.caret.as_ref()
    }

    /// The reply being written to a comment, if any.
    pub fn reply_draft(&self, comment: &CommentId) -> Option<&str> {
        self.reply_drafts.get(comment).map(String::as_str)
    }

    /// The comment just made whose card has the keyboard, until the keyboard leaves it.
    pub fn unwritten_comment(&self) -> Option<&CommentId> {
        self.unwritten.as_ref().map(|(comment, _)| comment)
    }

    /// A comment was just made, from `before` in the history; its card gets the keyboard.
    pub(super) fn note_unwritten(&mut self, comment: CommentId, before: HistoryPoint) {
        self.unwritten = Some((comment, before));
    }

    /// The keyboard left the card of `comment`: where the history stood before it was made,
    /// if it is the comment just made.
    pub(super) fn take_unwritten(&mut self, comment: &CommentId) -> Option<HistoryPoint> {
        if self.unwritten_comment() != Some(comment) {
            return None;
        }
        self.unwritten.take().map(|(_, before)| before)
    }

    /// A review was shown in the desk: start at its first section, nothing selected.
    pub(super) fn start_on(&mut self, project: &Project) {
        *self = Self {
            current_section: project.sections.first().map(|s| s.id.clone()),
            ..Self::default()
        };
    }

    /// Makes a section current and scrolls to it; the caret waits at its start.
    pub(super) fn go_to_section(&mut self, section: SectionId) {
        self.scroll_to = Some(ScrollTarget {
            section: section.clone(),
            char_offset: None,
        });
        self.place_caret(Caret {
            section: section.clone(),
            offset: 0,
        });
        self.current_section = Some(section);
    }

    /// Makes a section current without scrolling.
    pub(super) fn focus_section(&mut self, section: SectionId) {
        self.current_section = Some(section);
    }

    /// Goes `step` sections on (back when negative), stopping at either end.
    pub(super) fn step_section(&mut self, project: &Project, step: isize) {
        let count = project.sections.len();
        let current = self
            .current_section
            .as_ref()
            .and_then(|id| project.section_index(id));
        let next = match current {
            Some(index) => index
                .saturating_add_signed(step)
                .min(count.saturating_sub(1)),
            None => 0,
        };
        if let Some(section) = project.sections.get(next) {
            self.go_to_section(section.id.clone());
        }
    }

    /// Selects text (or nothing); the caret goes to the selection's end unless it is at one
    /// of its ends already.
    pub(super) fn set_text_selection(&mut self, selection: Option<TextSelection>) {
        if let Some(selection) = &selection {
            self.current_section = Some(selection.section.clone());
            let at_an_end = self.caret.as_ref().is_some_and(|caret| {
                caret.section == selection.section
                    && (caret.offset == selection.range.start
                        || caret.offset == selection.range.end)
            });
            if !at_an_end {
                self.caret = Some(Caret {
                    section: selection.section.clone(),
                    offset: selection.range.end,
                });
            }
        }
        self.text_selection = selection;
    }

    /// Selects text and scrolls it into view: a match of find, ready to comment on.
    pub(super) fn show_text(&mut self, selection: TextSelection) {
        self.scroll_to = Some(ScrollTarget {
            section: selection.section.clone(),
            char_offset: Some(selection.range.start),
        });
        self.set_text_selection(Some(selection));
    }

    /// Puts the caret somewhere (a click, a passage gone to), leaving the selection as it is.
    pub(super) fn place_caret(&mut self, caret: Caret) {
        self.caret = Some(caret);
    }

    /// Moves the caret (the arrow keys): with `extend`, the selection grows or shrinks from
    /// where it started (its other end, or where the caret was), within the caret's section;
    /// otherwise the selection ends. The section becomes current. (The article keeps the
    /// caret in view itself, scrolling no more than it must.)
    pub(super) fn move_caret(&mut self, to: Caret, extend: bool) {
        self.text_selection = selection_after_moving(
            self.caret.as_ref(),
            self.text_selection.as_ref(),
            &to,
            extend,
        );
        self.current_section = Some(to.section.clone());
        self.caret = Some(to);
    }

    /// Selects a mark's card; with `scroll_text`, also scrolls the text to its passage,
    /// otherwise scrolls its card into view.
    pub(super) fn select_mark(&mut self, project: &Project, mark: MarkId, scroll_text: bool) {
        let Some(section) = project.section_of_mark(&mark).cloned() else {
            return;
        };
        if scroll_text {
            let char_offset = match &mark {
                MarkId::Comment(id) => project.comment(id).and_then(|c| c.placed_passage()),
                MarkId::Claim(id) => project.claim(id).and_then(|c| c.placed_passage()),
            }
            .map(|p| p.start);
            self.place_caret(Caret {
                section: section.clone(),
                offset: char_offset.unwrap_or(0),
            });
            self.scroll_to = Some(ScrollTarget {
                section: section.clone(),
                char_offset,
            });
        } else {
            self.requests.reveal = Some(mark.clone());
        }
        self.current_section = Some(section);
        self.selected = Some(Selected::Mark(mark));
    }

    /// Selects a mark just made: its card opens with the keyboard in its text field.
    pub(super) fn select_new_mark(&mut self, project: &Project, mark: MarkId) {
        self.requests.focus = Some(mark.clone());
        self.select_mark(project, mark, false);
    }

    /// Selects a mark and both scrolls the text to it and its card into view.
    pub(super) fn show_mark(&mut self, project: &Project, mark: MarkId) {
        self.select_mark(project, mark.clone(), true);
        self.requests.reveal = Some(mark);
    }

    /// The Library tab was asked for: the keyboard goes to its search field, as it goes to
    /// the find bar's query on Ctrl+F.
    pub(super) fn focus_library_search(&mut self) {
        self.requests.focus_library_search = true;
    }

    /// Selects a suggestion, scrolling the text to its sentence and the list to it.
    pub(super) fn select_suggestion(&mut self, key: SuggestionKey) {
        self.place_caret(Caret {
            section: key.section.clone(),
            offset: key.start,
        });
        self.scroll_to = Some(ScrollTarget {
            section: key.section.clone(),
            char_offset: Some(key.start),
        });
        self.current_section = Some(key.section.clone());
        self.requests.reveal_suggestion = Some(key.clone());
        self.selected = Some(Selected::Suggestion(key));
    }

    /// No mark selected, no text and no caret: a new draft's text is not the one they were on.
    pub(super) fn clear_mark_and_text(&mut self) {
        if self.selected_mark().is_some() {
            self.selected = None;
        }
        self.text_selection = None;
        self.caret = None;
    }

    pub(super) fn clear_selected_suggestion(&mut self) {
        if self.selected_suggestion().is_some() {
            self.selected = None;
        }
    }

    /// After undo or redo, or a new draft, the selected mark may no longer exist, nor the
    /// caret's section.
    pub(super) fn forget_missing_marks(&mut self, project: &Project) {
        if let Some(mark) = self.selected_mark()
            && project.section_of_mark(mark).is_none()
        {
            self.selected = None;
        }
        if let Some(caret) = &self.caret
            && project.section(&caret.section).is_none()
        {
            self.caret = None;
        }
    }

    /// Forgets a selected suggestion that is no longer undecided.
    pub(super) fn forget_suggestion_unless(
        &mut self,
        still_there: impl Fn(&SuggestionKey) -> bool,
    ) {
        if self
            .selected_suggestion()
            .is_some_and(|key| !still_there(key))
        {
            self.selected = None;
        }
    }

    pub(super) fn set_reply_draft(&mut self, comment: CommentId, text: String) {
        self.reply_drafts.insert(comment, text);
    }

    pub(super) fn take_reply_draft(&mut self, comment: &CommentId) -> String {
        self.reply_drafts.remove(comment).unwrap_or_default()
    }

    /// Where the article should scroll to this frame, once.
    pub fn take_scroll_target(&mut self) -> Option<ScrollTarget> {
        self.scroll_to.take()
    }

    /// What the side panel should bring into view or focus this frame, once.
    pub fn take_card_requests(&mut self) -> CardRequests {
        std::mem::take(&mut self.requests)
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::Navigation;
    use crate::model::MarkId;
    use crate::suggest::SuggestionKey;

    #[test]
    fn a_mark_and_a_suggestion_are_never_selected_at_once() {
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let mut navigation = Navigation::default();
        navigation.start_on(&project);
        let mark = MarkId::Comment(project.comments[0].id.clone());
        navigation.select_mark(&project, mark.clone(), false);
        assert_eq!(navigation.selected_mark(), Some(&mark));
        let key = SuggestionKey {
            section: project.sections[1].id.clone(),
            start: 0,
        };
        navigation.select_suggestion(key.clone());
        assert_eq!(navigation.selected_mark(), None);
        assert_eq!(navigation.selected_suggestion(), Some(&key));
        assert_eq!(navigation.current_section(), Some(&key.section));
        assert_eq!(navigation.take_card_requests().reveal_suggestion, Some(key));
        assert_eq!(navigation.take_card_requests().reveal_suggestion, None);
    }

    #[test]
    fn stepping_sections_stops_at_either_end() {
        let project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let mut navigation = Navigation::default();
        navigation.start_on(&project);
        navigation.step_section(&project, -1);
        assert_eq!(navigation.current_section(), Some(&project.sections[0].id));
        navigation.step_section(&project, 100);
        let last = project.sections.last().map(|s| &s.id);
        assert_eq!(navigation.current_section(), last);
        assert!(navigation.take_scroll_target().is_some());
    }
}
