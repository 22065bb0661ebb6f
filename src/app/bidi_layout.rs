//! Text with right-to-left letters laid out in the order it is read.
//!
//! egui 0.37 has no bidirectional layout: it draws a line's characters left to right in the
//! order they are written (egui issues #1016, #5069). So for a text with Arabic or Hebrew in
//! it, copydesk lays it out twice. First in the order it is written, as egui would, only to
//! learn where the lines break (UAX #9 breaks lines before reordering them). Then each line
//! is reordered (`bidi::ParagraphOrder`, once per paragraph) into pieces handed to egui one
//! by one, each line ends in a `'\n'` of its own, and a right-to-left paragraph's lines are
//! pushed to the right. The [`VisualMap`] built alongside says where each character went.
//! This happens once per layout (the article caches its galleys), never per frame; text
//! with no right-to-left letter never comes here.

use std::ops::Range;
use std::sync::Arc;

mod glyphs;

use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Ui};

use self::glyphs::{ParagraphEnd, Placed, Plan, placed};
use super::visual_map::VisualMap;
use crate::bidi::{Direction, ParagraphOrder, Piece, PieceOrder, text_to_shape};
use crate::text::slice_chars;

/// How a text is to be laid out, apart from its characters.
pub struct VisualStyle<'a> {
    /// The format of the text between two cuts (character offsets).
    pub format_of: &'a dyn Fn(Range<usize>) -> TextFormat,
    /// Offsets where the format changes, sorted.
    pub cuts: &'a [usize],
    /// A smaller blank line drawn between paragraphs, if any.
    pub paragraph_gap: Option<&'a TextFormat>,
    pub wrap_width: f32,
}

/// A text with right-to-left letters laid out as it is read, and where each character went.
pub fn visual_galley(ui: &Ui, text: &str, style: &VisualStyle<'_>) -> (Arc<Galley>, VisualMap) {
    let paragraphs: Vec<Paragraph<'_>> = paragraphs_of(text);
    let lines = line_breaks(ui, &paragraphs, style);
    let mut job = LayoutJob::default();
    job.wrap.max_width = f32::INFINITY;
    let total = crate::text::char_count(text);
    let line_end_format = (style.format_of)(total..total);
    let mut plan = Plan::default();
    for (index, (paragraph, lines)) in paragraphs.iter().zip(&lines).enumerate() {
        let right_to_left = paragraph.order.direction() == Direction::RightToLeft;
        let end = paragraph.start + crate::text::char_count(paragraph.text);
        for (line_index, line) in lines.iter().enumerate() {
            if line_index + 1 == lines.len() {
                plan.paragraph_ends.push(ParagraphEnd {
                    offset: end,
                    row: plan.line_ends.len(),
                    at_row_start: right_to_left,
                });
            } else {
                plan.line_ends.push(end);
            }
            let indent = if right_to_left {
                (style.wrap_width - line.width).max(0.0)
            } else {
                0.0
            };
            append_line(
                ui,
                &mut job,
                &mut plan,
                paragraph,
                &line.range,
                indent,
                style,
            );
            if line_index + 1 < lines.len() {
                job.append("\n", 0.0, line_end_format.clone());
            }
        }
        if index + 1 < paragraphs.len() {
            job.append("\n", 0.0, line_end_format.clone());
            plan.line_ends.push(end);
            if let Some(gap) = style.paragraph_gap {
                job.append("\n", 0.0, gap.clone());
                plan.line_ends.push(end);
            }
        }
    }
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let map = plan.map_of(&galley, total);
    (galley, map)
}

struct Paragraph<'a> {
    /// Where the paragraph starts in the text, in characters.
    start: usize,
    text: &'a str,
    order: ParagraphOrder<'a>,
}

fn paragraphs_of(text: &str) -> Vec<Paragraph<'_>> {
    let mut start = 0;
    text.split('\n')
        .map(|paragraph| {
            let this = Paragraph {
                start,
                text: paragraph,
                order: ParagraphOrder::new(paragraph),
            };
            start += crate::text::char_count(paragraph) + 1;
            this
        })
        .collect()
}

/// A line of a paragraph: its characters (offsets into the paragraph) and its width.
struct Line {
    range: Range<usize>,
    width: f32,
}

