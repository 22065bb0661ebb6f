//! The desk without a mouse: a caret in the article's text (placed by a click or by going to a
//! passage) that the arrow keys move and Shift extends into a selection, Ctrl+G to go to a
//! section by part of its heading, and a whole small review done from the keyboard. The
//! accessibility tree is walked in `accessibility`.

mod accessibility;

use copydesk::app::ScriptedFileDialogs;
use copydesk::model::{ReviewStatus, SectionId};
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::desk::{
    ALT, CTRL, CTRL_ALT, CTRL_SHIFT, Desk, click_passage, desk, press, project, section_id,
};
use crate::common::passage_of;

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Where the caret is: its section and character offset.
fn caret(harness: &Desk) -> Option<(SectionId, usize)> {
    harness
        .state()
        .state()
        .navigation
        .caret()
        .map(|caret| (caret.section.clone(), caret.offset))
}

fn caret_offset(harness: &Desk) -> usize {
    caret(harness).expect("a caret in the text").1
}

/// The text selected, as the reviewer sees it.
fn selected_text(harness: &Desk) -> Option<String> {
    let selection = harness
        .state()
        .state()
        .navigation
        .text_selection()
        .cloned()?;
    let section = project(harness).section(&selection.section)?;
    Some(copydesk::text::slice_chars(&section.text, selection.range).to_owned())
}

fn current_section(harness: &Desk) -> Option<SectionId> {
    harness
        .state()
        .state()
        .navigation
        .current_section()
        .cloned()
}

/// Types into whatever has the keyboard, as a person would.
fn type_text(harness: &mut Desk, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run();
}

fn press_times(harness: &mut Desk, modifiers: Modifiers, key: Key, times: usize) {
    for _ in 0..times {
        press(harness, modifiers, key);
    }
}

/// Ctrl+G, part of a heading, Enter.
fn go_to_heading(harness: &mut Desk, part: &str) {
    press(harness, CTRL, Key::G);
    type_text(harness, part);
    press(harness, NONE, Key::Enter);
}

/// Moves the caret word by word (Ctrl+→, then Ctrl+← back) to the start of `word`.
fn caret_to_start_of(harness: &mut Desk, word: &str) {
    let (_, passage) = passage_of(project(harness), word);
    for _ in 0..40 {
        if caret_offset(harness) > passage.start {
            break;
        }
        press(harness, CTRL, Key::ArrowRight);
    }
    press(harness, CTRL, Key::ArrowLeft);
    assert_eq!(
        caret_offset(harness),
        passage.start,
        "at the start of {word}"
    );
}

/// Where a character of a section's text is on screen.
fn screen_pos(harness: &Desk, section: &SectionId, offset: usize) -> egui::Pos2 {
    harness
        .state()
        .article_view()
        .char_screen_pos(section, offset)
        .expect("on screen")
}

