//! A revised draft coming in: the whole project replaced by the one carried to the new text.
//!
//! Its inverse holds the project it replaced, so bringing in a draft is undone as one step.
//! The revised project is built elsewhere ([`crate::revise`]); it is checked here because an
//! inconsistent one must never become the review.

use crate::model::Project;

use super::{Edit, EditError};

pub(super) fn revise(project: &mut Project, revised: Box<Project>) -> Result<Edit, EditError> {
    revised.validate().map_err(EditError::InvalidRevision)?;
    let old = std::mem::replace(project, *revised);
    Ok(Edit::Revise {
        project: Box::new(old),
    })
}
