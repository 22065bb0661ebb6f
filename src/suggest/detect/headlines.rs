//! Headlines and datelines: lines of an article that announce a story or say where and when it
//! was filed, not claims to check, so the detector passes over them.

use crate::suggest::words::Token;

/// "RIVERTON, Ore., Feb. 12" or "LONDON (Reuters) —": where and when, not what.
pub(super) fn is_dateline(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|token| token.is_word).count();
    tokens.first().is_some_and(|first| {
        first.is_acronym() && first.text.chars().count() >= 3 && !first.text.contains('.')
    }) && tokens
        .get(1)
        .is_some_and(|second| matches!(second.text, "," | "(" | "—" | "–"))
        && words <= 8
        && !tokens
            .last()
            .is_some_and(|last| last.text == "." && words > 6)
}

pub(super) fn is_title_case(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|token| token.is_word && token.text.len() > 3)
        .collect();
    let ends_like_a_sentence = tokens
        .last()
        .is_some_and(|token| matches!(token.text, "." | "?" | "!" | "”" | "\""));
    words.len() >= 3
        && !ends_like_a_sentence
        && words.iter().filter(|token| token.is_capitalized()).count() * 10 >= words.len() * 8
}
