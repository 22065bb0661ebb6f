//! A section's body laid out with its marks, its suggested sentences and the matches of find
//! highlighted: as written, with a smaller blank line between paragraphs, or, for text with
//! right-to-left letters, as it is read (`bidi_layout`).

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Galley, Stroke, Ui, Visuals};

use super::bidi_layout::{VisualStyle, visual_galley};
use super::find_highlights::{FoundSpan, highlight_found};
use super::look;
use super::paragraph_map::ParagraphMap;
use super::section_text::{MarkKind, MarkSpan, SpanTarget};
use super::text_map::TextMap;

/// Lays out a section body with its marks (and the matches of find) highlighted; text with
/// right-to-left letters in the order it is read (`bidi_layout`).
pub fn section_galley(
    ui: &Ui,
    text: &str,
    (spans, found): (&[MarkSpan], &[FoundSpan]),
    selected: Option<&SpanTarget>,
    wrap_width: f32,
) -> (Arc<Galley>, TextMap) {
    let visuals = ui.visuals();
    let base = TextFormat {
        font_id: look::body_font(),
        color: visuals.text_color(),
        line_height: Some(look::BODY_LINE_HEIGHT),
        ..Default::default()
    };
    let gap = TextFormat {
        font_id: egui::FontId::proportional(look::BODY_FONT_SIZE * 0.6),
        line_height: Some(look::BODY_LINE_HEIGHT * 0.45),
        ..base.clone()
    };
    let format_of = |range: Range<usize>| {
        let mut format = format_for(&base, range.clone(), spans, selected, visuals);
        highlight_found(&mut format, range, found, visuals);
        format
    };
    // Where the format changes: at the edges of marks and of the matches of find.
    let edges = spans
        .iter()
        .flat_map(|s| [s.range.start, s.range.end])
        .chain(found.iter().flat_map(|f| [f.range.start, f.range.end]));
    if crate::bidi::has_right_to_left(text) {
        let mut cuts: Vec<usize> = edges.collect();
        cuts.sort_unstable();
        cuts.dedup();
        let style = VisualStyle {
            format_of: &format_of,
            cuts: &cuts,
            paragraph_gap: Some(&gap),
            wrap_width,
        };
        let (galley, map) = visual_galley(ui, text, &style);
        return (galley, TextMap::Visual(map));
    }
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let total = chars.len();
    let byte_at = |char_offset: usize| chars.get(char_offset).map_or(text.len(), |(b, _)| *b);
    // Cut the text at the edges, and around paragraph breaks (so the blank line between
    // paragraphs can get its own, smaller format).
    let mut cuts: Vec<usize> = edges
        .chain(
            chars
                .iter()
                .enumerate()
                .filter(|(_, (_, c))| *c == '\n')
                .flat_map(|(i, _)| [i, i + 1]),
        )
        .filter(|&cut| cut < total)
        .chain([total])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut start = 0;
    for end in cuts {
        if end <= start {
            continue;
        }
        let piece = &text[byte_at(start)..byte_at(end)];
        if piece == "\n" {
            job.append("\n", 0.0, base.clone());
            job.append("\n", 0.0, gap.clone());
        } else {
            job.append(piece, 0.0, format_of(start..end));
        }
        start = end;
    }
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    (galley, TextMap::Written(ParagraphMap::new(text)))
}

fn format_for(
    base: &TextFormat,
    range: Range<usize>,
    spans: &[MarkSpan],
    selected: Option<&SpanTarget>,
    visuals: &Visuals,
) -> TextFormat {
    let mut format = base.clone();
    let covering = spans
        .iter()
        .filter(|s| s.range.start <= range.start && range.end <= s.range.end);
    let mut selected_fill = None;
    for span in covering {
        let is_selected = Some(&span.target) == selected;
        match span.kind {
            MarkKind::Comment { resolved } => {
                let fill = if is_selected {
                    look::selected_comment_highlight(visuals)
                } else if resolved {
                    look::resolved_comment_highlight(visuals)
                } else {
                    look::comment_highlight(visuals)
                };
                if format.background == Color32::TRANSPARENT {
                    format.background = fill;
                }
                if is_selected {
                    selected_fill = Some(fill);
                }
            }
            MarkKind::Suggestion(kind) => {
                if format.underline == Stroke::NONE {
                    format.underline = Stroke::new(1.0, look::suggestion_color(kind, visuals));
                }
                if is_selected {
                    let fill = look::selected_suggestion_highlight(kind, visuals);
                    format.background = fill;
                    selected_fill = Some(fill);
                }
            }
            MarkKind::Claim(status) => {
                format.underline = Stroke::new(2.0, look::claim_status_color(status, visuals));
                let fill = if is_selected {
                    look::selected_claim_highlight(status, visuals)
                } else {
                    look::claim_highlight(status, visuals)
                };
                if format.background == Color32::TRANSPARENT {
                    format.background = fill;
                }
                if is_selected {
                    selected_fill = Some(fill);
                }
            }
        }
    }
    // Where marks overlap, the selected one shows.
    if let Some(fill) = selected_fill {
        format.background = fill;
    }
    format
}
