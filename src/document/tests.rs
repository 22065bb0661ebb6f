//! The undo history: steps, the save point, typing folded into steps, what changes count.

use std::time::Instant;

use super::*;
use crate::model::ReviewStatus;

fn document() -> Document {
    Document::new(crate::sample::sample_project(jiff::Timestamp::now()).unwrap())
}

fn set_status(document: &mut Document, status: ReviewStatus) {
    let section = document.project().sections[0].id.clone();
    document
        .apply(Edit::SetSectionStatus {
            set: None,
            section,
            status,
        })
        .unwrap();
}

#[test]
fn a_save_made_from_an_earlier_state_leaves_later_changes_unsaved() {
    let mut document = document();
    set_status(&mut document, ReviewStatus::Approved);
    let saved = document.state_to_save();
    set_status(&mut document, ReviewStatus::NeedsChanges);
    document.mark_saved_as(saved);
    assert!(document.is_dirty(), "the second change is not on disk");
    document.undo();
    assert!(!document.is_dirty(), "undoing it reaches the saved state");
}

#[test]
fn a_saved_state_dropped_from_the_history_is_unreachable() {
    let mut document = document();
    set_status(&mut document, ReviewStatus::Approved);
    let saved = document.state_to_save();
    document.undo();
    set_status(&mut document, ReviewStatus::NeedsChanges);
    document.mark_saved_as(saved);
    assert!(document.is_dirty());
    document.undo();
    assert!(
        document.is_dirty(),
        "the saved state is gone from the history"
    );
}

#[test]
fn typing_a_comment_counts_a_change_but_not_a_structure_change() {
    let mut document = document();
    let id = document.project().comments[0].id.clone();
    let (changes, structure) = (document.change_count(), document.structure_change_count());
    document
        .apply(Edit::SetCommentBody {
            id,
            body: "Cite the figure.".to_owned(),
        })
        .unwrap();
    document.undo();
    document.redo();
    assert_eq!(document.change_count(), changes + 3);
    assert_eq!(document.structure_change_count(), structure);
    set_status(&mut document, ReviewStatus::Approved);
    assert_eq!(document.structure_change_count(), structure + 1);
    document.undo();
    assert_eq!(document.structure_change_count(), structure + 2);
}

#[test]
fn a_recovered_review_is_unsaved_until_saved() {
    let mut document = Document::with_unsaved_changes(document().project().clone());
    assert!(document.is_dirty());
    let state = document.state_to_save();
    document.mark_saved_as(state);
    assert!(!document.is_dirty());
}

/// How many whole projects the history holds: the previous drafts in revisions' inverses.
fn projects_held(document: &Document) -> usize {
    fn in_edit(edit: &Edit) -> usize {
        match edit {
            Edit::Revise { .. } => 1,
            Edit::Batch { edits, .. } => edits.iter().map(in_edit).sum(),
            _ => 0,
        }
    }
    let steps = document.undo_stack.iter().chain(&document.redo_stack);
    steps.map(|step| in_edit(&step.inverse)).sum()
}

fn revise(document: &mut Document) {
    let mut next = document.project().clone();
    next.draft.number += 1;
    document
        .apply(Edit::Revise {
            project: Box::new(next),
        })
        .unwrap();
}

#[test]
fn a_revised_draft_is_held_once_through_undo_and_redo() {
    // A step used to keep the last edit applied beside its inverse, so each revision held
    // the new project in the history as well as the old one, copied again at each undo.
    let mut document = document();
    revise(&mut document);
    assert_eq!(projects_held(&document), 1);
    document.undo();
    assert_eq!(projects_held(&document), 1);
    document.redo();
    assert_eq!(projects_held(&document), 1);
    revise(&mut document);
    assert_eq!(projects_held(&document), 2);
    assert_eq!(document.project().draft.number, 3);
    document.undo();
    document.undo();
    assert_eq!(document.project().draft.number, 1);
    assert_eq!(projects_held(&document), 2);
}

#[test]
fn typing_in_another_field_starts_another_step() {
    let mut document = document();
    let comment = document.project().comments[0].id.clone();
    let claim = document.project().claims[0].id.clone();
    let type_body = |document: &mut Document, body: &str| {
        document
            .apply(Edit::SetCommentBody {
                id: comment.clone(),
                body: body.to_owned(),
            })
            .unwrap();
    };
    type_body(&mut document, "W");
    type_body(&mut document, "Wh");
    document
        .apply(Edit::SetClaimNote {
            id: claim,
            note: "N".to_owned(),
        })
        .unwrap();
    type_body(&mut document, "Who");
    assert_eq!(document.undo_stack.len(), 3);
    document.undo();
    document.undo();
    assert_eq!(document.project().comments[0].body, "Wh");
}

