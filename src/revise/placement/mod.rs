//! Finding each mark's passage in the new draft, or saying honestly that it was not found.
//!
//! In order of trust:
//! 1. **By position.** Every word of the passage is a word the diff kept, in a row: the same
//!    text where the comparison expects it — exact (or moved, when its paragraph moved or went
//!    to another section). A diff can keep the wrong one of two equal words, so a passage of
//!    fewer than a dozen words also needs a neighbouring word in its paragraph kept beside it;
//!    without one it goes on to 2, and is placed as fuzzy if 2 does not settle it.
//! 2. **Unchanged words found once.** The passage's words occur once in the old draft and once
//!    in the new one, inside the paragraph the diff pairs with theirs (whose other words are
//!    still at least half alike): they can be no other words, so they are placed — exact, or
//!    moved when that paragraph is in another section — never on a second occurrence.
//! 3. **By search.** The same words appear in text the new draft added (a paragraph rewritten
//!    around them, or moved and edited). Only added text is searched: a word the diff already
//!    matched to another old word is that other word's place — this is what keeps a note on
//!    one "Robin" from jumping to another "Robin". A hit counts as moved only when words
//!    around it agree with the old context (or the passage is long enough to speak for
//!    itself); several hits are told apart by their context, and a tie, or a hit without
//!    agreeing context, is a fuzzy guess (tried after 4 and 5).
//! 4. **By approximate position.** The passage's words were edited: the new words between the
//!    same neighbours are proposed as fuzzy, with how alike they are.
//! 5. **An edit inside the paragraph.** A short passage (16 words at most) edited where no
//!    kept neighbour marks its place — a capital dropped, a preposition swapped, a clause
//!    moved to the end of the sentence, active turned passive: its words, case aside, among
//!    the new or its own words of the paired paragraph, sharing at least half, are proposed
//!    as fuzzy.
//! 6. Otherwise the mark is orphaned and keeps its old passage.
//!
//! A fuzzy proposal (from 3, 4 or 5) is cut to the words it shares with the old passage,
//! widened by as many words as the old passage had beyond them (`extent`): it starts and ends
//! on a word, and does not grow to the start of the sentence. It must keep a third of the old
//! passage's distinctive words (names, and words that are not common ones), and one of its
//! names if it had several: "says Ines Carvalho" → "says" is no match. And it must lie in the
//! mark's section (or one that continues it) or where its paragraph went: the same word in
//! another section is another word, so the mark is orphaned instead.
//!
//! Search has a work budget shared by all marks, so the time spent is bounded however the
//! drafts differ; a mark left when it runs out is placed fuzzy or orphaned, never guessed.
//!
//! Each way has its file: `by_position`, `unique`, `search`, `approximate` and
//! `in_paragraph` (with `extent`, which cuts and judges a fuzzy proposal); this file tries them
//! in turn and holds what they share.

mod approximate;
mod by_position;
mod extent;
mod in_paragraph;
mod search;
mod unique;

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use super::align::Alignment;
use super::sections::SectionMatch;
use super::tokens::{Tokenized, keys_from_text, word_keys_from_text};
use crate::model::{AnchorState, Passage, Section};
use crate::text::char_count;

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
    /// Where each word occurs in the old and the new draft, once a mark needs to know.
    key_indices: Option<(unique::KeyIndex, unique::KeyIndex)>,
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
            key_indices: None,
        }
    }

    /// The old and the new draft's word indices, built (on two threads) the first time.
    fn key_indices(&mut self) -> (&unique::KeyIndex, &unique::KeyIndex) {
        let (old, new) = (self.old, self.new);
        let (old_index, new_index) = self.key_indices.get_or_insert_with(|| {
            std::thread::scope(|scope| {
                let old_side = scope.spawn(|| unique::KeyIndex::of(old));
                let new_index = unique::KeyIndex::of(new);
                let old_index = old_side
                    .join()
                    .unwrap_or_else(|_| unique::KeyIndex::of(old));
                (old_index, new_index)
            })
        });
        (old_index, new_index)
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

        let positioned = self.by_position(section, tokens.clone(), lead, tail);
        if let Some(placement) = &positioned
            && placement.state != AnchorState::Fuzzy
        {
            return placement.clone();
        }
        if let Some(placement) = self.by_unique_words(section, tokens.clone(), lead, tail) {
            return placement;
        }
        if let Some(placement) = positioned {
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
        // A guess is a guess only near the mark: in its section (or what continues it), or
        // where its paragraph went. Anywhere else the same words are other words.
        let near = |placer: &Self, placement: &Placement| placer.is_home(section, first, placement);
        if let Some(fuzzy) = self
            .by_approximate_position(section, tokens.clone(), lead, tail, passage)
            .filter(|fuzzy| near(self, fuzzy))
        {
            return fuzzy;
        }
        let words = self.passage_words(tokens.clone());
        if let Some(fuzzy) = self
            .by_edit_in_paragraph(tokens, &words, passage)
            .filter(|fuzzy| near(self, fuzzy))
        {
            return fuzzy;
        }
        searched
            .filter(|fuzzy| near(self, fuzzy))
            .unwrap_or_else(|| Placement {
                state: AnchorState::Orphaned,
                section: self.orphan_section(section, first),
                range: None,
                similarity: None,
            })
    }

    /// Whether `placement` is in old section `section`'s new home: a section that continues
    /// it, or the one that holds the paragraph the diff paired with old token `first`'s.
    fn is_home(&self, section: usize, first: usize, placement: &Placement) -> bool {
        if self
            .sections
            .continuations_of(section)
            .contains(&placement.section)
        {
            return true;
        }
        self.old
            .block_of(first)
            .and_then(|block| self.alignment.paired_block(block))
            .and_then(|block| self.new.blocks.get(block))
            .and_then(|block| self.new.tokens.get(block.tokens.start))
            .is_some_and(|token| token.section as usize == placement.section)
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

    /// Where the diff would put old token `token` in the new draft, roughly.
    fn expected_new_token(&self, token: usize) -> Option<usize> {
        if let Some(new) = self.alignment.new_of(token) {
            return Some(new);
        }
        self.alignment.change_of(token).map(|c| c.new.start)
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
