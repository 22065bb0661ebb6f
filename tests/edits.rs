//! Edits and history: every edit, undone, restores the project exactly.

use copydesk::document::Document;
use copydesk::edit::{Edit, EditError};
use copydesk::model::{
    Claim, ClaimStatus, Comment, CommentId, DealtWith, Project, Reply, Resolution, ReviewStatus,
    Source,
};
use jiff::Timestamp;
use proptest::prelude::*;

use crate::common::{edit_from_choices, passage_of};
use copydesk::model::Reviewer;

fn sample() -> Project {
    copydesk::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap()
}

/// One edit of every kind, each valid against the sample project.
fn one_of_each(project: &Project) -> Vec<Edit> {
    let section = project.sections[1].id.clone();
    let comment = project.comments[0].id.clone();
    let claim = project.claims[1].id.clone();
    let (claim_section, passage) = passage_of(project, "31–9 vote");
    let reply = Reply::new(&Reviewer::named("Bo"), Timestamp::UNIX_EPOCH, "Agreed.");
    let with_reply = Comment {
        replies: vec![Reply::new(
            &Reviewer::named("Cy"),
            Timestamp::UNIX_EPOCH,
            "Done.",
        )],
        ..project.comments[1].clone()
    };
    // The sample's first comment has a reply from the writer.
    let with_reply_id = project.comments[0].id.clone();
    let first_reply = project.comments[0].replies[0].id.clone();
    vec![
        Edit::SetSectionStatus {
            set: None,
            section: section.clone(),
            status: ReviewStatus::Approved,
        },
        Edit::add_comment(Comment::new(
            section,
            None,
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        )),
        Edit::add_comment(Comment::new(
            claim_section.clone(),
            Some(passage.clone()),
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        )),
        Edit::RemoveComment {
            deleted: None,
            id: comment.clone(),
        },
        Edit::SetCommentBody {
            id: comment.clone(),
            body: "New words".to_owned(),
        },
        Edit::SetCommentResolved {
            id: comment.clone(),
            resolved: Some(Resolution {
                by_id: Default::default(),
                by: "Ana".to_owned(),
                at: Timestamp::UNIX_EPOCH,
            }),
        },
        Edit::add_reply(comment, reply),
        Edit::SetReplyBody {
            comment: with_reply_id.clone(),
            reply: first_reply.clone(),
            body: "Done, and checked.".to_owned(),
        },
        Edit::RemoveReply {
            deleted: None,
            comment: with_reply_id,
            reply: first_reply,
        },
        Edit::Batch {
            label: "replace a thread".to_owned(),
            edits: vec![
                Edit::RemoveComment {
                    deleted: None,
                    id: with_reply.id.clone(),
                },
                Edit::AddComment {
                    index: 0,
                    comment: Box::new(with_reply),
                },
            ],
        },
        Edit::add_claim(Claim::new(
            claim_section,
            passage,
            &Reviewer::named("Ana"),
            Timestamp::UNIX_EPOCH,
        )),
        Edit::RemoveClaim {
            deleted: None,
            id: claim.clone(),
        },
        Edit::SetClaimStatus {
            id: claim.clone(),
            status: ClaimStatus::Incorrect,
        },
        Edit::SetClaimNote {
            id: claim.clone(),
            note: "Wrong year.".to_owned(),
        },
        Edit::SetClaimDealtWith {
            id: claim.clone(),
            dealt_with: Some(DealtWith::Cut),
        },
        Edit::AddSource {
            claim: claim.clone(),
            index: 0,
            source: Source {
                url: "https://example.org".to_owned(),
                ..Source::default()
            },
        },
        Edit::RemoveSource {
            deleted: None,
            claim: claim.clone(),
            index: 0,
        },
        Edit::SetSource {
            claim,
            index: 0,
            source: Source::default(),
        },
    ]
}

#[test]
fn every_edit_undone_restores_the_project_exactly() {
    let original = sample();
    for edit in one_of_each(&original) {
        let mut project = original.clone();
        let inverse = edit.clone().apply(&mut project).unwrap();
        assert_ne!(project, original, "{edit:?} changed nothing");
        let redo = inverse.apply(&mut project).unwrap();
        assert_eq!(project, original, "undoing {edit:?}");
        redo.apply(&mut project).unwrap();
        let mut expected = original.clone();
        let description = format!("{edit:?}");
        edit.apply(&mut expected).unwrap();
        assert_eq!(project, expected, "redoing {description}");
    }
}

