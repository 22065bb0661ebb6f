//! Why a sentence is worth checking: rules about the language of news, each with a reason a
//! person can read.
//!
//! The detector looks for the surface signs a fact-checker looks for: figures, superlatives and
//! measurable comparisons, statements attributed to a named source, actions reported as done
//! (by a named actor, on a date, or plainly described), and concrete causes. Hedges and modals
//! ("could", "is expected to") turn actions into speculation; a generic source ("experts note")
//! turns what follows into an unsourced evaluation, its own kind; promotional lines are marked to
//! be cut. Proper nouns are learned from the document itself: a word is a name when the text
//! capitalises it mid-sentence and never writes it in lower case.
//!
//! Each family of signs has its file: `figures` (and the page numbers of a table of contents,
//! passed over), `comparisons` (superlatives and measurable
//! comparisons), `sources` (named attributions and unnamed sources), `events` (actions, their
//! actors and dates), `plans` (futures and schedules with their actor or day), `causes`,
//! `promotion` (lines to cut) and `headlines` (headlines, datelines, credit lines and "has not
//! commented", passed over); `names` learns the document's proper nouns and tells a name in a
//! sentence; `neutral` finds figures and dates in digits, all that is looked for in a sentence
//! that is not English (`suggest::language`). This file weighs what they find into an
//! [`Assessment`].

mod causes;
mod comparisons;
mod events;
mod figures;
mod headlines;
mod names;
mod neutral;
mod plans;
mod promotion;
mod sources;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::model::CheckKind;
use crate::suggest::language::Language;
use crate::suggest::words::{
    FUTURE_MARKERS, FastHash, GENERIC_MARKERS, IRREGULAR_PAST, MODAL_HEDGES, NOT_PAST_ED,
    SCHEDULING_WORDS, Token, tokens,
};
use headlines::{is_comment_status, is_credit_line, is_dateline, is_title_case};
use promotion::promotional;

/// One reason a sentence was suggested.
#[derive(Clone, Debug, PartialEq)]
pub struct Signal {
    pub kind: CheckKind,
    pub reason: String,
    /// How strongly this signal alone makes the sentence check-worthy, 0–1.
    pub weight: f32,
}

/// What the detector makes of one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assessment {
    pub signals: Vec<Signal>,
}

impl Assessment {
    /// Whether the sentence is a check-worthy factual claim (any factual kind).
    pub fn is_factual_claim(&self) -> bool {
        self.signals.iter().any(|signal| signal.kind.is_factual())
    }

    pub fn kinds(&self) -> Vec<CheckKind> {
        self.signals.iter().map(|signal| signal.kind).collect()
    }

    /// Combined strength of the signals, 0–1: independent evidence adds up.
    pub fn score(&self) -> f32 {
        1.0 - self
            .signals
            .iter()
            .map(|signal| 1.0 - signal.weight)
            .product::<f32>()
    }

