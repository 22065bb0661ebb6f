//! The review as data: sections, comments, claims and where they sit in the text.
//!
//! Nothing here knows about the screen or the disk; the desk, the command line and the
//! project file all read and write these types.

mod anchor;
mod claim;
mod comment;
mod ids;
mod kind;
mod mark_index;
mod passage;
mod project;
mod section;
mod stamp;

pub use anchor::{AnchorState, Carried};
pub use claim::{Claim, ClaimStatus, DealtWith, Source, SourceRank, StatusChange};
pub use comment::{Comment, CommentOrigin, Reply};
pub use ids::{ClaimId, CommentId, MarkId, ReplyId, SectionId};
pub use kind::CheckKind;
pub use mark_index::{MarkIndex, SectionMarks};
pub use passage::{CONTEXT_CHARS, Passage, PassageError};
pub use project::{
    Dismissal, Draft, DraftFormat, EarlierDraft, InvalidProject, Project, ReviewProgress,
    TrackedChanges,
};
pub use section::{ReviewStatus, Section, SectionRevision};
pub use stamp::Resolution;