#[test]
fn a_review_is_done_from_the_keyboard() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    let costs = section_id(&harness, 2);

    // Go to a section by part of its heading: the caret waits at its start.
    go_to_heading(&mut harness, "fund");
    assert_eq!(harness.state().state().dialogs.modal(), None);
    assert_eq!(current_section(&harness), Some(costs.clone()));
    assert_eq!(caret(&harness), Some((costs.clone(), 0)));

    // Select two words with Shift+Ctrl+→ and comment on them.
    press_times(&mut harness, CTRL_SHIFT, Key::ArrowRight, 2);
    assert_eq!(selected_text(&harness).as_deref(), Some("The authority"));
    press(&mut harness, CTRL_ALT, Key::M);
    type_text(&mut harness, "Which authority? Name it.");
    press(&mut harness, NONE, Key::Escape);
    let comment = project(&harness).comments.last().unwrap().clone();
    assert_eq!(comment.passage.unwrap().quote, "The authority");
    assert_eq!(comment.body, "Which authority? Name it.");
    assert_eq!(comment.author, "Ana");

    // On by word to “running costs”, selected with Shift+arrows and flagged as a claim.
    caret_to_start_of(&mut harness, "running");
    press_times(&mut harness, CTRL_SHIFT, Key::ArrowRight, 2);
    // One character too many, taken back.
    press(&mut harness, SHIFT, Key::ArrowRight);
    press(&mut harness, SHIFT, Key::ArrowLeft);
    assert_eq!(selected_text(&harness).as_deref(), Some("running costs"));
    press(&mut harness, CTRL_ALT, Key::F);
    press(&mut harness, NONE, Key::Escape);
    let claim = project(&harness).claims.last().unwrap().clone();
    assert_eq!(claim.passage.quote, "running costs");
    assert_eq!(claim.section, costs);

    // The section's status, then the next one's.
    press(&mut harness, ALT, Key::Num3);
    assert_eq!(
        project(&harness).sections[2].status,
        ReviewStatus::NeedsChanges
    );
    press(&mut harness, ALT, Key::ArrowDown);
    let riders = section_id(&harness, 3);
    assert_eq!(caret(&harness), Some((riders, 0)));
    press(&mut harness, ALT, Key::Num4);
    assert_eq!(project(&harness).sections[3].status, ReviewStatus::Approved);

    // Going to a claim puts the caret at its passage: Shift+End selects from there.
    press(&mut harness, NONE, Key::F8);
    let selected = harness.state().state().navigation.selected_mark().cloned();
    let Some(copydesk::model::MarkId::Claim(id)) = selected else {
        panic!("F8 selects a claim");
    };
    let went_to = project(&harness).claim(&id).unwrap().clone();
    assert_eq!(
        caret(&harness),
        Some((went_to.section.clone(), went_to.passage.start))
    );
    press(&mut harness, CTRL_SHIFT, Key::ArrowRight);
    let words = selected_text(&harness).unwrap();
    assert!(
        went_to.passage.quote.starts_with(&words),
        "{words:?} starts {:?}",
        went_to.passage.quote
    );
    press(&mut harness, CTRL_ALT, Key::M);
    type_text(&mut harness, "Source?");
    press(&mut harness, NONE, Key::Escape);
    assert_eq!(
        project(&harness)
            .comments
            .last()
            .unwrap()
            .passage
            .as_ref()
            .unwrap()
            .quote,
        words
    );
}

#[test]
fn a_click_places_the_caret_and_shift_arrows_extend_a_selection_from_it() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    let quote = "compared with 28% citywide";
    let (section, passage) = passage_of(project(&harness), quote);
    click_passage(&mut harness, quote);
    let (at_section, at) = caret(&harness).expect("the click placed the caret");
    assert_eq!(at_section, section);
    assert!(
        passage.start < at && at < passage.end,
        "{at} in {passage:?}"
    );
    assert_eq!(selected_text(&harness), None);

    press_times(&mut harness, SHIFT, Key::ArrowRight, 3);
    let selection = harness.state().state().navigation.text_selection().cloned();
    assert_eq!(selection.map(|s| s.range), Some(at..at + 3));
    assert_eq!(caret_offset(&harness), at + 3);
    // Back past where it started: the selection turns around its anchor.
    press_times(&mut harness, SHIFT, Key::ArrowLeft, 5);
    let selection = harness.state().state().navigation.text_selection().cloned();
    assert_eq!(selection.map(|s| s.range), Some(at - 2..at));
    assert_eq!(caret_offset(&harness), at - 2);
    // A plain arrow ends the selection at its start.
    press(&mut harness, NONE, Key::ArrowLeft);
    assert_eq!(selected_text(&harness), None);
    assert_eq!(caret_offset(&harness), at - 2);
    press(&mut harness, NONE, Key::ArrowRight);
    assert_eq!(caret_offset(&harness), at - 1);

    // A screen reader is told where the caret is: the text's node carries the selection.
    let text = harness.get_by_label("Text of Why the East Side");
    assert!(text.accesskit_node().data().text_selection().is_some());
}

