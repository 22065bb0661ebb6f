//! The review as data: sections, comments, claims and where they sit in the text.
//!
//! Nothing here knows about the screen or the disk; the desk, the command line and the
//! project file all read and write these types.

mod anchor;
mod claim;
mod comment;
mod conflict;
mod ids;
mod kind;
mod mark_index;
mod passage;
mod project;
mod reviewer;
mod section;
mod stamp;
mod tombstone;

pub use anchor::{AnchorState, Carried};
pub use claim::{Claim, ClaimStatus, DealtWith, Source, SourceRank, StatusChange};
pub use comment::{Comment, CommentOrigin, Reply};
pub use conflict::{Conflict, ConflictSide, ConflictTarget, ConflictValue};
pub use ids::{ClaimId, CommentId, ConflictId, MarkId, ReplyId, ReviewerId, SectionId, SourceId};
pub use kind::CheckKind;
pub use mark_index::{MarkIndex, SectionMarks};
pub use passage::{CONTEXT_CHARS, Passage, PassageError};
pub use project::{
    Dismissal, Draft, DraftFormat, EarlierDraft, Fetched, InvalidProject, Project, ReviewProgress,
    TrackedChanges,
};
pub use reviewer::{Reviewer, Role};
pub use section::{ReviewStatus, Section, SectionRevision};
pub use stamp::{Resolution, Stamp};
pub use tombstone::{Deleted, Tombstone};
