//! Why a labelled claim was not suggested, in words a person can act on: what held a rule back
//! (a hedge, a generic marker, an unnamed source), or the nearest signs the sentence has and
//! what each lacked ("a name but no verb of saying"), or that it has no sign at all.
//!
//! The reasons are found from outside the detector, so they stay true as its rules change:
//! a word whose removal makes the detector flag the sentence is what held it back; the signs
//! are the surface shapes the rules look for (names, verbs of saying, past forms, dates).

use crate::suggest::detect::{Assessment, Detector};
use crate::suggest::words::{
    IRREGULAR_PAST, MONTHS, NOT_PAST_ED, SPEECH_VERBS, Token, WEEKDAYS, tokens,
};

/// The reason the detector did not flag `sentence` as a factual claim.
pub fn reason_for_miss(detector: &Detector, sentence: &str, assessment: &Assessment) -> String {
    let mut reasons = Vec::new();
    // A sourcing or promotional signal is a suggestion, but not of a factual claim.
    for signal in assessment
        .signals
        .iter()
        .filter(|signal| !signal.kind.is_factual())
    {
        reasons.push(format!(
            "suggested only for its sourcing or tone, not as a claim: {}",
            signal.reason
        ));
    }
    let words = tokens(sentence);
    if let Some((word, assessment)) = word_holding_back(detector, sentence, &words) {
        reasons.push(format!(
            "held back by ‘{word}’ (without it: {})",
            assessment.reasons()
        ));
    } else if reasons.is_empty() {
        reasons.push(nearest_signs(&words));
    }
    reasons.join("; ")
}

/// The first word whose removal makes the detector flag the sentence, with what it then finds.
fn word_holding_back<'a>(
    detector: &Detector,
    sentence: &'a str,
    words: &[Token<'a>],
) -> Option<(&'a str, Assessment)> {
    words
        .iter()
        .filter(|token| token.is_word)
        .find_map(|token| {
            let without = format!(
                "{}{}",
                sentence[..token.start].trim_end(),
                &sentence[token.end()..]
            );
            let assessment = detector.assess(&without);
            assessment
                .is_factual_claim()
                .then_some((token.text, assessment))
        })
}

/// The surface signs the rules look for that the sentence has, and what each lacked.
fn nearest_signs(words: &[Token]) -> String {
    let name = words
        .iter()
        .enumerate()
        .find(|(index, token)| is_name_shaped(words, *index, token))
        .map(|(_, token)| token.text);
    let saying = first_text(words, |token| {
        !token.is_capitalized() && token.is_any(&SPEECH_VERBS)
    });
    let past = first_text(words, is_past_shaped);
    let date = first_text(words, |token| {
        token.is_any(&WEEKDAYS) || token.is_any(&MONTHS)
    });
    let number = first_text(words, |token| token.has_digit());
    let future = first_text(words, |token| token.is("will"));
    let signs: Vec<String> = match (name, saying, past) {
        (Some(name), Some(verb), _) => vec![format!(
            "a name (‘{name}’) and a verb of saying (‘{verb}’), not read as an attribution"
        )],
        (Some(name), None, Some(verb)) => vec![format!(
            "a name (‘{name}’) and a verb in the past (‘{verb}’), not read as an event"
        )],
        (Some(name), None, None) => vec![format!(
            "a name (‘{name}’) but no verb of saying or action in the past"
        )],
        (None, Some(verb), _) => vec![format!("a verb of saying (‘{verb}’) but no named speaker")],
        (None, None, Some(verb)) if date.is_none() => vec![format!(
            "a verb in the past (‘{verb}’) but no named actor, date or figure"
        )],
        _ => Vec::new(),
    };
    let mut signs = signs;
    if let Some(date) = date {
        signs.push(format!(
            "a day or month (‘{date}’), not read as an event's date"
        ));
    }
    if let Some(number) = number {
        signs.push(format!("a number (‘{number}’), not read as a figure"));
    }
    if let Some(future) = future.filter(|_| signs.is_empty()) {
        signs.push(format!(
            "speaks of the future (‘{future}’) with no named actor, date or figure"
        ));
    }
    if signs.is_empty() {
        "no signal: no figure, name, date, verb of saying or action in the past".to_owned()
    } else {
        signs.join("; ")
    }
}

fn first_text<'a>(words: &[Token<'a>], matches: impl Fn(&Token) -> bool) -> Option<&'a str> {
    words
        .iter()
        .find(|token| token.is_word && matches(token))
        .map(|token| token.text)
}

/// A capitalised word that is not capitalised only because it opens the sentence or a quote.
fn is_name_shaped(words: &[Token], index: usize, token: &Token) -> bool {
    const OPENERS: [&str; 8] = ["“", "\"", "‘", "'", ":", "—", "(", "–"];
    token.is_word
        && !token.has_digit()
        && token.is_capitalized()
        && index > 0
        && words
            .get(index - 1)
            .is_some_and(|before| !OPENERS.contains(&before.text))
        && !token.is("I")
        && !token.is_any(&WEEKDAYS)
        && !token.is_any(&MONTHS)
}

fn is_past_shaped(token: &Token) -> bool {
    !token.is_capitalized()
        && (token.is_any(&IRREGULAR_PAST)
            || token.lower.ends_with("ed")
                && token.lower.chars().count() > 4
                && !token.is_any(&NOT_PAST_ED))
}
