//! One section of the article: its heading, the status row under it, its highlighted text
//! with the icons in the margin, and the buttons that appear under a selection.

use egui::{
    Align, Align2, Color32, FontId, Layout, Pos2, Rect, RichText, Sense, Ui, UiBuilder, Vec2, pos2,
    vec2,
};

use super::article_layout::{
    HEADING_GAP, SECTION_GAP, STATUS_ROW_GAP, STATUS_ROW_HEIGHT, SectionLayout,
};
use super::caret::section_text_id;
use super::caret_keys::caret_has_keyboard;
use super::command::{UiCommand, shortcut_text};
use super::look;
use super::section_text::{
    CaretInText, MarkKind, MarkSpan, SpanTarget, char_rect, section_text_ui,
};
use super::state::{Action, AppState, Caret, TextSelection};
use crate::model::{ReviewStatus, Section};

pub fn section_block_ui(
    ui: &mut Ui,
    rect: Rect,
    section: &Section,
    layout: &SectionLayout,
    spans: &[MarkSpan],
    state: &AppState,
    actions: &mut Vec<Action>,
) {
    let is_current = state.navigation.current_section() == Some(&section.id);
    let mut y = rect.top() + SECTION_GAP;
    if is_current {
        let bar = Rect::from_min_max(
            pos2(rect.left() - 18.0, y - 4.0),
            pos2(rect.left() - 15.0, rect.bottom()),
        );
        ui.painter()
            .rect_filled(bar, 1.5, ui.visuals().selection.bg_fill);
    }
    if let Some(heading) = &layout.heading {
        let heading_rect = Rect::from_min_size(pos2(rect.left(), y), heading.size());
        let response = ui.interact(
            heading_rect,
            ui.make_persistent_id(("heading", &section.id)),
            Sense::click(),
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Heading, true, section.title()));
        if response.clicked() {
            actions.push(Action::FocusSection(section.id.clone()));
        }
        ui.painter()
            .galley(heading_rect.min, heading.clone(), ui.visuals().text_color());
        y += heading.size().y + HEADING_GAP;
    }

    let row = Rect::from_min_size(pos2(rect.left(), y), vec2(rect.width(), STATUS_ROW_HEIGHT));
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(row)
            .layout(Layout::left_to_right(Align::Center)),
        |ui| status_row_ui(ui, state, section, actions),
    );
    y += STATUS_ROW_HEIGHT + STATUS_ROW_GAP;

    let body_rect = Rect::from_min_size(pos2(rect.left(), y), layout.body.size());
    let selection = state
        .navigation
        .text_selection()
        .filter(|s| s.section == section.id)
        .map(|s| &s.range);
    let caret = state
        .navigation
        .caret()
        .filter(|caret| caret.section == section.id)
        .map(|caret| CaretInText {
            offset: caret.offset.min(section.char_count()),
            shown: caret_has_keyboard(ui.ctx(), state),
        });
    let output = ui
        .scope_builder(UiBuilder::new().max_rect(body_rect), |ui| {
            section_text_ui(
                ui,
                section_text_id(&section.id),
                &layout.body,
                (&section.text, &layout.map),
                spans,
                selection,
                caret,
                &format!("Text of {}", section.title()),
            )
        })
        .inner;
    if let Some(change) = output.selection_changed {
        actions.push(Action::SetTextSelection(change.map(|range| {
            TextSelection {
                section: section.id.clone(),
                range,
            }
        })));
    }
    if let Some(offset) = output.caret_placed {
        actions.push(Action::PlaceCaret(Caret {
            section: section.id.clone(),
            offset,
        }));
    }
    if let Some(target) = output.clicked {
        actions.push(target_action(target));
    } else if output.interacted && !is_current {
        actions.push(Action::FocusSection(section.id.clone()));
    }
    margin_marks_ui(ui, body_rect, layout, spans, &section.text, state, actions);
    if selection.is_some()
        && let Some(selection_rect) = output.selection_rect
    {
        selection_actions_ui(ui, selection_rect, rect, actions);
    }
}

/// How much of the status row is written out: everything in a wide column; in a narrow one
/// the current status alone, the others and the comment button as icons (named for screen
/// readers and in their tooltips); in the narrowest, icons only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowWords {
    All,
    CurrentOnly,
    None,
}

const STATUS_TEXT_SIZE: f32 = 12.5;
const STATUS_SPACING: f32 = 4.0;
/// The least room between the statuses and the comment button.
const ROW_GAP: f32 = 12.0;

fn status_words(status: ReviewStatus, words: bool) -> String {
    if words {
        format!("{} {}", look::review_status_icon(status), status.label())
    } else {
        look::review_status_icon(status).to_owned()
    }
}

