//! What a review keeps about itself, merged: the tombstones of deleted records, the
//! suggestions turned down, and the people who worked on it. None of these conflict: a
//! deletion both made is one deletion, a sentence dismissed on either side stays dismissed
//! unless the other took the dismissal back, and a reviewer is listed once.

use std::collections::HashMap;

use crate::model::{Deleted, Dismissal, Project, Reviewer, Stamp, Tombstone};

use super::present::Present;
use super::three_way::{Fate, Outcome, Side, fates, first_stamp, three_way};

/// Each side's tombstones by what they delete: who deleted a record on that side.
pub struct Tombstones<'a> {
    ours: HashMap<&'a Deleted, &'a Stamp>,
    theirs: HashMap<&'a Deleted, &'a Stamp>,
}

impl<'a> Tombstones<'a> {
    pub fn of(ours: &'a Project, theirs: &'a Project) -> Self {
        let index = |project: &'a Project| {
            project
                .deleted
                .iter()
                .map(|tombstone| (&tombstone.deleted, &tombstone.by))
                .collect()
        };
        Self {
            ours: index(ours),
            theirs: index(theirs),
        }
    }

    /// Who deleted `record` on `side`, if that side kept a tombstone for it.
    pub fn deleted_by(&self, side: Side, record: &Deleted) -> Option<&'a Stamp> {
        match side {
            Side::Ours => self.ours.get(record).copied(),
            Side::Theirs => self.theirs.get(record).copied(),
        }
    }
}

/// Every tombstone either side kept, once (the first deletion where both deleted), except
/// for a record the merged review still holds: it was kept, or brought back.
pub fn merged_tombstones(ours: &Project, theirs: &Project, merged: &Present<'_>) -> Vec<Tombstone> {
    fates(
        None,
        &ours.deleted,
        &theirs.deleted,
        |tombstone| &tombstone.deleted,
        |_, _| None,
    )
    .into_iter()
    .filter_map(|fate| match fate {
        Fate::Both { ours, theirs, .. } => Some(Tombstone {
            by: first_stamp(&ours.by, &theirs.by).clone(),
            ..ours.clone()
        }),
        Fate::Added { record } | Fate::DeletedAndEdited { kept: record, .. } => {
            Some(record.clone())
        }
        Fate::Deleted => None,
    })
    .filter(|tombstone| !merged.has(&tombstone.deleted))
    .collect()
}

/// The dismissed suggestions: a dismissal taken back on one side and left alone on the other
/// is taken back; one new on either side is kept.
pub fn merged_dismissals(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
) -> Vec<Dismissal> {
    fates(
        base.map(|b| b.dismissed.as_slice()),
        &ours.dismissed,
        &theirs.dismissed,
        |dismissal| &dismissal.sentence,
        |_, _| None,
    )
    .into_iter()
    .filter_map(|fate| match fate {
        Fate::Both { base, ours, theirs } => Some(match three_way(base, ours, theirs) {
            Outcome::Theirs => theirs.clone(),
            Outcome::Conflict if (theirs.at, &theirs.by_id) < (ours.at, &ours.by_id) => {
                theirs.clone()
            }
            _ => ours.clone(),
        }),
        // Taken back on one side and dismissed again, differently, on the other: dismissed.
        Fate::Added { record } | Fate::DeletedAndEdited { kept: record, .. } => {
            Some(record.clone())
        }
        Fate::Deleted => None,
    })
    .collect()
}

/// Everyone who worked on either side, by id. A name or role changed on one side is taken;
/// changed on both, ours is kept (a reviewer's own desk notes their name again at their next
/// change). One taken off the list on one side (only ever the undoing of noting them) and left
/// alone on the other is taken off.
pub fn merged_reviewers(base: Option<&Project>, ours: &Project, theirs: &Project) -> Vec<Reviewer> {
    fates(
        base.map(|b| b.reviewers.as_slice()),
        &ours.reviewers,
        &theirs.reviewers,
        |reviewer| &reviewer.id,
        |_, _| None,
    )
    .into_iter()
    .filter_map(|fate| match fate {
        Fate::Both { base, ours, theirs } => {
            Some(three_way(base, ours, theirs).pick(ours, theirs).clone())
        }
        Fate::Added { record } | Fate::DeletedAndEdited { kept: record, .. } => {
            Some(record.clone())
        }
        Fate::Deleted => None,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;

    use super::*;
    use crate::model::CommentId;

    fn stamp(by: &str, at: i64) -> Stamp {
        Stamp::new(&Reviewer::named(by), Timestamp::from_second(at).unwrap())
    }

    fn sample() -> Project {
        crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap()
    }

    #[test]
    fn a_deletion_made_on_both_sides_is_one_tombstone_and_a_record_kept_has_none() {
        let mut ours = sample();
        let mut theirs = ours.clone();
        let gone = Deleted::Comment(CommentId::from_text("c-gone"));
        let kept = Deleted::Comment(ours.comments[0].id.clone());
        ours.deleted = vec![Tombstone {
            deleted: gone.clone(),
            by: stamp("Ana", 2),
        }];
        theirs.deleted = vec![
            Tombstone {
                deleted: gone.clone(),
                by: stamp("Bo", 1),
            },
            Tombstone {
                deleted: kept,
                by: stamp("Bo", 1),
            },
        ];
        let merged = ours.clone();
        let tombstones = merged_tombstones(&ours, &theirs, &Present::in_project(&merged));
        assert_eq!(
            tombstones,
            [Tombstone {
                deleted: gone,
                by: stamp("Bo", 1)
            }]
        );
    }

    #[test]
    fn a_dismissal_taken_back_on_one_side_is_taken_back() {
        let base = sample();
        let mut ours = base.clone();
        ours.dismissed.clear();
        let mut theirs = base.clone();
        theirs.dismissed.push(Dismissal::new(
            "A new one.",
            &Reviewer::named("Bo"),
            Timestamp::MAX,
        ));
        let merged = merged_dismissals(Some(&base), &ours, &theirs);
        let sentences: Vec<&str> = merged.iter().map(|d| d.sentence.as_str()).collect();
        assert_eq!(sentences, ["A new one."]);
        // Without a base, a dismissal on either side stays.
        assert_eq!(merged_dismissals(None, &ours, &theirs).len(), 2);
    }

    #[test]
    fn reviewers_of_both_sides_are_listed_once() {
        let base = sample();
        let mut ours = base.clone();
        ours.reviewers.push(Reviewer::named("Ana"));
        let mut theirs = base.clone();
        theirs.reviewers.push(Reviewer::named("Bo"));
        theirs.reviewers.push(Reviewer::named("Ana"));
        let names: Vec<String> = merged_reviewers(Some(&base), &ours, &theirs)
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["Sample reviewer", "Sample writer", "Bo", "Ana"]);
    }
}