#[test]
fn an_edit_that_changes_nothing_is_no_change_but_one_that_fails_is_refused() {
    let mut document = document();
    let comment = &document.project().comments[0];
    let (id, body) = (comment.id.clone(), comment.body.clone());
    document
        .apply(Edit::SetCommentBody {
            id: id.clone(),
            body: body.clone(),
        })
        .unwrap();
    assert_eq!(document.change_count(), 0);
    assert_eq!(document.undo_label(), None);
    assert!(!document.is_dirty());
    let refused = document.apply(Edit::SetClaimNote {
        id: crate::model::ClaimId::from_text("k-missing"),
        note: String::new(),
    });
    assert!(refused.is_err());
    assert_eq!(document.change_count(), 0);
    assert_eq!(document.project().comment(&id).unwrap().body, body);
}

/// Types `text` into the first comment one character at a time, at `now`.
fn type_slowly_into_comment(document: &mut Document, text: &str, now: Instant) {
    let id = document.project().comments[0].id.clone();
    for c in text.chars() {
        let mut body = document.project().comment(&id).unwrap().body.clone();
        body.push(c);
        document
            .apply_at(
                Edit::SetCommentBody {
                    id: id.clone(),
                    body,
                },
                now,
            )
            .unwrap();
    }
}

fn first_comment_body(document: &Document) -> &str {
    &document.project().comments[0].body
}

#[test]
fn typing_is_undone_a_word_at_a_time() {
    let mut document = document();
    let id = document.project().comments[0].id.clone();
    document
        .apply(Edit::SetCommentBody {
            id,
            body: String::new(),
        })
        .unwrap();
    document.seal();
    type_slowly_into_comment(&mut document, "Which facilities? Cite", Instant::now());
    document.undo();
    assert_eq!(first_comment_body(&document), "Which facilities? ");
    document.undo();
    assert_eq!(first_comment_body(&document), "Which ");
    document.undo();
    assert_eq!(first_comment_body(&document), "");
    document.redo();
    assert_eq!(first_comment_body(&document), "Which ");
}

#[test]
fn a_pause_in_typing_ends_the_undo_step() {
    let mut document = document();
    let before = first_comment_body(&document).to_owned();
    let start = Instant::now();
    type_slowly_into_comment(&mut document, "xy", start);
    type_slowly_into_comment(&mut document, "z", start + TYPING_PAUSE / 2);
    type_slowly_into_comment(&mut document, "zz", start + TYPING_PAUSE * 3);
    document.undo();
    assert_eq!(first_comment_body(&document), format!("{before}xyz"));
    document.undo();
    assert_eq!(first_comment_body(&document), before);
}

#[test]
fn a_mark_made_and_left_as_made_is_withdrawn_without_a_trace() {
    let mut document = document();
    set_status(&mut document, ReviewStatus::Approved);
    document.mark_saved();
    let point = document.history_point();
    let section = document.project().sections[0].id.clone();
    let comment = crate::model::Comment::new(
        section,
        None,
        &crate::model::Reviewer::named("Ana"),
        jiff::Timestamp::now(),
    );
    let id = comment.id.clone();
    document.apply(Edit::add_comment(comment)).unwrap();
    for body in ["W", ""] {
        document
            .apply(Edit::SetCommentBody {
                id: id.clone(),
                body: body.to_owned(),
            })
            .unwrap();
    }
    let field = TextField::CommentBody(id.clone());
    // Typing into another field since then: not what was made, left alone.
    let other = TextField::CommentBody(document.project().comments[0].id.clone());
    assert!(!document.withdraw_since(point, &other));
    assert!(document.withdraw_since(point, &field));
    assert!(document.project().comment(&id).is_none());
    assert!(
        document
            .undo_label()
            .is_some_and(|label| label.ends_with("approved")),
        "no step of the comment is left"
    );
    assert_eq!(document.redo_label(), None);
    assert!(!document.is_dirty(), "back at the saved state");
    // Once withdrawn, there is nothing more to withdraw.
    assert!(!document.withdraw_since(point, &field));
}

#[test]
fn nothing_is_withdrawn_past_a_step_that_is_not_typing() {
    let mut document = document();
    let point = document.history_point();
    set_status(&mut document, ReviewStatus::Approved);
    set_status(&mut document, ReviewStatus::NeedsChanges);
    let field = TextField::CommentBody(document.project().comments[0].id.clone());
    assert!(!document.withdraw_since(point, &field));
    assert_eq!(
        document.project().sections[0].status,
        ReviewStatus::NeedsChanges
    );
}
