//! What the pointer selects in text laid out as it is read: worked out from the characters
//! under it, in the text's offsets, because where right-to-left and left-to-right text meet
//! one place on screen is two places in the text and egui's cursor cannot tell them apart.

use std::ops::Range;

use egui::{Id, Response, Ui};

/// In text laid out as it is read, what the pointer selects, in the text's offsets: from
/// where the button went down to where it is (one place on screen may be two offsets where
/// the directions meet, so this is worked out from the characters, not from egui's cursor),
/// a word on a double click and a paragraph on a triple click.
pub fn selection_by_pointer(
    ui: &Ui,
    response: &Response,
    id: Id,
    text: &str,
    at: usize,
) -> Option<Range<usize>> {
    let anchor = ui
        .data(|d| d.get_temp::<usize>(anchor_id(id)))
        .unwrap_or(at);
    let range = if response.triple_clicked() {
        paragraph_around(text, at)
    } else if response.double_clicked() {
        let start = crate::text_motion::previous_word_start(text, at + 1);
        start..crate::text_motion::next_word_end(text, start)
    } else {
        anchor.min(at)..anchor.max(at)
    };
    (!range.is_empty()).then_some(range)
}

fn anchor_id(text_id: Id) -> Id {
    text_id.with("selection anchor")
}

/// Where the button went down in the text (Shift keeps the old anchor, extending).
pub fn remember_anchor(ui: &Ui, response: &Response, id: Id, at: usize) {
    let pressed_here = ui.input(|i| i.pointer.primary_pressed()) && response.hovered();
    if pressed_here && !ui.input(|i| i.modifiers.shift) {
        ui.data_mut(|d| d.insert_temp(anchor_id(id), at));
    }
}

/// The paragraph of `text` that holds `offset`, in characters.
pub fn paragraph_around(text: &str, offset: usize) -> Range<usize> {
    crate::bidi::paragraph_ranges(text)
        .into_iter()
        .find(|paragraph| paragraph.start <= offset && offset <= paragraph.end)
        .unwrap_or(0..0)
}
