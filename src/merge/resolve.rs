//! Settling a conflict a merge left: the person picks a side (or, for text, both), and that
//! becomes one undoable edit that sets the field and takes the conflict off the list.

use crate::edit::Edit;
use crate::model::{
    ClaimId, Comment, CommentId, Conflict, ConflictId, ConflictTarget, ConflictValue, Deleted,
    MarkId, Project, Reply, ReplyId, Source, SourceId,
};

/// Which side of a conflict a person keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    Ours,
    Theirs,
    /// Both texts: the comment (or reply, or source) is kept as it is ours, and theirs is
    /// added beside it as a second one. Only for comment and reply text and sources.
    Both,
}

impl Pick {
    /// Whether this pick can settle `conflict` (keeping both is for texts and sources only).
    pub fn applies_to(self, conflict: &Conflict) -> bool {
        match self {
            Self::Ours | Self::Theirs => true,
            Self::Both => matches!(
                conflict.target,
                ConflictTarget::CommentBody(_)
                    | ConflictTarget::ReplyBody { .. }
                    | ConflictTarget::Source { .. }
            ),
        }
    }
}

/// The edit that settles conflict `id` of `project` as `pick` says, as one undo step; `None`
/// when there is no such conflict, the pick does not apply to it, or what it is about is gone.
pub fn resolution_edit(project: &Project, id: &ConflictId, pick: Pick) -> Option<Edit> {
    let conflict = project.conflicts.iter().find(|c| &c.id == id)?;
    if !pick.applies_to(conflict) {
        return None;
    }
    let side = match pick {
        Pick::Ours | Pick::Both => &conflict.ours,
        Pick::Theirs => &conflict.theirs,
    };
    let mut edits = match (&conflict.target, &side.value) {
        (ConflictTarget::SectionStatus(section), ConflictValue::SectionStatus(status)) => {
            vec![Edit::SetSectionStatus {
                section: section.clone(),
                status: *status,
                set: side.by.clone(),
            }]
        }
        (ConflictTarget::ClaimStatus(claim), ConflictValue::ClaimStatus(status)) => {
            vec![Edit::SetClaimStatus {
                id: claim.clone(),
                status: *status,
            }]
        }
        (ConflictTarget::ClaimNote(claim), ConflictValue::Text(note)) => vec![Edit::SetClaimNote {
            id: claim.clone(),
            note: note.clone(),
        }],
        (ConflictTarget::ClaimDealtWith(claim), ConflictValue::DealtWith(dealt_with)) => {
            vec![Edit::SetClaimDealtWith {
                id: claim.clone(),
                dealt_with: *dealt_with,
            }]
        }
        (ConflictTarget::CommentBody(comment), ConflictValue::Text(body)) => {
            comment_body(project, comment, body, pick, &conflict.theirs.value)?
        }
        (ConflictTarget::CommentResolved(comment), ConflictValue::Resolved(resolved)) => {
            vec![Edit::SetCommentResolved {
                id: comment.clone(),
                resolved: resolved.clone(),
            }]
        }
        (ConflictTarget::ReplyBody { comment, reply }, ConflictValue::Text(body)) => {
            reply_body(project, comment, reply, body, pick, &conflict.theirs.value)?
        }
        (ConflictTarget::Source { claim, source }, ConflictValue::Source(value)) => {
            source_edits(project, claim, source, value, pick, &conflict.theirs.value)?
        }
        (
            ConflictTarget::CommentPlacement(_) | ConflictTarget::ClaimPlacement(_),
            ConflictValue::Placement {
                section,
                passage,
                carried,
            },
        ) => vec![Edit::SetPlacement {
            mark: placed_mark(&conflict.target)?,
            section: section.clone(),
            passage: passage.clone(),
            carried: carried.clone(),
        }],
        (ConflictTarget::Record(deleted), ConflictValue::Deleted) => {
            vec![deletion(project, deleted, side.by.clone())?]
        }
        // The record was kept (and edited) on this side: it stays as it is in the review.
        (ConflictTarget::Record(_), ConflictValue::Kept) => Vec::new(),
        _ => return None,
    };
    edits.push(Edit::RemoveConflict { id: id.clone() });
    Some(Edit::Batch {
        label: format!(
            "settle the conflict on {}",
            conflict.target.describe(project)
        ),
        edits,
    })
}

/// The mark a placement conflict is about.
fn placed_mark(target: &ConflictTarget) -> Option<MarkId> {
    match target {
        ConflictTarget::CommentPlacement(comment) => Some(MarkId::Comment(comment.clone())),
        ConflictTarget::ClaimPlacement(claim) => Some(MarkId::Claim(claim.clone())),
        _ => None,
    }
}

fn comment_body(
    project: &Project,
    id: &CommentId,
    body: &str,
    pick: Pick,
    theirs: &ConflictValue,
) -> Option<Vec<Edit>> {
    let mut edits = vec![Edit::SetCommentBody {
        id: id.clone(),
        body: body.to_owned(),
    }];
    if pick == Pick::Both {
        let ConflictValue::Text(their_body) = theirs else {
            return None;
        };
        let comment = project.comment(id)?;
        edits.push(Edit::add_comment(Comment {
            id: CommentId::random(),
            body: their_body.clone(),
            replies: Vec::new(),
            ..comment.clone()
        }));
    }
    Some(edits)
}

