//! Comments and their replies in a merge: by id, field by field. Replies are united by id;
//! a comment resolved on one side and reopened on the other (with no base to tell) stays open
//! until a person decides, so a conflict never closes a thread.

use crate::model::{Comment, ConflictTarget, ConflictValue, Deleted, Project, Reply, Resolution};

use super::bookkeeping::Tombstones;
use super::conflicts::{Merging, SideValue};
use super::placement::{Place, merged_place};
use super::three_way::{Fate, Outcome, fates, merged_stamp, three_way};

/// The merged comments, in ours' order with theirs' new ones where theirs has them.
pub fn merged_comments(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Vec<Comment> {
    let fates = fates(
        base.map(|b| b.comments.as_slice()),
        &ours.comments,
        &theirs.comments,
        |comment| &comment.id,
        |side, id| tombstones.deleted_by(side, &Deleted::Comment((*id).clone())),
    );
    fates
        .into_iter()
        .filter_map(|fate| match fate {
            Fate::Both { base, ours, theirs } => {
                Some(merged_comment(base, ours, theirs, tombstones, merging))
            }
            Fate::Added { record } => {
                merging.added();
                Some(record.clone())
            }
            Fate::DeletedAndEdited {
                kept,
                kept_on,
                deleted_by,
            } => {
                merging.deleted_and_edited(Deleted::Comment(kept.id.clone()), kept_on, deleted_by);
                Some(kept.clone())
            }
            Fate::Deleted => {
                merging.deleted();
                None
            }
        })
        .collect()
}

fn place(comment: &Comment) -> Place<'_> {
    Place {
        section: &comment.section,
        passage: comment.passage.as_ref(),
        carried: comment.carried.as_ref(),
    }
}

fn merged_comment(
    base: Option<&Comment>,
    ours: &Comment,
    theirs: &Comment,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Comment {
    let id = &ours.id;
    let placed = merged_place(
        base.map(place),
        place(ours),
        place(theirs),
        ConflictTarget::CommentPlacement(id.clone()),
        merging,
    );
    let body = merged_text(
        base.map(|c| &c.body),
        &ours.body,
        &theirs.body,
        ConflictTarget::CommentBody(id.clone()),
        merging,
    );
    let resolved = merged_resolution(base, ours, theirs, merging);
    let replies = merged_replies(base, ours, theirs, tombstones, merging);
    Comment {
        section: placed.section.clone(),
        passage: placed.passage.cloned(),
        carried: placed.carried.cloned(),
        body,
        resolved,
        replies,
        ..ours.clone()
    }
}

/// A text field merged: ours' text is kept while two different changes conflict.
pub fn merged_text(
    base: Option<&String>,
    ours: &String,
    theirs: &String,
    target: ConflictTarget,
    merging: &mut Merging<'_>,
) -> String {
    let outcome = three_way(base, ours, theirs);
    merging.took(outcome);
    if outcome == Outcome::Conflict {
        merging.conflict(
            target,
            base.map(|text| ConflictValue::Text(text.clone())),
            SideValue::new(ConflictValue::Text(ours.clone()), None),
            SideValue::new(ConflictValue::Text(theirs.clone()), None),
        );
    }
    outcome.pick(ours, theirs).clone()
}

/// Resolved on both sides is resolved (by whoever did it first); resolved on one side and
/// left open on the other is resolved; reopened on one side and left resolved on the other is
/// open. Only without a base can "resolved" and "open" conflict: then it stays open.
fn merged_resolution(
    base: Option<&Comment>,
    ours: &Comment,
    theirs: &Comment,
    merging: &mut Merging<'_>,
) -> Option<Resolution> {
    let outcome = three_way(
        base.map(|c| c.resolved.is_some()).as_ref(),
        &ours.resolved.is_some(),
        &theirs.resolved.is_some(),
    );
    merging.took(outcome);
    match outcome {
        Outcome::Ours => ours.resolved.clone(),
        Outcome::Theirs => theirs.resolved.clone(),
        Outcome::Unchanged | Outcome::Both => {
            merged_stamp(base.map(|c| &c.resolved), &ours.resolved, &theirs.resolved)
        }
        Outcome::Conflict => {
            let side = |comment: &Comment| {
                SideValue::new(
                    ConflictValue::Resolved(comment.resolved.clone()),
                    comment.resolved.clone(),
                )
            };
            merging.conflict(
                ConflictTarget::CommentResolved(ours.id.clone()),
                base.map(|c| ConflictValue::Resolved(c.resolved.clone())),
                side(ours),
                side(theirs),
            );
            None
        }
    }
}

/// The replies of both sides, united by id; a reply's text merged like a comment's.
fn merged_replies(
    base: Option<&Comment>,
    ours: &Comment,
    theirs: &Comment,
    tombstones: &Tombstones<'_>,
    merging: &mut Merging<'_>,
) -> Vec<Reply> {
    let comment = &ours.id;
    let record = |reply: &Reply| Deleted::Reply {
        comment: comment.clone(),
        reply: reply.id.clone(),
    };
    let fates = fates(
        base.map(|c| c.replies.as_slice()),
        &ours.replies,
        &theirs.replies,
        |reply| &reply.id,
        |side, id| {
            tombstones.deleted_by(
                side,
                &Deleted::Reply {
                    comment: comment.clone(),
                    reply: (*id).clone(),
                },
            )
        },
    );
    fates
        .into_iter()
        .filter_map(|fate| match fate {
            Fate::Both { base, ours, theirs } => {
                let body = merged_text(
                    base.map(|r| &r.body),
                    &ours.body,
                    &theirs.body,
                    ConflictTarget::ReplyBody {
                        comment: comment.clone(),
                        reply: ours.id.clone(),
                    },
                    merging,
                );
                Some(Reply {
                    body,
                    ..ours.clone()
                })
            }
            Fate::Added { record } => {
                merging.added();
                Some(record.clone())
            }
            Fate::DeletedAndEdited {
                kept,
                kept_on,
                deleted_by,
            } => {
                merging.deleted_and_edited(record(kept), kept_on, deleted_by);
                Some(kept.clone())
            }
            Fate::Deleted => {
                merging.deleted();
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
