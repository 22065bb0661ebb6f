//! Where an edited passage begins and ends in new text, and whether it is still the passage.
//!
//! A person who marked "voted to close the pool" looks, in "The council, after a long debate,
//! agreed to shut the pool", for the words the two share ("to … the pool"), widened by as many
//! words as the old passage had beyond them ("agreed"): a fuzzy passage so found neither starts
//! on a comma nor grows to the start of the sentence. Words are compared with their case set
//! aside ("In the late 1800s" is "in the late 1800s" moved into a sentence).
//!
//! And a passage that lost what made it that passage is no longer it: "says Ines Carvalho"
//! → "says" kept only the common word. A fuzzy proposal must keep a third of the old
//! passage's distinctive words (names and uncommon words), at least one, and one of its names
//! if it had several.

use std::collections::HashMap;
use std::ops::Range;

use super::Placer;
use crate::model::Section;
use crate::revise::tokens::{Token, folded_key};
use crate::text::byte_offset_from_char_offset;

/// Words too common to tell one passage from another.
const COMMON_WORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "no", "not", "of", "on", "or", "our", "out", "over", "said", "say",
    "says", "she", "since", "so", "than", "that", "the", "their", "then", "there", "they", "this",
    "to", "up", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with",
    "would", "you",
];

/// A passage's words as a person compares them.
pub(super) struct PassageWords {
    /// The folded key of each word, in order.
    keys: Vec<u64>,
    /// Names: words with a capital that does not merely start a sentence.
    names: Vec<u64>,
    /// Words that are neither names nor common words.
    uncommon: Vec<u64>,
    /// The keys of the passage's first and last tokens when they are punctuation (a
    /// sentence's full stop), which a new passage may then start or end with too.
    first_punctuation: Option<u64>,
    last_punctuation: Option<u64>,
}

impl PassageWords {
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }
}

/// The texts of `tokens`, all in one section, walking its text once.
fn token_texts<'t>(sections: &'t [Section], tokens: &[Token]) -> Vec<&'t str> {
    let Some(first) = tokens.first() else {
        return Vec::new();
    };
    let Some(section) = sections.get(first.section as usize) else {
        return Vec::new();
    };
    let text = section.text.as_str();
    let mut byte = byte_offset_from_char_offset(text, first.start as usize);
    let mut char_index = first.start as usize;
    let mut advance = |to: usize| {
        while char_index < to {
            match text[byte..].chars().next() {
                Some(c) => byte += c.len_utf8(),
                None => break,
            }
            char_index += 1;
        }
        byte
    };
    tokens
        .iter()
        .map(|token| {
            let start = advance(token.start as usize);
            let end = advance(token.end as usize);
            &text[start..end]
        })
        .collect()
}

/// How many of `wanted` (a multiset) are among `have` (a multiset).
fn shared(wanted: &[u64], have: &[u64]) -> usize {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for key in have {
        *counts.entry(*key).or_default() += 1;
    }
    wanted
        .iter()
        .filter(|key| {
            counts.get_mut(key).is_some_and(|n| {
                let available = *n > 0;
                *n = n.saturating_sub(1);
                available
            })
        })
        .count()
}

