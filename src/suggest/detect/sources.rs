//! Sources: a statement attributed to a named or specifically identified source ("Mayor Ortiz
//! said", "according to the CBO"), told from one put in the mouth of nobody in particular
//! ("experts note", "officials said").

use super::Reading;
use crate::suggest::words::{GENERIC_SOURCES, REPORTING_VERBS, ROLE_SOURCES, SPEECH_VERBS};

impl Reading<'_> {
    /// A statement attributed to a named or specifically identified source.
    pub(super) fn named_attribution(&self) -> Option<String> {
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
