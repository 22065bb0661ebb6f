//! Which section of the new draft continues which section of the old one.
//!
//! Sections are matched by where their words went, then by heading: a renamed section keeps
//! its id because its text is still there; a rewritten section keeps it because its heading
//! is. A section split in two continues in both parts (the larger keeps the id); sections
//! merged into one all lead to it. Keeping ids is what lets section comments and statuses
//! follow the text.

use std::collections::HashMap;

use super::align::Alignment;
use super::tokens::{Tokenized, same_heading};
use crate::model::Section;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionMatch {
    /// For each new section, the old section whose id it keeps.
    pub inherits: Vec<Option<usize>>,
    /// For each new section, the old sections its text came from, in old order.
    pub from: Vec<Vec<usize>>,
    /// For each new section, whether its text differs from the text it came from.
    pub text_changed: Vec<bool>,
}

impl SectionMatch {
    /// The new section that keeps an old section's id.
    pub fn heir_of(&self, old_section: usize) -> Option<usize> {
        self.inherits.iter().position(|i| *i == Some(old_section))
    }

    /// Old sections none of whose text is in the new draft, and whose id nobody keeps.
    pub fn removed(&self, old_count: usize) -> Vec<usize> {
        (0..old_count)
            .filter(|s| !self.from.iter().any(|from| from.contains(s)))
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
    let mut overlap: HashMap<(usize, usize), usize> = HashMap::new();
    let mut mapped_from = vec![0_usize; old.len()];
    for (old_index, token) in old_tokens.tokens.iter().enumerate() {
        if let Some(new_index) = alignment.new_of(old_index) {
            let s = token.section as usize;
            let j = new_tokens.tokens[new_index].section as usize;
            *overlap.entry((s, j)).or_default() += 1;
            mapped_from[s] += 1;
        }
    }
    let overlap_of = |s: usize, j: usize| overlap.get(&(s, j)).copied().unwrap_or(0);

    let mut inherits: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];
    let mut pairs: Vec<(usize, usize, usize)> =
        overlap.iter().map(|(&(s, j), &n)| (n, s, j)).collect();
    pairs.sort_by_key(|&(n, s, j)| (std::cmp::Reverse(n), s.abs_diff(j), s, j));
    for (n, s, j) in pairs {
        let smaller = length(old_tokens, s).min(length(new_tokens, j)).max(1);
        let enough =
            n * 4 >= smaller || same_heading(old[s].heading.as_deref(), new[j].heading.as_deref());
        if enough && !taken[s] && inherits[j].is_none() {
            inherits[j] = Some(s);
            taken[s] = true;
        }
    }
    // A rewritten section is still the section under the same heading.
    for j in 0..new.len() {
        if inherits[j].is_some() {
            continue;
        }
        let same = (0..old.len())
            .filter(|&s| {
                !taken[s] && same_heading(old[s].heading.as_deref(), new[j].heading.as_deref())
            })
            .min_by_key(|&s| s.abs_diff(j));
        if let Some(s) = same {
            inherits[j] = Some(s);
            taken[s] = true;
        }
    }

    let from: Vec<Vec<usize>> = (0..new.len())
        .map(|j| {
            (0..old.len())
                .filter(|&s| {
                    let n = overlap_of(s, j);
                    // Most of what survived of s went here, and that is a real part of s; or
                    // most of this section came from s.
                    let most_of_old = n * 2 >= mapped_from[s] && n * 4 >= length(old_tokens, s);
                    let most_of_new = n * 2 >= length(new_tokens, j);
                    inherits[j] == Some(s) || (n > 0 && (most_of_old || most_of_new))
                })
                .collect()
        })
        .collect();
    // Words of an old section that did not go to a section continuing it: deleted, or moved
    // to another section.
    let lost: Vec<usize> = (0..old.len())
        .map(|s| {
            let kept: usize = (0..new.len())
                .filter(|j| from[*j].contains(&s))
                .map(|j| overlap_of(s, j))
                .sum();
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
    }
}
