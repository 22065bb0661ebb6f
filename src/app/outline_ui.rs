//! The outline on the left: overall progress, and every section with its status and counts.

use egui::{Align, Layout, ProgressBar, RichText, ScrollArea, Sense, Ui};

use super::look;
use super::state::{Action, AppState};
use crate::model::Project;
use crate::report::counted;

pub fn outline_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(project) = state.project() else {
        ui.weak("No review open.");
        return;
    };
    progress_ui(ui, project);
    ui.add_space(8.0);
    ui.separator();
    ScrollArea::vertical()
        .id_salt("outline")
        .auto_shrink(false)
        .show(ui, |ui| {
            for section in &project.sections {
                let is_current = state.current_section.as_ref() == Some(&section.id);
                let open_comments = project
                    .comments_in(&section.id)
                    .filter(|c| c.is_open())
                    .count();
                let open_claims = project
                    .claims_in(&section.id)
                    .filter(|c| c.is_open())
                    .count();
                let frame = egui::Frame::new()
                    .inner_margin(egui::Margin::symmetric(6, 5))
                    .corner_radius(4.0)
                    .fill(if is_current {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                    } else {
                        egui::Color32::TRANSPARENT
                    });
                let inner = frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(look::review_status_icon(section.status))
                                .color(look::review_status_color(section.status, ui.visuals()))
                                .size(15.0),
                        );
                        let title = RichText::new(section.title());
                        let title = if section.heading.is_none() {
                            title.italics()
                        } else {
                            title
                        };
                        ui.add(egui::Label::new(title.strong()).wrap().selectable(false));
                    });
                    ui.horizontal(|ui| {
                        ui.add_space(22.0);
                        ui.label(
                            RichText::new(section.status.label())
                                .size(11.5)
                                .color(look::review_status_color(section.status, ui.visuals())),
                        );
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            counts_ui(ui, open_comments, open_claims);
                        });
                    });
                });
                let response = ui
                    .interact(
                        inner.response.rect,
                        ui.make_persistent_id(("outline", &section.id)),
                        Sense::click(),
                    )
                    .on_hover_text(format!(
                        "{} — {}, {}, {}. Click to go there.",
                        section.title(),
                        section.status.label(),
                        counted(open_comments, "open comment", "open comments"),
                        counted(open_claims, "open claim", "open claims"),
                    ));
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Go to {}", section.title()),
                    )
                });
                if response.hovered() {
                    ui.set_cursor_icon(egui::CursorIcon::PointingHand);
                }
                if response.clicked() {
                    actions.push(Action::GoToSection(section.id.clone()));
                }
            }
        });
}

fn progress_ui(ui: &mut Ui, project: &Project) {
    let progress = project.progress();
    ui.add_space(4.0);
    ui.label(RichText::new(&project.title).strong().size(15.0));
    ui.add_space(6.0);
    let fraction = if progress.sections == 0 {
        0.0
    } else {
        progress.approved as f32 / progress.sections as f32
    };
    let summary = format!(
        "{} of {} approved · {}",
        progress.approved,
        progress.sections,
        counted(progress.open_claims, "open claim", "open claims")
    );
    ui.add(
        ProgressBar::new(fraction)
            .fill(look::review_status_color(
                crate::model::ReviewStatus::Approved,
                ui.visuals(),
            ))
            .desired_height(6.0),
    )
    .accessible_name(format!("Review progress: {summary}"));
    ui.label(RichText::new(summary).size(12.5));
    if progress.open_comments > 0 {
        ui.label(
            RichText::new(counted(
                progress.open_comments,
                "open comment",
                "open comments",
            ))
            .size(12.5)
            .weak(),
        );
    }
}

fn counts_ui(ui: &mut Ui, open_comments: usize, open_claims: usize) {
    let visuals = ui.visuals().clone();
    if open_claims > 0 {
        ui.label(
            RichText::new(format!("{} {open_claims}", look::CLAIM_ICON))
                .size(11.5)
                .color(look::claim_status_color(
                    crate::model::ClaimStatus::NeedsSource,
                    &visuals,
                )),
        )
        .on_hover_text(counted(open_claims, "open claim", "open claims"));
    }
    if open_comments > 0 {
        ui.label(RichText::new(format!("{} {open_comments}", look::COMMENT_ICON)).size(11.5))
            .on_hover_text(counted(open_comments, "open comment", "open comments"));
    }
}
