//! The headline on a plain-text draft's first line: the article's title, as `#` is in
//! Markdown. A headline is shaped like a heading but may be longer and may ask or exclaim;
//! what it must not be is the first line of a paragraph the wrapping broke.

use super::{ends_sentence, is_byline, is_cut_off, last_mark, starts_list_item};

/// Newspaper headlines run longer than section headings ("Council approves the new harbour
/// ferry route to the island after two years of debate in the city hall").
const MAX_TITLE_WORDS: usize = 20;
const MAX_TITLE_CHARS: usize = 150;

/// A line shaped like a headline: a heading's shape, but a question or an exclamation is
/// still a headline, and it may be longer. A full stop makes it a sentence.
pub(super) fn looks_like_title(line: &str) -> bool {
    let line = line.trim();
    let Some(first) = line.chars().next() else {
        return false;
    };
    let asks_or_exclaims = matches!(last_mark(line), Some('?' | '!' | '？' | '！' | '؟'));
    let closes = !asks_or_exclaims && super::ends_with_closing_punctuation(line);
    line.chars().count() <= MAX_TITLE_CHARS
        && line.split_whitespace().count() <= MAX_TITLE_WORDS
        && !closes
        && !first.is_lowercase()
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !starts_list_item(line)
        && !is_byline(line)
        && !is_cut_off(line)
}

/// In hard-wrapped text, whether the line break after the line at `index` is the writer's
/// rather than the wrapping's: the line is in title case, as prose never is, or the next
/// line's first word would have fitted on it, where a greedy wrap would have put it.
pub(super) fn broken_by_the_writer(lines: &[&str], index: usize) -> bool {
    let Some(next) = lines.get(index + 1) else {
        return true;
    };
    if is_title_case(lines[index]) {
        return true;
    }
    let next_word = next.split_whitespace().next().unwrap_or("");
    lines[index].trim().chars().count() + 1 + next_word.chars().count()
        <= widest_wrapped_line(lines, index)
}

/// The longest line broken by the wrapping (followed by more of its paragraph, mid-sentence),
/// leaving out the line being judged.
fn widest_wrapped_line(lines: &[&str], except: usize) -> usize {
    lines
        .iter()
        .enumerate()
        .filter(|&(index, line)| {
            index != except
                && !line.trim().is_empty()
                && !ends_sentence(line.trim())
                && lines
                    .get(index + 1)
                    .is_some_and(|next| !next.trim().is_empty())
        })
        .map(|(_, line)| line.trim().chars().count())
        .max()
        .unwrap_or(0)
}

/// Words of four letters or more start with a capital, as in "Harbour Council Approves a New
/// Ferry Route to the Island" (short words, "a", "to", "the", may not); at least three of
/// them, so a short line of names is not taken for one.
fn is_title_case(line: &str) -> bool {
    let long_words: Vec<&str> = line
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|word| {
            word.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    long_words.len() >= 3 && capitalised == long_words.len()
}
