//! Where each character of a right-to-left text is drawn, and back.
//!
//! A text laid out in visual order (`bidi_layout`) is a galley whose characters are not the
//! text's: lines are reordered, right-to-left words drawn from their last letter, and each
//! line ends in a `'\n'` of its own. The desk keeps working in offsets of the section text
//! (marks, selection, caret), so this map answers, both ways, which galley position stands
//! for which offset. A position between two letters of a right-to-left word is to the left
//! of the letter that comes after it in the text, so the caret before a right-to-left letter
//! is drawn at its right edge.

use std::ops::Range;

use egui::{Galley, Rect, pos2};

/// No character of the text is drawn at this place of the galley: a line's end.
const NOTHING: u32 = u32::MAX;

/// Built while the visual galley is assembled, one place at a time.
#[derive(Clone, Debug, Default)]
pub struct VisualMap {
    /// The text offset of the character drawn at each galley place, or [`NOTHING`].
    char_at: Vec<u32>,
    /// Whether the character at each place reads right to left.
    right_to_left: Vec<bool>,
    /// For a place with no character: the offset a caret there stands for when there is no
    /// character before it on its line (an empty paragraph, the blank line after one).
    empty_line_offset: Vec<u32>,
    /// The galley place of the caret at each text offset (one more than the text's length).
    caret_place: Vec<u32>,
}

impl VisualMap {
    pub fn with_capacity(chars: usize) -> Self {
        Self {
            char_at: Vec::with_capacity(chars + chars / 8),
            right_to_left: Vec::with_capacity(chars + chars / 8),
            empty_line_offset: Vec::new(),
            caret_place: vec![0; chars + 1],
        }
    }

    /// A character of the text drawn at the next place.
    pub fn push_char(&mut self, offset: usize, right_to_left: bool) {
        let place = self.char_at.len();
        self.char_at.push(offset as u32);
        self.right_to_left.push(right_to_left);
        if let Some(caret) = self.caret_place.get_mut(offset) {
            *caret = (place + usize::from(right_to_left)) as u32;
        }
    }

    /// A line's end (a `'\n'` of the galley) at the next place; `offset` is what a caret on
    /// an empty line there stands for.
    pub fn push_line_end(&mut self, offset: usize) {
        let place = self.char_at.len();
        self.char_at.push(NOTHING);
        self.right_to_left.push(false);
        if self.empty_line_offset.len() < place {
            self.empty_line_offset.resize(place, 0);
        }
        self.empty_line_offset.push(offset as u32);
    }

    /// The next place, for the caret at the end of a paragraph.
    pub fn next_place(&self) -> usize {
        self.char_at.len()
    }

    /// Puts the caret at `offset` (a paragraph's end, which has no character) at `place`.
    pub fn set_caret_place(&mut self, offset: usize, place: usize) {
        if let Some(caret) = self.caret_place.get_mut(offset) {
            *caret = place as u32;
        }
    }

    /// The galley place of the caret before the character at `offset`.
    pub fn galley_from_section(&self, offset: usize) -> usize {
        self.caret_place
            .get(offset)
            .or(self.caret_place.last())
            .map_or(0, |&place| place as usize)
    }

    /// The text offset a caret at galley place `place` (to the left of the character drawn
    /// there) stands for.
    pub fn section_from_galley(&self, place: usize) -> usize {
        let here = self.char_at.get(place).copied().unwrap_or(NOTHING);
        if here != NOTHING {
            let right_to_left = self.right_to_left[place];
            return here as usize + usize::from(right_to_left);
        }
        // The end of a line: after the character to its left.
        if let Some(before) = place.checked_sub(1)
            && let Some(&offset) = self.char_at.get(before)
            && offset != NOTHING
        {
            let right_to_left = self.right_to_left[before];
            return offset as usize + usize::from(!right_to_left);
        }
        self.empty_line_offset
            .get(place)
            .or(self.empty_line_offset.last())
            .map_or(0, |&offset| offset as usize)
    }

