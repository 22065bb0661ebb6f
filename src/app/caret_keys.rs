//! The keys that move the caret in the article's text, for reviewing without a mouse, and
//! where they take it in a laid-out section.
//!
//! ←/→ move by character and Ctrl+←/→ by word (`text_motion`, in the core); ↑/↓ by line and
//! Home/End to a line's ends, which only the laid-out text knows; Ctrl+Home/End to the
//! section's ends. With Shift they extend the selection, within the section; without it the
//! caret goes on into the next or previous section at either end.

use egui::{Event, Galley, Key};

use super::article_layout::ArticleLayout;
use super::caret::{
    caret_offset_from_cursor, galley_cursor, give_keyboard_to_text, section_text_id,
};
use super::state::{Action, AppState, Caret, TextSelection, selection_after_moving};
use super::text_map::TextMap;
use crate::model::Project;
use crate::text_motion::{next_char, next_word_end, previous_char, previous_word_start};

/// Where a key moves the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Motion {
    Left,
    Right,
    WordLeft,
    WordRight,
    Up,
    Down,
    RowStart,
    RowEnd,
    SectionStart,
    SectionEnd,
}

impl Motion {
    /// The same key in a line that reads right to left.
    fn mirrored(self) -> Self {
        match self {
            Self::Left => Self::Right,
            Self::Right => Self::Left,
            Self::WordLeft => Self::WordRight,
            Self::WordRight => Self::WordLeft,
            Self::RowStart => Self::RowEnd,
            Self::RowEnd => Self::RowStart,
            other => other,
        }
    }
}

/// A key that moves the caret, and whether Shift was held (extend the selection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CaretKey {
    motion: Motion,
    extend: bool,
}

/// Whether the keyboard belongs to the article's text: no question is open, and nothing else
/// has the keyboard (a text field, a button reached with Tab), or the caret's text has it.
pub fn caret_has_keyboard(ctx: &egui::Context, state: &AppState) -> bool {
    if state.dialogs.is_asking() {
        return false;
    }
    let caret_text = state
        .navigation
        .caret()
        .map(|caret| section_text_id(&caret.section));
    ctx.memory(|memory| memory.focused())
        .is_none_or(|focused| Some(focused) == caret_text)
}

/// The caret keys pressed this frame, taken from the input so nothing else acts on them.
/// Alt with an arrow goes from section to section (a command), so it is left alone.
fn take_caret_keys(ctx: &egui::Context) -> Vec<CaretKey> {
    ctx.input_mut(|input| {
        let mut keys = Vec::new();
        input.events.retain(|event| {
            let Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            if modifiers.alt {
                return true;
            }
            let by_word = modifiers.command || modifiers.ctrl;
            let motion = match key {
                Key::ArrowLeft if by_word => Motion::WordLeft,
                Key::ArrowRight if by_word => Motion::WordRight,
                Key::ArrowLeft => Motion::Left,
                Key::ArrowRight => Motion::Right,
                Key::ArrowUp if !by_word => Motion::Up,
                Key::ArrowDown if !by_word => Motion::Down,
                Key::Home if by_word => Motion::SectionStart,
                Key::End if by_word => Motion::SectionEnd,
                Key::Home => Motion::RowStart,
                Key::End => Motion::RowEnd,
                _ => return true,
            };
            keys.push(CaretKey {
                motion,
                extend: modifiers.shift,
            });
            false
        });
        keys
    })
}

/// The caret keys pressed this frame, as actions: each move starts where the one before left
/// the caret (a first key with no caret yet puts it at the start of the current section).
/// The keyboard stays with the caret's text, so a screen reader follows it; `column` is what
/// ↑ and ↓ remember (see [`moved_caret`]), for the caret it was remembered at.
pub fn caret_key_actions(
    ctx: &egui::Context,
    state: &AppState,
    layouts: &ArticleLayout,
    column: &mut Option<(Caret, f32)>,
) -> Vec<Action> {
    let Some(project) = state.project() else {
        return Vec::new();
    };
    if !caret_has_keyboard(ctx, state) {
        return Vec::new();
    }
    let keys = take_caret_keys(ctx);
    if keys.is_empty() {
        return Vec::new();
    }
    let mut actions = Vec::new();
    let mut keys = keys.into_iter();
    let mut caret = match state.navigation.caret() {
        Some(caret) => caret.clone(),
        None => {
            let Some(section) = state.navigation.current_section() else {
                return Vec::new();
            };
            keys.next();
            let start = Caret {
                section: section.clone(),
                offset: 0,
            };
            actions.push(Action::MoveCaret {
                to: start.clone(),
                extend: false,
            });
            start
        }
    };
    let mut selection = state.navigation.text_selection().cloned();
    for key in keys {
        let mut x = column.take().filter(|(at, _)| *at == caret).map(|(_, x)| x);
        let to = moved_caret(project, layouts, &caret, selection.as_ref(), key, &mut x);
        selection = selection_after_moving(Some(&caret), selection.as_ref(), &to, key.extend);
        *column = x.map(|x| (to.clone(), x));
        actions.push(Action::MoveCaret {
            to: to.clone(),
            extend: key.extend,
        });
        caret = to;
    }
    // The arrow keys moved the caret: the keyboard does not also go to the widget beside.
    ctx.memory_mut(|memory| memory.move_focus(egui::FocusDirection::None));
    give_keyboard_to_text(ctx, &caret.section);
    actions
}

