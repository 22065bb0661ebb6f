//! Where each paragraph of a section starts, to convert between offsets in the section text
//! (paragraphs separated by one `'\n'`) and in its laid-out galley, which shows an extra,
//! smaller blank line between paragraphs for breathing room.

/// Converts between section-text offsets and galley offsets (which have one extra character,
/// a blank line, at each paragraph break).
#[derive(Clone, Debug, Default)]
pub struct ParagraphMap {
    /// Section-text offset where each paragraph starts.
    starts: Vec<usize>,
    len: usize,
}

impl ParagraphMap {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut len = 0;
        for (index, c) in text.chars().enumerate() {
            if c == '\n' {
                starts.push(index + 1);
            }
            len = index + 1;
        }
        Self { starts, len }
    }

    fn paragraph_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    pub fn galley_from_section(&self, offset: usize) -> usize {
        offset + self.paragraph_of(offset)
    }

    pub fn section_from_galley(&self, galley_offset: usize) -> usize {
        let paragraph = self
            .starts
            .iter()
            .enumerate()
            .rposition(|(p, &start)| start + p <= galley_offset)
            .unwrap_or(0);
        let paragraph_end = self
            .starts
            .get(paragraph + 1)
            .map_or(self.len, |next| next - 1);
        (galley_offset - paragraph).min(paragraph_end)
    }
}

#[cfg(test)]
mod tests {
    use super::ParagraphMap;

    #[test]
    fn paragraph_map_round_trips() {
        let text = "ab\ncd\n\nef";
        let map = ParagraphMap::new(text);
        // galley text: "ab\n\ncd\n\n\n\nef"
        assert_eq!(map.galley_from_section(0), 0);
        assert_eq!(map.galley_from_section(3), 4);
        assert_eq!(map.galley_from_section(7), 10);
        for offset in 0..=text.chars().count() {
            assert_eq!(
                map.section_from_galley(map.galley_from_section(offset)),
                offset
            );
        }
        // The blank line maps to the end of the paragraph before it.
        assert_eq!(map.section_from_galley(3), 2);
    }
}
