//! Text with right-to-left letters laid out in the order it is read.
//!
//! egui 0.37 has no bidirectional layout: it draws a line's characters left to right in the
//! order they are written (egui issues #1016, #5069). So for a text with Arabic or Hebrew in
//! it, copydesk breaks the lines itself, in the order the text is written (UAX #9 breaks
//! lines before reordering them), from the widths of its words and spaces (`measure`, kept
//! per word and font). Then each line is reordered (`bidi::ParagraphOrder`, once per
//! paragraph) into pieces handed to egui one by one, each line ends in a `'\n'` of its own,
//! and a right-to-left line's row is set against the right edge by its laid-out width.
//! The [`VisualMap`] built from egui's glyphs (`glyphs`) says where each character went.
//! This happens once per layout (the article caches its galleys), never per frame; text
//! with no right-to-left letter never comes here.

use std::ops::Range;
use std::sync::Arc;

mod glyphs;
mod measure;

use egui::text::{LayoutJob, TextFormat};
use egui::{Galley, Ui};

use self::glyphs::{ParagraphEnd, Plan, placed};
use self::measure::measure;
use super::visual_map::VisualMap;
use crate::bidi::{Direction, ParagraphOrder, Piece, PieceOrder};

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
    // The rows of lines that read right to left: pushed to the right once laid out.
    let mut right_rows = Vec::new();
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
            if right_to_left {
                right_rows.push(plan.line_ends.len() - usize::from(line_index + 1 < lines.len()));
            }
            append_line(ui, &mut job, &mut plan, paragraph, &line.range, style);
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
    let mut galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
    let map = plan.map_of(&galley, total);
    push_right(&mut galley, &right_rows, style.wrap_width);
    (galley, map)
}

/// Sets the rows of right-to-left lines against the right edge, by their laid-out width (the
/// widths lines were broken by are each word's alone, a little off where egui rounds each
/// piece's start to a pixel).
fn push_right(galley: &mut Arc<Galley>, rows: &[usize], width: f32) {
    if rows.is_empty() {
        return;
    }
    let galley = Arc::make_mut(galley);
    for &index in rows {
        let Some(placed) = galley.rows.get_mut(index) else {
            continue;
        };
        placed.pos.x += (width - placed.row.size.x).max(0.0);
        let rect = placed.rect();
        let mesh = placed
            .row
            .visuals
            .mesh_bounds
            .translate(placed.pos.to_vec2());
        galley.rect = galley.rect.union(rect);
        galley.mesh_bounds = galley.mesh_bounds.union(mesh);
    }
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

/// A line of a paragraph: its characters (offsets into the paragraph).
struct Line {
    range: Range<usize>,
}

/// Where each paragraph's lines break (UAX #9 breaks lines before reordering them): the
/// paragraph's pieces in the order written, cut into words and spaces whose widths are kept
/// (`measure`), filled greedily, a line breaking after a space (a word wider than a line
/// gets a line of its own).
fn line_breaks(ui: &Ui, paragraphs: &[Paragraph<'_>], style: &VisualStyle<'_>) -> Vec<Vec<Line>> {
    paragraphs
        .iter()
        .map(|paragraph| {
            let length = crate::text::char_count(paragraph.text);
            let mut pieces = paragraph.order.line(0..length);
            pieces.sort_by_key(|piece| piece.logical.start);
            let atoms = atoms_of(ui, paragraph, &pieces, style);
            // A little room to spare: egui places each piece on a whole pixel.
            fill_lines(&atoms, length, style.wrap_width * 0.98)
        })
        .collect()
}

/// A word or a space of a paragraph, in the order written, with its width.
struct Atom {
    end: usize,
    width: f32,
    space: bool,
}

fn atoms_of(
    ui: &Ui,
    paragraph: &Paragraph<'_>,
    pieces: &[Piece],
    style: &VisualStyle<'_>,
) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for piece in pieces {
        let absolute = paragraph.start + piece.logical.start..paragraph.start + piece.logical.end;
        let font = (style.format_of)(absolute).font_id;
        let text = paragraph.order.slice(piece.logical.clone());
        if piece.order == PieceOrder::ShapedRightToLeft {
            atoms.push(Atom {
                end: piece.logical.end,
                width: measure(ui, text, &font).width,
                space: false,
            });
            continue;
        }
        let mut start = piece.logical.start;
        for chunk in chunks(text) {
            let end = start + crate::text::char_count(chunk);
            atoms.push(Atom {
                end,
                width: measure(ui, chunk, &font).width,
                space: chunk.chars().all(char::is_whitespace),
            });
            start = end;
        }
    }
    atoms
}

/// A text cut into words and single white-space characters.
fn chunks(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(char::is_whitespace).flat_map(|part| {
        let word_end = part
            .char_indices()
            .last()
            .filter(|(_, c)| c.is_whitespace())
            .map_or(part.len(), |(byte, _)| byte);
        [&part[..word_end], &part[word_end..]]
            .into_iter()
            .filter(|chunk| !chunk.is_empty())
    })
}

fn fill_lines(atoms: &[Atom], length: usize, wrap_width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let (mut start, mut x) = (0, 0.0_f32);
    // The last place the line may break (after a space), and the atom after it.
    let mut break_at: Option<(usize, usize)> = None;
    let mut index = 0;
    let mut line_start_atom = 0;
    while index < atoms.len() {
        let atom = &atoms[index];
        if !atom.space
            && x + atom.width > wrap_width
            && index > line_start_atom
            && let Some((end, atom_after)) = break_at.take()
        {
            lines.push(Line { range: start..end });
            start = end;
            index = atom_after;
            line_start_atom = atom_after;
            x = 0.0;
            continue;
        }
        x += atom.width;
        if atom.space {
            break_at = Some((atom.end, index + 1));
        }
        index += 1;
    }
    lines.push(Line {
        range: start..length,
    });
    lines
}

/// One line's pieces, left to right, each cut where the format changes.
fn append_line(
    ui: &Ui,
    job: &mut LayoutJob,
    plan: &mut Plan,
    paragraph: &Paragraph<'_>,
    line: &Range<usize>,
    style: &VisualStyle<'_>,
) {
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
            let shown = paragraph.order.text_to_shape(&piece);
            plan.placed
                .push(placed(ui, paragraph, &piece, &shown, &format));
            append_apart(job, &shown, format);
            continue;
        }
        for part in parts {
            let shown = paragraph.order.text_to_shape(&part);
            let format = (style.format_of)(absolute(&part));
            plan.placed
                .push(placed(ui, paragraph, &part, &shown, &format));
            append_apart(job, &shown, format);
        }
    }
}

/// Adds a piece as a section of its own: egui shapes each section apart, and
/// `LayoutJob::append` would merge it with the one before when their formats are the same.
fn append_apart(job: &mut LayoutJob, text: &str, format: TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(egui::text::LayoutSection {
        leading_space: 0.0,
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
