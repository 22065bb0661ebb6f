//! A paragraph while it is read: its text grows run by run with the marks at their character
//! offsets, changes continuing one another are joined, and when it ends it is trimmed into a
//! block with its marks shifted to match — and, where Word says it reads right to left but its
//! first letter is Latin (or the other way round), opened with the direction mark that keeps
//! the direction Word gave it (`bidi::direction_mark`).

use std::ops::Range;

use super::{Block, Change, Mark, PlacedMark};
use crate::bidi::{Direction, direction_mark};
use crate::import::docx::changes::{ChangeKind, timestamp_from_word_date};
use crate::import::docx::styles::ParagraphRole;
use crate::import::docx::xml::Element;

/// A paragraph being read.
#[derive(Debug)]
pub(super) struct Paragraph {
    pub(super) role: ParagraphRole,
    pub(super) text: String,
    pub(super) chars: usize,
    pub(super) marks: Vec<PlacedMark>,
    pub(super) notes: Vec<String>,
    /// Set when a paragraph runs on into this one (its mark was deleted): the next text
    /// gets a space before it unless one is there already, so words do not run together.
    pub(super) join_pending: bool,
    /// The direction Word gives the paragraph (`w:bidi`, its own or its style's), if any.
    pub(super) direction: Option<Direction>,
}

impl Paragraph {
    pub(super) fn new(role: ParagraphRole) -> Self {
        Self {
            role,
            text: String::new(),
            chars: 0,
            marks: Vec::new(),
            notes: Vec::new(),
            join_pending: false,
            direction: None,
        }
    }

    pub(super) fn push(&mut self, piece: &str) {
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

    pub(super) fn mark(&mut self, mark: Mark) {
        self.marks.push(PlacedMark {
            at: self.chars,
            mark,
        });
    }

    /// The text from byte offset `start` (taken from `text.len()` earlier) to the end:
    /// as long as the slice, however long the paragraph.
    pub(super) fn text_since(&self, start: usize) -> String {
        self.text.get(start..).unwrap_or_default().to_owned()
    }

    /// Records a change, joined to the previous one when it continues it (Word splits one
    /// edit into a change element per run).
    pub(super) fn change(
        &mut self,
        kind: ChangeKind,
        element: &Element,
        range: Range<usize>,
        text: String,
    ) {
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
    pub(super) fn into_block(self) -> Block {
        let leading = self.text.chars().take_while(|c| c.is_whitespace()).count();
        let mut text = self.text.trim().to_owned();
        let mark = self
            .direction
            .and_then(|direction| direction_mark(&text, direction));
        // The mark is one character before the words: every mark in them moves past it.
        let opening = usize::from(mark.is_some());
        if let Some(mark) = mark {
            text.insert(0, mark);
        }
        let len = text.chars().count();
        let shift = |at: usize| (at.saturating_sub(leading) + opening).min(len);
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
