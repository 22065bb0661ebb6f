//! The merge as a whole: two reviewers' copies of the sample, merged; what is refused; the
//! conflicts already in a file; a side on an earlier draft. The helpers here serve the unit
//! tests of `comments` and `claims` too.

use std::path::Path;

use jiff::Timestamp;

use super::{MergeError, MergeInput, Merged, merge_reviews};
use crate::edit::Edit;
use crate::model::{
    ClaimStatus, Comment, ConflictTarget, ConflictValue, Deleted, DraftFormat, Passage, Project,
    ReviewStatus, Reviewer, Stamp,
};
use crate::revise::{ReviseOptions, revise};

pub fn sample() -> Project {
    crate::sample::sample_project(Timestamp::UNIX_EPOCH).unwrap()
}

pub fn ana() -> Reviewer {
    Reviewer::named("Ana")
}

pub fn bo() -> Reviewer {
    Reviewer::named("Bo")
}

/// A stamp by `reviewer`, `second`s after the epoch.
pub fn stamp(reviewer: &Reviewer, second: i64) -> Stamp {
    Stamp::new(reviewer, Timestamp::from_second(second).unwrap())
}

/// `project` with `edits` applied.
pub fn edited(project: &Project, edits: Vec<Edit>) -> Project {
    let mut project = project.clone();
    for edit in edits {
        edit.apply(&mut project).unwrap();
    }
    project
}

pub const FOUND: Timestamp = Timestamp::constant(1_000_000, 0);

pub fn merge(base: Option<&Project>, ours: &Project, theirs: &Project) -> Merged {
    try_merge(base, ours, theirs).unwrap()
}

pub fn try_merge(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
) -> Result<Merged, MergeError> {
    merge_reviews(MergeInput {
        base,
        ours,
        theirs,
        ours_from: "ours.copydesk.ron".to_owned(),
        theirs_from: "theirs.copydesk.ron".to_owned(),
        now: FOUND,
    })
}

/// The targets of the conflicts of a merged review.
pub fn targets(merged: &Merged) -> Vec<&ConflictTarget> {
    merged.project.conflicts.iter().map(|c| &c.target).collect()
}

#[test]
fn an_editors_and_a_fact_checkers_changes_come_together_cleanly() {
    let base = sample();
    let section = base.sections[0].id.clone();
    let comment = Comment {
        body: "Who says so?".to_owned(),
        ..Comment::new(section.clone(), None, &ana(), Timestamp::UNIX_EPOCH)
    };
    let editor = edited(
        &base,
        vec![
            Edit::section_status(section, ReviewStatus::Approved, stamp(&ana(), 5)),
            Edit::add_comment(comment.clone()),
        ],
    );
    let claim = base.claims[0].clone();
    let checker = edited(
        &base,
        vec![Edit::claim_status_change(
            &claim,
            ClaimStatus::Verified,
            &bo(),
            Timestamp::from_second(6).unwrap(),
        )],
    );
    let merged = merge(Some(&base), &editor, &checker);
    assert_eq!(merged.new_conflicts, 0);
    assert!(merged.project.conflicts.is_empty());
    assert_eq!(merged.project.sections[0].status, ReviewStatus::Approved);
    assert_eq!(merged.project.comment(&comment.id), Some(&comment));
    let claim = merged.project.claim(&claim.id).unwrap();
    assert_eq!(claim.status, ClaimStatus::Verified);
    assert_eq!(claim.history.last().unwrap().by, "Bo");
    assert_eq!(
        merged.summary.to_string(),
        "Took 1 change from ours.copydesk.ron and 1 from theirs.copydesk.ron; 1 comment, reply, claim or source added and 0 deleted on one side. No conflicts."
    );
}

#[test]
fn merging_a_copy_with_itself_changes_nothing() {
    let base = sample();
    let ours = edited(
        &base,
        vec![Edit::delete_comment(
            base.comments[1].id.clone(),
            stamp(&ana(), 3),
        )],
    );
    for base in [Some(&base), None] {
        let merged = merge(base, &ours, &ours);
        assert_eq!(merged.project, ours);
        assert!(merged.summary.took_nothing_new());
    }
}

#[test]
fn reviews_of_different_articles_are_refused() {
    let ours = sample();
    let theirs = sample(); // imported again: new ids throughout
    assert!(matches!(
        try_merge(None, &ours, &theirs),
        Err(MergeError::NotTheSameReview)
    ));
}

