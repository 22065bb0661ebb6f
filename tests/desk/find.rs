//! Find (Ctrl+F) and Ctrl+Y, driven as a reviewer would: a query typed key by key in the find
//! bar, its matches counted and stepped through the text, a claim's note and a reply; match
//! case and whole word; Esc; a match commented on.

use copydesk::app::ScriptedFileDialogs;
use copydesk::model::{MarkId, ReviewStatus};
use copydesk::query::FindPlace;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use crate::common::desk::{ALT, CTRL, CTRL_ALT, Desk, desk, press, project, section_id, type_into};
use crate::common::passage_of;

/// Types into the find bar one key at a time, as a person would.
fn type_query(harness: &mut Desk, text: &str) {
    for character in text.chars() {
        harness
            .get_by_label("Find")
            .type_text(&character.to_string());
        harness.run();
    }
}

/// "3 of 17": the current match's number (from 1) and the count.
fn position(harness: &Desk) -> (Option<usize>, usize) {
    let find = &harness.state().state().find;
    (find.current().map(|n| n + 1), find.count())
}

fn current_place(harness: &Desk) -> FindPlace {
    let find = &harness.state().state().find;
    find.current_match().expect("a current match").place
}

fn selected_mark(harness: &Desk) -> Option<MarkId> {
    harness.state().state().navigation.selected_mark().cloned()
}

fn selected_text(harness: &Desk) -> Option<String> {
    let selection = harness.state().state().navigation.text_selection()?.clone();
    let section = project(harness).section(&selection.section)?;
    Some(copydesk::text::slice_chars(&section.text, selection.range).to_owned())
}

#[test]
fn a_query_counts_its_matches_and_steps_through_the_text_and_into_cards() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    press(&mut harness, CTRL, Key::F);
    assert!(harness.state().state().find.is_open());
    type_query(&mut harness, "authority");

    // In the text of four sections, a claim's verdict note and a reply to a comment.
    assert_eq!(position(&harness), (Some(1), 6));
    harness.get_by_label("1 of 6 · in the text");
    let opening = section_id(&harness, 0);
    assert_eq!(current_place(&harness), FindPlace::Text(opening.clone()));
    // The match is selected in the text, ready to comment on, and highlighted strongest;
    // the other match in view is highlighted too.
    assert_eq!(selected_text(&harness).as_deref(), Some("authority"));
    let view = harness.state().article_view();
    let in_opening = view.found_highlights(&opening);
    assert_eq!(in_opening.len(), 1);
    assert!(
        in_opening[0].1,
        "the current match is highlighted as current"
    );
    let in_east_side = view.found_highlights(&section_id(&harness, 1));
    assert_eq!(in_east_side.len(), 1);
    assert!(!in_east_side[0].1);

    // F3: the claim whose verdict note says it; its card opens, the selection goes.
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert_eq!(position(&harness), (Some(2), 6));
    let claim = project(&harness)
        .claims
        .iter()
        .find(|c| c.passage.quote == "€14.6 million")
        .unwrap()
        .id
        .clone();
    assert_eq!(
        current_place(&harness),
        FindPlace::VerdictNote(claim.clone())
    );
    assert_eq!(selected_mark(&harness), Some(MarkId::Claim(claim)));
    assert_eq!(selected_text(&harness), None);
    harness.get_by_label("Verdict note for claim “€14.6 million”");

    // Enter in the query: the reply to the first comment, its card open.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(position(&harness), (Some(3), 6));
    let comment = project(&harness).comments[0].id.clone();
    assert!(matches!(current_place(&harness), FindPlace::Reply { comment: c, .. } if c == comment));
    assert_eq!(selected_mark(&harness), Some(MarkId::Comment(comment)));

    // On into the next section's text, which becomes the current section.
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert_eq!(position(&harness), (Some(4), 6));
    let east_side = section_id(&harness, 1);
    assert_eq!(current_place(&harness), FindPlace::Text(east_side.clone()));
    assert_eq!(
        harness.state().state().navigation.current_section(),
        Some(&east_side)
    );
    assert_eq!(selected_text(&harness).as_deref(), Some("authority"));

    // Back with Shift+F3 and Shift+Enter; past the first, round to the last.
    press(&mut harness, Modifiers::SHIFT, Key::F3);
    assert_eq!(position(&harness), (Some(3), 6));
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(position(&harness), (Some(6), 6));
}

