//! Small widgets every panel uses: a card's frame, and text that works as a link.

use egui::{Frame, RichText, Sense, Ui};

pub fn card_frame(ui: &Ui, selected: bool) -> Frame {
    let visuals = ui.visuals();
    Frame::group(ui.style())
        .fill(visuals.extreme_bg_color)
        .inner_margin(10)
        .corner_radius(6.0)
        .stroke(if selected {
            egui::Stroke::new(2.0, visuals.selection.stroke.color)
        } else {
            visuals.widgets.noninteractive.bg_stroke
        })
}

/// Wrapped text that works as a link: a pointing hand on hover, a tooltip saying where it
/// leads.
pub fn link_text_ui(ui: &mut Ui, text: RichText, hover: &str) -> egui::Response {
    // A quote in Arabic or Hebrew reads right to left here too.
    let text = super::reading_text::reading_text(ui, text, ui.available_width());
    let response = ui
        .add(
            egui::Label::new(text)
                .wrap()
                .sense(Sense::click())
                .selectable(false),
        )
        .on_hover_text(hover);
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}
