//! The desk, driven through its accessible labels as a reviewer would use it: statuses,
//! comments and claims from the mouse and the keyboard, and the publishing gate.

mod cards;
mod files;
mod find;
mod web_address;

use std::path::Path;

use copydesk::app::{DialogPurpose, ScriptedFileDialogs};
use copydesk::model::{ClaimStatus, MarkId, ReviewStatus};
use copydesk::project_file::load_project;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{
    ALT, CTRL, CTRL_ALT, CTRL_SHIFT, answer_name, click_passage, desk, drag_select, press, project,
    section_id, type_into,
};
use crate::common::{SEED_HEADINGS, seed_article, temp_dir};

#[test]
fn a_reviewer_reviews_the_seed_saves_and_finds_everything_as_left() {
    let Some(seed) = seed_article() else { return };
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), None, &dialogs);

    // First start: the desk asks who is reviewing, once.
    answer_name(&mut harness, "Ana Reviewer");
    assert_eq!(harness.state().state().prefs.reviewer_name, "Ana Reviewer");
    assert!(harness.state().state().dialogs.modal().is_none());

    // The outline lists the seven sections.
    assert_eq!(project(&harness).sections.len(), 7);
    harness.get_by_label("Go to Opening");
    for heading in SEED_HEADINGS {
        harness.get_by_label(&format!("Go to {heading}"));
    }

    // Statuses, by mouse and by keyboard.
    harness.get_by_label("Opening: In review").click();
    harness.run();
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::InReview);
    press(&mut harness, ALT, Key::ArrowDown);
    assert_eq!(
        harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned(),
        Some(section_id(&harness, 1))
    );
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[1].status, ReviewStatus::Approved);
    press(&mut harness, ALT, Key::ArrowUp);

    // Comment on a passage with the button beside the selection.
    harness.get_by_label("Go to Opening").click();
    harness.run();
    drag_select(&mut harness, "more than 4,000");
    harness.get_by_label("Comment").click();
    harness.run();
    let comment = project(&harness).comments.last().unwrap().clone();
    assert_eq!(comment.passage.as_ref().unwrap().quote, "more than 4,000");
    assert_eq!(comment.author, "Ana Reviewer");
    harness
        .get_by_label("Comment on “more than 4,000”")
        .type_text("Which facilities? Cite the figure.");
    harness.run();
    assert_eq!(
        project(&harness).comments.last().unwrap().body,
        "Which facilities? Cite the figure."
    );

    // Flag the same figure as a claim, with the keyboard.
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::F);
    let claim = project(&harness).claims.last().unwrap().clone();
    assert_eq!(claim.passage.quote, "more than 4,000");
    assert_eq!(claim.status, ClaimStatus::NeedsSource);
    assert_eq!(claim.author, "Ana Reviewer");
    // Flagged inside a suggested sentence, the claim takes that sentence's kinds.
    assert!(claim.kinds.contains(&copydesk::model::CheckKind::Figure));
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        Some(MarkId::Claim(claim.id.clone()))
    );

    // Undo and redo, whatever the kind of change.
    press(&mut harness, CTRL, Key::Z);
    assert!(project(&harness).claims.is_empty());
    press(&mut harness, CTRL_SHIFT, Key::Z);
    assert_eq!(project(&harness).claims, std::slice::from_ref(&claim));

    // Work the claim in its card: status and a source.
    harness
        .get_by_label("Claim status “more than 4,000”")
        .click();
    harness.run();
    harness.get_by_label("In progress").click();
    harness.run();
    assert_eq!(project(&harness).claims[0].status, ClaimStatus::InProgress);
    harness
        .get_by_label("Add source to claim “more than 4,000”")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "Source 1 URL for claim “more than 4,000”",
        "https://example.org/centcom-statement",
    );
    assert_eq!(
        project(&harness).claims[0].sources[0].url,
        "https://example.org/centcom-statement"
    );

    // Save (the dialog answers with a path), then reopen: everything is as left.
    let dir = temp_dir();
    let saved = dir.path().join("seed.copydesk.ron");
    dialogs.answer_next(Some(dir.path().join("seed")));
    press(&mut harness, CTRL, Key::S);
    assert!(matches!(
        dialogs.asked().last(),
        Some(DialogPurpose::SaveProject { suggested }) if suggested.ends_with("seed-article.copydesk.ron")
    ));
    assert!(saved.exists(), "saving adds the project extension");
    let review = harness.state().state().review.as_ref().unwrap();
    assert!(!review.document().is_dirty());
    assert_eq!(review.path(), Some(saved.as_path()));
    let left = project(&harness).clone();
    assert_eq!(load_project(&saved).unwrap(), left);

    let reopened = desk(
        Some(saved),
        Some("Ana Reviewer"),
        &ScriptedFileDialogs::default(),
    );
    assert_eq!(project(&reopened), &left);
    assert!(
        !reopened
            .state()
            .state()
            .review
            .as_ref()
            .unwrap()
            .document()
            .is_dirty()
    );
}

