//! What the desk shows and what the user is doing, and the one place that changes it.
//!
//! Widgets read [`AppState`] and push [`Action`]s; [`AppState::handle`] applies them after
//! the frame is drawn. Changes to the review itself go through [`Document::apply`] as
//! [`Edit`] values, so everything is undoable and nothing is changed behind the history.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::Timestamp;

mod export;
mod fact_check;
mod file_worker;
mod files;
mod long_work;
mod recovery;
mod revision;
mod saving;

pub use fact_check::{
    ClaimOrder, ClaimsView, SidePanel, StatusFilter, SuggestionCache, SuggestionKey,
};
use file_worker::FileWorker;

pub use files::file_name;
use files::{AskedDialog, PendingOpen};
pub use long_work::{SHOW_PROGRESS_AFTER, WorkInProgress};
use recovery::JournalState;
pub use recovery::RecoveryOffer;
pub use saving::DiskChoice;
use saving::PendingSave;

use super::command::UiCommand;
use super::file_dialogs::{DialogPurpose, FileDialogs};
use super::prefs::{Preferences, Theme};
use crate::document::Document;
use crate::edit::Edit;
use crate::export::ExportFormat;
use crate::model::{
    CheckKind, Claim, ClaimId, ClaimStatus, Comment, CommentId, MarkId, MarkIndex, Passage,
    Project, Resolution, ReviewStatus, SectionId,
};
use crate::open::ProjectOnDisk;
use crate::storage::Safekeeping;
use crate::storage::lock::ProjectLock;

/// The error shown when the reviewer's name is left empty.
const NAME_NEEDED: &str = "Please enter a name: it is written on your comments and claims.";

/// How long an informational notice stays up.
pub const NOTICE_DURATION: Duration = Duration::from_secs(5);

/// A review open in the desk.
#[derive(Debug)]
pub struct OpenReview {
    /// Tells reviews apart, so views drop what they cached for the previous one.
    pub serial: u64,
    pub document: Document,
    /// The project file, once the review has been saved or was opened from one.
    pub path: Option<PathBuf>,
    /// The article it was imported from, if it was imported in this session.
    pub article_path: Option<PathBuf>,
    /// What the project file held when it was opened or last saved.
    pub on_disk: Option<ProjectOnDisk>,
    /// Set when the review cannot be changed in this window, and why.
    pub read_only: Option<ReadOnly>,
    /// The project's lock file, while this window holds it.
    lock: Option<ProjectLock>,
    journal: JournalState,
    /// The marks by section, as of `marks_change_count` of the document.
    marks: MarkIndex,
    marks_change_count: Option<u64>,
}

/// Why a review is open read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// Someone else has it open (their lock file says who).
    OpenElsewhere { owner: String },
    /// It was saved by a newer copydesk, in this format version.
    NewerVersion { version: u32 },
}

impl OpenReview {
    pub fn new(document: Document, path: Option<PathBuf>, article_path: Option<PathBuf>) -> Self {
        static NEXT_SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let journal = JournalState {
            seen_change_count: document.change_count(),
            ..JournalState::default()
        };
        let marks = MarkIndex::of(document.project());
        let marks_change_count = Some(document.structure_change_count());
        Self {
            serial: NEXT_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            document,
            path,
            article_path,
            on_disk: None,
            read_only: None,
            lock: None,
            journal,
            marks,
            marks_change_count,
        }
    }

    pub fn project(&self) -> &Project {
        self.document.project()
    }

    /// The project's marks by section, as of the last [`AppState::refresh`] (every frame,
    /// before anything is drawn).
    pub fn marks(&self) -> &MarkIndex {
        &self.marks
    }

    fn refresh_marks(&mut self) {
        let revision = self.document.structure_change_count();
        if self.marks_change_count != Some(revision) {
            self.marks = MarkIndex::of(self.document.project());
            self.marks_change_count = Some(revision);
        }
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(path) => file_name(path),
            None => self.project().draft.file_name.clone(),
        }
    }
}

/// Text the reviewer has selected with the mouse, in one section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub section: SectionId,
    /// Character offsets into the section text.
    pub range: Range<usize>,
}

