//! The article as the revision compares it: words and punctuation marks, each with its place.
//!
//! Two drafts are compared token by token, not character by character, and tokens are
//! compared by a normalised form: white space is not a token at all (so rewrapped lines and
//! doubled spaces change nothing) and typographic quotes and apostrophes count as plain ones
//! (so a writer's "smart quotes" setting does not turn an unchanged sentence into an edit).
//! Each token is kept as a 64-bit hash of that form: comparing two hashes is all the diff and
//! the search need, and no string is allocated per word.

use std::hash::{BuildHasher as _, Hasher as _};
use std::ops::Range;

use foldhash::fast::FixedState;

use crate::model::Section;

/// One word or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Index of its section in the draft.
    pub section: u32,
    /// Character offsets into the section text.
    pub start: u32,
    pub end: u32,
    /// Hash of the normalised text: equal tokens have equal keys.
    pub key: u64,
    /// A word (letters or digits), not a punctuation mark.
    pub is_word: bool,
}

impl Token {
    #[cfg(test)]
    pub fn chars(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A unit of the coarse comparison: a heading or a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Hash of the heading text, or of the paragraph's token keys.
    pub key: u64,
    /// The paragraph's tokens; empty for a heading.
    pub tokens: Range<usize>,
}

/// A whole draft, tokenised.
#[derive(Clone, Debug, Default)]
pub struct Tokenized {
    pub tokens: Vec<Token>,
    pub blocks: Vec<Block>,
    /// The tokens of each section.
    pub section_tokens: Vec<Range<usize>>,
}

/// Hashes are fixed (not randomised per process) so both drafts, and every run, agree.
const HASHER: FixedState = FixedState::with_seed(0x636f_7079_6465_736b);
/// Keeps a heading from ever equalling a paragraph with the same words.
const HEADING_SEED: u64 = 0x6865_6164;

/// The form a character is compared in: typographic quotes and apostrophes as plain ones.
pub fn normalized_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
        other => other,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// An apostrophe inside a word ("don't", "O’Brien") keeps the word whole.
fn is_apostrophe(c: char) -> bool {
    normalized_char(c) == '\''
}

/// Appends the tokens of one section's text, and a block for each of its paragraphs.
fn tokenize_section(text: &str, section: u32, tokens: &mut Vec<Token>, blocks: &mut Vec<Block>) {
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    let mut paragraph_start = tokens.len();
    let close_paragraph = |tokens: &Vec<Token>, blocks: &mut Vec<Block>, from: usize| {
        if tokens.len() > from {
            let mut hasher = HASHER.build_hasher();
            for token in &tokens[from..] {
                hasher.write_u64(token.key);
            }
            blocks.push(Block {
                key: hasher.finish(),
                tokens: from..tokens.len(),
            });
        }
    };
    while index < chars.len() {
        let c = chars[index];
        if c == '\n' {
            close_paragraph(tokens, blocks, paragraph_start);
            paragraph_start = tokens.len();
            index += 1;
            continue;
        }
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        let start = index;
        let mut hasher = HASHER.build_hasher();
        let is_word = is_word_char(c);
        if is_word {
            while index < chars.len()
                && (is_word_char(chars[index])
                    || (is_apostrophe(chars[index])
                        && chars.get(index + 1).is_some_and(|&n| is_word_char(n))
                        && index > start))
            {
                hasher.write_u32(u32::from(normalized_char(chars[index])));
                index += 1;
            }
        } else {
            hasher.write_u32(u32::from(normalized_char(c)));
            index += 1;
        }
        tokens.push(Token {
            section,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(index).unwrap_or(u32::MAX),
            key: hasher.finish(),
            is_word,
        });
    }
    close_paragraph(tokens, blocks, paragraph_start);
}

/// The key of a heading block: equal for headings that differ only in white space and quotes.
pub fn heading_key(heading: Option<&str>) -> u64 {
    let mut hasher = HASHER.build_hasher();
    hasher.write_u64(HEADING_SEED);
    for c in heading.unwrap_or("").chars().filter(|c| !c.is_whitespace()) {
        hasher.write_u32(u32::from(normalized_char(c)));
    }
    hasher.finish()
}

/// Tokenises a draft's sections, in order.
pub fn tokenized_from_sections(sections: &[Section]) -> Tokenized {
    let mut result = Tokenized::default();
    for (index, section) in sections.iter().enumerate() {
        let section_index = u32::try_from(index).unwrap_or(u32::MAX);
        result.blocks.push(Block {
            key: heading_key(section.heading.as_deref()),
            tokens: result.tokens.len()..result.tokens.len(),
        });
        let first = result.tokens.len();
        tokenize_section(
            &section.text,
            section_index,
            &mut result.tokens,
            &mut result.blocks,
        );
        result.section_tokens.push(first..result.tokens.len());
    }
    result
}

/// The normalised keys of a piece of text, for comparing a quote with new text.
pub fn keys_from_text(text: &str) -> Vec<u64> {
    tokens_from_text(text).iter().map(|t| t.key).collect()
}

/// The keys of the words (not the punctuation) of a piece of text.
pub fn word_keys_from_text(text: &str) -> Vec<u64> {
    tokens_from_text(text)
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.key)
        .collect()
}

