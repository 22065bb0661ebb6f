//! The frames of the panels beside the article: the outline on the left and the side panel on
//! the right, each resizable as far as [`panel_layout`](super::panel_layout) allows and with a
//! button to hide it. A panel hidden, or folded for want of room, leaves a strip with the
//! button that shows it again, so it is never lost.

use egui::{Align, Frame, Layout, Panel, RichText, Ui};

use super::command::{UiCommand, shortcut_text};
use super::panel_layout::{
    DeskPanel, FOLDED_WIDTH, OUTLINE_DEFAULT_WIDTH, OUTLINE_WIDTHS, SIDE_PANEL_DEFAULT_WIDTH,
    SIDE_PANEL_WIDTHS,
};
use super::state::Action;

/// What tells one panel from the other.
struct PanelLook {
    open_id: &'static str,
    folded_id: &'static str,
    min_width: f32,
    default_width: f32,
    command: UiCommand,
    /// The panel's name for screen readers: "Hide outline", "Show side panel".
    name: &'static str,
    /// Points toward the window's edge: the way the panel folds.
    fold_icon: &'static str,
    unfold_icon: &'static str,
}

impl PanelLook {
    fn of(panel: DeskPanel) -> Self {
        match panel {
            DeskPanel::Outline => Self {
                open_id: "outline",
                folded_id: "outline folded",
                min_width: *OUTLINE_WIDTHS.start(),
                default_width: OUTLINE_DEFAULT_WIDTH,
                command: UiCommand::ToggleOutline,
                name: "outline",
                fold_icon: "«",
                unfold_icon: "»",
            },
            DeskPanel::SidePanel => Self {
                open_id: "cards",
                folded_id: "cards folded",
                min_width: *SIDE_PANEL_WIDTHS.start(),
                default_width: SIDE_PANEL_DEFAULT_WIDTH,
                command: UiCommand::ToggleSidePanel,
                name: "side panel",
                fold_icon: "»",
                unfold_icon: "«",
            },
        }
    }

    fn panel(&self, panel: DeskPanel, id: &'static str) -> Panel {
        match panel {
            DeskPanel::Outline => Panel::left(id),
            DeskPanel::SidePanel => Panel::right(id),
        }
    }
}

/// Draws a panel beside the article, open (at most `max_width` wide, its contents from
/// `add_contents`) or folded; returns how wide it was drawn.
pub fn desk_panel_ui(
    ui: &mut Ui,
    panel: DeskPanel,
    open: bool,
    max_width: f32,
    actions: &mut Vec<Action>,
    add_contents: impl FnOnce(&mut Ui, &mut Vec<Action>),
) -> f32 {
    let look = PanelLook::of(panel);
    let folded = look
        .panel(panel, look.folded_id)
        .exact_size(FOLDED_WIDTH)
        .resizable(false)
        .frame(Frame::side_top_panel(ui.style()).inner_margin(4));
    let expanded = look
        .panel(panel, look.open_id)
        .resizable(true)
        .default_size(look.default_width)
        .size_range(look.min_width..=max_width.max(look.min_width));
    // Dragging the edge past the narrowest folds the panel: that is asking to hide it.
    let mut expanded_now = open;
    let response = Panel::show_switched(ui, &mut expanded_now, folded, expanded, |ui, expanded| {
        if expanded {
            hide_row_ui(ui, panel, &look, actions);
            add_contents(ui, actions);
        } else {
            show_button_ui(ui, &look, actions);
        }
    });
    if expanded_now != open {
        actions.push(Action::Command(look.command));
    }
    response.response.rect.width()
}

/// The open panel's first row: its name, and the button that folds it toward its edge.
fn hide_row_ui(ui: &mut Ui, panel: DeskPanel, look: &PanelLook, actions: &mut Vec<Action>) {
    let caption = |ui: &mut Ui| {
        let name = match panel {
            DeskPanel::Outline => "Outline",
            DeskPanel::SidePanel => "Side panel",
        };
        ui.label(RichText::new(name).size(11.5).weak());
    };
    let button = |ui: &mut Ui, actions: &mut Vec<Action>| {
        let response = ui
            .add(
                egui::Button::new(RichText::new(look.fold_icon).size(15.0))
                    .frame(false)
                    .min_size(egui::vec2(22.0, 16.0)),
            )
            .accessible_name(format!("Hide {}", look.name))
            .on_hover_text(format!(
                "Hide the {} ({})",
                look.name,
                shortcut_text(ui, look.command)
            ));
        if response.clicked() {
            actions.push(Action::Command(look.command));
        }
    };
    ui.horizontal(|ui| match panel {
        DeskPanel::Outline => {
            caption(ui);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                button(ui, actions);
            });
        }
        DeskPanel::SidePanel => {
            button(ui, actions);
            caption(ui);
        }
    });
}

/// The folded panel's strip: the button that shows the panel again.
fn show_button_ui(ui: &mut Ui, look: &PanelLook, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        let response = ui
            .add(egui::Button::new(look.unfold_icon).small())
            .accessible_name(format!("Show {}", look.name))
            .on_hover_text(format!(
                "Show the {} ({})",
                look.name,
                shortcut_text(ui, look.command)
            ));
        if response.clicked() {
            actions.push(Action::Command(look.command));
        }
    });
}