#[test]
fn the_same_conflict_is_found_with_the_same_id_and_merging_twice_gives_the_same_review() {
    let base = sample();
    let section = base.sections[1].id.clone();
    let set = |status, by: &Reviewer| {
        edited(
            &base,
            vec![Edit::section_status(section.clone(), status, stamp(by, 9))],
        )
    };
    let ours = set(ReviewStatus::Approved, &ana());
    let theirs = set(ReviewStatus::InReview, &bo());
    let first = merge(Some(&base), &ours, &theirs);
    let second = merge(Some(&base), &ours, &theirs);
    assert_eq!(first.project, second.project);
    let swapped = merge(Some(&base), &theirs, &ours);
    assert_eq!(
        first.project.conflicts[0].id,
        swapped.project.conflicts[0].id
    );
    // The cautious status holds on both orders.
    assert_eq!(
        first.project.sections[1].status,
        swapped.project.sections[1].status
    );
}

#[test]
fn a_conflict_resolved_on_one_side_is_resolved_and_one_open_on_both_stays() {
    let base = sample();
    let section = base.sections[1].id.clone();
    let ours = edited(
        &base,
        vec![Edit::section_status(
            section.clone(),
            ReviewStatus::Approved,
            stamp(&ana(), 9),
        )],
    );
    let theirs = edited(
        &base,
        vec![Edit::section_status(
            section.clone(),
            ReviewStatus::InReview,
            stamp(&bo(), 9),
        )],
    );
    let with_conflict = merge(Some(&base), &ours, &theirs).project;
    let id = with_conflict.conflicts[0].id.clone();
    // Ana settles it on her copy; Bo comments on his.
    let settled = {
        let edit = super::resolution_edit(&with_conflict, &id, super::Pick::Ours).unwrap();
        edited(&with_conflict, vec![edit])
    };
    let commented = edited(
        &with_conflict,
        vec![Edit::add_comment(Comment::new(
            section,
            None,
            &bo(),
            Timestamp::UNIX_EPOCH,
        ))],
    );
    let merged_again = merge(Some(&with_conflict), &settled, &commented);
    assert!(merged_again.project.conflicts.is_empty());
    assert_eq!(
        merged_again.project.sections[1].status,
        ReviewStatus::Approved
    );
    assert_eq!(merged_again.summary.earlier_conflicts_settled, 1);
    // Neither settled it: it stays.
    let still = merge(Some(&with_conflict), &commented, &with_conflict);
    assert_eq!(still.project.conflicts, with_conflict.conflicts);
    assert_eq!(still.summary.earlier_conflicts_open, 1);
}

#[test]
fn a_comment_deleted_on_one_side_and_edited_on_the_other_is_kept_with_a_conflict() {
    let base = sample();
    let id = base.comments[0].id.clone();
    let deleted = edited(
        &base,
        vec![Edit::delete_comment(id.clone(), stamp(&ana(), 4))],
    );
    let answered = edited(
        &base,
        vec![Edit::SetCommentBody {
            id: id.clone(),
            body: "Sharper question.".to_owned(),
        }],
    );
    let merged = merge(Some(&base), &deleted, &answered);
    assert_eq!(
        merged.project.comment(&id).unwrap().body,
        "Sharper question."
    );
    assert!(
        merged.project.deleted.is_empty(),
        "no tombstone for a kept comment"
    );
    let conflict = &merged.project.conflicts[0];
    assert_eq!(
        conflict.target,
        ConflictTarget::Record(Deleted::Comment(id))
    );
    assert_eq!(conflict.ours.value, ConflictValue::Deleted);
    assert_eq!(conflict.ours.by.as_ref().unwrap().by, "Ana");
    assert_eq!(conflict.theirs.value, ConflictValue::Kept);
    // Untouched on the other side, the deletion is taken, with its tombstone.
    let merged = merge(Some(&base), &base, &deleted);
    assert!(merged.project.comment(&base.comments[0].id).is_none());
    assert_eq!(merged.project.deleted, deleted.deleted);
}

#[test]
fn the_merged_review_saves_and_reads_back_the_same() {
    let base = sample();
    let ours = edited(
        &base,
        vec![Edit::SetClaimNote {
            id: base.claims[1].id.clone(),
            note: "Ours.".to_owned(),
        }],
    );
    let theirs = edited(
        &base,
        vec![Edit::SetClaimNote {
            id: base.claims[1].id.clone(),
            note: "Theirs.".to_owned(),
        }],
    );
    let merged = merge(Some(&base), &ours, &theirs).project;
    let text = crate::project_file::ron_from_project(&merged).unwrap();
    let read = crate::project_file::project_from_ron(Path::new("m.copydesk.ron"), &text).unwrap();
    assert_eq!(read, merged);
}

/// The sample carried to its second draft, as `copydesk revise` would.
fn on_second_draft(project: &Project, file_name: &str, text: &str) -> Project {
    let next = crate::import::import_bytes(
        Path::new(file_name),
        text.as_bytes(),
        DraftFormat::Markdown,
        Timestamp::UNIX_EPOCH,
    )
    .unwrap();
    revise(project, next, ReviseOptions::default()).project
}

