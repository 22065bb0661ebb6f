//! Edits of claims: adding and removing them, their status and its history, the
//! fact-checker's note, how a wrong claim was dealt with, and the sources that back it.
//!
//! A claim's status and the step recorded in its history are separate edits so that
//! [`super::Edit::claim_status_change`] can batch them into one undo step, and undoing it
//! takes the step out of the history again.

use crate::model::{
    Claim, ClaimId, ClaimStatus, DealtWith, Deleted, Project, Source, Stamp, StatusChange,
};

use super::lookup::{bury, check_new_mark, check_passage, claim_index, claim_mut, unbury};
use super::{Edit, EditError};

/// Inserts `claim` at `index` (clamped to the end of the list).
pub(super) fn add(
    project: &mut Project,
    index: usize,
    claim: Box<Claim>,
) -> Result<Edit, EditError> {
    check_new_mark(project, claim.id.as_str(), &claim.section)?;
    if let Some(passage) = claim.placed_passage() {
        check_passage(project, &claim.section, passage.start, passage.end)?;
    }
    let index = index.min(project.claims.len());
    let id = claim.id.clone();
    project.claims.insert(index, *claim);
    let deleted = unbury(project, &Deleted::Claim(id.clone()));
    Ok(Edit::RemoveClaim { id, deleted })
}

pub(super) fn remove(
    project: &mut Project,
    id: &ClaimId,
    deleted: Option<Stamp>,
) -> Result<Edit, EditError> {
    let index = claim_index(project, id)?;
    let claim = project.claims.remove(index);
    bury(project, Deleted::Claim(id.clone()), deleted);
    Ok(Edit::AddClaim {
        index,
        claim: Box::new(claim),
    })
}

pub(super) fn set_status(
    project: &mut Project,
    id: ClaimId,
    status: ClaimStatus,
) -> Result<Edit, EditError> {
    let claim = claim_mut(project, &id)?;
    let old = std::mem::replace(&mut claim.status, status);
    Ok(Edit::SetClaimStatus { id, status: old })
}

pub(super) fn record_status_change(
    project: &mut Project,
    claim: ClaimId,
    change: StatusChange,
) -> Result<Edit, EditError> {
    claim_mut(project, &claim)?.history.push(change);
    Ok(Edit::ForgetStatusChange { claim })
}

pub(super) fn forget_status_change(
    project: &mut Project,
    claim: ClaimId,
) -> Result<Edit, EditError> {
    let Some(change) = claim_mut(project, &claim)?.history.pop() else {
        return Err(EditError::NoStatusHistory(claim));
    };
    Ok(Edit::RecordStatusChange { claim, change })
}

pub(super) fn set_note(
    project: &mut Project,
    id: ClaimId,
    note: String,
) -> Result<Edit, EditError> {
    let claim = claim_mut(project, &id)?;
    let old = std::mem::replace(&mut claim.note, note);
    Ok(Edit::SetClaimNote { id, note: old })
}

pub(super) fn set_dealt_with(
    project: &mut Project,
    id: ClaimId,
    dealt_with: Option<DealtWith>,
) -> Result<Edit, EditError> {
    let claim = claim_mut(project, &id)?;
    let old = std::mem::replace(&mut claim.dealt_with, dealt_with);
    Ok(Edit::SetClaimDealtWith {
        id,
        dealt_with: old,
    })
}

/// Inserts `source` at `index` in the claim's sources (clamped to their end).
pub(super) fn add_source(
    project: &mut Project,
    claim: ClaimId,
    index: usize,
    source: Source,
) -> Result<Edit, EditError> {
    let target = claim_mut(project, &claim)?;
    let index = index.min(target.sources.len());
    let id = source.id.clone();
    target.sources.insert(index, source);
    let deleted = unbury(
        project,
        &Deleted::Source {
            claim: claim.clone(),
            source: id,
        },
    );
    Ok(Edit::RemoveSource {
        claim,
        index,
        deleted,
    })
}

pub(super) fn remove_source(
    project: &mut Project,
    claim: ClaimId,
    index: usize,
    deleted: Option<Stamp>,
) -> Result<Edit, EditError> {
    let target = claim_mut(project, &claim)?;
    if index >= target.sources.len() {
        return Err(EditError::UnknownSource { claim, index });
    }
    let source = target.sources.remove(index);
    let gone = Deleted::Source {
        claim: claim.clone(),
        source: source.id.clone(),
    };
    bury(project, gone, deleted);
    Ok(Edit::AddSource {
        claim,
        index,
        source,
    })
}

pub(super) fn set_source(
    project: &mut Project,
    claim: ClaimId,
    index: usize,
    source: Source,
) -> Result<Edit, EditError> {
    let target = claim_mut(project, &claim)?;
    let Some(slot) = target.sources.get_mut(index) else {
        return Err(EditError::UnknownSource { claim, index });
    };
    let old = std::mem::replace(slot, source);
    Ok(Edit::SetSource {
        claim,
        index,
        source: old,
    })
}
