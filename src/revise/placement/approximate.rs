//! Placing by approximate position: when the passage's words were edited, the new words
//! between the same kept neighbours are proposed as fuzzy, with how alike they are.

use std::ops::Range;

use super::{Placement, Placer, percent, similarity};
use crate::model::{AnchorState, Passage};
use crate::text::{char_count, slice_chars};

impl Placer<'_> {
    /// The new words standing where the passage's words stood: proposed as fuzzy when they
    /// resemble the passage, or sit between the same neighbours.
    ///
    /// The place is the passage's own first and last words when the diff kept them, else the
    /// gap between the nearest kept words around them. A gap that spans paragraphs (a
    /// paragraph was inserted next to the edit) is tried one paragraph at a time.
    pub(super) fn by_approximate_position(
        &mut self,
        section: usize,
        tokens: Range<usize>,
        lead: usize,
        tail: usize,
        passage: &Passage,
    ) -> Option<Placement> {
        let (first, last) = (tokens.start, tokens.end - 1);
        let old_span = self.old.section_tokens[section].clone();
        let first_kept = self.alignment.new_of(first);
        let last_kept = self.alignment.new_of(last);
        let kept_before = self.kept_neighbour(first, old_span.clone(), true);
        let kept_after = self.kept_neighbour(last, old_span, false);
        let start = match (first_kept, kept_before) {
            (Some(new), _) => new,
            (None, Some(before)) => before + 1,
            (None, None) => self.alignment.change_of(first)?.new.start,
        };
        let end = match (last_kept, kept_after) {
            (Some(new), _) => new + 1,
            (None, Some(after)) => after,
            (None, None) => self.alignment.change_of(last)?.new.end,
        };
        if start >= end || end > self.new.tokens.len() {
            return None;
        }
        let anchored_before = first == self.old.section_tokens[section].start
            || kept_before.is_some_and(|before| before < start);
        let anchored_after = last + 1 == self.old.section_tokens[section].end
            || kept_after.is_some_and(|after| after >= end);
        let quote_length = char_count(&passage.quote);
        let segments = self.paragraph_segments(start..end);
        // Comparing texts is the costly part: it is paid from the same budget as searching.
        let mut budget = self.budget;
        let best = segments
            .into_iter()
            .filter_map(|segment| {
                let lead = if segment.start == start && first_kept.is_some() {
                    lead
                } else {
                    0
                };
                let tail = if segment.end == end && last_kept.is_some() {
                    tail
                } else {
                    0
                };
                let new_section = self.new.tokens[segment.start].section as usize;
                let range = self.new_chars(segment.start, segment.end - 1, lead, tail);
                let text = slice_chars(&self.new_sections[new_section].text, range);
                let text_length = char_count(text);
                if text_length > quote_length * 3 + 30 {
                    return None;
                }
                let cost = (text_length + quote_length) * 64;
                if budget < cost {
                    return None;
                }
                budget -= cost;
                let likeness = similarity(&passage.quote, text);
                let before = anchored_before && segment.start == start;
                let after = anchored_after && segment.end == end;
                // Between the same neighbours, a rewrite is still the passage; next to one of
                // them, a fair likeness is; elsewhere only a close likeness of a passage long
                // enough to judge (a few shared letters are chance).
                let alike = (before && after && likeness >= 0.45)
                    || ((before || after) && likeness >= 0.6)
                    || (likeness >= 0.8 && quote_length >= 12);
                alike.then_some((likeness, new_section, segment))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        self.budget = budget;
        let (_, new_section, segment) = best?;
        // The gap between kept neighbours can hold more than the passage (a clause added
        // before it, a comma): the proposal is cut to the words that are the passage's.
        let words = self.passage_words(tokens);
        let trimmed = self
            .fitted(&words, segment.clone(), &|_| true)
            .filter(|fitted| fitted.common > 0)
            .map_or(segment, |fitted| fitted.tokens);
        if !self.keeps_distinctive_words(&words, trimmed.clone()) {
            return None;
        }
        let lead = if trimmed.start == start && first_kept.is_some() {
            lead
        } else {
            0
        };
        let tail = if trimmed.end == end && last_kept.is_some() {
            tail
        } else {
            0
        };
        let range = self.new_chars(trimmed.start, trimmed.end - 1, lead, tail);
        let text = slice_chars(&self.new_sections[new_section].text, range.clone());
        Some(Placement {
            state: AnchorState::Fuzzy,
            section: new_section,
            range: Some(range),
            similarity: Some(percent(similarity(&passage.quote, text))),
        })
    }

    /// The new position of the nearest old word before (or after) `token`, within its
    /// section, that the diff kept; only a few dozen words are looked at.
    fn kept_neighbour(&self, token: usize, span: Range<usize>, before: bool) -> Option<usize> {
        const LOOK: usize = 64;
        if before {
            (span.start.max(token.saturating_sub(LOOK))..token)
                .rev()
                .find_map(|t| self.alignment.new_of(t))
        } else {
            (token + 1..span.end.min(token + 1 + LOOK)).find_map(|t| self.alignment.new_of(t))
        }
    }

    /// `tokens` of the new draft cut at paragraph ends (at most a handful of pieces).
    fn paragraph_segments(&self, tokens: Range<usize>) -> Vec<Range<usize>> {
        const MAX_SEGMENTS: usize = 8;
        let blocks = &self.new.blocks;
        let first = blocks.partition_point(|b| b.tokens.end <= tokens.start);
        blocks[first..]
            .iter()
            .take_while(|b| b.tokens.start < tokens.end)
            .filter(|b| !b.tokens.is_empty())
            .map(|b| b.tokens.start.max(tokens.start)..b.tokens.end.min(tokens.end))
            .filter(|segment| !segment.is_empty())
            .take(MAX_SEGMENTS)
            .collect()
    }
}
