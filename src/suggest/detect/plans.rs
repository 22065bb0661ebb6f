//! Plans and schedules: an action put in the future as a decision or a timetable ("Yahoo will
//! sell the stock to Verizon", "the president lands in Kenya later on Friday", "the bank is
//! expected to raise rates on Wednesday"), told from a guess ("could", "is likely to").
//!
//! A future is checkable when someone in particular is to act or a day is set: a fact-checker
//! can confirm the plan, the order or the timetable. Without either it is a forecast.

use super::{Reading, Signal};
use crate::model::CheckKind;
use crate::suggest::words::{FUTURE_MARKERS, INTENT_VERBS, SCHEDULING_WORDS};

impl Reading<'_> {
    /// "will sell", "shall become", "is scheduled to open", "plans to sign" — with the named
    /// actor or the day that makes it checkable. The caller has made sure nothing hedges it.
    pub(super) fn plan(&self) -> Option<Signal> {
        let tokens = self.tokens;
        let (marker, scheduled) = tokens.iter().enumerate().find_map(|(index, token)| {
            if token.is_any(&FUTURE_MARKERS) {
                return Some((index, false));
            }
            let to_follows = tokens.get(index + 1).is_some_and(|next| next.is("to"));
            (token.is_any(&SCHEDULING_WORDS) && to_follows).then_some((index, true))
        })?;
        // The action: the first word after the marker that is not "not", "still", an adverb
        // or "to"; "will seek" and "will try" state an intent, not an action.
        let verb = (marker + 1..tokens.len()).find(|&index| {
            let token = &tokens[index];
            token.is_word
                && !token.is_any(&["not", "to", "still", "then", "also", "now", "soon", "be"])
                && !token.lower.ends_with("ly")
        })?;
        if tokens[verb].is_any(&INTENT_VERBS) || tokens[verb].is_capitalized() {
            return None;
        }
        let phrase = self.quote(marker, verb);
        if let Some(date) = self.date() {
            return Some(Signal {
                kind: CheckKind::Event,
                reason: format!("scheduled event: ‘{phrase}’ {date}"),
                weight: 0.75,
            });
        }
        // An expectation needs its day; a decision ("will", "plans to") needs its actor.
        if tokens[marker].is_any(&["expected", "poised"]) {
            return None;
        }
        // Who is to act, or to whom: named before the future ("Yahoo will sell") or in its
        // own clause after it ("will stay with Yahoo"), not in a clause of its own ("the world
        // will watch as authorities in Iraq …").
        let own_clause_ends = (marker..tokens.len())
            .find(|&index| {
                tokens[index].text == ","
                    || tokens[index].is_any(&[
                        "as", "while", "when", "because", "that", "who", "which", "where",
                        "although", "though",
                    ])
            })
            .unwrap_or(tokens.len());
        let actor = (0..own_clause_ends).find(|&index| self.is_name(index))?;
        let actor = self.source_phrase(actor);
        Some(Signal {
            kind: CheckKind::Event,
            reason: if scheduled {
                format!("scheduled for ‘{actor}’: ‘{phrase}’")
            } else {
                format!("says what ‘{actor}’ will do: ‘{phrase}’")
            },
            weight: 0.65,
        })
    }
}
