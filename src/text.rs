//! Text helpers: character offsets, and the small forms people read text in (one line,
//! shortened, counted, a timestamp).
//!
//! Mark positions are counted in characters (Unicode scalar values), which stay meaningful in
//! every tool that reads the project file; Rust strings are indexed by bytes. These helpers
//! convert between the two without ever slicing inside a character.

use std::ops::Range;

pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// The byte offset of character `char_index`, or the length of `text` when past its end.
pub fn byte_offset_from_char_offset(text: &str, char_index: usize) -> usize {
    let bytes = text.as_bytes();
    // Where the text before the offset is ASCII (most of an English draft), characters are
    // bytes; checking that is much faster than walking the characters.
    if bytes.get(..char_index).is_some_and(<[u8]>::is_ascii) {
        return char_index;
    }
    // Every character starts with a byte that is not a UTF-8 continuation byte (10xxxxxx):
    // counting those is cheaper than decoding the characters.
    let mut seen = 0;
    for (offset, &byte) in bytes.iter().enumerate() {
        if (byte as i8) >= -0x40 {
            if seen == char_index {
                return offset;
            }
            seen += 1;
        }
    }
    text.len()
}

/// The byte range of a character range, clamped to the text.
pub fn byte_range_from_char_range(text: &str, range: Range<usize>) -> Range<usize> {
    let start = byte_offset_from_char_offset(text, range.start);
    let end =
        start + byte_offset_from_char_offset(&text[start..], range.end.saturating_sub(range.start));
    start..end
}

/// The text of a character range, clamped to the text.
pub fn slice_chars(text: &str, range: Range<usize>) -> &str {
    &text[byte_range_from_char_range(text, range)]
}

/// The character offset of a byte offset (which must lie on a character boundary).
pub fn char_offset_from_byte_offset(text: &str, byte_offset: usize) -> usize {
    text.get(..byte_offset)
        .map_or_else(|| char_count(text), char_count)
}

/// `range` (character offsets) widened to whole grapheme clusters: a user-perceived
/// character (a letter with its combining accent, a flag, an emoji sequence) is never split.
///
/// Only the clusters at the two ends are examined, so this costs the same at the end of a
/// long section as at its start.
pub fn range_on_grapheme_boundaries(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = byte_range_from_char_range(text, range.clone());
    let start = grapheme_boundary_at_or_before(text, bytes.start);
    let end = grapheme_boundary_at_or_after(text, bytes.end);
    let start_chars = range.start - char_count(&text[start..bytes.start]);
    let end_chars = range
        .end
        .min(range.start + char_count(&text[bytes.clone()]))
        + char_count(&text[bytes.end..end]);
    start_chars..end_chars
}

fn grapheme_boundary_at_or_before(text: &str, byte: usize) -> usize {
    use unicode_segmentation::GraphemeCursor;
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return byte;
    }
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

fn grapheme_boundary_at_or_after(text: &str, byte: usize) -> usize {
    use unicode_segmentation::GraphemeCursor;
    let mut cursor = GraphemeCursor::new(byte, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return byte;
    }
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// `text` cut to at most `max_chars` characters, with an ellipsis when cut.
pub fn shortened(text: &str, max_chars: usize) -> String {
    if char_count(text) <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// `text` on one line: runs of white space (line breaks too) as one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A Markdown table cell's text, its `|` escaped.
pub fn escape_table_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// "1 open claim", "3 open claims".
pub fn counted(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

/// A timestamp as people read it in a report or memo: `2026-11-25 14:03 UTC`.
pub fn readable_timestamp(timestamp: jiff::Timestamp) -> String {
    timestamp.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// A path's file name as shown to people (the whole path when it has none).
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_and_byte_offsets_convert_both_ways() {
        let text = "a€b العربية";
        assert_eq!(byte_offset_from_char_offset(text, 1), 1);
        assert_eq!(byte_offset_from_char_offset(text, 2), 4);
        assert_eq!(byte_offset_from_char_offset(text, 100), text.len());
        assert_eq!(char_offset_from_byte_offset(text, 4), 2);
        assert_eq!(slice_chars(text, 1..3), "€b");
        assert_eq!(slice_chars(text, 4..11), "العربية");
        assert_eq!(slice_chars(text, 9..100), "ية");
        assert_eq!(slice_chars(text, 50..60), "");
    }

    #[test]
    fn every_char_offset_maps_to_the_byte_where_that_character_starts() {
        let text = "ok “quoted” 4,000 € — 🇫🇷 e\u{301} العربية end";
        let expected: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
        for (char_index, byte) in expected.iter().enumerate() {
            assert_eq!(byte_offset_from_char_offset(text, char_index), *byte);
        }
        assert_eq!(
            byte_offset_from_char_offset(text, expected.len()),
            text.len()
        );
    }

    #[test]
    fn ranges_widen_to_whole_graphemes() {
        // "e" + combining acute, then a two-character flag.
        let text = "cafe\u{301} 🇫🇷 ok";
        assert_eq!(range_on_grapheme_boundaries(text, 0..4), 0..5);
        assert_eq!(range_on_grapheme_boundaries(text, 6..7), 6..8);
        assert_eq!(range_on_grapheme_boundaries(text, 7..9), 6..9);
        assert_eq!(range_on_grapheme_boundaries(text, 9..11), 9..11);
    }

    #[test]
    fn shortened_adds_an_ellipsis_only_when_cut() {
        assert_eq!(shortened("short", 10), "short");
        assert_eq!(shortened("a longer sentence", 9), "a longer…");
    }
}
