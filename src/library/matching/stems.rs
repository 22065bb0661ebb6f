//! Content words made comparable: the words that say nothing a claim is about left out, and
//! the rest lightly stemmed. Shared by `keys` (a sentence's words) and `figures` (the noun a
//! figure counts).

use crate::suggest::words::{
    AUXILIARIES, ENGLISH_FUNCTION_WORDS, FIGURE_QUALIFIERS, SENTENCE_OPENERS, Words as _,
};

/// Words that say nothing a claim is about: function words, auxiliaries, the qualifiers of
/// figures, and reporting words every news sentence has.
pub(super) fn is_stop_word(lower: &str) -> bool {
    const MORE: [&str; 28] = [
        "a", "in", "on", "as", "is", "are", "be", "being", "do", "does", "did", "also", "said",
        "say", "says", "told", "than", "into", "per", "cent", "percent", "mr", "ms", "mrs", "s",
        "so", "were", "which",
    ];
    ENGLISH_FUNCTION_WORDS.has(lower)
        || SENTENCE_OPENERS.has(lower)
        || AUXILIARIES.has(lower)
        || FIGURE_QUALIFIERS.has(lower)
        || MORE.has(lower)
}

/// A light stem: plural and past endings and "-ing" off, a final "e" off, so "moves",
/// "moved", "moving" and "move" are one word. Not a full stemmer: two different words may
/// rarely share a stem, which only makes wording look a little closer.
pub(super) fn stem(word: impl AsRef<str>) -> String {
    let word = word.as_ref();
    let mut stem = word;
    let length = word.chars().count();
    if length > 4 {
        if let Some(base) = word.strip_suffix("ies") {
            return format!("{base}y");
        }
        for suffix in ["ing", "ed", "es", "s"] {
            if let Some(base) = word.strip_suffix(suffix)
                && base.chars().count() >= 3
                && !(suffix == "s" && (base.ends_with('s') || base.ends_with('u')))
            {
                stem = base;
                break;
            }
        }
    } else if length > 3
        && let Some(base) = word.strip_suffix('s')
        && !base.ends_with('s')
    {
        stem = base;
    }
    // "stopped" → "stopp" → "stop".
    let bytes = stem.as_bytes();
    if stem.len() > 3
        && stem.len() < word.len()
        && bytes[stem.len() - 1] == bytes[stem.len() - 2]
        && !matches!(bytes[stem.len() - 1], b'l' | b's' | b'z')
    {
        stem = &stem[..stem.len() - 1];
    }
    stem.strip_suffix('e')
        .filter(|base| base.chars().count() >= 3)
        .unwrap_or(stem)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_come_off() {
        for (word, expected) in [
            ("crossed", "cross"),
            ("crossing", "cross"),
            ("crosses", "cross"),
            ("fighters", "fighter"),
            ("moved", "mov"),
            ("move", "mov"),
            ("stopped", "stop"),
            ("countries", "country"),
            ("gas", "gas"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
