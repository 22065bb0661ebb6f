//! Finding each mark's passage in the new draft, or saying honestly that it was not found.
//!
//! In order of trust:
//! 1. **By position.** Every word of the passage is a word the diff kept, in a row: the same
//!    text where the comparison expects it — exact (or moved, when its paragraph moved or went
//!    to another section). A diff can keep the wrong one of two equal words, so a passage of
//!    fewer than a dozen words also needs a neighbouring word in its paragraph kept beside it;
//!    without one it is placed as fuzzy.
//! 2. **By search.** The same words appear in text the new draft added (a paragraph rewritten
//!    around them, or moved and edited). Only added text is searched: a word the diff already
//!    matched to another old word is that other word's place — this is what keeps a note on
//!    one "Robin" from jumping to another "Robin". A hit counts as moved only when words
//!    around it agree with the old context (or the passage is long enough to speak for
//!    itself); several hits are told apart by their context, and a tie, or a hit without
//!    agreeing context, is placed as fuzzy for a person to confirm.
//! 3. **By approximate position.** The passage's words were edited: the new words between the
//!    same neighbours are proposed as fuzzy, with how alike they are.
//! 4. Otherwise the mark is orphaned and keeps its old passage.
//!
//! Search has a work budget shared by all marks, so the time spent is bounded however the
//! drafts differ; a mark left when it runs out is placed fuzzy or orphaned, never guessed.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use super::align::Alignment;
use super::sections::SectionMatch;
use super::tokens::{Tokenized, keys_from_text, word_keys_from_text};
use crate::model::{AnchorState, Passage, Section};
use crate::text::{char_count, slice_chars};

/// How many words of context on each side are compared to tell search hits apart.
const CONTEXT_TOKENS: usize = 64;
/// More hits than this for a passage's rarest word and the passage is too common to place.
const MAX_HITS: usize = 64;
/// A passage found once in the added text is taken as moved with this many agreeing words of
/// context (in its paragraph, punctuation not counted).
const CLEAR_CONTEXT: usize = 3;
/// A passage of this many words is its own evidence: kept by the diff, or found once in the
/// added text, it needs no agreeing neighbour.
const SELF_EVIDENT_TOKENS: usize = 12;

/// Where a mark goes in the new draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub state: AnchorState,
    /// Index of its section in the new draft.
    pub section: usize,
    /// Character range in that section's text; `None` for an orphan or a whole-section comment.
    pub range: Option<Range<usize>>,
    /// For a fuzzy placement, how alike old and new passages are, in percent.
    pub similarity: Option<u8>,
}

/// A search hit: the new tokens of the passage and how many context words agree.
#[derive(Clone, Copy, Debug)]
struct Hit {
    start: usize,
    context: usize,
}

pub struct Placer<'a> {
    pub old_sections: &'a [Section],
    pub new_sections: &'a [Section],
    pub old: &'a Tokenized,
    pub new: &'a Tokenized,
    pub alignment: &'a Alignment,
    pub sections: &'a SectionMatch,
    /// New tokens the diff did not match, by key: where moved text can be.
    added: HashMap<u64, Vec<u32>, foldhash::fast::RandomState>,
    /// Token comparisons left for searching.
    budget: usize,
    pub budget_exhausted: bool,
}

