//! Right-to-left text: which way a paragraph reads, and the order a line of it is shown in.
//!
//! The desk's GUI toolkit lays text out left to right in the order it is written; Arabic, Hebrew, Persian and
//! Urdu read right to left, with numbers and Latin names inside them left to right. This
//! module is the Unicode Bidirectional Algorithm (UAX #9, by `unicode-bidi`) for copydesk:
//! a paragraph's base direction ([`paragraph_direction`]: its first strong letter, which a
//! source's direction is written into as a mark when the two disagree, see [`direction_mark`]),
//! and a line's [`Piece`]s in the order they are shown, each telling how its characters are
//! handed to the shaper. The desk lays out with it (`app::bidi_layout`); the exports mark
//! each paragraph's direction with it. Offsets are in characters, as everywhere in copydesk.

mod pieces;

use std::ops::Range;

use unicode_bidi::{BidiClass, bidi_class};

pub use pieces::{ParagraphOrder, Piece, PieceOrder, line_pieces};

/// Which way a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    #[default]
    LeftToRight,
    RightToLeft,
}

impl Direction {
    pub fn is_right_to_left(self) -> bool {
        self == Self::RightToLeft
    }

    /// The value of HTML's `dir` attribute.
    pub fn html_dir(self) -> &'static str {
        match self {
            Self::LeftToRight => "ltr",
            Self::RightToLeft => "rtl",
        }
    }
}

/// RIGHT-TO-LEFT MARK: written at the start of a paragraph that reads right to left although
/// its first letter is Latin (a Word paragraph marked right to left that opens with "CNN").
pub const RIGHT_TO_LEFT_MARK: char = '\u{200F}';
/// LEFT-TO-RIGHT MARK: the same for a left-to-right paragraph that opens with Arabic.
pub const LEFT_TO_RIGHT_MARK: char = '\u{200E}';

/// The paragraph's base direction by UAX #9 (rules P2, P3): its first strong character,
/// left to right when it has none.
pub fn paragraph_direction(paragraph: &str) -> Direction {
    match unicode_bidi::get_base_direction(paragraph) {
        unicode_bidi::Direction::Rtl => Direction::RightToLeft,
        _ => Direction::LeftToRight,
    }
}

