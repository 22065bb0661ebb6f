//! Bringing the two reviews (and their base) onto one draft before they are merged: when one
//! side carried the review to the writer's next draft (`copydesk revise`) and the other did
//! not, the older side is carried to that draft the same way — its marks re-anchored, its
//! statuses sent back to review where the text changed — so the merge compares like with
//! like. Two different next drafts cannot be merged: neither side's text is the review's.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::{ConflictTarget, Project, ReviewStatus, Section, SectionId};
use crate::revise::{ReviseOptions, revise};

use super::MergeError;
use super::three_way::Side;

/// A side carried to the other's draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarriedOver {
    /// The review that was carried, as the merge names it (`MergeInput::ours_from` or
    /// `theirs_from`).
    pub review: String,
    /// The file name of the draft it was on.
    pub from_draft: String,
    /// The file name of the draft it was carried to.
    pub to_draft: String,
}

/// The three reviews on one draft.
pub struct OnOneDraft<'a> {
    pub base: Option<Cow<'a, Project>>,
    pub ours: Cow<'a, Project>,
    pub theirs: Cow<'a, Project>,
    /// The side that was carried, if one was.
    pub carried: Option<Side>,
}

/// Whether two reviews are copies of one review: they share at least one id (a section of
/// any of their drafts, a comment, a claim).
pub fn share_ids(ours: &Project, theirs: &Project) -> bool {
    fn ids(project: &Project) -> impl Iterator<Item = &str> {
        let sections = project
            .sections
            .iter()
            .chain(project.earlier_drafts.iter().flat_map(|d| &d.sections))
            .map(|s| s.id.as_str());
        let comments = project.comments.iter().map(|c| c.id.as_str());
        let claims = project.claims.iter().map(|c| c.id.as_str());
        sections.chain(comments).chain(claims)
    }
    let ours: HashSet<&str> = ids(ours).collect();
    ids(theirs).any(|id| ours.contains(id))
}

/// Whether `project` has been carried past `draft_sha256` (it is among its earlier drafts).
fn has_moved_past(project: &Project, draft_sha256: &str) -> bool {
    project
        .earlier_drafts
        .iter()
        .any(|earlier| earlier.draft.sha256 == draft_sha256)
}

/// The three reviews on the newer side's draft.
pub fn on_one_draft<'a>(
    base: Option<&'a Project>,
    ours: &'a Project,
    theirs: &'a Project,
) -> Result<OnOneDraft<'a>, MergeError> {
    let newer = if ours.draft.sha256 == theirs.draft.sha256 {
        None
    } else if has_moved_past(theirs, &ours.draft.sha256) {
        Some(Side::Theirs)
    } else if has_moved_past(ours, &theirs.draft.sha256) {
        Some(Side::Ours)
    } else {
        return Err(MergeError::DifferentDrafts {
            ours: ours.draft.file_name.clone(),
            theirs: theirs.draft.file_name.clone(),
        });
    };
    let target = if newer == Some(Side::Theirs) {
        theirs
    } else {
        ours
    };
    let on_target = |project: &'a Project| -> Option<Cow<'a, Project>> {
        if project.draft.sha256 == target.draft.sha256 {
            Some(Cow::Borrowed(project))
        } else if has_moved_past(target, &project.draft.sha256) {
            Some(Cow::Owned(carried_to(project, target)))
        } else {
            None
        }
    };
    let base = match base {
        Some(base) => Some(
            on_target(base).ok_or_else(|| MergeError::BaseOnAnotherDraft {
                base: base.draft.file_name.clone(),
            })?,
        ),
        None => None,
    };
    // Both sides are on the target's draft or one it moved past, so each is carried or kept.
    let ours = on_target(ours).unwrap_or(Cow::Borrowed(ours));
    let theirs = on_target(theirs).unwrap_or(Cow::Borrowed(theirs));
    Ok(OnOneDraft {
        base,
        ours,
        theirs,
        carried: newer.map(Side::other),
    })
}

/// `older` carried to `newer`'s draft, as `copydesk revise` would carry it to that draft's
/// file, with `newer`'s sections (ids, text, headings, how they came from the draft before),
/// draft and history of drafts, so the two merge section by section.
pub fn carried_to(older: &Project, newer: &Project) -> Project {
    let next_draft = Project {
        title: newer.title.clone(),
        draft: newer.draft.clone(),
        sections: newer
            .sections
            .iter()
            .map(|section| Section {
                status: ReviewStatus::Unreviewed,
                status_set: None,
                revision: None,
                ..section.clone()
            })
            .collect(),
        comments: Vec::new(),
        claims: Vec::new(),
        dismissed: Vec::new(),
        earlier_drafts: Vec::new(),
        reviewers: Vec::new(),
        deleted: Vec::new(),
        conflicts: Vec::new(),
    };
    let carried = revise(older, next_draft, ReviseOptions::default()).project;
    // `revise` gives the new draft's sections in their order, each under the id of the old
    // section it continues: the newer side's id for each is at the same place.
    let new_id: HashMap<&SectionId, &SectionId> = carried
        .sections
        .iter()
        .zip(&newer.sections)
        .map(|(carried, newer)| (&carried.id, &newer.id))
        .collect();
    let renamed = |id: &SectionId| new_id.get(id).map_or_else(|| id.clone(), |&id| id.clone());
    let sections = newer
        .sections
        .iter()
        .zip(&carried.sections)
        .map(|(newer, carried)| Section {
            status: carried.status,
            status_set: carried.status_set.clone(),
            ..newer.clone()
        })
        .collect();
    let comments = carried
        .comments
        .iter()
        .map(|comment| crate::model::Comment {
            section: renamed(&comment.section),
            ..comment.clone()
        })
        .collect();
    let claims = carried
        .claims
        .iter()
        .map(|claim| crate::model::Claim {
            section: renamed(&claim.section),
            ..claim.clone()
        })
        .collect();
    // A conflict about the status of a section the new draft no longer has is moot.
    let conflicts = carried
        .conflicts
        .iter()
        .filter_map(|conflict| match &conflict.target {
            ConflictTarget::SectionStatus(id) => {
                let id = new_id.get(id)?;
                Some(crate::model::Conflict {
                    target: ConflictTarget::SectionStatus((*id).clone()),
                    ..conflict.clone()
                })
            }
            _ => Some(conflict.clone()),
        })
        .collect();
    Project {
        title: newer.title.clone(),
        draft: newer.draft.clone(),
        sections,
        comments,
        claims,
        earlier_drafts: newer.earlier_drafts.clone(),
        conflicts,
        ..carried
    }
}
