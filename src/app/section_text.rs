//! A section's body as selectable, highlighted text.
//!
//! egui's selectable labels give the selected string but not its position, and lose the
//! selection when an end scrolls away; text edits give positions only while focused. Anchoring
//! marks needs character offsets that survive clicking a button, so this widget is built from
//! egui's public parts: a laid-out galley, [`TextCursorState`] for mouse selection (double and
//! triple click included) and [`paint_text_selection`].
//!
//! The galley (`section_galley`) is not the text: it has a smaller blank line between
//! paragraphs, and text with right-to-left letters is laid out as it reads. Its [`TextMap`]
//! converts between the two; there, the pointer selects by the characters under it
//! (`pointer_selection`) and the selection is painted rectangle by rectangle.
//!
//! A comment's or claim's highlight is clicked anywhere on it; a suggested sentence only on
//! its underline (or its icon in the margin): its words are plain text to select and read,
//! and a sentence is suggested far more often than it is marked.
//! The caret the keyboard moves (`caret`) is drawn here, and handed with the selection to
//! screen readers as the text's own selection.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::text_selection::TextCursorState;
use egui::text_selection::accesskit_text::update_accesskit_for_text_widget;
use egui::text_selection::visuals::paint_text_selection;
use egui::{CursorIcon, EventFilter, Galley, Id, Rect, Response, Sense, Ui};

use super::caret::{caret_offset_from_cursor, paint_caret, reached_from_elsewhere};
use super::pointer_selection::{remember_anchor, selection_by_pointer};
pub use super::text_map::TextMap;
use crate::model::{CheckKind, ClaimStatus, MarkId};
use crate::suggest::SuggestionKey;

/// How far above the bottom of a line a click still lands on a suggestion's underline.
const UNDERLINE_REACH: f32 = 6.0;

/// What a stretch of text is marked with, for highlighting.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarkSpan {
    pub target: SpanTarget,
    /// Character offsets into the section text.
    pub range: Range<usize>,
    pub kind: MarkKind,
    /// A mark a revised draft placed here without certainty: a person should confirm it.
    pub fuzzy: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Comment {
        resolved: bool,
    },
    Claim(ClaimStatus),
    /// A sentence copydesk suggests checking (of this main kind): a quiet underline, not a
    /// mark yet.
    Suggestion(CheckKind),
}

/// What a highlighted stretch of text leads to when clicked.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SpanTarget {
    Mark(MarkId),
    Suggestion(SuggestionKey),
}

/// What happened in the text this frame.
#[derive(Debug, Default)]
pub struct SectionTextOutput {
    /// The selection in section-text offsets, if it changed this frame.
    pub selection_changed: Option<Option<Range<usize>>>,
    /// Where the caret was put (a click, a drag's moving end, the keyboard reaching the text
    /// with Tab), in section-text offsets.
    pub caret_placed: Option<usize>,
    /// A mark or suggestion whose highlight was clicked.
    pub clicked: Option<SpanTarget>,
    /// The text was clicked or dragged.
    pub interacted: bool,
    pub response: Option<Response>,
    /// Where the current selection ends on screen, to place the Comment / Flag claim buttons.
    pub selection_rect: Option<Rect>,
}

/// The caret in a section's text: where it is, and whether the keyboard is in the text (it
/// is drawn only then).
#[derive(Clone, Copy, Debug)]
pub struct CaretInText {
    pub offset: usize,
    pub shown: bool,
}

