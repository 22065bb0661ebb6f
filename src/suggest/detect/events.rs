//! Events: an action reported as done — on a date, by a named actor, or plainly described — and
//! not an interpretation or an opinion dressed as one.

use super::{Reading, Signal};
use crate::model::CheckKind;
use crate::suggest::words::{
    AUXILIARIES, EVALUATIVE, INTERPRETIVE_VERBS, MONTHS, NON_EVENT_VERBS, SPEECH_VERBS, Token,
    WEEKDAYS, Words,
};

impl Reading<'_> {
    /// The first past-tense action in the main clause: "has established", "worked",
    /// "was assessed", "included".
    fn action(&self) -> Option<usize> {
        const NOT_SUBJECT_BEFORE_VERB: &[&str] = &[
            "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my",
            "your", "of", "in", "on", "at", "for", "with", "by", "from", "to", "into", "as",
            "than", "more", "most", "very", "newly", "well", "highly", "fully", "and", "or",
            "being", "is", "are", "be",
        ];
        let tokens = self.tokens;
        (1..tokens.len()).find(|&index| {
            if !self.is_past_form(index)
                || tokens[index].is_any(&NON_EVENT_VERBS)
                || tokens[index].is_any(&SPEECH_VERBS)
            {
                return false;
            }
            let mut before = index - 1;
            while before > 0
                && (tokens[before].lower.ends_with("ly")
                    || tokens[before].is_any(&["also", "not", "never", "already", "just"]))
            {
                before -= 1;
            }
            // "Smith, the club's captain, resigned": the subject is before the apposition.
            if tokens[before].text == "," {
                let opening = (before.saturating_sub(12)..before).rev().find(|&comma| {
                    tokens[comma].text == ","
                        && comma > 0
                        && tokens[comma - 1].is_word
                        && !(comma + 1..before).any(|between| self.is_past_form(between))
                });
                match opening {
                    Some(comma) => before = comma - 1,
                    None => return false,
                }
            }
            let previous = &tokens[before];
            // "the threat posed by …" is a reduced relative clause, not the main verb.
            let reduced_relative = tokens.get(index + 1).is_some_and(|next| next.is("by"));
            previous.is_any(&AUXILIARIES)
                || (previous.is_word
                    && !previous.is_any(NOT_SUBJECT_BEFORE_VERB)
                    && !reduced_relative)
                || (previous.is("this") || previous.is("that")) && before == 0
        })
    }

    pub(super) fn event(&self) -> Option<Signal> {
        let verb = self.action()?;
        let tokens = self.tokens;
        let mut verb_from = verb;
        while verb_from > 0 && tokens[verb_from - 1].is_any(&AUXILIARIES) {
            verb_from -= 1;
        }
        let verb_phrase = self.quote(verb_from, verb);
        let passive = tokens[verb_from..verb]
            .iter()
            .any(|token| token.is_any(&["was", "were", "been"]));
        if let Some(date) = self.date() {
            return Some(Signal {
                kind: CheckKind::Event,
                reason: format!("reports a dated event: ‘{verb_phrase}’ {date}"),
                weight: 0.8,
            });
        }
        if let Some(actor) = (0..verb_from).find(|&index| self.is_name(index)) {
            let actor = quoted(&self.source_phrase(actor));
            return Some(Signal {
                kind: CheckKind::Event,
                reason: if passive {
                    format!("reports an action: ‘{verb_phrase}’")
                } else {
                    format!("reports what {actor} did: ‘{verb_phrase}’")
                },
                weight: 0.75,
            });
        }
        // One evaluative word ("a major fire") does not make a report an opinion; an
        // interpretive verb or several evaluative words do.
        let evaluative = tokens
            .iter()
            .filter(|token| token.is_any(&EVALUATIVE))
            .count();
        let interpretive = tokens.iter().any(|token| token.is_any(&INTERPRETIVE_VERBS));
        (evaluative < 2 && !interpretive).then(|| Signal {
            kind: CheckKind::Event,
            reason: format!("describes what was done: ‘{verb_phrase}’"),
            weight: 0.55,
        })
    }

    /// "on Monday", "last week", "in 2019", "Jan. 5".
    pub(super) fn date(&self) -> Option<String> {
        let tokens = self.tokens;
        tokens.iter().enumerate().find_map(|(index, token)| {
            let previous = index.checked_sub(1).map(|before| &tokens[before]);
            if is_any_possessive(token, &WEEKDAYS)
                || token.is_any(&["tomorrow", "tonight"])
                || (token.is_any(&MONTHS)
                    && token.is_capitalized()
                    && tokens
                        .get(index + 1)
                        .is_some_and(|next| next.has_digit() || next.text == ".")
                    || token.is_any(&MONTHS) && token.lower.len() > 3 && token.is_capitalized())
            {
                let from =
                    if previous.is_some_and(|p| p.is_any(&["on", "in", "last", "since", "by"])) {
                        index - 1
                    } else {
                        index
                    };
                return Some(self.quote(from, index));
            }
            if token.is_any(&["week", "month", "year", "weekend", "night"])
                && previous.is_some_and(|p| p.is_any(&["last", "this", "past", "next"]))
            {
                return Some(self.quote(index - 1, index));
            }
            if token.has_digit()
                && token.text.len() == 4
                && token
                    .text
                    .parse::<u32>()
                    .is_ok_and(|year| (1800..=2100).contains(&year))
                && previous.is_some_and(|p| p.is_any(&["in", "since", "by", "during"]))
            {
                return Some(self.quote(index - 1, index));
            }
            None
        })
    }
}

fn quoted(text: &str) -> String {
    format!("‘{text}’")
}

/// "Tuesday" or "Tuesday’s": the day is named either way.
pub(super) fn is_any_possessive(token: &Token, words: &(impl Words + ?Sized)) -> bool {
    let lower = token.lower.as_ref();
    let bare = lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .unwrap_or(lower);
    words.has(bare)
}
