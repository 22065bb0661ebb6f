//! The article body (`w:body` of `word/document.xml`) as a list of blocks — title, headings,
//! paragraphs — each with the marks that anchor comments and tracked changes in its text.
//!
//! Tracked changes are accepted as the text is read: inserted and moved-here text is kept,
//! deleted and moved-away text dropped (but remembered for the change's note), and a
//! paragraph whose mark was deleted runs on into the next one. Lists get their markers,
//! table rows become one paragraph each ("cell | cell"), and footnotes and endnotes a
//! "[n]" marker with the note's text kept for the end of the section.

use std::collections::HashMap;
use std::ops::Range;

use jiff::Timestamp;

use super::changes::{ChangeKind, timestamp_from_word_date};
use super::inline::run_child_text;
use super::notes::NoteTexts;
use super::numbering::{ListCounters, Numbering};
use super::styles::{ParagraphRole, Styles, numbering_from_paragraph_properties};
use super::xml::Element;

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

/// A paragraph being read.
#[derive(Debug)]
struct Paragraph {
    role: ParagraphRole,
    text: String,
    chars: usize,
    marks: Vec<PlacedMark>,
    notes: Vec<String>,
    /// Set when a paragraph runs on into this one (its mark was deleted): the next text
    /// gets a space before it unless one is there already, so words do not run together.
    join_pending: bool,
}

impl Paragraph {
    fn new(role: ParagraphRole) -> Self {
        Self {
            role,
            text: String::new(),
            chars: 0,
            marks: Vec::new(),
            notes: Vec::new(),
            join_pending: false,
        }
    }

    fn push(&mut self, piece: &str) {
        if piece.is_empty() {
            return;
        }
        if self.join_pending {
            self.join_pending = false;
            let ends_in_space = self.text.chars().last().is_none_or(char::is_whitespace);
            if !ends_in_space && !piece.starts_with(char::is_whitespace) {
                self.text.push(' ');
                self.chars += 1;
            }
        }
        for c in piece.chars() {
            // One paragraph is one line of the section text.
            self.text
                .push(if matches!(c, '\n' | '\r') { ' ' } else { c });
            self.chars += 1;
        }
    }

    fn mark(&mut self, mark: Mark) {
        self.marks.push(PlacedMark {
            at: self.chars,
            mark,
        });
    }

    /// The text from byte offset `start` (taken from `text.len()` earlier) to the end:
    /// as long as the slice, however long the paragraph.
    fn text_since(&self, start: usize) -> String {
        self.text.get(start..).unwrap_or_default().to_owned()
    }

    /// Records a change, joined to the previous one when it continues it (Word splits one
    /// edit into a change element per run).
    fn change(&mut self, kind: ChangeKind, element: &Element, range: Range<usize>, text: String) {
        let author = element.attr("author").unwrap_or_default().trim().to_owned();
        if let Some(PlacedMark {
            mark: Mark::Change(last),
            ..
        }) = self.marks.last_mut()
            && last.kind == kind
            && last.author == author
            && last.range.end == range.start
        {
            last.range.end = range.end;
            last.text.push_str(&text);
            return;
        }
        self.marks.push(PlacedMark {
            at: range.start,
            mark: Mark::Change(Change {
                kind,
                author,
                created: element.attr("date").and_then(timestamp_from_word_date),
                range,
                text,
            }),
        });
    }

    /// The finished block: trimmed, with the marks moved to match.
    fn into_block(self) -> Block {
        let leading = self.text.chars().take_while(|c| c.is_whitespace()).count();
        let text = self.text.trim().to_owned();
        let len = text.chars().count();
        let shift = |at: usize| at.saturating_sub(leading).min(len);
        let marks = self
            .marks
            .into_iter()
            .map(|placed| PlacedMark {
                at: shift(placed.at),
                mark: match placed.mark {
                    Mark::Change(mut change) => {
                        change.range = shift(change.range.start)..shift(change.range.end);
                        Mark::Change(change)
                    }
                    other => other,
                },
            })
            .collect();
        Block {
            role: self.role,
            text,
            marks,
            notes: self.notes,
        }
    }
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

