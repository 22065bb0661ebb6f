//! What a person decides about a mark the revision could not place for certain, as edits.

use jiff::Timestamp;

use crate::edit::Edit;
use crate::model::{
    AnchorState, Carried, MarkId, Passage, Project, Resolution, Reviewer, SectionId,
};

/// Where a mark is now: its section, passage and revision record.
fn placement_of(
    project: &Project,
    mark: &MarkId,
) -> Option<(SectionId, Option<Passage>, Option<Carried>)> {
    match mark {
        MarkId::Comment(id) => project
            .comment(id)
            .map(|c| (c.section.clone(), c.passage.clone(), c.carried.clone())),
        MarkId::Claim(id) => project.claim(id).map(|c| {
            (
                c.section.clone(),
                Some(c.passage.clone()),
                c.carried.clone(),
            )
        }),
    }
}

fn decision(by: &Reviewer, at: Timestamp) -> Resolution {
    Resolution::new(by, at)
}

/// Accepts the place a revision proposed for a fuzzy mark.
pub fn confirm_edit(
    project: &Project,
    mark: &MarkId,
    by: &Reviewer,
    at: Timestamp,
) -> Option<Edit> {
    let (section, passage, carried) = placement_of(project, mark)?;
    let carried = carried.filter(|c| c.state == AnchorState::Fuzzy)?;
    Some(Edit::SetPlacement {
        mark: mark.clone(),
        section,
        passage,
        carried: Some(Box::new(
            carried.decided_as(AnchorState::Confirmed, decision(by, at)),
        )),
    })
}

/// Turns down the place proposed for a fuzzy mark: it becomes an orphan with its old passage,
/// to be re-attached by hand or resolved.
pub fn reject_edit(project: &Project, mark: &MarkId, by: &Reviewer, at: Timestamp) -> Option<Edit> {
    let (section, passage, carried) = placement_of(project, mark)?;
    let carried = carried.filter(|c| c.state == AnchorState::Fuzzy)?;
    let passage = carried.passage_before.clone().or(passage);
    Some(Edit::SetPlacement {
        mark: mark.clone(),
        section,
        passage,
        carried: Some(Box::new(
            carried.decided_as(AnchorState::Orphaned, decision(by, at)),
        )),
    })
}

/// Attaches a fuzzy or orphaned mark to a passage a person chose in the current text.
pub fn reattach_edit(
    project: &Project,
    mark: &MarkId,
    section: SectionId,
    passage: Passage,
    by: &Reviewer,
    at: Timestamp,
) -> Option<Edit> {
    let (_, _, carried) = placement_of(project, mark)?;
    let carried = carried.filter(|c| c.state.needs_attention())?;
    Some(Edit::SetPlacement {
        mark: mark.clone(),
        section,
        passage: Some(passage),
        carried: Some(Box::new(
            carried.decided_as(AnchorState::Reattached, decision(by, at)),
        )),
    })
}

/// Settles an orphan whose passage is gone from the article: it stops blocking publication,
/// and a comment is resolved with it. One undo step.
pub fn resolve_orphan_edit(
    project: &Project,
    mark: &MarkId,
    by: &Reviewer,
    at: Timestamp,
) -> Option<Edit> {
    let (section, passage, carried) = placement_of(project, mark)?;
    let carried = carried.filter(|c| c.state == AnchorState::Orphaned)?;
    let mut edits = vec![Edit::SetPlacement {
        mark: mark.clone(),
        section,
        passage,
        carried: Some(Box::new(
            carried.decided_as(AnchorState::Removed, decision(by, at)),
        )),
    }];
    if let MarkId::Comment(id) = mark
        && project.comment(id).is_some_and(|c| c.is_open())
    {
        edits.push(Edit::SetCommentResolved {
            id: id.clone(),
            resolved: Some(decision(by, at)),
        });
    }
    Some(Edit::Batch {
        label: "resolve an orphaned mark".to_owned(),
        edits,
    })
}