const SECOND_DRAFT: &str = include_str!("../../assets/sample-article-draft-2.md");

#[test]
fn a_side_still_on_the_earlier_draft_is_carried_to_the_newer_one_first() {
    let base = sample();
    let revised = on_second_draft(&base, "draft-2.md", SECOND_DRAFT);
    // A section whose words the writer kept: its status is the reviewer's to change.
    let kept = revised
        .sections
        .iter()
        .find(|s| {
            s.revision
                .as_ref()
                .is_some_and(|r| r.from.len() == 1 && !r.text_changed)
        })
        .unwrap();
    let old_id = kept.revision.as_ref().unwrap().from[0].clone();
    let (section, passage) = {
        let old = base.section(&old_id).unwrap();
        let end = old.text.chars().take_while(|c| *c != ' ').count();
        (
            old.id.clone(),
            Passage::from_section_text(&old.text, 0..end).unwrap(),
        )
    };
    let comment = Comment::new(
        section.clone(),
        Some(passage),
        &ana(),
        Timestamp::UNIX_EPOCH,
    );
    let status = if base.section(&section).unwrap().status == ReviewStatus::NeedsChanges {
        ReviewStatus::InReview
    } else {
        ReviewStatus::NeedsChanges
    };
    let older = edited(
        &base,
        vec![
            Edit::section_status(section, status, stamp(&ana(), 7)),
            Edit::add_comment(comment.clone()),
        ],
    );
    for base in [Some(&base), None] {
        let merged = merge(base, &older, &revised);
        assert_eq!(merged.project.draft, revised.draft);
        assert_eq!(merged.project.earlier_drafts, revised.earlier_drafts);
        let ids: Vec<_> = merged.project.sections.iter().map(|s| &s.id).collect();
        let revised_ids: Vec<_> = revised.sections.iter().map(|s| &s.id).collect();
        assert_eq!(ids, revised_ids);
        let carried = merged.project.comment(&comment.id).unwrap();
        assert_eq!(carried.section, kept.id);
        assert!(carried.carried.is_some());
        let carried_over = merged.summary.carried_over.as_ref().unwrap();
        assert_eq!(carried_over.review, "ours.copydesk.ron");
        assert_eq!(carried_over.to_draft, "draft-2.md");
        if base.is_some() {
            assert_eq!(merged.project.section(&kept.id).unwrap().status, status);
            assert!(
                merged.project.conflicts.is_empty(),
                "{:?}",
                targets(&merged)
            );
        }
    }
}

#[test]
fn two_copies_carried_to_the_same_next_draft_apart_still_merge() {
    let base = sample();
    let editor = on_second_draft(&base, "draft-2.md", SECOND_DRAFT);
    let checker = on_second_draft(&base, "draft-2.md", SECOND_DRAFT);
    // Each carrying gave the section new in the second draft an id of its own.
    let new = editor.sections.len() - 1;
    assert_ne!(editor.sections[new].id, checker.sections[new].id);
    let checker = edited(
        &checker,
        vec![Edit::section_status(
            checker.sections[new].id.clone(),
            ReviewStatus::Approved,
            stamp(&bo(), 3),
        )],
    );
    let merged = merge(Some(&base), &editor, &checker);
    assert_eq!(merged.project.sections[new].id, editor.sections[new].id);
    assert_eq!(merged.project.sections[new].status, ReviewStatus::Approved);
    // Without the base, the approval is one side's word against the other's.
    let merged = merge(None, &editor, &checker);
    assert_eq!(
        targets(&merged),
        [&ConflictTarget::SectionStatus(
            editor.sections[new].id.clone()
        )]
    );
}

#[test]
fn two_different_next_drafts_are_refused_naming_both() {
    let base = sample();
    let one = on_second_draft(&base, "draft-2a.md", SECOND_DRAFT);
    let other = on_second_draft(
        &base,
        "draft-2b.md",
        &SECOND_DRAFT.replace("1,400 bicycles", "1,500 bicycles"),
    );
    let error = try_merge(Some(&base), &one, &other).unwrap_err();
    assert!(matches!(error, MergeError::DifferentDrafts { .. }));
    let message = error.to_string();
    assert!(
        message.contains("draft-2a.md") && message.contains("draft-2b.md"),
        "{message}"
    );
    // A base on a draft neither side came from is refused too.
    let error = try_merge(Some(&other), &one, &one).unwrap_err();
    assert!(
        matches!(error, MergeError::BaseOnAnotherDraft { .. }),
        "{error}"
    );
}
