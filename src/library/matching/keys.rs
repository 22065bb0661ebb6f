//! What matching compares in a sentence, worked out once per library claim and once per
//! sentence matched: its figures and dates (`figures`), the people, places and organisations
//! it names, whether it denies what it says, and its content words, lower-cased and lightly
//! stemmed so "crossed", "crossing" and "crosses" are one word.

use super::figures::{Date, Figure, figures_and_dates};
use crate::suggest::Detector;
use crate::suggest::words::{
    AUXILIARIES, ENGLISH_FUNCTION_WORDS, FIGURE_QUALIFIERS, SENTENCE_OPENERS, Token, Words as _,
    tokens,
};

/// A person, place or organisation a sentence names, as its lower-case words ("islamic
/// state") and as written ("Islamic State").
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Actor {
    pub words: Vec<String>,
    pub text: String,
}

impl Actor {
    /// "Ortiz" is "Mayor Lisa Ortiz": one names the other when all its words are in it.
    pub fn names_the_same_as(&self, other: &Actor) -> bool {
        let (short, long) = if self.words.len() <= other.words.len() {
            (self, other)
        } else {
            (other, self)
        };
        short.words.iter().all(|word| long.words.contains(word))
    }
}

/// The keys of one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Keys {
    pub figures: Vec<Figure>,
    pub dates: Vec<Date>,
    pub actors: Vec<Actor>,
    /// Content words, stemmed, each once.
    pub words: Vec<String>,
    /// Whether the sentence says something did not happen or is not so: "did not cross" and
    /// "crossed" are opposite claims, never the same one.
    pub negated: bool,
}

impl Keys {
    pub fn of(sentence: &str, names: &Detector) -> Self {
        let tokens = tokens(sentence);
        let (figures, dates) = figures_and_dates(sentence, &tokens);
        let mut words: Vec<String> = tokens
            .iter()
            .filter(|token| token.is_word && !token.has_digit())
            .map(|token| without_possessive(&token.lower))
            .filter(|lower| lower.chars().count() > 1 && !is_stop_word(lower))
            .map(stem)
            .collect();
        words.sort_unstable();
        words.dedup();
        Self {
            figures,
            dates,
            actors: actors_of(sentence, &tokens, names),
            words,
            negated: tokens.iter().any(is_negation),
        }
    }
}

/// Runs of names: "Islamic State", "UNICEF", "Mayor Lisa Ortiz".
fn actors_of(sentence: &str, tokens: &[Token], names: &Detector) -> Vec<Actor> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !is_actor_word(sentence, tokens, index, names) {
            index += 1;
            continue;
        }
        let from = index;
        while index + 1 < tokens.len() && is_actor_word(sentence, tokens, index + 1, names) {
            index += 1;
        }
        let words: Vec<String> = tokens[from..=index]
            .iter()
            .map(|token| without_possessive(&token.lower).replace('.', ""))
            .collect();
        let written = &sentence[tokens[from].start..tokens[index].end()];
        let text = written
            .strip_suffix("’s")
            .or_else(|| written.strip_suffix("'s"))
            .unwrap_or(written)
            .to_owned();
        if !actors.iter().any(|actor| actor.words == words) {
            actors.push(Actor { words, text });
        }
        index += 1;
    }
    actors
}

fn is_actor_word(sentence: &str, tokens: &[Token], index: usize, names: &Detector) -> bool {
    let token = &tokens[index];
    token.is_word
        && !token.has_digit()
        && !token.is_any(&SENTENCE_OPENERS)
        && names.is_name_in(sentence, tokens, index)
}

fn is_negation(token: &Token) -> bool {
    token.is_any(&["not", "no", "never", "neither", "nor", "nobody", "none"])
        || token.lower.ends_with("n't")
        || token.lower.ends_with("n’t")
}

/// "Iraq’s" is "Iraq".
fn without_possessive(lower: &str) -> String {
    lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .unwrap_or(lower)
        .to_owned()
}

/// Words that say nothing a claim is about: function words, auxiliaries, the qualifiers of
/// figures, and reporting words every news sentence has.
pub(super) fn is_stop_word(lower: &str) -> bool {
    const MORE: [&str; 28] = [
        "a", "in", "on", "as", "is", "are", "be", "being", "do", "does", "did", "also", "said",
        "say", "says", "told", "than", "into", "per", "cent", "percent", "mr", "ms", "mrs",
        "s", "so", "were", "which",
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

    #[test]
    fn figures_dates_actors_and_words() {
        let names = Detector::from_sentences([
            "Officials said that Islamic State fighters crossed from Syria into Iraq.",
        ]);
        let keys = Keys::of(
            "In March 2015, more than 4,000 Islamic State fighters crossed from Syria into Iraq, the UN said.",
            &names,
        );
        assert_eq!(keys.figures.len(), 1);
        assert_eq!(keys.figures[0].value, 4000.0);
        assert_eq!(keys.figures[0].text, "more than 4,000");
        assert_eq!(keys.figures[0].noun.as_deref(), Some("fighter"));
        assert_eq!(keys.dates.len(), 1);
        assert_eq!(keys.dates[0].year, Some(2015));
        assert_eq!(keys.dates[0].month, Some(3));
        let actors: Vec<&str> = keys.actors.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(actors, ["Islamic State", "Syria", "Iraq", "UN"]);
        assert!(keys.words.contains(&"fighter".to_owned()));
        assert!(!keys.words.contains(&"the".to_owned()));
        assert!(!keys.negated);
    }

    #[test]
    fn scales_and_shares_are_normalised() {
        let names = Detector::default();
        let keys = Keys::of(
            "The fund lost $1.2 billion, 12.5 per cent of its value, and 3 million savers.",
            &names,
        );
        let values: Vec<f64> = keys.figures.iter().map(|f| f.value).collect();
        assert_eq!(values, [1.2e9, 12.5, 3e6]);
        assert_eq!(keys.figures[2].noun.as_deref(), Some("saver"));
    }
}