#[test]
fn match_case_and_whole_word_narrow_the_matches() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    press(&mut harness, CTRL, Key::F);
    type_query(&mut harness, "Cost");
    // "Costs and Funding", "to cost", "running costs", "operating costs", "still cost".
    assert_eq!(position(&harness).1, 5);

    harness.get_by_label("Match case").click();
    harness.run();
    let costs = section_id(&harness, 2);
    assert_eq!(position(&harness), (Some(1), 1));
    assert_eq!(current_place(&harness), FindPlace::Heading(costs));

    harness.get_by_label("Whole word").click();
    harness.run();
    assert_eq!(position(&harness), (None, 0));
    harness.get_by_label("No matches");

    harness.get_by_label("Match case").click();
    harness.run();
    assert_eq!(position(&harness).1, 2);
    let words: Vec<String> = (0..2)
        .map(|_| {
            press(&mut harness, Modifiers::NONE, Key::F3);
            selected_text(&harness).unwrap()
        })
        .collect();
    assert_eq!(words, ["cost", "cost"]);
}

#[test]
fn esc_closes_the_bar_and_the_match_it_left_selected_takes_a_comment() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    press(&mut harness, CTRL, Key::F);
    type_query(&mut harness, "300 metres");
    assert_eq!(position(&harness), (Some(1), 1));
    let east_side = section_id(&harness, 1);
    assert_eq!(
        harness
            .state()
            .article_view()
            .found_highlights(&east_side)
            .len(),
        1
    );

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().state().find.is_open());
    assert!(harness.query_by_label("Find").is_none(), "the bar is gone");
    assert!(
        harness
            .state()
            .article_view()
            .found_highlights(&east_side)
            .is_empty(),
        "its highlights are gone"
    );
    assert_eq!(selected_text(&harness).as_deref(), Some("300 metres"));

    press(&mut harness, CTRL_ALT, Key::M);
    let comment = project(&harness).comments.last().unwrap().clone();
    let (section, passage) = passage_of(project(&harness), "300 metres");
    assert_eq!(comment.section, section);
    assert_eq!(comment.passage, Some(passage));
    assert_eq!(comment.author, "Bo");

    // Ctrl+F again brings the query back, the bar open on it.
    press(&mut harness, CTRL, Key::F);
    assert_eq!(harness.state().state().find.query().text, "300 metres");
    assert_eq!(position(&harness).1, 1);
}

#[test]
fn ctrl_y_redoes_too() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    harness.get_by_label("Go to Opening").click();
    harness.run();
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
    press(&mut harness, CTRL, Key::Z);
    assert_ne!(project(&harness).sections[0].status, ReviewStatus::Approved);
    press(&mut harness, CTRL, Key::Y);
    assert_eq!(project(&harness).sections[0].status, ReviewStatus::Approved);
}

#[test]
fn words_typed_in_a_card_are_found_once_the_typing_pauses() {
    let mut harness = desk(None, Some("Bo"), &ScriptedFileDialogs::default());
    press(&mut harness, CTRL, Key::F);
    type_query(&mut harness, "authority");
    assert_eq!(position(&harness), (Some(1), 6));
    // Each key typed in a card is not a search of the whole review…
    type_into(
        &mut harness,
        "Comment on “Officials described it as the most ambi…”",
        " Which authority?",
    );
    assert!(
        project(&harness).comments[0]
            .body
            .ends_with("Which authority?")
    );
    assert_eq!(position(&harness).1, 6);
    // … but once the typing pauses, what was typed is found.
    std::thread::sleep(std::time::Duration::from_millis(350));
    harness.run();
    assert_eq!(position(&harness).1, 7);
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert!(matches!(current_place(&harness), FindPlace::VerdictNote(_)));
    press(&mut harness, Modifiers::NONE, Key::F3);
    assert!(matches!(current_place(&harness), FindPlace::CommentBody(_)));
}
