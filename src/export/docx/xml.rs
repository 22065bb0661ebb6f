//! Text as WordprocessingML holds it: escaped, in runs, and marked right to left where it
//! reads so (`w:bidi` on a paragraph, `w:rtl` on a run of Arabic or Hebrew), as Word writes
//! them: Word and LibreOffice lay a paragraph out right to left only when it says so, and
//! shape and order a run's digits and punctuation by its `w:rtl`.

use std::fmt::Write as _;

use unicode_bidi::{BidiClass, bidi_class};

use crate::bidi::{Direction, strong_direction};

/// XML text with the five special characters escaped and the characters XML 1.0 cannot hold
/// (control characters a pasted draft may carry) left out.
pub(super) fn xml_text(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

/// The runs of `text`: one per stretch of one direction, those of right-to-left letters
/// marked `w:rtl`.
pub(super) fn run_xml(out: &mut String, text: &str) {
    for (piece, direction) in direction_pieces(text) {
        let properties = match direction {
            Direction::RightToLeft => "<w:rPr><w:rtl/></w:rPr>",
            Direction::LeftToRight => "",
        };
        let _ = write!(
            out,
            r#"<w:r>{properties}<w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml_text(piece)
        );
    }
}

/// The opening of a paragraph, `<w:p>` with its properties: `style` (a paragraph style id)
/// and `w:bidi` when `text` reads right to left.
pub(super) fn paragraph_start_xml(out: &mut String, style: Option<&str>, text: &str) {
    let right_to_left = strong_direction(text) == Some(Direction::RightToLeft);
    if style.is_none() && !right_to_left {
        out.push_str("<w:p>");
        return;
    }
    out.push_str("<w:p><w:pPr>");
    if let Some(style) = style {
        let _ = write!(out, r#"<w:pStyle w:val="{}"/>"#, xml_text(style));
    }
    if right_to_left {
        out.push_str("<w:bidi/>");
    }
    out.push_str("</w:pPr>");
}

/// `text` cut where its strong letters change direction; digits, spaces and punctuation stay
/// with the letters before them (those before any letter, with the first).
fn direction_pieces(text: &str) -> Vec<(&str, Direction)> {
    let mut pieces: Vec<(&str, Direction)> = Vec::new();
    let mut start = 0;
    let mut current: Option<Direction> = None;
    for (at, c) in text.char_indices() {
        let direction = match bidi_class(c) {
            BidiClass::R | BidiClass::AL => Direction::RightToLeft,
            BidiClass::L => Direction::LeftToRight,
            _ => continue,
        };
        match current {
            Some(before) if before != direction => {
                pieces.push((&text[start..at], before));
                start = at;
            }
            _ => {}
        }
        current = Some(direction);
    }
    if start < text.len() {
        pieces.push((&text[start..], current.unwrap_or_default()));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_change_where_the_letters_change_direction() {
        assert_eq!(
            direction_pieces("قال CNN إن 4000 (شخص)."),
            vec![
                ("قال ", Direction::RightToLeft),
                ("CNN ", Direction::LeftToRight),
                ("إن 4000 (شخص).", Direction::RightToLeft),
            ]
        );
        assert_eq!(
            direction_pieces("2024: ok"),
            vec![("2024: ok", Direction::LeftToRight)]
        );
        assert!(direction_pieces("").is_empty());
        let mut out = String::new();
        run_xml(&mut out, "שלום x");
        assert_eq!(
            out,
            r#"<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">שלום </w:t></w:r><w:r><w:t xml:space="preserve">x</w:t></w:r>"#
        );
    }

    #[test]
    fn a_right_to_left_paragraph_says_so() {
        let mut out = String::new();
        paragraph_start_xml(&mut out, Some("Heading2"), "\u{200F}CNN قالت");
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:bidi/></w:pPr>"#
        );
        out.clear();
        paragraph_start_xml(&mut out, None, "Plain.");
        assert_eq!(out, "<w:p>");
    }
}
