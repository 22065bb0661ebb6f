//! Finding each mark's passage in the new draft, or saying honestly that it was not found.
//!
//! In order of trust:
//! 1. **By position.** Every word of the passage is a word the diff kept, in a row: the same
//!    text where the comparison expects it — exact (or moved, when its paragraph went to
//!    another section).
//! 2. **By search.** The same words appear in text the new draft added (a paragraph moved
//!    away shows up as deleted here and added there). Only added text is searched: a word the
//!    diff already matched to another old word is that other word's place — this is what
//!    keeps a note on one "Robin" from jumping to another "Robin". Several hits are told
//!    apart by the words around them; a tie, or a short quote with no agreeing context, is
//!    placed as fuzzy for a person to confirm.
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
use super::tokens::{Tokenized, keys_from_text};
use crate::model::{AnchorState, Passage, Section};
use crate::text::{char_count, slice_chars};

/// How many words of context on each side are compared to tell search hits apart.
const CONTEXT_TOKENS: usize = 24;
/// More hits than this for a passage's rarest word and the passage is too common to place.
const MAX_HITS: usize = 64;

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
            if !alignment.new_is_mapped[index] {
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
        let before = self.old_context_before(section, first);
        let after = self.old_context_after(section, last);
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
        let before: Vec<u64> = keys_from_text(&passage.prefix).into_iter().rev().collect();
        let after = keys_from_text(&passage.suffix);
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
        if let Some(continued) = self
            .sections
            .from
            .iter()
            .position(|from| from.contains(&section))
        {
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
        // A section that continues the old one (kept its id, or is a part split from it, or
        // the result of merging it) is where the passage is expected.
        let continues = self
            .sections
            .from
            .get(new_section)
            .is_some_and(|from| from.contains(&section));
        let state = if continues {
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

    fn old_context_before(&self, section: usize, first: usize) -> Vec<u64> {
        let section_start = self.old.section_tokens[section].start;
        (section_start..first)
            .rev()
            .take(CONTEXT_TOKENS)
            .map(|t| self.old.tokens[t].key)
            .collect()
    }

    fn old_context_after(&self, section: usize, last: usize) -> Vec<u64> {
        let section_end = self.old.section_tokens[section].end;
        (last + 1..section_end)
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
                .zip(&self.alignment.new_is_mapped[start..end])
                .all(|((token, key), mapped)| {
                    token.key == *key && !mapped && token.section == section
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

    fn agreeing_context(&self, start: usize, end: usize, before: &[u64], after: &[u64]) -> usize {
        let agreeing_before = before
            .iter()
            .zip((0..start).rev())
            .take_while(|(key, t)| self.new.tokens[*t].key == **key)
            .count();
        let agreeing_after = after
            .iter()
            .zip(end..self.new.tokens.len())
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
            None => best.context >= 2 || length >= 6,
            Some(second) => best.context >= 3 && best.context >= second.context + 2,
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
            similarity: (!clear).then_some(100),
        })
    }

    /// The new words standing where the passage's words stood: proposed as fuzzy when they
    /// resemble the passage, or sit between the same neighbours.
    fn by_approximate_position(
        &self,
        section: usize,
        tokens: Range<usize>,
        lead: usize,
        tail: usize,
        passage: &Passage,
    ) -> Option<Placement> {
        let (first, last) = (tokens.start, tokens.end - 1);
        let start = match self.alignment.new_of(first) {
            Some(new) => new,
            None => {
                let change = self.alignment.change_of(first)?;
                proportional(change.old.clone(), change.new.clone(), first, false)
            }
        };
        let end = match self.alignment.new_of(last) {
            Some(new) => new + 1,
            None => {
                let change = self.alignment.change_of(last)?;
                proportional(change.old.clone(), change.new.clone(), last + 1, true)
            }
        };
        if start >= end || end > self.new.tokens.len() {
            return None;
        }
        let new_section = self.new.tokens[start].section;
        let section_end = self.new.section_tokens[new_section as usize].end;
        let end = end.min(section_end);
        let section_start = self.old.section_tokens[section].start;
        let section_stop = self.old.section_tokens[section].end;
        let neighbour_kept = |old: Option<usize>, is_before: bool| match old {
            None => true,
            Some(old) => self
                .alignment
                .new_of(old)
                .is_some_and(|new| if is_before { new < start } else { new >= end }),
        };
        let anchored = neighbour_kept(first.checked_sub(1).filter(|&t| t >= section_start), true)
            && neighbour_kept(Some(last + 1).filter(|&t| t < section_stop), false);
        let lead = if self.alignment.new_of(first).is_some() {
            lead
        } else {
            0
        };
        let tail = if self.alignment.new_of(last).is_some() {
            tail
        } else {
            0
        };
        let range = self.new_chars(start, end - 1, lead, tail);
        let text = slice_chars(&self.new_sections[new_section as usize].text, range.clone());
        let similarity = similarity(&passage.quote, text);
        let quote_length = char_count(&passage.quote);
        let reasonable_length = char_count(text) <= quote_length * 3 + 30;
        let alike = similarity >= 0.6 || (anchored && similarity >= 0.2 && reasonable_length);
        alike.then(|| Placement {
            state: AnchorState::Fuzzy,
            section: new_section as usize,
            range: Some(range),
            similarity: Some(percent(similarity)),
        })
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

/// Maps a position inside a changed run of old tokens to the same proportion of the new run.
fn proportional(old: Range<usize>, new: Range<usize>, position: usize, round_up: bool) -> usize {
    let into = position.saturating_sub(old.start);
    let scaled = into * new.len();
    let old_len = old.len().max(1);
    let offset = if round_up {
        scaled.div_ceil(old_len)
    } else {
        scaled / old_len
    };
    new.start + offset.min(new.len())
}

/// How alike two passages are, from 0 to 1 (`similar`'s ratio over characters, with a
/// deadline so a long passage costs no more than a few milliseconds).
pub fn similarity(old: &str, new: &str) -> f32 {
    similar::TextDiff::configure()
        .deadline(Instant::now() + Duration::from_millis(5))
        .diff_chars(old, new)
        .ratio()
}

fn percent(ratio: f32) -> u8 {
    // A ratio is within 0..=1, so this is within 0..=100.
    (ratio.clamp(0.0, 1.0) * 100.0).round() as u8
}
