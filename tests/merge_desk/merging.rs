//! Merging in the desk: another reviewer's copy through File → Merge another review…, and a
//! file changed on disk through "Merge their changes" — each one undoable step, nothing
//! lost, and nothing changed when the file cannot be merged.

use copydesk::app::{DialogPurpose, Modal, ScriptedFileDialogs};
use copydesk::edit::Edit;
use copydesk::model::{ClaimStatus, Comment, ReviewStatus};
use copydesk::project_file::load_project;
use copydesk::storage::SaveRequest;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use super::{bo, saved};
use crate::common::desk::{ALT, CTRL, Desk, desk, notice, press, project, settle, type_into};
use crate::common::temp_dir;

/// Bo's changes to a copy of the review: a comment on “Costs and Funding”, and the claim
/// on the bicycles verified.
fn bos_changes(project: &mut copydesk::model::Project) {
    let bo = bo();
    let costs = project.sections[2].id.clone();
    let comment = Comment {
        body: "Bo: the running costs need a source.".to_owned(),
        ..Comment::new(costs, None, &bo, Timestamp::now())
    };
    Edit::add_comment(comment).apply(project).unwrap();
    let claim = project.claims[0].clone();
    Edit::claim_status_change(&claim, ClaimStatus::Verified, &bo, Timestamp::now())
        .apply(project)
        .unwrap();
    Edit::NoteReviewer { reviewer: bo }.apply(project).unwrap();
}

fn has_bos_changes(harness: &Desk) -> bool {
    let project = project(harness);
    project
        .comments
        .iter()
        .any(|c| c.body == "Bo: the running costs need a source.")
        && project.claims[0].status == ClaimStatus::Verified
}

/// Opens File → Merge another review…, the dialog answering `path`.
fn merge_from_menu(harness: &mut Desk, dialogs: &ScriptedFileDialogs, path: &std::path::Path) {
    dialogs.answer_next(Some(path.to_owned()));
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Merge another review…")
        .click();
    harness.run();
    settle(harness);
}

#[test]
fn another_reviewers_copy_is_merged_as_one_undoable_step() {
    let dir = temp_dir();
    let sample = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let ours = saved(dir.path(), "ana.copydesk.ron", &sample);
    let mut theirs = sample;
    bos_changes(&mut theirs);
    let theirs = saved(dir.path(), "bo.copydesk.ron", &theirs);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(ours), Some("Ana"), &dialogs);

    // Ana's own change, not saved: a comment on the section “Opening”.
    harness.get_by_label("Comment on section: Opening").click();
    harness.run();
    type_into(
        &mut harness,
        "Comment on the section",
        "Ana: a stronger opening?",
    );
    let comments_before_merge = project(&harness).comments.len();
    let before = project(&harness).clone();

    merge_from_menu(&mut harness, &dialogs, &theirs);
    assert_eq!(dialogs.asked().last(), Some(&DialogPurpose::MergeReview));
    let (text, is_error) = notice(&harness);
    assert!(!is_error, "{text}");
    assert!(has_bos_changes(&harness), "{text}");
    assert_eq!(
        project(&harness).comments.len(),
        comments_before_merge + 1,
        "Ana's comment kept beside Bo's"
    );
    assert!(
        project(&harness).reviewers.iter().any(|r| r.name == "Bo"),
        "the merged review lists Bo"
    );
    assert!(harness.state().state().is_dirty());
    assert_eq!(
        harness
            .state()
            .state()
            .review
            .as_ref()
            .unwrap()
            .document()
            .undo_label(),
        Some("merge bo.copydesk.ron")
    );

    // One undo: the review as it was before the merge.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness), &before);
}

