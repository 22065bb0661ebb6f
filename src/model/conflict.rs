//! A conflict a merge found: both reviewers changed the same thing differently, or one
//! deleted what the other edited. The merged review keeps every side (base, ours, theirs,
//! who and when) until a person picks one; meanwhile the field holds the value that keeps the
//! publishing gate safe, and `copydesk check` lists the conflict as open.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::anchor::Carried;
use super::claim::{ClaimStatus, DealtWith, Source};
use super::ids::{ClaimId, CommentId, ConflictId, ReplyId, SectionId, SourceId};
use super::passage::Passage;
use super::section::ReviewStatus;
use super::stamp::Stamp;
use super::tombstone::Deleted;

/// What a conflict is about: one field of one record, or a whole record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictTarget {
    SectionStatus(SectionId),
    ClaimStatus(ClaimId),
    /// A claim's verdict note.
    ClaimNote(ClaimId),
    /// Whether an incorrect or unverifiable claim was corrected or cut.
    ClaimDealtWith(ClaimId),
    CommentBody(CommentId),
    /// Whether a comment is resolved.
    CommentResolved(CommentId),
    ReplyBody {
        comment: CommentId,
        reply: ReplyId,
    },
    Source {
        claim: ClaimId,
        source: SourceId,
    },
    /// Where a comment sits (its section and passage).
    CommentPlacement(CommentId),
    ClaimPlacement(ClaimId),
    /// One side deleted the record, the other edited it: it is kept until someone decides.
    Record(Deleted),
}

/// A value one side of a conflict holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictValue {
    SectionStatus(ReviewStatus),
    ClaimStatus(ClaimStatus),
    Text(String),
    /// A comment's resolution (`None`: open).
    Resolved(Option<Stamp>),
    DealtWith(Option<DealtWith>),
    Source(Source),
    Placement {
        section: SectionId,
        passage: Option<Passage>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carried: Option<Box<Carried>>,
    },
    /// The record was deleted on this side.
    Deleted,
    /// The record was kept, and edited, on this side (it is in the merged review).
    Kept,
    /// The record did not exist on this side.
    Absent,
}

/// One side of a conflict: its value, and who last changed it there, when that is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictSide {
    /// Which review this side came from, as the person knows it ("editor.copydesk.ron",
    /// "your copy", a git branch).
    pub from: String,
    pub value: ConflictValue,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Stamp>,
}

/// A conflict, kept in the review until it is resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub id: ConflictId,
    pub target: ConflictTarget,
    /// The value both started from; `None` when the merge had no common base for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<ConflictValue>,
    pub ours: ConflictSide,
    pub theirs: ConflictSide,
    /// When the merge found it.
    pub found: Timestamp,
}

impl Conflict {
    /// The section the conflict belongs to, for the outline and the section's cards.
    pub fn section<'a>(&'a self, project: &'a super::Project) -> Option<&'a SectionId> {
        match &self.target {
            ConflictTarget::SectionStatus(section) => Some(section),
            ConflictTarget::ClaimStatus(claim)
            | ConflictTarget::ClaimNote(claim)
            | ConflictTarget::ClaimDealtWith(claim)
            | ConflictTarget::Source { claim, .. }
            | ConflictTarget::ClaimPlacement(claim)
            | ConflictTarget::Record(Deleted::Claim(claim))
            | ConflictTarget::Record(Deleted::Source { claim, .. }) => {
                project.claim(claim).map(|c| &c.section)
            }
            ConflictTarget::CommentBody(comment)
            | ConflictTarget::CommentResolved(comment)
            | ConflictTarget::ReplyBody { comment, .. }
            | ConflictTarget::CommentPlacement(comment)
            | ConflictTarget::Record(Deleted::Comment(comment))
            | ConflictTarget::Record(Deleted::Reply { comment, .. }) => {
                project.comment(comment).map(|c| &c.section)
            }
        }
    }
}

impl ConflictTarget {
    /// What the conflict is about, in words: "the status of section “Opening”".
    pub fn describe(&self, project: &super::Project) -> String {
        let section = |id: &SectionId| format!("section “{}”", project.section_title(id));
        let claim = |id: &ClaimId| {
            project.claim(id).map_or_else(
                || format!("claim {id}"),
                |c| format!("claim “{}”", crate::text::shortened(&c.passage.quote, 40)),
            )
        };
        let comment = |id: &CommentId| {
            project.comment(id).map_or_else(
                || format!("comment {id}"),
                |c| match &c.passage {
                    Some(p) => format!("the comment on “{}”", crate::text::shortened(&p.quote, 40)),
                    None => format!("the comment on {}", section(&c.section)),
                },
            )
        };
        match self {
            Self::SectionStatus(id) => format!("the status of {}", section(id)),
            Self::ClaimStatus(id) => format!("the status of {}", claim(id)),
            Self::ClaimNote(id) => format!("the verdict note of {}", claim(id)),
            Self::ClaimDealtWith(id) => format!("whether {} was corrected or cut", claim(id)),
            Self::CommentBody(id) => format!("the text of {}", comment(id)),
            Self::CommentResolved(id) => format!("whether {} is resolved", comment(id)),
            Self::ReplyBody { comment: id, .. } => format!("a reply to {}", comment(id)),
            Self::Source { claim: id, .. } => format!("a source of {}", claim(id)),
            Self::CommentPlacement(id) => format!("where {} sits", comment(id)),
            Self::ClaimPlacement(id) => format!("where {} sits", claim(id)),
            Self::Record(Deleted::Comment(id)) => format!("{}, deleted on one side", comment(id)),
            Self::Record(Deleted::Reply { comment: id, .. }) => {
                format!("a reply to {}, deleted on one side", comment(id))
            }
            Self::Record(Deleted::Claim(id)) => format!("{}, deleted on one side", claim(id)),
            Self::Record(Deleted::Source { claim: id, .. }) => {
                format!("a source of {}, deleted on one side", claim(id))
            }
        }
    }
}

impl ConflictValue {
    /// The value as people read it, shortened.
    pub fn describe(&self) -> String {
        match self {
            Self::SectionStatus(status) => status.label().to_owned(),
            Self::ClaimStatus(status) => status.label().to_owned(),
            Self::Text(text) if text.trim().is_empty() => "(empty)".to_owned(),
            Self::Text(text) => format!("“{}”", crate::text::shortened(text.trim(), 60)),
            Self::Resolved(Some(stamp)) => format!("resolved by {}", stamp.by),
            Self::Resolved(None) => "open".to_owned(),
            Self::DealtWith(Some(dealt_with)) => dealt_with.label().to_lowercase(),
            Self::DealtWith(None) => "not dealt with".to_owned(),
            Self::Source(source) if !source.title.trim().is_empty() => {
                format!("“{}”", crate::text::shortened(source.title.trim(), 50))
            }
            Self::Source(source) => crate::text::shortened(source.url.trim(), 50),
            Self::Placement {
                passage: Some(p), ..
            } => {
                format!("on “{}”", crate::text::shortened(&p.quote, 50))
            }
            Self::Placement { passage: None, .. } => "on the whole section".to_owned(),
            Self::Deleted => "deleted".to_owned(),
            Self::Kept => "kept and edited".to_owned(),
            Self::Absent => "absent".to_owned(),
        }
    }
}

impl Conflict {
    /// The conflict in one line: what it is about and each side's value, from where.
    pub fn describe(&self, project: &super::Project) -> String {
        format!(
            "{}: {} ({}) / {} ({})",
            self.target.describe(project),
            self.ours.value.describe(),
            self.ours.from,
            self.theirs.value.describe(),
            self.theirs.from,
        )
    }
}
