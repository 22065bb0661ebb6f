//! Names: the document's proper nouns, learned from how it writes them (a word capitalised
//! mid-sentence and never written in lower case), and whether a word of a sentence is a name —
//! which makes a statement attributed, or an action someone's.

use std::collections::HashSet;

use super::events::is_any_possessive;
use super::{Detector, Reading};
use crate::suggest::words::{
    AUXILIARIES, FastHash, GENERIC_SOURCES, MONTHS, SENTENCE_OPENERS, Token, WEEKDAYS, tokens,
};

impl Detector {
    /// Learns the document's proper nouns from its sentences.
    pub fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Self {
        let tokenized: Vec<Vec<Token>> = sentences.into_iter().map(tokens).collect();
        Self::from_tokenized(&tokenized)
    }

    /// Learns the proper nouns of many sentences read one at a time, holding only the words
    /// learned (the claim library's tens of thousands of sentences are never all split at
    /// once). Learns what [`Detector::from_sentences`] learns.
    pub(crate) fn from_sentences_one_by_one<'a>(
        sentences: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut capitalized: HashSet<String, FastHash> = HashSet::default();
        let mut lower_case: HashSet<String, FastHash> = HashSet::default();
        for sentence in sentences {
            let tokens = tokens(sentence);
            let learned = Self::from_tokenized(std::slice::from_ref(&tokens));
            capitalized.extend(learned.proper_nouns);
            lower_case.extend(learned.common_words);
        }
        Self {
            proper_nouns: capitalized
                .into_iter()
                .filter(|word| !lower_case.contains(word))
                .collect(),
            common_words: lower_case,
        }
    }

    /// Learns the document's proper nouns from its sentences, already split into tokens.
    pub(crate) fn from_tokenized(sentences: &[Vec<Token>]) -> Self {
        let mut capitalized: HashSet<&str, FastHash> = HashSet::default();
        let mut lower_case: HashSet<&str, FastHash> = HashSet::default();
        for tokens in sentences {
            let words = tokens.iter().filter(|token| token.is_word).count();
            let capitals = tokens
                .iter()
                .filter(|token| token.is_word && token.is_capitalized())
                .count();
            // Title-case lines (headlines, promotions) capitalise everything.
            if words >= 4 && capitals * 10 >= words * 6 {
                continue;
            }
            for (index, token) in tokens.iter().enumerate() {
                if !token.is_word || token.has_digit() {
                    continue;
                }
                if token.is_capitalized() {
                    if index > 0 && !is_opening_position(tokens, index) {
                        capitalized.insert(&token.lower);
                    }
                } else {
                    lower_case.insert(&token.lower);
                }
            }
        }
        Self {
            proper_nouns: capitalized
                .difference(&lower_case)
                .map(|word| (*word).to_owned())
                .collect(),
            common_words: lower_case.iter().map(|word| (*word).to_owned()).collect(),
        }
    }
}

impl Detector {
    /// Whether the word at `index` of a sentence's tokens is (part of) a name, by the names
    /// this detector learned: the claim library tells people, places and organisations so.
    pub(crate) fn is_name_in(&self, sentence: &str, tokens: &[Token], index: usize) -> bool {
        Reading {
            tokens,
            sentence,
            proper_nouns: &self.proper_nouns,
            common_words: &self.common_words,
        }
        .is_name(index)
    }
}

/// Whether a capital at `index` may only mark the start of a sentence or quotation.
fn is_opening_position(tokens: &[Token], index: usize) -> bool {
    index == 0
        || tokens[..index]
            .iter()
            .rev()
            .take_while(|token| !token.is_word)
            .any(|token| {
                matches!(
                    token.text,
                    "“" | "\"" | "‘" | ":" | "(" | "—" | "–" | "." | "?" | "!"
                )
            })
}

impl Reading<'_> {
    pub(super) fn is_name(&self, index: usize) -> bool {
        let token = &self.tokens[index];
        if !token.is_word || token.has_digit() {
            return false;
        }
        if token.is_acronym() {
            return true;
        }
        // The pronoun "I" is written with a capital wherever it stands, and names nobody.
        if !token.is_capitalized() || token.lower.as_ref() == "i" {
            return false;
        }
        if is_any_possessive(token, &MONTHS) || is_any_possessive(token, &WEEKDAYS) {
            return false;
        }
        if !is_opening_position(self.tokens, index)
            || self.proper_nouns.contains(token.lower.as_ref())
        {
            return true;
        }
        if self.common_words.contains(token.lower.as_ref()) {
            return false;
        }
        // A sentence-initial capital followed by another name ("United States") or directly by
        // a verb ("Germany signed", "Iraq has") is a name; "Security forces" is not.
        self.tokens.get(index + 1).is_some_and(|next| {
            next.is_word
                && ((next.is_capitalized()
                    && next.lower.as_ref() != "i"
                    && !is_opening_position(self.tokens, index + 1))
                    || (next.is_any(&AUXILIARIES) || self.is_past_form(index + 1))
                        && !token.is_any(&SENTENCE_OPENERS)
                        && !token.is_any(&GENERIC_SOURCES)
                        && !token.is("police"))
        })
    }

    /// The whole name around a name token: "Mayor Lisa Ortiz", "the CBO".
    pub(super) fn source_phrase(&self, index: usize) -> String {
        let mut from = index;
        while from > 0 && self.is_name(from - 1) {
            from -= 1;
        }
        let mut to = index;
        while to + 1 < self.tokens.len() && self.is_name(to + 1) {
            to += 1;
        }
        if from > 0 && self.tokens[from - 1].is("the") {
            from -= 1;
        }
        self.quote(from, to)
    }
}