#[test]
fn invalid_edits_are_refused_and_change_nothing() {
    let original = sample();
    let mut project = original.clone();
    let missing = CommentId::from_text("c-missing");
    assert_eq!(
        Edit::SetCommentBody {
            id: missing.clone(),
            body: String::new()
        }
        .apply(&mut project),
        Err(EditError::UnknownComment(missing))
    );
    let duplicate = Edit::add_comment(original.comments[0].clone());
    assert!(matches!(
        duplicate.apply(&mut project),
        Err(EditError::DuplicateId(_))
    ));
    let mut outside = original.claims[0].clone();
    outside.id = copydesk::model::ClaimId::random();
    outside.passage.end = 100_000;
    assert!(matches!(
        Edit::add_claim(outside).apply(&mut project),
        Err(EditError::PassageOutOfBounds { .. })
    ));
    // A batch that fails half-way takes back what it did.
    let batch = Edit::Batch {
        label: "half".to_owned(),
        edits: vec![
            Edit::SetSectionStatus {
                set: None,
                section: original.sections[0].id.clone(),
                status: ReviewStatus::Approved,
            },
            Edit::RemoveClaim {
                deleted: None,
                id: copydesk::model::ClaimId::from_text("k-missing"),
            },
        ],
    };
    assert!(batch.apply(&mut project).is_err());
    assert_eq!(project, original);
}

#[test]
fn typing_in_one_field_is_one_undo_step_until_sealed() {
    let project = sample();
    let id = project.comments[0].id.clone();
    let before = project.comments[0].body.clone();
    let mut document = Document::new(project);
    for body in ["W", "Wh", "Who"] {
        document
            .apply(Edit::SetCommentBody {
                id: id.clone(),
                body: body.to_owned(),
            })
            .unwrap();
    }
    document.seal();
    document
        .apply(Edit::SetCommentBody {
            id: id.clone(),
            body: "Who?".to_owned(),
        })
        .unwrap();
    assert_eq!(document.undo_label(), Some("edit comment"));
    document.undo();
    assert_eq!(document.project().comment(&id).unwrap().body, "Who");
    document.undo();
    assert_eq!(document.project().comment(&id).unwrap().body, before);
    assert_eq!(document.undo(), None);
    assert!(!document.is_dirty());
}

#[test]
fn the_save_point_follows_undo_and_redo() {
    let project = sample();
    let section = project.sections[0].id.clone();
    let mut document = Document::new(project);
    assert!(
        !document.is_dirty(),
        "nothing to lose before the first edit"
    );
    document.mark_saved();
    assert!(!document.is_dirty());
    let approve = Edit::SetSectionStatus {
        set: None,
        section: section.clone(),
        status: ReviewStatus::Approved,
    };
    document.apply(approve).unwrap();
    assert!(document.is_dirty());
    document.undo();
    assert!(!document.is_dirty());
    document.redo();
    assert!(document.is_dirty());
    document.mark_saved();
    document.undo();
    assert!(document.is_dirty());
    // A new edit after undoing past the save point makes the saved state unreachable.
    document
        .apply(Edit::SetSectionStatus {
            set: None,
            section,
            status: ReviewStatus::NeedsChanges,
        })
        .unwrap();
    document.undo();
    assert!(document.is_dirty());
    // An edit that changes nothing is not a step.
    let steps_before = document.undo_label().map(str::to_owned);
    document
        .apply(Edit::SetSectionStatus {
            set: document.project().sections[0].status_set.clone(),
            section: document.project().sections[0].id.clone(),
            status: document.project().sections[0].status,
        })
        .unwrap();
    assert_eq!(document.undo_label().map(str::to_owned), steps_before);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_then_as_many_undos_restore_the_original(
        choices in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..40)
    ) {
        let original = sample();
        let mut document = Document::new(original.clone());
        for (kind, a, b) in choices {
            let edit = edit_from_choices(document.project(), kind, a, b);
            document.apply(edit).unwrap();
            document.seal();
        }
        let edited = document.project().clone();
        while document.undo().is_some() {}
        prop_assert_eq!(document.project(), &original);
        prop_assert!(!document.is_dirty());
        while document.redo().is_some() {}
        prop_assert_eq!(document.project(), &edited);
    }
}
