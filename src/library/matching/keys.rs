//! What matching compares in a sentence, worked out once per library claim and once per
//! sentence matched: its figures and dates (`figures`), the people, places and organisations
//! it names, whether it denies what it says, and its content words, lower-cased and lightly
//! stemmed so "crossed", "crossing" and "crosses" are one word.

use super::figures::{Date, Figure, figures_and_dates};
use std::borrow::Cow;

use super::stems::{is_stop_word, stem, stem_of};
use crate::suggest::Detector;
use crate::suggest::words::{
    AUXILIARIES, IRREGULAR_PAST, NOT_PAST_ED, REPORTING_VERBS, SCALE_WORDS, SENTENCE_OPENERS,
    SPEECH_VERBS, SPELLED_NUMBERS, Token, Words as _, tokens,
};

/// A person, place or organisation a sentence names, as its lower-case words ("islamic
/// state") and as written ("Islamic State").
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Actor {
    pub words: Vec<String>,
    pub text: String,
    /// Its words' stems, as the matcher's word ids (`None` for a word the library lacks):
    /// a name the other sentence writes where it is not known as one (at its start) is still
    /// found among its words.
    pub word_ids: Vec<Option<u32>>,
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
    /// Content words, stemmed, each once; who said it ("…, officials said") left out: the
    /// claim is the same whoever repeats it.
    pub words: Vec<String>,
    /// The stems of the verbs in the past that tell what happened ("crossed", "captured"),
    /// reporting verbs left out: the same actors and figures with another such verb are
    /// another event.
    pub events: Vec<String>,
    /// `events` as the matcher's word ids (`None` for a word the library lacks), which
    /// `number_words` moves them to.
    pub event_ids: Vec<Option<u32>>,
    /// Whether the sentence says something did not happen or is not so: "did not cross" and
    /// "crossed" are opposite claims, never the same one.
    pub negated: bool,
}

impl Keys {
    /// Gives the actors' words and the event verbs their word ids: `id_of` takes a stem.
    pub fn number_words(&mut self, id_of: impl Fn(&str) -> Option<u32>) {
        self.event_ids = std::mem::take(&mut self.events)
            .iter()
            .map(|event| id_of(event))
            .collect();
        for actor in &mut self.actors {
            actor.word_ids = actor.words.iter().map(|word| id_of(&stem(word))).collect();
        }
    }

    pub fn of(sentence: &str, names: &Detector) -> Self {
        let tokens = tokens(sentence);
        let mut keys = Self::without_words(sentence, &tokens, names);
        keys.words = content_words(&tokens)
            .into_iter()
            .map(Cow::into_owned)
            .collect();
        keys
    }

    /// All keys but the content words: a sentence matched works these out only once its
    /// words found it a candidate, which most sentences of a draft never have.
    pub fn without_words(sentence: &str, tokens: &[Token], names: &Detector) -> Self {
        let (figures, dates) = figures_and_dates(sentence, tokens);
        let claimed_tokens = &tokens[claim_range(tokens)];
        let mut events: Vec<String> = claimed_tokens
            .iter()
            .filter(|token| is_event_verb(token))
            .map(|token| stem(&token.lower))
            .collect();
        events.sort_unstable();
        events.dedup();
        let actors = actors_of(sentence, tokens, names);
        Self {
            figures,
            dates,
            actors,
            words: Vec::new(),
            events,
            event_ids: Vec::new(),
            negated: tokens.iter().any(is_negation),
        }
    }
}

/// The content words of a sentence's tokens, stemmed, sorted, each once; borrowed from the
/// tokens where they can be, so a sentence matched allocates no string per word.
pub(super) fn content_words<'t>(tokens: &'t [Token]) -> Vec<Cow<'t, str>> {
    let mut words: Vec<Cow<'t, str>> = tokens[claim_range(tokens)]
        .iter()
        .filter(|token| token.is_word && !token.has_digit())
        .map(|token| without_possessive(&token.lower))
        .filter(|lower| lower.chars().count() > 1 && !is_stop_word(lower) && !is_number_word(lower))
        .map(stem_of)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The tokens that make the claim: all but who said it, closing (", officials in Baghdad
/// said.", ", officials said on Tuesday.", ", according to the agency.") or opening ("According to UNICEF, ", "The agency
/// said"): the claim is the same whoever repeats it, and actors are compared on their own.
fn claim_range(tokens: &[Token]) -> std::ops::Range<usize> {
    let mut range = 0..tokens.len();
    if tokens.first().is_some_and(|token| token.is("according"))
        && let Some(comma) = tokens.iter().position(|token| token.text == ",")
        && comma < 10
    {
        range.start = comma + 1;
    } else if let Some(verb) = tokens
        .iter()
        .take(8)
        .position(|token| token.is_any(&REPORTING_VERBS))
        && verb > 0
        && !tokens[..verb]
            .iter()
            .any(|token| token.has_digit() || !token.is_word)
    {
        range.start = verb + 1;
        if tokens
            .get(range.start)
            .is_some_and(|token| token.is("that"))
        {
            range.start += 1;
        }
    }
    let Some(last_word) = tokens.iter().rposition(|token| token.is_word) else {
        return range;
    };
    let Some(comma) = tokens[..last_word]
        .iter()
        .rposition(|token| token.text == ",")
    else {
        return range;
    };
    let clause = &tokens[comma + 1..=last_word];
    // The verb may be followed by when or how it was said: ", officials said on Tuesday."
    let attributes = clause.len() <= 8
        && (clause.iter().any(|token| token.is_any(&REPORTING_VERBS))
            || clause.first().is_some_and(|token| token.is("according")))
        && !clause.iter().any(|token| token.has_digit());
    if attributes && comma > range.start {
        range.end = comma;
    }
    range
}

/// Words of figures ("two", "million", "half", "third"): figures are compared as figures,
/// so "half" and "a third" differ as figures, not as wording.
fn is_number_word(lower: &str) -> bool {
    SPELLED_NUMBERS.has(lower)
        || SCALE_WORDS.has(lower)
        || matches!(lower, "third" | "thirds" | "quarter" | "quarters")
}

/// A verb in the past that tells an event: "destroyed", "fell", not "said" or "reported".
fn is_event_verb(token: &Token) -> bool {
    token.is_word
        && !token.is_capitalized()
        && !token.is_any(&SPEECH_VERBS)
        && !token.is_any(&REPORTING_VERBS)
        && !token.is_any(&AUXILIARIES)
        && (token.is_any(&IRREGULAR_PAST)
            || token.lower.ends_with("ed")
                && token.lower.chars().count() > 4
                && !token.is_any(&NOT_PAST_ED)
                && !token.lower.ends_with("eed"))
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
            actors.push(Actor {
                words,
                text,
                word_ids: Vec::new(),
            });
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
fn without_possessive(lower: &str) -> &str {
    lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .unwrap_or(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(keys.figures[0].nouns, ["fighter"]);
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
        assert_eq!(keys.figures[2].nouns, ["saver"]);
    }
}