    /// Reads the inline content of `parent` into `paragraph`. Inside a deletion (`removed`
    /// is `Some`), text is collected there instead of kept.
    fn inline_children(
        &mut self,
        paragraph: &mut Paragraph,
        parent: &'d Element,
        mut removed: Option<&mut String>,
    ) {
        for child in parent.elements() {
            if self.over_budget {
                return;
            }
            match child.name.as_str() {
                "pPr" => {}
                "r" => self.run(paragraph, child, removed.as_deref_mut()),
                "ins" | "del" | "moveTo" | "moveFrom" => {
                    let Some(kind) = ChangeKind::from_element_name(&child.name) else {
                        continue;
                    };
                    if let Some(outer) = removed.as_deref_mut() {
                        // Anything inside a deletion goes with it.
                        self.inline_children(paragraph, child, Some(outer));
                    } else if kind.adds_text() {
                        let start = paragraph.chars;
                        let start_byte = paragraph.text.len();
                        self.inline_children(paragraph, child, None);
                        let end = paragraph.chars;
                        let text = paragraph.text_since(start_byte);
                        self.spend(text.len());
                        paragraph.change(kind, child, start..end, text);
                    } else {
                        let mut text = String::new();
                        self.inline_children(paragraph, child, Some(&mut text));
                        let at = paragraph.chars;
                        paragraph.change(kind, child, at..at, text);
                    }
                }
                "commentRangeStart" | "commentRangeEnd" => {
                    if let Some(mark) = comment_mark(child) {
                        paragraph.mark(mark);
                    }
                }
                "txbxContent" => {
                    if removed.is_none() {
                        self.text_boxes.push(child);
                    }
                }
                // Hyperlinks, smart tags, content controls, fields, math: their text counts.
                _ => self.inline_children(paragraph, child, removed.as_deref_mut()),
            }
        }
    }

    fn run(
        &mut self,
        paragraph: &mut Paragraph,
        run: &'d Element,
        mut removed: Option<&mut String>,
    ) {
        for child in run.elements() {
            match child.name.as_str() {
                "footnoteReference" | "endnoteReference" => {
                    if removed.is_some() {
                        continue;
                    }
                    let footnote = child.name == "footnoteReference";
                    let notes = if footnote {
                        self.context.footnotes
                    } else {
                        self.context.endnotes
                    };
                    let id = child.attr("id").unwrap_or_default();
                    let cited = self.note_numbers.len();
                    let key = (footnote, id.to_owned());
                    let first = !self.note_numbers.contains_key(&key);
                    let number = *self.note_numbers.entry(key).or_insert(cited + 1);
                    let marker = format!("[{number}]");
                    self.spend(marker.len());
                    paragraph.push(&marker);
                    // A note cited again keeps its number; its text is written once.
                    if first {
                        let text = notes.text(id).unwrap_or("");
                        self.spend(marker.len() + 1 + text.len());
                        if !self.over_budget {
                            paragraph
                                .notes
                                .push(format!("{marker} {text}").trim().to_owned());
                        }
                    }
                }
                // A text box (its drawing is dropped, the box kept: see `xml`), directly or
                // in the Choice of an alternate content (the Fallback is never kept).
                "txbxContent" | "AlternateContent" | "Choice" => {
                    if removed.is_none() {
                        collect_text_boxes(child, &mut self.text_boxes);
                    }
                }
                // Ruby (furigana): the base text is the text; the reading set above it
                // (`w:rt`) is left out.
                "ruby" => {
                    if let Some(base) = child.child("rubyBase") {
                        self.inline_children(paragraph, base, removed.as_deref_mut());
                    }
                }
                "commentReference" => {
                    if let Some(id) = child.attr("id") {
                        paragraph.mark(Mark::CommentReference(id.to_owned()));
                    }
                }
                "delText" => {
                    if let Some(text) = removed.as_deref_mut() {
                        let piece = child.text();
                        self.spend(piece.len());
                        text.push_str(&piece);
                    }
                }
                _ => {
                    if let Some(piece) = run_child_text(child) {
                        self.spend(piece.len());
                        match removed.as_deref_mut() {
                            Some(text) => text.push_str(&piece),
                            None => paragraph.push(&piece),
                        }
                    }
                }
            }
        }
    }

    /// One paragraph per row: its cells joined by " | ", a cell's paragraphs by a space.
    fn table(&mut self, table: &'d Element) {
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

/// `element` if it is a text box, else the text boxes inside it (not those inside them).
fn collect_text_boxes<'d>(element: &'d Element, found: &mut Vec<&'d Element>) {
    if element.name == "txbxContent" {
        found.push(element);
        return;
    }
    for child in element.elements() {
        collect_text_boxes(child, found);
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
    fn ruby_keeps_its_base_text_and_drops_the_reading() {
        let found = blocks(
            r#"<w:p><w:r><w:t xml:space="preserve">Read </w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t xml:space="preserve"> aloud.</w:t></w:r></w:p>"#,
        );
        assert_eq!(found[0].text, "Read 東京 aloud.");
    }
}
