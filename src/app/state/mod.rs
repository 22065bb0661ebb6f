//! What the desk shows and what the person is doing, and the one place that changes it.
//!
//! Widgets read [`AppState`] and push [`Action`]s; [`AppState::handle`] carries them out
//! after the frame is drawn. Changes to the review itself go through [`Document::apply`] as
//! [`Edit`] values ([`AppState::apply`]), so everything is undoable and nothing is changed
//! behind the history.
//!
//! The state is grouped by concern, each group a struct that owns its fields:
//! [`Navigation`] (where the reviewer is and what is selected), [`FactCheckViews`] (the side
//! panel's tab, the claims view, the suggestions), [`Files`] (dialogs, saving, autosave,
//! long work), [`CommentViews`] (the Comments tab), [`Dialogs`] (the question asked, the
//! notice shown) and [`Find`] (the find bar, its matches). `handle` routes each
//! action to the group it belongs to; what spans groups — an edit built from the selection,
//! a file that replaces the review — is done here and in `reviewing` and `files`, through
//! the groups' methods.

mod action;
mod checking;
mod comment_views;
mod commenting;
mod conflict_index;
mod dialogs;
mod files;
mod find;
mod finding;
mod library;
mod library_matches;
mod library_work;
mod navigation;
mod review;
mod reviewing;
mod settling;
mod suggestion_cache;

pub use action::{Action, BesideChoice, DiskChoice, ElsewhereChoice, LibraryAction, UnsavedChoice};
pub use checking::FactCheckViews;
pub use comment_views::CommentViews;
pub use conflict_index::{ConflictIndex, conflict_mark};
pub use dialogs::{AfterUnsaved, Dialogs, Modal, NOTICE_DURATION, Notice};
pub(crate) use files::with_thousands;
pub use files::{ChooserRequest, Files, Place, RecoveryOffer, SHOW_PROGRESS_AFTER, WorkInProgress};
pub use find::Find;
pub use library::LibraryState;
pub use library_matches::{CheckedBefore, LibraryMatches};
pub use library_work::folder_name;
pub use navigation::{
    CardRequests, Caret, Navigation, ScrollTarget, TextSelection, selection_after_moving,
};
pub use review::{OpenReview, ReadOnly};
pub use suggestion_cache::SuggestionCache;

use super::command::UiCommand;
use super::file_dialogs::{DialogPurpose, FileDialogs};
use super::panel_layout::{self, DeskPanel};
use super::prefs::Preferences;
use super::side_panel::SidePanel;
use crate::document::Document;
use crate::edit::Edit;
use crate::model::{MarkId, Project};
use crate::storage::Safekeeping;

pub struct AppState {
    /// The review open in the desk.
    pub review: Option<OpenReview>,
    /// The reviewer's name, recent files, theme: kept between sessions, never in a review.
    pub prefs: Preferences,
    pub navigation: Navigation,
    pub views: FactCheckViews,
    /// The Comments tab (issue 17, items 4 and 5).
    pub comment_views: CommentViews,
    pub files: Files,
    pub dialogs: Dialogs,
    /// The find bar (issue 17, item 3).
    pub find: Find,
    /// The claim library and the open review's matches in it (issue 20).
    pub library: LibraryState,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field(
                "review",
                &self.review.as_ref().map(OpenReview::display_name),
            )
            .field("current_section", &self.navigation.current_section())
            .field("modal", &self.dialogs.modal())
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(
        prefs: Preferences,
        dialogs: Box<dyn FileDialogs>,
        safekeeping: Safekeeping,
    ) -> Self {
        Self {
            review: None,
            dialogs: Dialogs::asking_for_name_if_unknown(&prefs.reviewer_name),
            prefs,
            navigation: Navigation::default(),
            views: FactCheckViews::default(),
            comment_views: CommentViews::default(),
            library: LibraryState::in_data_folder(safekeeping.data_dir.clone()),
            files: Files::new(dialogs, safekeeping),
            find: Find::default(),
        }
    }

    pub fn project(&self) -> Option<&Project> {
        self.review.as_ref().map(OpenReview::project)
    }

    /// The reviewer at work, now: what a deletion or a status records.
    pub fn stamp(&self) -> crate::model::Stamp {
        crate::model::Stamp::new(&self.prefs.reviewer(), jiff::Timestamp::now())
    }

    pub fn is_dirty(&self) -> bool {
        self.review.as_ref().is_some_and(OpenReview::is_dirty)
    }

    /// Shows a review in the desk, replacing whatever was open.
    pub fn show_review(&mut self, review: OpenReview) {
        // What the review being closed had in its journal was saved or given up on purpose.
        self.discard_journal();
        self.navigation.start_on(review.project());
        self.views.start_on(&review);
        self.comment_views.start_on();
        if let (Some(path), Some(read)) = (review.path(), &review.base) {
            self.library.add_review(path, std::sync::Arc::clone(read));
        }
        self.review = Some(review);
    }

