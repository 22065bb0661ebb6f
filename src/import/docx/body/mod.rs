//! The article body (`w:body` of `word/document.xml`) as a list of blocks — title, headings,
//! paragraphs — each with the marks that anchor comments and tracked changes in its text.
//!
//! Tracked changes are accepted as the text is read: inserted and moved-here text is kept,
//! deleted and moved-away text dropped (but remembered for the change's note), and a
//! paragraph whose mark was deleted runs on into the next one. Lists get their markers,
//! table rows become one paragraph each ("cell | cell"), and footnotes and endnotes a
//! "[n]" marker with the note's text kept for the end of the section.
//!
//! The pieces: a paragraph being read and turned into a block (`paragraph`), the inline content
//! of a paragraph — runs, changes, note references, text boxes (`runs`) — and tables
//! (`tables`); this file holds the blocks and marks and the walk over the body's blocks.

mod paragraph;
mod runs;
mod tables;

use std::collections::HashMap;
use std::ops::Range;

use jiff::Timestamp;

use super::changes::ChangeKind;
use super::notes::NoteTexts;
use super::numbering::{ListCounters, Numbering};
use super::styles::{
    ParagraphRole, Styles, direction_from_paragraph_properties, numbering_from_paragraph_properties,
};
use super::xml::Element;
use paragraph::Paragraph;

/// Everything from the other parts that the body refers to.
#[derive(Debug)]
pub struct Context<'a> {
    pub styles: &'a Styles,
    pub numbering: &'a Numbering,
    pub footnotes: &'a NoteTexts,
    pub endnotes: &'a NoteTexts,
    /// Bytes of text the body may produce, all told (see `Limits::max_text_bytes`).
    pub max_text_bytes: usize,
}

/// A point or span in a block's text that a note refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    CommentStart(String),
    CommentEnd(String),
    CommentReference(String),
    Change(Change),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub author: String,
    pub created: Option<Timestamp>,
    /// Character offsets into the block's text: the kept text of an insertion, or the
    /// point where text was removed.
    pub range: Range<usize>,
    /// The text inserted or removed.
    pub text: String,
}

/// A mark at a character offset of its block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedMark {
    pub at: usize,
    pub mark: Mark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub role: ParagraphRole,
    /// Trimmed, on one line; empty for a paragraph with no text.
    pub text: String,
    pub marks: Vec<PlacedMark>,
    /// Footnotes and endnotes first cited here, as "[n] text", for the end of the section
    /// (a note cited again keeps its number and is not repeated).
    pub notes: Vec<String>,
}

/// The blocks of the body, or `None` when they would hold more than
/// `context.max_text_bytes` of text.
pub fn blocks_from_document(document: &Element, context: &Context<'_>) -> Option<Vec<Block>> {
    let mut reader = BodyReader {
        context,
        counters: ListCounters::default(),
        blocks: Vec::new(),
        carried: None,
        pending: Vec::new(),
        note_numbers: HashMap::new(),
        text_left: context.max_text_bytes,
        over_budget: false,
        text_boxes: Vec::new(),
    };
    if let Some(body) = document.child("body") {
        reader.block_children(body);
    }
    reader.flush_text_boxes();
    if reader.over_budget {
        return None;
    }
    reader.flush_carried();
    // Marks after the last paragraph (a comment ending between paragraphs) go at its end.
    if !reader.pending.is_empty()
        && let Some(last) = reader.blocks.last_mut()
    {
        let end = last.text.chars().count();
        for mark in reader.pending.drain(..) {
            last.marks.push(PlacedMark { at: end, mark });
        }
    }
    Some(reader.blocks)
}

struct BodyReader<'c, 'a, 'd> {
    context: &'c Context<'a>,
    counters: ListCounters,
    blocks: Vec<Block>,
    /// A paragraph whose mark was deleted, waiting to run on into the next one.
    carried: Option<Paragraph>,
    /// Marks found between paragraphs, for the start of the next one.
    pending: Vec<Mark>,
    /// The number given to each note cited so far, by (is footnote, id).
    note_numbers: HashMap<(bool, String), usize>,
    /// Bytes of text still allowed; once spent, reading stops and the body is refused.
    text_left: usize,
    over_budget: bool,
    /// Text boxes met in the paragraph being read, for paragraphs of their own after it.
    text_boxes: Vec<&'d Element>,
}

impl<'d> BodyReader<'_, '_, 'd> {
    /// Counts `bytes` of text produced against the budget.
    fn spend(&mut self, bytes: usize) {
        match self.text_left.checked_sub(bytes) {
            Some(left) => self.text_left = left,
            None => {
                self.text_left = 0;
                self.over_budget = true;
            }
        }
    }

    fn block_children(&mut self, parent: &'d Element) {
        for child in parent.elements() {
            if self.over_budget {
                return;
            }
            match child.name.as_str() {
                "p" => self.paragraph(child),
                "tbl" => {
                    self.flush_carried();
                    self.table(child);
                }
                "commentRangeStart" | "commentRangeEnd" => {
                    if let Some(mark) = comment_mark(child) {
                        match &mut self.carried {
                            Some(paragraph) => paragraph.mark(mark),
                            None => self.pending.push(mark),
                        }
                    }
                }
                // Whole blocks deleted or moved away are gone once changes are accepted.
                "del" | "moveFrom" => {}
                _ => self.block_children(child),
            }
        }
    }

    fn flush_carried(&mut self) {
        if let Some(paragraph) = self.carried.take() {
            self.blocks.push(paragraph.into_block());
        }
    }

    fn start_paragraph(&mut self, role: ParagraphRole) -> Paragraph {
        let mut paragraph = Paragraph::new(role);
        for mark in std::mem::take(&mut self.pending) {
            paragraph.mark(mark);
        }
        paragraph
    }