/// Shows a laid-out section body and lets the reviewer select text and click highlights.
#[allow(clippy::too_many_arguments)]
pub fn section_text_ui(
    ui: &mut Ui,
    id: Id,
    galley: &Arc<Galley>,
    (text, map): (&str, &TextMap),
    spans: &[MarkSpan],
    app_selection: Option<&Range<usize>>,
    caret: Option<CaretInText>,
    accessible_name: &str,
) -> SectionTextOutput {
    let mut output = SectionTextOutput::default();
    let (rect, _) = ui.allocate_exact_size(galley.size(), Sense::hover());
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, accessible_name));
    let mut cursor_state: TextCursorState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let interacted = response.is_pointer_button_down_on() || response.dragged();
    if response.is_pointer_button_down_on() {
        // Reaching for the article ends typing in a card: the keyboard shortcuts (and the
        // next keystrokes) belong to the desk again, and the arrow keys to this text.
        ui.memory_mut(egui::Memory::stop_text_input);
        response.request_focus();
    }
    if response.has_focus() {
        // The arrow keys move the caret, not the keyboard to the next widget.
        let arrows = EventFilter {
            horizontal_arrows: true,
            vertical_arrows: true,
            ..EventFilter::default()
        };
        ui.memory_mut(|memory| memory.set_focus_lock_filter(id, arrows));
    }
    if reached_from_elsewhere(ui, &response) && caret.is_none() && !interacted {
        // Reached with Tab: the caret starts at the top of this text.
        output.caret_placed = Some(0);
    }
    // The selection as the caret sees it: the end that moves is the caret.
    let oriented = |range: &Range<usize>| {
        let (anchor, moving) = match caret {
            Some(caret) if caret.offset == range.start => (range.end, range.start),
            _ => (range.start, range.end),
        };
        CCursorRange {
            primary: CCursor::new(map.galley_from_section(moving)),
            secondary: CCursor::new(map.galley_from_section(anchor)),
            h_pos: None,
        }
    };
    if !interacted {
        // The desk's selection is the truth: it moves to another section, or is used up.
        let wanted = app_selection.map(oriented);
        let current = cursor_state.range(galley).filter(|r| !r.is_empty());
        if wanted.map(|w| w.sorted_cursors()) != current.map(|c| c.sorted_cursors()) {
            cursor_state.set_char_range(wanted);
        }
    }
    let pointer = ui.input(|i| i.pointer.interact_pos());
    let pointer_cursor = pointer.map(|pos| galley.cursor_from_pos(pos - rect.min));
    // What the pointer is on: a suggestion only by its underline, at the bottom of the line.
    // In text laid out as it reads, the offset under the pointer, by the character there.
    let visual_offset = match map {
        TextMap::Visual(visual) => {
            pointer.map(|pos| visual.offset_at_point(galley, pos - rect.min.to_vec2()))
        }
        TextMap::Written(_) => None,
    };
    let pointed_at = pointer.zip(pointer_cursor).and_then(|(pos, cursor)| {
        let line_bottom = rect.min.y + galley.pos_from_cursor(cursor).bottom();
        let offset = visual_offset.unwrap_or_else(|| map.section_from_galley(cursor.index.0));
        target_at(spans, offset, pos.y >= line_bottom - UNDERLINE_REACH)
    });
    if response.hovered() {
        ui.set_cursor_icon(CursorIcon::Text);
    }
    // The frame that ends a drag may also carry its last movement: take it into account, or a
    // quick flick of the mouse would lose the end of the selection.
    let dragging = response.dragged() || response.drag_stopped();
    if let Some(cursor) = pointer_cursor
        && (response.hovered() || dragging)
    {
        let before = cursor_state.range(galley);
        let pointed = cursor_state.pointer_interaction(ui, &response, cursor, galley, dragging);
        let after = cursor_state.range(galley);
        if pointed {
            output.interacted = true;
            output.caret_placed = after.map(|r| caret_offset_from_cursor(galley, map, r.primary));
        }
        let written = matches!(map, TextMap::Written(_));
        if written && before.map(|r| r.sorted_cursors()) != after.map(|r| r.sorted_cursors()) {
            output.selection_changed = Some(after.and_then(|r| {
                let [min, max] = r.sorted_cursors();
                let range =
                    map.section_from_galley(min.index.0)..map.section_from_galley(max.index.0);
                (!range.is_empty()).then_some(range)
            }));
        }
        if let Some(at) = visual_offset {
            remember_anchor(ui, &response, id, at);
        }
        // egui's cursor may not move while the characters under the pointer do (one place
        // on screen, two in the text): the pointer is followed for as long as it is down.
        let following = pointed || dragging || response.is_pointer_button_down_on();
        if let (Some(at), true) = (visual_offset, following) {
            let chosen = selection_by_pointer(ui, &response, id, text, at);
            output.caret_placed = Some(at);
            if chosen.as_ref() != app_selection {
                output.selection_changed = Some(chosen);
            }
        }
    }
    if response.clicked() && pointer_cursor.is_some() {
        output.clicked.clone_from(&pointed_at);
        output.interacted = true;
    }
    // While a selection's Comment / Flag claim buttons float under it, a tip at the pointer
    // would cover them just as the reviewer reaches for them: tips wait until it is gone.
    if response.hovered()
        && !dragging
        && app_selection.is_none()
        && let Some(mark) = &pointed_at
        && let Some(span) = spans.iter().find(|s| &s.target == mark)
    {
        if matches!(span.kind, MarkKind::Suggestion(_)) {
            ui.set_cursor_icon(CursorIcon::PointingHand);
        }
        let tip = match span.kind {
            MarkKind::Comment { resolved: false } => "Comment — click to open it".to_owned(),
            MarkKind::Comment { resolved: true } => {
                "Resolved comment — click to open it".to_owned()
            }
            MarkKind::Claim(status) => format!("Claim: {} — click to open it", status.label()),
            MarkKind::Suggestion(kind) => {
                format!("Suggested: {} — click to see why", kind.label())
            }
        };
        let tip = if span.fuzzy {
            format!("{tip} (placed here by the revised draft: confirm it in the Revision tab)")
        } else {
            tip
        };
        response.clone().on_hover_text_at_pointer(tip);
    }

    let mut shown = galley.clone();
    let selected = match map {
        // Text laid out as it is read: the desk's selection (or the one made this frame)
        // is the truth, as its two ends may be one place on screen.
        TextMap::Visual(visual) => {
            let selected = match &output.selection_changed {
                Some(changed) => changed.clone(),
                None => app_selection.cloned(),
            };
            selected.filter(|range| !range.is_empty()).inspect(|range| {
                // One range of the text may be several stretches of a line on screen.
                let fill = ui.visuals().selection.bg_fill;
                let rects = visual.rects_of(galley, range);
                let on_screen = rects.iter().map(|r| r.translate(rect.min.to_vec2()));
                for selected_rect in on_screen.clone() {
                    ui.painter().rect_filled(selected_rect, 0.0, fill);
                }
                output.selection_rect = on_screen.reduce(|a, b| a.union(b));
            })
        }
        TextMap::Written(_) => cursor_state
            .range(galley)
            .filter(|r| !r.is_empty())
            .map(|range| {
                paint_text_selection(&mut shown, ui.visuals(), &range, None);
                let [min, max] = range.sorted_cursors();
                let top = galley.pos_from_cursor(min).translate(rect.min.to_vec2());
                let bottom = galley.pos_from_cursor(max).translate(rect.min.to_vec2());
                output.selection_rect = Some(top.union(bottom));
                map.section_from_galley(min.index.0)..map.section_from_galley(max.index.0)
            }),
    };
    // Ctrl+C belongs to a focused text field, if there is one.
    let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
        && ui.memory(|m| m.focused().is_none_or(|focused| focused == id));
    if copy && let Some(selected) = selected {
        ui.copy_text(crate::text::slice_chars(text, selected).to_owned());
    }
    ui.painter()
        .galley(rect.min, shown, ui.visuals().text_color());
    if let Some(caret) = caret.filter(|caret| caret.shown) {
        paint_caret(ui, id, rect.min, galley, map, caret.offset);
    }
    // A screen reader reads the text line by line, and follows the caret and the selection.
    let reader_range = match (caret, app_selection) {
        (Some(caret), Some(range)) if caret.offset == range.start || caret.offset == range.end => {
            Some(oriented(range))
        }
        (Some(caret), _) => Some(CCursorRange::one(CCursor::new(
            map.galley_from_section(caret.offset),
        ))),
        (None, range) => range.map(oriented),
    };
    update_accesskit_for_text_widget(
        ui.ctx(),
        id,
        reader_range,
        egui::emath::TSTransform::from_translation(rect.min.to_vec2()),
        galley,
    );
    ui.data_mut(|d| d.insert_temp(id, cursor_state));
    output.response = Some(response);
    output
}