/// Where egui breaks each paragraph's lines, laid out in the order the text is written —
/// each right-to-left word on its own, as it will be drawn, so the widths are the same.
fn line_breaks(ui: &Ui, paragraphs: &[Paragraph<'_>], style: &VisualStyle<'_>) -> Vec<Vec<Line>> {
    let mut job = LayoutJob::default();
    job.wrap.max_width = style.wrap_width;
    let mut plan: Vec<(usize, Placed)> = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let length = crate::text::char_count(paragraph.text);
        let mut pieces = paragraph.order.line(0..length);
        pieces.sort_by_key(|piece| piece.logical.start);
        for piece in pieces {
            let range = piece.logical.clone();
            let absolute = paragraph.start + range.start..paragraph.start + range.end;
            let format = (style.format_of)(absolute);
            let shown = slice_chars(paragraph.text, range);
            // In the order written, so the glyphs of a piece that is not a word come one per
            // character, as written.
            let written = Piece {
                order: match piece.order {
                    PieceOrder::Reversed => PieceOrder::AsWritten,
                    order => order,
                },
                ..piece
            };
            plan.push((index, placed(ui, paragraph, &written, shown, &format)));
            append_apart(&mut job, shown, 0.0, format);
        }
        if index + 1 < paragraphs.len() {
            job.append("\n", 0.0, (style.format_of)(0..0));
        }
    }
    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let mut lines: Vec<Vec<Line>> = paragraphs.iter().map(|_| Vec::new()).collect();
    // Each row starts where its first glyph's character is.
    let (mut piece_index, mut seen) = (0, 0);
    let mut paragraph_of_row = 0;
    for row in &galley.rows {
        let mut start = None;
        let mut count = row.glyphs.len();
        while count > 0 {
            while plan
                .get(piece_index)
                .is_some_and(|(_, placed)| seen >= placed.glyphs)
            {
                piece_index += 1;
                seen = 0;
            }
            let Some((paragraph, placed)) = plan.get(piece_index) else {
                break;
            };
            if start.is_none() {
                let within = if placed.order == PieceOrder::ShapedRightToLeft {
                    placed.logical.start
                } else {
                    placed
                        .slots
                        .get(seen)
                        .copied()
                        .unwrap_or(placed.logical.start)
                };
                start = Some((*paragraph, within - paragraphs[*paragraph].start));
            }
            let take = (placed.glyphs - seen).min(count);
            seen += take;
            count -= take;
        }
        let (paragraph, start) = start.unwrap_or((paragraph_of_row, 0));
        if let Some(lines) = lines.get_mut(paragraph) {
            lines.push(Line {
                range: start..start,
                width: row.size.x,
            });
        }
        paragraph_of_row = paragraph + usize::from(row.ends_with_newline);
    }
    for (lines, paragraph) in lines.iter_mut().zip(paragraphs) {
        let length = crate::text::char_count(paragraph.text);
        if lines.is_empty() {
            lines.push(Line {
                range: 0..length,
                width: 0.0,
            });
        }
        let mut next = length;
        for line in lines.iter_mut().rev() {
            line.range.end = next.max(line.range.start);
            next = line.range.start;
        }
    }
    lines
}

/// One line's pieces, left to right, each cut where the format changes.
fn append_line(
    ui: &Ui,
    job: &mut LayoutJob,
    plan: &mut Plan,
    paragraph: &Paragraph<'_>,
    line: &Range<usize>,
    indent: f32,
    style: &VisualStyle<'_>,
) {
    let mut leading = indent;
    let absolute =
        |part: &Piece| paragraph.start + part.logical.start..paragraph.start + part.logical.end;
    for piece in paragraph.order.line(line.clone()) {
        let parts = cut(&piece, paragraph.start, style.cuts);
        if piece.order == PieceOrder::ShapedRightToLeft && parts.len() > 1 {
            // A mark that begins or ends inside an Arabic word: the word is shaped whole, or
            // its letters would come apart and the line would no longer fit; it takes the
            // look of most of its letters (the mark itself holds exactly the letters chosen).
            let most = parts.iter().max_by_key(|part| part.logical.len());
            let format = (style.format_of)(most.map_or_else(|| absolute(&piece), absolute));
            let shown = text_to_shape(paragraph.text, &piece);
            plan.placed
                .push(placed(ui, paragraph, &piece, &shown, &format));
            append_apart(job, &shown, leading, format);
            leading = 0.0;
            continue;
        }
        for part in parts {
            let shown = text_to_shape(paragraph.text, &part);
            let format = (style.format_of)(absolute(&part));
            plan.placed
                .push(placed(ui, paragraph, &part, &shown, &format));
            append_apart(job, &shown, leading, format);
            leading = 0.0;
        }
    }
}

/// Adds a piece as a section of its own: egui shapes each section apart, and
/// `LayoutJob::append` would merge it with the one before when their formats are the same.
fn append_apart(job: &mut LayoutJob, text: &str, leading_space: f32, format: TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(egui::text::LayoutSection {
        leading_space,
        byte_range: egui::epaint::text::ByteIndex(start)
            ..egui::epaint::text::ByteIndex(job.text.len()),
        format,
    });
}

/// A piece cut at the format changes, in the order the parts are drawn.
fn cut(piece: &Piece, paragraph_start: usize, cuts: &[usize]) -> Vec<Piece> {
    let start = paragraph_start + piece.logical.start;
    let end = paragraph_start + piece.logical.end;
    let first = cuts.partition_point(|&c| c <= start);
    let mut parts = Vec::new();
    let mut from = piece.logical.start;
    for &cut_at in cuts[first..].iter().take_while(|&&c| c < end) {
        let to = cut_at - paragraph_start;
        parts.push(Piece {
            logical: from..to,
            order: piece.order,
        });
        from = to;
    }
    parts.push(Piece {
        logical: from..piece.logical.end,
        order: piece.order,
    });
    if piece.order != PieceOrder::AsWritten {
        parts.reverse();
    }
    parts
}

#[cfg(test)]
mod tests;
