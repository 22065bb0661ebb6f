//! Version 5 names reviewers by id: files of every older version upgrade to it with the ids
//! derived from the names they carried, the same for every copy of one file, so two copies of
//! an old review still merge.

use copydesk::model::{Reviewer, ReviewerId};

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
