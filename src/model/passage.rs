//! Where a mark sits in the text: a position plus the quoted text and its context.
//!
//! Like a Hypothesis annotation (a TextPositionSelector next to a TextQuoteSelector), a
//! passage records both the character range and the exact quote with some text before and
//! after it. The range is fast and exact while the text is unchanged; the quote and context
//! let a later draft find the passage again when the text around it has moved.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::{char_count, range_on_grapheme_boundaries, slice_chars};

/// How many characters of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Passage {
    /// First character of the passage (character offset into the section text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The exact text of the passage when it was marked.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the passage.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the passage.
    #[serde(default)]
    pub suffix: String,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PassageError {
    #[error("the selection is empty")]
    Empty,
    #[error("the selection {start}..{end} lies outside the section ({len} characters)")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the selection holds only white space")]
    OnlyWhitespace,
}

impl Passage {
    /// The passage covering `range` (character offsets) of `section_text`.
    ///
    /// White space at either end of the selection is left out, as a person selecting a
    /// phrase with the mouse rarely means to include it; a character made of several code
    /// points (an accented letter, a flag) is taken whole.
    pub fn from_section_text(
        section_text: &str,
        range: Range<usize>,
    ) -> Result<Self, PassageError> {
        let len = char_count(section_text);
        if range.start >= range.end {
            return Err(PassageError::Empty);
        }
        if range.end > len {
            return Err(PassageError::OutOfBounds {
                start: range.start,
                end: range.end,
                len,
            });
        }
        let range = range_on_grapheme_boundaries(section_text, range);
        let selected = slice_chars(section_text, range.clone());
        let leading = selected.chars().take_while(|c| c.is_whitespace()).count();
        if leading == char_count(selected) {
            return Err(PassageError::OnlyWhitespace);
        }
        let trailing = selected
            .chars()
            .rev()
            .take_while(|c| c.is_whitespace())
            .count();
        let start = range.start + leading;
        let end = range.end - trailing;
        Ok(Self {
            start,
            end,
            quote: slice_chars(section_text, start..end).to_owned(),
            prefix: slice_chars(section_text, start.saturating_sub(CONTEXT_CHARS)..start)
                .to_owned(),
            suffix: slice_chars(section_text, end..(end + CONTEXT_CHARS).min(len)).to_owned(),
        })
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether the recorded range still holds the recorded quote in `section_text`.
    pub fn matches(&self, section_text: &str) -> bool {
        self.end <= char_count(section_text)
            && self.start < self.end
            && slice_chars(section_text, self.range()) == self.quote
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_records_quote_and_context() {
        let text = "Officials said more than 4,000 detainees were moved.";
        let start = text.find("more").unwrap();
        let passage = Passage::from_section_text(text, start..start + 15).unwrap();
        assert_eq!(passage.quote, "more than 4,000");
        assert_eq!(passage.prefix, "Officials said ");
        assert_eq!(passage.suffix, " detainees were moved.");
        assert!(passage.matches(text));
    }

    #[test]
    fn passage_offsets_are_characters_not_bytes() {
        let text = "«Ça coûte 3 €», dit-il. العربية نص";
        let passage = Passage::from_section_text(text, 10..13).unwrap();
        assert_eq!(passage.quote, "3 €");
        let arabic_start = text.chars().position(|c| c == 'ا').unwrap();
        let arabic = Passage::from_section_text(text, arabic_start..arabic_start + 7).unwrap();
        assert_eq!(arabic.quote, "العربية");
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let passage = Passage::from_section_text("one  two three", 3..9).unwrap();
        assert_eq!(passage.quote, "two");
        assert_eq!(passage.range(), 5..8);
    }

    #[test]
    fn a_selection_never_splits_a_character() {
        let text = "Vive la Re\u{301}publique 🇫🇷!";
        // Ends between "e" and its accent; starts inside the flag.
        assert_eq!(
            Passage::from_section_text(text, 8..10).unwrap().quote,
            "Re\u{301}"
        );
        let flag = text.chars().position(|c| c == '🇫').unwrap();
        assert_eq!(
            Passage::from_section_text(text, flag + 1..flag + 2)
                .unwrap()
                .quote,
            "🇫🇷"
        );
    }

    #[test]
    fn bad_ranges_are_refused() {
        assert_eq!(
            Passage::from_section_text("abc", 2..2),
            Err(PassageError::Empty)
        );
        assert_eq!(
            Passage::from_section_text("abc", 1..9),
            Err(PassageError::OutOfBounds {
                start: 1,
                end: 9,
                len: 3
            })
        );
        assert_eq!(
            Passage::from_section_text("a   b", 1..4),
            Err(PassageError::OnlyWhitespace)
        );
    }

    #[test]
    fn context_is_cut_to_its_limit() {
        let text = format!("{}X{}", "a".repeat(100), "b".repeat(100));
        let passage = Passage::from_section_text(&text, 100..101).unwrap();
        assert_eq!(passage.prefix.len(), CONTEXT_CHARS);
        assert_eq!(passage.suffix.len(), CONTEXT_CHARS);
    }
}
