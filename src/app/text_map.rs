//! The way from a section's text to its laid-out galley and back, whichever way it was laid
//! out: in the order it is written, with a blank line between paragraphs (`ParagraphMap`),
//! or, for text with right-to-left letters, in the order it is read (`VisualMap`).

use super::paragraph_map::ParagraphMap;
use super::visual_map::VisualMap;

#[derive(Clone, Debug)]
pub enum TextMap {
    Written(ParagraphMap),
    Visual(VisualMap),
}

impl Default for TextMap {
    fn default() -> Self {
        Self::Written(ParagraphMap::default())
    }
}

impl TextMap {
    /// The galley position of the caret before the character at `offset`.
    pub fn galley_from_section(&self, offset: usize) -> usize {
        match self {
            Self::Written(map) => map.galley_from_section(offset),
            Self::Visual(map) => map.galley_from_section(offset),
        }
    }

    /// The text offset a caret at galley position `index` stands for.
    pub fn section_from_galley(&self, index: usize) -> usize {
        match self {
            Self::Written(map) => map.section_from_galley(index),
            Self::Visual(map) => map.section_from_galley(index),
        }
    }
}