#[test]
fn a_selection_grows_across_paragraphs_and_stops_at_the_section_end() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    let east = section_id(&harness, 1);
    let text = project(&harness).sections[1].text.clone();
    let length = text.chars().count();
    go_to_heading(&mut harness, "east");
    assert_eq!(caret(&harness), Some((east.clone(), 0)));

    press(&mut harness, SHIFT, Key::ArrowDown);
    let first_line = selected_text(&harness).unwrap();
    assert!(!first_line.contains('\n'), "one line: {first_line:?}");
    for _ in 0..4 {
        press(&mut harness, SHIFT, Key::ArrowDown);
    }
    let selected = selected_text(&harness).unwrap();
    assert!(selected.contains('\n'), "into the next paragraph");
    assert!(selected.starts_with(&first_line));
    // A comment on a passage across paragraphs.
    press(&mut harness, CTRL_ALT, Key::M);
    type_text(&mut harness, "Source?");
    press(&mut harness, NONE, Key::Escape);
    let comment = project(&harness).comments.last().unwrap().clone();
    assert!(comment.passage.unwrap().quote.contains('\n'));

    // Shift never takes the selection out of its section.
    press(&mut harness, CTRL, Key::Home);
    assert_eq!(caret(&harness), Some((east.clone(), 0)));
    press(&mut harness, CTRL_SHIFT, Key::End);
    assert_eq!(selected_text(&harness), Some(text.clone()));
    press_times(&mut harness, SHIFT, Key::ArrowDown, 2);
    press(&mut harness, SHIFT, Key::ArrowRight);
    assert_eq!(selected_text(&harness), Some(text));
    assert_eq!(caret(&harness), Some((east.clone(), length)));

    // Without Shift, the caret goes on into the next section, and back.
    press(&mut harness, NONE, Key::ArrowDown);
    let costs = section_id(&harness, 2);
    assert_eq!(caret(&harness).map(|c| c.0), Some(costs.clone()));
    assert_eq!(selected_text(&harness), None);
    assert_eq!(current_section(&harness), Some(costs));
    press(&mut harness, NONE, Key::ArrowUp);
    assert_eq!(caret(&harness).map(|c| c.0), Some(east.clone()));
    press(&mut harness, NONE, Key::Home);
    press(&mut harness, NONE, Key::ArrowLeft);
    press(&mut harness, NONE, Key::ArrowRight);
    assert_eq!(caret(&harness).map(|c| c.0), Some(east));
}

#[test]
fn up_and_down_move_by_line_and_home_and_end_to_its_ends() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    let opening = section_id(&harness, 0);
    go_to_heading(&mut harness, "open");
    assert_eq!(caret(&harness), Some((opening.clone(), 0)));
    let first_row = screen_pos(&harness, &opening, 0);

    press(&mut harness, NONE, Key::End);
    let end = caret_offset(&harness);
    let paragraph = project(&harness).sections[0].paragraphs().next().unwrap();
    assert!(
        0 < end && end < paragraph.chars().count(),
        "the paragraph wraps"
    );
    assert_eq!(screen_pos(&harness, &opening, end).y, first_row.y);

    press(&mut harness, NONE, Key::ArrowDown);
    let below = caret_offset(&harness);
    assert!(below > end);
    let second_row = screen_pos(&harness, &opening, below).y;
    assert!(second_row > first_row.y);
    press(&mut harness, NONE, Key::Home);
    // The start of the second line: just after the space the first one wrapped at.
    let start = caret_offset(&harness);
    assert_eq!(start, end + 1);
    assert_eq!(screen_pos(&harness, &opening, start + 1).y, second_row);
    press(&mut harness, NONE, Key::ArrowUp);
    assert_eq!(caret_offset(&harness), 0);
}

#[test]
fn ctrl_g_lists_the_sections_whose_heading_has_what_is_typed() {
    let mut harness = desk(None, Some("Ana"), &ScriptedFileDialogs::default());
    press(&mut harness, CTRL, Key::G);
    harness.get_by_label("Go to section");
    // Every section is listed until something is typed.
    for index in 0..4 {
        let title = project(&harness).sections[index].title().to_owned();
        harness.get_by_label(&format!("Section: {title}"));
    }
    type_text(&mut harness, "ST");
    // “Why the East Side”, “Costs and Funding”: case does not matter.
    assert!(harness.query_by_label("Section: Opening").is_none());
    harness.get_by_label("Section: Why the East Side");
    harness.get_by_label("Section: Costs and Funding");
    assert!(
        harness
            .query_by_label("Section: What Riders Can Expect")
            .is_none()
    );
    // ↓ picks the second, Enter goes there.
    press(&mut harness, NONE, Key::ArrowDown);
    press(&mut harness, NONE, Key::Enter);
    assert_eq!(current_section(&harness), Some(section_id(&harness, 2)));

    // Nothing matches: said so; Escape goes nowhere.
    press(&mut harness, CTRL, Key::G);
    type_text(&mut harness, "tram");
    harness.get_by_label("No section heading contains “tram”.");
    press(&mut harness, NONE, Key::Escape);
    assert_eq!(harness.state().state().dialogs.modal(), None);
    assert_eq!(current_section(&harness), Some(section_id(&harness, 2)));

    // A match can be clicked, and the command is in the menu with its shortcut.
    press(&mut harness, CTRL, Key::G);
    harness
        .get_by_label("Section: What Riders Can Expect")
        .click();
    harness.run();
    assert_eq!(current_section(&harness), Some(section_id(&harness, 3)));
    press(&mut harness, NONE, Key::F1);
    harness.get_by_label("Go to section…");
}
