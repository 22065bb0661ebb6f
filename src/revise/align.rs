//! Which words of the old draft are which words of the new one.
//!
//! The drafts are compared in two passes with `similar`'s Myers diff: first paragraph by
//! paragraph (a book has a few thousand paragraphs, and a revision touches few of them), then
//! word by word inside each run of changed paragraphs. Both passes share a deadline: past it,
//! `similar` returns a coarser but still correct diff, so the time spent is bounded whatever
//! the drafts look like. What the diff calls equal is mapped token to token; what it calls
//! changed is kept as a [`Change`] so marks inside it can be placed approximately.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::tokens::Tokenized;

/// No token: the old token was deleted or changed.
pub const UNMAPPED: u32 = u32::MAX;

/// Old tokens replaced by new ones (either side may be empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Alignment {
    /// For each old token, the new token it is (or [`UNMAPPED`]).
    pub old_to_new: Vec<u32>,
    /// Whether each new token is the image of an old one.
    pub new_is_mapped: Vec<bool>,
    /// Everything the diff did not find equal, in old-draft order.
    pub changes: Vec<Change>,
    /// Whether the deadline cut the comparison short.
    pub timed_out: bool,
}

impl Alignment {
    pub fn new_of(&self, old_token: usize) -> Option<usize> {
        self.old_to_new
            .get(old_token)
            .filter(|&&n| n != UNMAPPED)
            .map(|&n| n as usize)
    }

    /// The change an unmapped old token belongs to.
    pub fn change_of(&self, old_token: usize) -> Option<&Change> {
        let index = self
            .changes
            .partition_point(|change| change.old.end <= old_token);
        self.changes
            .get(index)
            .filter(|c| c.old.contains(&old_token))
    }

    fn map_run(&mut self, old: Range<usize>, new: Range<usize>) {
        for (o, n) in old.zip(new) {
            self.old_to_new[o] = u32::try_from(n).unwrap_or(UNMAPPED);
            self.new_is_mapped[n] = true;
        }
    }
}

/// Aligns two tokenised drafts, giving up on precision (never on correctness) at `deadline`.
pub fn align(old: &Tokenized, new: &Tokenized, deadline: Instant) -> Alignment {
    let mut alignment = Alignment {
        old_to_new: vec![UNMAPPED; old.tokens.len()],
        new_is_mapped: vec![false; new.tokens.len()],
        changes: Vec::new(),
        timed_out: false,
    };
    let old_blocks: Vec<u64> = old.blocks.iter().map(|b| b.key).collect();
    let new_blocks: Vec<u64> = new.blocks.iter().map(|b| b.key).collect();
    let block_ops =
        capture_diff_slices_deadline(Algorithm::Myers, &old_blocks, &new_blocks, Some(deadline));
    let token_span = |tokenized: &Tokenized, blocks: Range<usize>| -> Range<usize> {
        let start = tokenized
            .blocks
            .get(blocks.start)
            .map_or(tokenized.tokens.len(), |b| b.tokens.start);
        let end = blocks
            .end
            .checked_sub(1)
            .and_then(|last| tokenized.blocks.get(last))
            .map_or(start, |b| b.tokens.end);
        start..end.max(start)
    };
    for op in block_ops {
        let old_tokens = token_span(old, op.old_range());
        let new_tokens = token_span(new, op.new_range());
        let same_length = old_tokens.len() == new_tokens.len();
        if matches!(op, DiffOp::Equal { .. }) && same_length {
            alignment.map_run(old_tokens, new_tokens);
        } else if old_tokens.is_empty() || new_tokens.is_empty() {
            push_change(&mut alignment, old_tokens, new_tokens);
        } else {
            align_tokens(&mut alignment, old, new, old_tokens, new_tokens, deadline);
        }
    }
    alignment.timed_out = Instant::now() > deadline;
    alignment
}

/// Word-level comparison inside a run of changed paragraphs.
fn align_tokens(
    alignment: &mut Alignment,
    old: &Tokenized,
    new: &Tokenized,
    old_tokens: Range<usize>,
    new_tokens: Range<usize>,
    deadline: Instant,
) {
    let old_keys: Vec<u64> = old.tokens[old_tokens.clone()]
        .iter()
        .map(|t| t.key)
        .collect();
    let new_keys: Vec<u64> = new.tokens[new_tokens.clone()]
        .iter()
        .map(|t| t.key)
        .collect();
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, Some(deadline));
    let shift = |range: Range<usize>, by: usize| range.start + by..range.end + by;
    let change_size = |op: Option<&DiffOp>| {
        op.filter(|op| !matches!(op, DiffOp::Equal { .. }))
            .map_or(0, |op| op.old_range().len().max(op.new_range().len()))
    };
    for (index, op) in ops.iter().enumerate() {
        let old_range = shift(op.old_range(), old_tokens.start);
        let new_range = shift(op.new_range(), new_tokens.start);
        // A word or two in common in the middle of paragraphs that otherwise differ ("the",
        // a comma) is chance, not the same text: mapping it would pin marks to unrelated
        // words.
        let before = change_size(index.checked_sub(1).and_then(|i| ops.get(i)));
        let after = change_size(ops.get(index + 1));
        let by_chance = old_range.len() < 3 && before > 0 && after > 0 && before + after > 6;
        let meaningful = !by_chance;
        if matches!(op, DiffOp::Equal { .. }) && meaningful {
            alignment.map_run(old_range, new_range);
        } else {
            push_change(alignment, old_range, new_range);
        }
    }
}

/// Records a change, joining it to the previous one when they touch (a deletion next to an
/// insertion is one replacement for the marks inside it).
fn push_change(alignment: &mut Alignment, old: Range<usize>, new: Range<usize>) {
    if let Some(last) = alignment.changes.last_mut()
        && last.old.end == old.start
        && last.new.end == new.start
    {
        last.old.end = old.end;
        last.new.end = new.end;
        return;
    }
    alignment.changes.push(Change { old, new });
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::super::tokens::tokenized_from_sections;
    use super::*;
    use crate::model::Section;

    fn tokenized(paragraphs: &[&str]) -> Tokenized {
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
        tokenized_from_sections(&[Section::new(None, 0, &paragraphs)])
    }

    fn far_deadline() -> Instant {
        Instant::now() + Duration::from_secs(10)
    }

    #[test]
    fn unchanged_paragraphs_map_word_for_word_and_edits_become_changes() {
        let old = tokenized(&["Alpha beta gamma.", "Delta more than 4,000 people."]);
        let new = tokenized(&["Alpha beta gamma.", "Delta more than 4,200 people."]);
        let alignment = align(&old, &new, far_deadline());
        assert_eq!(alignment.new_of(0), Some(0));
        // "4" "," map; "000" became "200".
        assert_eq!(alignment.new_of(7), Some(7));
        assert_eq!(alignment.new_of(9), None);
        assert_eq!(
            alignment.change_of(9),
            Some(&Change {
                old: 9..10,
                new: 9..10
            })
        );
        assert_eq!(alignment.new_of(10), Some(10));
        assert!(!alignment.timed_out);
    }

    #[test]
    fn a_deadline_in_the_past_still_gives_a_usable_alignment() {
        let old = tokenized(&["One two three.", "Four five six."]);
        let new = tokenized(&["One two three!", "Four five six."]);
        let alignment = align(&old, &new, Instant::now());
        for (old_token, new_token) in alignment.old_to_new.iter().enumerate() {
            if *new_token != UNMAPPED {
                assert_eq!(
                    old.tokens[old_token].key,
                    new.tokens[*new_token as usize].key
                );
            }
        }
    }
}
