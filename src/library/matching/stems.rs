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

/// A word as matching compares it: lightly stemmed (`light_stem`), and a word news writers
/// use for another in a rewrite ("transferred" for "moved", "rose" for "increased") taken as
/// that word, so a reworded claim still agrees on what happened.
pub(super) fn stem(word: impl AsRef<str>) -> String {
    stem_of(word.as_ref()).into_owned()
}

/// [`stem`] borrowed where it can be (from the word or the synonyms): a sentence matched
/// looks its words up without owning them.
pub(super) fn stem_of(word: &str) -> std::borrow::Cow<'_, str> {
    let light = light_stem(word);
    match SYNONYMS.get(light.as_ref()) {
        Some(synonym) => std::borrow::Cow::Borrowed(synonym.as_str()),
        None => light,
    }
}

/// Words a rewrite of a news sentence puts for one another, a group per line: each is taken
/// as the group's first. Only verbs of what happened and a few nouns, never words whose
/// meanings differ in a way a fact-checker would care about ("rose" and "raised" stay apart).
const SYNONYM_GROUPS: &[&[&str]] = &[
    &[
        "move",
        "moved",
        "transfer",
        "transferred",
        "relocate",
        "relocated",
        "send",
        "sent",
        "shift",
        "shifted",
        "transport",
        "transported",
        "deport",
        "deported",
    ],
    &["cross", "crossed", "enter", "entered"],
    &[
        "increase",
        "increased",
        "rise",
        "rose",
        "risen",
        "grow",
        "grew",
        "grown",
        "climb",
        "climbed",
        "jump",
        "jumped",
        "soar",
        "soared",
        "surge",
        "surged",
    ],
    &[
        "decrease",
        "decreased",
        "fall",
        "fell",
        "fallen",
        "drop",
        "dropped",
        "decline",
        "declined",
        "shrink",
        "shrank",
        "slump",
        "slumped",
        "plunge",
        "plunged",
    ],
    &["raise", "raised", "lift", "lifted", "hike", "hiked"],
    &[
        "approve", "approved", "pass", "passed", "endorse", "endorsed",
    ],
    &["reach", "reached", "hit"],
    &["release", "released", "free", "freed"],
    &[
        "capture", "captured", "seize", "seized", "take", "took", "taken",
    ],
    &[
        "buy",
        "bought",
        "acquire",
        "acquired",
        "purchase",
        "purchased",
    ],
    &["cut", "reduce", "reduced", "slash", "slashed"],
    &["build", "built", "construct", "constructed"],
    &["win", "won"],
    &["lose", "lost"],
    &["spend", "spent"],
    &["prison", "prisons", "jail", "jails", "detention"],
];

static SYNONYMS: std::sync::LazyLock<std::collections::HashMap<String, String>> =
    std::sync::LazyLock::new(|| {
        let mut synonyms = std::collections::HashMap::new();
        for group in SYNONYM_GROUPS {
            let Some(first) = group.first() else {
                continue;
            };
            let canonical = light_stem(first).into_owned();
            for word in *group {
                synonyms.insert(light_stem(word).into_owned(), canonical.clone());
            }
        }
        synonyms
    });

/// A light stem: plural and past endings and "-ing" off, a final "e" off, so "moves",
/// "moved", "moving" and "move" are one word. Not a full stemmer: two different words may
/// rarely share a stem, which only makes wording look a little closer.
fn light_stem(word: &str) -> std::borrow::Cow<'_, str> {
    let mut stem = word;
    let length = word.chars().count();
    if length > 4 {
        if let Some(base) = word.strip_suffix("ies") {
            return format!("{base}y").into();
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
        .into()
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
            assert_eq!(light_stem(word), expected, "{word}");
        }
    }

    #[test]
    fn a_rewrite_s_word_for_the_same_event_is_the_same_word() {
        assert_eq!(stem("transferred"), stem("moved"));
        assert_eq!(stem("sent"), stem("moves"));
        assert_eq!(stem("rose"), stem("increased"));
        assert_eq!(stem("prisons"), stem("detention"));
        assert_ne!(
            stem("detainees"),
            stem("arrested"),
            "the people held are no verb"
        );
        assert_ne!(stem("rose"), stem("raised"), "rising and raising differ");
        assert_ne!(stem("fell"), stem("rose"));
        assert_eq!(
            stem("fighters"),
            "fighter",
            "words in no group are only stemmed"
        );
    }
}
