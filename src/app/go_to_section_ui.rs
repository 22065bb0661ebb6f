//! Ctrl+G: the small dialog that goes to a section by a few letters of its heading, so a
//! section of a long book is reached from the keyboard. It lists the sections whose heading
//! holds what is typed (`query::sections_matching`); ↑ and ↓ choose one, Enter goes there
//! and the caret waits at its start.

use egui::{Key, Modifiers, RichText, ScrollArea, Ui};

use super::reading_text::reading_text;
use super::state::{Action, AppState};
use crate::query::sections_matching;

/// The dialog's contents, at most `max_height` tall; `first_frame` puts the keyboard in its
/// field once, as it opens.
pub fn go_to_section_ui(
    ui: &mut Ui,
    state: &AppState,
    query: &str,
    highlighted: usize,
    first_frame: bool,
    max_height: f32,
    actions: &mut Vec<Action>,
) {
    let Some(project) = state.project() else {
        return;
    };
    let matches = sections_matching(project, query);
    let highlighted = highlighted.min(matches.len().saturating_sub(1));
    // Taken before the field sees them: there they would move its own cursor.
    let (up, down, enter) = ui.input_mut(|input| {
        (
            input.consume_key(Modifiers::NONE, Key::ArrowUp),
            input.consume_key(Modifiers::NONE, Key::ArrowDown),
            input.consume_key(Modifiers::NONE, Key::Enter),
        )
    });
    let chosen = if down {
        (highlighted + 1).min(matches.len().saturating_sub(1))
    } else if up {
        highlighted.saturating_sub(1)
    } else {
        highlighted
    };
    if chosen != highlighted {
        actions.push(Action::HighlightSectionMatch(chosen));
    }

    ui.heading("Go to section");
    ui.add_space(4.0);
    let mut typed = query.to_owned();
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut typed)
                .hint_text("Part of a heading")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Section heading");
    if first_frame {
        field.request_focus();
    }
    if field.changed() {
        actions.push(Action::EditSectionQuery(typed));
    }
    ui.add_space(6.0);
    let mut go_to = None;
    if matches.is_empty() {
        ui.label(format!("No section heading contains “{}”.", query.trim()));
    }
    ScrollArea::vertical()
        // Room left in the window for the heading, the field and the buttons.
        .max_height((max_height - 160.0).clamp(80.0, 320.0))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (position, &index) in matches.iter().enumerate() {
                let Some(section) = project.sections.get(index) else {
                    continue;
                };
                let indent = f32::from(section.level.saturating_sub(1)) * 14.0;
                let response = ui
                    .horizontal(|ui| {
                        ui.add_space(indent);
                        let width = ui.available_width();
                        let title = reading_text(ui, section.title(), width);
                        ui.selectable_label(position == chosen, title)
                            .accessible_name(format!("Section: {}", section.title()))
                    })
                    .inner;
                if position == chosen && (up || down) {
                    response.scroll_to_me(None);
                }
                if response.clicked() {
                    go_to = Some(section.id.clone());
                }
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let go = ui
            .add_enabled(
                !matches.is_empty(),
                egui::Button::new(RichText::new("Go").strong()),
            )
            .on_hover_text("Go to the highlighted section (Enter)");
        if go.clicked() || enter {
            go_to = matches
                .get(chosen)
                .and_then(|&index| project.sections.get(index))
                .map(|section| section.id.clone());
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseModal);
        }
    });
    if let Some(section) = go_to {
        actions.push(Action::CloseModal);
        actions.push(Action::GoToSection(section));
    }
}
