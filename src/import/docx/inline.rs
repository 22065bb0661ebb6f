//! The characters a run stands for: text, tabs, breaks, symbols and Word's special hyphens.
//!
//! Shared by the body, the notes and the comments, so a footnote or a comment reads the
//! same way the article does.

use super::symbol::{char_from_symbol_code, text_with_symbols_mapped};
use super::xml::Element;

/// What one child of a run (`w:r`) contributes to the paragraph's text, if anything.
pub fn run_child_text(child: &Element) -> Option<String> {
    match child.name.as_str() {
        "t" => Some(text_with_symbols_mapped(&child.text()).into_owned()),
        // One paragraph is one line of the section: line breaks and tabs become spaces.
        "tab" | "br" | "cr" | "ptab" => Some(" ".to_owned()),
        "noBreakHyphen" => Some("-".to_owned()),
        "sym" => child
            .attr("char")
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(|code| {
                if child
                    .attr("font")
                    .is_some_and(|f| f.eq_ignore_ascii_case("Symbol"))
                {
                    char_from_symbol_code(code)
                } else if (0xF000..=0xF0FF).contains(&code) {
                    // Other symbol fonts (Wingdings…) have no Unicode table here; the
                    // low byte is the nearest guess.
                    char::from_u32(code - 0xF000)
                } else {
                    char::from_u32(code)
                }
            })
            .filter(|c| !c.is_control())
            .map(String::from),
        // softHyphen: an optional break point, invisible in the text.
        _ => None,
    }
}

/// The text of a paragraph with its tracked changes accepted (for notes and comments).
pub fn paragraph_plain_text(paragraph: &Element) -> String {
    let mut text = String::new();
    collect_plain_text(paragraph, &mut text);
    text
}

fn collect_plain_text(element: &Element, text: &mut String) {
    for child in element.elements() {
        match child.name.as_str() {
            "del" | "moveFrom" | "pPr" | "footnoteRef" | "endnoteRef" => {}
            "r" => {
                for part in child.elements() {
                    if part.name == "ruby" {
                        // The base text, not the reading above it.
                        if let Some(base) = part.child("rubyBase") {
                            collect_plain_text(base, text);
                        }
                    } else if let Some(piece) = run_child_text(part) {
                        text.push_str(&piece);
                    }
                }
            }
            _ => collect_plain_text(child, text),
        }
    }
}
