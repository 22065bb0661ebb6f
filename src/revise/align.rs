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
    /// For each old block, the new block the diff compared it with: the same paragraph
    /// unchanged, the paragraph it was paired with as an edit of it, or where it moved whole
    /// (or [`UNMAPPED`]).
    pub paired_blocks: Vec<u32>,
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

    /// The new paragraph block the diff compared old block `old_block` with.
    pub fn paired_block(&self, old_block: usize) -> Option<usize> {
        self.paired_blocks
            .get(old_block)
            .filter(|&&n| n != UNMAPPED)
            .map(|&n| n as usize)
    }

    fn pair_blocks(&mut self, old_block: usize, new_block: usize) {
        if let Some(slot) = self.paired_blocks.get_mut(old_block) {
            *slot = u32::try_from(new_block).unwrap_or(UNMAPPED);
        }
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
        paired_blocks: vec![UNMAPPED; old.blocks.len()],
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
            for (old_block, new_block) in op.old_range().zip(op.new_range()) {
                alignment.pair_blocks(old_block, new_block);
            }
        } else if old_tokens.is_empty() || new_tokens.is_empty() {
            push_change(&mut alignment, old_tokens, new_tokens);
        } else {
            align_changed_paragraphs(&mut alignment, old, new, op, deadline);
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
        alignment.pair_blocks(*old_block, new_block);
    }
}

/// Runs of changed paragraphs larger than this (old × new paragraphs) are compared word by
/// word as a whole instead of paragraph by paragraph.
const MAX_PAIRING: usize = 10_000;
/// Paragraphs less alike than this are not the same paragraph edited.
const SAME_PARAGRAPH: f32 = 0.5;

/// A run of changed paragraphs: each new paragraph is first paired with the old paragraph it
/// is an edit of (in order, most alike first), and words are compared only within a pair.
/// Comparing the whole run word by word could stitch the start of one old paragraph to the
/// end of another ("On Monday the board met… / On Tuesday the board met…" → "On Monday the
/// board convened…" would keep Tuesday's ending), putting marks on the wrong copy.
fn align_changed_paragraphs(
    alignment: &mut Alignment,
    old: &Tokenized,
    new: &Tokenized,
    op: DiffOp,
    deadline: Instant,
) {
    let paragraphs = |tokenized: &Tokenized, blocks: Range<usize>| -> Vec<(usize, Range<usize>)> {
        let list = &tokenized.blocks[blocks.clone()];
        blocks
            .zip(list)
            .filter(|(_, b)| !b.tokens.is_empty())
            .map(|(index, b)| (index, b.tokens.clone()))
            .collect()
    };
    let (old_blocks, old_paragraphs): (Vec<usize>, Vec<Range<usize>>) =
        paragraphs(old, op.old_range()).into_iter().unzip();
    let (new_blocks, new_paragraphs): (Vec<usize>, Vec<Range<usize>>) =
        paragraphs(new, op.new_range()).into_iter().unzip();
    let span = |list: &[Range<usize>]| match (list.first(), list.last()) {
        (Some(first), Some(last)) => first.start..last.end,
        _ => 0..0,
    };
    if old_paragraphs.len() * new_paragraphs.len() > MAX_PAIRING {
        let (old_span, new_span) = (span(&old_paragraphs), span(&new_paragraphs));
        align_tokens(alignment, old, new, old_span, new_span, deadline);
        return;
    }
    let sorted_keys = |tokenized: &Tokenized, tokens: &Range<usize>| {
        let mut keys: Vec<u64> = tokenized.tokens[tokens.clone()]
            .iter()
            .map(|t| t.key)
            .collect();
        keys.sort_unstable();
        keys
    };
    let old_keys: Vec<Vec<u64>> = old_paragraphs.iter().map(|p| sorted_keys(old, p)).collect();
    let new_keys: Vec<Vec<u64>> = new_paragraphs.iter().map(|p| sorted_keys(new, p)).collect();
    let pairs = paired_paragraphs(&old_keys, &new_keys);

    // Walk both lists in order: paired paragraphs are compared word by word, the others are
    // deleted or added whole.
    let (mut next_old, mut next_new) = (0, 0);
    let old_start = span(&old_paragraphs).start;
    let new_start = span(&new_paragraphs).start;
    let at = |list: &[Range<usize>], index: usize, run_start: usize| {
        list.get(index.wrapping_sub(1)).map_or(run_start, |p| p.end)
    };
    for (i, j) in pairs
        .into_iter()
        .chain([(old_paragraphs.len(), new_paragraphs.len())])
    {
        for skipped in &old_paragraphs[next_old..i] {
            let position = at(&new_paragraphs, next_new, new_start);
            push_change(alignment, skipped.clone(), position..position);
        }
        for added in &new_paragraphs[next_new..j] {
            let position = at(&old_paragraphs, i, old_start);
            push_change(alignment, position..position, added.clone());
        }
        if let (Some(old_paragraph), Some(new_paragraph)) =
            (old_paragraphs.get(i), new_paragraphs.get(j))
        {
            alignment.pair_blocks(old_blocks[i], new_blocks[j]);
            align_tokens(
                alignment,
                old,
                new,
                old_paragraph.clone(),
                new_paragraph.clone(),
                deadline,
            );
        }
        next_old = i + 1;
        next_new = j + 1;
    }
}

/// Pairs old and new paragraphs in order, maximising how alike the pairs are (a
/// Needleman–Wunsch alignment over the paragraphs' word multisets); paragraphs less alike than
/// [`SAME_PARAGRAPH`] stay unpaired.
fn paired_paragraphs(old: &[Vec<u64>], new: &[Vec<u64>]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let mut score = vec![vec![0.0_f32; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let likeness = multiset_likeness(&old[i - 1], &new[j - 1]);
            let paired = if likeness >= SAME_PARAGRAPH {
                score[i - 1][j - 1] + likeness
            } else {
                f32::MIN
            };
            score[i][j] = paired.max(score[i - 1][j]).max(score[i][j - 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        if score[i][j] == score[i - 1][j] {
            i -= 1;
        } else if score[i][j] == score[i][j - 1] {
            j -= 1;
        } else {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// How many words two sorted key lists share, relative to their lengths (0 to 1).
pub(super) fn multiset_likeness(a: &[u64], b: &[u64]) -> f32 {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let total = (a.len() + b.len()).max(1);
    // Lengths are far below 2^24: the conversion is exact.
    (2 * common) as f32 / total as f32
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