/// The direction of the paragraph's first strong letter, `None` when it has none (a date, a
/// figure, punctuation): such text reads the way the text around it does. The exports write
/// an element's `dir` from it.
pub fn strong_direction(paragraph: &str) -> Option<Direction> {
    match unicode_bidi::get_base_direction(paragraph) {
        unicode_bidi::Direction::Rtl => Some(Direction::RightToLeft),
        unicode_bidi::Direction::Ltr => Some(Direction::LeftToRight),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// The direction most of a text's paragraphs read in (by characters), for a document's
/// `dir` as a whole.
pub fn main_direction(text: &str) -> Direction {
    let (mut right_to_left, mut left_to_right) = (0usize, 0usize);
    for paragraph in text.split('\n') {
        let length = paragraph.chars().count();
        match paragraph_direction(paragraph) {
            Direction::RightToLeft => right_to_left += length,
            Direction::LeftToRight => left_to_right += length,
        }
    }
    if right_to_left > left_to_right {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// Whether a text holds anything that reads right to left (a Hebrew or Arabic letter, an
/// Arabic-Indic digit, an explicit right-to-left control). Text without any is shown as
/// written, with no bidirectional work at all.
pub fn has_right_to_left(text: &str) -> bool {
    text.chars().any(|c| {
        // Everything below the Hebrew block is left to right or neutral: a fast path for
        // Latin, Greek and Cyrillic text.
        c >= '\u{0590}'
            && matches!(
                bidi_class(c),
                BidiClass::R
                    | BidiClass::AL
                    | BidiClass::AN
                    | BidiClass::RLE
                    | BidiClass::RLO
                    | BidiClass::RLI
            )
    })
}

/// The mark to write at the start of `paragraph` so it reads in `direction` (the direction
/// its source gave it: Word's `w:bidi`, HTML's `dir`), if its first letter says otherwise.
pub fn direction_mark(paragraph: &str, direction: Direction) -> Option<char> {
    let has_strong = paragraph
        .chars()
        .any(|c| matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL));
    if !has_strong || paragraph_direction(paragraph) == direction {
        return None;
    }
    Some(match direction {
        Direction::RightToLeft => RIGHT_TO_LEFT_MARK,
        Direction::LeftToRight => LEFT_TO_RIGHT_MARK,
    })
}

/// The direction of the paragraph of `text` (paragraphs separated by `'\n'`) that holds
/// the character offset `offset`.
pub fn direction_at(text: &str, offset: usize) -> Direction {
    if !has_right_to_left(text) {
        return Direction::LeftToRight;
    }
    let paragraph = paragraph_ranges(text)
        .into_iter()
        .find(|paragraph| offset <= paragraph.end)
        .unwrap_or(0..0);
    paragraph_direction(crate::text::slice_chars(text, paragraph))
}

/// Where each paragraph of a section's text (paragraphs separated by `'\n'`) starts and ends,
/// in characters.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut index = 0;
    for c in text.chars() {
        if c == '\n' {
            ranges.push(start..index);
            start = index + 1;
        }
        index += 1;
    }
    ranges.push(start..index);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_reads_the_way_its_first_letter_does() {
        assert_eq!(paragraph_direction("«السلام» عليكم"), Direction::RightToLeft);
        assert_eq!(paragraph_direction("שלום world"), Direction::RightToLeft);
        assert_eq!(paragraph_direction("CNN قالت"), Direction::LeftToRight);
        assert_eq!(paragraph_direction("2024 — "), Direction::LeftToRight);
        assert_eq!(
            paragraph_direction("\u{200F}CNN قالت"),
            Direction::RightToLeft,
            "a right-to-left mark decides"
        );
    }

    #[test]
    fn text_without_a_strong_letter_has_no_direction_of_its_own() {
        assert_eq!(strong_direction("٢٠٢٤ — 15"), None);
        assert_eq!(strong_direction(""), None);
        assert_eq!(strong_direction("(قالت)"), Some(Direction::RightToLeft));
        assert_eq!(strong_direction("4 CNN"), Some(Direction::LeftToRight));
    }

    #[test]
    fn only_text_with_right_to_left_characters_needs_the_algorithm() {
        assert!(!has_right_to_left(
            "Plain English, naïve café — 4,000 (“quoted”)"
        ));
        assert!(has_right_to_left("The word שלום"));
        assert!(has_right_to_left("٤٠٠٠"), "Arabic-Indic digits");
        assert!(
            has_right_to_left("ok \u{202B}"),
            "a right-to-left embedding"
        );
    }

    #[test]
    fn a_mark_is_written_only_where_the_source_and_the_letters_disagree() {
        assert_eq!(
            direction_mark("CNN قالت", Direction::RightToLeft),
            Some(RIGHT_TO_LEFT_MARK)
        );
        assert_eq!(direction_mark("قالت CNN", Direction::RightToLeft), None);
        assert_eq!(
            direction_mark("قالت CNN", Direction::LeftToRight),
            Some(LEFT_TO_RIGHT_MARK)
        );
        assert_eq!(direction_mark("2024", Direction::RightToLeft), None);
    }

    #[test]
    fn most_of_the_text_decides_a_document_direction() {
        assert_eq!(
            main_direction("Title\nهذا نص طويل باللغة العربية\nوهذا أيضا"),
            Direction::RightToLeft
        );
        assert_eq!(main_direction("Plain\nשלום"), Direction::LeftToRight);
    }

    #[test]
    fn the_direction_at_an_offset_is_its_paragraphs() {
        let text = "English first\nثم العربية\n";
        assert_eq!(direction_at(text, 3), Direction::LeftToRight);
        assert_eq!(direction_at(text, 14), Direction::RightToLeft);
        assert_eq!(direction_at(text, 23), Direction::RightToLeft);
        assert_eq!(direction_at(text, 25), Direction::LeftToRight);
    }

    #[test]
    fn paragraph_ranges_are_in_characters() {
        assert_eq!(paragraph_ranges("ab\nשלום\n"), vec![0..2, 3..7, 8..8]);
    }
}
