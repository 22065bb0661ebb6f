//! Sources: a statement attributed to a named or specifically identified source ("Mayor Ortiz
//! said", "according to the CBO"), told from one put in the mouth of nobody in particular
//! ("experts note", "officials said").

use super::Reading;
use crate::suggest::words::{GENERIC_SOURCES, REPORTING_VERBS, ROLE_SOURCES, SPEECH_VERBS};

impl Reading<'_> {
    /// A statement attributed to a named or specifically identified source.
    pub(super) fn named_attribution(&self) -> Option<String> {
        let tokens = self.tokens;
        'verbs: for (index, token) in tokens.iter().enumerate() {
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
            // "according to the CBO", "the ministry said", "“…,” says Ortiz".
            let after = index + if according { 2 } else { 1 };
            // Before the verb, far enough back to step over a relative clause ("the council,
            // which … , said"), but not into the quotation it closes: in "“Sudan has
            // changed,” they said" Sudan is what was said, not who said it.
            let before = (index.saturating_sub(8)..index)
                .rev()
                .take_while(|&candidate| !is_closing_quote(tokens[candidate].text));
            for candidate in before {
                let word = &tokens[candidate];
                // "officials said" is an unnamed source, whoever is named later in the
                // sentence; "the council, which some residents opposed, said" is not.
                if word.is_any(&GENERIC_SOURCES)
                    && !self.is_name(candidate)
                    && index - candidate <= 2
                {
                    // "Biden administration officials said": the officials of a named body.
                    if let Some(body) = self.named_body_before(candidate) {
                        return Some(body);
                    }
                    continue 'verbs;
                }
                if self.is_name(candidate) || word.is_any(&ROLE_SOURCES) {
                    return Some(self.source_phrase(candidate));
                }
            }
            // After the verb the source comes straight away ("said Mayor Ortiz", "said the
            // mayor"); "say what the plan is" and "said that Sudan…" report content instead.
            let end = tokens.len().min(after + 4);
            for (candidate, word) in tokens.iter().enumerate().take(end).skip(after) {
                if (self.is_name(candidate) || word.is_any(&ROLE_SOURCES))
                    && self.ends_the_clause(candidate)
                {
                    return Some(self.source_phrase(candidate));
                }
                // "says engineer Tomás Reyes": a title may stand before the name.
                let title = !word.is("that")
                    && self.tokens.get(candidate + 1).is_some()
                    && self.is_name(candidate + 1);
                if !word.is_any(&["the", "a", "an", "its", "their"])
                    && !word.is_capitalized()
                    && !title
                {
                    break;
                }
            }
        }
        None
    }

    /// Whether the source after a verb closes its clause ("said the mayor." "said Ortiz, who
    /// …") rather than begins what was said ("say the company faces …").
    fn ends_the_clause(&self, source: usize) -> bool {
        let mut next = source + 1;
        while next < self.tokens.len()
            && (self.is_name(next) || self.tokens[next].is_any(&ROLE_SOURCES))
        {
            next += 1;
        }
        self.tokens.get(next).is_none_or(|after| {
            !after.is_word
                || after.is_any(&[
                    "in", "at", "of", "on", "after", "before", "during", "from", "who", "which",
                    "when", "while", "to",
                ])
        })
    }

    /// The named body whose members a generic source noun stands for: "Biden administration
    /// officials", "Pentagon officials" — but not a nationality ("American officials"), which
    /// names nobody in particular.
    fn named_body_before(&self, generic: usize) -> Option<String> {
        let tokens = self.tokens;
        let first = (generic.saturating_sub(3)..generic).find(|&candidate| {
            (candidate..generic).all(|within| {
                self.is_name(within)
                    || tokens[within].is_any(&ROLE_SOURCES)
                    // "Biden administration": a capital the text never writes in lower case,
                    // naming a body, even at the start of a sentence.
                    || tokens[within].is_capitalized()
                        && !self.common_words.contains(tokens[within].lower.as_ref())
                        && tokens
                            .get(within + 1)
                            .is_some_and(|next| next.is_any(&ROLE_SOURCES))
            })
        })?;
        let named = (first..generic)
            .any(|within| tokens[within].is_capitalized() && !is_demonym(&tokens[within].lower));
        named.then(|| self.quote(first, generic))
    }

    /// "Experts note", "described by officials", "according to sources", "For many officials".
    pub(super) fn unnamed_source(&self) -> Option<String> {
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
}

fn is_closing_quote(text: &str) -> bool {
    matches!(text, "”" | "\"" | "’")
}

/// A word shaped like a nationality or a people ("American", "Sudanese", "Israeli",
/// "British"): as a modifier it describes a group without naming anyone in it.
pub(super) fn is_demonym(lower: &str) -> bool {
    let lower = lower.trim_end_matches("’s").trim_end_matches("'s");
    lower.chars().count() > 4
        && ["an", "ese", "ish", "i"]
            .iter()
            .any(|ending| lower.ends_with(ending))
        && !lower.ends_with("stan")
}