    pub fn reasons(&self) -> String {
        self.signals
            .iter()
            .map(|signal| signal.reason.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The detector, primed with the proper nouns of the document it reads.
#[derive(Clone, Debug, Default)]
pub struct Detector {
    proper_nouns: HashSet<String, FastHash>,
    /// Words the document writes in lower case: capitalised at the start of a sentence they
    /// are ordinary words ("Prices rose"), not names.
    common_words: HashSet<String, FastHash>,
}

impl Detector {
    /// Assesses a sentence read on its own: English rules unless it is not English by
    /// itself (see `suggest::language`).
    pub fn assess(&self, sentence: &str) -> Assessment {
        let tokens = tokens(sentence);
        self.assess_tokens(sentence, &tokens, Language::of_sentence(&tokens))
    }

    /// Assesses a sentence already split by [`tokens`], in the language found for it: a
    /// sentence that is not English gets only the signs that do not depend on English words.
    pub(crate) fn assess_tokens(
        &self,
        sentence: &str,
        tokens: &[Token],
        language: Language,
    ) -> Assessment {
        if tokens.iter().filter(|token| token.is_word).count() < 3 {
            return Assessment::default();
        }
        if !language.is_english() {
            return Assessment {
                signals: neutral::figure_or_date(sentence).into_iter().collect(),
            };
        }
        if let Some(reason) = promotional(sentence, tokens) {
            return Assessment {
                signals: vec![Signal {
                    kind: CheckKind::Promotional,
                    reason,
                    weight: 0.9,
                }],
            };
        }
        let reading = Reading {
            tokens,
            sentence,
            proper_nouns: &self.proper_nouns,
            common_words: &self.common_words,
        };
        if is_title_case(tokens)
            || is_dateline(tokens)
            || is_credit_line(tokens)
            || is_comment_status(tokens)
            || reading.is_table_of_contents()
        {
            return Assessment::default();
        }
        let mut signals = Vec::new();
        let unnamed = reading.unnamed_source();
        let named = reading.named_attribution();
        if let Some(figure) = reading.figure() {
            signals.push(Signal {
                kind: CheckKind::Figure,
                reason: format!("contains the figure ‘{figure}’"),
                weight: 0.9,
            });
        }
        let generic = tokens.iter().any(|token| token.is_any(&GENERIC_MARKERS));
        if let Some(ranking) = reading.comparison().filter(|_| !generic) {
            signals.push(Signal {
                kind: CheckKind::Comparison,
                reason: format!("ranks or compares: ‘{ranking}’"),
                weight: 0.8,
            });
        }
        if let Some(source) = &named {
            signals.push(Signal {
                kind: CheckKind::Attribution,
                reason: format!("attributes a statement to ‘{source}’"),
                weight: 0.8,
            });
        }
        // An evaluation put in the mouth of nobody in particular is a sourcing problem — unless
        // it comes with its day ("officials said Friday that …"), which makes it a report of an
        // event — and a hedged sentence speculates: neither reports an event to check.
        let sourced = unnamed.is_none() || named.is_some();
        let generic = generic || reading.speaks_of_the_past_in_general();
        if (sourced || reading.date().is_some()) && reading.hedge().is_none() && !generic {
            if let Some(event) = reading.event() {
                signals.push(event);
            }
            if let Some(cause) = reading.cause() {
                signals.push(Signal {
                    kind: CheckKind::Causal,
                    reason: format!("states a cause as fact: ‘{cause}’"),
                    weight: 0.7,
                });
            }
        }
        // A future or a schedule is no hedge: a plan, checkable with its actor or its day.
        let has_event = signals.iter().any(|signal| signal.kind == CheckKind::Event);
        if !has_event
            && sourced
            && reading.speculation().is_none()
            && !generic
            && let Some(plan) = reading.plan()
        {
            signals.push(plan);
        }
        if let (Some(source), None) = (unnamed, &named) {
            signals.push(Signal {
                kind: CheckKind::UnnamedSource,
                reason: format!("relies on an unnamed source: ‘{source}’"),
                weight: 0.6,
            });
        }
        Assessment { signals }
    }
}

/// A sentence's tokens, read with the document's proper nouns in mind.
struct Reading<'a> {
    tokens: &'a [Token<'a>],
    sentence: &'a str,
    proper_nouns: &'a HashSet<String, FastHash>,
    common_words: &'a HashSet<String, FastHash>,
}

impl Reading<'_> {
    fn quote(&self, from: usize, to: usize) -> String {
        let start = self.tokens[from].start;
        let end = self.tokens[to].end();
        self.sentence[start..end].to_owned()
    }

    /// A modal, a forecast or a condition: the sentence speculates rather than reports.
    fn hedge(&self) -> Option<String> {
        self.tokens
            .iter()
            .position(|token| token.is_any(&MODAL_HEDGES))
            .map(|index| self.tokens[index].text.to_owned())
    }

    /// A hedge other than the future or a schedule: "could", "likely", "if", "whether".
    fn speculation(&self) -> Option<String> {
        self.tokens
            .iter()
            .find(|token| {
                token.is_any(&MODAL_HEDGES)
                    && !token.is_any(&FUTURE_MARKERS)
                    && !token.is_any(&SCHEDULING_WORDS)
            })
            .map(|token| token.text.to_owned())
    }

    /// "In the past, …" with no date: background about how things went, not an event.
    fn speaks_of_the_past_in_general(&self) -> bool {
        let opening: Vec<&str> = self
            .tokens
            .iter()
            .take(3)
            .map(|token| token.lower.as_ref())
            .collect();
        matches!(opening.as_slice(), ["in", "the", "past"]) && self.date().is_none()
    }

    fn is_past_form(&self, index: usize) -> bool {
        let token = &self.tokens[index];
        token.is_word
            && !token.is_capitalized()
            && (token.is_any(&IRREGULAR_PAST)
                || token.lower.ends_with("ed")
                    && token.lower.chars().count() > 4
                    && !token.is_any(&NOT_PAST_ED)
                    && !token.lower.ends_with("eed"))
    }
}
