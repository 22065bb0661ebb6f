//! From egui's glyphs back to the text: which piece each glyph belongs to and which
//! character it draws. egui gives a left-to-right piece one glyph per character, but a word
//! its shaper draws right to left comes out with zero-width glyphs added (and letters joined
//! into ligatures), so each word's glyphs are counted by laying it out alone.

use std::ops::Range;

use egui::epaint::text::Glyph;
use egui::text::TextFormat;
use egui::{Galley, Ui};

use super::Paragraph;
use crate::app::visual_map::VisualMap;
use crate::bidi::{Piece, PieceOrder};

/// A piece as handed to egui: the characters it stands for (text offsets) and how many
/// glyphs egui makes of it.
pub(super) struct Placed {
    pub(super) logical: Range<usize>,
    pub(super) order: PieceOrder,
    pub(super) glyphs: usize,
    /// The text offset of each glyph, where they come one per character in a known order.
    pub(super) slots: Vec<usize>,
}

/// Where a paragraph's end puts the caret: at the start (left) of its last row when it
/// reads right to left, at the end otherwise.
pub(super) struct ParagraphEnd {
    pub(super) offset: usize,
    pub(super) row: usize,
    pub(super) at_row_start: bool,
}

/// What was handed to egui, in order, to map its galley back to the text.
#[derive(Default)]
pub(super) struct Plan {
    pub(super) placed: Vec<Placed>,
    /// The offset each row's `'\n'` stands for, row by row.
    pub(super) line_ends: Vec<usize>,
    pub(super) paragraph_ends: Vec<ParagraphEnd>,
}

impl Plan {
    pub(super) fn map_of(&self, galley: &Galley, total: usize) -> VisualMap {
        let mut map = VisualMap::with_capacity(total);
        let mut pieces = PieceWalk::new(&self.placed);
        let mut row_places = Vec::with_capacity(galley.rows.len());
        for (row_index, row) in galley.rows.iter().enumerate() {
            let row_start = map.next_place();
            pieces.walk(&row.glyphs, |placed, glyphs, first| {
                push_glyphs(&mut map, placed, glyphs, first);
            });
            row_places.push((row_start, map.next_place()));
            if row.ends_with_newline {
                let offset = self.line_ends.get(row_index).copied().unwrap_or(total);
                map.push_line_end(offset);
            }
        }
        for end in &self.paragraph_ends {
            if let Some(&(start, finish)) = row_places.get(end.row) {
                let place = if end.at_row_start { start } else { finish };
                map.set_caret_place(end.offset, place);
            }
        }
        map
    }
}

/// Goes through the pieces glyph by glyph, as the rows of a galley come.
pub(super) struct PieceWalk<'a> {
    placed: &'a [Placed],
    /// The piece being walked, and how many of its glyphs were seen.
    index: usize,
    seen: usize,
}

impl<'a> PieceWalk<'a> {
    fn new(placed: &'a [Placed]) -> Self {
        Self {
            placed,
            index: 0,
            seen: 0,
        }
    }

    /// Hands each stretch of `glyphs` that belongs to one piece to `each`, with the number of
    /// that piece's glyphs seen before it.
    fn walk(&mut self, glyphs: &[Glyph], mut each: impl FnMut(&Placed, &[Glyph], usize)) {
        let mut rest = glyphs;
        while !rest.is_empty() {
            while self
                .placed
                .get(self.index)
                .is_some_and(|placed| self.seen >= placed.glyphs)
            {
                self.index += 1;
                self.seen = 0;
            }
            let Some(placed) = self.placed.get(self.index) else {
                // More glyphs than planned: egui shaped something otherwise than measured.
                return;
            };
            let take = (placed.glyphs - self.seen).min(rest.len());
            each(placed, &rest[..take], self.seen);
            self.seen += take;
            rest = &rest[take..];
        }
    }
}

/// The glyphs of one piece into the map. Letters the shaper drew right to left are placed by
/// where they are across the word: the shaper may join several into one glyph, or add marks.
fn push_glyphs(map: &mut VisualMap, placed: &Placed, glyphs: &[Glyph], first: usize) {
    if placed.order != PieceOrder::ShapedRightToLeft {
        for index in first..first + glyphs.len() {
            let offset = placed
                .slots
                .get(index)
                .or(placed.slots.last())
                .copied()
                .unwrap_or(placed.logical.start);
            map.push_char(offset, placed.order == PieceOrder::Reversed);
        }
        return;
    }
    let left = glyphs.iter().map(|g| g.pos.x).fold(f32::INFINITY, f32::min);
    let right = glyphs
        .iter()
        .map(|g| g.pos.x + g.advance_width)
        .fold(f32::NEG_INFINITY, f32::max);
    let letters = placed.logical.len().max(1);
    let at = |x: f32| {
        let across = if right > left {
            ((x - left) / (right - left)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        ((across * letters as f32) as usize).min(letters - 1)
    };
    let first_place = map.next_place();
    let mut placed_letters = vec![false; letters];
    for glyph in glyphs {
        if glyph.advance_width == 0.0 && glyph.pos.x >= right - 0.01 {
            // egui's zero-width glyphs for the letters its shaper joined sit at the word's
            // right end: before its first letter.
            map.push_char(placed.logical.start, false);
            continue;
        }
        let from_the_end = at(glyph.pos.x + glyph.advance_width / 2.0);
        placed_letters[from_the_end] = true;
        map.push_char(placed.logical.end - 1 - from_the_end, true);
    }
    // A letter joined into its neighbour's glyph still has a caret place: where it would be.
    for (from_the_end, _) in placed_letters.iter().enumerate().filter(|(_, p)| !**p) {
        let x = right - (from_the_end as f32 + 0.5) * (right - left) / letters as f32;
        let glyph = glyphs
            .iter()
            .position(|g| g.pos.x <= x && x < g.pos.x + g.advance_width)
            .unwrap_or(0);
        map.set_caret_place(
            placed.logical.end - 1 - from_the_end,
            first_place + glyph + 1,
        );
    }
}

pub(super) fn placed(
    ui: &Ui,
    paragraph: &Paragraph<'_>,
    part: &Piece,
    shown: &str,
    format: &TextFormat,
) -> Placed {
    let logical = paragraph.start + part.logical.start..paragraph.start + part.logical.end;
    if part.order == PieceOrder::ShapedRightToLeft {
        return Placed {
            glyphs: super::measure::measure(ui, shown, &format.font_id).glyphs,
            logical,
            order: part.order,
            slots: Vec::new(),
        };
    }
    let slots: Vec<usize> = paragraph
        .order
        .slot_order(part)
        .into_iter()
        .map(|offset| paragraph.start + offset)
        .collect();
    Placed {
        glyphs: slots.len(),
        logical,
        order: part.order,
        slots,
    }
}
