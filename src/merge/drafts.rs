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
    let mut carried = revise(older, next_draft, ReviseOptions::default()).project;
    // `revise` gives the new draft's sections in their order, each under the id of the old
    // section it continues: the newer side's id for each is at the same place.
    let statuses: Vec<_> = carried
        .sections
        .iter()
        .map(|s| (s.status, s.status_set.clone()))
        .collect();
    rename_sections(&mut carried, newer);
    let sections = newer
        .sections
        .iter()
        .zip(statuses)
        .map(|(newer, (status, status_set))| Section {
            status,
            status_set,
            ..newer.clone()
        })
        .collect();
    Project {
        title: newer.title.clone(),
        draft: newer.draft.clone(),
        sections,
        earlier_drafts: newer.earlier_drafts.clone(),
        ..carried
    }
}

/// `project`'s sections, marks and conflicts under the ids of `like`'s sections, which are
/// the same sections in the same order. A conflict about the status of a section `project`
/// had that is not among them (one an earlier draft had) is dropped: it is moot.
fn rename_sections(project: &mut Project, like: &Project) {
    let new_id: HashMap<SectionId, SectionId> = project
        .sections
        .iter()
        .zip(&like.sections)
        .map(|(section, like)| (section.id.clone(), like.id.clone()))
        .collect();
    let renamed = |id: &mut SectionId| {
        if let Some(new) = new_id.get(id) {
            id.clone_from(new);
        }
    };
    for section in &mut project.sections {
        renamed(&mut section.id);
    }
    for comment in &mut project.comments {
        renamed(&mut comment.section);
    }
    for claim in &mut project.claims {
        renamed(&mut claim.section);
    }
    project
        .conflicts
        .retain_mut(|conflict| match &mut conflict.target {
            ConflictTarget::SectionStatus(id) => match new_id.get(id) {
                Some(new) => {
                    id.clone_from(new);
                    true
                }
                None => false,
            },
            _ => true,
        });
}

/// `other`, on the same draft file as `project`, with its sections under `project`'s ids.
/// Each import of a file gives its sections new ids, so two reviewers who imported the
/// writer's next draft apart (or carried their copies to it apart) hold the same sections
/// under different ids; their marks still share ids.
pub fn with_sections_of<'a>(
    project: &Project,
    other: Cow<'a, Project>,
) -> Result<Cow<'a, Project>, MergeError> {
    let pairs = || project.sections.iter().zip(&other.sections);
    let same_count = project.sections.len() == other.sections.len();
    if same_count && pairs().all(|(a, b)| a.id == b.id) {
        return Ok(other);
    }
    let same_sections = same_count
        && pairs().all(|(a, b)| a.text == b.text && a.heading == b.heading && a.level == b.level);
    if !same_sections {
        return Err(MergeError::SeparateImports);
    }
    let mut other = other.into_owned();
    rename_sections(&mut other, project);
    Ok(Cow::Owned(other))
}
