//! The characters a run stands for: text, tabs, breaks, symbols and Word's special hyphens.
//!
//! Shared by the body, the notes and the comments, so a footnote or a comment reads the
//! same way the article does.

use super::xml::Element;

/// What one child of a run (`w:r`) contributes to the paragraph's text, if anything.
pub fn run_child_text(child: &Element) -> Option<String> {
    match child.name.as_str() {
        "t" => Some(child.text()),
        // One paragraph is one line of the section: line breaks and tabs become spaces.
        "tab" | "br" | "cr" | "ptab" => Some(" ".to_owned()),
        "noBreakHyphen" => Some("-".to_owned()),
        "sym" => child
            .attr("char")
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .map(|code| {
                // Symbol fonts put their glyphs at U+F0xx; the low byte is the Latin-1
                // code point Word shows for most of them.
                if (0xF000..=0xF0FF).contains(&code) {
                    code - 0xF000
                } else {
                    code
                }
            })
            .and_then(char::from_u32)
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
                    if let Some(piece) = run_child_text(part) {
                        text.push_str(&piece);
                    }
                }
            }
            _ => collect_plain_text(child, text),
        }
    }
}
