//! Every change to a review, as a value.
//!
//! The desk never changes a [`Project`] directly: it emits an [`Edit`], and
//! [`crate::document::Document`] applies it. Applying an edit returns its inverse, so undo,
//! redo, autosave, tests and (later) merging all see the same stream of values.
//!
//! This file holds the value and dispatches [`Edit::apply`] to one function per kind of
//! record: `sections`, `comments` (and replies), `claims` (status, history, note, dealt-with,
//! sources), `marks` (where a mark sits), `suggestions` (dismissed ones), `draft` (a revised
//! draft, or a merged review, replacing the project) and `batch`. `lookup` holds the lookups and checks they share;
//! `history` what the undo history asks of an edit; `describe` its words for the menus.

mod batch;
mod claims;
mod comments;
mod describe;
mod draft;
mod history;
mod lookup;
mod marks;
mod reviewers;
mod sections;
mod suggestions;
#[cfg(test)]
mod tests;

use thiserror::Error;

use jiff::Timestamp;

use crate::model::{
    Carried, Claim, ClaimId, ClaimStatus, Comment, CommentId, Conflict, ConflictId, DealtWith,
    Dismissal, InvalidProject, MarkId, Passage, Project, Reply, ReplyId, Resolution, ReviewStatus,
    Reviewer, ReviewerId, SectionId, Source, Stamp, StatusChange,
};
use crate::text::shortened;

pub use history::TextField;

/// One change to a review. Each kind has its inverse among the others (an addition's is a
/// removal, a setting's the same setting with the old value), which [`Edit::apply`] returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Sets a section's status, and who set it when (`None` when undoing back to a status
    /// nobody had set).
    SetSectionStatus {
        section: SectionId,
        status: ReviewStatus,
        set: Option<Stamp>,
    },
    /// Inserts a comment at `index` in the project's list (clamped to its end).
    AddComment {
        index: usize,
        comment: Box<Comment>,
    },
    /// Removes a comment; with `deleted`, leaves a tombstone saying who deleted it when
    /// (without, it is the undoing of an addition: as if it never was).
    RemoveComment {
        id: CommentId,
        deleted: Option<Stamp>,
    },
    SetCommentBody {
        id: CommentId,
        body: String,
    },
    SetCommentResolved {
        id: CommentId,
        resolved: Option<Resolution>,
    },
    AddReply {
        comment: CommentId,
        index: usize,
        reply: Reply,
    },
    RemoveReply {
        comment: CommentId,
        reply: ReplyId,
        deleted: Option<Stamp>,
    },
    SetReplyBody {
        comment: CommentId,
        reply: ReplyId,
        body: String,
    },
    /// Inserts a claim at `index` in the project's list (clamped to its end).
    AddClaim {
        index: usize,
        claim: Box<Claim>,
    },
    RemoveClaim {
        id: ClaimId,
        deleted: Option<Stamp>,
    },
    SetClaimStatus {
        id: ClaimId,
        status: ClaimStatus,
    },
    /// Appends a step to a claim's status history.
    RecordStatusChange {
        claim: ClaimId,
        change: StatusChange,
    },
    /// Removes the newest step of a claim's status history (the inverse of recording it).
    ForgetStatusChange {
        claim: ClaimId,
    },
    SetClaimNote {
        id: ClaimId,
        note: String,
    },
    SetClaimDealtWith {
        id: ClaimId,
        dealt_with: Option<DealtWith>,
    },
    AddSource {
        claim: ClaimId,
        index: usize,
        source: Source,
    },
    RemoveSource {
        claim: ClaimId,
        index: usize,
        deleted: Option<Stamp>,
    },
    SetSource {
        claim: ClaimId,
        index: usize,
        source: Source,
    },
    /// Remembers a suggestion as turned down, at `index` in the list (clamped to its end).
    Dismiss {
        index: usize,
        dismissal: Dismissal,
    },
    /// Forgets that a sentence's suggestion was turned down.
    Undismiss {
        sentence: String,
    },
    /// Puts a mark on a passage, or records what a person decided about where a revised
    /// draft put it.
    SetPlacement {
        mark: MarkId,
        section: SectionId,
        /// Required for a claim; `None` makes a comment one on the whole section.
        passage: Option<Passage>,
        carried: Option<Box<Carried>>,
    },
    /// Replaces the whole project: a revised draft coming in (its inverse puts the previous
    /// draft back), so a re-import is undone as one step.
    Revise {
        project: Box<Project>,
    },
    /// Replaces the whole project with one merged with another reviewer's copy (`from`
    /// names it, as the person knows it); its inverse puts the review as it was back, so a
    /// merge is undone as one step.
    Merge {
        project: Box<Project>,
        from: String,
    },
    /// Adds a reviewer to the review's list, or updates their name and role there.
    NoteReviewer {
        reviewer: Reviewer,
    },
    /// Takes a reviewer off the list (the inverse of noting a new one).
    ForgetReviewer {
        id: ReviewerId,
    },
    /// Keeps a conflict a merge found, at `index` in the list (clamped to its end).
    AddConflict {
        index: usize,
        conflict: Box<Conflict>,
    },
    /// Settles a conflict: it is taken off the list (its field already holds the value
    /// picked, set by the edits beside this one).
    RemoveConflict {
        id: ConflictId,
    },
    /// Several edits applied, and undone, as one step.
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
}

