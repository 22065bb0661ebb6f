//! The caret in the article's text, as egui draws a text cursor: where a section-text offset
//! sits in the laid-out text (and back), and the blinking line itself. The keys that move it
//! are in `caret_keys`.

use egui::text::{CCursor, CharIndex};
use egui::text_selection::text_cursor_state::cursor_rect;
use egui::text_selection::visuals::paint_text_cursor;
use egui::{Galley, Id, Pos2, Ui};

use super::look;
use super::text_map::TextMap;
use crate::model::SectionId;

/// The widget id of a section's text: the keyboard is given to it by that id.
pub fn section_text_id(section: &SectionId) -> Id {
    Id::unique(("section text", section))
}

/// Gives the keyboard to the text the caret is in, so a screen reader follows the caret
/// there; marked as given, so the text does not take it for having been reached with Tab.
pub fn give_keyboard_to_text(ctx: &egui::Context, section: &SectionId) {
    let id = section_text_id(section);
    if ctx.memory(|memory| memory.has_focus(id)) {
        return;
    }
    ctx.data_mut(|data| data.insert_temp(given_by_caret(id), true));
    ctx.memory_mut(|memory| memory.request_focus(id));
}

/// Whether a section's text has just been given the keyboard by something else than the
/// caret: Tab, or a screen reader.
pub fn reached_from_elsewhere(ui: &Ui, text: &egui::Response) -> bool {
    if !text.gained_focus() {
        return false;
    }
    let given = ui.data_mut(|data| data.remove_temp::<bool>(given_by_caret(text.id)));
    given != Some(true)
}

fn given_by_caret(text_id: Id) -> Id {
    text_id.with("keyboard given by the caret")
}

/// The galley cursor of a section-text offset, shown at the start of the next line where a
/// line wraps (as egui shows a cursor moved by the keyboard).
pub fn galley_cursor(map: &TextMap, offset: usize) -> CCursor {
    CCursor {
        index: CharIndex(map.galley_from_section(offset)),
        prefer_next_row: true,
    }
}

/// The section-text offset of a galley cursor. At the very end of a wrapped line (a click
/// past it, End, ↓ onto a shorter line) the caret stays on that line, before the space the
/// line wrapped at, rather than jumping to the start of the next.
pub fn caret_offset_from_cursor(galley: &Galley, map: &TextMap, cursor: CCursor) -> usize {
    let layout = galley.layout_from_cursor(cursor);
    let wraps_here = galley.rows.get(layout.row).is_some_and(|row| {
        !row.ends_with_newline
            && layout.row + 1 < galley.rows.len()
            && layout.column.0 > 0
            && layout.column == row.char_count_excluding_newline()
    });
    let index = if wraps_here && !cursor.prefer_next_row {
        cursor.index.0 - 1
    } else {
        cursor.index.0
    };
    map.section_from_galley(index)
}

/// Draws the caret at a section-text offset of a galley drawn at `origin` by the text widget
/// `text_id`, blinking as egui's text cursor does, counted from when it last moved.
pub fn paint_caret(
    ui: &Ui,
    text_id: Id,
    origin: Pos2,
    galley: &Galley,
    map: &TextMap,
    offset: usize,
) {
    let now = ui.input(|i| i.time);
    let moved_at = ui.data_mut(|d| {
        let last = d.get_temp_mut_or_insert_with(text_id.with("caret moved"), || (offset, now));
        if last.0 != offset {
            *last = (offset, now);
        }
        last.1
    });
    let rect = cursor_rect(galley, &galley_cursor(map, offset), look::BODY_LINE_HEIGHT)
        .translate(origin.to_vec2());
    paint_text_cursor(ui, ui.painter(), rect, now - moved_at);
}
