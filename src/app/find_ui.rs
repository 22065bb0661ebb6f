//! The find bar (Ctrl+F) under the menu: the query, "3 of 17" and where the current match
//! is, previous and next, match case and whole word, and closing it. Enter and Shift+Enter in
//! the query step through the matches; Esc closes the bar.

use egui::text::{CCursor, CCursorRange};
use egui::{Key, RichText, TextEdit, Ui};

use super::command::{UiCommand, shortcut_text};
use super::state::{Action, AppState};
use crate::query::FindQuery;

/// The find bar; `take_focus`: the keyboard goes to the query, all of it selected (Ctrl+F
/// pressed again types a new query over the old one).
pub fn find_bar_ui(ui: &mut Ui, state: &AppState, take_focus: bool, actions: &mut Vec<Action>) {
    let find = &state.find;
    let query = find.query();
    ui.horizontal_wrapped(|ui| {
        let id = ui.make_persistent_id("find query");
        let mut text = query.text.clone();
        let field = ui
            .add(
                TextEdit::singleline(&mut text)
                    .id(id)
                    .hint_text("Find in the text, comments, claims…")
                    .desired_width(280.0)
                    // Enter goes to the next match; the keyboard stays in the query.
                    .return_key(None),
            )
            .accessible_name("Find");
        if take_focus {
            field.request_focus();
            if let Some(mut edit) = TextEdit::load_state(ui.ctx(), id) {
                let all = CCursorRange::two(CCursor::new(0), CCursor::new(text.chars().count()));
                edit.cursor.set_char_range(Some(all));
                edit.store(ui.ctx(), id);
            }
        }
        if field.changed() {
            actions.push(Action::SetFindQuery(FindQuery {
                text,
                ..query.clone()
            }));
        }
        let (enter, shift, escape) = ui.input(|i| {
            (
                i.key_pressed(Key::Enter),
                i.modifiers.shift,
                i.key_pressed(Key::Escape),
            )
        });
        if enter && field.has_focus() {
            actions.push(Action::Command(if shift {
                UiCommand::FindPrevious
            } else {
                UiCommand::FindNext
            }));
        }
        // Esc leaves the query field (egui takes the keyboard away first) or, with nothing
        // else holding the keyboard, is meant for the bar.
        if escape && (field.lost_focus() || ui.memory(|m| m.focused().is_none())) {
            actions.push(Action::CloseFind);
        }

        count_ui(ui, state);
        for (command, icon) in [(UiCommand::FindPrevious, "⏶"), (UiCommand::FindNext, "⏷")] {
            let response = ui
                .add_enabled(find.count() > 0, egui::Button::new(icon))
                .accessible_name(command.label())
                .on_hover_text(format!(
                    "{} ({}; Enter and Shift+Enter in the query)",
                    command.label(),
                    shortcut_text(ui, command)
                ));
            if response.clicked() {
                actions.push(Action::Command(command));
            }
        }
        let mut match_case = query.match_case;
        let mut whole_word = query.whole_word;
        let case_toggle = ui
            .toggle_value(&mut match_case, "Match case")
            .on_hover_text("Upper and lower case count as different");
        let word_toggle = ui
            .toggle_value(&mut whole_word, "Whole word")
            .on_hover_text("Only where it is a word of its own, not part of a longer word");
        if case_toggle.changed() || word_toggle.changed() {
            actions.push(Action::SetFindQuery(FindQuery {
                match_case,
                whole_word,
                ..query.clone()
            }));
        }
        if ui
            .small_button("✖")
            .accessible_name("Close find")
            .on_hover_text("Close the find bar (Esc); a match selected in the text stays selected")
            .clicked()
        {
            actions.push(Action::CloseFind);
        }
    });
}

/// "3 of 17 · in a comment", "No matches", or nothing before a query is typed.
fn count_ui(ui: &mut Ui, state: &AppState) {
    let find = &state.find;
    if find.query().text.is_empty() {
        return;
    }
    let count = find.count();
    let text = match (find.current(), find.current_match()) {
        _ if count == 0 => "No matches".to_owned(),
        (Some(current), Some(found)) => {
            format!("{} of {count} · {}", current + 1, found.place.description())
        }
        _ => crate::text::counted(count, "match", "matches"),
    };
    let label = RichText::new(text).size(12.5);
    ui.label(if count == 0 {
        label.color(ui.visuals().error_fg_color)
    } else {
        label
    });
}