fn comment_words(words: bool) -> String {
    if words {
        format!(
            "{} {}",
            look::COMMENT_ICON,
            UiCommand::CommentOnSection.label()
        )
    } else {
        look::COMMENT_ICON.to_owned()
    }
}

/// The most words that fit in the row.
fn row_words(ui: &Ui, current: ReviewStatus, width: f32) -> RowWords {
    let padding = 2.0 * ui.spacing().button_padding.x;
    let text_width = |text: String| {
        ui.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(text, FontId::proportional(STATUS_TEXT_SIZE), Color32::WHITE)
                .size()
                .x
        }) + padding
    };
    let row_width = |statuses_in_words: &dyn Fn(ReviewStatus) -> bool, comment_in_words| {
        ReviewStatus::ALL
            .iter()
            .map(|&status| text_width(status_words(status, statuses_in_words(status))))
            .sum::<f32>()
            + STATUS_SPACING * (ReviewStatus::ALL.len() - 1) as f32
            + ROW_GAP
            + text_width(comment_words(comment_in_words))
    };
    if row_width(&|_| true, true) <= width {
        RowWords::All
    } else if row_width(&|status| status == current, false) <= width {
        RowWords::CurrentOnly
    } else {
        RowWords::None
    }
}

/// The four statuses side by side, the current one filled in its colour, and the button that
/// comments on the section; as many of their words as the column has room for.
fn status_row_ui(ui: &mut Ui, state: &AppState, section: &Section, actions: &mut Vec<Action>) {
    let words = row_words(ui, section.status, ui.available_width());
    ui.spacing_mut().item_spacing.x = STATUS_SPACING;
    for status in ReviewStatus::ALL {
        let selected = section.status == status;
        let in_words = match words {
            RowWords::All => true,
            RowWords::CurrentOnly => selected,
            RowWords::None => false,
        };
        let color = look::review_status_color(status, ui.visuals());
        let text = RichText::new(status_words(status, in_words)).size(STATUS_TEXT_SIZE);
        let text = if selected {
            text.color(color).strong()
        } else {
            text.color(ui.visuals().weak_text_color())
        };
        let button = egui::Button::new(text)
            .selected(selected)
            .fill(if selected {
                color.gamma_multiply(0.15)
            } else {
                Color32::TRANSPARENT
            })
            .stroke(if selected {
                egui::Stroke::new(1.0, color)
            } else {
                egui::Stroke::NONE
            })
            .corner_radius(10.0);
        let response = ui
            .add(button)
            .accessible_name(format!("{}: {}", section.title(), status.label()))
            .on_hover_text(format!(
                "Mark this section {} ({})",
                status.label().to_lowercase(),
                shortcut_text(ui, UiCommand::SetStatus(status))
            ));
        if response.clicked() && !selected {
            actions.push(Action::FocusSection(section.id.clone()));
            actions.push(Action::Edit(crate::edit::Edit::section_status(
                section.id.clone(),
                status,
                state.stamp(),
            )));
        }
    }
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        let response = ui
            .add(
                egui::Button::new(
                    RichText::new(comment_words(words == RowWords::All))
                        .size(STATUS_TEXT_SIZE)
                        .color(ui.visuals().weak_text_color()),
                )
                .frame(false),
            )
            .accessible_name(format!("Comment on section: {}", section.title()))
            .on_hover_text(format!(
                "{} ({})",
                UiCommand::CommentOnSection.tooltip(),
                shortcut_text(ui, UiCommand::CommentOnSection)
            ));
        if response.clicked() {
            actions.push(Action::FocusSection(section.id.clone()));
            actions.push(Action::Command(UiCommand::CommentOnSection));
        }
    });
}

fn target_action(target: SpanTarget) -> Action {
    match target {
        SpanTarget::Mark(mark) => Action::SelectMark(mark),
        SpanTarget::Suggestion(key) => Action::SelectSuggestion(key),
    }
}

