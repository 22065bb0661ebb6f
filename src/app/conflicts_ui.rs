//! The Conflicts tab: what a merge of two reviewers' copies could not decide, each with the
//! value both started from, each side's value with who changed it and when, and the buttons
//! that keep a side (or, for a text, both). Until settled, the review holds the value that
//! keeps the publishing gate safe; each pick is one undoable step.

use egui::{RichText, ScrollArea, Ui};

use super::card_parts_ui::with_role;
use super::look;
use super::state::{Action, AppState};
use super::widgets::{card_frame, link_text_ui};
use crate::merge::Pick;
use crate::model::{Conflict, ConflictSide, Project};

pub fn conflicts_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(project) = state.project() else {
        ui.weak("Open a review to see what a merge left to settle.");
        return;
    };
    if project.conflicts.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("No conflicts").strong());
        ui.weak(
            "When another reviewer's copy is merged in (Merge another review… in the File menu, or a \
             file changed on disk), whatever you both changed differently is listed here for \
             you to settle.",
        );
        return;
    }
    ui.label(RichText::new("Keep one side of each, or for a text both").strong());
    ui.weak(
        "Until you pick, each holds the more cautious value: a section counts as approved, a \
         claim as verified, only where both agreed.",
    );
    ui.separator();
    ScrollArea::vertical()
        .id_salt("conflicts")
        .auto_shrink(false)
        .show(ui, |ui| {
            for conflict in &project.conflicts {
                card_frame(ui, false).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    conflict_card_ui(ui, project, conflict, actions);
                });
                ui.add_space(8.0);
            }
        });
}

fn conflict_card_ui(
    ui: &mut Ui,
    project: &Project,
    conflict: &Conflict,
    actions: &mut Vec<Action>,
) {
    let what = conflict.target.describe(project);
    let title = RichText::new(format!("{} {}", look::CONFLICT_ICON, capitalised(&what))).strong();
    let response = link_text_ui(ui, title, "Show it in the text");
    // A link, for screen readers and tests, named by where it leads.
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("Show {what}")));
    if response.clicked() {
        actions.push(Action::GoToConflict(conflict.id.clone()));
    }
    let base = conflict.base.as_ref().map_or_else(
        || "not known (the copies were merged without the version both started from)".to_owned(),
        |value| value.describe(),
    );
    ui.label(RichText::new(format!("Before: {base}")).size(12.5).weak());
    egui::Grid::new(("conflict sides", &conflict.id))
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            for side in [&conflict.ours, &conflict.theirs] {
                side_ui(ui, project, side);
                ui.end_row();
            }
        });
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for (pick, side_name) in [
            (Pick::Ours, "ours"),
            (Pick::Theirs, "theirs"),
            (Pick::Both, "both"),
        ] {
            if !pick.applies_to(conflict) {
                continue;
            }
            let (text, hover) = match pick {
                Pick::Ours => keep_side(&conflict.ours, &what),
                Pick::Theirs => keep_side(&conflict.theirs, &what),
                Pick::Both => (
                    "Keep both".to_owned(),
                    format!(
                        "Keep {} as it is, and add {} beside it as a second one",
                        conflict.ours.from, conflict.theirs.from
                    ),
                ),
            };
            let response = ui
                .button(text)
                .accessible_name(format!("Keep {side_name} for {what}"))
                .on_hover_text(format!("{hover} (Ctrl+Z brings the conflict back)"));
            if response.clicked() {
                actions.push(Action::ResolveConflict {
                    conflict: conflict.id.clone(),
                    pick,
                });
            }
        }
    });
}

/// One side's row: where it came from, its value, who changed it and when.
fn side_ui(ui: &mut Ui, project: &Project, side: &ConflictSide) {
    ui.label(RichText::new(&side.from).strong().size(12.5));
    ui.vertical(|ui| {
        ui.label(RichText::new(side.value.describe()).size(12.5));
        if let Some(by) = &side.by {
            ui.label(
                RichText::new(format!(
                    "by {} · {}",
                    with_role(Some(project), &by.by, &by.by_id),
                    look::time_for_people(by.at)
                ))
                .size(11.5)
                .weak(),
            );
        }
    });
}

/// A keep button's text and tooltip for one side.
fn keep_side(side: &ConflictSide, what: &str) -> (String, String) {
    (
        format!("Keep {}", side.from),
        format!(
            "Take {}'s side: {what} becomes {}",
            side.from,
            side.value.describe()
        ),
    )
}

/// "the status of …" → "The status of …".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
