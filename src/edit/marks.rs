//! Where a mark sits: moving a comment or a claim, and the decisions a person makes about
//! where a revised draft put it (confirm, re-attach, reject, resolve).
//!
//! One edit covers both kinds of mark because a placement is the same three things for
//! either: the section, the passage, and how the mark came through the latest revision.

use crate::model::{Carried, MarkId, Passage, Project, SectionId};

use super::lookup::{check_passage, claim_mut, comment_mut};
use super::{Edit, EditError};

pub(super) fn set_placement(
    project: &mut Project,
    mark: MarkId,
    section: SectionId,
    passage: Option<Passage>,
    carried: Option<Box<Carried>>,
) -> Result<Edit, EditError> {
    if project.section(&section).is_none() {
        return Err(EditError::UnknownSection(section));
    }
    // An orphaned or removed mark keeps the passage it had, which the new text may not hold.
    let placed = carried.as_ref().is_none_or(|c| c.state.is_placed());
    if let Some(passage) = passage.as_ref().filter(|_| placed) {
        check_passage(project, &section, passage.start, passage.end)?;
    }
    let carried = carried.map(|c| *c);
    let (old_section, old_passage, old_carried) = match &mark {
        MarkId::Comment(id) => {
            let comment = comment_mut(project, id)?;
            (
                std::mem::replace(&mut comment.section, section),
                std::mem::replace(&mut comment.passage, passage),
                std::mem::replace(&mut comment.carried, carried),
            )
        }
        MarkId::Claim(id) => {
            let Some(passage) = passage else {
                return Err(EditError::ClaimWithoutPassage(id.clone()));
            };
            let claim = claim_mut(project, id)?;
            (
                std::mem::replace(&mut claim.section, section),
                Some(std::mem::replace(&mut claim.passage, passage)),
                std::mem::replace(&mut claim.carried, carried),
            )
        }
    };
    Ok(Edit::SetPlacement {
        mark,
        section: old_section,
        passage: old_passage,
        carried: old_carried.map(Box::new),
    })
}
