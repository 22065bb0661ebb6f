//! A line of a paragraph in the order it is shown, as pieces the desk hands to its shaper.
//!
//! The desk's text shaper (harfrust) guesses each run's direction from its first letter's script and
//! draws an Arabic or Hebrew run right to left by itself, joining the letters; everything
//! else it draws in the order given. So a line is cut into pieces, each laid out on its own,
//! that the shaper draws the way UAX #9 wants: a right-to-left word whole (the shaper
//! reverses and joins it), the spaces and punctuation between such words reversed here (and
//! brackets mirrored), left-to-right text as written — and any character whose script the
//! shaper would turn right to left where it must not (Arabic-Indic digits in a number) on
//! its own. Laid out one after another, the pieces read correctly whatever fonts the
//! letters come from.

use std::ops::Range;

use unicode_bidi::{BidiClass, ParagraphBidiInfo, bidi_class};
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

use super::Direction;

/// A stretch of a line, laid out as one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Character offsets into the paragraph.
    pub logical: Range<usize>,
    pub order: PieceOrder,
}

/// How a piece's characters are handed to the shaper, and so in which order its glyphs
/// come out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceOrder {
    /// As written; drawn left to right.
    AsWritten,
    /// Right-to-left letters as written; the shaper draws them right to left.
    ShapedRightToLeft,
    /// Reversed here grapheme by grapheme, brackets mirrored: the neutral characters of a
    /// right-to-left run.
    Reversed,
}

/// A paragraph's levels, worked out once for all its lines.
pub struct ParagraphOrder<'text> {
    text: &'text str,
    info: ParagraphBidiInfo<'text>,
    /// The byte offset of each character, and the text's length last.
    byte_of_char: Vec<usize>,
}

impl<'text> ParagraphOrder<'text> {
    /// `text` is one paragraph, without its `'\n'`.
    pub fn new(text: &'text str) -> Self {
        let byte_of_char = text
            .char_indices()
            .map(|(byte, _)| byte)
            .chain([text.len()])
            .collect();
        Self {
            text,
            info: ParagraphBidiInfo::new(text, None),
            byte_of_char,
        }
    }

    pub fn direction(&self) -> Direction {
        if self.info.paragraph_level.is_rtl() {
            Direction::RightToLeft
        } else {
            Direction::LeftToRight
        }
    }

    /// The paragraph's characters `chars` (offsets into the paragraph).
    pub fn slice(&self, chars: Range<usize>) -> &'text str {
        let last = self.byte_of_char.len() - 1;
        let end = self.byte_of_char[chars.end.min(last)];
        &self.text[self.byte_of_char[chars.start.min(last)].min(end)..end]
    }

    /// What to hand the shaper for a piece of the paragraph.
    pub fn text_to_shape(&self, piece: &Piece) -> String {
        let text = self.slice(piece.logical.clone());
        match piece.order {
            PieceOrder::AsWritten | PieceOrder::ShapedRightToLeft => text.to_owned(),
            PieceOrder::Reversed => text
                .graphemes(true)
                .rev()
                .flat_map(str::chars)
                .map(|c| unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c))
                .collect(),
        }
    }

    /// The paragraph offset of each character of a piece, in the order its glyphs come out
    /// of the shaper (the desk's layout gives each character one glyph, a zero-width one
    /// where letters form a ligature).
    pub fn slot_order(&self, piece: &Piece) -> Vec<usize> {
        match piece.order {
            PieceOrder::AsWritten => piece.logical.clone().collect(),
            PieceOrder::ShapedRightToLeft | PieceOrder::Reversed => {
                let mut start = piece.logical.start;
                let mut graphemes: Vec<Range<usize>> = self
                    .slice(piece.logical.clone())
                    .graphemes(true)
                    .map(|grapheme| {
                        let end = start + grapheme.chars().count();
                        let range = start..end;
                        start = end;
                        range
                    })
                    .collect();
                graphemes.reverse();
                graphemes.into_iter().flatten().collect()
            }
        }
    }

    fn char_of_byte(&self, byte: usize) -> usize {
        self.byte_of_char.partition_point(|&b| b < byte)
    }

    /// The line `line` (character offsets into the paragraph) as pieces, left to right.
    pub fn line(&self, line: Range<usize>) -> Vec<Piece> {
        let last = self.byte_of_char.len() - 1;
        let end = self.byte_of_char[line.end.min(last)];
        let bytes = self.byte_of_char[line.start.min(last)].min(end)..end;
        if bytes.is_empty() {
            return Vec::new();
        }
        if !self.info.has_rtl() {
            return as_written(self.text, self.char_of_byte(bytes.start), &bytes);
        }
        let (levels, runs) = self.info.visual_runs(bytes);
        let mut pieces = Vec::new();
        for run in runs {
            let first_char = self.char_of_byte(run.start);
            if levels[run.start].is_rtl() {
                pieces.extend(right_to_left_run(self.text, first_char, &run));
            } else {
                pieces.extend(as_written(self.text, first_char, &run));
            }
        }
        pieces
    }
}

