//! What floats over the article: the Comment / Flag claim buttons under a selection stay in
//! the article's column, and a suggested sentence's hover tip never covers them.

use copydesk::model::SectionId;
use egui::accesskit::Role;
use egui::{Event, Pos2, Rect, vec2};
use egui_kittest::kittest::Queryable as _;

use super::geometry::container_rects;
use super::{SIZES, article_column, assert_fits, desk_at};
use crate::common::desk::{Desk, click, drag, project};

fn char_pos(harness: &Desk, section: &SectionId, offset: usize) -> Pos2 {
    harness
        .state()
        .article_view()
        .char_screen_pos(section, offset)
        .expect("on screen")
}

/// The Comment and Flag claim buttons under the selection.
fn selection_buttons(harness: &Desk) -> [Rect; 2] {
    ["Comment", "Flag claim"].map(|label| harness.get_by_label(label).rect())
}

#[test]
fn the_selection_buttons_stay_in_the_article_column() {
    for size in SIZES {
        let mut harness = desk_at(size, None);
        let section = project(&harness).sections[0].id.clone();
        let text = project(&harness).sections[0].text.clone();
        // The last word of the first line, at the column's right edge.
        let first_line = char_pos(&harness, &section, 0).y;
        let line_end = (0..text.chars().count())
            .take_while(|&offset| (char_pos(&harness, &section, offset).y - first_line).abs() < 1.0)
            .last()
            .unwrap();
        let chars: Vec<char> = text.chars().collect();
        // The last offset of a row is where the next one starts: step back over the space.
        let mut word_end = line_end;
        while word_end > 0 && chars[word_end - 1].is_whitespace() {
            word_end -= 1;
        }
        let mut word_start = word_end;
        while word_start > 0 && !chars[word_start - 1].is_whitespace() {
            word_start -= 1;
        }
        // The column reaches from the text's left edge to the right-aligned comment button
        // (the text itself is ragged on the right).
        let column = article_column(&harness, "Opening")
            .union(harness.get_by_label("Comment on section: Opening").rect());
        let from = char_pos(&harness, &section, word_start) + vec2(1.0, 0.0);
        drag(&mut harness, from, Pos2::new(column.right() - 1.0, from.y));
        let selection = harness.state().state().navigation.text_selection().cloned();
        assert!(
            selection.is_some(),
            "at {size:?} dragging from {from:?} (offset {word_start} of {line_end}) to the \
             column's end {column:?} selected nothing"
        );
        for button in selection_buttons(&harness) {
            assert!(
                button.left() >= column.left() - 1.0 && button.right() <= column.right() + 1.0,
                "at {size:?} a selection button at {button:?} leaves the column {column:?}"
            );
        }
        assert_fits(&harness, size, "with a selection's buttons shown");
    }
}

#[test]
fn a_suggestions_tip_leaves_the_selection_buttons_clear() {
    let size = SIZES[2];
    let mut harness = desk_at(size, None);
    click(&mut harness, "Go to Costs and Funding");
    // Words of a suggested sentence that nothing else marks.
    let quote = "Ticket revenue covered";
    let (section, passage) = crate::common::passage_of(project(&harness), quote);
    let suggested = harness
        .state()
        .state()
        .views
        .suggestions()
        .undecided()
        .any(|s| s.section == section && s.range.contains(&passage.start));
    assert!(suggested, "the sample suggests checking “{quote}…”");
    let end = passage.start + quote.chars().count();
    let from = char_pos(&harness, &section, passage.start) + vec2(1.0, 0.0);
    let to = char_pos(&harness, &section, end);
    drag(&mut harness, from, to);
    assert!(
        harness
            .state()
            .state()
            .navigation
            .text_selection()
            .is_some()
    );

    // The pointer rests on the selected words, above the buttons, long enough for a tip.
    let middle = char_pos(&harness, &section, passage.start + 8);
    harness.event(Event::PointerMoved(middle));
    for _ in 0..90 {
        harness.step();
    }
    harness.run();
    let buttons = selection_buttons(&harness);
    let tips = container_rects(&harness, Role::Tooltip);
    for tip in &tips {
        for button in buttons {
            assert!(
                !tip.intersects(button),
                "a tip at {tip:?} covers a selection button at {button:?}"
            );
        }
    }
}
