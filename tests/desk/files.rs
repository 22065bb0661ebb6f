//! The desk and the files it opens and saves: opening from the dialog, recent files and a
//! dropped file, broken files, the title bar, and asking before unsaved changes are lost.

use copydesk::app::{DialogPurpose, ScriptedFileDialogs};
use copydesk::model::ReviewStatus;
use copydesk::project_file::load_project;
use egui::Key;
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{CTRL, CTRL_SHIFT, answer_name, desk, drop_file, press, project, settle};
use crate::common::{seed_article, temp_dir, write};

#[test]
fn a_broken_file_leaves_the_open_review_and_the_file_untouched() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    let contents = "(format: \"copydesk-project\", version: 1, title: \"x\", sections: [";
    write(&broken, contents);
    let before = project(&harness).clone();
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    drop_file(&mut harness, &broken);
    // The open review has unsaved changes: the desk asks first.
    harness.get_by_label("Don't save").click();
    harness.run();
    settle(&mut harness);
    let state = harness.state().state();
    let notice = state.dialogs.notice().expect("an error is shown");
    assert!(notice.is_error);
    assert!(
        notice.text.contains("broken.copydesk.ron:1:"),
        "{}",
        notice.text
    );
    assert_eq!(project(&harness).sections[1..], before.sections[1..]);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), contents);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().state().dialogs.quit_confirmed());
    assert!(harness.state().state().is_dirty());

    // Quitting from the keyboard asks too; saving first saves, then quits.
    let dir = temp_dir();
    dialogs.answer_next(Some(dir.path().join("sample.copydesk.ron")));
    press(&mut harness, CTRL, Key::Q);
    harness.get_by_label("Save").click();
    harness.run();
    settle(&mut harness);
    assert!(harness.state().state().dialogs.quit_confirmed());
    let saved = load_project(&dir.path().join("sample.copydesk.ron")).unwrap();
    assert_eq!(saved.sections[0].status, ReviewStatus::Approved);
}

#[test]
fn the_bundled_sample_opens_with_marks_when_no_file_is_given() {
    let harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let project = project(&harness);
    assert_eq!(project.title, "Riverton Doubles Its Bike-Share Network");
    assert!(!project.claims.is_empty() && !project.comments.is_empty());
    harness.get_by_label("Go to Why the East Side");
    harness.get_by_label("Text of Opening");
}

#[test]
fn dropping_an_article_imports_it() {
    let Some(seed) = seed_article() else { return };
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    // The untouched sample has nothing to lose: no question asked.
    drop_file(&mut harness, &seed);
    assert!(harness.state().state().dialogs.modal().is_none());
    assert_eq!(project(&harness).sections.len(), 7);
    assert_eq!(project(&harness).draft.file_name, "seed-article.txt");
}

#[test]
fn a_save_dialog_never_saves_a_review_other_than_the_one_it_was_opened_for() {
    let Some(seed) = seed_article() else { return };
    let dialogs = ScriptedFileDialogs::held();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    let dir = temp_dir();
    let target = dir.path().join("sample.copydesk.ron");
    dialogs.answer_next(Some(target.clone()));
    // Save as… is asked for the sample; before its answer comes back, the seed is dropped in.
    press(&mut harness, CTRL_SHIFT, Key::S);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::SaveProject { suggested }) if suggested.ends_with("sample-article.copydesk.ron")
    ));
    drop_file(&mut harness, &seed);
    dialogs.release();
    harness.run();
    assert_eq!(project(&harness).draft.file_name, "seed-article.txt");
    assert!(
        !target.exists(),
        "the seed must not be saved under the sample's name"
    );
    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(
        notice.is_error && notice.text.contains("nothing was saved"),
        "{}",
        notice.text
    );
}

#[test]
fn the_title_bar_names_the_file_and_tells_unsaved_changes() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);
    assert_eq!(
        harness.state().window_title(),
        "sample-article.md (not saved yet) — copydesk"
    );
    let dir = temp_dir();
    dialogs.answer_next(Some(dir.path().join("riverton.copydesk.ron")));
    press(&mut harness, CTRL, Key::S);
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron — copydesk"
    );
    harness.get_by_label("Opening: Approved").click();
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron (unsaved changes) — copydesk"
    );
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(
        harness.state().window_title(),
        "riverton.copydesk.ron — copydesk"
    );
}

#[test]
fn projects_open_from_the_dialog_and_from_recent_files() {
    let dir = temp_dir();
    let first = dir.path().join("first.copydesk.ron");
    let second = dir.path().join("second.md");
    copydesk::storage::SaveRequest::new(
        &copydesk::sample::sample_project(jiff::Timestamp::now()).unwrap(),
        &first,
    )
    .save()
    .unwrap();
    write(&second, "# Second\n\nA short draft.\n");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Bo"), &dialogs);

    dialogs.answer_next(Some(first.clone()));
    press(&mut harness, CTRL, Key::O);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::OpenProject)
    ));
    let review = harness.state().state().review.as_ref().unwrap();
    assert_eq!(review.path(), Some(first.as_path()));

    dialogs.answer_next(Some(second));
    press(&mut harness, CTRL, Key::I);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::ImportArticle)
    ));
    assert_eq!(project(&harness).title, "Second");

    // Both are now recent files; File → Open recent brings the first back.
    let recent = &harness.state().state().prefs.recent_files;
    assert_eq!(recent.len(), 2);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").hover();
    harness.run();
    harness.get_by_label("first.copydesk.ron").click();
    harness.run();
    settle(&mut harness);
    assert_eq!(
        project(&harness).title,
        "Riverton Doubles Its Bike-Share Network"
    );
}

#[test]
fn a_file_that_cannot_be_opened_at_start_is_still_reported_after_the_name_is_given() {
    let dir = temp_dir();
    let broken = dir.path().join("broken.copydesk.ron");
    write(
        &broken,
        "(format: \"copydesk-project\", version: 1, title: \"x\", sections: [",
    );
    let mut harness = desk(Some(broken), None, &ScriptedFileDialogs::default());
    answer_name(&mut harness, "Dana");
    let notice = harness
        .state()
        .state()
        .dialogs
        .notice()
        .cloned()
        .expect("still shown");
    assert!(notice.is_error);
    assert!(
        notice.text.contains("broken.copydesk.ron:1:"),
        "{}",
        notice.text
    );
}