/// The line of a paragraph as pieces, left to right (for one line; a paragraph of many lines
/// keeps a [`ParagraphOrder`]).
pub fn line_pieces(paragraph: &str, line: Range<usize>) -> Vec<Piece> {
    ParagraphOrder::new(paragraph).line(line)
}

/// A left-to-right run: one piece, or a piece per grapheme where the shaper would reverse it.
fn as_written(text: &str, first_char: usize, run: &Range<usize>) -> Vec<Piece> {
    let run_text = &text[run.clone()];
    if !run_text.chars().any(is_of_right_to_left_script) {
        let end = first_char + run_text.chars().count();
        return vec![Piece {
            logical: first_char..end,
            order: PieceOrder::AsWritten,
        }];
    }
    let mut start = first_char;
    run_text
        .graphemes(true)
        .map(|grapheme| {
            let end = start + grapheme.chars().count();
            let piece = Piece {
                logical: start..end,
                order: PieceOrder::AsWritten,
            };
            start = end;
            piece
        })
        .collect()
}

/// A right-to-left run: its words whole, the rest reversed, the pieces last to first.
fn right_to_left_run(text: &str, first_char: usize, run: &Range<usize>) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut start = first_char;
    let mut last_alone = false;
    for grapheme in text[run.clone()].graphemes(true) {
        let end = start + grapheme.chars().count();
        let is_letter = grapheme
            .chars()
            .next()
            .is_some_and(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL));
        let order = if is_letter {
            PieceOrder::ShapedRightToLeft
        } else {
            PieceOrder::Reversed
        };
        // A neutral character of a right-to-left script stands alone, or the shaper would
        // reverse the piece it is in a second time.
        let alone = !is_letter && grapheme.chars().any(is_of_right_to_left_script);
        match pieces.last_mut() {
            Some(last) if last.order == order && !alone && !last_alone => {
                last.logical.end = end;
            }
            _ => pieces.push(Piece {
                logical: start..end,
                order,
            }),
        }
        last_alone = alone;
        start = end;
    }
    pieces.reverse();
    pieces
}

/// Whether the shaper reads a character as the start of a right-to-left run.
fn is_of_right_to_left_script(c: char) -> bool {
    c >= '\u{0590}'
        && matches!(
            c.script(),
            Script::Arabic
                | Script::Hebrew
                | Script::Syriac
                | Script::Thaana
                | Script::Nko
                | Script::Samaritan
                | Script::Mandaic
                | Script::Adlam
                | Script::Hanifi_Rohingya
                | Script::Yezidi
                | Script::Imperial_Aramaic
                | Script::Phoenician
                | Script::Kharoshthi
                | Script::Old_South_Arabian
                | Script::Old_North_Arabian
                | Script::Avestan
                | Script::Nabataean
                | Script::Palmyrene
                | Script::Manichaean
                | Script::Mende_Kikakui
                | Script::Sogdian
                | Script::Old_Sogdian
                | Script::Old_Hungarian
                | Script::Old_Turkic
                | Script::Inscriptional_Pahlavi
                | Script::Inscriptional_Parthian
                | Script::Psalter_Pahlavi
                | Script::Hatran
                | Script::Lydian
                | Script::Elymaic
                | Script::Chorasmian
                | Script::Cypriot
                | Script::Meroitic_Cursive
                | Script::Meroitic_Hieroglyphs
        )
}

#[cfg(test)]
mod tests;
