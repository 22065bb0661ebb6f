//! Edits of what a review keeps about itself: the list of its reviewers, and the conflicts a
//! merge left for a person to settle.

use crate::model::{Conflict, ConflictId, Project, Reviewer, ReviewerId};

use super::{Edit, EditError};

/// Adds `reviewer` to the list, or sets their name and role there.
pub(super) fn note(project: &mut Project, reviewer: Reviewer) -> Result<Edit, EditError> {
    match project.reviewers.iter_mut().find(|r| r.id == reviewer.id) {
        Some(known) => {
            let old = std::mem::replace(known, reviewer);
            Ok(Edit::NoteReviewer { reviewer: old })
        }
        None => {
            let id = reviewer.id.clone();
            project.reviewers.push(reviewer);
            Ok(Edit::ForgetReviewer { id })
        }
    }
}

pub(super) fn forget(project: &mut Project, id: &ReviewerId) -> Result<Edit, EditError> {
    let index = project
        .reviewers
        .iter()
        .position(|r| &r.id == id)
        .ok_or_else(|| EditError::UnknownReviewer(id.clone()))?;
    let reviewer = project.reviewers.remove(index);
    Ok(Edit::NoteReviewer { reviewer })
}

/// Keeps `conflict` at `index` (clamped to the end of the list).
pub(super) fn add_conflict(
    project: &mut Project,
    index: usize,
    conflict: Box<Conflict>,
) -> Result<Edit, EditError> {
    if project.conflicts.iter().any(|c| c.id == conflict.id) {
        return Err(EditError::DuplicateId(conflict.id.to_string()));
    }
    let index = index.min(project.conflicts.len());
    let id = conflict.id.clone();
    project.conflicts.insert(index, *conflict);
    Ok(Edit::RemoveConflict { id })
}

pub(super) fn remove_conflict(project: &mut Project, id: &ConflictId) -> Result<Edit, EditError> {
    let index = project
        .conflicts
        .iter()
        .position(|c| &c.id == id)
        .ok_or_else(|| EditError::UnknownConflict(id.clone()))?;
    let conflict = project.conflicts.remove(index);
    Ok(Edit::AddConflict {
        index,
        conflict: Box::new(conflict),
    })
}
