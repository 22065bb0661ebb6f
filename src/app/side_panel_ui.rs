//! The right-hand panel: the current section's cards, every claim, every comment (or the
//! Word draft's tracked changes), the suggestions, what the latest draft changed, or what a
//! merge left to settle, or the claim library, chosen by tabs (Ctrl+1 to Ctrl+7).

use egui::{RichText, Ui};

use super::cards_ui;
use super::claims_ui;
use super::command::UiCommand;
use super::command::shortcut_text;
use super::comments_ui;
use super::conflicts_ui;
use super::library_ui;
use super::revision_ui;
use super::side_panel::SidePanel;
use super::state::CardRequests;
use super::state::{Action, AppState};
use super::suggestions_ui;
use crate::model::{Reviewer, ReviewerId};
use crate::query::reviewers_in;

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
                SidePanel::Section | SidePanel::Library => None,
                SidePanel::Claims => state.project().map(|p| p.claims.len()),
                SidePanel::Suggestions => Some(state.views.suggestions().undecided_count()),
                SidePanel::Revision => state
                    .review
                    .as_ref()
                    .filter(|r| !r.project().earlier_drafts.is_empty())
                    .map(|r| r.marks().marks_needing_attention()),
                SidePanel::Conflicts => state.project().map(|p| p.conflicts.len()),
                // Tracked changes are counted inside the tab, beside it.
                SidePanel::Comments => state
                    .project()
                    .map(|p| p.comments.iter().filter(|c| !c.is_tracked_change()).count()),
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
    reviewer_filter_ui(ui, state, actions);
    ui.separator();
    match state.views.side_panel() {
        SidePanel::Section => cards_ui::cards_ui(ui, state, requests, actions),
        SidePanel::Claims => claims_ui::claims_ui(ui, state, requests, actions),
        SidePanel::Suggestions => suggestions_ui::suggestions_ui(ui, state, requests, actions),
        SidePanel::Revision => revision_ui::revision_ui(ui, state, actions),
        SidePanel::Conflicts => conflicts_ui::conflicts_ui(ui, state, actions),
        SidePanel::Comments => comments_ui::comments_ui(ui, state, requests, actions),
        SidePanel::Library => library_ui::library_ui(ui, state, requests, actions),
    }
}

/// Whose marks are shown: everyone's, or one reviewer's — in the text, the cards, the
/// claims view and what is exported. Offered once a review has more than one reviewer.
fn reviewer_filter_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(project) = state.project() else {
        return;
    };
    let chosen = state.views.marks_by();
    if project.reviewers.len() < 2 && chosen.is_none() {
        return;
    }
    let name = |id: &ReviewerId| {
        project.reviewers.iter().find(|r| &r.id == id).map_or_else(
            || {
                // Not in the list: an author known only by the name on their records.
                reviewers_in(project)
                    .into_iter()
                    .find(|r| &r.id == id)
                    .map_or_else(|| id.to_string(), |r| r.name)
            },
            reviewer_label,
        )
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new("Marks by").size(12.5));
        let selected = chosen.map_or_else(|| EVERYONE.to_owned(), name);
        let mut picked = None;
        egui::ComboBox::from_id_salt("marks by")
            .selected_text(selected)
            .width(ui.available_width().min(200.0))
            .show_ui(ui, |ui| {
                if ui.selectable_label(chosen.is_none(), EVERYONE).clicked() {
                    picked = Some(None);
                }
                // Listed only while the list is open: it reads every mark.
                for reviewer in reviewers_in(project) {
                    let is_chosen = chosen == Some(&reviewer.id);
                    if ui
                        .selectable_label(is_chosen, reviewer_label(&reviewer))
                        .clicked()
                    {
                        picked = Some(Some(reviewer.id));
                    }
                }
            })
            .response
            .accessible_name("Show marks by")
            .on_hover_text(
                "Show only one reviewer's comments and claims — in the text, the cards, the \
                 claims view and what Export writes — or everyone's",
            );
        if let Some(picked) = picked.filter(|picked| picked.as_ref() != chosen) {
            actions.push(Action::ShowMarksBy(picked));
        }
    });
}

/// What the reviewer filter offers when no one is chosen.
const EVERYONE: &str = "Everyone";

/// "Ana (Editor)", or the name alone when the role is not known.
fn reviewer_label(reviewer: &Reviewer) -> String {
    match reviewer.role {
        Some(role) => format!("{} ({})", reviewer.name, role.label()),
        None => reviewer.name.clone(),
    }
}
