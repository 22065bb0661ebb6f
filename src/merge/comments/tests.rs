//! The rules for comments and replies, each on two copies of the sample.

use jiff::Timestamp;

use crate::edit::Edit;
use crate::merge::tests::{ana, bo, edited, merge, sample, stamp};
use crate::model::{ConflictTarget, ConflictValue, Deleted, MarkId, Passage, Project, Reply};

fn body(project: &Project, index: usize, text: &str) -> Project {
    edited(
        project,
        vec![Edit::SetCommentBody {
            id: project.comments[index].id.clone(),
            body: text.to_owned(),
        }],
    )
}

#[test]
fn a_text_changed_on_one_side_is_taken_and_changed_on_both_conflicts_keeping_ours() {
    let base = sample();
    let merged_one = merge(Some(&base), &base, &body(&base, 0, "Theirs."));
    assert_eq!(merged_one.project.comments[0].body, "Theirs.");
    assert_eq!(merged_one.summary.from_theirs, 1);

    let merged_both = merge(
        Some(&base),
        &body(&base, 0, "Ours."),
        &body(&base, 0, "Theirs."),
    );
    assert_eq!(merged_both.project.comments[0].body, "Ours.");
    let conflict = &merged_both.project.conflicts[0];
    assert_eq!(
        conflict.target,
        ConflictTarget::CommentBody(base.comments[0].id.clone())
    );
    assert_eq!(
        conflict.base,
        Some(ConflictValue::Text(base.comments[0].body.clone()))
    );
    assert_eq!(
        conflict.theirs.value,
        ConflictValue::Text("Theirs.".to_owned())
    );
    // The same text on both: taken once.
    let same = merge(
        Some(&base),
        &body(&base, 0, "Same."),
        &body(&base, 0, "Same."),
    );
    assert!(same.project.conflicts.is_empty());
}

fn resolved(project: &Project, index: usize, at: i64, by: &crate::model::Reviewer) -> Project {
    edited(
        project,
        vec![Edit::SetCommentResolved {
            id: project.comments[index].id.clone(),
            resolved: Some(stamp(by, at)),
        }],
    )
}

#[test]
fn resolved_on_either_side_is_resolved_by_whoever_did_it_first() {
    let base = sample();
    let merged_one = merge(Some(&base), &base, &resolved(&base, 0, 5, &bo()));
    assert_eq!(
        merged_one.project.comments[0].resolved,
        Some(stamp(&bo(), 5))
    );
    let both = merge(
        Some(&base),
        &resolved(&base, 0, 8, &ana()),
        &resolved(&base, 0, 5, &bo()),
    );
    assert_eq!(both.project.comments[0].resolved, Some(stamp(&bo(), 5)));
    assert!(both.project.conflicts.is_empty());
    // Reopened on one side, left resolved on the other: open.
    let closed = resolved(&base, 0, 5, &bo());
    let reopened = edited(
        &closed,
        vec![Edit::SetCommentResolved {
            id: closed.comments[0].id.clone(),
            resolved: None,
        }],
    );
    let merged_reopened = merge(Some(&closed), &closed, &reopened);
    assert!(merged_reopened.project.comments[0].is_open());
}

#[test]
fn without_a_base_resolved_against_open_stays_open_until_someone_decides() {
    let base = sample();
    let closed = resolved(&base, 0, 5, &bo());
    for (ours, theirs) in [(&base, &closed), (&closed, &base)] {
        let merged = merge(None, ours, theirs);
        assert!(merged.project.comments[0].is_open());
        let conflict = &merged.project.conflicts[0];
        assert_eq!(
            conflict.target,
            ConflictTarget::CommentResolved(base.comments[0].id.clone())
        );
        assert_eq!(conflict.base, None);
        let by = [&conflict.ours.by, &conflict.theirs.by];
        assert!(by.contains(&&Some(stamp(&bo(), 5))));
    }
}

#[test]
fn replies_from_both_sides_are_united_and_a_reply_text_changed_on_both_conflicts() {
    let base = sample();
    let comment = base.comments[0].id.clone();
    let first_reply = base.comments[0].replies[0].id.clone();
    let reply = |who, text| {
        Edit::add_reply(
            comment.clone(),
            Reply::new(who, Timestamp::UNIX_EPOCH, text),
        )
    };
    let set_first = |text: &str| Edit::SetReplyBody {
        comment: comment.clone(),
        reply: first_reply.clone(),
        body: text.to_owned(),
    };
    let (ana, bo) = (ana(), bo());
    let ours = edited(&base, vec![reply(&ana, "Ana's."), set_first("Ours.")]);
    let theirs = edited(&base, vec![reply(&bo, "Bo's."), set_first("Theirs.")]);
    let merged = merge(Some(&base), &ours, &theirs);
    let bodies: Vec<&str> = merged.project.comments[0]
        .replies
        .iter()
        .map(|r| r.body.as_str())
        .collect();
    assert_eq!(bodies, ["Ours.", "Ana's.", "Bo's."]);
    assert_eq!(
        merged.project.conflicts[0].target,
        ConflictTarget::ReplyBody {
            comment,
            reply: first_reply
        }
    );
}

#[test]
fn a_reply_deleted_on_one_side_and_edited_on_the_other_is_kept() {
    let base = sample();
    let comment = base.comments[0].id.clone();
    let reply = base.comments[0].replies[0].id.clone();
    let deleted = edited(
        &base,
        vec![Edit::delete_reply(
            comment.clone(),
            reply.clone(),
            stamp(&ana(), 2),
        )],
    );
    let changed = edited(
        &base,
        vec![Edit::SetReplyBody {
            comment: comment.clone(),
            reply: reply.clone(),
            body: "Changed.".to_owned(),
        }],
    );
    let merged = merge(Some(&base), &changed, &deleted);
    assert_eq!(merged.project.comments[0].replies[0].body, "Changed.");
    assert_eq!(
        merged.project.conflicts[0].target,
        ConflictTarget::Record(Deleted::Reply { comment, reply })
    );
    assert_eq!(
        merged.project.conflicts[0].theirs.value,
        ConflictValue::Deleted
    );
    assert!(merged.project.deleted.is_empty());
}

#[test]
fn a_comment_moved_on_both_sides_to_different_places_stays_where_ours_has_it() {
    let base = sample();
    let comment = &base.comments[0];
    let section = base.section(&comment.section).unwrap();
    let moved_to = |start: usize| {
        let passage = Passage::from_section_text(&section.text, start..start + 4).unwrap();
        edited(
            &base,
            vec![Edit::SetPlacement {
                mark: MarkId::Comment(comment.id.clone()),
                section: section.id.clone(),
                passage: Some(passage),
                carried: None,
            }],
        )
    };
    let (ours, theirs) = (moved_to(0), moved_to(10));
    let merged = merge(Some(&base), &ours, &theirs);
    assert_eq!(merged.project.comments[0].passage, ours.comments[0].passage);
    assert_eq!(
        merged.project.conflicts[0].target,
        ConflictTarget::CommentPlacement(comment.id.clone())
    );
    // Moved on one side only: taken.
    let merged = merge(Some(&base), &base, &theirs);
    assert_eq!(
        merged.project.comments[0].passage,
        theirs.comments[0].passage
    );
    assert!(merged.project.conflicts.is_empty());
}
