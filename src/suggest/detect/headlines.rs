//! Headlines, datelines and credit lines: lines of an article that announce a story, say where
//! and when it was filed or who reported it, or that a party has not commented — newsroom
//! boilerplate, not claims to check, so the detector passes over them.

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

/// "Abigail Williams and Beomsu Jo contributed.", "Jane Roe contributed to this report.",
/// "Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.": reporters credited,
/// told by the verb and what follows it, never by who they are.
pub(super) fn is_credit_line(tokens: &[Token]) -> bool {
    const REPORT_WORDS: &[&str] = &[
        "to",
        "this",
        "the",
        "report",
        "reporting",
        "story",
        "article",
        "research",
        ".",
    ];
    let Some(verb) = tokens
        .iter()
        .position(|token| token.is_any(&["contributed", "reported"]))
    else {
        return false;
    };
    // Before the verb, only names and where they were: capitalised words, "and", "in",
    // commas ("Aerospace Writer Marcia Dunn in Cape Canaveral, Florida, contributed").
    let credited = verb > 0
        && tokens[..verb].iter().all(|token| {
            token.is_capitalized() || token.is_any(&["and", "in"]) || token.text == ","
        });
    let after = &tokens[verb + 1..];
    let nothing_but_the_report = after.iter().all(|token| token.is_any(REPORT_WORDS));
    let from_places = after.first().is_some_and(|next| next.is("from"))
        && !after.iter().any(Token::has_digit)
        && after.len() <= 16;
    credited
        && if tokens[verb].is("contributed") {
            nothing_but_the_report
        } else {
            from_places
        }
}

/// "Yoon’s office has not commented on the allegations.", "The company did not respond to a
/// request for comment.", "He declined to comment.": a party's silence, not a claim.
pub(super) fn is_comment_status(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|token| token.is_word).count();
    let about_comment = tokens.iter().enumerate().any(|(index, token)| {
        let commenting = token.lower.starts_with("comment") || token.lower.starts_with("respond");
        let refused = tokens[index.saturating_sub(3)..index]
            .iter()
            .any(|earlier| {
                earlier.is_any(&["not", "declined", "refused", "no"])
                    || earlier.lower.ends_with("n't")
            });
        commenting && refused
    });
    about_comment && words <= 16 && !tokens.iter().any(Token::has_digit)
}
