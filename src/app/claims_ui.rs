//! The claims view: every claim of the article in one list, filtered by status, kind and
//! section, sorted as the fact-checker likes; the selected claim opens in place.

use egui::{Align, RichText, ScrollArea, Ui};

use super::card_parts_ui::with_role;
use super::claim_card_ui::claim_card_ui;
use super::command::UiCommand;
use super::command::shortcut_text;
use super::look;
use super::state::CardRequests;
use super::state::{Action, AppState};
use super::widgets::{card_frame, link_text_ui};
use crate::model::{CheckKind, Claim, ClaimStatus, MarkId, Project};
use crate::query::{ClaimOrder, ClaimQuery, StatusFilter};
use crate::text::shortened;

pub fn claims_ui(
    ui: &mut Ui,
    state: &AppState,
    requests: &CardRequests,
    actions: &mut Vec<Action>,
) {
    let Some(project) = state.project() else {
        ui.weak("Open an article to see its claims.");
        return;
    };
    filters_ui(ui, project, state.views.claims_view(), actions);
    let claims = state.views.claims_view().claims(project);
    let open = project.claims.iter().filter(|c| c.is_open()).count();
    ui.horizontal(|ui| {
        ui.weak(format!("{} shown · {open} open", claims.len()));
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            for command in [UiCommand::NextOpenClaim, UiCommand::PreviousOpenClaim] {
                let label = if command == UiCommand::NextOpenClaim {
                    "Next open ⏷"
                } else {
                    "⏶ Previous"
                };
                if ui
                    .small_button(label)
                    .accessible_name(command.label())
                    .on_hover_text(format!(
                        "{} ({})",
                        command.tooltip(),
                        shortcut_text(ui, command)
                    ))
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
        });
    });
    ui.separator();
    ScrollArea::vertical()
        .id_salt("claims list")
        .auto_shrink(false)
        .show(ui, |ui| {
            if claims.is_empty() {
                ui.add_space(12.0);
                ui.weak(if project.claims.is_empty() {
                    "No claims yet.\n\nFlag a passage in the text (select it, then Flag claim), \
                     or accept suggestions in the Suggestions tab."
                } else {
                    "No claim matches these filters."
                });
            }
            for claim in claims {
                let mark = MarkId::Claim(claim.id.clone());
                let selected = state.navigation.selected_mark() == Some(&mark);
                let response = card_frame(ui, selected)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if selected {
                            claim_card_ui(ui, state, claim, requests, actions);
                        } else {
                            claim_row_ui(ui, project, claim, actions);
                        }
                    })
                    .response;
                if requests.reveal.as_ref() == Some(&mark) {
                    response.scroll_to_me(Some(Align::Center));
                }
                ui.add_space(6.0);
            }
        });
}

fn claim_row_ui(ui: &mut Ui, project: &Project, claim: &Claim, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(look::claim_status_text(claim.status, ui.visuals()).size(12.0));
        let sources = crate::text::counted(claim.sources.len(), "source", "sources");
        ui.weak(RichText::new(format!("· {sources}")).size(12.0));
    });
    let response = link_text_ui(
        ui,
        RichText::new(format!("“{}”", shortened(&claim.passage.quote, 140))).italics(),
        "Open this claim and show it in the text",
    );
    if response.clicked() {
        actions.push(Action::ShowMark(MarkId::Claim(claim.id.clone())));
    }
    let section = project.section_title(&claim.section);
    ui.label(
        RichText::new(format!(
            "{} · flagged by {} · {}",
            shortened(section, 40),
            with_role(Some(project), &claim.author, &claim.author_id),
            look::time_for_people(claim.created)
        ))
        .size(11.5)
        .weak(),
    );
}

fn filters_ui(ui: &mut Ui, project: &Project, view: &ClaimQuery, actions: &mut Vec<Action>) {
    let mut changed = view.clone();
    egui::Grid::new("claims filters")
        .num_columns(2)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label("Status");
            let label = |filter: StatusFilter| match filter {
                StatusFilter::All => "All".to_owned(),
                StatusFilter::Open => "Open (blocking)".to_owned(),
                StatusFilter::Is(status) => status.label().to_owned(),
            };
            egui::ComboBox::from_id_salt("claims status filter")
                .selected_text(label(view.status))
                .width(170.0)
                .show_ui(ui, |ui| {
                    let options = [StatusFilter::All, StatusFilter::Open]
                        .into_iter()
                        .chain(ClaimStatus::ALL.map(StatusFilter::Is));
                    for option in options {
                        ui.selectable_value(&mut changed.status, option, label(option));
                    }
                })
                .response
                .accessible_name("Filter claims by status");
            ui.end_row();

            ui.label("Kind");
            let kind_label = |kind: Option<Option<CheckKind>>| match kind {
                None => "Any",
                Some(None) => "Flagged by hand",
                Some(Some(kind)) => kind.label(),
            };
            egui::ComboBox::from_id_salt("claims kind filter")
                .selected_text(kind_label(view.kind))
                .width(170.0)
                .show_ui(ui, |ui| {
                    let options = [None, Some(None)]
                        .into_iter()
                        .chain(CheckKind::ALL.map(|kind| Some(Some(kind))));
                    for option in options {
                        ui.selectable_value(&mut changed.kind, option, kind_label(option));
                    }
                })
                .response
                .accessible_name("Filter claims by kind");
            ui.end_row();

            ui.label("Section");
            let section_label = view
                .section
                .as_ref()
                .and_then(|id| project.section(id))
                .map_or_else(|| "All".to_owned(), |s| shortened(s.title(), 26));
            egui::ComboBox::from_id_salt("claims section filter")
                .selected_text(section_label)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut changed.section, None, "All");
                    for section in &project.sections {
                        ui.selectable_value(
                            &mut changed.section,
                            Some(section.id.clone()),
                            shortened(section.title(), 40),
                        );
                    }
                })
                .response
                .accessible_name("Filter claims by section");
            ui.end_row();

            ui.label("Sort");
            egui::ComboBox::from_id_salt("claims order")
                .selected_text(view.order.label())
                .width(170.0)
                .show_ui(ui, |ui| {
                    for order in ClaimOrder::ALL {
                        ui.selectable_value(&mut changed.order, order, order.label());
                    }
                })
                .response
                .accessible_name("Sort claims");
            ui.end_row();
        });
    if &changed != view {
        actions.push(Action::SetClaimsView(changed));
    }
}
