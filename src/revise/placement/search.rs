//! Placing by search: the passage's words looked for in the text the new draft added, never in
//! words the diff matched to other words, and the hits told apart by the context around them,
//! all within the work budget the marks share.

use super::{Placement, Placer, SELF_EVIDENT_TOKENS};
use crate::model::AnchorState;

/// How many words of context on each side are compared to tell search hits apart.
const CONTEXT_TOKENS: usize = 64;
/// More hits than this for a passage's rarest word and the passage is too common to place.
const MAX_HITS: usize = 64;
/// A passage found once in the added text is taken as moved with this many agreeing words of
/// context (in its paragraph, punctuation not counted).
const CLEAR_CONTEXT: usize = 3;

/// A search hit: the new tokens of the passage and how many context words agree.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    start: usize,
    context: usize,
}

impl Placer<'_> {
    /// The words before the passage in its paragraph, nearest first. Punctuation is left out:
    /// a comma or a full stop agrees with any sentence.
    pub(super) fn old_context_before(&self, first: usize) -> Vec<u64> {
        (self.old.paragraph_of(first).start..first)
            .rev()
            .filter(|&t| self.old.tokens[t].is_word)
            .take(CONTEXT_TOKENS)
            .map(|t| self.old.tokens[t].key)
            .collect()
    }

    /// The words after the passage in its paragraph, nearest first.
    pub(super) fn old_context_after(&self, last: usize) -> Vec<u64> {
        (last + 1..self.old.paragraph_of(last).end)
            .filter(|&t| self.old.tokens[t].is_word)
            .take(CONTEXT_TOKENS)
            .map(|t| self.old.tokens[t].key)
            .collect()
    }

    /// Runs of added new tokens equal to `keys`, each with how many context words agree
    /// (`before` is read backwards from the passage).
    pub(super) fn search(&mut self, keys: &[u64], before: &[u64], after: &[u64]) -> Vec<Hit> {
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
    pub(super) fn decide_hits(
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
}
