//! A revised draft or a merged review coming in: the whole project replaced by the one
//! carried to the new text, or merged with another reviewer's copy.
//!
//! Its inverse holds the project it replaced, so bringing in a draft or a merge is undone as
//! one step. The new project is built elsewhere ([`crate::revise`], [`crate::merge`]); it is
//! checked here because an inconsistent one must never become the review.

use crate::model::Project;

use super::{Edit, EditError};

pub(super) fn revise(project: &mut Project, revised: Box<Project>) -> Result<Edit, EditError> {
    revised.validate().map_err(EditError::InvalidRevision)?;
    let old = std::mem::replace(project, *revised);
    Ok(Edit::Revise {
        project: Box::new(old),
    })
}

pub(super) fn merge(
    project: &mut Project,
    merged: Box<Project>,
    from: String,
) -> Result<Edit, EditError> {
    merged.validate().map_err(EditError::InvalidMerge)?;
    let old = std::mem::replace(project, *merged);
    Ok(Edit::Merge {
        project: Box::new(old),
        from,
    })
}