    /// The text offset of the character drawn at `place`, if one is.
    pub fn char_at(&self, place: usize) -> Option<usize> {
        self.char_at
            .get(place)
            .filter(|&&offset| offset != NOTHING)
            .map(|&offset| offset as usize)
    }

    /// The text offset at a point of the galley: before or after the character under it,
    /// by which half of it the point is in and which way that character reads. (Where
    /// right-to-left and left-to-right text meet, one place on screen is two offsets in the
    /// text: the character under the pointer decides.)
    pub fn offset_at_point(&self, galley: &Galley, point: egui::Pos2) -> usize {
        let mut place = 0;
        let rows = galley.rows.len();
        for (index, row) in galley.rows.iter().enumerate() {
            let below = point.y > row.pos.y + row.size.y && index + 1 < rows;
            if below {
                place += row.char_count_including_newline().0;
                continue;
            }
            let x = point.x - row.pos.x;
            let mut nearest: Option<((f32, f32), usize)> = None;
            for (column, glyph) in row.glyphs.iter().enumerate() {
                let Some(offset) = self.char_at(place + column) else {
                    continue;
                };
                let right_to_left = self.right_to_left[place + column];
                let (left, right) = (glyph.pos.x, glyph.pos.x + glyph.advance_width);
                let distance = if x < left {
                    left - x
                } else if x > right {
                    x - right
                } else {
                    0.0
                };
                let in_right_half = x >= (left + right) / 2.0;
                let after = in_right_half != right_to_left;
                let candidate = offset + usize::from(after);
                // Glyphs are placed on whole pixels and may overlap a little: of two under
                // the point, the one starting later (further right) wins.
                let distance = (distance, -left);
                if nearest.is_none_or(|(best, _)| distance < best) {
                    nearest = Some((distance, candidate));
                }
            }
            return nearest.map_or_else(|| self.section_from_galley(place), |(_, offset)| offset);
        }
        self.section_from_galley(place)
    }

    /// The rectangles covering the characters of `range` (text offsets), in galley
    /// coordinates: several on a line where right-to-left and left-to-right text meet.
    pub fn rects_of(&self, galley: &Galley, range: &Range<usize>) -> Vec<Rect> {
        let mut rects: Vec<Rect> = Vec::new();
        let mut place = 0;
        for row in &galley.rows {
            let mut open: Option<Rect> = None;
            for glyph in &row.glyphs {
                let inside = self.char_at(place).is_some_and(|o| range.contains(&o));
                if inside {
                    let left = row.pos.x + glyph.pos.x;
                    let glyph_rect = Rect::from_min_max(
                        pos2(left, row.pos.y),
                        pos2(left + glyph.advance_width, row.pos.y + row.size.y),
                    );
                    open = Some(open.map_or(glyph_rect, |rect| rect.union(glyph_rect)));
                } else if let Some(rect) = open.take() {
                    rects.push(rect);
                }
                place += 1;
            }
            rects.extend(open);
            if row.ends_with_newline {
                place += 1;
            }
        }
        rects
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "אב גד": drawn as ד ג, space, ב א.
    fn hebrew_two_words() -> VisualMap {
        let mut map = VisualMap::with_capacity(5);
        for offset in [4, 3, 2, 1, 0] {
            map.push_char(offset, true);
        }
        map.set_caret_place(5, 0);
        map
    }

    #[test]
    fn the_caret_before_a_right_to_left_letter_is_at_its_right_edge() {
        let map = hebrew_two_words();
        assert_eq!(map.galley_from_section(0), 5, "the start: the right end");
        assert_eq!(map.galley_from_section(3), 2, "before ג: right of it");
        assert_eq!(map.galley_from_section(5), 0, "the end: the left end");
    }

    #[test]
    fn galley_places_map_back_to_the_offsets_between_letters() {
        let map = hebrew_two_words();
        for offset in 0..=4 {
            assert_eq!(
                map.section_from_galley(map.galley_from_section(offset)),
                offset
            );
        }
        // Selecting the leftmost two places on screen (ד ג) is the second word.
        let (a, b) = (map.section_from_galley(0), map.section_from_galley(2));
        assert_eq!(a.min(b)..a.max(b), 3..5);
    }
}