impl<'a> Placer<'a> {
    pub fn new(
        old_sections: &'a [Section],
        new_sections: &'a [Section],
        old: &'a Tokenized,
        new: &'a Tokenized,
        alignment: &'a Alignment,
        sections: &'a SectionMatch,
        budget: usize,
    ) -> Self {
        let mut added: HashMap<u64, Vec<u32>, _> = HashMap::default();
        for (index, token) in new.tokens.iter().enumerate() {
            if !alignment.is_new_mapped(index) {
                added
                    .entry(token.key)
                    .or_default()
                    .push(u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
        Self {
            old_sections,
            new_sections,
            old,
            new,
            alignment,
            sections,
            added,
            budget,
            budget_exhausted: false,
        }
    }

    /// Places a passage of old section `section`.
    pub fn place_passage(&mut self, section: usize, passage: &Passage) -> Placement {
        let Some(old_section) = self.old_sections.get(section) else {
            return self.place_quote(passage, self.fallback_section(section));
        };
        let Some(chars) = located(&old_section.text, passage) else {
            return self.place_quote(passage, self.fallback_section(section));
        };
        let Some(tokens) = self.old_tokens_covering(section, chars.clone()) else {
            return self.place_quote(passage, self.fallback_section(section));
        };
        let (first, last) = (tokens.start, tokens.end - 1);
        // How far into its first and last word the passage starts and ends.
        let lead = chars
            .start
            .saturating_sub(self.old.tokens[first].start as usize);
        let tail = (self.old.tokens[last].end as usize).saturating_sub(chars.end);

        if let Some(placement) = self.by_position(section, tokens.clone(), lead, tail) {
            return placement;
        }
        let keys: Vec<u64> = self.old.tokens[tokens.clone()]
            .iter()
            .map(|t| t.key)
            .collect();
        let before = self.old_context_before(first);
        let after = self.old_context_after(last);
        let hits = self.search(&keys, &before, &after);
        let expected = self.expected_new_token(first);
        let searched = self.decide_hits(&hits, keys.len(), expected, lead, tail);
        if let Some(found) = &searched
            && found.state == AnchorState::Moved
        {
            return found.clone();
        }
        if let Some(fuzzy) = self.by_approximate_position(section, tokens, lead, tail, passage) {
            return fuzzy;
        }
        searched.unwrap_or_else(|| Placement {
            state: AnchorState::Orphaned,
            section: self.orphan_section(section, first),
            range: None,
            similarity: None,
        })
    }

    /// Looks for an orphan's old quote anywhere in the added text (it has no position to go
    /// by); `fallback` is where it stays if not found.
    pub fn place_quote(&mut self, passage: &Passage, fallback: usize) -> Placement {
        let keys = keys_from_text(&passage.quote);
        // Context from the passage's own paragraph only.
        let prefix = passage.prefix.rsplit('\n').next().unwrap_or("");
        let suffix = passage.suffix.split('\n').next().unwrap_or("");
        let before: Vec<u64> = word_keys_from_text(prefix).into_iter().rev().collect();
        let after = word_keys_from_text(suffix);
        let hits = self.search(&keys, &before, &after);
        self.decide_hits(&hits, keys.len(), None, 0, 0)
            .unwrap_or(Placement {
                state: AnchorState::Orphaned,
                section: fallback,
                range: None,
                similarity: None,
            })
    }

    /// Places a comment on a whole section: with the section that keeps its id, or the one its
    /// text went to.
    pub fn place_section(&self, section: usize) -> Placement {
        if let Some(heir) = self.sections.heir_of(section) {
            return Placement {
                state: AnchorState::Exact,
                section: heir,
                range: None,
                similarity: None,
            };
        }
        if let Some(&continued) = self.sections.continuations_of(section).first() {
            return Placement {
                state: AnchorState::Moved,
                section: continued,
                range: None,
                similarity: None,
            };
        }
        Placement {
            state: AnchorState::Orphaned,
            section: self.fallback_section(section),
            range: None,
            similarity: None,
        }
    }

    /// A section of the new draft near where old section `section` was.
    pub fn fallback_section(&self, section: usize) -> usize {
        let nearest = (section..self.old_sections.len())
            .chain((0..section).rev())
            .find_map(|s| self.sections.heir_of(s));
        nearest.unwrap_or(0)
    }

    /// The old tokens a character range of old section `section` covers.
    fn old_tokens_covering(&self, section: usize, chars: Range<usize>) -> Option<Range<usize>> {
        let range = self.old.section_tokens.get(section)?.clone();
        let tokens = &self.old.tokens[range.clone()];
        let first = tokens.partition_point(|t| (t.end as usize) <= chars.start);
        let end = tokens.partition_point(|t| (t.start as usize) < chars.end);
        (first < end).then(|| range.start + first..range.start + end)
    }

    /// Every word kept by the diff, in a row, in one section.
    fn by_position(
        &self,
        section: usize,
        tokens: Range<usize>,
        lead: usize,
        tail: usize,
    ) -> Option<Placement> {
        let first_new = self.alignment.new_of(tokens.start)?;
        let in_a_row = tokens
            .clone()
            .all(|t| self.alignment.new_of(t) == Some(first_new + (t - tokens.start)));
        let last_new = first_new + tokens.len() - 1;
        let new_section = self.new.tokens[first_new].section;
        if !in_a_row || self.new.tokens[last_new].section != new_section {
            return None;
        }
        let new_section = new_section as usize;
        // Words the diff kept are only the marked words if a word beside them was kept beside
        // them too: in "Robin said so. Robin was wrong." → "Robin was wrong.", the diff may
        // keep the first "Robin", but only the second still has "was wrong" after it; and
        // "according to the police report," kept in a sentence rewritten all around it is
        // another sentence's attribution. Only a long passage speaks for itself.
        if tokens.len() < SELF_EVIDENT_TOKENS
            && !self.a_neighbour_agrees(tokens.clone(), first_new, last_new)
        {
            return Some(Placement {
                state: AnchorState::Fuzzy,
                section: new_section,
                range: Some(self.new_chars(first_new, last_new, lead, tail)),
                similarity: None,
            });
        }
        // A section that continues the old one (kept its id, or is a part split from it, or
        // the result of merging it) is where the passage is expected.
        let continues = self
            .sections
            .continuations_of(section)
            .contains(&new_section);
        // Found through a moved paragraph: the same text, elsewhere.
        let moved = tokens.into_iter().any(|t| self.alignment.is_moved(t));
        let state = if continues && !moved {
            AnchorState::Exact
        } else {
            AnchorState::Moved
        };
        Some(Placement {
            state,
            section: new_section,
            range: Some(self.new_chars(first_new, last_new, lead, tail)),
            similarity: None,
        })
    }

    /// Whether the nearest word before or after the passage in its paragraph was kept right
    /// before or after its new place (with any punctuation in between). A comma agrees
    /// everywhere, and a word in the previous paragraph says nothing: in the example above, the
    /// paragraph before ends with the same full stop before either "Robin". A passage with no
    /// word beside it in its paragraph has nothing to ask, and agrees.
    fn a_neighbour_agrees(&self, tokens: Range<usize>, first_new: usize, last_new: usize) -> bool {
        let paragraph = |token: usize| {
            let blocks = &self.old.blocks;
            let index = blocks.partition_point(|b| b.tokens.end <= token);
            blocks
                .get(index)
                .map_or(token..token + 1, |b| b.tokens.clone())
        };
        let first_paragraph = paragraph(tokens.start);
        let last_paragraph = paragraph(tokens.end - 1);
        // Walks outward to the nearest word: Some(agrees) when there is one.
        let side = |steps: &mut dyn Iterator<Item = usize>,
                    expected: &dyn Fn(usize) -> Option<usize>| {
            for (distance, old) in steps.enumerate() {
                let kept =
                    expected(distance + 1).is_some_and(|n| self.alignment.new_of(old) == Some(n));
                if !kept {
                    return Some(false);
                }
                if self.old.tokens[old].is_word {
                    return Some(true);
                }
            }
            None
        };
        let before = side(
            &mut (first_paragraph.start..tokens.start).rev(),
            &|distance| first_new.checked_sub(distance),
        );
        let after = side(&mut (tokens.end..last_paragraph.end), &|distance| {
            Some(last_new + distance)
        });
        match (before, after) {
            (None, None) => true,
            (before, after) => before == Some(true) || after == Some(true),
        }
    }

    /// The character range of new tokens `first..=last`, less the part of the first and last
    /// words the old passage did not cover.
    fn new_chars(&self, first: usize, last: usize, lead: usize, tail: usize) -> Range<usize> {
        let start_token = self.new.tokens[first];
        let end_token = self.new.tokens[last];
        let start = (start_token.start as usize + lead).min(start_token.end as usize - 1);
        let end = (end_token.end as usize)
            .saturating_sub(tail)
            .max(end_token.start as usize + 1)
            .max(start + 1);
        start..end
    }

    /// The words before the passage in its paragraph, nearest first. Punctuation is left out:
    /// a comma or a full stop agrees with any sentence.
    fn old_context_before(&self, first: usize) -> Vec<u64> {
        (self.old.paragraph_of(first).start..first)
            .rev()
            .filter(|&t| self.old.tokens[t].is_word)
            .take(CONTEXT_TOKENS)
            .map(|t| self.old.tokens[t].key)
            .collect()
    }

    /// The words after the passage in its paragraph, nearest first.
    fn old_context_after(&self, last: usize) -> Vec<u64> {
        (last + 1..self.old.paragraph_of(last).end)
            .filter(|&t| self.old.tokens[t].is_word)
            .take(CONTEXT_TOKENS)
            .map(|t| self.old.tokens[t].key)
            .collect()
    }

    /// Where the diff would put old token `token` in the new draft, roughly.
    fn expected_new_token(&self, token: usize) -> Option<usize> {
        if let Some(new) = self.alignment.new_of(token) {
            return Some(new);
        }
        self.alignment.change_of(token).map(|c| c.new.start)
    }

    /// Runs of added new tokens equal to `keys`, each with how many context words agree
    /// (`before` is read backwards from the passage).
    fn search(&mut self, keys: &[u64], before: &[u64], after: &[u64]) -> Vec<Hit> {
        if keys.is_empty() || self.budget == 0 {
            self.budget_exhausted |= !keys.is_empty();
            return Vec::new();
        }
        let rarest = keys
            .iter()
            .enumerate()
            .map(|(offset, key)| (offset, self.added.get(key).map_or(0, Vec::len)))
            .min_by_key(|&(_, count)| count);
        let Some((offset, count)) = rarest else {
            return Vec::new();
        };
        if count == 0 || count > MAX_HITS {
            return Vec::new();
        }
        let positions = self.added.get(&keys[offset]).cloned().unwrap_or_default();
        let mut hits = Vec::new();
        for position in positions {
            let cost = keys.len() + before.len() + after.len();
            if self.budget < cost {
                self.budget_exhausted = true;
                self.budget = 0;
                break;
            }
            self.budget -= cost;
            let Some(start) = (position as usize).checked_sub(offset) else {
                continue;
            };
            let end = start + keys.len();
            let Some(tokens) = self.new.tokens.get(start..end) else {
                continue;
            };
            let section = tokens[0].section;
            let matches = tokens
                .iter()
                .zip(keys)
                .zip(start..end)
                .all(|((token, key), new)| {
                    token.key == *key
                        && !self.alignment.is_new_mapped(new)
                        && token.section == section
                });
            if matches {
                hits.push(Hit {
                    start,
                    context: self.agreeing_context(start, end, before, after),
                });
            }
        }
        hits
    }

    /// How many words around a hit, in its paragraph, are the old context's words.
    fn agreeing_context(&self, start: usize, end: usize, before: &[u64], after: &[u64]) -> usize {
        let is_word = |t: &usize| self.new.tokens[*t].is_word;
        let agreeing_before = before
            .iter()
            .zip(
                (self.new.paragraph_of(start).start..start)
                    .rev()
                    .filter(is_word),
            )
            .take_while(|(key, t)| self.new.tokens[*t].key == **key)
            .count();
        let agreeing_after = after
            .iter()
            .zip((end..self.new.paragraph_of(end - 1).end).filter(is_word))
            .take_while(|(key, t)| self.new.tokens[*t].key == **key)
            .count();
        agreeing_before + agreeing_after
    }

    /// Turns search hits into a placement: moved when one hit is clearly the passage, fuzzy
    /// when the context cannot decide.
    fn decide_hits(
        &self,
        hits: &[Hit],
        length: usize,
        expected: Option<usize>,
        lead: usize,
        tail: usize,
    ) -> Option<Placement> {
        let mut ranked: Vec<Hit> = hits.to_vec();
        ranked.sort_by_key(|hit| {
            (
                std::cmp::Reverse(hit.context),
                expected.map_or(0, |e| e.abs_diff(hit.start)),
            )
        });
        let best = *ranked.first()?;
        let clear = match ranked.get(1) {
            None => best.context >= CLEAR_CONTEXT || length >= SELF_EVIDENT_TOKENS,
            Some(second) => best.context >= CLEAR_CONTEXT && best.context >= second.context + 2,
        };
        let last = best.start + length - 1;
        Some(Placement {
            state: if clear {
                AnchorState::Moved
            } else {
                AnchorState::Fuzzy
            },
            section: self.new.tokens[best.start].section as usize,
            range: Some(self.new_chars(best.start, last, lead, tail)),
            // The words are the same; what is uncertain is where.
            similarity: None,
        })
    }

    /// The new words standing where the passage's words stood: proposed as fuzzy when they
    /// resemble the passage, or sit between the same neighbours.
    ///
    /// The place is the passage's own first and last words when the diff kept them, else the
    /// gap between the nearest kept words around them. A gap that spans paragraphs (a
    /// paragraph was inserted next to the edit) is tried one paragraph at a time.
    fn by_approximate_position(
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
                let text = slice_chars(&self.new_sections[new_section].text, range.clone());
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
                alike.then_some((likeness, new_section, range))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        self.budget = budget;
        best.map(|(likeness, new_section, range)| Placement {
            state: AnchorState::Fuzzy,
            section: new_section,
            range: Some(range),
            similarity: Some(percent(likeness)),
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

    /// Where an orphan of old section `section` is listed: the section that continues it, or
    /// else the one its neighbourhood went to.
    fn orphan_section(&self, section: usize, first: usize) -> usize {
        if let Some(heir) = self.sections.heir_of(section) {
            return heir;
        }
        self.expected_new_token(first)
            .and_then(|t| {
                self.new
                    .tokens
                    .get(t.min(self.new.tokens.len().saturating_sub(1)))
            })
            .map_or_else(|| self.fallback_section(section), |t| t.section as usize)
    }
}

/// Where a passage is in its section: its recorded range if that still holds its quote, or
/// the occurrence of the quote nearest to it.
fn located(text: &str, passage: &Passage) -> Option<Range<usize>> {
    if passage.matches(text) {
        return Some(passage.range());
    }
    if passage.quote.is_empty() {
        return None;
    }
    text.match_indices(&passage.quote)
        .map(|(byte, _)| crate::text::char_offset_from_byte_offset(text, byte))
        .min_by_key(|start| start.abs_diff(passage.start))
        .map(|start| start..start + char_count(&passage.quote))
}

/// How alike two passages are, from 0 to 1: the mean of `similar`'s ratios over characters
/// and over words. Letters alone rate unrelated short phrases alike ("the operation",
/// "Authorities"); words alone miss a changed figure inside a kept phrase. Each diff has a
/// deadline, so a long passage costs no more than a few milliseconds.
pub fn similarity(old: &str, new: &str) -> f32 {
    let deadline = Instant::now() + Duration::from_millis(5);
    let by_chars = similar::TextDiff::configure()
        .deadline(deadline)
        .diff_chars(old, new)
        .ratio();
    let by_words = similar::TextDiff::configure()
        .deadline(deadline)
        .diff_unicode_words(old, new)
        .ratio();
    (by_chars + by_words) / 2.0
}

pub(super) fn percent(ratio: f32) -> u8 {
    // A ratio is within 0..=1, so this is within 0..=100.
    (ratio.clamp(0.0, 1.0) * 100.0).round() as u8
}
