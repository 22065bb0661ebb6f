//! Characters of Word's Symbol font as Unicode.
//!
//! Word writes a Symbol-font glyph as its code in that font — `w:sym w:char="F0DA"`, or a
//! private-use character U+F0xx in the text — which means nothing in any other font. The
//! Symbol encoding maps those codes to real characters (0xDA is "∨").

/// Symbol-font codes 0x20–0x7E.
const LOW: &str = " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼";
/// Symbol-font codes 0xA0–0xFE (0xF0, unused, is a space).
const HIGH: &str = "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪ 〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭";

/// The Unicode character for Symbol-font code `code` (with or without Word's 0xF000
/// offset), if it has one.
pub fn char_from_symbol_code(code: u32) -> Option<char> {
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    let (table, first) = match code {
        0x20..=0x7E => (LOW, 0x20),
        0xA0..=0xFE => (HIGH, 0xA0),
        _ => return None,
    };
    table.chars().nth(usize::try_from(code - first).ok()?)
}

/// `text` with Symbol-font private-use characters (U+F020–U+F0FE) made real.
pub fn text_with_symbols_mapped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{F020}'..='\u{F0FE}').contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if ('\u{F020}'..='\u{F0FE}').contains(&c) {
                char_from_symbol_code(u32::from(c)).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_cover_their_ranges() {
        assert_eq!(LOW.chars().count(), 0x7F - 0x20);
        assert_eq!(HIGH.chars().count(), 0xFF - 0xA0);
        assert_eq!(char_from_symbol_code(0xF0DA), Some('∨'));
        assert_eq!(char_from_symbol_code(0xDA), Some('∨'));
        assert_eq!(char_from_symbol_code(0x61), Some('α'));
        assert_eq!(char_from_symbol_code(0x10), None);
        assert_eq!(text_with_symbols_mapped("a\u{F028}b"), "a(b");
        assert_eq!(text_with_symbols_mapped("日本"), "日本");
    }
}
