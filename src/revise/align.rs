//! Which words of the old draft are which words of the new one.
//!
//! The drafts are compared in two passes with `similar`'s Myers diff: first paragraph by
//! paragraph (a book has a few thousand paragraphs, and a revision touches few of them), then
//! word by word inside each run of changed paragraphs. Both passes share a deadline: past it,
//! `similar` returns a coarser diff (still a valid one: every "equal" it reports is equal), so
//! the time spent is bounded whatever the drafts look like. What the diff calls equal is
//! mapped token to token; what it calls changed is kept as a [`Change`] so marks inside it can
//! be placed approximately. Equal words are not always the same words — a diff may keep the
//! first of two "Robin"s where the writer kept the second — so placement does not trust a
//! short match without a neighbour that agrees.
//!
//! A diff sees a moved paragraph as deleted in one place and added in another. So, last, a
//! paragraph deleted whole is matched to a paragraph added whole with the same words (when
//! that paragraph occurs once among each), and its words are mapped as *moved*: marks follow
//! it, and a section that was only reordered still counts as unchanged.

use std::collections::HashMap;
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
    /// For each new token, the old token it is (or [`UNMAPPED`]).
    pub new_to_old: Vec<u32>,
    /// For each old token, whether it was found in a moved paragraph rather than in order.
    pub old_moved: Vec<bool>,
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

    /// Whether new token `new_token` is the image of an old one.
    pub fn is_new_mapped(&self, new_token: usize) -> bool {
        self.new_to_old
            .get(new_token)
            .is_some_and(|&o| o != UNMAPPED)
    }

    /// Whether old token `old_token` was mapped as part of a moved paragraph.
    pub fn is_moved(&self, old_token: usize) -> bool {
        self.old_moved.get(old_token).copied().unwrap_or(false)
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
            self.new_to_old[n] = u32::try_from(o).unwrap_or(UNMAPPED);
        }
    }

    fn unmap_old(&mut self, old: usize) {
        if let Some(new) = self.new_of(old) {
            self.new_to_old[new] = UNMAPPED;
        }
        self.old_to_new[old] = UNMAPPED;
    }

    fn unmap_new(&mut self, new: usize) {
        if let Some(&old) = self.new_to_old.get(new).filter(|&&o| o != UNMAPPED) {
            self.old_to_new[old as usize] = UNMAPPED;
        }
        self.new_to_old[new] = UNMAPPED;
    }
}

/// Aligns two tokenised drafts; past `deadline` the diff gets coarser, not slower.
pub fn align(old: &Tokenized, new: &Tokenized, deadline: Instant) -> Alignment {
    let mut alignment = Alignment {
        old_to_new: vec![UNMAPPED; old.tokens.len()],
        new_to_old: vec![UNMAPPED; new.tokens.len()],
        old_moved: vec![false; old.tokens.len()],
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
    map_moved_paragraphs(&mut alignment, old, new);
    alignment.timed_out = Instant::now() > deadline;
    alignment
}

/// Paragraphs shorter than this are not matched as moves: "Read more." occurs anywhere.
const MIN_MOVED_TOKENS: usize = 4;

/// Maps paragraphs the diff left (almost) entirely unmatched on both sides that have the same
/// words and occur once among them: a paragraph moved elsewhere. A few words the word-level
/// diff matched by chance inside them are unmapped first.
fn map_moved_paragraphs(alignment: &mut Alignment, old: &Tokenized, new: &Tokenized) {
    let mostly_unmatched = |tokens: &Range<usize>, mapped: &dyn Fn(usize) -> bool| {
        let matched = tokens.clone().filter(|&t| mapped(t)).count();
        tokens.len() >= MIN_MOVED_TOKENS && matched * 10 <= tokens.len()
    };
    let mut old_candidates: HashMap<u64, Option<usize>, foldhash::fast::RandomState> =
        HashMap::default();
    for (index, block) in old.blocks.iter().enumerate() {
        if mostly_unmatched(&block.tokens, &|t| alignment.new_of(t).is_some()) {
            // Two candidates with the same words: which one moved cannot be told.
            old_candidates
                .entry(block.key)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(index));
        }
    }
    let mut new_candidates: HashMap<u64, Option<usize>, foldhash::fast::RandomState> =
        HashMap::default();
    for (index, block) in new.blocks.iter().enumerate() {
        if old_candidates.contains_key(&block.key)
            && mostly_unmatched(&block.tokens, &|t| alignment.is_new_mapped(t))
        {
            new_candidates
                .entry(block.key)
                .and_modify(|seen| *seen = None)
                .or_insert(Some(index));
        }
    }
    for (key, new_block) in new_candidates {
        let (Some(new_block), Some(Some(old_block))) = (new_block, old_candidates.get(&key)) else {
            continue;
        };
        let old_tokens = old.blocks[*old_block].tokens.clone();
        let new_tokens = new.blocks[new_block].tokens.clone();
        if old_tokens.len() != new_tokens.len() {
            continue;
        }
        for t in old_tokens.clone() {
            alignment.unmap_old(t);
        }
        for t in new_tokens.clone() {
            alignment.unmap_new(t);
        }
        for t in old_tokens.clone() {
            alignment.old_moved[t] = true;
        }
        alignment.map_run(old_tokens, new_tokens);
    }
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
