//! Comments: a thread of remarks on a passage or on a whole section.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::anchor::{self, Carried};
use super::ids::{CommentId, ReplyId, ReviewerId, SectionId};
use super::passage::Passage;
use super::reviewer::Reviewer;
use super::stamp::Resolution;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: CommentId,
    pub section: SectionId,
    /// The commented passage; `None` for a comment on the whole section.
    #[serde(default)]
    pub passage: Option<Passage>,
    pub author: String,
    /// Who wrote it (unset only before a file from before reviewer ids is upgraded).
    #[serde(default)]
    pub author_id: ReviewerId,
    pub created: Timestamp,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub replies: Vec<Reply>,
    /// Who resolved the thread, and when; `None` while it is open.
    #[serde(default)]
    pub resolved: Option<Resolution>,
    /// How the comment came through the latest revised draft; `None` if it was made on the
    /// current draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
    /// Where the comment came from when the draft's own file carried it (a Word comment, a
    /// tracked change); `None` for a comment made in copydesk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<CommentOrigin>,
}

/// A comment the imported file brought with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommentOrigin {
    /// A comment in the Word document.
    WordComment,
    /// A tracked insertion, accepted on import: the comment is on the inserted text.
    TrackedInsertion,
    /// A tracked deletion, accepted on import: the comment is beside where the text was.
    TrackedDeletion,
}

impl CommentOrigin {
    /// The name other tools read in the JSON report.
    pub fn key(self) -> &'static str {
        match self {
            Self::WordComment => "word_comment",
            Self::TrackedInsertion => "tracked_insertion",
            Self::TrackedDeletion => "tracked_deletion",
        }
    }

    /// Whether it records a change the writer's file tracked, rather than a remark.
    pub fn is_tracked_change(self) -> bool {
        matches!(self, Self::TrackedInsertion | Self::TrackedDeletion)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WordComment => "Word comment",
            Self::TrackedInsertion => "tracked insertion",
            Self::TrackedDeletion => "tracked deletion",
        }
    }
}

impl Comment {
    pub fn new(
        section: SectionId,
        passage: Option<Passage>,
        author: &Reviewer,
        created: Timestamp,
    ) -> Self {
        Self {
            id: CommentId::random(),
            section,
            passage,
            author: author.name.clone(),
            author_id: author.id.clone(),
            created,
            body: String::new(),
            replies: Vec::new(),
            resolved: None,
            carried: None,
            origin: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.resolved.is_none()
    }

    /// Whether it records a tracked change of the imported file (reviewed by acknowledging,
    /// that is resolving, it) rather than a remark.
    pub fn is_tracked_change(&self) -> bool {
        self.origin.is_some_and(CommentOrigin::is_tracked_change)
    }

    /// Whether the comment sits in the current text (an orphan only remembers its old
    /// passage). A comment on a whole section is placed when its section is.
    pub fn is_placed(&self) -> bool {
        anchor::is_placed(self.carried.as_ref())
    }

    /// The passage in the current text, if the comment has one there.
    pub fn placed_passage(&self) -> Option<&Passage> {
        self.passage.as_ref().filter(|_| self.is_placed())
    }

    /// Whether its place in a revised draft waits for a person's decision.
    pub fn needs_attention(&self) -> bool {
        self.is_open() && anchor::needs_attention(self.carried.as_ref())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub id: ReplyId,
    pub author: String,
    #[serde(default)]
    pub author_id: ReviewerId,
    pub created: Timestamp,
    pub body: String,
}

impl Reply {
    pub fn new(author: &Reviewer, created: Timestamp, body: &str) -> Self {
        Self {
            id: ReplyId::random(),
            author: author.name.clone(),
            author_id: author.id.clone(),
            created,
            body: body.to_owned(),
        }
    }
}
