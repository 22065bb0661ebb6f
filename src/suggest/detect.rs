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

use std::collections::HashSet;

use super::words::{
    AUXILIARIES, EVALUATIVE, FIGURE_QUALIFIERS, FastHash, GENERIC_MARKERS, GENERIC_SOURCES,
    INTERPRETIVE_VERBS, IRREGULAR_PAST, MODAL_HEDGES, MONTHS, NON_EVENT_VERBS, NOT_PAST_ED,
    NOT_SUPERLATIVE_EST, REPORTING_VERBS, ROLE_SOURCES, SCALE_WORDS, SENTENCE_OPENERS,
    SPEECH_VERBS, SPELLED_NUMBERS, Token, WEEKDAYS, Words as _, is_figure_symbol, tokens,
};
use crate::model::CheckKind;

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
    /// Learns the document's proper nouns from its sentences.
    pub fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Self {
        let tokenized: Vec<Vec<Token>> = sentences.into_iter().map(tokens).collect();
        Self::from_tokenized(&tokenized)
    }

    /// Learns the document's proper nouns from its sentences, already split into tokens.
    pub(crate) fn from_tokenized(sentences: &[Vec<Token>]) -> Self {
        let mut capitalized: HashSet<&str, FastHash> = HashSet::default();
        let mut lower_case: HashSet<&str, FastHash> = HashSet::default();
        for tokens in sentences {
            let words = tokens.iter().filter(|token| token.is_word).count();
            let capitals = tokens
                .iter()
                .filter(|token| token.is_word && token.is_capitalized())
                .count();
            // Title-case lines (headlines, promotions) capitalise everything.
            if words >= 4 && capitals * 10 >= words * 6 {
                continue;
            }
            for (index, token) in tokens.iter().enumerate() {
                if !token.is_word || token.has_digit() {
                    continue;
                }
                if token.is_capitalized() {
                    if index > 0 && !is_opening_position(tokens, index) {
                        capitalized.insert(&token.lower);
                    }
                } else {
                    lower_case.insert(&token.lower);
                }
            }
        }
        Self {
            proper_nouns: capitalized
                .difference(&lower_case)
                .map(|word| (*word).to_owned())
                .collect(),
            common_words: lower_case.iter().map(|word| (*word).to_owned()).collect(),
        }
    }

    pub fn assess(&self, sentence: &str) -> Assessment {
        self.assess_tokens(sentence, &tokens(sentence))
    }

    /// Assesses a sentence already split by [`tokens`].
    pub(crate) fn assess_tokens(&self, sentence: &str, tokens: &[Token]) -> Assessment {
        if tokens.iter().filter(|token| token.is_word).count() < 3 {
            return Assessment::default();
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
        if is_title_case(tokens) || is_dateline(tokens) {
            return Assessment::default();
        }
        let reading = Reading {
            tokens,
            sentence,
            proper_nouns: &self.proper_nouns,
            common_words: &self.common_words,
        };
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
        // An evaluation put in the mouth of nobody in particular is a sourcing problem, and a
        // hedged sentence speculates: neither reports an event to check.
        if (unnamed.is_none() || named.is_some()) && reading.hedge().is_none() && !generic {
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

/// Whether a capital at `index` may only mark the start of a sentence or quotation.
fn is_opening_position(tokens: &[Token], index: usize) -> bool {
    index == 0
        || tokens[..index]
            .iter()
            .rev()
            .take_while(|token| !token.is_word)
            .any(|token| {
                matches!(
                    token.text,
                    "“" | "\"" | "‘" | ":" | "(" | "—" | "–" | "." | "?" | "!"
                )
            })
}

/// "RIVERTON, Ore., Feb. 12" or "LONDON (Reuters) —": where and when, not what.
fn is_dateline(tokens: &[Token]) -> bool {
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

fn is_title_case(tokens: &[Token]) -> bool {
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

/// "Do Follow … on Instagram", "Read More:- …", "Subscribe to our newsletter", "© 2025 …".
fn promotional(sentence: &str, tokens: &[Token]) -> Option<String> {
    // Verbs that open a call to action…
    const CALLS: &[&str] = &[
        "follow",
        "subscribe",
        "sign",
        "click",
        "tap",
        "share",
        "like",
        "download",
        "join",
        "watch",
        "listen",
        "donate",
        "support",
        "get",
        "visit",
        "email",
        "contact",
    ];
    // …and what they call the reader to: a channel, or the publication itself.
    const CHANNELS: &[&str] = &[
        "instagram",
        "facebook",
        "twitter",
        "x",
        "tiktok",
        "youtube",
        "whatsapp",
        "telegram",
        "linkedin",
        "threads",
        "bluesky",
        "newsletter",
        "newsletters",
        "podcast",
        "app",
        "channel",
        "website",
        "site",
        "us",
        "our",
    ];
    // Lines that send the reader to another article.
    const CROSS_REFERENCES: &[&[&str]] = &[
        &["read", "more"],
        &["also", "read"],
        &["read", "also"],
        &["see", "also"],
        &["related"],
        &["advertisement"],
        &["sponsored"],
    ];
    let quote = || shortened_quote(sentence);
    let lower = sentence.to_lowercase();
    if lower.contains('©') || lower.contains("all rights reserved") {
        return Some(format!("looks like boilerplate: ‘{}’", quote()));
    }
    let words: Vec<&Token> = tokens.iter().filter(|token| token.is_word).collect();
    let first = words
        .iter()
        .position(|token| !token.is_any(&["do", "please", "don't"]))
        .unwrap_or(0);
    let opening: Vec<&str> = words[first..]
        .iter()
        .take(2)
        .map(|token| token.lower.as_ref())
        .collect();
    if CROSS_REFERENCES
        .iter()
        .any(|phrase| opening.starts_with(phrase))
    {
        return Some(format!("looks like a promotional line: ‘{}’", quote()));
    }
    // "Stay informed: Download our app" — the call may follow a short lead-in.
    let after_colon = tokens
        .iter()
        .position(|token| token.text == ":")
        .filter(|&colon| colon <= 4)
        .and_then(|colon| tokens[colon + 1..].iter().find(|token| token.is_word));
    let calls_to_action = words.get(first).is_some_and(|token| token.is_any(CALLS))
        || after_colon.is_some_and(|token| token.is_any(CALLS));
    let names_a_channel = words[first..]
        .iter()
        .skip(1)
        .any(|token| token.is_any(CHANNELS));
    // A call to action carries no figures: "Share prices fell 12%" is news.
    let has_figure = tokens.iter().any(Token::has_digit);
    (calls_to_action && names_a_channel && !has_figure && words.len() <= 20)
        .then(|| format!("looks like a promotional line: ‘{}’", quote()))
}

fn shortened_quote(text: &str) -> String {
    crate::text::shortened(text.trim(), 48)
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

    fn is_name(&self, index: usize) -> bool {
        let token = &self.tokens[index];
        if !token.is_word || token.has_digit() {
            return false;
        }
        if token.is_acronym() {
            return true;
        }
        if !token.is_capitalized() {
            return false;
        }
        if token.is_any(&MONTHS) || token.is_any(&WEEKDAYS) {
            return false;
        }
        if !is_opening_position(self.tokens, index)
            || self.proper_nouns.contains(token.lower.as_ref())
        {
            return true;
        }
        if self.common_words.contains(token.lower.as_ref()) {
            return false;
        }
        // A sentence-initial capital followed by another name ("United States") or directly by
        // a verb ("Germany signed", "Iraq has") is a name; "Security forces" is not.
        self.tokens.get(index + 1).is_some_and(|next| {
            next.is_word
                && ((next.is_capitalized() && !is_opening_position(self.tokens, index + 1))
                    || (next.is_any(&AUXILIARIES) || self.is_past_form(index + 1))
                        && !token.is_any(&SENTENCE_OPENERS)
                        && !token.is_any(&GENERIC_SOURCES)
                        && !token.is("police"))
        })
    }

    fn figure(&self) -> Option<String> {
        let tokens = self.tokens;
        let index = tokens.iter().position(|token| {
            (token.has_digit() && is_numeric(&token.lower)) || token.is_any(&SPELLED_NUMBERS)
        })?;
        let mut from = index;
        while from > 0
            && (tokens[from - 1].is_any(&FIGURE_QUALIFIERS)
                || is_figure_symbol(tokens[from - 1].text))
            && index - from < 3
        {
            from -= 1;
        }
        // A qualifier must touch the number: "as" in "as many as" yes, a stray "to" no.
        while from < index && tokens[from].is_any(&["to", "at", "as", "an", "up"]) && {
            let rest: Vec<&str> = tokens[from..index]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect();
            !matches!(
                rest.as_slice(),
                ["at", "least", ..]
                    | ["up", "to", ..]
                    | ["as", "many", "as", ..]
                    | ["an", "estimated", ..]
            )
        } {
            from += 1;
        }
        let mut to = index;
        while to + 1 < tokens.len()
            && (tokens[to + 1].is_any(&SCALE_WORDS)
                || is_figure_symbol(tokens[to + 1].text)
                || tokens[to + 1].is_any(&SPELLED_NUMBERS)
                || (tokens[to + 1].has_digit() && is_numeric(&tokens[to + 1].lower)))
            && to - index < 3
        {
            to += 1;
        }
        Some(self.quote(from, to))
    }

    fn comparison(&self) -> Option<String> {
        const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "whose"];
        const FRAMES: &[&str] = &["since", "ever", "record", "history", "decades", "recent"];
        let tokens = self.tokens;
        for (index, token) in tokens.iter().enumerate() {
            let next = tokens.get(index + 1);
            let framed = tokens[index..tokens.len().min(index + 10)]
                .iter()
                .any(|later| later.is_any(FRAMES));
            // "the most extensive", "one of the most", "least expensive"
            if token.is_any(&["most", "least"])
                && index > 0
                && tokens[index - 1].is("the")
                && let Some(next) = next
                && next.is_word
                && !next.is("of")
                && !is_subjective(&next.lower)
            {
                let from = if index >= 3 && tokens[index - 3].is("one") {
                    index - 3
                } else {
                    index - 1
                };
                return Some(self.quote(from, index + 1));
            }
            // "the largest", "its highest … since 2009"
            if token.is_word
                && token.lower.ends_with("est")
                && token.lower.len() > 5
                && !token.is_any(&NOT_SUPERLATIVE_EST)
                && index > 0
                && (tokens[index - 1].is_any(DETERMINERS)
                    || tokens[index - 1].lower.ends_with("'s")
                    || tokens[index - 1].lower.ends_with("’s"))
                && !token.is_capitalized()
            {
                return Some(self.quote(index - 1, index));
            }
            // "the company's first in the U.S.", "its only plant outside Europe"
            if token.is_any(&["first", "only", "last"])
                && index > 0
                && (tokens[index - 1].lower.ends_with("'s")
                    || tokens[index - 1].lower.ends_with("’s")
                    || tokens[index - 1].is_any(&["its", "their"]))
            {
                return Some(self.quote(index - 1, index));
            }
            if token.is_any(&["best", "worst"])
                && index > 0
                && tokens[index - 1].is_any(DETERMINERS)
                && framed
            {
                return Some(self.quote(index - 1, index));
            }
            // "a record high", "for the first time", "unprecedented"
            if token.is("record") && index > 0 && tokens[index - 1].is_any(&["a", "new", "on"]) {
                return Some(self.quote(index - 1, (index + 1).min(tokens.len() - 1)));
            }
            if token.is("first")
                && tokens.get(index + 1).is_some_and(|next| next.is("time"))
                && index > 0
                && tokens[index - 1].is("the")
            {
                return Some(self.quote(index - 1, index + 1));
            }
            if token.is_any(&["unprecedented", "never"])
                && (token.is("unprecedented") || next.is_some_and(|next| next.is("before")))
            {
                return Some(self.quote(index, (index + 1).min(tokens.len() - 1)));
            }
            // "larger than", "more … than" with something measurable, "up from", "compared with"
            if token.is("than")
                && index > 0
                && !tokens.get(index + 1).is_some_and(|next| {
                    next.has_digit() || is_figure_symbol(next.text) || next.is_any(&SPELLED_NUMBERS)
                })
                && (tokens[index - 1].lower.ends_with("er") || tokens[index - 1].is("more"))
                && !tokens[index - 1].is_any(&["other", "rather", "whether", "never", "over"])
                && tokens[index - 1].is_word
                && !is_subjective(&tokens[index - 1].lower)
            {
                return Some(self.quote(index - 1, (index + 1).min(tokens.len() - 1)));
            }
            if token.is_any(&["up", "down"]) && next.is_some_and(|next| next.is("from")) {
                return Some(self.quote(index, index + 1));
            }
            if token.is("compared") && next.is_some_and(|next| next.is_any(&["with", "to"])) {
                return Some(self.quote(index, index + 1));
            }
        }
        None
    }

    /// A statement attributed to a named or specifically identified source.
    fn named_attribution(&self) -> Option<String> {
        let tokens = self.tokens;
        for (index, token) in tokens.iter().enumerate() {
            let according =
                token.is("according") && tokens.get(index + 1).is_some_and(|next| next.is("to"));
            // "X called the plan “a patchwork”": naming something in quotes reports speech.
            let calling = token.is_any(&["called", "calls", "dubbed", "described"])
                && tokens[index..]
                    .iter()
                    .any(|later| matches!(later.text, "“" | "\"" | "‘"));
            if token.is_capitalized() || !token.is_any(&REPORTING_VERBS) && !according && !calling {
                continue;
            }
            // The source is next to the verb: "Ortiz said", "said Mayor Ortiz",
            // "according to the CBO", "the ministry said".
            let after = index + if according { 2 } else { 1 };
            // Far enough back to step over a relative clause: "the council, which … , said".
            let window = (index.saturating_sub(8)..index)
                .rev()
                .chain(after..tokens.len().min(after + 4));
            for candidate in window {
                let word = &tokens[candidate];
                // "officials said" is an unnamed source, whoever is named later in the
                // sentence; "the council, which some residents opposed, said" is not.
                if word.is_any(&GENERIC_SOURCES)
                    && !self.is_name(candidate)
                    && candidate < index
                    && index - candidate <= 2
                {
                    break;
                }
                if self.is_name(candidate) || word.is_any(&ROLE_SOURCES) {
                    return Some(self.source_phrase(candidate));
                }
            }
        }
        None
    }

    /// The whole name around a name token: "Mayor Lisa Ortiz", "the CBO".
    fn source_phrase(&self, index: usize) -> String {
        let mut from = index;
        while from > 0 && self.is_name(from - 1) {
            from -= 1;
        }
        let mut to = index;
        while to + 1 < self.tokens.len() && self.is_name(to + 1) {
            to += 1;
        }
        if from > 0 && self.tokens[from - 1].is("the") {
            from -= 1;
        }
        self.quote(from, to)
    }

    /// "Experts note", "described by officials", "according to sources", "For many officials".
    fn unnamed_source(&self) -> Option<String> {
        let tokens = self.tokens;
        for (index, token) in tokens.iter().enumerate() {
            if !token.is_any(&GENERIC_SOURCES) || self.is_name(index) {
                continue;
            }
            let verb_after = tokens[index + 1..tokens.len().min(index + 7)]
                .iter()
                .position(|later| later.is_any(&SPEECH_VERBS) || later.is("say"));
            if let Some(offset) = verb_after {
                // A speech verb within six words: "officials said", "authorities involved in
                // the operation emphasized".
                return Some(self.quote(index, index + 1 + offset));
            }
            let before: Vec<&str> = tokens[index.saturating_sub(3)..index]
                .iter()
                .map(|earlier| earlier.lower.as_ref())
                .collect();
            let introduced = matches!(before.as_slice(), [.., "according", "to"] | [.., "by"])
                && (before.contains(&"according")
                    || index >= 2 && tokens[index - 2].is_any(&SPEECH_VERBS))
                || matches!(before.as_slice(), [.., "for", "many" | "some" | "most"]);
            if introduced {
                return Some(self.quote(index.saturating_sub(2), index));
            }
        }
        None
    }

    /// A modal, a forecast or a condition: the sentence speculates rather than reports.
    fn hedge(&self) -> Option<String> {
        self.tokens
            .iter()
            .position(|token| token.is_any(&MODAL_HEDGES))
            .map(|index| self.tokens[index].text.to_owned())
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

    fn event(&self) -> Option<Signal> {
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
    fn date(&self) -> Option<String> {
        let tokens = self.tokens;
        tokens.iter().enumerate().find_map(|(index, token)| {
            let previous = index.checked_sub(1).map(|before| &tokens[before]);
            if token.is_any(&WEEKDAYS)
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
                && previous.is_some_and(|p| p.is_any(&["last", "this", "past"]))
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

    /// "caused", "led to", "forced", "because of", "as a result of".
    fn cause(&self) -> Option<String> {
        const CAUSAL: &[&str] = &[
            "caused",
            "causing",
            "forced",
            "forcing",
            "triggered",
            "prompted",
            "sparked",
            "fueled",
            "fuelled",
        ];
        let tokens = self.tokens;
        tokens.iter().enumerate().find_map(|(index, token)| {
            let next = tokens.get(index + 1);
            if token.is_any(CAUSAL) && index > 0 && !tokens[index - 1].is_any(&["the", "a"]) {
                return Some(self.quote(index, index));
            }
            if token.is_any(&["led", "contributed", "leading"]) && next.is_some_and(|n| n.is("to"))
                || token.is("resulted") && next.is_some_and(|n| n.is("in"))
                || token.is("because") && next.is_some_and(|n| n.is("of"))
                || token.is("due") && next.is_some_and(|n| n.is("to"))
            {
                let past_elsewhere =
                    (0..tokens.len()).any(|other| other != index && self.is_past_form(other));
                return (token.is_any(&["led", "contributed", "resulted"]) || past_elsewhere)
                    .then(|| self.quote(index, index + 1));
            }
            None
        })
    }
}

/// "4,000", "3.5", "1990s", "2nd", "12bn", "52-48" — but not "COVID-19" or "G7".
fn is_numeric(lower: &str) -> bool {
    let trimmed = lower.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &lower[trimmed.len()..];
    trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
        && trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '‑'))
        && matches!(
            suffix,
            "" | "s"
                | "st"
                | "nd"
                | "rd"
                | "th"
                | "m"
                | "bn"
                | "k"
                | "km"
                | "kg"
                | "mph"
                | "mw"
                | "gw"
                | "ft"
                | "cm"
                | "mm"
                | "pc"
        )
}

/// Adjectives whose superlative or comparative is a matter of taste, not measurement.
fn is_subjective(lower: &str) -> bool {
    EVALUATIVE.has(lower)
        || matches!(
            lower,
            "better"
                | "worse"
                | "exciting"
                | "interesting"
                | "beautiful"
                | "popular"
                | "famous"
                | "impressive"
                | "memorable"
                | "talented"
                | "dangerous"
                | "controversial"
        )
}

fn quoted(text: &str) -> String {
    format!("‘{text}’")
}

#[cfg(test)]
mod tests {
    use super::*;
    use CheckKind::*;

    fn kinds(sentence: &str) -> Vec<CheckKind> {
        Detector::default().assess(sentence).kinds()
    }

    fn reasons(sentence: &str) -> String {
        Detector::default().assess(sentence).reasons()
    }

    #[test]
    fn figures_are_quoted_with_their_qualifiers_and_units() {
        assert_eq!(
            reasons("More than 4,000 detainees were moved."),
            "contains the figure ‘More than 4,000’; describes what was done: ‘were moved’"
        );
        assert!(reasons("The plan costs $1.2 billion a year.").contains("‘$1.2 billion’"));
        assert!(reasons("Turnout fell to 3.5 percent.").contains("‘3.5 percent’"));
        assert!(reasons("Nearly two dozen shops closed.").contains("figure"));
        assert_eq!(kinds("Unemployment could reach 7% next year."), [Figure]);
        // Numbers inside names are not figures.
        assert!(!kinds("COVID-19 changed how the G7 meets.").contains(&Figure));
    }

    #[test]
    fn named_actors_dates_and_plain_descriptions_make_events() {
        assert!(
            reasons("Germany signed the accord.").contains("reports what ‘Germany’ did: ‘signed’")
        );
        assert!(reasons("Police arrested two men on Monday.").contains("dated event"));
        assert_eq!(kinds("Every applicant was interviewed in person."), [Event]);
        // Speculation, habits and interpretation are not events.
        assert!(kinds("The change could help families.").is_empty());
        assert!(kinds("The move reflected a growing partnership.").is_empty());
        assert!(kinds("Security forces collaborated safely and securely.").is_empty());
        assert!(kinds("Batteries generally lasted longer than expected.").is_empty());
    }

    #[test]
    fn attributions_to_a_named_source_are_told_from_unnamed_ones() {
        assert!(
            reasons("Mayor Lisa Ortiz said the plan was fair.")
                .contains("attributes a statement to ‘Mayor Lisa Ortiz’")
        );
        assert!(reasons("Rates will rise, according to the CBO.").contains("‘the CBO’"));
        assert!(kinds("“We will act,” the ministry said.").contains(&Attribution));
        assert_eq!(
            kinds("Experts note that security remains a priority."),
            [UnnamedSource]
        );
        assert_eq!(
            kinds("Officials described the effort as a success."),
            [UnnamedSource]
        );
        assert_eq!(
            kinds("The plan, described by officials as essential, aimed to help."),
            [UnnamedSource]
        );
        // A figure stays checkable whoever gives it.
        assert_eq!(
            kinds("Officials said 300 homes were damaged."),
            [Figure, UnnamedSource]
        );
    }

    #[test]
    fn appositions_single_evaluative_words_and_inner_generic_nouns_do_not_hide_facts() {
        assert_eq!(kinds("Smith, the club's captain, resigned."), [Event]);
        assert_eq!(kinds("A major fire destroyed the warehouse."), [Event]);
        assert_eq!(kinds("The key witness was arrested."), [Event]);
        assert!(
            kinds("The council, which some residents opposed, said the plan would go ahead.")
                .contains(&Attribution)
        );
    }

    #[test]
    fn superlatives_rankings_and_measurable_comparisons() {
        assert!(
            reasons("It was one of the most extensive transfers in recent years.")
                .contains("‘one of the most extensive’")
        );
        assert!(kinds("It is the largest plant in Europe.").contains(&Comparison));
        assert!(kinds("Prices hit a record high.").contains(&Comparison));
        assert!(kinds("Rents are higher than in the capital.").contains(&Comparison));
        // Matters of taste are opinions, however superlative.
        assert!(kinds("He is the most exciting player the club has ever had.").is_empty());
        assert!(kinds("It was a better plan than the last one.").is_empty());
    }

    #[test]
    fn concrete_causes_stated_as_fact() {
        assert!(
            reasons("The flooding forced the closure of the bridge.")
                .contains("states a cause as fact: ‘forced’")
        );
        assert!(kinds("The outage led to 40 cancelled flights.").contains(&Causal));
        // A general or hedged cause is background or speculation.
        assert!(!kinds("Smoking may lead to cancer.").contains(&Causal));
    }

    #[test]
    fn promotional_and_boilerplate_lines() {
        for line in [
            "Do Follow Gulf Magazine on Instagram",
            "Read More:- Iraq Triumphs With Full Refining Capacity Boost Across New Plants 2026",
            "Subscribe to our newsletter for daily updates.",
            "Stay informed: Download the Daily app for alerts.",
            "© 2025 Dunmore Daily. All rights reserved.",
        ] {
            assert_eq!(kinds(line), [Promotional], "{line}");
        }
        // News that happens to start like a call to action is not a promotion.
        for news in [
            "Also on Tuesday, the council approved more than 300 new homes.",
            "Support for the measure fell to 41 percent, more than a year after the vote.",
            "Share prices fell 12% as investors sold more stock.",
            "Get ready: the city will close more roads.",
        ] {
            assert!(!kinds(news).contains(&Promotional), "{news}");
        }
        assert!(kinds("Share prices fell 12% as investors sold more stock.").contains(&Figure));
        // An imperative in a news sentence is not a promotion.
        assert!(
            !kinds("Read the report, the minister told lawmakers on Tuesday.")
                .contains(&Promotional)
        );
    }

    #[test]
    fn headlines_datelines_and_fragments_are_not_claims() {
        assert!(kinds("Iraq Triumphs With Full Refining Capacity Boost").is_empty());
        assert!(kinds("RIVERTON, Ore., Feb. 12").is_empty());
        assert!(kinds("Yes.").is_empty());
    }

    #[test]
    fn proper_nouns_are_learned_from_the_document() {
        let text = [
            "Aid reached Karvia last week.",
            "Karvia has opened two camps.",
            "Security forces patrolled.",
        ];
        let detector = Detector::from_sentences(text);
        assert!(detector.proper_nouns.contains("karvia"));
        assert!(!detector.proper_nouns.contains("security"));
        assert!(
            detector
                .assess("Karvia opened a camp, and it cost nothing.")
                .reasons()
                .contains("‘Karvia’")
        );
    }
}
