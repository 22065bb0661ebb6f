//! Placing by position: the passage's words are words the diff kept, in a row, so the mark
//! goes where they went — once a neighbouring word agrees that they are the marked words and
//! not an equal pair elsewhere.

use std::ops::Range;

use super::{Placement, Placer, SELF_EVIDENT_TOKENS};
use crate::model::AnchorState;

impl Placer<'_> {
    /// Every word kept by the diff, in a row, in one section.
    pub(super) fn by_position(
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
}
