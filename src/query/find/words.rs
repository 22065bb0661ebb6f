//! Whether a place in a text is a word boundary, by Unicode's rules (UAX #29, through
//! `unicode-segmentation`): "4" is not a whole word in "4,000", "don" not in "don't", "cafe"
//! not in "café" written with a combining accent.
//!
//! Segmenting a whole section for every match would cost more than the search; the rules only
//! look a few characters around a place, and never through white space, so only the stretch
//! from the white space before the place to the white space after it is segmented. Most
//! places are decided without even that: between two ASCII letters or digits there is never a
//! boundary, next to a line break there always is.

use unicode_segmentation::UnicodeSegmentation as _;

/// How far to look for white space on either side before giving up: a stretch this long
/// without a space is not prose, and deciding there on a partial view is good enough.
const MOST_LOOKED_AT: usize = 256;

/// Whether byte `at` of `text` (on a character boundary) is a word boundary.
pub fn is_word_boundary(text: &str, at: usize) -> bool {
    if at == 0 || at >= text.len() {
        return true;
    }
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    if let (Some(before), Some(after)) = (before, after)
        && let Some(decided) = decided_by_neighbours(before, after)
    {
        return decided;
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .take(MOST_LOOKED_AT)
        .find(|(_, c)| c.is_whitespace())
        .map_or_else(
            || {
                // No white space near: from as far back as was looked at.
                text[..at]
                    .char_indices()
                    .rev()
                    .take(MOST_LOOKED_AT)
                    .last()
                    .map_or(0, |(index, _)| index)
            },
            |(index, _)| index,
        );
    let end = text[at..]
        .char_indices()
        .take(MOST_LOOKED_AT)
        .find(|(_, c)| c.is_whitespace())
        .map_or_else(
            || {
                text[at..]
                    .char_indices()
                    .take(MOST_LOOKED_AT)
                    .last()
                    .map_or(text.len(), |(index, c)| at + index + c.len_utf8())
            },
            |(index, c)| at + index + c.len_utf8(),
        );
    text[start..end]
        .split_word_bound_indices()
        .any(|(index, _)| start + index == at)
}

/// The places the rules settle from the two characters alone.
fn decided_by_neighbours(before: char, after: char) -> Option<bool> {
    if before == '\r' && after == '\n' {
        return Some(false);
    }
    // Line breaks are boundaries on both sides (WB3a, WB3b).
    if matches!(before, '\n' | '\r') || matches!(after, '\n' | '\r') {
        return Some(true);
    }
    if before.is_ascii() && after.is_ascii() {
        // Letters and digits hold together (WB5, WB8, WB9, WB10).
        if before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric() {
            return Some(false);
        }
        // A space beside anything but a space (WB3d) is a boundary.
        if (before == ' ') != (after == ' ') {
            return Some(true);
        }
    }
    None
}
