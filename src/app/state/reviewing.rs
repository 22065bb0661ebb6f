//! The reviewer's and fact-checker's work turned into edits: marking the selected text,
//! commenting on a section (and taking back a comment left empty), replying, resolving,
//! statuses, removing a claim, deciding suggestions, settling the marks a revised draft could
//! not place — and stepping through what is still open.

use jiff::Timestamp;

use super::AppState;
use crate::app::side_panel::SidePanel;
use crate::document::HistoryPoint;
use crate::edit::{Edit, TextField};
use crate::model::{
    CheckKind, Claim, ClaimId, ClaimStatus, Comment, CommentId, MarkId, Passage, Reply, Resolution,
    ReviewStatus, Reviewer,
};
use crate::query::{next_open_claim, next_suggestion};
use crate::revise::{confirm_edit, reattach_edit, reject_edit, resolve_orphan_edit};
use crate::suggest::SuggestionKey;
use crate::text::{counted, shortened};

impl AppState {
    fn reviewer(&self) -> Reviewer {
        self.prefs.reviewer()
    }

    /// `edit`, made one undo step with noting the reviewer in the review's list when it does
    /// not name them yet as they are now (their first change to it, or a new name or role):
    /// a merged review says who its reviewers are. Not with typing, which folds into the step
    /// before it.
    pub(super) fn noting_the_reviewer(&self, edit: Edit) -> Edit {
        let reviewer = self.prefs.reviewer();
        let Some(project) = self.project() else {
            return edit;
        };
        if reviewer.name.trim().is_empty()
            || edit.text_field().is_some()
            || project.reviewers.contains(&reviewer)
        {
            return edit;
        }
        Edit::Batch {
            label: edit.describe(project),
            edits: vec![Edit::NoteReviewer { reviewer }, edit],
        }
    }

    /// Comments on, or flags as a claim, the text the reviewer selected.
    pub(super) fn mark_selection(&mut self, claim: bool) {
        let what = if claim { "flag a claim" } else { "comment" };
        let Some(selection) = self.navigation.text_selection().cloned() else {
            self.dialogs.show_error(format!(
                "Select a passage first (drag across the text), then {what}."
            ));
            return;
        };
        let Some(section) = self.project().and_then(|p| p.section(&selection.section)) else {
            return;
        };
        let passage = match Passage::from_section_text(&section.text, selection.range.clone()) {
            Ok(passage) => passage,
            Err(error) => {
                self.dialogs
                    .show_error(format!("Cannot {what} here: {error}."));
                return;
            }
        };
        let now = Timestamp::now();
        let before = self.history_point();
        let (edit, mark) = if claim {
            let mut claim = Claim::new(selection.section.clone(), passage, &self.reviewer(), now);
            claim.kinds = self.views.kinds_at(&selection.section, &selection.range);
            let mark = MarkId::Claim(claim.id.clone());
            (Edit::add_claim(claim), mark)
        } else {
            let comment = Comment::new(selection.section, Some(passage), &self.reviewer(), now);
            let mark = MarkId::Comment(comment.id.clone());
            (Edit::add_comment(comment), mark)
        };
        let made = self.apply(edit);
        self.navigation.set_text_selection(None);
        self.select_new_mark(mark, made.then_some(before).flatten());
    }

    pub(super) fn comment_on_section(&mut self) {
        let Some(section) = self.navigation.current_section().cloned() else {
            return;
        };
        let comment = Comment::new(section, None, &self.reviewer(), Timestamp::now());
        let mark = MarkId::Comment(comment.id.clone());
        let before = self.history_point();
        let made = self.apply(Edit::add_comment(comment));
        self.select_new_mark(mark, made.then_some(before).flatten());
    }

    fn history_point(&self) -> Option<HistoryPoint> {
        self.review.as_ref().map(|r| r.document().history_point())
    }

    /// Opens the card of a mark just made with the keyboard in it; a comment made from
    /// `before` in the history is taken back if the keyboard leaves it empty.
    fn select_new_mark(&mut self, mark: MarkId, before: Option<HistoryPoint>) {
        let Some(review) = &self.review else {
            return;
        };
        self.navigation
            .select_new_mark(review.project(), mark.clone());
        self.views.show_card_of(review.project(), &mark);
        if let (MarkId::Comment(comment), Some(before)) = (mark, before) {
            self.navigation.note_unwritten(comment, before);
        }
    }

    /// The keyboard left the card of a comment just made: if nothing was written in it, it
    /// is taken back as if never made, leaving nothing to undo (making an empty comment and
    /// leaving it is no change).
    pub(super) fn leave_new_comment(&mut self, comment: &CommentId) {
        let Some(before) = self.navigation.take_unwritten(comment) else {
            return;
        };
        if self.changes_on_hold().is_some() {
            return;
        }
        let Some(review) = &mut self.review else {
            return;
        };
        let empty = review
            .project()
            .comment(comment)
            .is_some_and(|c| c.body.trim().is_empty());
        if empty
            && review.read_only().is_none()
            && review
                .document_mut()
                .withdraw_since(before, &TextField::CommentBody(comment.clone()))
        {
            self.navigation.forget_missing_marks(review.project());
        }
    }