fn reply_body(
    project: &Project,
    comment: &CommentId,
    reply: &ReplyId,
    body: &str,
    pick: Pick,
    theirs: &ConflictValue,
) -> Option<Vec<Edit>> {
    let mut edits = vec![Edit::SetReplyBody {
        comment: comment.clone(),
        reply: reply.clone(),
        body: body.to_owned(),
    }];
    if pick == Pick::Both {
        let ConflictValue::Text(their_body) = theirs else {
            return None;
        };
        let original = project
            .comment(comment)?
            .replies
            .iter()
            .find(|r| &r.id == reply)?;
        edits.push(Edit::add_reply(
            comment.clone(),
            Reply {
                id: ReplyId::random(),
                body: their_body.clone(),
                ..original.clone()
            },
        ));
    }
    Some(edits)
}

fn source_edits(
    project: &Project,
    claim: &ClaimId,
    id: &SourceId,
    value: &Source,
    pick: Pick,
    theirs: &ConflictValue,
) -> Option<Vec<Edit>> {
    let index = project
        .claim(claim)?
        .sources
        .iter()
        .position(|s| &s.id == id)?;
    let mut edits = vec![Edit::SetSource {
        claim: claim.clone(),
        index,
        source: Source {
            id: id.clone(),
            ..value.clone()
        },
    }];
    if pick == Pick::Both {
        let ConflictValue::Source(their_source) = theirs else {
            return None;
        };
        edits.push(Edit::AddSource {
            claim: claim.clone(),
            index: index + 1,
            source: Source {
                id: SourceId::random(),
                ..their_source.clone()
            },
        });
    }
    Some(edits)
}

/// The deletion one side made, made here too (remembered as theirs, with their stamp).
fn deletion(project: &Project, deleted: &Deleted, by: Option<crate::model::Stamp>) -> Option<Edit> {
    Some(match deleted {
        Deleted::Comment(id) => Edit::RemoveComment {
            id: id.clone(),
            deleted: by,
        },
        Deleted::Reply { comment, reply } => Edit::RemoveReply {
            comment: comment.clone(),
            reply: reply.clone(),
            deleted: by,
        },
        Deleted::Claim(id) => Edit::RemoveClaim {
            id: id.clone(),
            deleted: by,
        },
        Deleted::Source { claim, source } => Edit::RemoveSource {
            claim: claim.clone(),
            index: project
                .claim(claim)?
                .sources
                .iter()
                .position(|s| &s.id == source)?,
            deleted: by,
        },
    })
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::{Pick, resolution_edit};
    use crate::document::Document;
    use crate::model::{
        Conflict, ConflictId, ConflictSide, ConflictTarget, ConflictValue, Project, ReviewStatus,
        Reviewer, Stamp,
    };

    fn with_status_conflict() -> (Project, ConflictId) {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        let section = project.sections[1].id.clone();
        project.sections[1].status = ReviewStatus::NeedsChanges;
        let id = ConflictId::random();
        let side = |value, name| ConflictSide {
            from: format!("{name}'s copy"),
            value,
            by: Some(Stamp::new(&Reviewer::named(name), Timestamp::UNIX_EPOCH)),
        };
        project.conflicts.push(Conflict {
            id: id.clone(),
            target: ConflictTarget::SectionStatus(section),
            base: Some(ConflictValue::SectionStatus(ReviewStatus::InReview)),
            ours: side(ConflictValue::SectionStatus(ReviewStatus::Approved), "Ana"),
            theirs: side(
                ConflictValue::SectionStatus(ReviewStatus::NeedsChanges),
                "Bo",
            ),
            found: Timestamp::UNIX_EPOCH,
        });
        (project, id)
    }

    #[test]
    fn picking_a_side_sets_the_field_and_settles_the_conflict_in_one_undoable_step() {
        let (project, id) = with_status_conflict();
        let mut document = Document::new(project.clone());
        let edit = resolution_edit(&project, &id, Pick::Ours).unwrap();
        document.apply(edit).unwrap();
        assert_eq!(
            document.project().sections[1].status,
            ReviewStatus::Approved
        );
        assert_eq!(
            document.project().sections[1]
                .status_set
                .as_ref()
                .map(|s| s.by.as_str()),
            Some("Ana")
        );
        assert!(document.project().conflicts.is_empty());
        document.undo();
        assert_eq!(document.project(), &project);
    }

    #[test]
    fn keeping_both_is_only_for_texts_and_sources() {
        let (project, id) = with_status_conflict();
        assert_eq!(resolution_edit(&project, &id, Pick::Both), None);
        assert_eq!(
            resolution_edit(&project, &ConflictId::random(), Pick::Ours),
            None
        );
    }
}
