//! A revised draft that adds a section, in the desk: each highlight stays with its own
//! section's text (the added section shows none, a later section's highlight still selects
//! that section's comment).

use std::path::PathBuf;

use copydesk::app::ScriptedFileDialogs;
use copydesk::model::{Comment, MarkId};
use egui::Key;

use crate::common::desk::{CTRL_SHIFT, Desk, desk, press, project};
use crate::common::{temp_dir, write};
use copydesk::model::Reviewer;

/// A saved review of `names` (one section each), with a comment on the first word of every
/// section; returns its path.
fn review_with_a_comment_per_section(folder: &std::path::Path, names: &[&str]) -> PathBuf {
    let draft = folder.join("draft.md");
    write(&draft, markdown_draft(names));
    let mut project = copydesk::import::import_bytes(
        &draft,
        markdown_draft(names).as_bytes(),
        copydesk::model::DraftFormat::Markdown,
        jiff::Timestamp::now(),
    )
    .unwrap();
    for index in 0..project.sections.len() {
        let section = &project.sections[index];
        let passage = copydesk::model::Passage::from_section_text(&section.text, 0..5).unwrap();
        let comment = Comment::new(
            section.id.clone(),
            Some(passage),
            &Reviewer::named("Ana"),
            jiff::Timestamp::now(),
        );
        copydesk::edit::Edit::add_comment(comment)
            .apply(&mut project)
            .unwrap();
    }
    let path = folder.join("review.copydesk.ron");
    copydesk::storage::SaveRequest::new(&project, &path)
        .save()
        .unwrap();
    path
}

fn markdown_draft(names: &[&str]) -> String {
    let mut text = String::from("# Highlights\n\n");
    for name in names {
        text.push_str(&format!(
            "## {name}\n\nWords of {name}: the council met on Tuesday and voted to widen it.\n\n"
        ));
    }
    text
}

/// Clicks the third character of the section headed `heading`, as a person clicks a
/// highlight.
fn click_start_of(harness: &mut Desk, heading: &str) {
    let section = project(harness)
        .sections
        .iter()
        .find(|s| s.title() == heading)
        .unwrap()
        .id
        .clone();
    let pos = harness
        .state()
        .article_view()
        .char_screen_pos(&section, 2)
        .expect("section on screen");
    for pressed in [true, false] {
        harness.event(egui::Event::PointerMoved(pos));
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

/// The comment on the section headed `heading`.
fn comment_of(harness: &Desk, heading: &str) -> copydesk::model::CommentId {
    let project = project(harness);
    let section = project
        .sections
        .iter()
        .find(|s| s.title() == heading)
        .unwrap();
    project
        .comments
        .iter()
        .find(|c| c.section == section.id)
        .unwrap()
        .id
        .clone()
}

#[test]
fn highlights_stay_with_their_sections_when_a_revised_draft_adds_one() {
    let folder = temp_dir();
    let review = review_with_a_comment_per_section(folder.path(), &["Alpha", "Beta", "Gamma"]);
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(review), Some("Ana"), &dialogs);
    // Suggestions hidden (F7): only the marks are highlighted.
    press(&mut harness, egui::Modifiers::NONE, Key::F7);
    assert!(!harness.state().state().prefs.show_suggestions);

    // The writer adds a section before Beta; nothing else changes.
    let revised = folder.path().join("draft-2.md");
    write(
        &revised,
        markdown_draft(&["Alpha", "Added", "Beta", "Gamma"]),
    );
    dialogs.answer_next(Some(revised));
    press(&mut harness, CTRL_SHIFT, Key::I);
    assert_eq!(project(&harness).draft.number, 2);
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        None
    );

    // The added section has no highlight, and Gamma's is still on Gamma.
    click_start_of(&mut harness, "Added");
    assert_ne!(
        harness.state().state().navigation.selected_mark().cloned(),
        Some(MarkId::Comment(comment_of(&harness, "Beta"))),
        "the added section shows Beta's highlight"
    );
    click_start_of(&mut harness, "Gamma");
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        Some(MarkId::Comment(comment_of(&harness, "Gamma")))
    );
}
