//! Placing unchanged words found once: a name in a sentence whose clause before it was
//! reworded has no kept neighbour to vouch for it, but when its words occur once in the old
//! draft and once in the new one, in the paragraph the diff pairs with its old paragraph, they
//! can be no other words — so they are placed, not asked about.

use std::collections::HashMap;
use std::ops::Range;

use super::{Placement, Placer};
use crate::model::AnchorState;
use crate::revise::align::multiset_likeness;
use crate::revise::tokens::Tokenized;

/// A passage whose rarest word occurs more often than this is too common to be found once.
const MAX_POSITIONS: usize = 64;
/// The rest of the two paragraphs (without the passage) must be at least this alike: a
/// passage kept in a paragraph otherwise rewritten ("according to the police report," in
/// another story) does not make it the same paragraph.
const SAME_REST: f32 = 0.5;

/// Where each token key occurs in a draft, built the first time a mark needs it.
pub(super) struct KeyIndex(HashMap<u64, Vec<u32>, foldhash::fast::RandomState>);

impl KeyIndex {
    pub(super) fn of(tokenized: &Tokenized) -> Self {
        let mut positions: HashMap<u64, Vec<u32>, _> = HashMap::default();
        for (index, token) in tokenized.tokens.iter().enumerate() {
            positions
                .entry(token.key)
                .or_default()
                .push(u32::try_from(index).unwrap_or(u32::MAX));
        }
        Self(positions)
    }

    /// Where the run of `keys` starts in `tokenized`: up to two places, or `None` when its
    /// rarest word is too common to tell.
    fn occurrences(&self, tokenized: &Tokenized, keys: &[u64]) -> Option<Vec<usize>> {
        let (offset, positions) = keys
            .iter()
            .enumerate()
            .map(|(offset, key)| (offset, self.0.get(key).map_or(&[][..], Vec::as_slice)))
            .min_by_key(|(_, positions)| positions.len())?;
        if positions.len() > MAX_POSITIONS {
            return None;
        }
        let found = positions
            .iter()
            .filter_map(|&p| (p as usize).checked_sub(offset))
            .filter(|&start| {
                tokenized
                    .tokens
                    .get(start..start + keys.len())
                    .is_some_and(|run| run.iter().zip(keys).all(|(t, k)| t.key == *k))
            })
            .take(2)
            .collect();
        Some(found)
    }
}

impl Placer<'_> {
    /// Old tokens `tokens` of section `section`, placed where their words occur once in the
    /// new draft, if they occur once in the old one too and in the paragraph paired with
    /// theirs.
    pub(super) fn by_unique_words(
        &mut self,
        section: usize,
        tokens: Range<usize>,
        lead: usize,
        tail: usize,
    ) -> Option<Placement> {
        let old_block = self.old.block_of(tokens.start)?;
        if self.old.block_of(tokens.end - 1) != Some(old_block) {
            return None;
        }
        let new_block = self.alignment.paired_block(old_block)?;
        let new_paragraph = self.new.blocks.get(new_block)?.tokens.clone();
        if !self.old.tokens[tokens.clone()].iter().any(|t| t.is_word) {
            return None;
        }
        let keys: Vec<u64> = self.old.tokens[tokens.clone()]
            .iter()
            .map(|t| t.key)
            .collect();
        let (old, new) = (self.old, self.new);
        let (old_index, new_index) = self.key_indices();
        let in_old = old_index.occurrences(old, &keys)?;
        let in_new = new_index.occurrences(new, &keys)?;
        let ([only_old], [start]) = (in_old.as_slice(), in_new.as_slice()) else {
            return None;
        };
        let end = start + keys.len();
        if *only_old != tokens.start || *start < new_paragraph.start || end > new_paragraph.end {
            return None;
        }
        let old_paragraph = self.old.blocks[old_block].tokens.clone();
        let rest = |tokenized: &Tokenized, paragraph: Range<usize>, passage: Range<usize>| {
            let mut keys: Vec<u64> = paragraph
                .filter(|t| !passage.contains(t) && tokenized.tokens[*t].is_word)
                .map(|t| tokenized.tokens[t].key)
                .collect();
            keys.sort_unstable();
            keys
        };
        let old_rest = rest(self.old, old_paragraph, tokens);
        let new_rest = rest(self.new, new_paragraph, *start..end);
        if multiset_likeness(&old_rest, &new_rest) < SAME_REST {
            return None;
        }
        let new_section = self.new.tokens[*start].section as usize;
        let continues = self
            .sections
            .continuations_of(section)
            .contains(&new_section);
        Some(Placement {
            state: if continues {
                AnchorState::Exact
            } else {
                AnchorState::Moved
            },
            section: new_section,
            range: Some(self.new_chars(*start, end - 1, lead, tail)),
            similarity: None,
        })
    }
}
