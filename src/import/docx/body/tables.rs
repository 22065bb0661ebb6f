//! Tables: one paragraph per row, its cells joined by " | ", so a table reads as lines of text
//! a comment can anchor in; a table inside a cell gives its text to that cell.

use super::BodyReader;
use super::paragraph::Paragraph;
use crate::import::docx::styles::ParagraphRole;
use crate::import::docx::xml::Element;

impl<'d> BodyReader<'_, '_, 'd> {
    /// One paragraph per row: its cells joined by " | ", a cell's paragraphs by a space.
    pub(super) fn table(&mut self, table: &'d Element) {
        for row in rows(table) {
            let mut paragraph = self.start_paragraph(ParagraphRole::Body);
            for (index, cell) in cells(row).into_iter().enumerate() {
                if index > 0 {
                    self.spend(3);
                    paragraph.push(" | ");
                }
                self.cell(&mut paragraph, cell);
            }
            if paragraph
                .text
                .chars()
                .all(|c| c == '|' || c.is_whitespace())
            {
                paragraph.text.clear();
                paragraph.chars = 0;
            }
            self.blocks.push(paragraph.into_block());
            self.flush_text_boxes();
        }
    }

    fn cell(&mut self, paragraph: &mut Paragraph, cell: &'d Element) {
        for child in cell.elements() {
            match child.name.as_str() {
                "p" => {
                    paragraph.join_pending = true;
                    self.inline_children(paragraph, child, None);
                }
                // A table inside a cell: its cells' text, in reading order.
                "tbl" => {
                    for row in rows(child) {
                        for inner in cells(row) {
                            paragraph.join_pending = true;
                            self.cell(paragraph, inner);
                        }
                    }
                }
                "sdt" | "sdtContent" | "customXml" => self.cell(paragraph, child),
                _ => {}
            }
        }
    }
}

/// The rows of a table, also those inside content controls.
fn rows(table: &Element) -> Vec<&Element> {
    children_through_wrappers(table, "tr")
}

fn cells(row: &Element) -> Vec<&Element> {
    children_through_wrappers(row, "tc")
}

fn children_through_wrappers<'e>(parent: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut found = Vec::new();
    for child in parent.elements() {
        if child.name == name {
            found.push(child);
        } else if matches!(child.name.as_str(), "sdt" | "sdtContent" | "customXml") {
            found.extend(children_through_wrappers(child, name));
        }
    }
    found
}
