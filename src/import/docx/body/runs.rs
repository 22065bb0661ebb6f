//! The inline content of a paragraph: runs of text, tracked insertions and deletions (kept or
//! remembered as the change is accepted), comment anchors, footnote and endnote references,
//! ruby, and the text boxes that become paragraphs of their own after it.

use super::paragraph::Paragraph;
use super::{BodyReader, Mark, comment_mark};
use crate::import::docx::changes::ChangeKind;
use crate::import::docx::inline::run_child_text;
use crate::import::docx::xml::Element;

impl<'d> BodyReader<'_, '_, 'd> {
    /// Reads the inline content of `parent` into `paragraph`. Inside a deletion (`removed`
    /// is `Some`), text is collected there instead of kept.
    pub(super) fn inline_children(
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
