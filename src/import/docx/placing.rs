//! From blocks to the outline: sections, and every comment and tracked change as a note
//! anchored by character offsets in its section's text.
//!
//! Offsets are tracked here, alongside the [`OutlineBuilder`], because a note can only be
//! placed once it is known which section each paragraph lands in and where.

use std::collections::HashMap;

use super::body::{Block, Mark, PlacedMark};
use super::changes::{note_body_from_change, word_near};
use super::comments::WordComment;
use super::styles::ParagraphRole;
use crate::import::outline::OutlineBuilder;
use crate::import::{ArticleOutline, OutlineNote, OutlineReply};
use crate::model::CommentOrigin;

/// Where a block's text landed.
#[derive(Clone, Copy, Debug)]
struct Place {
    section: usize,
    start: usize,
    /// Characters of the block in the section text (0 for headings and empty paragraphs).
    len: usize,
    /// Whether the block's text is part of the section text (headings are not).
    in_text: bool,
}

/// A position in the outline: section and character offset in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Position {
    section: usize,
    offset: usize,
    in_text: bool,
}

pub fn outline_from_blocks(
    blocks: &[Block],
    comments: &[WordComment],
    thread_roots: &[Option<usize>],
) -> ArticleOutline {
    let mut builder = OutlineBuilder::default();
    // For each section, where its next paragraph would start (mirrors the builder).
    let mut next_starts: Vec<usize> = Vec::new();
    let level_one_headings = blocks
        .iter()
        .filter(|b| b.role == ParagraphRole::Heading(1) && !b.text.is_empty())
        .count();
    let first_with_text = blocks.iter().position(|b| !b.text.is_empty());
    let mut has_title = false;
    let mut cited_notes: Vec<String> = Vec::new();
    let mut places = Vec::with_capacity(blocks.len());

    let add_paragraph = |builder: &mut OutlineBuilder, next_starts: &mut Vec<usize>, text: &str| {
        if next_starts.is_empty() {
            next_starts.push(0);
        }
        let section = next_starts.len() - 1;
        let len = text.chars().count();
        let start = next_starts.last().copied().unwrap_or(0);
        if let Some(next) = next_starts.last_mut() {
            *next = start + len + 1;
        }
        builder.paragraph(text.to_owned());
        Place {
            section,
            start,
            len,
            in_text: true,
        }
    };
    let heading_place = |next_starts: &[usize]| Place {
        section: next_starts.len().saturating_sub(1),
        start: 0,
        len: 0,
        in_text: false,
    };

    for (index, block) in blocks.iter().enumerate() {
        let place = if block.text.is_empty() {
            Place {
                section: next_starts.len().saturating_sub(1),
                start: next_starts.last().copied().unwrap_or(0),
                len: 0,
                in_text: block.role == ParagraphRole::Body,
            }
        } else {
            let heading_level = match block.role {
                ParagraphRole::Title if !has_title => {
                    builder.set_title(&block.text);
                    has_title = true;
                    None
                }
                ParagraphRole::Title => Some(1),
                ParagraphRole::Heading(level) => Some(level),
                ParagraphRole::Body => None,
            };
            match heading_level {
                // Like Markdown: a lone top-level heading at the very start is the title.
                Some(1)
                    if !has_title && Some(index) == first_with_text && level_one_headings == 1 =>
                {
                    builder.title_or_heading(&block.text, 1);
                    has_title = true;
                    heading_place(&next_starts)
                }
                Some(level) => {
                    for note in cited_notes.drain(..) {
                        add_paragraph(&mut builder, &mut next_starts, &note);
                    }
                    builder.heading(&block.text, level);
                    next_starts.push(0);
                    heading_place(&next_starts)
                }
                None if block.role == ParagraphRole::Title => heading_place(&next_starts),
                None => add_paragraph(&mut builder, &mut next_starts, &block.text),
            }
        };
        cited_notes.extend(block.notes.iter().cloned());
        places.push(place);
    }
    for note in cited_notes.drain(..) {
        add_paragraph(&mut builder, &mut next_starts, &note);
    }

    let mut outline = builder.finish();
    let section_chars: Vec<Vec<char>> = outline
        .sections
        .iter()
        .map(|s| s.paragraphs.join("\n").chars().collect())
        .collect();
    let chars_of = |section: usize| section_chars.get(section).map_or(&[][..], Vec::as_slice);
    let position = |block: usize, at: usize| -> Position {
        let place = places.get(block).copied().unwrap_or(Place {
            section: 0,
            start: 0,
            len: 0,
            in_text: false,
        });
        Position {
            section: place.section,
            offset: (place.start + at.min(place.len)).min(chars_of(place.section).len()),
            in_text: place.in_text,
        }
    };

    let mut notes = Vec::new();
    let mut comment_starts: HashMap<&str, Position> = HashMap::new();
    let mut comment_ends: HashMap<&str, Position> = HashMap::new();
    let mut comment_references: HashMap<&str, Position> = HashMap::new();
    for (index, block) in blocks.iter().enumerate() {
        for PlacedMark { at, mark } in &block.marks {
            let here = position(index, *at);
            match mark {
                Mark::CommentStart(id) => {
                    comment_starts.entry(id.as_str()).or_insert(here);
                }
                Mark::CommentEnd(id) => {
                    comment_ends.insert(id.as_str(), here);
                }
                Mark::CommentReference(id) => {
                    comment_references.insert(id.as_str(), here);
                }
                Mark::Change(change) if !change.kind.is_visible_on(&change.text) => {}
                Mark::Change(change) => {
                    let end = position(index, change.range.end);
                    let range = if !here.in_text {
                        0..0
                    } else if change.kind.adds_text() && here.offset < end.offset {
                        here.offset..end.offset
                    } else {
                        word_near(chars_of(here.section), here.offset)
                    };
                    notes.push(OutlineNote {
                        kind: if change.kind.adds_text() {
                            CommentOrigin::TrackedInsertion
                        } else {
                            CommentOrigin::TrackedDeletion
                        },
                        section: here.section,
                        range,
                        author: change.author.clone(),
                        created: change.created,
                        body: note_body_from_change(change.kind, &change.text),
                        replies: Vec::new(),
                        resolved: false,
                    });
                }
            }
        }
    }

    let mut comment_notes: Vec<Option<OutlineNote>> = comments
        .iter()
        .map(|comment| {
            let id = comment.id.as_str();
            let (section, range) = comment_range(
                comment_starts.get(id).copied(),
                comment_ends.get(id).copied(),
                comment_references.get(id).copied(),
                &chars_of,
            );
            Some(OutlineNote {
                kind: CommentOrigin::WordComment,
                section,
                range,
                author: comment.author.clone(),
                created: comment.created,
                body: comment.body.clone(),
                replies: Vec::new(),
                resolved: comment.done,
            })
        })
        .collect();
    for (index, root) in thread_roots.iter().enumerate() {
        let (Some(root), Some(reply)) = (root, comments.get(index)) else {
            continue;
        };
        if let Some(Some(thread)) = comment_notes.get_mut(*root) {
            thread.replies.push(OutlineReply {
                author: reply.author.clone(),
                created: reply.created,
                body: reply.body.clone(),
            });
            if let Some(slot) = comment_notes.get_mut(index) {
                *slot = None;
            }
        }
    }
    notes.extend(comment_notes.into_iter().flatten());
    notes.sort_by_key(|note| (note.section, note.range.start));
    outline.notes = notes;
    outline
}

/// Where a comment sits: from its start to its end when it has both (clamped to the first
/// section when it crosses into another), else at the word by its reference or start,
/// else on the first section as a whole.
fn comment_range<'c>(
    start: Option<Position>,
    end: Option<Position>,
    reference: Option<Position>,
    chars_of: &impl Fn(usize) -> &'c [char],
) -> (usize, std::ops::Range<usize>) {
    match (start, end, reference) {
        (Some(start), Some(end), _)
            if end.section == start.section && end.offset > start.offset =>
        {
            (start.section, start.offset..end.offset)
        }
        (Some(start), Some(end), _) if end.section > start.section => {
            (start.section, start.offset..chars_of(start.section).len())
        }
        (_, _, Some(point)) | (Some(point), _, None) | (None, Some(point), None) => {
            let range = if point.in_text {
                word_near(chars_of(point.section), point.offset)
            } else {
                0..0
            };
            (point.section, range)
        }
        (None, None, None) => (0, 0..0),
    }
}