    fn paragraph(&mut self, element: &'d Element) {
        let properties = element.child("pPr");
        let mark_properties = properties.and_then(|p| p.child("rPr"));
        let mut paragraph = match self.carried.take() {
            Some(mut carried) => {
                carried.join_pending = true;
                carried
            }
            None => {
                let style = properties.and_then(|p| p.child_val("pStyle"));
                let outline_level = properties
                    .and_then(|p| p.child_val("outlineLvl"))
                    .and_then(|v| v.parse().ok());
                let role = self.context.styles.role(style, outline_level);
                let mut paragraph = self.start_paragraph(role);
                paragraph.direction = properties
                    .and_then(direction_from_paragraph_properties)
                    .or_else(|| self.context.styles.direction(style));
                if role == ParagraphRole::Body
                    && let Some(marker) = self.list_marker(properties, style)
                {
                    self.spend(marker.len() + 1);
                    paragraph.push(&marker);
                    paragraph.push(" ");
                }
                paragraph
            }
        };
        self.inline_children(&mut paragraph, element, None);
        if let Some(inserted) = mark_properties.and_then(|r| r.child("ins")) {
            let end = paragraph.chars;
            paragraph.change(
                ChangeKind::ParagraphBreakInserted,
                inserted,
                end..end,
                String::new(),
            );
        }
        if let Some(deleted) = mark_properties.and_then(|r| r.child("del")) {
            let end = paragraph.chars;
            paragraph.change(
                ChangeKind::ParagraphBreakDeleted,
                deleted,
                end..end,
                String::new(),
            );
            self.carried = Some(paragraph);
            self.flush_text_boxes();
            return;
        }
        // A moved paragraph's mark leaves with it (the move's own note says so).
        if mark_properties.is_some_and(|r| r.child("moveFrom").is_some()) {
            self.carried = Some(paragraph);
            self.flush_text_boxes();
            return;
        }
        self.blocks.push(paragraph.into_block());
        self.flush_text_boxes();
    }

    /// The text boxes met so far, each read as blocks of its own (a paragraph running on
    /// into the next one waits until they are read).
    fn flush_text_boxes(&mut self) {
        if self.text_boxes.is_empty() {
            return;
        }
        let carried = self.carried.take();
        for text_box in std::mem::take(&mut self.text_boxes) {
            self.block_children(text_box);
            self.flush_carried();
        }
        self.carried = carried;
    }

    fn list_marker(&mut self, properties: Option<&Element>, style: Option<&str>) -> Option<String> {
        let (num_id, level) = properties
            .and_then(numbering_from_paragraph_properties)
            .or_else(|| style.and_then(|s| self.context.styles.numbering(s)))?;
        self.counters.marker(self.context.numbering, &num_id, level)
    }
}

fn comment_mark(element: &Element) -> Option<Mark> {
    let id = element.attr("id")?.to_owned();
    Some(if element.name == "commentRangeStart" {
        Mark::CommentStart(id)
    } else {
        Mark::CommentEnd(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::docx::archive::Limits;
    use crate::import::docx::xml;

    fn blocks(body: &str) -> Vec<Block> {
        let document = xml::parse(
            "word/document.xml",
            format!(r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#).as_bytes(),
            &Limits::DEFAULT,
        )
        .unwrap();
        let (styles, numbering, notes) = Default::default();
        let context = Context {
            styles: &styles,
            numbering: &numbering,
            footnotes: &notes,
            endnotes: &notes,
            max_text_bytes: usize::MAX,
        };
        blocks_from_document(&document, &context).unwrap()
    }

    #[test]
    fn text_boxes_are_paragraphs_after_theirs_taken_once() {
        let text_box = |words: &str| {
            format!(r#"<w:txbxContent><w:p><w:r><w:t>{words}</w:t></w:r></w:p></w:txbxContent>"#)
        };
        let found = blocks(&format!(
            r#"<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{}</wps:txbx><a:p><a:r><a:t>shape text</a:t></a:r></a:p></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after.</w:t></w:r></w:p><w:p><w:r><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></w:r></w:p><w:p><w:r><w:t>Last.</w:t></w:r></w:p>"#,
            text_box("In the box."),
            text_box("In the box."),
            text_box("Old-style box."),
        ));
        let texts: Vec<&str> = found.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Before after.",
                "In the box.",
                "",
                "Old-style box.",
                "Last."
            ]
        );
    }

    #[test]
    fn a_right_to_left_paragraph_opening_with_a_latin_word_keeps_its_direction() {
        let found = blocks(
            r#"<w:p><w:pPr><w:bidi/></w:pPr><w:r><w:t xml:space="preserve">CNN </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:rtl/></w:rPr><w:t>قالت</w:t></w:r><w:commentRangeEnd w:id="1"/></w:p><w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t>قالت CNN</w:t></w:r></w:p><w:p><w:pPr><w:bidi w:val="0"/></w:pPr><w:r><w:t>שלום world</w:t></w:r></w:p><w:p><w:r><w:t>CNN قالت</w:t></w:r></w:p>"#,
        );
        let texts: Vec<&str> = found.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "\u{200F}CNN قالت",
                "قالت CNN",
                "\u{200E}שלום world",
                "CNN قالت"
            ]
        );
        let starts: Vec<usize> = found[0].marks.iter().map(|m| m.at).collect();
        assert_eq!(starts, vec![5, 9], "the comment stays on «قالت»");
    }

    #[test]
    fn ruby_keeps_its_base_text_and_drops_the_reading() {
        let found = blocks(
            r#"<w:p><w:r><w:t xml:space="preserve">Read </w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t xml:space="preserve"> aloud.</w:t></w:r></w:p>"#,
        );
        assert_eq!(found[0].text, "Read 東京 aloud.");
    }
}
