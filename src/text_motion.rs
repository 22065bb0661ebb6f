//! Where a caret goes in a section's text when it moves by character or by word, as editors
//! move it, so a reviewer can select a passage from the keyboard.
//!
//! Offsets are characters, as marks count them. A character step never splits what a reader
//! sees as one character (a letter and its accent, a flag); a word step goes to the end of
//! the next word (or the start of the previous one) by the Unicode word rules, so “network's”,
//! “3.1” and “4,000” are one word each. Paragraph breaks are crossed like any other gap: a
//! selection may run from one paragraph into the next.

use unicode_segmentation::UnicodeSegmentation;

/// One character (grapheme cluster) after `offset`; the end of the text stays where it is.
pub fn next_char(text: &str, offset: usize) -> usize {
    grapheme_starts(text)
        .find(|&start| start > offset)
        .unwrap_or_else(|| crate::text::char_count(text))
}

/// One character (grapheme cluster) before `offset`; the start stays where it is.
pub fn previous_char(text: &str, offset: usize) -> usize {
    grapheme_starts(text)
        .take_while(|&start| start < offset)
        .last()
        .unwrap_or(0)
}

/// The end of the next word that ends after `offset` (Ctrl+→), or the end of the text.
pub fn next_word_end(text: &str, offset: usize) -> usize {
    words(text)
        .map(|(_, end)| end)
        .find(|&end| end > offset)
        .unwrap_or_else(|| crate::text::char_count(text).max(offset))
}

/// The start of the last word that starts before `offset` (Ctrl+←), or the start of the text.
pub fn previous_word_start(text: &str, offset: usize) -> usize {
    words(text)
        .map(|(start, _)| start)
        .take_while(|&start| start < offset)
        .last()
        .unwrap_or(0)
}

/// The character offset where each grapheme cluster starts.
fn grapheme_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.graphemes(true).scan(0, |offset, grapheme| {
        let start = *offset;
        *offset += grapheme.chars().count();
        Some(start)
    })
}

/// The words of `text` (stretches with a letter or a digit), as character ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_word_bounds()
        .scan(0, |offset, piece| {
            let start = *offset;
            *offset += piece.chars().count();
            Some((start, *offset, piece))
        })
        .filter(|(_, _, piece)| piece.chars().any(char::is_alphanumeric))
        .map(|(start, end, _)| (start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The network's costs rise to €3.1 million.\nCritics argue";

    #[test]
    fn words_are_whole_by_the_unicode_rules() {
        // From the start: the end of each word in turn.
        let mut offset = 0;
        let mut ends = Vec::new();
        loop {
            let next = next_word_end(TEXT, offset);
            if next == offset {
                break;
            }
            ends.push(
                crate::text::slice_chars(TEXT, offset..next)
                    .trim()
                    .to_owned(),
            );
            offset = next;
        }
        assert_eq!(
            ends,
            [
                "The",
                "network's",
                "costs",
                "rise",
                "to",
                "€3.1",
                "million",
                ".\nCritics",
                "argue"
            ]
        );
        assert_eq!(offset, TEXT.chars().count());
    }

    #[test]
    fn back_by_word_goes_to_each_word_start_across_the_paragraph_break() {
        let end = TEXT.chars().count();
        let critics = TEXT.find("Critics").unwrap();
        let critics = crate::text::char_offset_from_byte_offset(TEXT, critics);
        assert_eq!(previous_word_start(TEXT, end), critics + "Critics ".len());
        assert_eq!(previous_word_start(TEXT, critics + 3), critics);
        let million =
            crate::text::char_offset_from_byte_offset(TEXT, TEXT.find("million").unwrap());
        assert_eq!(previous_word_start(TEXT, critics), million);
        assert_eq!(previous_word_start(TEXT, 2), 0);
        assert_eq!(previous_word_start(TEXT, 0), 0);
    }

    #[test]
    fn a_character_step_keeps_an_accent_with_its_letter() {
        // “e” and a combining acute accent: one character to the reader.
        let text = "cafe\u{301} ok";
        assert_eq!(next_char(text, 3), 5);
        assert_eq!(previous_char(text, 5), 3);
        assert_eq!(next_char(text, 0), 1);
        assert_eq!(previous_char(text, 0), 0);
        let end = text.chars().count();
        assert_eq!(next_char(text, end), end);
        assert_eq!(previous_char(text, end), end - 1);
        // Across a paragraph break, one step at a time.
        assert_eq!(next_char("ab\ncd", 2), 3);
        assert_eq!(previous_char("ab\ncd", 3), 2);
    }

    #[test]
    fn an_empty_text_keeps_the_caret_at_its_start() {
        assert_eq!(next_char("", 0), 0);
        assert_eq!(previous_char("", 0), 0);
        assert_eq!(next_word_end("", 0), 0);
        assert_eq!(previous_word_start("", 0), 0);
    }
}
