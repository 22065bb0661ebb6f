//! Which records the merged review holds, looked up by id: a tombstone is dropped for a
//! record that is back, and a conflict about a record that is gone, without scanning the
//! review's lists once per tombstone or conflict.

use std::collections::HashSet;

use crate::model::SourceId;
use crate::model::{ClaimId, CommentId, ConflictTarget, Deleted, Project, ReplyId, SectionId};

/// The ids of what a review holds.
pub struct Present<'a> {
    sections: HashSet<&'a SectionId>,
    comments: HashSet<&'a CommentId>,
    replies: HashSet<(&'a CommentId, &'a ReplyId)>,
    claims: HashSet<&'a ClaimId>,
    sources: HashSet<(&'a ClaimId, &'a SourceId)>,
}

impl<'a> Present<'a> {
    pub fn in_project(project: &'a Project) -> Self {
        Self {
            sections: project.sections.iter().map(|s| &s.id).collect(),
            comments: project.comments.iter().map(|c| &c.id).collect(),
            replies: project
                .comments
                .iter()
                .flat_map(|c| c.replies.iter().map(move |r| (&c.id, &r.id)))
                .collect(),
            claims: project.claims.iter().map(|c| &c.id).collect(),
            sources: project
                .claims
                .iter()
                .flat_map(|c| c.sources.iter().map(move |s| (&c.id, &s.id)))
                .collect(),
        }
    }

    /// Whether the record a tombstone names is there.
    pub fn has(&self, record: &Deleted) -> bool {
        match record {
            Deleted::Comment(id) => self.comments.contains(id),
            Deleted::Reply { comment, reply } => self.replies.contains(&(comment, reply)),
            Deleted::Claim(id) => self.claims.contains(id),
            Deleted::Source { claim, source } => self.sources.contains(&(claim, source)),
        }
    }

    /// Whether the record a conflict is about is there.
    pub fn has_target(&self, target: &ConflictTarget) -> bool {
        match target {
            ConflictTarget::SectionStatus(id) => self.sections.contains(id),
            ConflictTarget::ClaimStatus(id)
            | ConflictTarget::ClaimNote(id)
            | ConflictTarget::ClaimDealtWith(id)
            | ConflictTarget::ClaimPlacement(id) => self.claims.contains(id),
            ConflictTarget::CommentBody(id)
            | ConflictTarget::CommentResolved(id)
            | ConflictTarget::CommentPlacement(id) => self.comments.contains(id),
            ConflictTarget::ReplyBody { comment, reply } => {
                self.replies.contains(&(comment, reply))
            }
            ConflictTarget::Source { claim, source } => self.sources.contains(&(claim, source)),
            ConflictTarget::Record(record) => self.has(record),
        }
    }
}
