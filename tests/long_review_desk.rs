//! A long review in the desk: what keeps a book smooth (layouts only near the view, the side
//! panel following the reading once scrolling pauses) must not cost correctness — every
//! section scrolled past is drawn, and the panel ends on the section being read (also when
//! words were selected before scrolling).

use std::fmt::Write as _;
use std::time::Duration;

use copydesk::app::ScriptedFileDialogs;
use copydesk::edit::Edit;
use copydesk::import::import_bytes;
use copydesk::model::{Comment, DraftFormat, Passage, SectionId};
use copydesk::storage::Safekeeping;
use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase, pos2, vec2};
use egui_kittest::kittest::Queryable as _;
use jiff::Timestamp;

use crate::common::desk::{Desk, desk_running_at_most};
use crate::common::temp_dir;
use copydesk::model::Reviewer;

const SECTIONS: usize = 300;

/// A saved review of 300 sections of four paragraphs, with a comment in every section.
fn long_review(folder: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from("A Long Review\n\n");
    for section in 0..SECTIONS {
        if section > 0 {
            let _ = writeln!(text, "Part {section} of the inquiry\n");
        }
        for paragraph in 0..4 {
            let _ = writeln!(
                text,
                "Paragraph {paragraph} of part {section}: the council said more than {} \
                 residents were moved in March, according to officials who asked not to be \
                 named, and the figure was later revised by the regional office.\n",
                section * 10 + paragraph
            );
        }
    }
    let mut project = import_bytes(
        std::path::Path::new("long.txt"),
        text.as_bytes(),
        DraftFormat::PlainText,
        Timestamp::now(),
    )
    .unwrap();
    assert_eq!(project.sections.len(), SECTIONS);
    for index in 0..SECTIONS {
        let section = &project.sections[index];
        let passage = Passage::from_section_text(&section.text, 0..9).unwrap();
        let comment = Comment::new(
            section.id.clone(),
            Some(passage),
            &Reviewer::named("Ana"),
            Timestamp::now(),
        );
        Edit::add_comment(comment).apply(&mut project).unwrap();
    }
    let path = folder.join("long.copydesk.ron");
    copydesk::storage::SaveRequest::new(&project, &path)
        .save()
        .unwrap();
    path
}

fn opened(folder: &std::path::Path) -> Desk {
    let harness = desk_running_at_most(
        Some(long_review(folder)),
        Some("Ana"),
        &ScriptedFileDialogs::default(),
        Safekeeping::in_data_dir(None),
        5_000,
    );
    assert_eq!(
        harness.state().state().project().unwrap().sections.len(),
        SECTIONS
    );
    harness
}

fn wheel(harness: &mut Desk, delta: f32) {
    harness.event(Event::PointerMoved(pos2(700.0, 450.0)));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, delta),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

/// The section whose text was drawn nearest the middle of the window in the last frame.
fn section_drawn_mid_window(harness: &Desk) -> Option<SectionId> {
    let state = harness.state();
    let project = state.state().project()?;
    project
        .sections
        .iter()
        .filter_map(|section| {
            let top = state.article_view().char_screen_pos(&section.id, 0)?;
            Some((section.id.clone(), top.y))
        })
        .filter(|(_, y)| *y <= 450.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

#[test]
fn scrolling_a_long_review_draws_every_section_and_keeps_few_layouts() {
    let dir = temp_dir();
    let mut harness = opened(dir.path());
    let sections: Vec<SectionId> = harness
        .state()
        .state()
        .project()
        .unwrap()
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut most_kept = 0;
    for _ in 0..5_000 {
        wheel(&mut harness, -300.0);
        // Every frame draws text where the reader looks: no blank gap, however fast.
        let middle = section_drawn_mid_window(&harness).expect("text drawn mid-window");
        seen.insert(middle);
        most_kept = most_kept.max(harness.state().article_view().cached_section_count());
        if harness.state().article_view().is_scrolled_to_end() {
            break;
        }
    }
    assert!(harness.state().article_view().is_scrolled_to_end());
    let last = sections.last().unwrap();
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(last, 0)
            .is_some(),
        "the last section is drawn at the end"
    );
    // Sections are a few hundred points tall and each step moves 300: every one is met.
    assert!(
        seen.len() > SECTIONS * 9 / 10,
        "{} of {SECTIONS} sections drawn",
        seen.len()
    );
    assert!(
        most_kept < 100,
        "{most_kept} sections held laid out at once (of {SECTIONS})"
    );
    // Going back to the start lays the first sections out again.
    harness.get_by_label_contains("Go to Opening").click();
    harness.run();
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(&sections[0], 0)
            .is_some(),
        "the first section is drawn again"
    );
}

