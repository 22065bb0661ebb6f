//! What every merge promises, whatever two reviewers did: random sessions on two copies of the
//! sample (`generate`), merged both ways, with and without the base, and with one side on the
//! next draft. 64 cases per property: about a second for all five in a debug build;
//! `PROPTEST_CASES=1500` runs more (about 25 s).

use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

use copydesk::import::import_bytes;
use copydesk::merge::{MergeInput, Merged, Pick, merge_reviews, resolution_edit};
use copydesk::model::{ClaimStatus, Deleted, DraftFormat, Project, ReviewStatus};
use copydesk::project_file::{project_from_ron, ron_from_project};
use copydesk::revise::{ReviseOptions, revise};
use jiff::Timestamp;
use proptest::prelude::*;

use super::generate::{Step, reviewed, session};

fn base() -> &'static Project {
    static BASE: OnceLock<Project> = OnceLock::new();
    BASE.get_or_init(|| copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap())
}

/// The sample carried to its second draft, as `copydesk revise` carries it.
fn revised_base() -> &'static Project {
    static REVISED: OnceLock<Project> = OnceLock::new();
    REVISED.get_or_init(|| {
        let path = crate::common::sample_draft_2();
        let bytes = std::fs::read(&path).unwrap();
        let next =
            import_bytes(&path, &bytes, DraftFormat::Markdown, Timestamp::UNIX_EPOCH).unwrap();
        revise(base(), next, ReviseOptions::default()).project
    })
}

fn merge(base: Option<&Project>, ours: &Project, theirs: &Project) -> Merged {
    merge_reviews(MergeInput {
        base,
        ours,
        theirs,
        ours_from: "ours".to_owned(),
        theirs_from: "theirs".to_owned(),
        now: Timestamp::from_second(1_000_000).unwrap(),
    })
    .unwrap()
}

/// `merged` with every conflict settled by `pick`.
fn settled(merged: &Project, pick: Pick) -> Project {
    let mut project = merged.clone();
    for id in merged.conflicts.iter().map(|c| c.id.clone()) {
        let edit = resolution_edit(&project, &id, pick)
            .unwrap_or_else(|| panic!("conflict {id} cannot be settled"));
        edit.apply(&mut project).unwrap();
    }
    project
}

/// The project with every list in id order: two merges that differ only in which side's
/// records come first compare equal.
fn canonical(mut project: Project) -> Project {
    project.comments.sort_by(|a, b| a.id.cmp(&b.id));
    for comment in &mut project.comments {
        comment.replies.sort_by(|a, b| a.id.cmp(&b.id));
    }
    project.claims.sort_by(|a, b| a.id.cmp(&b.id));
    for claim in &mut project.claims {
        claim.sources.sort_by(|a, b| a.id.cmp(&b.id));
        claim.kinds.sort();
    }
    project.deleted.sort_by(|a, b| a.deleted.cmp(&b.deleted));
    project
        .dismissed
        .sort_by(|a, b| a.sentence.cmp(&b.sentence));
    project.reviewers.sort_by(|a, b| a.id.cmp(&b.id));
    project.conflicts.sort_by(|a, b| a.id.cmp(&b.id));
    project
}

fn sides(x: &[Step], y: &[Step]) -> (Project, Project) {
    (
        reviewed(base(), "Xavier", 0, x),
        reviewed(base(), "Yolanda", 1, y),
    )
}

/// Every record of `side` is in `merged`, or `merged` says it was deleted (it, or the comment
/// or claim it belonged to).
fn nothing_vanished(side: &Project, merged: &Project) -> Result<(), TestCaseError> {
    let buried: HashSet<&Deleted> = merged.deleted.iter().map(|t| &t.deleted).collect();
    for comment in &side.comments {
        let Some(kept) = merged.comment(&comment.id) else {
            let gone = Deleted::Comment(comment.id.clone());
            prop_assert!(buried.contains(&gone), "{:?} vanished", comment.id);
            continue;
        };
        for reply in &comment.replies {
            let gone = Deleted::Reply {
                comment: comment.id.clone(),
                reply: reply.id.clone(),
            };
            prop_assert!(
                kept.replies.iter().any(|r| r.id == reply.id) || buried.contains(&gone),
                "{:?} vanished",
                reply.id
            );
        }
    }
    for claim in &side.claims {
        let Some(kept) = merged.claim(&claim.id) else {
            let gone = Deleted::Claim(claim.id.clone());
            prop_assert!(buried.contains(&gone), "{:?} vanished", claim.id);
            continue;
        };
        for source in &claim.sources {
            let gone = Deleted::Source {
                claim: claim.id.clone(),
                source: source.id.clone(),
            };
            prop_assert!(
                kept.sources.iter().any(|s| s.id == source.id) || buried.contains(&gone),
                "{:?} vanished",
                source.id
            );
        }
    }
    Ok(())
}