/// The shortest mark covering `offset`: with nested marks, the one the reader most likely
/// meant. A suggested sentence counts only `on_underline`.
fn target_at(spans: &[MarkSpan], offset: usize, on_underline: bool) -> Option<SpanTarget> {
    spans
        .iter()
        .filter(|s| s.range.start <= offset && offset < s.range.end)
        .filter(|s| on_underline || !matches!(s.kind, MarkKind::Suggestion(_)))
        .min_by_key(|s| s.range.len())
        .map(|s| s.target.clone())
}
/// The on-screen rectangle of a character of the section text.
pub fn char_rect(galley: &Galley, map: &TextMap, offset: usize) -> Rect {
    galley.pos_from_cursor(CCursor::new(map.galley_from_section(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_innermost_mark_wins() {
        let claim = MarkSpan {
            target: SpanTarget::Mark(MarkId::Claim(crate::model::ClaimId::from_text("k-1"))),
            range: 5..10,
            kind: MarkKind::Claim(ClaimStatus::NeedsSource),
            fuzzy: false,
        };
        let comment = MarkSpan {
            target: SpanTarget::Mark(MarkId::Comment(crate::model::CommentId::from_text("c-1"))),
            range: 0..30,
            kind: MarkKind::Comment { resolved: false },
            fuzzy: false,
        };
        let spans = [comment.clone(), claim.clone()];
        assert_eq!(target_at(&spans, 6, false), Some(claim.target));
        assert_eq!(target_at(&spans, 20, false), Some(comment.target));
        assert_eq!(target_at(&spans, 30, false), None);
    }

    #[test]
    fn a_suggested_sentence_is_clicked_on_its_underline_only() {
        let key = SuggestionKey {
            section: crate::model::SectionId::from_text("s-1"),
            start: 0,
        };
        let suggestion = MarkSpan {
            target: SpanTarget::Suggestion(key),
            range: 0..40,
            kind: MarkKind::Suggestion(CheckKind::Figure),
            fuzzy: false,
        };
        let comment = MarkSpan {
            target: SpanTarget::Mark(MarkId::Comment(crate::model::CommentId::from_text("c-1"))),
            range: 30..35,
            kind: MarkKind::Comment { resolved: false },
            fuzzy: false,
        };
        let spans = [suggestion.clone(), comment.clone()];
        assert_eq!(target_at(&spans, 10, false), None, "plain text");
        assert_eq!(target_at(&spans, 10, true), Some(suggestion.target));
        assert_eq!(target_at(&spans, 32, false), Some(comment.target.clone()));
        assert_eq!(target_at(&spans, 32, true), Some(comment.target));
    }
}