/// Where the article view should scroll to on its next frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScrollTarget {
    pub section: SectionId,
    /// A character of the section text to bring into view, or the section's top.
    pub char_offset: Option<usize>,
}

/// What to do once unsaved changes have been saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterUnsaved {
    Quit,
    Open(PathBuf),
    AskImport,
    AskOpen,
    /// Restores the review kept in this recovery journal.
    Restore(PathBuf),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    /// Asks who the reviewer is (first start, or from the menu).
    ReviewerName {
        draft: String,
    },
    UnsavedChanges {
        then: AfterUnsaved,
    },
    Shortcuts,
    /// Asks what to export.
    Export {
        format: ExportFormat,
    },
    /// The project file changed on disk since it was opened: reload, overwrite or save as?
    ChangedOnDisk {
        path: PathBuf,
        then: Option<AfterUnsaved>,
    },
    /// The project is open elsewhere (its lock file names `owner`): open it read-only, or
    /// anyway?
    OpenElsewhere {
        path: PathBuf,
        owner: String,
    },
    /// Offers back what a desk that crashed left in its recovery journals.
    Recover,
}

/// What to do about a project someone else has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElsewhereChoice {
    ReadOnly,
    OpenAnyway,
    Cancel,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

#[derive(Clone, Debug)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub shown_at: Instant,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Command(UiCommand),
    Edit(Edit),
    /// A text field lost focus: the next keystroke starts a new undo step.
    EndTyping,
    /// Makes a section current and scrolls to it.
    GoToSection(SectionId),
    /// Makes a section current without scrolling (the reviewer clicked inside it).
    FocusSection(SectionId),
    /// Selects a mark's card (the reviewer clicked its highlight).
    SelectMark(MarkId),
    /// Selects a mark and scrolls the text to its passage (the reviewer clicked its card).
    ShowMark(MarkId),
    SetTextSelection(Option<TextSelection>),
    /// Opens a project or imports an article (drag and drop, recent files, command line).
    Open(PathBuf),
    SetReviewerName(String),
    EditReviewerNameDraft(String),
    SetTheme(Theme),
    SetReplyDraft {
        comment: CommentId,
        text: String,
    },
    SendReply(CommentId),
    ResolveComment {
        comment: CommentId,
        resolve: bool,
    },
    AnswerUnsaved(UnsavedChoice),
    CloseModal,
    DismissNotice,
    /// Sets a claim's status, recording who changed it and when.
    SetClaimStatus {
        claim: ClaimId,
        status: ClaimStatus,
    },
    /// Selects a suggestion and scrolls the text to its sentence.
    SelectSuggestion(SuggestionKey),
    AcceptSuggestion(SuggestionKey),
    DismissSuggestion(SuggestionKey),
    /// Accepts every undecided suggestion of a kind, as one undoable step.
    AcceptAllOfKind(CheckKind),
    SetClaimsView(ClaimsView),
    /// Accepts the place a revised draft proposed for a fuzzy mark.
    ConfirmPlacement(MarkId),
    /// Turns that place down: the mark becomes an orphan.
    RejectPlacement(MarkId),
    /// Attaches a fuzzy or orphaned mark to the selected text.
    ReattachToSelection(MarkId),
    /// Settles an orphan whose passage is gone from the article.
    ResolveOrphan(MarkId),
    /// Picks a format in the export dialog.
    ChooseExportFormat(ExportFormat),
    /// Exports in that format: asks where, then writes it.
    ExportAs(ExportFormat),
    AnswerChangedOnDisk(DiskChoice),
    AnswerOpenElsewhere(ElsewhereChoice),
    /// Restores the review in this recovery journal.
    Restore(PathBuf),
    /// Throws this recovery journal away.
    DiscardRecovery(PathBuf),
    /// Leaves the recovery journals for the next start.
    PostponeRecovery,
}