    /// Brings what is derived from the review (its marks by section, the suggestions) up to
    /// date with it, and asks about reviews a crashed desk left once nothing else is asked.
    pub fn refresh(&mut self) {
        if !self.dialogs.is_asking() && self.files.recovery_waits() {
            self.dialogs.ask(Modal::Recover);
        }
        if let Some(review) = &mut self.review {
            review.refresh_marks();
        }
        self.views.offer_suggestions(self.prefs.suggestion_strength);
        self.views.refresh(self.review.as_ref());
        let suggestions = self.views.suggestions();
        self.navigation
            .forget_suggestion_unless(|key| suggestions.find(key).is_some());
        self.refresh_find();
        self.library
            .refresh(self.review.as_ref(), self.views.suggestions());
        self.say_library_notices();
    }

    /// Whether the desk must keep drawing frames to pick up work running off its thread.
    pub fn is_waiting_for_work(&self) -> bool {
        self.views.suggestions().is_reading()
            || self.files.is_busy()
            || self.find.is_behind()
            || self.library.is_busy()
    }

    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        let project = self.review.as_ref().map(OpenReview::project);
        match action {
            Action::Command(command) => self.run_command(command, ctx),
            Action::Edit(edit) => {
                self.apply(edit);
            }
            Action::EndTyping => {
                if let Some(review) = &mut self.review {
                    review.document_mut().seal();
                }
            }
            Action::GoToSection(section) => self.navigation.go_to_section(section),
            Action::FocusSection(section) => self.navigation.focus_section(section),
            Action::SelectMark(mark) => {
                if let Some(project) = project {
                    self.navigation.select_mark(project, mark.clone(), false);
                    self.views.show_card_of(project, &mark);
                }
            }
            Action::ShowMark(mark) => {
                if let Some(project) = project {
                    self.navigation.select_mark(project, mark, true);
                }
            }
            Action::SetTextSelection(selection) => self.navigation.set_text_selection(selection),
            Action::SetReplyDraft { comment, text } => {
                self.navigation.set_reply_draft(comment, text);
            }
            Action::SelectSuggestion(key) => self.select_suggestion(key),
            Action::SetClaimsView(view) => self.views.set_claims_view(view),
            Action::Open(path) => {
                if !self.refuse_while_busy() {
                    self.unless_unsaved(AfterUnsaved::Open(path), ctx);
                }
            }
            Action::AskWebAddress(address) => {
                self.unless_unsaved(AfterUnsaved::AskAddress(address), ctx);
            }
            Action::EditWebAddress(text) => self.edit_web_address(text),
            Action::ImportFromAddress(address) => self.start_fetch(&address),
            Action::SetReviewerName(name) => {
                let name = name.trim();
                if name.is_empty() {
                    self.dialogs.show_error(dialogs::NAME_NEEDED);
                } else {
                    name.clone_into(&mut self.prefs.reviewer_name);
                    if let Some(Modal::ReviewerName { role, .. }) = self.dialogs.modal() {
                        self.prefs.reviewer_role = *role;
                    }
                    self.dialogs.name_entered();
                }
            }
            Action::EditReviewerNameDraft(text) => {
                if let Some(Modal::ReviewerName { draft, .. }) = self.dialogs.modal_mut() {
                    *draft = text;
                }
            }
            Action::EditReviewerRoleDraft(chosen) => {
                if let Some(Modal::ReviewerName { role, .. }) = self.dialogs.modal_mut() {
                    *role = chosen;
                }
            }
            Action::SetTheme(theme) => self.prefs.theme = theme,
            Action::CloseModal => self.dialogs.close(&self.prefs.reviewer_name),
            Action::DismissNotice => self.dialogs.dismiss_notice(),
            Action::SendReply(comment) => self.send_reply(comment),
            Action::ResolveComment { comment, resolve } => self.resolve_comment(comment, resolve),
            Action::SetClaimStatus { claim, status } => self.set_claim_status(&claim, status),
            Action::AcceptSuggestion(key) => self.decide_suggestion(&key, true),
            Action::DismissSuggestion(key) => self.decide_suggestion(&key, false),
            Action::AcceptAllOfKind(kind) => self.accept_all_of_kind(kind),
            Action::ConfirmPlacement(mark) => self.confirm_placement(&mark),
            Action::RejectPlacement(mark) => self.reject_placement(&mark),
            Action::ReattachToSelection(mark) => self.reattach_to_selection(&mark),
            Action::ResolveOrphan(mark) => self.resolve_orphan(&mark),
            Action::ResolveConflict { conflict, pick } => self.resolve_conflict(&conflict, pick),
            Action::GoToConflict(conflict) => self.go_to_conflict(&conflict),
            Action::ShowMarksBy(reviewer) => {
                self.comment_views.follow_marks_by(reviewer.clone());
                self.views.show_marks_by(reviewer);
                // A card that is no longer shown is no longer selected.
                let hidden =
                    project
                        .zip(self.navigation.selected_mark())
                        .and_then(|(project, mark)| match mark {
                            MarkId::Comment(id) => project.comment(id).map(|c| &c.author_id),
                            MarkId::Claim(id) => project.claim(id).map(|c| &c.author_id),
                        });
                if hidden.is_some_and(|author| !self.views.shows_marks_of(author)) {
                    self.navigation.clear_mark_and_text();
                }
            }
            Action::AnswerUnsaved(choice) => self.answer_unsaved(choice, ctx),
            Action::ChooseExportFormat(format) => {
                if let Some(Modal::Export { format: chosen }) = self.dialogs.modal_mut() {
                    *chosen = format;
                }
            }
            Action::ExportAs(format) => self.ask_export_path(format, ctx),
            Action::AnswerChangedOnDisk(choice) => self.answer_changed_on_disk(choice, ctx),
            Action::AnswerOpenElsewhere(choice) => self.answer_open_elsewhere(choice),
            Action::Restore(journal) => self.ask_restore(journal, ctx),
            Action::DiscardRecovery(journal) => self.discard_recovery(&journal),
            Action::PostponeRecovery => {
                self.files.postpone_recovery();
                self.dialogs.close_if(&Modal::Recover);
            }
            Action::LeaveNewComment(comment) => self.leave_new_comment(&comment),
            Action::RemoveClaim(claim) => self.remove_claim(&claim),
            Action::AnswerFileChooser(answer) => self.answer_chooser(answer, ctx),
            Action::OpenSample => {
                if !self.refuse_while_busy() {
                    self.open_sample();
                }
            }
            Action::AnswerReviewBeside(choice) => self.answer_review_beside(choice),
            Action::SetFindQuery(query) => self.set_find_query(query),
            Action::CloseFind => self.close_find(),
            Action::SetCommentsView(query) => self.comment_views.set_query(query),
            Action::ShowTrackedChanges(show) => self.show_tracked_changes(show),
            Action::AcknowledgeChanges(scope) => self.acknowledge_changes(&scope),
            Action::PlaceCaret(caret) => self.navigation.place_caret(caret),
            Action::MoveCaret { to, extend } => self.navigation.move_caret(to, extend),
            Action::EditSectionQuery(typed) => {
                if let Some(Modal::GoToSection { query, highlighted }) = self.dialogs.modal_mut() {
                    *query = typed;
                    *highlighted = 0;
                }
            }
            Action::HighlightSectionMatch(index) => {
                if let Some(Modal::GoToSection { highlighted, .. }) = self.dialogs.modal_mut() {
                    *highlighted = index;
                }
            }
            Action::Library(action) => self.handle_library(action, ctx),
        }
        self.refresh();
    }

    /// Applies an edit to the open review; says so (and returns false) when it cannot be made.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        let Some(review) = &self.review else {
            return false;
        };
        let refusal = match review.read_only() {
            Some(read_only) => Some(read_only.explanation()),
            // What is being opened or revised was read from the review as it is.
            None => self
                .changes_on_hold()
                .map(|reason| format!("{reason}; make it again once that is done")),
        };
        if let Some(reason) = refusal {
            self.dialogs
                .show_error(format!("That change was not made: {reason}."));
            return false;
        }
        let edit = self.noting_the_reviewer(edit);
        let Some(review) = &mut self.review else {
            return false;
        };
        // Typing after a pause starts an undo step of its own.
        match review
            .document_mut()
            .apply_at(edit, std::time::Instant::now())
        {
            Ok(()) => true,
            Err(error) => {
                self.dialogs
                    .show_error(format!("That change could not be made: {error}."));
                false
            }
        }
    }

    fn run_command(&mut self, command: UiCommand, ctx: &egui::Context) {
        let reads_a_file = matches!(
            command,
            UiCommand::ImportArticle
                | UiCommand::ImportFromAddress
                | UiCommand::ImportRevision
                | UiCommand::OpenProject
                | UiCommand::MergeReview
        );
        // Refused before a file dialog asks for a file that could not be read anyway.
        if reads_a_file && self.refuse_while_busy() {
            return;
        }
        let project = self.review.as_ref().map(OpenReview::project);
        match command {
            UiCommand::ImportArticle => self.unless_unsaved(AfterUnsaved::AskImport, ctx),
            UiCommand::ImportFromAddress => {
                self.unless_unsaved(AfterUnsaved::AskAddress(String::new()), ctx);
            }
            UiCommand::ImportRevision => {
                if self.review.is_some() {
                    self.ask_file(DialogPurpose::ImportRevision, None, ctx);
                } else {
                    self.dialogs.show_error(
                        "Open a review first: a revised draft continues an existing review.",
                    );
                }
            }
            UiCommand::OpenProject => self.unless_unsaved(AfterUnsaved::AskOpen, ctx),
            UiCommand::MergeReview => {
                if self.can_take_a_merge() {
                    self.ask_file(DialogPurpose::MergeReview, None, ctx);
                }
            }
            UiCommand::Save => self.save(None, ctx),
            UiCommand::SaveAs => self.ask_save_path(None, ctx),
            UiCommand::Export => self.ask_export_format(),
            UiCommand::Quit => self.unless_unsaved(AfterUnsaved::Quit, ctx),
            UiCommand::Undo => self.undo_or_redo(true),
            UiCommand::Redo => self.undo_or_redo(false),
            UiCommand::CommentOnSelection => self.mark_selection(false),
            UiCommand::FlagClaim => self.mark_selection(true),
            UiCommand::CommentOnSection => self.comment_on_section(),
            UiCommand::NextSection | UiCommand::PreviousSection => {
                let step = if command == UiCommand::NextSection {
                    1
                } else {
                    -1
                };
                if let Some(project) = project {
                    self.navigation.step_section(project, step);
                }
            }
            UiCommand::SetStatus(status) => self.set_current_status(status),
            UiCommand::ChangeReviewerName => self.dialogs.ask(Modal::ReviewerName {
                draft: self.prefs.reviewer_name.clone(),
                role: self.prefs.reviewer_role,
            }),
            UiCommand::ShowShortcuts => self.dialogs.ask(Modal::Shortcuts),
            UiCommand::NextOpenClaim => self.step_open_claim(true),
            UiCommand::PreviousOpenClaim => self.step_open_claim(false),
            UiCommand::NextSuggestion => self.step_suggestion(true),
            UiCommand::PreviousSuggestion => self.step_suggestion(false),
            UiCommand::AcceptSuggestion | UiCommand::DismissSuggestion => {
                match self.navigation.selected_suggestion().cloned() {
                    Some(key) => {
                        self.decide_suggestion(&key, command == UiCommand::AcceptSuggestion);
                    }
                    None => self.dialogs.show_error(
                        "Select a suggestion first (F9 goes to the next one, or click a dotted underline).",
                    ),
                }
            }
            UiCommand::ToggleSuggestions => {
                self.prefs.show_suggestions = !self.prefs.show_suggestions;
                if !self.prefs.show_suggestions {
                    self.navigation.clear_selected_suggestion();
                }
            }
            UiCommand::ShowPanel(panel) => {
                self.views.show(panel);
                if panel == SidePanel::Library {
                    self.navigation.focus_library_search();
                }
            }
            UiCommand::OfferSuggestions(strength) => self.prefs.suggestion_strength = strength,
            UiCommand::ToggleOutline | UiCommand::ToggleSidePanel => {
                let panel = if command == UiCommand::ToggleOutline {
                    DeskPanel::Outline
                } else {
                    DeskPanel::SidePanel
                };
                let width = ctx.content_rect().width();
                self.prefs.panels = panel_layout::toggled(self.prefs.panels, panel, width);
            }
            UiCommand::UseOwnFileChooser => {
                self.prefs.own_file_chooser = !self.prefs.own_file_chooser;
            }
            UiCommand::Find => self.open_find(),
            UiCommand::FindNext => self.step_match(true),
            UiCommand::FindPrevious => self.step_match(false),
            UiCommand::NextOpenComment => self.step_open_comment(true),
            UiCommand::PreviousOpenComment => self.step_open_comment(false),
            UiCommand::ShowTrackedChanges => self.show_tracked_changes(true),
            UiCommand::GoToSectionByHeading => {
                if self.review.is_some() {
                    self.dialogs.ask(Modal::GoToSection {
                        query: String::new(),
                        highlighted: 0,
                    });
                }
            }
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        if let Some(reason) = self.changes_on_hold() {
            let (what, verb) = if undo {
                ("Nothing was undone", "undo")
            } else {
                ("Nothing was redone", "redo")
            };
            self.dialogs
                .show_error(format!("{what}: {reason}; {verb} once that is done."));
            return;
        }
        let Some(review) = &mut self.review else {
            return;
        };
        if review.read_only().is_some() {
            return;
        }
        let document: &mut Document = review.document_mut();
        let label = if undo {
            document.undo()
        } else {
            document.redo()
        };
        match label {
            Some(label) => {
                self.navigation.forget_missing_marks(review.project());
                let verb = if undo { "Undid" } else { "Redid" };
                self.dialogs.show_info(format!("{verb}: {label}"));
            }
            None => self.dialogs.show_info(if undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            }),
        }
    }
}