impl Edit {
    /// Whether the edit changes only the words of a comment, a reply, a claim's note or a
    /// source: nothing about the text, where marks sit, whether they are open, or what is
    /// decided. Views derived from those (highlights, counts, the marks of each section)
    /// stay valid, so typing a comment in a book does not rebuild them at every key.
    pub fn changes_only_words(&self) -> bool {
        match self {
            Self::SetCommentBody { .. }
            | Self::SetReplyBody { .. }
            | Self::SetClaimNote { .. }
            | Self::SetSource { .. } => true,
            Self::Batch { edits, .. } => edits.iter().all(Self::changes_only_words),
            _ => false,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EditError {
    #[error("there is no section {0}")]
    UnknownSection(SectionId),
    #[error("there is no comment {0}")]
    UnknownComment(CommentId),
    #[error("there is no reply {reply} in comment {comment}")]
    UnknownReply { comment: CommentId, reply: ReplyId },
    #[error("there is no claim {0}")]
    UnknownClaim(ClaimId),
    #[error("there is no reviewer {0} in the review's list")]
    UnknownReviewer(ReviewerId),
    #[error("there is no conflict {0}")]
    UnknownConflict(ConflictId),
    #[error("claim {0} has no status history to take back")]
    NoStatusHistory(ClaimId),
    #[error("the sentence “{0}” is already dismissed")]
    AlreadyDismissed(String),
    #[error("the sentence “{0}” was not dismissed")]
    NotDismissed(String),
    #[error("claim {claim} has no source number {index}")]
    UnknownSource { claim: ClaimId, index: usize },
    #[error("the id {0} is already in use")]
    DuplicateId(String),
    #[error("a claim must keep a passage")]
    ClaimWithoutPassage(ClaimId),
    #[error("the revised project is inconsistent: {0}")]
    InvalidRevision(InvalidProject),
    #[error("the merged project is inconsistent: {0}")]
    InvalidMerge(InvalidProject),
    #[error("the passage {start}..{end} lies outside its section ({len} characters)")]
    PassageOutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    /// Taking back an edit failed (see [`Edit::apply_as_inverse`]): the project is left part
    /// of the way, and any history of inverses no longer leads back.
    #[error("a change could not be taken back ({0})")]
    InverseFailed(Box<EditError>),
}

impl Edit {
    /// Appends `comment` to the project's comments.
    pub fn add_comment(comment: Comment) -> Self {
        Self::AddComment {
            index: usize::MAX,
            comment: Box::new(comment),
        }
    }

    /// Appends `claim` to the project's claims.
    pub fn add_claim(claim: Claim) -> Self {
        Self::AddClaim {
            index: usize::MAX,
            claim: Box::new(claim),
        }
    }

    /// Sets a claim's status and records who did it when, as one step.
    pub fn claim_status_change(
        claim: &Claim,
        status: ClaimStatus,
        by: &Reviewer,
        at: Timestamp,
    ) -> Self {
        Self::Batch {
            label: format!(
                "mark claim “{}” {}",
                shortened(&claim.passage.quote, 30),
                status.label().to_lowercase()
            ),
            edits: vec![
                Self::SetClaimStatus {
                    id: claim.id.clone(),
                    status,
                },
                Self::RecordStatusChange {
                    claim: claim.id.clone(),
                    change: StatusChange::new(status, by, at),
                },
            ],
        }
    }

    /// Appends `reply` to a comment's thread.
    pub fn add_reply(comment: CommentId, reply: Reply) -> Self {
        Self::AddReply {
            comment,
            index: usize::MAX,
            reply,
        }
    }

    /// Sets a section's status, recording who set it when.
    pub fn section_status(section: SectionId, status: ReviewStatus, set: Stamp) -> Self {
        Self::SetSectionStatus {
            section,
            status,
            set: Some(set),
        }
    }

    /// Deletes a comment, remembering who deleted it when.
    pub fn delete_comment(id: CommentId, by: Stamp) -> Self {
        Self::RemoveComment {
            id,
            deleted: Some(by),
        }
    }

    /// Deletes a reply, remembering who deleted it when.
    pub fn delete_reply(comment: CommentId, reply: ReplyId, by: Stamp) -> Self {
        Self::RemoveReply {
            comment,
            reply,
            deleted: Some(by),
        }
    }

    /// Deletes a claim, remembering who deleted it when.
    pub fn delete_claim(id: ClaimId, by: Stamp) -> Self {
        Self::RemoveClaim {
            id,
            deleted: Some(by),
        }
    }

    /// Deletes a claim's source, remembering who deleted it when.
    pub fn delete_source(claim: ClaimId, index: usize, by: Stamp) -> Self {
        Self::RemoveSource {
            claim,
            index,
            deleted: Some(by),
        }
    }

    /// Applies the edit and returns the edit that undoes it.
    ///
    /// On error the project is unchanged (a failing [`Edit::Batch`] rolls back what it did),
    /// except for [`EditError::InverseFailed`]: see [`Edit::apply_as_inverse`].
    pub fn apply(self, project: &mut Project) -> Result<Self, EditError> {
        match self {
            Self::SetSectionStatus {
                section,
                status,
                set,
            } => sections::set_status(project, section, status, set),
            Self::AddComment { index, comment } => comments::add(project, index, comment),
            Self::RemoveComment { id, deleted } => comments::remove(project, &id, deleted),
            Self::SetCommentBody { id, body } => comments::set_body(project, id, body),
            Self::SetCommentResolved { id, resolved } => {
                comments::set_resolved(project, id, resolved)
            }
            Self::AddReply {
                comment,
                index,
                reply,
            } => comments::add_reply(project, comment, index, reply),
            Self::RemoveReply {
                comment,
                reply,
                deleted,
            } => comments::remove_reply(project, comment, reply, deleted),
            Self::SetReplyBody {
                comment,
                reply,
                body,
            } => comments::set_reply_body(project, comment, reply, body),
            Self::AddClaim { index, claim } => claims::add(project, index, claim),
            Self::RemoveClaim { id, deleted } => claims::remove(project, &id, deleted),
            Self::SetClaimStatus { id, status } => claims::set_status(project, id, status),
            Self::RecordStatusChange { claim, change } => {
                claims::record_status_change(project, claim, change)
            }
            Self::ForgetStatusChange { claim } => claims::forget_status_change(project, claim),
            Self::SetClaimNote { id, note } => claims::set_note(project, id, note),
            Self::SetClaimDealtWith { id, dealt_with } => {
                claims::set_dealt_with(project, id, dealt_with)
            }
            Self::AddSource {
                claim,
                index,
                source,
            } => claims::add_source(project, claim, index, source),
            Self::RemoveSource {
                claim,
                index,
                deleted,
            } => claims::remove_source(project, claim, index, deleted),
            Self::SetSource {
                claim,
                index,
                source,
            } => claims::set_source(project, claim, index, source),
            Self::Dismiss { index, dismissal } => suggestions::dismiss(project, index, dismissal),
            Self::Undismiss { sentence } => suggestions::undismiss(project, sentence),
            Self::SetPlacement {
                mark,
                section,
                passage,
                carried,
            } => marks::set_placement(project, mark, section, passage, carried),
            Self::Revise { project: revised } => draft::revise(project, revised),
            Self::Merge {
                project: merged,
                from,
            } => draft::merge(project, merged, from),
            Self::NoteReviewer { reviewer } => reviewers::note(project, reviewer),
            Self::ForgetReviewer { id } => reviewers::forget(project, &id),
            Self::AddConflict { index, conflict } => {
                reviewers::add_conflict(project, index, conflict)
            }
            Self::RemoveConflict { id } => reviewers::remove_conflict(project, &id),
            Self::Batch { label, edits } => batch::apply_all(project, label, edits),
        }
    }

    /// Applies an inverse that [`Edit::apply`] returned to the state that call left: to undo,
    /// to redo, or to roll back a failing [`Edit::Batch`]; returns the inverse's own inverse.
    ///
    /// Computed against exactly this state, an inverse cannot fail unless this module has a
    /// bug: never because of what someone typed. So a failure stops debug builds, and the
    /// tests, at a `debug_assert!`. A release build does the one safe thing, the same in a
    /// batch's rollback and in the undo history: it stops there and returns
    /// [`EditError::InverseFailed`], and the project stays as far as it got. That state is
    /// one that valid edits made (an edit that fails changes nothing), so no work is thrown
    /// away and nothing is guessed, where skipping the failed inverse and going on would apply
    /// the next ones to a state they were not computed for. Whoever keeps inverses (a batch's
    /// rollback, [`crate::document::Document`]'s undo and redo stacks) drops them, since they
    /// would now lead to states that never were, and the document counts the review unsaved,
    /// so the state reached is saved or discarded knowingly, never silently.
    pub fn apply_as_inverse(self, project: &mut Project) -> Result<Self, EditError> {
        match self.apply(project) {
            Ok(inverse) => Ok(inverse),
            Err(error @ EditError::InverseFailed(_)) => Err(error),
            Err(error) => {
                debug_assert!(false, "an inverse failed against its own state: {error}");
                Err(EditError::InverseFailed(Box::new(error)))
            }
        }
    }
}
