//! Short texts that may read right to left — a heading in the outline, a quote on a card, a
//! claim in the list — laid out as they are read (`bidi_layout`) wherever the desk shows
//! them. Text with no right-to-left letter is left to egui as it is.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Align, FontSelection, Galley, Ui, WidgetText};

use super::bidi_layout::{VisualStyle, visual_galley};
use crate::fingerprint::hash_of;

/// `text` to show in a label `width` wide: laid out as it is read when it has a
/// right-to-left letter (its lines pushed right when it reads right to left).
pub fn reading_text(ui: &Ui, text: impl Into<WidgetText>, width: f32) -> WidgetText {
    let text: WidgetText = text.into();
    if !crate::bidi::has_right_to_left(text.text()) {
        return text;
    }
    let content = text.text().to_owned();
    let job = text.into_layout_job(ui.style(), FontSelection::Default, Align::Min);
    let Some(format) = job.sections.first().map(|section| section.format.clone()) else {
        return WidgetText::from(content);
    };
    let key = hash_of(&(&content, &format, width.to_bits()));
    let galley = kept_galley(ui, key, || {
        let format_of = |_| format.clone();
        let style = VisualStyle {
            format_of: &format_of,
            cuts: &[],
            paragraph_gap: None,
            wrap_width: width,
        };
        visual_galley(ui, &content, &style).0
    });
    WidgetText::Galley(galley)
}

/// The galleys of reading texts drawn lately, by what they were laid out from: a card's
/// quote is drawn every frame, and laying it out as it reads is far more work than egui's
/// own (cached) layout.
#[derive(Clone, Default)]
struct KeptGalleys {
    galleys: HashMap<u64, (u64, Arc<Galley>)>,
}

/// Frames a reading text not drawn is kept for.
const KEPT_FOR_PASSES: u64 = 120;

fn kept_galley(ui: &Ui, key: u64, lay_out: impl FnOnce() -> Arc<Galley>) -> Arc<Galley> {
    let id = egui::Id::unique("reading texts laid out");
    let pass = ui.ctx().cumulative_pass_nr();
    let kept = ui.data_mut(|data| {
        let kept = data.get_temp_mut_or_default::<KeptGalleys>(id);
        kept.galleys.get_mut(&key).map(|(used, galley)| {
            *used = pass;
            galley.clone()
        })
    });
    if let Some(galley) = kept {
        return galley;
    }
    let galley = lay_out();
    ui.data_mut(|data| {
        let kept = data.get_temp_mut_or_default::<KeptGalleys>(id);
        kept.galleys
            .retain(|_, (used, _)| pass.saturating_sub(*used) < KEPT_FOR_PASSES);
        kept.galleys.insert(key, (pass, galley.clone()));
    });
    galley
}

/// `text` in one font and colour, laid out `width` wide as it is read.
pub fn reading_galley(
    ui: &Ui,
    text: &str,
    font: egui::FontId,
    color: egui::Color32,
    width: f32,
) -> Arc<Galley> {
    let rich = egui::RichText::new(text).font(font.clone()).color(color);
    match reading_text(ui, rich, width) {
        WidgetText::Galley(galley) => galley,
        _ => ui.fonts_mut(|fonts| fonts.layout(text.to_owned(), font, color, width)),
    }
}

/// A text field's words shown as they read, in the field's place and with its id: a click
/// (or Tab) gives the field the keyboard, and the field itself is drawn from then on.
pub fn reading_field_ui(ui: &mut Ui, id: egui::Id, text: &str) -> egui::Response {
    let width = ui.available_width();
    let margin = ui.spacing().button_padding;
    let galley = reading_galley(
        ui,
        text,
        egui::TextStyle::Body.resolve(ui.style()),
        ui.visuals().text_color(),
        width - 2.0 * margin.x,
    );
    let size = egui::vec2(width, galley.size().y + 2.0 * margin.y);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let response = ui.interact(rect, id, egui::Sense::click());
    let visuals = ui.style().interact(&response);
    ui.painter().rect(
        rect,
        visuals.corner_radius,
        ui.visuals().extreme_bg_color,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    ui.painter()
        .galley(rect.min + margin, galley, ui.visuals().text_color());
    if response.clicked() {
        response.request_focus();
    }
    if response.hovered() {
        ui.set_cursor_icon(egui::CursorIcon::Text);
    }
    response.widget_info(|| egui::WidgetInfo::text_edit(true, String::new(), text, String::new()));
    response
}
