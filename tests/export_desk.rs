//! Word drafts and exports in the desk, driven through its labels: a Word draft with tracked
//! changes says what it carried; File → Export… writes the chosen format where the dialog
//! says, off the UI thread, and the Word document reads back with the review's comments.

use copydesk::app::ScriptedFileDialogs;
use copydesk::import::import_file;
use copydesk::model::CommentOrigin;
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use crate::common::desk::{CTRL, Desk, desk, press, project};
use crate::common::{shared_file, temp_dir};

/// Steps the desk until the export has been written (or a generous while has passed).
fn wait_for_export(harness: &mut Desk) {
    for _ in 0..500 {
        if !harness.state().state().files.is_exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

#[test]
fn the_review_is_exported_as_a_word_document_from_the_file_menu() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana Reviewer"), &dialogs);
    let folder = temp_dir();
    let target = folder.path().join("sample-reviewed.docx");

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export…").click();
    harness.run();
    harness.get_by_label("Article with comments (Word)").click();
    harness.run();
    dialogs.answer_next(Some(target.clone()));
    harness.get_by_label("Export…").click();
    harness.run();
    wait_for_export(&mut harness);

    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(!notice.is_error, "{}", notice.text);
    assert!(
        notice.text.contains("sample-reviewed.docx"),
        "{}",
        notice.text
    );
    let sample = project(&harness);
    let back = import_file(&target, Timestamp::now()).unwrap();
    let placed = sample.comments.len() + sample.claims.len();
    assert_eq!(back.comments.len(), placed);
    for claim in &sample.claims {
        assert!(
            back.comments.iter().any(|c| c
                .passage
                .as_ref()
                .is_some_and(|p| p.quote == claim.passage.quote)),
            "{}",
            claim.passage.quote
        );
    }
    // Exporting does not change the review.
    assert!(!harness.state().state().is_dirty());
}

#[test]
fn the_export_dialog_remembers_the_format_and_cancel_writes_nothing() {
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana Reviewer"), &dialogs);
    let folder = temp_dir();
    let page = folder.path().join("review.html");

    press(&mut harness, CTRL, Key::E);
    harness
        .get_by_label("Annotated article (web page, for the writer)")
        .click();
    harness.run();
    dialogs.answer_next(Some(page.clone()));
    harness.get_by_label("Export…").click();
    harness.run();
    wait_for_export(&mut harness);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<mark"), "{html}");

    // Next time the annotated article is offered first; a cancelled dialog writes nothing.
    press(&mut harness, CTRL, Key::E);
    assert!(harness.state().state().dialogs.modal().is_some());
    dialogs.answer_next(None);
    harness.get_by_label("Export…").click();
    harness.run();
    wait_for_export(&mut harness);
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    // The dialog offers the chosen format under a name made from the draft's.
    let asked = format!("{:?}", dialogs.asked().last().unwrap());
    assert!(asked.contains("AnnotatedHtml"), "{asked}");
    assert!(asked.contains("sample-article-annotated.html"), "{asked}");
}

#[test]
fn a_word_draft_with_tracked_changes_says_what_it_carried() {
    let Some(docx) = shared_file("corpus/docx/track_changes_move.docx") else {
        return;
    };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(None, Some("Ana Reviewer"), &dialogs);
    dialogs.answer_next(Some(docx));
    press(&mut harness, CTRL, Key::I);
    harness.run();

    let notice = harness.state().state().dialogs.notice().cloned().unwrap();
    assert!(!notice.is_error, "{}", notice.text);
    assert!(
        notice.text.contains(
            "2 tracked changes were pending (Jesse Rosenthal: 1 insertion and 1 deletion)"
        ),
        "{}",
        notice.text
    );
    let imported = project(&harness);
    assert_eq!(
        imported
            .comments
            .iter()
            .filter(|c| c.origin == Some(CommentOrigin::TrackedInsertion))
            .count(),
        1
    );
    // The cards say where those comments came from.
    harness
        .get_all_by_label("From the draft's file: tracked insertion")
        .next()
        .unwrap();
}
