//! Cards in the side panel and what leads to them: a highlight opens its card whatever tab is
//! shown, a comment made and left empty is no change at all, removing a claim with sources
//! says how to get it back, and typing is undone a word at a time.

use copydesk::app::ScriptedFileDialogs;
use copydesk::app::side_panel::SidePanel;
use copydesk::model::MarkId;
use egui::{Event, Key};
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{
    CTRL, CTRL_ALT, Desk, click, click_passage, desk, drag_select, notice, press, project,
};

fn side_panel(harness: &Desk) -> SidePanel {
    harness.state().state().views.side_panel()
}

fn selected_mark(harness: &Desk) -> Option<MarkId> {
    harness.state().state().navigation.selected_mark().cloned()
}

#[test]
fn a_highlight_clicked_opens_its_card_whatever_tab_is_shown() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let claim = MarkId::Claim(
        project(&harness)
            .claims
            .iter()
            .find(|c| c.passage.quote == "€14.6 million")
            .unwrap()
            .id
            .clone(),
    );
    let comment = MarkId::Comment(project(&harness).comments[0].id.clone());

    // The suggestions list has no cards: the Section tab opens with the comment's.
    click(&mut harness, "Suggestions tab");
    click_passage(&mut harness, "Officials described it as the most ambitious");
    assert_eq!(selected_mark(&harness), Some(comment));
    assert_eq!(side_panel(&harness), SidePanel::Section);
    harness.get_by_label("Comment on “Officials described it as the most ambi…”");

    // The claims view lists the claim: its card opens in place there.
    click(&mut harness, "Claims tab");
    click_passage(&mut harness, "€14.6 million");
    assert_eq!(selected_mark(&harness), Some(claim.clone()));
    assert_eq!(side_panel(&harness), SidePanel::Claims);
    harness.get_by_label("Claim status “€14.6 million”");

    // The Revision tab shows no card of it either.
    click(&mut harness, "Section tab");
    click_passage(
        &mut harness,
        "adding 1,200 bicycles and 85 docking stations",
    );
    click(&mut harness, "Revision tab");
    click_passage(&mut harness, "€14.6 million");
    assert_eq!(selected_mark(&harness), Some(claim));
    assert_eq!(side_panel(&harness), SidePanel::Section);
    harness.get_by_label("Claim status “€14.6 million”");
}

#[test]
fn a_comment_made_and_left_empty_is_no_change_at_all() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let before = project(&harness).clone();
    drag_select(&mut harness, "the transport authority announced");
    press(&mut harness, CTRL_ALT, Key::M);
    assert_eq!(project(&harness).comments.len(), before.comments.len() + 1);
    // Clicking away, into the text.
    click_passage(&mut harness, "Riverton will double the size");
    assert!(
        project(&harness) == &before,
        "the empty comment is gone without a trace"
    );
    let review = harness.state().state().review.as_ref().unwrap();
    assert_eq!(review.document().undo_label(), None, "nothing to undo");
    assert_eq!(review.document().redo_label(), None, "nothing to redo");
    assert!(!review.document().is_dirty());

    // A comment written in stays, and so does one made with the keyboard left by Escape once
    // it has words.
    drag_select(&mut harness, "the transport authority announced");
    press(&mut harness, CTRL_ALT, Key::M);
    harness
        .get_by_label("Comment on “the transport authority announced”")
        .type_text("Which day?");
    harness.run();
    press(&mut harness, egui::Modifiers::NONE, Key::Escape);
    click_passage(&mut harness, "Riverton will double the size");
    assert_eq!(project(&harness).comments.len(), before.comments.len() + 1);
    assert_eq!(
        project(&harness).comments.last().unwrap().body,
        "Which day?"
    );
}

#[test]
fn removing_a_claim_with_sources_says_so_and_how_to_undo_it() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    let claim = project(&harness)
        .claims
        .iter()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap()
        .clone();
    assert_eq!(claim.sources.len(), 1);
    click(&mut harness, "Remove claim “€14.6 million”");
    assert!(project(&harness).claim(&claim.id).is_none());
    let (text, is_error) = notice(&harness);
    assert!(!is_error);
    assert!(text.contains("1 source"), "{text}");
    assert!(text.contains("Ctrl+Z"), "{text}");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(project(&harness).claim(&claim.id), Some(&claim));
}

/// Types into the focused field one key at a time, as a person does.
fn type_keys(harness: &mut Desk, text: &str) {
    for c in text.chars() {
        harness.event(Event::Text(c.to_string()));
        harness.step();
    }
    harness.run();
}

#[test]
fn typing_in_a_comment_is_undone_a_word_at_a_time() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    drag_select(&mut harness, "the transport authority announced");
    press(&mut harness, CTRL_ALT, Key::M);
    type_keys(&mut harness, "Which day? Name it");
    let body = |harness: &Desk| project(harness).comments.last().unwrap().body.clone();
    assert_eq!(body(&harness), "Which day? Name it");
    // Ctrl+Z in the comment box.
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(body(&harness), "Which day? Name ");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(body(&harness), "Which day? ");
    press(&mut harness, CTRL, Key::Z);
    assert_eq!(body(&harness), "Which ");
}