pub struct AppState {
    pub review: Option<OpenReview>,
    pub prefs: Preferences,
    pub current_section: Option<SectionId>,
    pub selected_mark: Option<MarkId>,
    pub text_selection: Option<TextSelection>,
    pub modal: Option<Modal>,
    pub notice: Option<Notice>,
    pub scroll_to: Option<ScrollTarget>,
    /// The card to scroll into view in the side panel.
    pub reveal_card: Option<MarkId>,
    /// The card whose text field should take the keyboard (a mark just made).
    pub focus_card: Option<MarkId>,
    pub reply_drafts: HashMap<CommentId, String>,
    pub side_panel: SidePanel,
    pub claims_view: ClaimsView,
    pub suggestions: SuggestionCache,
    pub selected_suggestion: Option<SuggestionKey>,
    /// The suggestion to scroll into view in the side panel.
    pub reveal_suggestion: Option<SuggestionKey>,
    /// Set when the window may close (nothing unsaved, or the user said so).
    pub quit_confirmed: bool,
    /// What was exported last, offered first next time.
    pub export_format: ExportFormat,
    /// Reviews a crashed desk left in recovery journals, not yet restored or discarded.
    pub recovery_offers: Vec<RecoveryOffer>,
    /// Set when the person chose to decide about them later.
    recovery_postponed: bool,
    dialogs: Box<dyn FileDialogs>,
    asked_dialog: Option<AskedDialog>,
    running_export: Option<export::RunningExport>,
    files: FileWorker,
    saving: Option<PendingSave>,
    /// A project read but not shown yet: it is open elsewhere and the person decides.
    pending_open: Option<PendingOpen>,
    /// An open or a revision running on its worker thread.
    running_job: Option<long_work::RunningJob>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field(
                "review",
                &self.review.as_ref().map(OpenReview::display_name),
            )
            .field("current_section", &self.current_section)
            .field("modal", &self.modal)
            .finish_non_exhaustive()
    }
}

impl AppState {
    pub fn new(
        prefs: Preferences,
        dialogs: Box<dyn FileDialogs>,
        safekeeping: Safekeeping,
    ) -> Self {
        let modal = prefs
            .reviewer_name
            .trim()
            .is_empty()
            .then(|| Modal::ReviewerName {
                draft: super::prefs::suggested_reviewer_name(),
            });
        Self {
            review: None,
            prefs,
            current_section: None,
            selected_mark: None,
            text_selection: None,
            modal,
            notice: None,
            scroll_to: None,
            reveal_card: None,
            focus_card: None,
            reply_drafts: HashMap::new(),
            side_panel: SidePanel::default(),
            claims_view: ClaimsView::default(),
            suggestions: SuggestionCache::default(),
            selected_suggestion: None,
            reveal_suggestion: None,
            quit_confirmed: false,
            export_format: ExportFormat::Html,
            recovery_offers: Vec::new(),
            recovery_postponed: false,
            dialogs,
            asked_dialog: None,
            running_export: None,
            files: FileWorker::start(safekeeping),
            saving: None,
            pending_open: None,
            running_job: None,
        }
    }

    pub fn project(&self) -> Option<&Project> {
        self.review.as_ref().map(OpenReview::project)
    }

