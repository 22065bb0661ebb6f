//! The user's words as an FTS5 query that can never be a syntax error: each word quoted as an
//! FTS5 string, so `"`, `*`, `-`, `AND`, `NEAR(` or `column:` in what was typed are only
//! text to find, never query syntax.

/// The query finding claims with every word of `text` (a word with punctuation inside, like
/// "4,000", as the phrase its tokens make); `None` when `text` has no word to look for.
pub fn match_query_from_words(text: &str) -> Option<String> {
    let phrases: Vec<String> = text
        .split_whitespace()
        // A word of punctuation only has no token to find: quoted, it would be an empty
        // phrase, which finds nothing and would make the whole query find nothing.
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

#[cfg(test)]
mod tests {
    use super::match_query_from_words;

    #[test]
    fn every_word_is_a_quoted_string() {
        assert_eq!(
            match_query_from_words("more than 4,000").as_deref(),
            Some("\"more\" \"than\" \"4,000\"")
        );
        assert_eq!(
            match_query_from_words("say \"NOT\" AND * -x").as_deref(),
            Some("\"say\" \"\"\"NOT\"\"\" \"AND\" \"-x\"")
        );
        assert_eq!(match_query_from_words("  * - \" ( ) "), None);
        assert_eq!(match_query_from_words(""), None);
    }
}