/// Small icons in the left margin beside each marked line; clicking one opens its card.
fn margin_marks_ui(
    ui: &mut Ui,
    body_rect: Rect,
    layout: &SectionLayout,
    spans: &[MarkSpan],
    text: &str,
    state: &AppState,
    actions: &mut Vec<Action>,
) {
    let mut used_rows: Vec<(f32, f32)> = Vec::new();
    let in_view = ui.clip_rect().y_range();
    for span in spans {
        let row = char_rect(&layout.body, &layout.map, span.range.start);
        let row_top = body_rect.top() + row.top();
        // Only the icons in view are made: a long section has hundreds of marks, and each
        // icon's accessible name reads its words from the text.
        if row_top > in_view.max || row_top + look::BODY_LINE_HEIGHT < in_view.min {
            continue;
        }
        let slot = used_rows
            .iter()
            .filter(|(top, _)| (*top - row_top).abs() < 1.0)
            .count();
        used_rows.push((row_top, 0.0));
        if slot > 2 {
            continue;
        }
        let (icon, color) = match span.kind {
            MarkKind::Comment { resolved } => (
                look::COMMENT_ICON,
                if resolved {
                    ui.visuals().weak_text_color()
                } else {
                    look::review_status_color(ReviewStatus::NeedsChanges, ui.visuals())
                },
            ),
            MarkKind::Claim(status) => (
                look::claim_status_icon(status),
                look::claim_status_color(status, ui.visuals()),
            ),
            MarkKind::Suggestion(kind) => (
                look::SUGGESTION_ICON,
                look::suggestion_color(kind, ui.visuals()),
            ),
        };
        let center = Pos2::new(
            body_rect.left() - 14.0 - slot as f32 * 16.0,
            row_top + look::BODY_LINE_HEIGHT * 0.5,
        );
        let hit = Rect::from_center_size(center, Vec2::splat(16.0));
        let id = ui.make_persistent_id(("margin", &span.target));
        let response = ui.interact(hit, id, Sense::click());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, margin_mark_name(span, text))
        });
        let selected = match &span.target {
            SpanTarget::Mark(mark) => state.navigation.selected_mark() == Some(mark),
            SpanTarget::Suggestion(key) => state.navigation.selected_suggestion() == Some(key),
        };
        let size = if response.hovered() || selected {
            15.0
        } else {
            13.0
        };
        if span.fuzzy {
            // A mark the revision placed without certainty asks to be looked at: a "?" badge.
            ui.painter()
                .circle_filled(center, size * 0.5, look::attention_color(ui.visuals()));
            ui.painter().text(
                center,
                Align2::CENTER_CENTER,
                "?",
                FontId::proportional(size - 3.0),
                Color32::WHITE,
            );
        } else {
            ui.painter().text(
                center,
                Align2::CENTER_CENTER,
                icon,
                FontId::proportional(size),
                color,
            );
        }
        if response.clicked() {
            actions.push(target_action(span.target.clone()));
        }
    }
}

/// What a screen reader says of an icon in the margin: what the mark is, and on which words.
fn margin_mark_name(span: &MarkSpan, text: &str) -> String {
    let what = match span.kind {
        MarkKind::Comment { resolved: false } => "Comment".to_owned(),
        MarkKind::Comment { resolved: true } => "Resolved comment".to_owned(),
        MarkKind::Claim(status) => format!("Claim ({})", status.label()),
        MarkKind::Suggestion(kind) => format!("Suggested check ({})", kind.label()),
    };
    let quote = crate::text::one_line(crate::text::slice_chars(text, span.range.clone()));
    format!("Margin: {what} on “{}”", crate::text::shortened(&quote, 40))
}

/// The Comment and Flag claim buttons that float just below a selection (above it when the
/// view ends first), inside the article's column (`column`): never over the side panel.
fn selection_actions_ui(ui: &Ui, selection_rect: Rect, column: Rect, actions: &mut Vec<Action>) {
    const GAP: f32 = 6.0;
    let id = ui.make_persistent_id("selection actions");
    let bounds = Rect::from_x_y_ranges(column.x_range(), ui.clip_rect().y_range());
    let size = ui
        .ctx()
        .memory(|m| m.area_rect(id))
        .map_or(vec2(200.0, 34.0), |r| r.size());
    let above = selection_rect.top() - GAP - size.y;
    let below = selection_rect.bottom() + GAP;
    let top = if below + size.y > bounds.bottom() && above >= bounds.top() {
        above
    } else {
        below
    };
    egui::Area::new(id)
        .order(egui::Order::Foreground)
        .fixed_pos(pos2(selection_rect.left(), top))
        .constrain_to(bounds)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (command, icon) in [
                        (UiCommand::CommentOnSelection, look::COMMENT_ICON),
                        (UiCommand::FlagClaim, look::CLAIM_ICON),
                    ] {
                        let response = ui
                            .button(format!("{icon} {}", command.label()))
                            .accessible_name(command.label())
                            .on_hover_text(format!(
                                "{} ({})",
                                command.tooltip(),
                                shortcut_text(ui, command)
                            ));
                        if response.clicked() {
                            actions.push(Action::Command(command));
                        }
                    }
                });
            });
        });
}