/// Where `key` takes the caret from `from`. `column` is the horizontal position ↑ and ↓ keep
/// (across short lines), remembered from one ↑/↓ to the next and forgotten by other keys.
fn moved_caret(
    project: &Project,
    layouts: &ArticleLayout,
    from: &Caret,
    selection: Option<&TextSelection>,
    key: CaretKey,
    column: &mut Option<f32>,
) -> Caret {
    let Some(index) = project.section_index(&from.section) else {
        return from.clone();
    };
    let text = &project.sections[index].text;
    let length = crate::text::char_count(text);
    let offset = from.offset.min(length);
    let at = |offset: usize| Caret {
        section: from.section.clone(),
        offset,
    };
    if !matches!(key.motion, Motion::Up | Motion::Down) {
        *column = None;
    }
    // In a paragraph that reads right to left, ← goes on in the text and Home goes to where
    // a line starts: on its right.
    let key = if crate::bidi::direction_at(text, offset).is_right_to_left() {
        CaretKey {
            motion: key.motion.mirrored(),
            ..key
        }
    } else {
        key
    };
    // A plain ← or → first ends a selection, at the side it points to.
    let selected = selection.filter(|s| s.section == from.section && !key.extend);
    if let Some(selection) = selected {
        match key.motion {
            Motion::Left => return at(selection.range.start),
            Motion::Right => return at(selection.range.end),
            _ => {}
        }
    }
    let neighbour = |step: isize| {
        let index = index.checked_add_signed(step)?;
        let section = project.sections.get(index)?;
        Some((section, layouts.section(&section.id)))
    };
    // At either end of a section, without Shift, the caret goes on into the next one.
    let into_previous = |column: Option<f32>| {
        neighbour(-1)
            .filter(|_| !key.extend)
            .map(|(section, layout)| {
                let end = crate::text::char_count(&section.text);
                let offset = match (layout, column) {
                    (Some(layout), Some(x)) => {
                        let last_row = layout.body.rows.len().saturating_sub(1);
                        offset_at_row(&layout.body, &layout.map, last_row, x).unwrap_or(end)
                    }
                    _ => end,
                };
                Caret {
                    section: section.id.clone(),
                    offset,
                }
            })
    };
    let into_next = |column: Option<f32>| {
        neighbour(1)
            .filter(|_| !key.extend)
            .map(|(section, layout)| {
                let offset = match (layout, column) {
                    (Some(layout), Some(x)) => offset_at_row(&layout.body, &layout.map, 0, x),
                    _ => None,
                };
                Caret {
                    section: section.id.clone(),
                    offset: offset.unwrap_or(0),
                }
            })
    };
    let layout = layouts.section(&from.section);
    match key.motion {
        Motion::Left | Motion::WordLeft if offset == 0 => into_previous(None).unwrap_or(at(0)),
        Motion::Right | Motion::WordRight if offset == length => {
            into_next(None).unwrap_or(at(length))
        }
        Motion::Left => at(previous_char(text, offset)),
        Motion::Right => at(next_char(text, offset)),
        Motion::WordLeft => at(previous_word_start(text, offset)),
        Motion::WordRight => at(next_word_end(text, offset)),
        Motion::SectionStart => at(0),
        Motion::SectionEnd => at(length),
        Motion::Up | Motion::Down => {
            let Some(layout) = layout else {
                return at(offset);
            };
            let galley = &layout.body;
            let cursor = galley_cursor(&layout.map, offset);
            let row = galley.layout_from_cursor(cursor).row;
            let x = column.unwrap_or_else(|| galley.pos_from_cursor(cursor).center().x);
            *column = Some(x);
            let down = key.motion == Motion::Down;
            // The blank line between paragraphs holds no text: step over it.
            let mut next_row = Some(row);
            loop {
                next_row = if down {
                    next_row.map(|r| r + 1).filter(|&r| r < galley.rows.len())
                } else {
                    next_row.and_then(|r| r.checked_sub(1))
                };
                match next_row {
                    Some(r) if is_paragraph_gap(galley, &layout.map, r) => {}
                    _ => break,
                }
            }
            match next_row {
                Some(r) => at(offset_at_row(galley, &layout.map, r, x).unwrap_or(offset)),
                None if down => into_next(Some(x)).unwrap_or(at(length)),
                None => into_previous(Some(x)).unwrap_or(at(0)),
            }
        }
        Motion::RowStart | Motion::RowEnd => {
            let Some(layout) = layout else {
                return at(offset);
            };
            let cursor = galley_cursor(&layout.map, offset);
            let moved = if key.motion == Motion::RowStart {
                layout.body.cursor_begin_of_row(&cursor)
            } else {
                layout.body.cursor_end_of_row(&cursor)
            };
            at(caret_offset_from_cursor(&layout.body, &layout.map, moved))
        }
    }
}

/// The offset at horizontal position `x` on a row of the galley.
fn offset_at_row(galley: &Galley, map: &TextMap, row: usize, x: f32) -> Option<usize> {
    let placed = galley.rows.get(row)?;
    let y = placed.rect().center().y;
    let cursor = galley.cursor_from_pos(egui::vec2(x, y));
    Some(caret_offset_from_cursor(galley, map, cursor))
}

/// Whether a row of the galley is the blank line drawn between two paragraphs.
fn is_paragraph_gap(galley: &Galley, map: &TextMap, row: usize) -> bool {
    let start: usize = galley.rows[..row]
        .iter()
        .map(|r| r.char_count_including_newline().0)
        .sum();
    galley.rows[row].char_count_excluding_newline().0 == 0
        && map.galley_from_section(map.section_from_galley(start)) != start
}