#[test]
fn comments_on_a_section_take_replies_and_resolve() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    harness.get_by_label("Go to Costs and Funding").click();
    harness.run();
    let before = project(&harness).comments.len();
    harness
        .get_by_label("Comment on section: Costs and Funding")
        .click();
    harness.run();
    assert_eq!(project(&harness).comments.len(), before + 1);
    let comment = project(&harness).comments.last().unwrap().clone();
    assert!(comment.passage.is_none());
    assert_eq!(comment.author, "Bo");

    // The sample already has a section comment here; the new one is the second card.
    let fields = harness.get_all_by_label("Comment on the section").count();
    assert_eq!(fields, 2);
    harness
        .get_all_by_label("Reply to comment on the section")
        .last()
        .unwrap()
        .focus();
    harness.run();
    harness
        .get_all_by_label("Reply to comment on the section")
        .last()
        .unwrap()
        .type_text("Agreed, cutting it.");
    harness.run();
    harness
        .get_all_by_label("Send reply to comment on the section")
        .last()
        .unwrap()
        .click();
    harness.run();
    let thread = project(&harness).comments.last().unwrap().clone();
    assert_eq!(thread.replies.len(), 1);
    assert_eq!(thread.replies[0].body, "Agreed, cutting it.");
    assert_eq!(thread.replies[0].author, "Bo");

    harness
        .get_all_by_label("Resolve comment on the section")
        .last()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        project(&harness)
            .comments
            .last()
            .unwrap()
            .resolved
            .as_ref()
            .map(|r| r.by.as_str()),
        Some("Bo")
    );
    harness
        .get_by_label("Reopen comment on the section")
        .click();
    harness.run();
    assert!(project(&harness).comments.last().unwrap().is_open());
}

#[test]
fn alt_shortcuts_leave_a_text_field_alone() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let before = project(&harness).sections[0].status;
    type_into(
        &mut harness,
        "Comment on “Officials described it as the most ambi…”",
        " Or",
    );
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[0].status, before);
    assert!(project(&harness).comments[0].body.ends_with(" Or"));
    // Outside the field, the same keys set the status.
    harness.event(Event::Key {
        key: Key::Escape,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("Go to Opening").click();
    harness.run();
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
}

#[test]
fn the_publishing_gate_opens_once_the_desk_has_dealt_with_everything() {
    let Some(seed) = seed_article() else { return };
    let dir = temp_dir();
    let saved = dir.path().join("seed.copydesk.ron");
    let dialogs = ScriptedFileDialogs::default();
    let mut harness = desk(Some(seed), Some("Ana"), &dialogs);
    let check = |path: &Path| {
        crate::common::copydesk()
            .arg("check")
            .arg(path)
            .output()
            .unwrap()
            .status
            .code()
    };

    // Flag the central figure, comment on it, save: the gate stays shut.
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::F);
    drag_select(&mut harness, "more than 4,000");
    press(&mut harness, CTRL_ALT, Key::M);
    type_into(&mut harness, "Comment on “more than 4,000”", "Source?");
    dialogs.answer_next(Some(saved.clone()));
    press(&mut harness, CTRL, Key::S);
    assert_eq!(check(&saved), Some(1));

    // Review every section from the keyboard: approve, next, approve, …
    harness.get_by_label("Go to Opening").click();
    harness.run();
    for _ in 0..7 {
        press(&mut harness, ALT, Key::Num4);
        press(&mut harness, ALT, Key::ArrowDown);
    }
    let project_now = project(&harness);
    assert!(
        project_now
            .sections
            .iter()
            .all(|s| s.status == ReviewStatus::Approved)
    );

    // Resolve the comment and verify the claim, with the mouse.
    harness.get_by_label("Go to Opening").click();
    harness.run();
    harness
        .get_by_label("Resolve comment on “more than 4,000”")
        .click();
    harness.run();
    harness
        .get_by_label("Claim status “more than 4,000”")
        .click();
    harness.run();
    harness.get_by_label("Verified").click();
    harness.run();
    press(&mut harness, CTRL, Key::S);
    assert!(!harness.state().state().is_dirty());
    assert_eq!(check(&saved), Some(0), "{}", saved.display());
}

#[test]
fn highlights_and_cards_lead_to_each_other() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let claim = project(&harness)
        .claims
        .iter()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap()
        .clone();
    // A click on the highlight selects the claim's card.
    click_passage(&mut harness, "€14.6 million");
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        Some(MarkId::Claim(claim.id))
    );
    // From a card in another section, its title leads back to its passage there.
    let comment = project(&harness)
        .comments
        .iter()
        .find(|c| {
            c.passage
                .as_ref()
                .is_some_and(|p| p.quote == "Experts note")
        })
        .unwrap()
        .clone();
    harness.get_by_label("Go to Why the East Side").click();
    harness.run();
    harness
        .get_all_by_label("💬 Comment")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().state().navigation.selected_mark().cloned(),
        Some(MarkId::Comment(comment.id.clone()))
    );
    assert_eq!(
        harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned(),
        Some(comment.section.clone())
    );
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(&comment.section, comment.passage.unwrap().start)
            .is_some(),
        "the passage is on screen"
    );
}
