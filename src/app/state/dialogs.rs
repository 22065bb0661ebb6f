//! What the desk asks and tells: the one question open in a modal dialog, the notice shown
//! under the menu, and whether the person has agreed to close the window.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::export::ExportFormat;
use crate::model::Role;

/// The error shown when the reviewer's name is left empty.
pub(super) const NAME_NEEDED: &str =
    "Please enter a name: it is written on your comments and claims.";

/// How long an informational notice stays up.
pub const NOTICE_DURATION: Duration = Duration::from_secs(5);

/// What to do once unsaved changes have been saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterUnsaved {
    Quit,
    Open(PathBuf),
    AskImport,
    AskOpen,
    /// Asks for a web address to import from, filled in with this one (a pasted address).
    AskAddress(String),
    /// Restores the review kept in this recovery journal.
    Restore(PathBuf),
}

/// The question a modal dialog asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Modal {
    /// Asks who the reviewer is and what they do (first start, or from the menu).
    ReviewerName {
        draft: String,
        role: Option<Role>,
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
    /// The article being opened has a review saved beside it: open that, or import the
    /// article as a new review?
    ReviewBeside {
        article: PathBuf,
        review: PathBuf,
    },
    /// Goes to a section by part of its heading: what is typed, and which of the matching
    /// sections (in reading order) Enter goes to.
    GoToSection {
        query: String,
        highlighted: usize,
    },
    /// Asks for the web address of a page to import: what is typed so far.
    WebAddress {
        address: String,
    },
}

#[derive(Clone, Debug)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub shown_at: Instant,
}

/// The question open, the notice shown, and whether the window may close.
#[derive(Debug, Default)]
pub struct Dialogs {
    modal: Option<Modal>,
    notice: Option<Notice>,
    /// Set when the window may close (nothing unsaved, or the person said so).
    quit_confirmed: bool,
}

impl Dialogs {
    /// A desk that first asks for the reviewer's name when it does not know it.
    pub(super) fn asking_for_name_if_unknown(reviewer_name: &str) -> Self {
        let modal = reviewer_name
            .trim()
            .is_empty()
            .then(|| Modal::ReviewerName {
                draft: crate::app::prefs::suggested_reviewer_name(),
                role: None,
            });
        Self {
            modal,
            ..Self::default()
        }
    }

    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Whether a question is open: then the window's shortcuts and finished long work wait.
    pub fn is_asking(&self) -> bool {
        self.modal.is_some()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn quit_confirmed(&self) -> bool {
        self.quit_confirmed
    }

    pub(super) fn ask(&mut self, modal: Modal) {
        self.modal = Some(modal);
    }

    /// Takes the open question, to answer it.
    pub(super) fn take_modal(&mut self) -> Option<Modal> {
        self.modal.take()
    }

    pub(super) fn modal_mut(&mut self) -> Option<&mut Modal> {
        self.modal.as_mut()
    }

    /// Closes the dialog — unless it asks for the reviewer's name, which must be known before
    /// anything else happens.
    pub(super) fn close(&mut self, reviewer_name: &str) {
        if !matches!(self.modal, Some(Modal::ReviewerName { .. })) || !reviewer_name.is_empty() {
            self.modal = None;
        }
    }

    /// Closes the dialog if it is `modal`.
    pub(super) fn close_if(&mut self, modal: &Modal) {
        if self.modal.as_ref() == Some(modal) {
            self.modal = None;
        }
    }

    pub(super) fn confirm_quit(&mut self) {
        self.quit_confirmed = true;
    }

    pub fn show_error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: true,
            shown_at: Instant::now(),
        });
    }

    pub fn show_info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: false,
            shown_at: Instant::now(),
        });
    }

    pub(super) fn dismiss_notice(&mut self) {
        self.notice = None;
    }

    /// The name is known: the "please enter a name" error is answered; anything else (what an
    /// import brought, a file that could not be opened) stays up.
    pub(super) fn name_entered(&mut self) {
        self.modal = None;
        if self.notice.as_ref().is_some_and(|n| n.text == NAME_NEEDED) {
            self.notice = None;
        }
    }
}
