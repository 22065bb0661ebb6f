//! Edits of comments and their threads of replies.
//!
//! A comment added or removed keeps its place in the project's list, so undoing a removal
//! puts it back where it was and the report lists comments in the same order as before.

use crate::model::{Comment, CommentId, Deleted, Project, Reply, ReplyId, Resolution, Stamp};

use super::lookup::{
    bury, check_new_mark, check_passage, check_unused_id, comment_index, comment_mut, unbury,
};
use super::{Edit, EditError};

/// Inserts `comment` at `index` (clamped to the end of the list).
pub(super) fn add(
    project: &mut Project,
    index: usize,
    comment: Box<Comment>,
) -> Result<Edit, EditError> {
    check_new_mark(project, comment.id.as_str(), &comment.section)?;
    if let Some(passage) = comment.placed_passage() {
        check_passage(project, &comment.section, passage.start, passage.end)?;
    }
    for reply in &comment.replies {
        check_unused_id(project, reply.id.as_str())?;
    }
    let index = index.min(project.comments.len());
    let id = comment.id.clone();
    project.comments.insert(index, *comment);
    let deleted = unbury(project, &Deleted::Comment(id.clone()));
    Ok(Edit::RemoveComment { id, deleted })
}

pub(super) fn remove(
    project: &mut Project,
    id: &CommentId,
    deleted: Option<Stamp>,
) -> Result<Edit, EditError> {
    let index = comment_index(project, id)?;
    let comment = project.comments.remove(index);
    bury(project, Deleted::Comment(id.clone()), deleted);
    Ok(Edit::AddComment {
        index,
        comment: Box::new(comment),
    })
}

pub(super) fn set_body(
    project: &mut Project,
    id: CommentId,
    body: String,
) -> Result<Edit, EditError> {
    let comment = comment_mut(project, &id)?;
    let old = std::mem::replace(&mut comment.body, body);
    Ok(Edit::SetCommentBody { id, body: old })
}

pub(super) fn set_resolved(
    project: &mut Project,
    id: CommentId,
    resolved: Option<Resolution>,
) -> Result<Edit, EditError> {
    let comment = comment_mut(project, &id)?;
    let old = std::mem::replace(&mut comment.resolved, resolved);
    Ok(Edit::SetCommentResolved { id, resolved: old })
}

/// Inserts `reply` at `index` in the thread (clamped to its end).
pub(super) fn add_reply(
    project: &mut Project,
    comment: CommentId,
    index: usize,
    reply: Reply,
) -> Result<Edit, EditError> {
    check_unused_id(project, reply.id.as_str())?;
    let thread = comment_mut(project, &comment)?;
    let index = index.min(thread.replies.len());
    let reply_id = reply.id.clone();
    thread.replies.insert(index, reply);
    let deleted = unbury(
        project,
        &Deleted::Reply {
            comment: comment.clone(),
            reply: reply_id.clone(),
        },
    );
    Ok(Edit::RemoveReply {
        comment,
        reply: reply_id,
        deleted,
    })
}

pub(super) fn remove_reply(
    project: &mut Project,
    comment: CommentId,
    reply: ReplyId,
    deleted: Option<Stamp>,
) -> Result<Edit, EditError> {
    let thread = comment_mut(project, &comment)?;
    let Some(index) = thread.replies.iter().position(|r| r.id == reply) else {
        return Err(EditError::UnknownReply { comment, reply });
    };
    let removed = thread.replies.remove(index);
    bury(
        project,
        Deleted::Reply {
            comment: comment.clone(),
            reply,
        },
        deleted,
    );
    Ok(Edit::AddReply {
        comment,
        index,
        reply: removed,
    })
}

pub(super) fn set_reply_body(
    project: &mut Project,
    comment: CommentId,
    reply: ReplyId,
    body: String,
) -> Result<Edit, EditError> {
    let thread = comment_mut(project, &comment)?;
    let Some(target) = thread.replies.iter_mut().find(|r| r.id == reply) else {
        return Err(EditError::UnknownReply { comment, reply });
    };
    let old = std::mem::replace(&mut target.body, body);
    Ok(Edit::SetReplyBody {
        comment,
        reply,
        body: old,
    })
}