fn tokens_from_text(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut blocks = Vec::new();
    tokenize_section(text, 0, &mut tokens, &mut blocks);
    tokens
}

/// The key of a word with its case set aside: "In" and "in" are the same word to a person
/// looking for an edited passage, though not to the diff.
pub fn folded_key(word: &str) -> u64 {
    let mut hasher = HASHER.build_hasher();
    for c in word.chars().flat_map(char::to_lowercase) {
        hasher.write_u32(u32::from(normalized_char(c)));
    }
    hasher.finish()
}

impl Tokenized {
    /// The index of the paragraph block that holds `token`.
    pub fn block_of(&self, token: usize) -> Option<usize> {
        let index = self.blocks.partition_point(|b| b.tokens.end <= token);
        self.blocks
            .get(index)
            .filter(|b| b.tokens.contains(&token))
            .map(|_| index)
    }

    /// The tokens of the paragraph that holds `token`.
    pub fn paragraph_of(&self, token: usize) -> Range<usize> {
        let index = self.blocks.partition_point(|b| b.tokens.end <= token);
        self.blocks
            .get(index)
            .filter(|b| b.tokens.contains(&token))
            .map_or(token..token + 1, |b| b.tokens.clone())
    }
}

/// Whether two passages read the same: runs of white space (a line break, a double space)
/// count as one space, typographic quotes as plain ones — but a space where there was none
/// ("4, 000" for "4,000") or a letter gaining an accent is a change.
pub fn same_text(a: &str, b: &str) -> bool {
    let normalized = |text: &str| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .map(normalized_char)
            .collect()
    };
    normalized(a) == normalized(b)
}

/// Whether two headings are the same once white space and quotes are set aside.
pub fn same_heading(a: Option<&str>, b: Option<&str>) -> bool {
    heading_key(a) == heading_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize_section(text, 0, &mut tokens, &mut Vec::new());
        let chars: Vec<char> = text.chars().collect();
        tokens
            .iter()
            .map(|t| chars[t.chars()].iter().collect())
            .collect()
    }

    #[test]
    fn words_and_punctuation_are_tokens_and_white_space_is_not() {
        assert_eq!(
            words("It’s 4,000  people—\nsaid O'Brien."),
            [
                "It’s", "4", ",", "000", "people", "—", "said", "O'Brien", "."
            ]
        );
    }

    #[test]
    fn typographic_quotes_and_wrapping_do_not_change_keys() {
        assert_eq!(
            keys_from_text("“It’s   here,” she said."),
            keys_from_text("\"It's here,\"\nshe said.")
        );
        assert_ne!(keys_from_text("4,000"), keys_from_text("4,200"));
    }

    #[test]
    fn paragraphs_become_blocks_after_their_heading() {
        let sections = vec![
            Section::new(None, 0, &["One two.".into(), "Three.".into()]),
            Section::new(Some("Later".into()), 2, &["Four.".into()]),
        ];
        let tokenized = tokenized_from_sections(&sections);
        assert_eq!(tokenized.blocks.len(), 5);
        assert_eq!(tokenized.blocks[1].tokens, 0..3);
        assert!(tokenized.blocks[3].tokens.is_empty());
        assert_eq!(tokenized.section_tokens, vec![0..5, 5..7]);
        assert!(same_heading(Some("“Later”"), Some("\"Later\"")));
    }
}
