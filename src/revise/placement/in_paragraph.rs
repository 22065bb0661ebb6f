//! Placing a short passage edited inside its paragraph: a capital dropped ("In the late
//! 1800s" → "in the late 1800s"), a preposition swapped ("starting in December 2015" →
//! "since December 2015"), a clause moved to the end of the sentence. The diff then keeps few
//! of its words where they were, so there are no kept neighbours to go by; but the paragraph
//! the diff pairs with the old one still holds the passage's words, edited. They are proposed
//! as fuzzy, for a person to confirm.

use std::ops::Range;

use super::extent::PassageWords;
use super::{Placement, Placer, percent, similarity};
use crate::model::{AnchorState, Passage};
use crate::text::slice_chars;

/// Only a short passage is looked for this way: a longer one edited is placed by the kept
/// words around it, or left for a person.
const MAX_WORDS: usize = 16;
/// The new words must share at least this much with the old passage's (0 to 1).
const SHARED: f32 = 0.5;

impl Placer<'_> {
    /// The edited passage in the new paragraph paired with old tokens `tokens`' paragraph,
    /// among words that are new or were the passage's own.
    pub(super) fn by_edit_in_paragraph(
        &mut self,
        tokens: Range<usize>,
        words: &PassageWords,
        passage: &Passage,
    ) -> Option<Placement> {
        if words.len() == 0 || words.len() > MAX_WORDS {
            return None;
        }
        let old_block = self.old.block_of(tokens.start)?;
        if self.old.block_of(tokens.end - 1) != Some(old_block) {
            return None;
        }
        let new_block = self.alignment.paired_block(old_block)?;
        let paragraph = self.new.blocks.get(new_block)?.tokens.clone();
        // Each shared word of the paragraph starts a span of at most twice the passage.
        let cost = paragraph.len() * (words.len() * 2 + 2) * 4;
        if self.budget < cost {
            self.budget_exhausted = true;
            return None;
        }
        self.budget -= cost;
        // Words the diff matched to other old words are those words' place.
        let allowed = |t: usize| {
            self.alignment.new_to_old.get(t).is_some_and(|&o| {
                o == super::super::align::UNMAPPED || tokens.contains(&(o as usize))
            })
        };
        let fitted = self.fitted(words, paragraph, &allowed)?;
        if fitted.shared_share(words) < SHARED
            || !self.keeps_distinctive_words(words, fitted.tokens.clone())
        {
            return None;
        }
        let section = self.new.tokens[fitted.tokens.start].section as usize;
        let range = self.new_chars(fitted.tokens.start, fitted.tokens.end - 1, 0, 0);
        let text = slice_chars(&self.new_sections[section].text, range.clone());
        Some(Placement {
            state: AnchorState::Fuzzy,
            section,
            range: Some(range),
            similarity: Some(percent(similarity(&passage.quote, text))),
        })
    }
}
