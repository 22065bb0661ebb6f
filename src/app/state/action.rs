//! Everything a person can do in the desk, as a value: widgets push [`Action`]s while they
//! draw, and `AppState::handle` carries them out after the frame.

use std::path::PathBuf;

use crate::app::command::UiCommand;
use crate::app::prefs::Theme;
use crate::edit::Edit;
use crate::export::ExportFormat;
use crate::merge::Pick;
use crate::model::{
    CheckKind, ClaimId, ClaimStatus, CommentId, ConflictId, MarkId, ReviewerId, Role, SectionId,
};
use crate::query::{ChangeScope, ClaimQuery, CommentQuery, FindQuery};
use crate::suggest::SuggestionKey;

use super::navigation::{Caret, TextSelection};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A menu item or shortcut (which also shows a side panel's tab).
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
    /// Asks for a web address to import from, filled in with this text (a pasted address).
    AskWebAddress(String),
    /// The web address typed so far in its dialog.
    EditWebAddress(String),
    /// Fetches the page at this address and imports it as a new review.
    ImportFromAddress(String),
    /// The name in the reviewer dialog is confirmed (with the role chosen there).
    SetReviewerName(String),
    EditReviewerNameDraft(String),
    /// A role picked in the reviewer dialog (`None`: not said).
    EditReviewerRoleDraft(Option<Role>),
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
    SetClaimsView(ClaimQuery),
    /// Accepts the place a revised draft proposed for a fuzzy mark.
    ConfirmPlacement(MarkId),
    /// Turns that place down: the mark becomes an orphan.
    RejectPlacement(MarkId),
    /// Attaches a fuzzy or orphaned mark to the selected text.
    ReattachToSelection(MarkId),
    /// Settles an orphan whose passage is gone from the article.
    ResolveOrphan(MarkId),
    /// Settles a conflict a merge left by keeping one side (or both texts): one undo step.
    ResolveConflict {
        conflict: ConflictId,
        pick: Pick,
    },
    /// Shows what a conflict is about: its mark, or its section.
    GoToConflict(ConflictId),
    /// Shows only one reviewer's marks — in the text, the cards, the claims view and what
    /// is exported — or everyone's (`None`).
    ShowMarksBy(Option<ReviewerId>),
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
    /// The keyboard left the card of a comment just made: left empty, it is taken back.
    LeaveNewComment(CommentId),
    /// Removes a claim, saying what went with it and how to get it back.
    RemoveClaim(ClaimId),
    /// copydesk's own file chooser answered: the path chosen, or `None` for Cancel.
    AnswerFileChooser(Option<PathBuf>),
    /// Opens the bundled sample (the start page's "Try the sample").
    OpenSample,
    AnswerReviewBeside(BesideChoice),
    /// The find bar's query or its options changed: the current match becomes the first at or
    /// after the one there was.
    SetFindQuery(FindQuery),
    /// Closes the find bar: its highlights go, a match selected in the text stays selected.
    CloseFind,
    SetCommentsView(CommentQuery),
    /// Shows, in the Comments tab, the tracked changes (`true`) or the comments.
    ShowTrackedChanges(bool),
    /// Acknowledges tracked changes (resolves the comments they are kept as): one change,
    /// one author's, or all of them, as one undoable step.
    AcknowledgeChanges(ChangeScope),
    /// Puts the caret somewhere in the text (a click), leaving the selection as it is.
    PlaceCaret(Caret),
    /// Moves the caret (the arrow keys); with `extend` (Shift), the selection grows from
    /// where it started, otherwise it ends.
    MoveCaret {
        to: Caret,
        extend: bool,
    },
    /// What is typed in the Go to section dialog.
    EditSectionQuery(String),
    /// Which of the sections the Go to section dialog lists Enter goes to.
    HighlightSectionMatch(usize),
    /// The claim library: the Library tab, and checks reused from it.
    Library(LibraryAction),
}

/// What a person does with the claim library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryAction {
    /// Searches the library for what is typed.
    Search(String),
    /// Asks for a folder to read reviews from.
    AskFolder,
    /// Stops reading a folder; its reviews' claims are taken out.
    RemoveFolder(PathBuf),
    /// Reads the folders again (only the reviews that changed).
    Update,
    /// Copies the sources and verdict of a claim checked before (`checked`, in `review`)
    /// into a claim of the open review, as one undoable edit.
    Reuse {
        claim: ClaimId,
        review: PathBuf,
        checked: ClaimId,
    },
}

/// What to do about unsaved changes before something replaces the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// What to do with an article that already has a review beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BesideChoice {
    /// Open the review saved beside it.
    OpenReview,
    /// Import the article as a new review.
    ImportAnew,
    Cancel,
}

/// What to do about a project someone else has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ElsewhereChoice {
    ReadOnly,
    OpenAnyway,
    Cancel,
}

/// What to do about a project file that changed on disk since it was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Open the file as it is now; this window's changes are dropped.
    Reload,
    /// Save over it anyway.
    Overwrite,
    /// Save this review under another name.
    SaveAs,
    /// Merge the file as it is now into this review (from the version the desk last read
    /// or saved), then save.
    Merge,
    Cancel,
}
