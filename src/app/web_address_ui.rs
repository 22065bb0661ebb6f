//! The dialog that asks for the web address of a page to import (File → Import from web
//! address…, or an address pasted into the desk).

use egui::{Key, Ui};

use crate::app::state::Action;
use crate::fetch::is_web_address;

/// `address` is what is typed so far; `first_frame` puts the keyboard in the field once.
pub fn web_address_ui(ui: &mut Ui, address: &str, first_frame: bool, actions: &mut Vec<Action>) {
    ui.heading("Import from a web address");
    ui.add_space(4.0);
    ui.label(
        "copydesk fetches the page and imports its article as a new review. The report says \
         which version was checked: the address and when it was fetched.",
    );
    ui.add_space(8.0);
    let mut text = address.to_owned();
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("https://…")
                .desired_width(400.0),
        )
        .accessible_name("Web address");
    if first_frame {
        field.request_focus();
    }
    if field.changed() {
        actions.push(Action::EditWebAddress(text.clone()));
    }
    let valid = is_web_address(&text);
    if !text.trim().is_empty() && !valid {
        ui.label("A web address starts with https:// or http://.");
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let import = ui.add_enabled(valid, egui::Button::new("Import"));
        if (import.clicked() || entered) && valid {
            actions.push(Action::ImportFromAddress(text.trim().to_owned()));
        }
        if ui.button("Cancel").clicked() {
            actions.push(Action::CloseModal);
        }
    });
}
