//! What was deleted, by whom and when. A deleted comment, reply, claim or source leaves its
//! id behind, so a merge can tell "deleted on one side" from "never existed there". Nothing
//! else shows tombstones: the desk, the reports and the gate see only what is left.

use serde::{Deserialize, Serialize};

use super::ids::{ClaimId, CommentId, ReplyId, SourceId};
use super::stamp::Stamp;

/// A record that was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Deleted {
    Comment(CommentId),
    Reply { comment: CommentId, reply: ReplyId },
    Claim(ClaimId),
    Source { claim: ClaimId, source: SourceId },
}

/// A deletion, remembered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub deleted: Deleted,
    pub by: Stamp,
}