#[test]
fn the_side_panel_follows_the_reading_once_scrolling_pauses() {
    let dir = temp_dir();
    let mut harness = opened(dir.path());
    let first = harness.state().state().project().unwrap().sections[0]
        .id
        .clone();
    let before = harness
        .state()
        .state()
        .navigation
        .current_section()
        .cloned();
    for _ in 0..40 {
        wheel(&mut harness, -300.0);
    }
    // While the reader flings through the book, the cards stay put.
    assert_eq!(
        harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned(),
        before
    );
    // The scroll eases out over a few frames; then, after a pause, the panel follows.
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(200));
        harness.run();
        if harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned()
            != before
        {
            break;
        }
    }
    let current = harness
        .state()
        .state()
        .navigation
        .current_section()
        .cloned()
        .unwrap();
    assert_ne!(current, first, "the panel moved on with the reading");
    let title = harness
        .state()
        .state()
        .project()
        .unwrap()
        .section(&current)
        .unwrap()
        .title()
        .to_owned();
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(&current, 0)
            .is_some(),
        "{title} is in view"
    );
    // Its cards are the ones shown: the comment on its first words.
    let cards = harness.query_all_by_label_contains("Comment on “").count();
    assert!(cards >= 1, "the cards of {title} are shown");
}

#[test]
fn a_section_chosen_just_after_scrolling_stays_chosen() {
    let dir = temp_dir();
    let mut harness = opened(dir.path());
    let before = harness
        .state()
        .state()
        .navigation
        .current_section()
        .cloned();
    wheel(&mut harness, -900.0);
    harness.run();
    // The reader, done scrolling, at once marks a section low in the window approved.
    let chosen = {
        let state = harness.state();
        let project = state.state().project().unwrap();
        project
            .sections
            .iter()
            .find(|section| {
                state
                    .article_view()
                    .char_screen_pos(&section.id, 0)
                    .is_some_and(|pos| pos.y > 650.0 && pos.y < 850.0)
            })
            .expect("a section low in the window")
            .clone()
    };
    assert_eq!(
        harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned(),
        before,
        "the panel has not followed the reading yet"
    );
    harness
        .get_by_label(&format!("{}: Approved", chosen.title()))
        .click();
    harness.run();
    // Once the scrolling has long stopped, the section chosen is still the one shown.
    std::thread::sleep(Duration::from_millis(300));
    harness.run();
    assert_eq!(
        harness.state().state().navigation.current_section(),
        Some(&chosen.id),
        "the side panel left the section the reader chose"
    );
}

#[test]
fn the_side_panel_follows_the_reading_also_after_a_click_that_selected_words() {
    let dir = temp_dir();
    let mut harness = opened(dir.path());
    let second = harness.state().state().project().unwrap().sections[1].clone();
    // A double click on a word of the second section selects it (and makes that section
    // the one shown), as a reader does before deciding not to comment after all.
    let pos = harness
        .state()
        .article_view()
        .char_screen_pos(&second.id, 14)
        .expect("the second section is on screen");
    harness.event(Event::PointerMoved(pos));
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            harness.step();
        }
    }
    harness.run();
    let current = |harness: &Desk| {
        harness
            .state()
            .state()
            .navigation
            .current_section()
            .cloned()
    };
    assert!(
        harness
            .state()
            .state()
            .navigation
            .text_selection()
            .is_some(),
        "the double click selected a word"
    );
    assert_eq!(current(&harness), Some(second.id.clone()));
    for _ in 0..40 {
        wheel(&mut harness, -300.0);
    }
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(200));
        harness.run();
        if current(&harness) != Some(second.id.clone()) {
            break;
        }
    }
    let now = current(&harness).unwrap();
    assert_ne!(
        now,
        second.id,
        "the side panel stayed on {}",
        second.title()
    );
    assert!(
        harness
            .state()
            .article_view()
            .char_screen_pos(&now, 0)
            .is_some(),
        "the section shown is the one being read"
    );
}
