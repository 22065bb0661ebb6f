//! Finding what an edit names, and the checks that keep a project consistent.
//!
//! Shared by the edits of comments, claims and placements: each refuses, before changing
//! anything, an id that does not exist, an id already in use or a passage outside its
//! section, so a failed edit leaves the project as it was.

use crate::model::{
    Claim, ClaimId, Comment, CommentId, Deleted, Project, SectionId, Stamp, Tombstone,
};
use crate::text::char_count;

use super::EditError;

/// Remembers that `deleted` was deleted, by whom and when (`None`: an addition undone, not a
/// deletion: nothing to remember).
pub(super) fn bury(project: &mut Project, deleted: Deleted, by: Option<Stamp>) {
    if let Some(by) = by {
        project.deleted.retain(|t| t.deleted != deleted);
        project.deleted.push(Tombstone { deleted, by });
    }
}

/// Forgets a deletion of `deleted` (it is back), returning who had deleted it when.
pub(super) fn unbury(project: &mut Project, deleted: &Deleted) -> Option<Stamp> {
    let index = project.deleted.iter().position(|t| &t.deleted == deleted)?;
    Some(project.deleted.remove(index).by)
}

pub(super) fn comment_index(project: &Project, id: &CommentId) -> Result<usize, EditError> {
    project
        .comments
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownComment(id.clone()))
}

pub(super) fn comment_mut<'a>(
    project: &'a mut Project,
    id: &CommentId,
) -> Result<&'a mut Comment, EditError> {
    let index = comment_index(project, id)?;
    Ok(&mut project.comments[index])
}

pub(super) fn claim_index(project: &Project, id: &ClaimId) -> Result<usize, EditError> {
    project
        .claims
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownClaim(id.clone()))
}

pub(super) fn claim_mut<'a>(
    project: &'a mut Project,
    id: &ClaimId,
) -> Result<&'a mut Claim, EditError> {
    let index = claim_index(project, id)?;
    Ok(&mut project.claims[index])
}

/// Ids are unique across sections, comments, replies and claims, so a mark can be named by
/// its id alone.
pub(super) fn check_unused_id(project: &Project, id: &str) -> Result<(), EditError> {
    let used = project.sections.iter().any(|s| s.id.as_str() == id)
        || project
            .comments
            .iter()
            .any(|c| c.id.as_str() == id || c.replies.iter().any(|r| r.id.as_str() == id))
        || project.claims.iter().any(|c| c.id.as_str() == id);
    if used {
        Err(EditError::DuplicateId(id.to_owned()))
    } else {
        Ok(())
    }
}

pub(super) fn check_new_mark(
    project: &Project,
    id: &str,
    section: &SectionId,
) -> Result<(), EditError> {
    check_unused_id(project, id)?;
    if project.section(section).is_none() {
        return Err(EditError::UnknownSection(section.clone()));
    }
    Ok(())
}

pub(super) fn check_passage(
    project: &Project,
    section: &SectionId,
    start: usize,
    end: usize,
) -> Result<(), EditError> {
    let len = project.section(section).map_or(0, |s| char_count(&s.text));
    if start >= end || end > len {
        return Err(EditError::PassageOutOfBounds { start, end, len });
    }
    Ok(())
}
