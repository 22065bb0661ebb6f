//! Bringing two reviewers' copies of a review together, record by record and field by field,
//! never losing a mark: what one side changed is taken, what both changed differently is kept
//! as a conflict for a person to settle (`resolve`).
//!
//! [`merge_reviews`] first brings both sides (and the base) onto one draft (`drafts`), then
//! merges each kind of record in its file — `sections` (statuses), `comments` (and replies),
//! `claims` (and sources), `bookkeeping` (tombstones, dismissals, reviewers) — through the two
//! rules in `three_way`: which version of a field to keep, and what became of a record one side
//! added or deleted. `conflicts` names what it could not decide; `summary` counts what it did.
//! The rules, as a table, are in docs/MERGING.md.

mod bookkeeping;
mod claims;
mod comments;
mod conflicts;
mod drafts;
mod error;
mod placement;
mod present;
mod resolve;
mod sections;
mod summary;
mod three_way;

use crate::model::Project;

pub use drafts::CarriedOver;
pub use error::MergeError;
pub use resolve::{Pick, resolution_edit};
pub use summary::MergeSummary;

use bookkeeping::{Tombstones, merged_dismissals, merged_reviewers, merged_tombstones};
use conflicts::{Merging, merged_conflicts};
use present::Present;
use three_way::Side;

/// Two reviews to merge, and the version they both started from when it is known.
#[derive(Clone, Debug)]
pub struct MergeInput<'a> {
    /// The common ancestor, when known (git's %O, the version a desk opened).
    pub base: Option<&'a Project>,
    pub ours: &'a Project,
    pub theirs: &'a Project,
    /// How each side is named in conflicts ("editor.copydesk.ron", "your copy", "main").
    pub ours_from: String,
    pub theirs_from: String,
    /// When the merge is made: the time its conflicts were found.
    pub now: jiff::Timestamp,
}

/// The merged review.
#[derive(Clone, Debug)]
pub struct Merged {
    /// Valid ([`Project::validate`] passes); saves and reloads equal.
    pub project: Project,
    /// The conflicts this merge added to `project.conflicts`.
    pub new_conflicts: usize,
    pub summary: MergeSummary,
}

/// Merges `input.theirs` into `input.ours`, three-way when the base is known (docs/MERGING.md).
pub fn merge_reviews(input: MergeInput<'_>) -> Result<Merged, MergeError> {
    let MergeInput {
        base,
        ours: ours_before,
        theirs: theirs_before,
        ours_from,
        theirs_from,
        now,
    } = input;
    if !drafts::share_ids(ours_before, theirs_before) {
        return Err(MergeError::NotTheSameReview);
    }
    let drafts::OnOneDraft {
        base,
        ours,
        theirs,
        carried,
    } = drafts::on_one_draft(base, ours_before, theirs_before)?;
    let theirs = drafts::with_sections_of(&ours, theirs)?;
    let base = base
        .map(|base| drafts::with_sections_of(&ours, base))
        .transpose()?;
    let base = base.as_deref();
    let ours: &Project = &ours;
    let theirs: &Project = &theirs;

    let mut merging = Merging::new(&ours_from, &theirs_from, now);
    if base.is_none() {
        merging.placement_follows = carried.map(Side::other);
    }
    let tombstones = Tombstones::of(ours, theirs);
    let sections = sections::merged_sections(base, ours, theirs, &mut merging);
    let comments = comments::merged_comments(base, ours, theirs, &tombstones, &mut merging);
    let claims = claims::merged_claims(base, ours, theirs, &tombstones, &mut merging);
    let mut project = Project {
        title: ours.title.clone(),
        draft: ours.draft.clone(),
        sections,
        comments,
        claims,
        dismissed: merged_dismissals(base, ours, theirs),
        earlier_drafts: ours.earlier_drafts.clone(),
        reviewers: merged_reviewers(base, ours, theirs),
        deleted: Vec::new(),
        conflicts: Vec::new(),
    };
    let (found, counts) = merging.into_parts();
    let new_conflicts = found.len();
    let (deleted, (conflicts, earlier)) = {
        let present = Present::in_project(&project);
        (
            merged_tombstones(ours, theirs, &present),
            merged_conflicts(base, ours, theirs, found, &present),
        )
    };
    project.deleted = deleted;
    project.conflicts = conflicts;
    project.validate().map_err(MergeError::Inconsistent)?;

    let carried_over = carried.map(|side| {
        let (review, from) = match side {
            Side::Ours => (&ours_from, ours_before),
            Side::Theirs => (&theirs_from, theirs_before),
        };
        CarriedOver {
            review: review.clone(),
            from_draft: from.draft.file_name.clone(),
            to_draft: project.draft.file_name.clone(),
        }
    });
    let summary = MergeSummary {
        ours_from,
        theirs_from,
        from_ours: counts.from_ours,
        from_theirs: counts.from_theirs,
        added: counts.added,
        deleted: counts.deleted,
        conflicts: new_conflicts,
        earlier_conflicts_open: earlier.kept,
        earlier_conflicts_settled: earlier.settled,
        carried_over,
    };
    Ok(Merged {
        project,
        new_conflicts,
        summary,
    })
}

#[cfg(test)]
mod tests;
