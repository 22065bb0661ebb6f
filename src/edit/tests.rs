//! Unit tests of what the undo history asks of an edit, and of a failed inverse.

use jiff::Timestamp;

use super::*;
use crate::model::Reviewer;
use crate::model::{AnchorState, Carried};

fn sample() -> Project {
    crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap()
}

/// Each edit that sets a value, once to the value it has and once to another.
fn setting_edits(project: &Project) -> Vec<(Edit, bool)> {
    let section = &project.sections[0];
    let comment = &project.comments[0];
    let reply = &comment.replies[0];
    let claim = project
        .claims
        .iter()
        .find(|c| !c.sources.is_empty())
        .unwrap();
    let confirmed = |section: &SectionId| Carried {
        state: AnchorState::Confirmed,
        from_draft: 1,
        section_before: section.clone(),
        passage_before: None,
        similarity: None,
        decided: None,
    };
    let mut other_source = claim.sources[0].clone();
    other_source.url.push_str("#other");
    let same_and_other = |same: Edit, other: Edit| [(same, true), (other, false)];
    [
        same_and_other(
            Edit::SetSectionStatus {
                set: section.status_set.clone(),
                section: section.id.clone(),
                status: section.status,
            },
            Edit::SetSectionStatus {
                set: None,
                section: section.id.clone(),
                status: ReviewStatus::Approved,
            },
        ),
        same_and_other(
            Edit::SetCommentBody {
                id: comment.id.clone(),
                body: comment.body.clone(),
            },
            Edit::SetCommentBody {
                id: comment.id.clone(),
                body: "Other words.".to_owned(),
            },
        ),
        same_and_other(
            Edit::SetCommentResolved {
                id: comment.id.clone(),
                resolved: comment.resolved.clone(),
            },
            Edit::SetCommentResolved {
                id: comment.id.clone(),
                resolved: Some(Resolution {
                    by_id: Default::default(),
                    by: "Ana".to_owned(),
                    at: Timestamp::UNIX_EPOCH,
                }),
            },
        ),
        same_and_other(
            Edit::SetReplyBody {
                comment: comment.id.clone(),
                reply: reply.id.clone(),
                body: reply.body.clone(),
            },
            Edit::SetReplyBody {
                comment: comment.id.clone(),
                reply: reply.id.clone(),
                body: "Other words.".to_owned(),
            },
        ),
        same_and_other(
            Edit::SetClaimStatus {
                id: claim.id.clone(),
                status: claim.status,
            },
            Edit::SetClaimStatus {
                id: claim.id.clone(),
                status: ClaimStatus::Incorrect,
            },
        ),
        same_and_other(
            Edit::SetClaimNote {
                id: claim.id.clone(),
                note: claim.note.clone(),
            },
            Edit::SetClaimNote {
                id: claim.id.clone(),
                note: "Other words.".to_owned(),
            },
        ),
        same_and_other(
            Edit::SetClaimDealtWith {
                id: claim.id.clone(),
                dealt_with: claim.dealt_with,
            },
            Edit::SetClaimDealtWith {
                id: claim.id.clone(),
                dealt_with: Some(DealtWith::Cut),
            },
        ),
        same_and_other(
            Edit::SetSource {
                claim: claim.id.clone(),
                index: 0,
                source: claim.sources[0].clone(),
            },
            Edit::SetSource {
                claim: claim.id.clone(),
                index: 0,
                source: other_source,
            },
        ),
        same_and_other(
            Edit::SetPlacement {
                mark: MarkId::Claim(claim.id.clone()),
                section: claim.section.clone(),
                passage: Some(claim.passage.clone()),
                carried: claim.carried.clone().map(Box::new),
            },
            Edit::SetPlacement {
                mark: MarkId::Claim(claim.id.clone()),
                section: claim.section.clone(),
                passage: Some(claim.passage.clone()),
                carried: Some(Box::new(confirmed(&claim.section))),
            },
        ),
        same_and_other(
            Edit::SetPlacement {
                mark: MarkId::Comment(comment.id.clone()),
                section: comment.section.clone(),
                passage: comment.passage.clone(),
                carried: comment.carried.clone().map(Box::new),
            },
            Edit::SetPlacement {
                mark: MarkId::Comment(comment.id.clone()),
                section: comment.section.clone(),
                passage: comment.passage.clone(),
                carried: Some(Box::new(confirmed(&comment.section))),
            },
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn an_edit_changes_nothing_exactly_when_its_inverse_is_itself() {
    let original = sample();
    for (edit, same) in setting_edits(&original) {
        let mut project = original.clone();
        assert_eq!(edit.changes_nothing_in(&project), same, "{edit:?}");
        let inverse = edit.clone().apply(&mut project).unwrap();
        assert_eq!(inverse == edit, same, "{edit:?}");
    }
}

#[test]
fn a_batch_changes_nothing_when_each_of_its_edits_changes_nothing() {
    let project = sample();
    let (same, other): (Vec<_>, Vec<_>) = setting_edits(&project)
        .into_iter()
        .partition(|(_, same)| *same);
    let batch = |edits: Vec<(Edit, bool)>| Edit::Batch {
        label: "several".to_owned(),
        edits: edits.into_iter().map(|(edit, _)| edit).collect(),
    };
    assert!(batch(same.clone()).changes_nothing_in(&project));
    let mut mixed = same;
    mixed.extend(other.into_iter().take(1));
    assert!(!batch(mixed).changes_nothing_in(&project));
    let comment = Edit::add_comment(Comment::new(
        project.sections[0].id.clone(),
        None,
        &Reviewer::named("Ana"),
        Timestamp::UNIX_EPOCH,
    ));
    assert!(!comment.changes_nothing_in(&project));
}

#[test]
fn a_revised_draft_equal_to_the_project_changes_nothing() {
    let project = sample();
    let same = Edit::Revise {
        project: Box::new(project.clone()),
    };
    assert!(same.changes_nothing_in(&project));
    let mut next = project.clone();
    next.draft.number += 1;
    let revised = Edit::Revise {
        project: Box::new(next),
    };
    assert!(!revised.changes_nothing_in(&project));
}

#[test]
fn a_merge_replaces_the_project_as_one_step_and_an_inconsistent_one_is_refused() {
    let project = sample();
    let mut merged = project.clone();
    merged.sections[0].status = ReviewStatus::Approved;
    let edit = Edit::Merge {
        project: Box::new(merged.clone()),
        from: "fay.copydesk.ron".to_owned(),
    };
    assert_eq!(edit.describe(&project), "merge fay.copydesk.ron");
    assert!(!edit.changes_nothing_in(&project));
    let mut changed = project.clone();
    let inverse = edit.apply(&mut changed).unwrap();
    assert_eq!(changed, merged);
    assert_eq!(
        inverse,
        Edit::Merge {
            project: Box::new(project.clone()),
            from: "fay.copydesk.ron".to_owned(),
        }
    );
    inverse.apply(&mut changed).unwrap();
    assert_eq!(changed, project);

    let mut broken = project.clone();
    broken.sections.clear();
    let refused = Edit::Merge {
        project: Box::new(broken),
        from: "broken.copydesk.ron".to_owned(),
    };
    assert!(matches!(
        refused.apply(&mut changed),
        Err(EditError::InvalidMerge(_))
    ));
    assert_eq!(changed, project);
}

#[test]
fn keystrokes_continue_only_in_the_same_text_field() {
    let project = sample();
    let comment = project.comments[0].id.clone();
    let other_comment = project.comments[1].id.clone();
    let claim = project.claims[0].id.clone();
    let body = |id: &CommentId, body: &str| Edit::SetCommentBody {
        id: id.clone(),
        body: body.to_owned(),
    };
    let note = Edit::SetClaimNote {
        id: claim.clone(),
        note: "N".to_owned(),
    };
    assert_eq!(
        body(&comment, "W").text_field(),
        Some(TextField::CommentBody(comment.clone()))
    );
    assert!(body(&comment, "Wh").continues(&body(&comment, "W")));
    assert!(!body(&other_comment, "Wh").continues(&body(&comment, "W")));
    assert!(!note.continues(&body(&comment, "W")));
    assert!(
        Edit::SetSource {
            claim: claim.clone(),
            index: 0,
            source: Source::default(),
        }
        .continues(&Edit::SetSource {
            claim,
            index: 0,
            source: Source::default(),
        })
    );
    let status = Edit::SetSectionStatus {
        set: None,
        section: project.sections[0].id.clone(),
        status: ReviewStatus::Approved,
    };
    assert_eq!(status.text_field(), None);
    assert!(!status.continues(&status));
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "an inverse failed against its own state")]
fn an_inverse_that_fails_is_a_bug_the_tests_catch() {
    let mut project = sample();
    let _ = Edit::RemoveComment {
        deleted: None,
        id: CommentId::from_text("c-missing"),
    }
    .apply_as_inverse(&mut project);
}

#[test]
fn a_failing_batch_takes_back_what_it_did() {
    let original = sample();
    let mut project = original.clone();
    let batch = Edit::Batch {
        label: "half".to_owned(),
        edits: vec![
            Edit::SetSectionStatus {
                set: None,
                section: original.sections[0].id.clone(),
                status: ReviewStatus::Approved,
            },
            Edit::RemoveComment {
                deleted: None,
                id: original.comments[0].id.clone(),
            },
            Edit::RemoveClaim {
                deleted: None,
                id: ClaimId::from_text("k-missing"),
            },
        ],
    };
    assert_eq!(
        batch.apply(&mut project),
        Err(EditError::UnknownClaim(ClaimId::from_text("k-missing")))
    );
    assert_eq!(project, original);
}