/// The gate is never more open than the two sides: a section approved, a claim verified, a
/// comment resolved in the merge is so on each side that changed it from the base.
fn gate_no_more_open(
    base: &Project,
    x: &Project,
    y: &Project,
    merged: &Project,
) -> Result<(), TestCaseError> {
    for section in merged
        .sections
        .iter()
        .filter(|s| s.status == ReviewStatus::Approved)
    {
        let before = base.section(&section.id).map(|s| s.status);
        for side in [x, y] {
            let status = side.section(&section.id).map(|s| s.status);
            prop_assert!(
                status == Some(ReviewStatus::Approved) || status == before,
                "section {} approved in the merge, {status:?} on a side that changed it",
                section.id
            );
        }
    }
    for claim in merged
        .claims
        .iter()
        .filter(|c| c.status == ClaimStatus::Verified)
    {
        let before = base.claim(&claim.id).map(|c| c.status);
        for side in [x, y] {
            if let Some(status) = side.claim(&claim.id).map(|c| c.status) {
                prop_assert!(
                    status == ClaimStatus::Verified || Some(status) == before,
                    "claim {} verified in the merge, {status:?} on a side that changed it",
                    claim.id
                );
            }
        }
    }
    for comment in merged.comments.iter().filter(|c| !c.is_open()) {
        let before = base.comment(&comment.id).map(|c| c.is_open());
        for side in [x, y] {
            if let Some(open) = side.comment(&comment.id).map(|c| c.is_open()) {
                prop_assert!(
                    !open || Some(open) == before,
                    "comment {} resolved in the merge, open on a side that reopened it",
                    comment.id
                );
            }
        }
    }
    Ok(())
}

fn saves_and_reads_back(merged: &Project) -> Result<(), TestCaseError> {
    prop_assert_eq!(merged.validate(), Ok(()));
    let text = ron_from_project(merged).unwrap();
    let read = project_from_ron(Path::new("merged.copydesk.ron"), &text).unwrap();
    prop_assert_eq!(&read, merged);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A side that changed nothing takes the other's review as it is.
    #[test]
    fn merging_with_an_unchanged_copy_gives_the_changed_one(x in session(25)) {
        let (x, _) = sides(&x, &[]);
        prop_assert_eq!(&merge(Some(base()), &x, base()).project, &x);
        prop_assert_eq!(&merge(Some(base()), base(), &x).project, &x);
    }

    /// The order of the two sides changes only which side a conflict names first: with each
    /// conflict settled for the same person's side, the two merges are the same review.
    #[test]
    fn the_order_of_the_sides_does_not_matter(x in session(25), y in session(25)) {
        let (x, y) = sides(&x, &y);
        for base in [Some(base()), None] {
            let xy = merge(base, &x, &y);
            let yx = merge(base, &y, &x);
            prop_assert_eq!(xy.new_conflicts, yx.new_conflicts);
            let ids = |m: &Merged| -> HashSet<_> {
                m.project.conflicts.iter().map(|c| (c.id.clone(), c.target.clone())).collect()
            };
            prop_assert_eq!(ids(&xy), ids(&yx));
            prop_assert_eq!(
                canonical(settled(&xy.project, Pick::Ours)),
                canonical(settled(&yx.project, Pick::Theirs))
            );
        }
    }

    /// A merge merged with itself is itself, conflicts and all.
    #[test]
    fn a_merge_merged_with_itself_is_itself(x in session(25), y in session(25)) {
        let (x, y) = sides(&x, &y);
        let merged = merge(Some(base()), &x, &y).project;
        prop_assert_eq!(&merge(Some(base()), &merged, &merged).project, &merged);
        prop_assert_eq!(&merge(None, &merged, &merged).project, &merged);
    }

    /// Nothing either side has disappears without a tombstone (a record deleted on one side
    /// and edited on the other is kept, with a conflict); the gate is never more open than the
    /// sides; the merged review is valid and reads back the same.
    #[test]
    fn no_mark_is_lost_and_the_gate_stays_safe(x in session(25), y in session(25)) {
        let (x, y) = sides(&x, &y);
        for base in [Some(base()), None] {
            let merged = merge(base, &x, &y).project;
            nothing_vanished(&x, &merged)?;
            nothing_vanished(&y, &merged)?;
            saves_and_reads_back(&merged)?;
            if let Some(base) = base {
                gate_no_more_open(base, &x, &y, &merged)?;
            }
        }
    }

    /// One reviewer still on the first draft, the other carried to the second and working
    /// there: the first is carried over too, and the merge is on the second draft, valid, with
    /// nothing of either lost.
    #[test]
    fn a_side_on_the_earlier_draft_is_carried_over_and_merged(x in session(20), y in session(20)) {
        let x = reviewed(base(), "Xavier", 0, &x);
        let y = reviewed(revised_base(), "Yolanda", 1, &y);
        for base in [Some(base()), None] {
            for (ours, theirs) in [(&x, &y), (&y, &x)] {
                let merged = merge(base, ours, theirs);
                prop_assert_eq!(&merged.project.draft, &y.draft);
                prop_assert!(merged.summary.carried_over.is_some());
                nothing_vanished(&x, &merged.project)?;
                nothing_vanished(&y, &merged.project)?;
                saves_and_reads_back(&merged.project)?;
            }
        }
    }
}
