//! Edits of a section: its review status (approved, needs changes, …).
//!
//! The text of a section never changes by edit: it only comes in with a revised draft
//! ([`super::Edit::Revise`]).

use crate::model::{Project, ReviewStatus, Section, SectionId, Stamp};

use super::{Edit, EditError};

pub(super) fn set_status(
    project: &mut Project,
    section: SectionId,
    status: ReviewStatus,
    set: Option<Stamp>,
) -> Result<Edit, EditError> {
    let target = section_mut(project, &section)?;
    let old = std::mem::replace(&mut target.status, status);
    let old_set = std::mem::replace(&mut target.status_set, set);
    Ok(Edit::SetSectionStatus {
        section,
        status: old,
        set: old_set,
    })
}

fn section_mut<'a>(project: &'a mut Project, id: &SectionId) -> Result<&'a mut Section, EditError> {
    project
        .sections
        .iter_mut()
        .find(|s| &s.id == id)
        .ok_or_else(|| EditError::UnknownSection(id.clone()))
}
