//! The right-hand panel: the current section's cards, every claim, the suggestions, what the
//! latest draft changed, or what a merge left to settle, chosen by tabs (Ctrl+1 to Ctrl+5).

use egui::{RichText, Ui};

use super::cards_ui;
use super::claims_ui;
use super::command::UiCommand;
use super::command::shortcut_text;
use super::conflicts_ui;
use super::revision_ui;
use super::side_panel::SidePanel;
use super::state::CardRequests;
use super::state::{Action, AppState};
use super::suggestions_ui;

pub fn side_panel_ui(
    ui: &mut Ui,
    state: &AppState,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    // Five tabs with their counts can be wider than a narrow panel: they wrap.
    ui.horizontal_wrapped(|ui| {
        for panel in SidePanel::ALL {
            let count = match panel {
                SidePanel::Section => None,
                SidePanel::Claims => state.project().map(|p| p.claims.len()),
                SidePanel::Suggestions => Some(state.views.suggestions().undecided_count()),
                SidePanel::Revision => state
                    .review
                    .as_ref()
                    .filter(|r| !r.project().earlier_drafts.is_empty())
                    .map(|r| r.marks().marks_needing_attention()),
                SidePanel::Conflicts => state.project().map(|p| p.conflicts.len()),
            };
            let reading = panel == SidePanel::Suggestions && state.views.suggestions().is_reading();
            let text = match count {
                _ if reading => format!("{} (…)", panel.label()),
                Some(count) => format!("{} ({count})", panel.label()),
                None => panel.label().to_owned(),
            };
            let selected = state.views.side_panel() == panel;
            let text = if selected {
                RichText::new(text).strong()
            } else {
                RichText::new(text)
            };
            let command = UiCommand::ShowPanel(panel);
            let response = ui
                .selectable_label(selected, text)
                .accessible_name(format!("{} tab", panel.label()))
                .on_hover_text(format!(
                    "{} ({})",
                    command.tooltip(),
                    shortcut_text(ui, command)
                ));
            if response.clicked() && !selected {
                actions.push(Action::Command(command));
            }
        }
    });
    ui.separator();
    match state.views.side_panel() {
        SidePanel::Section => cards_ui::cards_ui(ui, state, requests, actions),
        SidePanel::Claims => claims_ui::claims_ui(ui, state, requests, actions),
        SidePanel::Suggestions => suggestions_ui::suggestions_ui(ui, state, requests, actions),
        SidePanel::Revision => revision_ui::revision_ui(ui, state, actions),
        SidePanel::Conflicts => conflicts_ui::conflicts_ui(ui, state, actions),
    }
}