#[test]
fn a_file_that_cannot_be_merged_is_named_and_nothing_changes() {
    let dir = temp_dir();
    let sample = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let ours = saved(dir.path(), "ana.copydesk.ron", &sample);
    let corrupt = dir.path().join("broken.copydesk.ron");
    std::fs::write(&corrupt, "(title: \"half a review").unwrap();
    let other_article = {
        let mut other = copydesk::sample::sample_project(Timestamp::now()).unwrap();
        other.title = "Another article".to_owned();
        saved(dir.path(), "other.copydesk.ron", &other)
    };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(ours), Some("Ana"), &dialogs);
    let before = project(&harness).clone();

    for (path, name) in [
        (&corrupt, "broken.copydesk.ron"),
        (&other_article, "other.copydesk.ron"),
    ] {
        merge_from_menu(&mut harness, &dialogs, path);
        let (text, is_error) = notice(&harness);
        assert!(is_error, "{text}");
        assert!(text.contains(name), "{text}");
        assert!(text.contains("Nothing was changed"), "{text}");
        assert_eq!(project(&harness), &before);
        assert!(!harness.state().state().is_dirty());
    }
}

#[test]
fn a_file_changed_on_disk_is_merged_and_then_saved() {
    let dir = temp_dir();
    let sample = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let path = saved(dir.path(), "review.copydesk.ron", &sample);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path.clone()), Some("Ana"), &dialogs);

    // Ana approves “Opening”; meanwhile another desk saves Bo's changes over the file.
    press(&mut harness, ALT, Key::Num4);
    let mut theirs = load_project(&path).unwrap();
    bos_changes(&mut theirs);
    SaveRequest::new(&theirs, &path).save().unwrap();

    press(&mut harness, CTRL, Key::S);
    assert!(matches!(
        harness.state().state().dialogs.modal(),
        Some(Modal::ChangedOnDisk { .. })
    ));
    harness.get_by_label("Merge their changes").click();
    harness.run();
    settle(&mut harness);
    let (text, is_error) = notice(&harness);
    assert!(!is_error, "{text}");
    assert!(text.contains("Save to keep the merged review"), "{text}");
    // Both sides' changes, nothing to settle, and not saved yet.
    assert!(has_bos_changes(&harness));
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    assert!(project(&harness).conflicts.is_empty(), "{text}");
    assert!(harness.state().state().is_dirty());
    assert_eq!(
        load_project(&path).unwrap(),
        theirs,
        "the file is as they left it"
    );

    // Saving now compares with the file as it is: it goes through, with both.
    press(&mut harness, CTRL, Key::S);
    assert!(harness.state().state().dialogs.modal().is_none());
    assert!(!harness.state().state().is_dirty());
    let on_disk = load_project(&path).unwrap();
    assert_eq!(on_disk.sections[0].status, ReviewStatus::Approved);
    assert!(
        on_disk
            .comments
            .iter()
            .any(|c| c.body == "Bo: the running costs need a source.")
    );
    assert_eq!(on_disk.claims[0].status, ClaimStatus::Verified);
}

#[test]
fn both_changing_a_status_on_disk_leaves_a_conflict_to_settle() {
    let dir = temp_dir();
    let sample = copydesk::sample::sample_project(Timestamp::now()).unwrap();
    let path = saved(dir.path(), "review.copydesk.ron", &sample);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(path.clone()), Some("Ana"), &dialogs);

    // Ana approves “Opening”, Bo marks it as needing changes.
    press(&mut harness, ALT, Key::Num4);
    let mut theirs = load_project(&path).unwrap();
    let opening = theirs.sections[0].id.clone();
    Edit::section_status(
        opening,
        ReviewStatus::NeedsChanges,
        copydesk::model::Stamp::new(&bo(), Timestamp::now()),
    )
    .apply(&mut theirs)
    .unwrap();
    SaveRequest::new(&theirs, &path).save().unwrap();

    press(&mut harness, CTRL, Key::S);
    harness.get_by_label("Merge their changes").click();
    harness.run();
    settle(&mut harness);
    let (text, _) = notice(&harness);
    assert!(
        text.contains("Settle the conflict in the Conflicts tab"),
        "{text}"
    );
    let state = harness.state().state();
    assert_eq!(
        state.views.side_panel(),
        copydesk::app::side_panel::SidePanel::Conflicts
    );
    // Until settled, the more cautious status.
    assert_eq!(
        project(&harness).sections[0].status,
        ReviewStatus::NeedsChanges
    );
    harness.get_by_label("Opening: 1 conflict to settle");
    harness
        .get_by_label("Keep ours for the status of section “Opening”")
        .click();
    harness.run();
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    assert!(project(&harness).conflicts.is_empty());
}
