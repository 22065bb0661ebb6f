//! How the matches of find (issue 17, item 3) show in the article: a highlight of their own,
//! apart from marks and suggestions — a colour no mark uses, over any mark under it as a
//! browser's find does, leading nowhere when clicked and with no icon in the margin — in the
//! text and in the headings.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Galley, Ui, Visuals};

use super::bidi_layout::{VisualStyle, visual_galley};
use super::look;

/// A match of find in a section's text or heading.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FoundSpan {
    /// Character offsets into the text.
    pub range: Range<usize>,
    /// The current match, the one Enter and F3 step from: highlighted stronger.
    pub current: bool,
}

/// Gives the piece of text at `range` the background of the match covering it, if any.
pub fn highlight_found(
    format: &mut TextFormat,
    range: Range<usize>,
    found: &[FoundSpan],
    visuals: &Visuals,
) {
    if let Some(span) = found
        .iter()
        .find(|f| f.range.start <= range.start && range.end <= f.range.end)
    {
        format.background = if span.current {
            look::current_find_highlight(visuals)
        } else {
            look::find_highlight(visuals)
        };
    }
}

/// A section's heading laid out, with the matches of find in it highlighted.
pub fn heading_galley(
    ui: &Ui,
    heading: &str,
    level: u8,
    width: f32,
    found: &[FoundSpan],
) -> Arc<Galley> {
    let format = TextFormat::simple(
        FontId::proportional(look::heading_font_size(level)),
        ui.visuals().strong_text_color(),
    );
    if crate::bidi::has_right_to_left(heading) {
        let mut cuts: Vec<usize> = found
            .iter()
            .flat_map(|f| [f.range.start, f.range.end])
            .collect();
        cuts.sort_unstable();
        cuts.dedup();
        let format_of = |range: Range<usize>| {
            let mut piece = format.clone();
            highlight_found(&mut piece, range, found, ui.visuals());
            piece
        };
        let style = VisualStyle {
            format_of: &format_of,
            cuts: &cuts,
            paragraph_gap: None,
            wrap_width: width,
        };
        return visual_galley(ui, heading, &style).0;
    }
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut cuts: Vec<usize> = found
        .iter()
        .flat_map(|f| [f.range.start, f.range.end])
        .chain([0, heading.chars().count()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let range = pair[0]..pair[1];
        let mut piece = format.clone();
        highlight_found(&mut piece, range.clone(), found, ui.visuals());
        job.append(crate::text::slice_chars(heading, range), 0.0, piece);
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
