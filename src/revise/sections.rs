//! Which section of the new draft continues which section of the old one.
//!
//! Sections are matched by where their words went, then by heading: a renamed section keeps
//! its id because its text is still there; a rewritten section keeps it because its heading
//! is. A section split in two continues in both parts (the larger keeps the id); sections
//! merged into one all lead to it. Keeping ids is what lets section comments and statuses
//! follow the text.

use std::collections::HashMap;

use super::align::Alignment;
use super::tokens::{Tokenized, heading_key};
use crate::model::Section;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionMatch {
    /// For each new section, the old section whose id it keeps.
    pub inherits: Vec<Option<usize>>,
    /// For each new section, the old sections its text came from, in old order.
    pub from: Vec<Vec<usize>>,
    /// For each new section, whether its text differs from the text it came from.
    pub text_changed: Vec<bool>,
    /// For each old section, the new section that keeps its id.
    heirs: Vec<Option<usize>>,
    /// For each old section, the new sections that continue it, in new order.
    continued_in: Vec<Vec<usize>>,
}

impl SectionMatch {
    /// The new section that keeps an old section's id.
    pub fn heir_of(&self, old_section: usize) -> Option<usize> {
        self.heirs.get(old_section).copied().flatten()
    }

    /// The new sections an old section's text went to.
    pub fn continuations_of(&self, old_section: usize) -> &[usize] {
        self.continued_in
            .get(old_section)
            .map_or(&[], Vec::as_slice)
    }

    /// Old sections none of whose text is in the new draft, and whose id nobody keeps.
    pub fn removed(&self) -> Vec<usize> {
        (0..self.continued_in.len())
            .filter(|&s| self.continued_in[s].is_empty())
            .collect()
    }
}

pub fn match_sections(
    old: &[Section],
    new: &[Section],
    old_tokens: &Tokenized,
    new_tokens: &Tokenized,
    alignment: &Alignment,
) -> SectionMatch {
    let length = |tokenized: &Tokenized, index: usize| {
        tokenized.section_tokens.get(index).map_or(0, |r| r.len())
    };
    // How many words of old section s are in new section j.
    let mut overlap: HashMap<(usize, usize), usize, foldhash::fast::RandomState> =
        HashMap::default();
    let mut mapped_from = vec![0_usize; old.len()];
    for (old_index, token) in old_tokens.tokens.iter().enumerate() {
        if let Some(new_index) = alignment.new_of(old_index) {
            let s = token.section as usize;
            let j = new_tokens.tokens[new_index].section as usize;
            *overlap.entry((s, j)).or_default() += 1;
            mapped_from[s] += 1;
        }
    }
    let mut pairs: Vec<(usize, usize, usize)> =
        overlap.iter().map(|(&(s, j), &n)| (n, s, j)).collect();
    let old_headings: Vec<u64> = old
        .iter()
        .map(|s| heading_key(s.heading.as_deref()))
        .collect();
    let new_headings: Vec<u64> = new
        .iter()
        .map(|s| heading_key(s.heading.as_deref()))
        .collect();
    let heading_kept = |s: usize, j: usize| old_headings[s] == new_headings[j];
    // A section keeps its id where its heading is, before where most of its words went: when
    // a section is split, the part still under its heading is the section; when two are
    // merged under one heading, that heading's section is the one that continues.
    pairs.sort_by_key(|&(n, s, j)| {
        (
            !heading_kept(s, j),
            std::cmp::Reverse(n),
            s.abs_diff(j),
            s,
            j,
        )
    });

    let mut inherits: Vec<Option<usize>> = vec![None; new.len()];
    let mut heirs: Vec<Option<usize>> = vec![None; old.len()];
    for &(n, s, j) in &pairs {
        let smaller = length(old_tokens, s).min(length(new_tokens, j)).max(1);
        let enough = n * 4 >= smaller || heading_kept(s, j);
        if enough && heirs[s].is_none() && inherits[j].is_none() {
            inherits[j] = Some(s);
            heirs[s] = Some(j);
        }
    }
    // A rewritten section is still the section under the same heading. Headings are looked up
    // by their normalised form, so this stays linear in the number of sections.
    let mut free_by_heading: HashMap<u64, Vec<usize>> = HashMap::new();
    for s in (0..old.len()).filter(|&s| heirs[s].is_none()) {
        free_by_heading.entry(old_headings[s]).or_default().push(s);
    }
    for j in 0..new.len() {
        if inherits[j].is_some() {
            continue;
        }
        let Some(candidates) = free_by_heading.get_mut(&new_headings[j]) else {
            continue;
        };
        let nearest = candidates
            .iter()
            .copied()
            .enumerate()
            .min_by_key(|&(_, s)| s.abs_diff(j));
        if let Some((position, s)) = nearest {
            candidates.swap_remove(position);
            inherits[j] = Some(s);
            heirs[s] = Some(j);
        }
    }

    let mut from: Vec<Vec<usize>> = inherits
        .iter()
        .map(|i| i.iter().copied().collect())
        .collect();
    for &(n, s, j) in &pairs {
        // Most of what survived of s went here, and that is a real part of s; or most of
        // this section came from s.
        let most_of_old = n * 2 >= mapped_from[s] && n * 4 >= length(old_tokens, s);
        let most_of_new = n * 2 >= length(new_tokens, j);
        if (most_of_old || most_of_new) && !from[j].contains(&s) {
            from[j].push(s);
        }
    }
    let mut continued_in: Vec<Vec<usize>> = vec![Vec::new(); old.len()];
    for (j, sources) in from.iter_mut().enumerate() {
        sources.sort_unstable();
        for &s in sources.iter() {
            continued_in[s].push(j);
        }
    }
    let overlap_of = |s: usize, j: usize| overlap.get(&(s, j)).copied().unwrap_or(0);
    // Words of an old section that did not go to a section continuing it: deleted, or moved
    // to another section.
    let lost: Vec<usize> = (0..old.len())
        .map(|s| {
            let kept: usize = continued_in[s].iter().map(|&j| overlap_of(s, j)).sum();
            length(old_tokens, s).saturating_sub(kept)
        })
        .collect();
    let text_changed = (0..new.len())
        .map(|j| {
            let came: usize = from[j].iter().map(|&s| overlap_of(s, j)).sum();
            from[j].is_empty()
                || length(new_tokens, j) > came
                || from[j].iter().any(|&s| lost[s] > 0)
        })
        .collect();
    SectionMatch {
        inherits,
        from,
        text_changed,
        heirs,
        continued_in,
    }
}