    /// Removes a claim; when sources or a verdict note go with it, says so and how to get
    /// them back (undo is one step away: asking first would slow every removal down).
    pub(super) fn remove_claim(&mut self, id: &ClaimId) {
        let Some(claim) = self.project().and_then(|p| p.claim(id)) else {
            return;
        };
        let mut went_with_it = Vec::new();
        if !claim.sources.is_empty() {
            went_with_it.push(format!(
                "its {}",
                counted(claim.sources.len(), "source", "sources")
            ));
        }
        if !claim.note.trim().is_empty() {
            went_with_it.push("its verdict note".to_owned());
        }
        let message = format!(
            "Removed the claim “{}” with {} (Ctrl+Z brings them back).",
            shortened(&claim.passage.quote, 40),
            went_with_it.join(" and ")
        );
        let edit = Edit::delete_claim(id.clone(), self.stamp());
        if self.apply(edit) && !went_with_it.is_empty() {
            self.dialogs.show_info(message);
        }
    }

    pub(super) fn send_reply(&mut self, comment: CommentId) {
        let text = self.navigation.take_reply_draft(&comment);
        if text.trim().is_empty() {
            return;
        }
        let reply = Reply::new(&self.reviewer(), Timestamp::now(), text.trim());
        self.apply(Edit::add_reply(comment, reply));
    }

    pub(super) fn resolve_comment(&mut self, comment: CommentId, resolve: bool) {
        let resolved = resolve.then(|| Resolution::new(&self.reviewer(), Timestamp::now()));
        self.apply(Edit::SetCommentResolved {
            id: comment,
            resolved,
        });
    }

    pub(super) fn set_current_status(&mut self, status: ReviewStatus) {
        if let Some(section) = self.navigation.current_section().cloned() {
            self.apply(Edit::section_status(section, status, self.stamp()));
        }
    }

    pub(super) fn set_claim_status(&mut self, claim: &ClaimId, status: ClaimStatus) {
        let Some(claim) = self.project().and_then(|p| p.claim(claim)) else {
            return;
        };
        if claim.status == status {
            return;
        }
        let edit = Edit::claim_status_change(claim, status, &self.reviewer(), Timestamp::now());
        self.apply(edit);
    }

    pub(super) fn select_suggestion(&mut self, key: SuggestionKey) {
        self.navigation.select_suggestion(key);
        self.views.show(SidePanel::Suggestions);
    }

    /// Accepts or dismisses a suggestion, then selects the next undecided one, so a
    /// fact-checker can work down the list from the keyboard.
    pub(super) fn decide_suggestion(&mut self, key: &SuggestionKey, accept: bool) {
        let Some(project) = self.project() else {
            return;
        };
        let decision = if accept {
            self.views.accept(key, project, &self.reviewer())
        } else {
            self.views.dismiss(key, &self.reviewer())
        };
        let Some(decision) = decision else {
            return;
        };
        let keys = self.views.suggestions().undecided_keys();
        let next = next_suggestion(project, &keys, Some(key), None, true);
        if !self.apply(decision.edit) {
            return;
        }
        self.views.refresh(self.review.as_ref());
        self.navigation.clear_selected_suggestion();
        if let Some(next) = next.filter(|next| next != key)
            && self.views.suggestions().find(&next).is_some()
        {
            self.select_suggestion(next);
        }
        self.dialogs
            .show_info(format!("{} (Ctrl+Z undoes it)", decision.message));
    }

    pub(super) fn accept_all_of_kind(&mut self, kind: CheckKind) {
        let Some(project) = self.project() else {
            return;
        };
        let Some(decision) = self.views.accept_all(kind, project, &self.reviewer()) else {
            return;
        };
        if self.apply(decision.edit) {
            self.navigation.clear_selected_suggestion();
            self.dialogs.show_info(decision.message);
        }
    }

    pub(super) fn step_suggestion(&mut self, forward: bool) {
        // Going through suggestions means seeing them.
        self.prefs.show_suggestions = true;
        let next = self.project().and_then(|project| {
            next_suggestion(
                project,
                &self.views.suggestions().undecided_keys(),
                self.navigation.selected_suggestion(),
                self.navigation.current_section(),
                forward,
            )
        });
        match next {
            Some(key) => self.select_suggestion(key),
            None => self.dialogs.show_info("No suggestions left to decide."),
        }
    }

    /// Selects the next (or previous) open claim, wrapping around: in the claims view's
    /// filter and order while that view is shown, otherwise in reading order.
    pub(super) fn step_open_claim(&mut self, forward: bool) {
        let Some(project) = self.project() else {
            return;
        };
        let listed = self.views.listed_claims();
        let selected = match self.navigation.selected_mark() {
            Some(MarkId::Claim(id)) => Some(id),
            _ => None,
        };
        let next = next_open_claim(
            project,
            listed,
            selected,
            self.navigation.current_section(),
            forward,
        );
        let Some(id) = next else {
            let message = if listed.is_some() {
                "No open claim among the claims listed."
            } else {
                "No open claims: every claim is verified or dealt with."
            };
            self.dialogs.show_info(message);
            return;
        };
        if self.views.side_panel() == SidePanel::Suggestions {
            self.views.show(SidePanel::Section);
        }
        if let Some(review) = &self.review {
            self.navigation
                .show_mark(review.project(), MarkId::Claim(id));
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
        let Some(selection) = self.navigation.text_selection().cloned() else {
            self.dialogs.show_error(
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
                self.dialogs
                    .show_error(format!("That selection cannot hold a mark: {error}."));
                return;
            }
        };
        let edit = reattach_edit(
            project,
            mark,
            selection.section,
            passage,
            &self.reviewer(),
            Timestamp::now(),
        );
        if let Some(edit) = edit
            && self.apply(edit)
        {
            self.navigation.set_text_selection(None);
            if let Some(review) = &self.review {
                self.navigation
                    .select_mark(review.project(), mark.clone(), false);
            }
        }
    }
}