    pub fn is_dirty(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.document.is_dirty())
    }

    /// Shows a review in the desk, replacing whatever was open.
    pub fn show_review(&mut self, review: OpenReview) {
        // What the review being closed had in its journal was saved or given up on purpose.
        self.discard_journal();
        self.current_section = review.project().sections.first().map(|s| s.id.clone());
        self.review = Some(review);
        self.selected_mark = None;
        self.text_selection = None;
        self.reply_drafts.clear();
        self.selected_suggestion = None;
        self.claims_view = ClaimsView::default();
        self.suggestions.refresh(self.review.as_ref());
    }

    /// Brings what is derived from the review (the suggestions) up to date with it.
    pub fn refresh(&mut self) {
        if self.modal.is_none() && !self.recovery_offers.is_empty() && !self.recovery_postponed {
            self.modal = Some(Modal::Recover);
        }
        if let Some(review) = &mut self.review {
            review.refresh_marks();
        }
        self.suggestions.refresh(self.review.as_ref());
        if let Some(key) = &self.selected_suggestion
            && self.suggestions.find(key).is_none()
        {
            self.selected_suggestion = None;
        }
    }

    pub fn show_error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: true,
            shown_at: Instant::now(),
        });
    }

    pub(super) fn show_info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: false,
            shown_at: Instant::now(),
        });
    }

    pub fn handle(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Command(command) => self.run_command(command, ctx),
            Action::Edit(edit) => {
                self.apply(edit);
            }
            Action::EndTyping => {
                if let Some(review) = &mut self.review {
                    review.document.seal();
                }
            }
            Action::GoToSection(section) => self.go_to_section(section),
            Action::FocusSection(section) => self.current_section = Some(section),
            Action::SelectMark(mark) => self.select_mark(mark, false),
            Action::ShowMark(mark) => self.select_mark(mark, true),
            Action::SetTextSelection(selection) => {
                if let Some(selection) = &selection {
                    self.current_section = Some(selection.section.clone());
                }
                self.text_selection = selection;
            }
            Action::Open(path) => {
                if !self.refuse_while_busy() {
                    self.unless_unsaved(AfterUnsaved::Open(path), ctx);
                }
            }
            Action::SetReviewerName(name) => {
                let name = name.trim();
                if name.is_empty() {
                    self.show_error(NAME_NEEDED);
                } else {
                    self.prefs.reviewer_name = name.to_owned();
                    self.modal = None;
                    // The "please enter a name" error is answered; anything else (what an
                    // import brought, a file that could not be opened) stays up.
                    if self.notice.as_ref().is_some_and(|n| n.text == NAME_NEEDED) {
                        self.notice = None;
                    }
                }
            }
            Action::EditReviewerNameDraft(text) => {
                if let Some(Modal::ReviewerName { draft }) = &mut self.modal {
                    *draft = text;
                }
            }
            Action::SetTheme(theme) => self.prefs.theme = theme,
            Action::SetReplyDraft { comment, text } => {
                self.reply_drafts.insert(comment, text);
            }
            Action::SendReply(comment) => self.send_reply(comment),
            Action::ResolveComment { comment, resolve } => {
                let resolved = resolve.then(|| Resolution {
                    by: self.prefs.reviewer_name.clone(),
                    at: Timestamp::now(),
                });
                self.apply(Edit::SetCommentResolved {
                    id: comment,
                    resolved,
                });
            }
            Action::AnswerUnsaved(choice) => self.answer_unsaved(choice, ctx),
            Action::CloseModal => {
                // The reviewer's name must be known before anything else happens.
                if !matches!(self.modal, Some(Modal::ReviewerName { .. }))
                    || !self.prefs.reviewer_name.is_empty()
                {
                    self.modal = None;
                }
            }
            Action::DismissNotice => self.notice = None,
            Action::SetClaimStatus { claim, status } => self.set_claim_status(&claim, status),
            Action::SelectSuggestion(key) => self.select_suggestion(key),
            Action::AcceptSuggestion(key) => self.accept_suggestion(&key),
            Action::DismissSuggestion(key) => self.dismiss_suggestion(&key),
            Action::AcceptAllOfKind(kind) => self.accept_all_of_kind(kind),
            Action::SetClaimsView(view) => self.claims_view = view,
            Action::ConfirmPlacement(mark) => self.confirm_placement(&mark),
            Action::RejectPlacement(mark) => self.reject_placement(&mark),
            Action::ReattachToSelection(mark) => self.reattach_to_selection(&mark),
            Action::ResolveOrphan(mark) => self.resolve_orphan(&mark),
            Action::ChooseExportFormat(format) => {
                if let Some(Modal::Export { format: chosen }) = &mut self.modal {
                    *chosen = format;
                }
            }
            Action::ExportAs(format) => self.ask_export_path(format, ctx),
            Action::AnswerChangedOnDisk(choice) => self.answer_changed_on_disk(choice, ctx),
            Action::AnswerOpenElsewhere(choice) => self.answer_open_elsewhere(choice),
            Action::Restore(journal) => self.ask_restore(journal, ctx),
            Action::DiscardRecovery(journal) => self.discard_recovery(&journal),
            Action::PostponeRecovery => {
                self.recovery_postponed = true;
                if self.modal == Some(Modal::Recover) {
                    self.modal = None;
                }
            }
        }
        self.refresh();
    }

    /// Applies an edit to the open review; says so (and returns false) when it cannot be made.
    pub(super) fn apply(&mut self, edit: Edit) -> bool {
        let Some(review) = &self.review else {
            return false;
        };
        let refusal = match &review.read_only {
            Some(read_only) => Some(read_only.explanation()),
            // What is being opened or revised was read from the review as it is (long_work).
            None => self
                .changes_on_hold()
                .map(|reason| format!("{reason}; make it again once that is done")),
        };
        if let Some(reason) = refusal {
            self.show_error(format!("That change was not made: {reason}."));
            return false;
        }
        let Some(review) = &mut self.review else {
            return false;
        };
        match review.document.apply(edit) {
            Ok(()) => true,
            Err(error) => {
                self.show_error(format!("That change could not be made: {error}."));
                false
            }
        }
    }

    pub(super) fn select_mark(&mut self, mark: MarkId, scroll_text: bool) {
        let Some(project) = self.project() else {
            return;
        };
        let Some(section) = project.section_of_mark(&mark).cloned() else {
            return;
        };
        if scroll_text {
            let char_offset = match &mark {
                MarkId::Comment(id) => project.comment(id).and_then(|c| c.placed_passage()),
                MarkId::Claim(id) => project.claim(id).and_then(|c| c.placed_passage()),
            }
            .map(|p| p.start);
            self.scroll_to = Some(ScrollTarget {
                section: section.clone(),
                char_offset,
            });
        } else {
            self.reveal_card = Some(mark.clone());
        }
        self.current_section = Some(section);
        self.selected_suggestion = None;
        self.selected_mark = Some(mark);
    }

    fn run_command(&mut self, command: UiCommand, ctx: &egui::Context) {
        let reads_a_file = matches!(
            command,
            UiCommand::ImportArticle | UiCommand::ImportRevision | UiCommand::OpenProject
        );
        // Refused before a file dialog asks for a file that could not be read anyway.
        if reads_a_file && self.refuse_while_busy() {
            return;
        }
        match command {
            UiCommand::ImportArticle => self.unless_unsaved(AfterUnsaved::AskImport, ctx),
            UiCommand::ImportRevision => {
                if self.review.is_some() {
                    self.ask(DialogPurpose::ImportRevision, None, ctx);
                } else {
                    self.show_error(
                        "Open a review first: a revised draft continues an existing review.",
                    );
                }
            }
            UiCommand::OpenProject => self.unless_unsaved(AfterUnsaved::AskOpen, ctx),
            UiCommand::Save => self.save(None, ctx),
            UiCommand::SaveAs => self.ask_save_path(None, ctx),
            UiCommand::Export => self.ask_export_format(),
            UiCommand::Quit => self.unless_unsaved(AfterUnsaved::Quit, ctx),
            UiCommand::Undo => self.undo_or_redo(true),
            UiCommand::Redo => self.undo_or_redo(false),
            UiCommand::CommentOnSelection => self.mark_selection(false),
            UiCommand::FlagClaim => self.mark_selection(true),
            UiCommand::CommentOnSection => self.comment_on_section(),
            UiCommand::NextSection => self.step_section(1),
            UiCommand::PreviousSection => self.step_section(-1),
            UiCommand::SetStatus(status) => self.set_current_status(status),
            UiCommand::ChangeReviewerName => {
                self.modal = Some(Modal::ReviewerName {
                    draft: self.prefs.reviewer_name.clone(),
                });
            }
            UiCommand::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            UiCommand::NextOpenClaim => self.step_open_claim(1),
            UiCommand::PreviousOpenClaim => self.step_open_claim(-1),
            UiCommand::NextSuggestion => self.step_suggestion(1),
            UiCommand::PreviousSuggestion => self.step_suggestion(-1),
            UiCommand::AcceptSuggestion | UiCommand::DismissSuggestion => {
                match self.selected_suggestion.clone() {
                    Some(key) if command == UiCommand::AcceptSuggestion => {
                        self.accept_suggestion(&key);
                    }
                    Some(key) => self.dismiss_suggestion(&key),
                    None => self.show_error(
                        "Select a suggestion first (F9 goes to the next one, or click a dotted underline).",
                    ),
                }
            }
            UiCommand::ToggleSuggestions => {
                self.prefs.show_suggestions = !self.prefs.show_suggestions;
                if !self.prefs.show_suggestions {
                    self.selected_suggestion = None;
                }
            }
            UiCommand::ShowPanel(panel) => self.side_panel = panel,
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        if let Some(reason) = self.changes_on_hold() {
            let (what, verb) = if undo {
                ("Nothing was undone", "undo")
            } else {
                ("Nothing was redone", "redo")
            };
            self.show_error(format!("{what}: {reason}; {verb} once that is done."));
            return;
        }
        let Some(review) = &mut self.review else {
            return;
        };
        if review.read_only.is_some() {
            return;
        }
        let label = if undo {
            review.document.undo()
        } else {
            review.document.redo()
        };
        match label {
            Some(label) => {
                self.forget_missing_marks();
                let verb = if undo { "Undid" } else { "Redid" };
                self.show_info(format!("{verb}: {label}"));
            }
            None => self.show_info(if undo {
                "Nothing to undo."
            } else {
                "Nothing to redo."
            }),
        }
    }

    /// After undo or redo, a selected mark may no longer exist.
    fn forget_missing_marks(&mut self) {
        let exists = |project: &Project, mark: &MarkId| project.section_of_mark(mark).is_some();
        if let (Some(project), Some(mark)) = (self.project(), self.selected_mark.as_ref())
            && !exists(project, mark)
        {
            self.selected_mark = None;
        }
    }

    fn reviewer(&self) -> String {
        self.prefs.reviewer_name.clone()
    }

    fn mark_selection(&mut self, claim: bool) {
        let what = if claim { "flag a claim" } else { "comment" };
        let Some(selection) = self.text_selection.clone() else {
            self.show_error(format!(
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
                self.show_error(format!("Cannot {what} here: {error}."));
                return;
            }
        };
        let now = Timestamp::now();
        let (edit, mark) = if claim {
            let mut claim = Claim::new(selection.section.clone(), passage, &self.reviewer(), now);
            // A passage inside a suggested sentence is a claim of that sentence's kinds.
            claim.kinds = self
                .suggestions
                .undecided()
                .find(|s| {
                    s.section == selection.section
                        && s.range.start < selection.range.end
                        && selection.range.start < s.range.end
                })
                .map(|s| s.kinds())
                .unwrap_or_default();
            let mark = MarkId::Claim(claim.id.clone());
            (Edit::add_claim(claim), mark)
        } else {
            let comment = Comment::new(
                selection.section.clone(),
                Some(passage),
                &self.reviewer(),
                now,
            );
            let mark = MarkId::Comment(comment.id.clone());
            (Edit::add_comment(comment), mark)
        };
        self.apply(edit);
        self.text_selection = None;
        self.focus_card = Some(mark.clone());
        self.select_mark(mark, false);
    }

    fn comment_on_section(&mut self) {
        let Some(section) = self.current_section.clone() else {
            return;
        };
        let comment = Comment::new(section, None, &self.reviewer(), Timestamp::now());
        let mark = MarkId::Comment(comment.id.clone());
        self.apply(Edit::add_comment(comment));
        self.focus_card = Some(mark.clone());
        self.select_mark(mark, false);
    }

    fn send_reply(&mut self, comment: CommentId) {
        let text = self.reply_drafts.remove(&comment).unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        let reply = crate::model::Reply::new(&self.reviewer(), Timestamp::now(), text.trim());
        self.apply(Edit::add_reply(comment, reply));
    }

    fn step_section(&mut self, step: isize) {
        let Some(project) = self.project() else {
            return;
        };
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
            let id = section.id.clone();
            self.go_to_section(id);
        }
    }

    fn go_to_section(&mut self, section: SectionId) {
        self.scroll_to = Some(ScrollTarget {
            section: section.clone(),
            char_offset: None,
        });
        self.current_section = Some(section);
    }

    fn set_current_status(&mut self, status: ReviewStatus) {
        if let Some(section) = self.current_section.clone() {
            self.apply(Edit::SetSectionStatus { section, status });
        }
    }
}
