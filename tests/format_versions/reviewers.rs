//! Version 5 names reviewers by id: files of every older version upgrade to it with the ids
//! derived from the names they carried, the same for every copy of one file, so two copies of
//! an old review still merge.

use copydesk::model::{
    ConflictTarget, ConflictValue, Deleted, ReviewStatus, Reviewer, ReviewerId, Role,
};

use super::golden;
use crate::common::GOLDEN_PROJECTS;

#[test]
fn every_name_in_an_older_file_becomes_a_listed_reviewer_with_the_id_of_that_name() {
    for (name, _) in GOLDEN_PROJECTS {
        let project = golden(name);
        let mut named = Vec::new();
        for comment in &project.comments {
            named.push((&comment.author, &comment.author_id));
            named.extend(comment.replies.iter().map(|r| (&r.author, &r.author_id)));
            if let Some(resolved) = &comment.resolved {
                named.push((&resolved.by, &resolved.by_id));
            }
        }
        for claim in &project.claims {
            named.push((&claim.author, &claim.author_id));
            named.extend(claim.history.iter().map(|step| (&step.by, &step.by_id)));
        }
        named.extend(project.dismissed.iter().map(|d| (&d.by, &d.by_id)));
        assert!(!named.is_empty(), "{name} names someone");
        for (who, id) in named {
            assert_eq!(id, &Reviewer::named(who).id, "{name}: {who}");
            let listed = project.reviewers.iter().any(|r| &r.id == id);
            let before_history = who.as_str() == copydesk::project_file::UNKNOWN_BEFORE_HISTORY;
            assert!(listed || before_history, "{name}: {who} is listed");
        }
        for claim in &project.claims {
            for source in &claim.sources {
                assert!(!source.id.is_unset(), "{name}: a source of {}", claim.id);
            }
        }
    }
}

#[test]
fn two_copies_of_one_older_file_upgrade_to_the_same_ids() {
    for (name, _) in GOLDEN_PROJECTS {
        assert_eq!(golden(name), golden(name), "{name}");
    }
    let project = golden("v4.copydesk.ron");
    let reviewers: Vec<&str> = project.reviewers.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(reviewers, ["Sample reviewer", "Sample writer"]);
    assert_ne!(project.reviewers[0].id, ReviewerId::default());
}

#[test]
fn version_5_keeps_reviewers_their_deletions_and_a_merge_conflict() {
    let project = golden("v5.copydesk.ron");
    let names: Vec<(&str, Option<Role>)> = project
        .reviewers
        .iter()
        .map(|r| (r.name.as_str(), r.role))
        .collect();
    assert_eq!(
        names,
        [
            ("Sample reviewer", Some(Role::FactChecker)),
            ("Sample writer", Some(Role::Writer)),
            ("Ana Ortiz", Some(Role::Editor)),
            ("Bo Lindqvist", Some(Role::FactChecker)),
        ]
    );
    let [tombstone] = project.deleted.as_slice() else {
        panic!("one deletion: {:?}", project.deleted);
    };
    assert!(matches!(tombstone.deleted, Deleted::Claim(_)));
    assert_eq!(tombstone.by.by, "Ana Ortiz");
    let [conflict] = project.conflicts.as_slice() else {
        panic!("one conflict: {:?}", project.conflicts);
    };
    let ConflictTarget::SectionStatus(section) = &conflict.target else {
        panic!("a section's status: {conflict:?}");
    };
    let section = project.section(section).unwrap();
    assert_eq!(section.heading.as_deref(), Some("Why the East Side"));
    // Until someone picks, the section holds the more cautious status.
    assert_eq!(section.status, ReviewStatus::InReview);
    assert_eq!(
        (&conflict.ours.value, &conflict.theirs.value),
        (
            &ConflictValue::SectionStatus(ReviewStatus::Approved),
            &ConflictValue::SectionStatus(ReviewStatus::InReview)
        )
    );
    assert_eq!(conflict.ours.by.as_ref().unwrap().by, "Ana Ortiz");
    assert_eq!(conflict.theirs.by.as_ref().unwrap().by, "Bo Lindqvist");
    let open = copydesk::check::open_items(&project);
    assert!(
        open.iter().any(|item| item
            .to_string()
            .starts_with("merge conflict on the status of section “Why the East Side”")),
        "{open:?}"
    );
}