impl Placer<'_> {
    /// The words of old tokens `tokens` (one section's), as a person compares them.
    pub(super) fn passage_words(&self, tokens: Range<usize>) -> PassageWords {
        let before = tokens.start.checked_sub(1).filter(|&t| {
            self.old.tokens[t].section == self.old.tokens[tokens.start].section
                && self.old.paragraph_of(t).contains(&tokens.start)
        });
        let from = before.unwrap_or(tokens.start);
        let all = &self.old.tokens[from..tokens.end];
        let texts = token_texts(self.old_sections, all);
        let (mut keys, mut names, mut uncommon) = (Vec::new(), Vec::new(), Vec::new());
        // A capital after a full stop (or at the paragraph's start) starts a sentence; only a
        // capital elsewhere makes a name.
        let mut starts_sentence = before.is_none();
        for (offset, (token, text)) in all.iter().zip(&texts).enumerate() {
            if !token.is_word {
                starts_sentence = matches!(*text, "." | "!" | "?" | ":" | "\"" | "“" | "(");
                continue;
            }
            if from + offset >= tokens.start {
                let key = folded_key(text);
                keys.push(key);
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                if capital && !starts_sentence {
                    names.push(key);
                } else if !COMMON_WORDS.contains(&text.to_lowercase().as_str()) {
                    uncommon.push(key);
                }
            }
            starts_sentence = false;
        }
        let punctuation = |t: usize| {
            let token = self.old.tokens[t];
            (!token.is_word).then_some(token.key)
        };
        PassageWords {
            keys,
            names,
            uncommon,
            first_punctuation: punctuation(tokens.start),
            last_punctuation: punctuation(tokens.end - 1),
        }
    }

    /// The folded keys of the words among new tokens `tokens`, with their token indices.
    fn new_words(&self, tokens: Range<usize>) -> Vec<(usize, u64)> {
        let all = &self.new.tokens[tokens.clone()];
        let texts = token_texts(self.new_sections, all);
        tokens
            .zip(all.iter().zip(texts))
            .filter(|(_, (token, _))| token.is_word)
            .map(|(index, (_, text))| (index, folded_key(text)))
            .collect()
    }

    /// Whether new tokens `tokens` keep what made the old passage that passage: a third of its
    /// names and uncommon words, at least one of them, and one of its names if it had several.
    pub(super) fn keeps_distinctive_words(
        &self,
        passage: &PassageWords,
        tokens: Range<usize>,
    ) -> bool {
        let new: Vec<u64> = self.new_words(tokens).into_iter().map(|(_, k)| k).collect();
        let names_kept = shared(&passage.names, &new);
        let kept = names_kept + shared(&passage.uncommon, &new);
        let distinctive = passage.names.len() + passage.uncommon.len();
        (distinctive == 0 || (kept > 0 && kept * 3 >= distinctive))
            && (passage.names.len() < 2 || names_kept > 0)
    }

    /// The part of new tokens `run` (within one paragraph) that is the edited passage: the
    /// span richest in its words (only through tokens `allowed`), widened by the words the old
    /// passage had before and after the ones they share. With how many words they share and
    /// how many words the span has.
    pub(super) fn fitted(
        &self,
        passage: &PassageWords,
        run: Range<usize>,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Option<Fitted> {
        let longest = passage.len() * 2 + 2;
        let mut passage_counts: Vec<(u64, usize)> = Vec::new();
        for key in &passage.keys {
            match passage_counts.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 += 1,
                None => passage_counts.push((*key, 1)),
            }
        }
        let mut best: Option<(usize, usize, Range<usize>)> = None;
        let mut start = run.start;
        while start < run.end {
            if !allowed(start) {
                start += 1;
                continue;
            }
            let end = (start..run.end).find(|&t| !allowed(t)).unwrap_or(run.end);
            let words = self.new_words(start..end);
            let common: Vec<usize> = (0..words.len())
                .filter(|&i| passage.keys.contains(&words[i].1))
                .collect();
            // From each shared word, the span grows word by word, counting the old passage's
            // words it takes up (each at most as often as the passage has it).
            for &a in &common {
                let mut available: Vec<(u64, usize)> = passage_counts.clone();
                let mut count = 0;
                for (b, (_, key)) in words.iter().enumerate().skip(a).take(longest) {
                    let Some(slot) = available.iter_mut().find(|(k, n)| k == key && *n > 0) else {
                        continue;
                    };
                    slot.1 -= 1;
                    count += 1;
                    let length = b - a + 1;
                    let better = best
                        .as_ref()
                        .is_none_or(|(c, l, _)| count > *c || (count == *c && length < *l));
                    if better {
                        let widened = self.widened(passage, &words, a..b + 1, start..end);
                        best = Some((count, length, widened));
                    }
                }
            }
            start = end;
        }
        let (common, _, tokens) = best?;
        let words = self.new_words(tokens.clone()).len();
        Some(Fitted {
            tokens,
            common,
            words,
        })
    }

    /// New words `core` (indices into `words`, the words of allowed tokens `run`) widened by
    /// the old passage's words beyond the shared ones, as new tokens (ending on words, or on
    /// the old passage's own punctuation).
    fn widened(
        &self,
        passage: &PassageWords,
        words: &[(usize, u64)],
        core: Range<usize>,
        run: Range<usize>,
    ) -> Range<usize> {
        let mut available: Vec<u64> = words[core.clone()].iter().map(|(_, k)| *k).collect();
        let matched: Vec<usize> = (0..passage.keys.len())
            .filter(|&i| {
                available
                    .iter()
                    .position(|k| *k == passage.keys[i])
                    .map(|p| available.swap_remove(p))
                    .is_some()
            })
            .collect();
        let before = matched.first().copied().unwrap_or(0);
        let after = matched
            .last()
            .map_or(0, |&last| passage.keys.len() - 1 - last);
        let first = core.start.saturating_sub(before);
        let last = (core.end - 1 + after).min(words.len() - 1);
        let mut start = words[first].0;
        let mut end = words[last].0 + 1;
        let same = |t: usize, key: Option<u64>| key.is_some_and(|k| self.new.tokens[t].key == k);
        if start > run.start && same(start - 1, passage.first_punctuation) {
            start -= 1;
        }
        if end < run.end && same(end, passage.last_punctuation) {
            end += 1;
        }
        start..end
    }
}

/// An edited passage found in new text.
pub(super) struct Fitted {
    pub tokens: Range<usize>,
    /// Words it shares with the old passage.
    pub common: usize,
    /// Its words.
    pub words: usize,
}

impl Fitted {
    /// How much of both passages' words the two share (0 to 1).
    pub fn shared_share(&self, passage: &PassageWords) -> f32 {
        let total = (self.words + passage.len()).max(1);
        // Word counts are small: the conversion is exact.
        (2 * self.common) as f32 / total as f32
    }
}
