//! Sections in a merge: their text comes with the draft (both sides are on one draft by now),
//! so only their status is merged. Two different statuses leave the more cautious one until a
//! person decides: a section counts as approved only if both approved.

use std::collections::HashMap;

use crate::model::{ConflictTarget, ConflictValue, Project, ReviewStatus, Section, SectionId};

use super::conflicts::{Merging, SideValue};
use super::three_way::{Outcome, merged_stamp, three_way};

/// Ours' sections, each with its status merged with theirs' (and the base's).
pub fn merged_sections(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
    merging: &mut Merging<'_>,
) -> Vec<Section> {
    let by_id = |project: &'_ Project| -> HashMap<SectionId, usize> {
        project
            .sections
            .iter()
            .enumerate()
            .map(|(index, section)| (section.id.clone(), index))
            .collect()
    };
    let base_index = base.map(|base| (base, by_id(base)));
    let theirs_index = by_id(theirs);
    ours.sections
        .iter()
        .map(|section| {
            let Some(&at) = theirs_index.get(&section.id) else {
                return section.clone();
            };
            let base_section = base_index
                .as_ref()
                .and_then(|(base, index)| Some(&base.sections[*index.get(&section.id)?]));
            merged_section(base_section, section, &theirs.sections[at], merging)
        })
        .collect()
}

fn merged_section(
    base: Option<&Section>,
    ours: &Section,
    theirs: &Section,
    merging: &mut Merging<'_>,
) -> Section {
    let outcome = three_way(base.map(|s| &s.status), &ours.status, &theirs.status);
    merging.took(outcome);
    let (status, status_set) = match outcome {
        Outcome::Ours => (ours.status, ours.status_set.clone()),
        Outcome::Theirs => (theirs.status, theirs.status_set.clone()),
        Outcome::Unchanged | Outcome::Both => {
            let set = merged_stamp(
                base.map(|s| &s.status_set),
                &ours.status_set,
                &theirs.status_set,
            );
            (ours.status, set)
        }
        Outcome::Conflict => {
            merging.conflict(
                ConflictTarget::SectionStatus(ours.id.clone()),
                base.map(|s| ConflictValue::SectionStatus(s.status)),
                SideValue::new(
                    ConflictValue::SectionStatus(ours.status),
                    ours.status_set.clone(),
                ),
                SideValue::new(
                    ConflictValue::SectionStatus(theirs.status),
                    theirs.status_set.clone(),
                ),
            );
            if caution(theirs.status) > caution(ours.status) {
                (theirs.status, theirs.status_set.clone())
            } else {
                (ours.status, ours.status_set.clone())
            }
        }
    };
    Section {
        status,
        status_set,
        ..ours.clone()
    }
}

/// How far a status keeps a section from publication: of two, the merge keeps the higher
/// until someone decides. A request for changes outranks a review under way, which outranks
/// no review, which outranks an approval.
fn caution(status: ReviewStatus) -> u8 {
    match status {
        ReviewStatus::Approved => 0,
        ReviewStatus::Unreviewed => 1,
        ReviewStatus::InReview => 2,
        ReviewStatus::NeedsChanges => 3,
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::{Reviewer, Stamp};

    fn project_with(statuses: [ReviewStatus; 2]) -> Project {
        let mut project = crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap();
        project.sections[0].status = statuses[0];
        project.sections[1].status = statuses[1];
        project
    }

    fn with(project: &Project, statuses: [ReviewStatus; 2], by: &str) -> Project {
        let mut project = project.clone();
        for (section, status) in project.sections.iter_mut().zip(statuses) {
            if section.status != status {
                section.status = status;
                section.status_set = Some(Stamp::new(&Reviewer::named(by), Timestamp::MAX));
            }
        }
        project
    }

    use ReviewStatus::{Approved, InReview, NeedsChanges, Unreviewed};

    #[test]
    fn a_status_one_side_set_is_taken_and_two_different_ones_conflict_cautiously() {
        let base = project_with([Unreviewed, InReview]);
        let ours = with(&base, [Approved, Approved], "Ana");
        let theirs = with(&base, [Unreviewed, NeedsChanges], "Bo");
        let mut merging = Merging::new("ana.copydesk.ron", "bo.copydesk.ron", Timestamp::MAX);
        let sections = merged_sections(Some(&base), &ours, &theirs, &mut merging);
        assert_eq!(sections[0].status, Approved);
        assert_eq!(sections[0].status_set.as_ref().unwrap().by, "Ana");
        // Approved against needs changes: needs changes holds until someone decides.
        assert_eq!(sections[1].status, NeedsChanges);
        let (conflicts, counts) = merging.into_parts();
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            conflicts[0].target,
            ConflictTarget::SectionStatus(base.sections[1].id.clone())
        );
        assert_eq!(
            conflicts[0].base,
            Some(ConflictValue::SectionStatus(InReview))
        );
        assert_eq!(conflicts[0].ours.by.as_ref().unwrap().by, "Ana");
        assert_eq!(conflicts[0].theirs.from, "bo.copydesk.ron");
        assert_eq!((counts.from_ours, counts.from_theirs), (1, 0));
    }

    #[test]
    fn the_same_status_set_on_both_sides_is_no_conflict() {
        let base = project_with([Unreviewed, InReview]);
        let ours = with(&base, [Approved, InReview], "Ana");
        let theirs = with(&base, [Approved, InReview], "Bo");
        let mut merging = Merging::new("a", "b", Timestamp::MAX);
        let sections = merged_sections(Some(&base), &ours, &theirs, &mut merging);
        assert_eq!(sections[0].status, Approved);
        assert!(merging.into_parts().0.is_empty());
    }

    #[test]
    fn the_more_cautious_status_holds_whichever_side_has_it() {
        for (a, b, held) in [
            (Approved, Unreviewed, Unreviewed),
            (Unreviewed, InReview, InReview),
            (InReview, NeedsChanges, NeedsChanges),
            (Approved, NeedsChanges, NeedsChanges),
        ] {
            let base = project_with([Unreviewed, Unreviewed]);
            let base = with(&base, [Unreviewed, Approved], "Cy");
            let (ours, theirs) = (with(&base, [a, a], "Ana"), with(&base, [b, b], "Bo"));
            for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
                let mut merging = Merging::new("a", "b", Timestamp::MAX);
                let sections = merged_sections(None, x, y, &mut merging);
                assert_eq!(sections[0].status, held, "{a:?} / {b:?}");
            }
        }
    }
}
