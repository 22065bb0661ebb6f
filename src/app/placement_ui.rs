//! A mark's placement line, on its card and in the Revision tab: how it came through the
//! latest draft (exact, moved, fuzzy, orphaned, or a person's decision) and the buttons to
//! settle it.

use egui::{RichText, Ui};

use super::look;
use super::state::Action;
use super::widgets::link_text_ui;
use crate::model::{AnchorState, Carried, MarkId, Project, Section};
use crate::text::shortened;

/// How a mark came through the revision, with the buttons to settle it. Shown in the
/// Revision tab and on the mark's card.
pub fn placement_ui(
    ui: &mut Ui,
    project: &Project,
    mark: &MarkId,
    carried: &Carried,
    quote: Option<&str>,
    can_reattach: bool,
    actions: &mut Vec<Action>,
) {
    let before = carried.passage_before.as_ref().map(|p| p.quote.as_str());
    let section_before = project
        .earlier_draft(carried.from_draft)
        .and_then(|d| d.section(&carried.section_before))
        .map_or("a removed section", Section::title);
    let name = shortened(before.or(quote).unwrap_or("the section"), 40);
    match carried.state {
        AnchorState::Fuzzy => {
            let why = carried.similarity.map_or_else(
                || " — the same words, but where they belong is uncertain".to_owned(),
                |s| format!(" ({s}% alike)"),
            );
            ui.label(
                RichText::new(format!("Fuzzy{why}")).color(look::attention_color(ui.visuals())),
            );
            if let Some(before) = before {
                ui.label(RichText::new(format!("Was: “{}”", shortened(before, 220))).weak());
            }
            if let Some(now) = quote {
                let response = link_text_ui(
                    ui,
                    RichText::new(format!("Now: “{}”", shortened(now, 220))).italics(),
                    "Show in the text",
                );
                if response.clicked() {
                    actions.push(Action::ShowMark(mark.clone()));
                }
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Confirm")
                    .accessible_name(format!("Confirm new place of “{name}”"))
                    .on_hover_text("Yes, the mark belongs on the new words")
                    .clicked()
                {
                    actions.push(Action::ConfirmPlacement(mark.clone()));
                }
                if ui
                    .button("Reject")
                    .accessible_name(format!("Reject new place of “{name}”"))
                    .on_hover_text("No: make it an orphan, to re-attach by hand or resolve")
                    .clicked()
                {
                    actions.push(Action::RejectPlacement(mark.clone()));
                }
                reattach_button_ui(ui, mark, &name, can_reattach, actions);
            });
        }
        AnchorState::Orphaned => {
            ui.label(
                RichText::new(format!("Orphaned — not in draft {}", project.draft.number))
                    .color(look::attention_color(ui.visuals())),
            );
            let was = before.map_or_else(
                || format!("Was on the section “{section_before}”"),
                |b| format!("Was: “{}” in “{section_before}”", shortened(b, 220)),
            );
            ui.label(RichText::new(was).weak());
            ui.horizontal(|ui| {
                reattach_button_ui(ui, mark, &name, can_reattach, actions);
                if ui
                    .button("Resolve")
                    .accessible_name(format!("Resolve orphan “{name}”"))
                    .on_hover_text(
                        "The passage is gone from the article: settle the mark (a comment is \
                         resolved, a claim stops blocking publication)",
                    )
                    .clicked()
                {
                    actions.push(Action::ResolveOrphan(mark.clone()));
                }
            });
        }
        AnchorState::Moved => {
            ui.label(
                RichText::new(format!(
                    "Moved in draft {} (was in “{section_before}”)",
                    project.draft.number
                ))
                .size(11.5)
                .weak(),
            );
        }
        AnchorState::Confirmed | AnchorState::Reattached | AnchorState::Removed => {
            let by = carried
                .decided
                .as_ref()
                .map_or_else(String::new, |d| format!(" by {}", d.by));
            ui.label(
                RichText::new(format!("Place {}{by}", carried.state.label()))
                    .size(11.5)
                    .weak(),
            );
        }
        AnchorState::Exact => {}
    }
}

fn reattach_button_ui(
    ui: &mut Ui,
    mark: &MarkId,
    name: &str,
    can_reattach: bool,
    actions: &mut Vec<Action>,
) {
    let response = ui
        .add_enabled(can_reattach, egui::Button::new("Re-attach to selection"))
        .accessible_name(format!("Re-attach “{name}” to selection"))
        .on_hover_text("Put the mark on the words selected in the text")
        .on_disabled_hover_text("Select the words in the text first");
    if response.clicked() {
        actions.push(Action::ReattachToSelection(mark.clone()));
    }
}
